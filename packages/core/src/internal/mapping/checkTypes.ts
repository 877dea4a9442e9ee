/**
 * Type helpers of the mapping checker: the object and array parts of a target type, the types
 * of literals written for a target, hints for mismatches, the leaf paths of a source type.
 *
 * @internal
 */
import * as VT from "../../ValueType.ts"
import * as Formats from "../jsonSchemaFormats.ts"
import { quote, type YamlPath } from "../yaml.ts"
import type * as Ast from "./ast.ts"
import type * as P from "./plan.ts"

/** Where source paths are read from. */
export interface Scope {
  /** The type of the object paths start at: the record, or the current `each` item. */
  readonly type: VT.ValueType
  /** Normalized source path of the scope (array indexes dropped), for the unmapped-field check. */
  readonly prefix: ReadonlyArray<string>
  /** Source path of the scope for issues, with index slots. */
  readonly source: P.IndexedPath
  /** Index slots in use. */
  readonly depth: number
  /** What the scope is, for messages. */
  readonly what: string
  /** The scope is the items of a secret field: every value read inside is secret. */
  readonly secret: boolean
}

/** Where a value goes. */
export interface Target {
  /** Its type, with `null` when nullable; `Unknown` when untyped (inside `extra`). */
  readonly type: VT.ValueType
  /** The key must be present (else a null value leaves the key out). */
  readonly required: boolean
  readonly path: P.IndexedPath
  /** `billing.country`, `groups[].code`. */
  readonly display: string
  /** The top-level target field it belongs to. */
  readonly top: string
}

/** Reports a diagnostic about a node. */
export type Report = (
  l: Ast.Loc,
  code: string,
  message: string,
  hint?: string,
  extra?: { readonly part?: "key"; readonly severity?: "error" | "warning"; readonly path?: YamlPath }
) => void

export const isRecord = (u: unknown): u is { readonly [k: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

export const members = (t: VT.ValueType): ReadonlyArray<VT.ValueType> =>
  t._tag === "Union" ? t.members : [t]

/** The object type of a target (its object member), `"untyped"`, or undefined when it is not an object. */
export const objectOf = (
  t: VT.ValueType
): Extract<VT.ValueType, { _tag: "Object" }> | "untyped" | undefined => {
  if (t._tag === "Unknown") return "untyped"
  for (const m of members(VT.nonNull(t))) if (m._tag === "Object") return m
  return undefined
}

export const arrayOf = (t: VT.ValueType): VT.ValueType | undefined => {
  if (t._tag === "Unknown") return VT.Unknown
  for (const m of members(VT.nonNull(t))) if (m._tag === "Array") return m.items
  return undefined
}

/** Whether `segment` of a value of type `t` is a secret field (JSON Schema `writeOnly`). */
export const isSecretField = (t: VT.ValueType, segment: string): boolean =>
  members(VT.nonNull(t)).some((m) => m._tag === "Object" && m.fields[segment]?.secret === true)

export const hasDeclaredFields = (o: Extract<VT.ValueType, { _tag: "Object" }>): boolean =>
  Object.keys(o.fields).length > 0

export const formatTests: Readonly<Record<VT.StringFormat, (s: string) => boolean>> = {
  "date-time": Formats.isDateTime,
  date: Formats.isDate,
  email: (s) => Formats.emailPattern.test(s),
  e164: (s) => Formats.e164Pattern.test(s),
  country: (s) => Formats.countryPattern.test(s),
  decimal: (s) => Formats.decimalPattern.test(s)
}

/** The type of a literal written for a target: a string that has the target's format gets it. */
export const literalFor = (value: unknown, target: VT.ValueType): VT.ValueType => {
  if (typeof value === "string") {
    for (const m of members(VT.nonNull(target))) {
      if (m._tag === "String" && m.format !== undefined && formatTests[m.format](value)) {
        return { _tag: "String", format: m.format, enum: [value] }
      }
    }
    return VT.literal(value)
  }
  if (Array.isArray(value)) {
    const items = arrayOf(target) ?? VT.Unknown
    return { _tag: "Array", items: VT.union(value.map((v) => literalFor(v, items))) }
  }
  if (isRecord(value)) {
    const o = objectOf(target)
    const fields: Record<string, VT.Field> = {}
    for (const [k, v] of Object.entries(value)) {
      const ft = o === undefined || o === "untyped" ? VT.Unknown : (o.fields[k]?.type ?? VT.Unknown)
      fields[k] = { type: literalFor(v, ft), required: true }
    }
    return { _tag: "Object", fields, open: false }
  }
  return VT.literal(value)
}

/** A hint for a value of type `from` that does not fit `to`. */
export const hintFor = (from: VT.ValueType, to: VT.ValueType): string | undefined => {
  const f = VT.kindOf(from)
  const nn = VT.nonNull(to)
  for (const m of members(nn)) {
    if (m._tag === "String" && m.format !== undefined && f === "string")
      return `add \`${VT.transformFor(m.format)}\` to the pipe`
    if (m._tag === "String" && m.enum !== undefined && f === "string")
      return "map the values with a `lookup` table"
  }
  switch (VT.kindOf(nn)) {
    case "integer":
      return f === "string" || f === "number" ? "add `int` to the pipe" : undefined
    case "number":
      return f === "string" ? "add `number` to the pipe" : undefined
    case "boolean":
      return f === "string" || f === "integer" || f === "number" ? "add `bool` to the pipe" : undefined
    case "array":
      return f === "string"
        ? "add `split` to the pipe, or build the list with `each` or `items`"
        : "build the list with `each` or `items`"
    case "string":
      return f === "array" ? "add `join` to the pipe" : undefined
    case "object":
      return "build the object with a block of sub-fields"
    default:
      return undefined
  }
}

export const kindsText = (kinds: ReadonlyArray<VT.Kind> | "any"): string =>
  kinds === "any" ? "any value" : kinds.map((k) => (k === "array" ? "a tuple (array)" : k)).join(" or ")

/** JSON with sorted keys, so equal options give equal text. */
export const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(",")}}`
  }
  return value === undefined ? "undefined" : JSON.stringify(value)
}

export const preview = (value: unknown): string => {
  if (typeof value === "string") return quote(value)
  if (value === null || typeof value !== "object") return String(value)
  return Array.isArray(value) ? "(a list)" : "(a map)"
}

/** The leaf paths of a source type (array items share their array's path). */
export const leaves = (t: VT.ValueType, prefix: string): ReadonlyArray<string> => {
  const objects = members(VT.nonNull(t)).filter(
    (m): m is Extract<VT.ValueType, { _tag: "Object" }> =>
      m._tag === "Object" && Object.keys(m.fields).length > 0
  )
  if (objects.length > 0) {
    const names = [...new Set(objects.flatMap((o) => Object.keys(o.fields)))]
    return names.flatMap((k) => {
      const ft = VT.union(objects.map((o) => o.fields[k]?.type ?? VT.Never))
      return leaves(ft, prefix === "" ? k : `${prefix}.${k}`)
    })
  }
  const arrays = members(VT.nonNull(t)).filter((m) => m._tag === "Array")
  const first = arrays[0]
  if (first !== undefined && first._tag === "Array") {
    const inner = leaves(first.items, prefix)
    return inner.length === 0 ? [prefix] : inner
  }
  return prefix === "" ? [] : [prefix]
}
