/**
 * The static types the mapping type-checker reasons with: a small lattice derived from the
 * JSON Schema of a record schema (connector native records, the canonical model) and used
 * for the inputs and outputs of transforms.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Formats from "./internal/jsonSchemaFormats.ts"

/**
 * The string formats the checker tells apart. A plain `String` is not assignable to a
 * `date-time` target: the mapping must say how to read it (the `datetime` transform).
 *
 * @since 0.1.0
 * @category models
 */
export type StringFormat = "date-time" | "date" | "email" | "e164" | "country" | "decimal"

/**
 * @since 0.1.0
 * @category models
 */
export type ValueType =
  | { readonly _tag: "String"; readonly format?: StringFormat; readonly enum?: ReadonlyArray<string> }
  | { readonly _tag: "Number" }
  | { readonly _tag: "Integer" }
  | { readonly _tag: "Boolean" }
  | { readonly _tag: "Null" }
  | {
      readonly _tag: "Object"
      readonly fields: Readonly<Record<string, Field>>
      /** Whether keys other than `fields` may appear (JSON Schema `additionalProperties`). */
      readonly open: boolean
    }
  | { readonly _tag: "Array"; readonly items: ValueType }
  | { readonly _tag: "Unknown" }
  | { readonly _tag: "Union"; readonly members: ReadonlyArray<ValueType> }

/**
 * A field of an object type.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field {
  readonly type: ValueType
  /** The key is always present (JSON Schema `required`). A nullable field may be required. */
  readonly required: boolean
  readonly description?: string
  /**
   * A secret (a password or its hash): JSON Schema `writeOnly`, set on an Effect Schema with
   * `.annotate({ writeOnly: true })`. Redacted in reject files, never echoed in messages.
   */
  readonly secret?: boolean
}

/**
 * The coarse kind of a value, which transforms declare as their accepted input.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = "string" | "number" | "integer" | "boolean" | "null" | "object" | "array" | "unknown"

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

/**
 * The empty union: no value has this type (the output of a pipe that always fails, the
 * non-null part of `Null`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const Never: ValueType = { _tag: "Union", members: [] }

/**
 * @since 0.1.0
 * @category constructors
 */
export const Unknown: ValueType = { _tag: "Unknown" }

/**
 * @since 0.1.0
 * @category constructors
 */
export const Null: ValueType = { _tag: "Null" }

const members = (t: ValueType): ReadonlyArray<ValueType> => (t._tag === "Union" ? t.members : [t])

const sameStrings = (a: ReadonlyArray<string> | undefined, b: ReadonlyArray<string> | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]))

const equals = (a: ValueType, b: ValueType): boolean => {
  if (a === b) return true
  if (a._tag !== b._tag) return false
  switch (a._tag) {
    case "String": {
      const s = b as typeof a
      return a.format === s.format && sameStrings(a.enum, s.enum)
    }
    case "Array":
      return equals(a.items, (b as typeof a).items)
    case "Union": {
      const u = b as typeof a
      return a.members.length === u.members.length && a.members.every((m, i) => equals(m, u.members[i]!))
    }
    case "Object": {
      const o = b as typeof a
      const ka = Object.keys(a.fields)
      const kb = Object.keys(o.fields)
      return (
        a.open === o.open &&
        ka.length === kb.length &&
        ka.every((k) => {
          const fa = a.fields[k]!
          const fb = o.fields[k]
          return fb !== undefined && fa.required === fb.required && equals(fa.type, fb.type)
        })
      )
    }
    default:
      return true
  }
}

