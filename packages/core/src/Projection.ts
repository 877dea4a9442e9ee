/**
 * Projections: a payload kept to the fields its record schema documents.
 *
 * A connector reads payloads that carry more than its record schema says (fields that plugins,
 * extensions or newer API versions add). A projection leaves the keys the schema does not know
 * out, at every depth where the schema's object is closed; keys of an open object (a record
 * with an index signature) are all kept. Every documented value is kept exactly as sent, valid
 * or not, so the pipeline's decode stage still sees (and reports) a malformed one.
 *
 * @since 0.1.0
 */
import type { Schema } from "effect"
import { generate } from "./internal/jsonSchemaDocument.ts"

type Shape =
  | { readonly _tag: "Object"; readonly fields: ReadonlyMap<string, Shape>; readonly open: boolean }
  | { readonly _tag: "Array"; readonly items: Shape }
  | { readonly _tag: "Any" }

type Node = { readonly [key: string]: unknown }

const any: Shape = { _tag: "Any" }

const isNode = (u: unknown): u is Node => typeof u === "object" && u !== null && !Array.isArray(u)

const shapeOf = (schema: Schema.Top): Shape => {
  const { defs, root } = generate(schema)
  const convert = (node: unknown, depth: number): Shape => {
    if (!isNode(node) || depth > 32) return any
    if (typeof node.$ref === "string") {
      const name = node.$ref.replace(/^#\/\$defs\//, "")
      return convert(defs[name], depth + 1)
    }
    const members = Array.isArray(node.anyOf)
      ? node.anyOf
      : Array.isArray(node.oneOf)
        ? node.oneOf
        : undefined
    if (members !== undefined) {
      const shapes = members.map((m) => convert(m, depth + 1)).filter((s) => s._tag !== "Any")
      // a nullable object or array: its non-null member; anything else is kept whole
      return shapes.length === 1 ? shapes[0]! : any
    }
    if (node.type === "object" && isNode(node.properties)) {
      const fields = new Map<string, Shape>()
      for (const [k, v] of Object.entries(node.properties)) fields.set(k, convert(v, depth + 1))
      return { _tag: "Object", fields, open: node.additionalProperties !== false }
    }
    if (node.type === "array" && node.items !== undefined)
      return { _tag: "Array", items: convert(node.items, depth + 1) }
    return any
  }
  return convert(root, 0)
}

const apply = (shape: Shape, value: unknown): unknown => {
  switch (shape._tag) {
    case "Any":
      return value
    case "Array":
      return Array.isArray(value) ? value.map((v) => apply(shape.items, v)) : value
    case "Object": {
      if (!isNode(value)) return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) {
        const field = shape.fields.get(k)
        if (field !== undefined) out[k] = apply(field, v)
        else if (shape.open) out[k] = v
      }
      return out
    }
  }
}

/**
 * A projection onto the fields of `schema` (its encoded, JSON side), built once from the
 * schema's JSON Schema and applied to any number of payloads.
 *
 * - an object of a closed struct keeps only the keys the struct declares, at every depth;
 * - an open object (a struct with an index signature, a `Schema.Record`) keeps every key;
 * - a nullable or optional object or array is projected when it is one, kept when it is not;
 * - the elements of an array are projected one by one;
 * - a value whose shape does not match (a string where an object is declared) is kept as it
 *   is, for the decode stage to report.
 *
 * The payload is never changed: a projected object is a new object.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (schema: Schema.Top): ((value: unknown) => unknown) => {
  const shape = shapeOf(schema)
  return (value) => apply(shape, value)
}
