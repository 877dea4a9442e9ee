/**
 * Record schemas by name (`xml-resultset/Customer`, `canonical/Customer`), gathered from the
 * connector packages a program registers explicitly. Lookups do no I/O, so `check`, `test`
 * and `map` work offline.
 *
 * @since 0.1.0
 */
import type { Schema } from "effect"

/**
 * @since 0.1.0
 * @category models
 */
export interface RecordSchema {
  /** `<system>/<Record>`: the name a mapping's `source` and `target` use. */
  readonly name: string
  /** The Effect Schema of the record, in its encoded (JSON) form. */
  readonly schema: Schema.Top
  readonly description?: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SchemaRegistry {
  readonly get: (name: string) => RecordSchema | undefined
  readonly names: ReadonlyArray<string>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (name: string, schema: Schema.Top, description?: string): RecordSchema =>
  description === undefined ? { name, schema } : { name, schema, description }

/**
 * A registry of the given schemas. A name given twice is a programming error and throws at
 * start-up, so two packages can never silently shadow each other.
 *
 * @since 0.1.0
 * @category constructors
 */
export const registry = (schemas: Iterable<RecordSchema>): SchemaRegistry => {
  const byName = new Map<string, RecordSchema>()
  for (const s of schemas) {
    if (byName.has(s.name)) throw new Error(`record schema "${s.name}" is registered twice`)
    byName.set(s.name, s)
  }
  return { get: (name) => byName.get(name), names: [...byName.keys()].sort() }
}