/**
 * The union of the given types: nested unions are flattened, duplicates dropped, `Unknown`
 * absorbs everything, `Integer` goes into `Number`, string literals of one format merge into
 * one enum (and into a plain string of that format), and a single member is returned as itself.
 * The union of nothing is {@link Never}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const union = (types: ReadonlyArray<ValueType>): ValueType => {
  const out: Array<ValueType> = []
  const add = (m: ValueType): boolean => {
    switch (m._tag) {
      case "Unknown":
        return false
      case "Integer":
        if (out.some((o) => o._tag === "Number" || o._tag === "Integer")) return true
        break
      case "Number": {
        const i = out.findIndex((o) => o._tag === "Integer")
        if (i >= 0) {
          out[i] = m
          return true
        }
        break
      }
      case "String": {
        const i = out.findIndex((o) => o._tag === "String" && o.format === m.format)
        const o = out[i]
        if (o !== undefined && o._tag === "String") {
          const merged =
            o.enum === undefined || m.enum === undefined
              ? undefined
              : [...o.enum, ...m.enum.filter((v) => !o.enum!.includes(v))]
          out[i] = string(m.format, merged)
          return true
        }
        break
      }
    }
    if (!out.some((o) => equals(o, m))) out.push(m)
    return true
  }
  for (const t of types) for (const m of members(t)) if (!add(m)) return Unknown
  return out.length === 1 ? out[0]! : { _tag: "Union", members: out }
}

const string = (format: StringFormat | undefined, values: ReadonlyArray<string> | undefined): ValueType =>
  format === undefined
    ? values === undefined
      ? { _tag: "String" }
      : { _tag: "String", enum: values }
    : values === undefined
      ? { _tag: "String", format }
      : { _tag: "String", format, enum: values }

// ---------------------------------------------------------------------------------------------
// predicates and operations
// ---------------------------------------------------------------------------------------------

/**
 * Whether a value of this type may be `null`: the type is `Null` or a union with a `Null`
 * member. `Unknown` is not nullable here: what it holds is checked at run time.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isNullable = (t: ValueType): boolean => members(t).some((m) => m._tag === "Null")

/**
 * The type without its `Null` members (`Null` itself gives {@link Never}).
 *
 * @since 0.1.0
 * @category combinators
 */
export const nonNull = (t: ValueType): ValueType => {
  if (t._tag === "Null") return Never
  if (t._tag !== "Union" || !t.members.some((m) => m._tag === "Null")) return t
  return union(t.members.filter((m) => m._tag !== "Null"))
}

/**
 * `t | null`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const orNull = (t: ValueType): ValueType => union([t, Null])

/**
 * Whether the type is {@link Never}.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isNever = (t: ValueType): boolean => t._tag === "Union" && t.members.length === 0

const kindOfMember = (t: ValueType): Kind => {
  switch (t._tag) {
    case "String":
      return "string"
    case "Number":
      return "number"
    case "Integer":
      return "integer"
    case "Boolean":
      return "boolean"
    case "Null":
      return "null"
    case "Object":
      return "object"
    case "Array":
      return "array"
    default:
      return "unknown"
  }
}

/**
 * The kind of a value of this type; a union whose members are of different kinds is `unknown`.
 *
 * @since 0.1.0
 * @category models
 */
export const kindOf = (t: ValueType): Kind => {
  if (t._tag !== "Union") return kindOfMember(t)
  const kinds = new Set(t.members.map(kindOfMember))
  if (kinds.size === 2 && kinds.has("integer") && kinds.has("number")) return "number"
  return kinds.size === 1 ? [...kinds][0]! : "unknown"
}

/**
 * Whether a transform that takes `kinds` accepts every value of type `t`. An `integer` is a
 * `number`; `unknown` among the kinds accepts anything; a value of type `Unknown` is accepted
 * (it is checked at run time).
 *
 * @since 0.1.0
 * @category predicates
 */
export const accepts = (kinds: ReadonlyArray<Kind> | "any", t: ValueType): boolean => {
  if (kinds === "any" || kinds.includes("unknown")) return true
  return members(t).every((m) => {
    const k = kindOfMember(m)
    return k === "unknown" || kinds.includes(k) || (k === "integer" && kinds.includes("number"))
  })
}

// ---------------------------------------------------------------------------------------------
// formatting
// ---------------------------------------------------------------------------------------------

