/**
 * JSON Schema documents from Effect Schemas, shared by the generated `canonical.schema.json`
 * and by the compiled output validator, so both describe exactly the same thing.
 *
 * @internal
 */
import { Schema } from "effect"

/** The draft Effect emits and the `$schema` URI that names it. */
export const draft202012 = "https://json-schema.org/draft/2020-12/schema"

/** A JSON Schema node, as plain JSON. */
export type JsonSchemaNode = { readonly [key: string]: unknown }

/** A record schema's root node and the definitions its `#/$defs/...` references point to. */
export interface Generated {
  readonly root: JsonSchemaNode
  readonly defs: { readonly [name: string]: JsonSchemaNode }
}

/**
 * The JSON Schema of the encoded (JSON) side of `schema`. Objects are closed
 * (`additionalProperties: false`) except those modelled as records (index signatures).
 * References are `#/$defs/<identifier>`.
 */
export const generate = (schema: Schema.Top): Generated => {
  const document = Schema.toJsonSchemaDocument(schema, { onExcessProperty: "error" })
  return { root: document.schema, defs: document.definitions }
}

/** One self-contained draft 2020-12 document for a single schema (what Ajv compiles). */
export const standalone = (schema: Schema.Top): JsonSchemaNode => {
  const { defs, root } = generate(schema)
  return Object.keys(defs).length === 0
    ? { $schema: draft202012, ...root }
    : { $schema: draft202012, ...root, $defs: defs }
}

const stableJson = (value: unknown): string => JSON.stringify(value)

/**
 * Merges the definitions of several generated schemas into one `$defs` table, sorted by name.
 * The same identifier defined two different ways is a programming error and throws.
 */
export const mergeDefinitions = (
  generated: ReadonlyArray<Generated>
): { readonly [name: string]: JsonSchemaNode } => {
  const merged = new Map<string, JsonSchemaNode>()
  for (const { defs } of generated) {
    for (const [name, node] of Object.entries(defs)) {
      const seen = merged.get(name)
      if (seen === undefined) merged.set(name, node)
      else if (stableJson(seen) !== stableJson(node)) {
        throw new Error(`JSON Schema definition "${name}" is generated twice with different content`)
      }
    }
  }
  const out: { [name: string]: JsonSchemaNode } = {}
  for (const name of [...merged.keys()].sort()) out[name] = merged.get(name)!
  return out
}
