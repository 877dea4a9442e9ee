/**
 * What this installation of the CLI knows: the record schemas of the canonical model and of
 * every installed connector package, listed explicitly (no discovery by side effect).
 *
 * @since 0.1.0
 */
import * as XmlResultset from "@mapwright/connector-xml-resultset"
import { Canonical, type Mapping, RecordSchema } from "@mapwright/core"

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
}> = [XmlResultset]

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
 * The options every command loads mappings with.
 *
 * @since 0.1.0
 * @category models
 */
export const loadOptions: Mapping.LoadOptions = { schemas }