/**
 * A short TypeScript-like rendering for messages: `string | null`, `string (date-time)`,
 * `"male" | "female"`, `Array<string>`, `{ ... }`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (t: ValueType): string => {
  switch (t._tag) {
    case "String": {
      if (t.enum !== undefined) return t.enum.map((v) => JSON.stringify(v)).join(" | ") || "never"
      return t.format === undefined ? "string" : `string (${t.format})`
    }
    case "Number":
      return "number"
    case "Integer":
      return "integer"
    case "Boolean":
      return "boolean"
    case "Null":
      return "null"
    case "Unknown":
      return "unknown"
    case "Object":
      return Object.keys(t.fields).length === 0 ? (t.open ? "{ [key: string]: unknown }" : "{}") : "{ ... }"
    case "Array": {
      const items = show(t.items)
      return `Array<${items}>`
    }
    case "Union": {
      if (t.members.length === 0) return "never"
      const nonNulls = t.members.filter((m) => m._tag !== "Null")
      const parts = nonNulls.map(show)
      if (nonNulls.length < t.members.length) parts.push("null")
      return parts.join(" | ")
    }
  }
}

// ---------------------------------------------------------------------------------------------
// assignability
// ---------------------------------------------------------------------------------------------

const fixFor: Readonly<Record<StringFormat, string>> = {
  "date-time": "datetime",
  date: "date",
  email: "email",
  e164: "e164",
  country: "country",
  decimal: "decimal"
}

/**
 * The transform that turns a plain string into a string of the format.
 *
 * @since 0.1.0
 * @category models
 */
export const transformFor = (format: StringFormat): string => fixFor[format]

const assignableMember = (from: ValueType, to: ValueType): true | string => {
  if (to._tag === "Unknown" || from._tag === "Unknown") return true
  if (to._tag === "Union") {
    let reason: string | undefined
    for (const m of to.members) {
      const r = assignableMember(from, m)
      if (r === true) return true
      if (m._tag === from._tag) reason = r
    }
    return reason ?? mismatch(from, to)
  }
  switch (from._tag) {
    case "Null":
      return to._tag === "Null" ? true : `null is not assignable to ${show(to)}`
    case "Integer":
      return to._tag === "Integer" || to._tag === "Number" ? true : mismatch(from, to)
    case "Number":
      return to._tag === "Number"
        ? true
        : to._tag === "Integer"
          ? "number is not assignable to integer (it may have a fraction)"
          : mismatch(from, to)
    case "Boolean":
      return to._tag === "Boolean" ? true : mismatch(from, to)
    case "String": {
      if (to._tag !== "String") return mismatch(from, to)
      if (to.format !== undefined && from.format !== to.format) {
        return `${show(from)} is not assignable to string (${to.format}): add \`${fixFor[to.format]}\` to the pipe`
      }
      if (to.enum !== undefined) {
        if (from.enum === undefined) return mismatch(from, to)
        const extra = from.enum.filter((v) => !to.enum!.includes(v))
        if (extra.length > 0) {
          return `${extra.map((v) => JSON.stringify(v)).join(", ")} ${extra.length === 1 ? "is" : "are"} not one of ${show(to)}`
        }
      }
      return true
    }
    case "Array":
      if (to._tag !== "Array") return mismatch(from, to)
      {
        const r = assignable(from.items, to.items)
        return r === true ? true : `its items: ${r}`
      }
    case "Object": {
      if (to._tag !== "Object") return mismatch(from, to)
      for (const [k, f] of Object.entries(to.fields)) {
        const g = from.fields[k]
        if (g === undefined) {
          if (f.required && !isNullable(f.type) && f.type._tag !== "Unknown") return `field "${k}" is missing`
          continue
        }
        const r = assignable(g.type, f.type)
        if (r !== true) return `field "${k}": ${r}`
      }
      if (Object.keys(to.fields).length > 0 && !to.open) {
        for (const k of Object.keys(from.fields))
          if (to.fields[k] === undefined) return `field "${k}" is not expected`
      }
      return true
    }
    default:
      return mismatch(from, to)
  }
}

