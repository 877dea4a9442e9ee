/**
 * Small builders and operations over `ValueType`, for the `output` functions of the built-in
 * transforms.
 */
import type { Kind, StringFormat, ValueType } from "../../ValueType.ts"

export const string = (format?: StringFormat): ValueType =>
  format === undefined ? { _tag: "String" } : { _tag: "String", format }
export const integer: ValueType = { _tag: "Integer" }
export const number: ValueType = { _tag: "Number" }
export const boolean: ValueType = { _tag: "Boolean" }
export const nullType: ValueType = { _tag: "Null" }
export const unknown: ValueType = { _tag: "Unknown" }
export const array = (items: ValueType): ValueType => ({ _tag: "Array", items })

const members = (t: ValueType): ReadonlyArray<ValueType> => (t._tag === "Union" ? t.members : [t])

const equals = (a: ValueType, b: ValueType): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The union of the given types: nested unions are flattened, duplicates dropped, `Unknown`
 * absorbs everything, and a single member is returned as itself.
 */
export const union = (types: ReadonlyArray<ValueType>): ValueType => {
  const out: Array<ValueType> = []
  for (const t of types) {
    for (const m of members(t)) {
      if (m._tag === "Unknown") return unknown
      if (!out.some((o) => equals(o, m))) out.push(m)
    }
  }
  return out.length === 1 ? out[0]! : { _tag: "Union", members: out }
}

/** The type without its `Null` members (`Unknown` stays `Unknown`). */
export const withoutNull = (t: ValueType): ValueType => {
  if (t._tag === "Null") return union([])
  if (t._tag !== "Union") return t
  return union(t.members.filter((m) => m._tag !== "Null"))
}

export const orNull = (t: ValueType): ValueType => union([t, nullType])

/** Whether a value of this type may be a string at run time. */
export const mayBeString = (t: ValueType): boolean =>
  members(t).some((m) => m._tag === "String" || m._tag === "Unknown")

/** Whether a value of this type may be an array at run time. */
export const hasArray = (t: ValueType): boolean =>
  members(t).some((m) => m._tag === "Array" || m._tag === "Unknown")

/** Whether a value of this type may be null at run time. */
export const mayBeNull = (t: ValueType): boolean =>
  members(t).some((m) => m._tag === "Null" || m._tag === "Unknown")

/**
 * The output of a conversion that gives `null` for an empty string: `t`, or `t | Null` when the
 * input may be a string.
 */
export const orNullIfString = (input: ValueType, t: ValueType): ValueType =>
  mayBeString(input) ? orNull(t) : t

/** The type of a JSON literal, as a `default` value gives it. */
export const ofLiteral = (value: unknown): ValueType => {
  switch (typeof value) {
    case "string":
      return string()
    case "number":
      return Number.isInteger(value) ? integer : number
    case "boolean":
      return boolean
    case "object": {
      if (value === null) return nullType
      if (Array.isArray(value)) return array(value.length === 0 ? unknown : union(value.map(ofLiteral)))
      const fields: Record<string, { type: ValueType; required: boolean }> = {}
      for (const [k, v] of Object.entries(value)) fields[k] = { type: ofLiteral(v), required: true }
      return { _tag: "Object", fields, open: false }
    }
    default:
      return unknown
  }
}

/** A representative type for each kind a transform accepts (for the generated docs). */
export const ofKind = (kind: Kind): ValueType => {
  switch (kind) {
    case "string":
      return string()
    case "number":
      return number
    case "integer":
      return integer
    case "boolean":
      return boolean
    case "null":
      return nullType
    case "array":
      return array(unknown)
    case "object":
      return { _tag: "Object", fields: {}, open: true }
    case "unknown":
      return unknown
  }
}

/** A short human-readable rendering: `String (e164) | Null`. */
export const format = (t: ValueType): string => {
  switch (t._tag) {
    case "String":
      return t.format === undefined ? "String" : `String (${t.format})`
    case "Array":
      return `Array<${format(t.items)}>`
    case "Union":
      return t.members.length === 0 ? "Never" : t.members.map(format).join(" | ")
    case "Object":
      return "Object"
    default:
      return t._tag
  }
}
