/**
 * Mapwright's compiled mapping: `Mapping.load` of the connector's
 * `customer.to-canonical.yaml` with the registry of the canonical and xml-resultset schemas,
 * output validation on (the default, as `mapwright map` runs it).
 *
 * @since 0.1.0
 */
import { NodeFileSystem } from "@effect/platform-node"
import * as XmlResultset from "@mapwright/connector-xml-resultset"
import { Canonical, Mapping, RecordSchema, type Transform } from "@mapwright/core"
import { Effect } from "effect"
import type { Mapper } from "./Engine.ts"

/**
 * The schema registry the mapping is loaded with.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schemas = (): RecordSchema.SchemaRegistry =>
  RecordSchema.registry([...Canonical.schemas, ...XmlResultset.schemas])

/**
 * Loads and compiles the mapping under test; `transforms` replaces the built-in registry (the
 * profile uses it to count or stub a transform).
 *
 * @since 0.1.0
 * @category constructors
 */
export const compile = (options: {
  readonly validate: boolean
  readonly transforms?: Transform.TransformRegistry
}): Promise<Mapping.CompiledMapping> =>
  Effect.runPromise(
    Mapping.load(XmlResultset.mappings.customerToCanonical, {
      schemas: schemas(),
      validate: options.validate,
      ...(options.transforms === undefined ? {} : { transforms: options.transforms })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

/**
 * @since 0.1.0
 * @category constructors
 */
export const engine = async (): Promise<Mapper> => {
  const mapping = await compile({ validate: true })
  return { _tag: "Mapper", name: "mapwright", mapping: mapping.name, map: mapping }
}