const mismatch = (from: ValueType, to: ValueType): string => `${show(from)} is not assignable to ${show(to)}`

/**
 * Whether every value of type `from` is a value of type `to`: `true`, or the reason why not.
 * `Integer` is a `Number`; a string with an enum or a format is a `String`, but a plain string
 * is not a string of a format (the reason names the transform that converts it); enums must be
 * subsets; `Unknown` goes both ways (it is checked at run time); `null` goes only to nullable
 * types.
 *
 * @since 0.1.0
 * @category predicates
 */
export const assignable = (from: ValueType, to: ValueType): true | string => {
  if (to._tag === "Unknown" || from._tag === "Unknown") return true
  for (const m of members(from)) {
    const r = assignableMember(m, to)
    if (r !== true) return r
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// navigation
// ---------------------------------------------------------------------------------------------

const isIndex = (segment: string): boolean => /^(?:0|[1-9]\d*)$/.test(segment)

/**
 * The type found one step into `t`: a field of an object, or an item of an array for a numeric
 * segment. `optional` is true when the step may find nothing (an optional or nullable field, an
 * array index, an open object's unknown key). `undefined` when the step is impossible.
 *
 * @since 0.1.0
 * @category combinators
 */
export const step = (
  t: ValueType,
  segment: string
): { readonly type: ValueType; readonly optional: boolean } | undefined => {
  const found: Array<ValueType> = []
  let optional = isNullable(t)
  for (const m of members(nonNull(t))) {
    switch (m._tag) {
      case "Unknown":
        return { type: Unknown, optional: true }
      case "Object": {
        const f = m.fields[segment]
        if (f !== undefined) {
          found.push(f.type)
          if (!f.required) optional = true
        } else if (m.open && Object.keys(m.fields).length === 0) {
          return { type: Unknown, optional: true }
        }
        break
      }
      case "Array":
        if (isIndex(segment)) {
          found.push(m.items)
          optional = true
        }
        break
    }
  }
  if (found.length === 0) return undefined
  return { type: union(found), optional }
}

/**
 * The type at a dotted path (or its segments) inside `t`, `| null` when any step may find
 * nothing; `undefined` when the path does not exist. A numeric segment indexes an array.
 *
 * @since 0.1.0
 * @category combinators
 */
export const field = (t: ValueType, path: string | ReadonlyArray<string>): ValueType | undefined => {
  const segments = typeof path === "string" ? (path === "" ? [] : path.split(".")) : path
  let current = t
  let optional = false
  for (const s of segments) {
    const next = step(current, s)
    if (next === undefined) return undefined
    current = next.type
    optional = optional || next.optional
  }
  return optional && current._tag !== "Unknown" ? orNull(current) : current
}

// ---------------------------------------------------------------------------------------------
// literals
// ---------------------------------------------------------------------------------------------

/**
 * The type of a JSON literal: a string gives a one-value enum (`"billing"`), so a literal is
 * assignable to an enum that holds it; an empty array gives `Array<never>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const literal = (value: unknown): ValueType => {
  switch (typeof value) {
    case "string":
      return { _tag: "String", enum: [value] }
    case "number":
      return Number.isInteger(value) ? { _tag: "Integer" } : { _tag: "Number" }
    case "boolean":
      return { _tag: "Boolean" }
    case "object": {
      if (value === null) return Null
      if (Array.isArray(value)) return { _tag: "Array", items: union(value.map(literal)) }
      const fields: Record<string, Field> = {}
      for (const [k, v] of Object.entries(value)) fields[k] = { type: literal(v), required: true }
      return { _tag: "Object", fields, open: false }
    }
    default:
      return Unknown
  }
}

// ---------------------------------------------------------------------------------------------
// from JSON Schema
// ---------------------------------------------------------------------------------------------

type JsonObject = { readonly [key: string]: unknown }

const isJsonObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

const formats: ReadonlyArray<StringFormat> = ["date-time", "date", "email", "e164", "country", "decimal"]

const formatOfPattern: ReadonlyMap<string, StringFormat> = new Map([
  [Formats.dateTimePattern.source, "date-time"],
  [Formats.datePattern.source, "date"],
  [Formats.emailPattern.source, "email"],
  [Formats.e164Pattern.source, "e164"],
  [Formats.countryPattern.source, "country"],
  [Formats.decimalPattern.source, "decimal"]
])

const nonFinite = ["Infinity", "-Infinity", "NaN"]

/** Effect encodes `Schema.Number` as `number | "Infinity" | "-Infinity" | "NaN"`: keep the number. */
const dropNonFinite = (t: ValueType): ValueType => {
  if (t._tag !== "Union" || !t.members.some((m) => m._tag === "Number")) return t
  const kept = t.members.filter(
    (m) => !(m._tag === "String" && m.enum !== undefined && m.enum.every((v) => nonFinite.includes(v)))
  )
  return kept.length === t.members.length ? t : union(kept)
}

const unescapePointer = (segment: string): string => {
  let s = segment
  try {
    s = decodeURIComponent(segment)
  } catch {
    // keep the raw segment
  }
  return s.replace(/~1/g, "/").replace(/~0/g, "~")
}

const MAX_SCHEMA_DEPTH = 200

/**
 * The type a JSON Schema describes. Takes a plain JSON Schema (with `$defs` or `definitions`)
 * or the document `Schema.toJsonSchemaDocument` gives (`{ schema, definitions }`). Handles
 * `$ref` (recursive references become `Unknown`), `anyOf`/`oneOf` (a union), `allOf` of objects,
 * `type` arrays, `enum`, `const`, `format` and the canonical model's format patterns,
 * `properties`/`required`/`additionalProperties`, `items`/`prefixItems`. What it cannot express
 * is `Unknown`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromJsonSchema = (document: unknown): ValueType => {
  if (!isJsonObject(document)) return document === false ? Never : Unknown
  const effectDocument = isJsonObject(document.schema) && ("definitions" in document || "dialect" in document)
  const root: JsonObject = effectDocument ? (document.schema as JsonObject) : document
  const defs = new Map<string, unknown>()
  for (const table of [document.definitions, root.definitions, root.$defs]) {
    if (isJsonObject(table)) for (const [k, v] of Object.entries(table)) defs.set(k, v)
  }
  const cache = new Map<string, ValueType>()
  const resolving = new Set<string>()

  const target = (ref: string): unknown => {
    const named = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref)
    if (named !== null) return defs.get(unescapePointer(named[1]!))
    if (!ref.startsWith("#")) return undefined
    let node: unknown = root
    for (const raw of ref.slice(1).split("/").slice(1)) {
      const key = unescapePointer(raw)
      if (Array.isArray(node)) node = node[Number(key)]
      else if (isJsonObject(node)) node = node[key]
      else return undefined
    }
    return node
  }

  const resolve = (ref: string, depth: number): ValueType => {
    const cached = cache.get(ref)
    if (cached !== undefined) return cached
    if (resolving.has(ref)) return Unknown
    resolving.add(ref)
    const t = convert(target(ref), depth)
    resolving.delete(ref)
    cache.set(ref, t)
    return t
  }

  const convert = (node: unknown, depth: number): ValueType => {
    if (node === false) return Never
    if (!isJsonObject(node) || depth > MAX_SCHEMA_DEPTH) return Unknown
    if (typeof node.$ref === "string") return resolve(node.$ref, depth + 1)
    const alternatives = Array.isArray(node.anyOf)
      ? node.anyOf
      : Array.isArray(node.oneOf)
        ? node.oneOf
        : undefined
    if (alternatives !== undefined)
      return dropNonFinite(union(alternatives.map((a) => convert(a, depth + 1))))
    if (Array.isArray(node.allOf)) return allOf(node.allOf.map((a) => convert(a, depth + 1)))
    if ("const" in node) return literal(node.const)
    if (Array.isArray(node.enum)) {
      const values = node.enum
      const strings = values.filter((v): v is string => typeof v === "string")
      const others = values.filter((v) => typeof v !== "string")
      const format = stringFormat(node)
      return union([
        ...(strings.length > 0 ? [string(format, strings)] : []),
        ...others.map((v) => (typeof v === "boolean" ? ({ _tag: "Boolean" } as const) : literal(v)))
      ])
    }
    const type = node.type
    if (typeof type === "string") return typed(node, type, depth)
    if (Array.isArray(type))
      return union(type.map((t) => (typeof t === "string" ? typed(node, t, depth) : Unknown)))
    if ("properties" in node || "additionalProperties" in node || "required" in node) {
      return typed(node, "object", depth)
    }
    if ("items" in node || "prefixItems" in node) return typed(node, "array", depth)
    return Unknown
  }

  const typed = (node: JsonObject, type: string, depth: number): ValueType => {
    switch (type) {
      case "string":
        return string(stringFormat(node), undefined)
      case "number":
        return { _tag: "Number" }
      case "integer":
        return { _tag: "Integer" }
      case "boolean":
        return { _tag: "Boolean" }
      case "null":
        return Null
      case "array": {
        if (node.items !== undefined && typeof node.items !== "boolean") {
          return { _tag: "Array", items: convert(node.items, depth + 1) }
        }
        if (Array.isArray(node.prefixItems)) {
          return { _tag: "Array", items: union(node.prefixItems.map((i) => convert(i, depth + 1))) }
        }
        return { _tag: "Array", items: Unknown }
      }
      case "object": {
        const required = new Set(
          Array.isArray(node.required) ? node.required.filter((r) => typeof r === "string") : []
        )
        const fields: Record<string, Field> = {}
        if (isJsonObject(node.properties)) {
          for (const [k, v] of Object.entries(node.properties)) {
            const description =
              isJsonObject(v) && typeof v.description === "string" ? v.description : undefined
            const f: Field = { type: convert(v, depth + 1), required: required.has(k) }
            const secret = isJsonObject(v) && v.writeOnly === true
            fields[k] = {
              ...f,
              ...(description === undefined ? {} : { description }),
              ...(secret ? { secret } : {})
            }
          }
        }
        const open = node.additionalProperties !== false && node.unevaluatedProperties !== false
        return { _tag: "Object", fields, open }
      }
      default:
        return Unknown
    }
  }

  return convert(root, 0)
}

const stringFormat = (node: JsonObject): StringFormat | undefined => {
  const f = node.format
  if (typeof f === "string" && (formats as ReadonlyArray<string>).includes(f)) return f as StringFormat
  return typeof node.pattern === "string" ? formatOfPattern.get(node.pattern) : undefined
}

const allOf = (types: ReadonlyArray<ValueType>): ValueType => {
  const known = types.filter((t) => t._tag !== "Unknown")
  if (known.length === 0) return Unknown
  if (known.every((t) => t._tag === "Object")) {
    const fields: Record<string, Field> = {}
    let open = true
    for (const t of known) {
      if (t._tag !== "Object") continue
      Object.assign(fields, t.fields)
      open = open && t.open
    }
    return { _tag: "Object", fields, open }
  }
  return known[0]!
}

const bySchema = new WeakMap<Schema.Top, ValueType>()

/**
 * The type of a record schema's encoded (JSON) form, through `Schema.toJsonSchemaDocument`
 * (objects closed, as the output validator sees them). Cached per schema object.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromSchema = (schema: Schema.Top): ValueType => {
  const cached = bySchema.get(schema)
  if (cached !== undefined) return cached
  let t: ValueType
  try {
    t = fromJsonSchema(Schema.toJsonSchemaDocument(schema, { onExcessProperty: "error" }))
  } catch {
    t = Unknown
  }
  bySchema.set(schema, t)
  return t
}
