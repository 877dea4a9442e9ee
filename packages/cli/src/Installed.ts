/**
 * What this installation of the CLI knows: the record schemas of the canonical model and of
 * every installed connector package, listed explicitly (no discovery by side effect).
 *
 * @since 0.1.0
 */
import * as Foodics from "@mapwright/connector-foodics"
import * as Magento from "@mapwright/connector-magento"
import * as Open2b from "@mapwright/connector-open2b"
import * as PrestaShop from "@mapwright/connector-prestashop"
import * as Shopify from "@mapwright/connector-shopify"
import * as WooCommerce from "@mapwright/connector-woocommerce"
import * as XmlResultset from "@mapwright/connector-xml-resultset"
import {
  Canonical,
  type Connector,
  ConnectorRegistry,
  type Mapping,
  type Pipeline,
  RecordSchema,
  Transform,
  Transforms
} from "@mapwright/core"

/**
 * The connector packages this CLI ships with. To add one, add its package to the CLI's
 * dependencies and its module here.
 *
 * @since 0.1.0
 * @category models
 */
export const connectors: ReadonlyArray<{
  readonly name: string
  readonly schemas: ReadonlyArray<RecordSchema.RecordSchema>
  readonly connector: Connector.Connector
  /** The transforms the package adds to the built-ins, when it has any. */
  readonly transforms?: ReadonlyArray<Transform.Transform>
}> = [XmlResultset, WooCommerce, Magento, Shopify, PrestaShop, Open2b, Foodics]

/**
 * The installed connectors, for pipelines (`connector: woocommerce`) and `decode`, `encode`,
 * `connectors`; a pipeline may still name another package, which is then imported.
 *
 * @since 0.1.0
 * @category models
 */
export const registry: ConnectorRegistry.ConnectorRegistry = ConnectorRegistry.make(
  connectors.map((c) => c.connector),
  // Packages are looked up in the user's project first, then among the CLI's own dependencies.
  { importer: ConnectorRegistry.makeImporter((specifier) => import(specifier)) }
)

/**
 * Every record schema a mapping may name: `canonical/*` and each connector's.
 *
 * @since 0.1.0
 * @category models
 */
export const schemas: RecordSchema.SchemaRegistry = RecordSchema.registry([
  ...Canonical.schemas,
  ...connectors.flatMap((c) => c.schemas)
])

/**
 * Every transform a mapping may use: the built-ins and each connector's own. A name given
 * twice throws at start-up.
 *
 * @since 0.1.0
 * @category models
 */
export const transforms: Transform.TransformRegistry = Transform.registry([
  ...Transforms.builtins,
  ...connectors.flatMap((c) => c.transforms ?? [])
])

/**
 * The options every command loads mappings with.
 *
 * @since 0.1.0
 * @category models
 */
export const loadOptions: Mapping.LoadOptions = { schemas, transforms }

/**
 * The options every command loads pipelines with: the installed connectors and transforms.
 *
 * @since 0.1.0
 * @category models
 */
export const pipelineOptions: Pipeline.LoadOptions = { registry, transforms }
