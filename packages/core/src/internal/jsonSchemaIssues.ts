/**
 * Turns Ajv's errors for one value into RecordIssues: one issue per failing field, with a
 * dotted path, a stable code and a short message that never echoes more than a few dozen
 * characters of the value.
 *
 * @internal
 */
import type { ErrorObject } from "ajv"
import type * as RecordIssue from "../RecordIssue.ts"

/** How much of a value or a pattern a message may echo. */
export const maxEcho = 60

const truncate = (s: string): string => (s.length > maxEcho ? `${s.slice(0, maxEcho)}…` : s)

/** A short, bounded rendering of a value for a message. */
export const describeValue = (value: unknown): string => {
  if (value === null) return "null"
  if (typeof value === "string") {
    return value.length > maxEcho
      ? `${JSON.stringify(value.slice(0, maxEcho)).slice(0, -1)}…"`
      : JSON.stringify(value)
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${typeof value} ${truncate(String(value))}`
  }
  if (Array.isArray(value)) return "an array"
  if (value === undefined) return "undefined"
  return typeof value === "object" ? "an object" : typeof value
}

/** Keywords a union (`anyOf` of a type and null, a `oneOf`) reports about itself. */
const unionNoise = new Set(["type", "anyOf", "oneOf"])

/** Which error speaks for a field when several do, most specific first. */
const priority: ReadonlyArray<string> = [
  "required",
  "additionalProperties",
  "unevaluatedProperties",
  "enum",
  "const",
  "format",
  "pattern"
]

const rank = (keyword: string): number => {
  const i = priority.indexOf(keyword)
  return i === -1 ? priority.length : i
}

const unescapePointer = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~")

const segmentsOf = (error: ErrorObject): ReadonlyArray<string> => {
  const base = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/").map(unescapePointer)
  const params = error.params as { readonly [key: string]: unknown }
  const child =
    error.keyword === "required"
      ? params.missingProperty
      : error.keyword === "additionalProperties"
        ? params.additionalProperty
        : error.keyword === "unevaluatedProperties"
          ? params.unevaluatedProperty
          : undefined
  return typeof child === "string" ? [...base, child] : base
}

const valueAt = (root: unknown, segments: ReadonlyArray<string>): unknown => {
  let current: unknown = root
  for (const segment of segments) {
    if (typeof current !== "object" || current === null) return undefined
    current = (current as { readonly [key: string]: unknown })[segment]
  }
  return current
}

const isStrictPrefix = (prefix: ReadonlyArray<string>, of: ReadonlyArray<string>): boolean =>
  prefix.length < of.length && prefix.every((s, i) => of[i] === s)

const expectedTypes = (errors: ReadonlyArray<ErrorObject>): ReadonlyArray<string> => {
  const types: Array<string> = []
  for (const error of errors) {
    if (error.keyword !== "type") continue
    const t = (error.params as { readonly type?: unknown }).type
    const list = Array.isArray(t) ? t : [t]
    for (const item of list) if (typeof item === "string" && !types.includes(item)) types.push(item)
  }
  // `null` reads best last: "expected string or null"
  return [...types.filter((t) => t !== "null"), ...types.filter((t) => t === "null")]
}

const formatLabels: { readonly [format: string]: string } = {
  "date-time": "an ISO 8601 date-time such as 2024-05-01T09:30:00Z",
  date: "a date YYYY-MM-DD",
  email: "an email address"
}

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "validate",
  path,
  code,
  message
})

const toIssue = (
  path: string,
  errors: ReadonlyArray<ErrorObject>,
  value: unknown,
  segments: ReadonlyArray<string>
): RecordIssue.RecordIssue => {
  const specific = errors.filter((e) => !unionNoise.has(e.keyword))
  const got = () => describeValue(valueAt(value, segments))
  if (specific.length === 0) {
    const types = expectedTypes(errors)
    if (types.length > 0) return issue(path, "InvalidType", `expected ${types.join(" or ")}, got ${got()}`)
    return issue(path, "Invalid", `${errors[0]?.message ?? "is invalid"}, got ${got()}`)
  }
  const error = specific.reduce((best, e) => (rank(e.keyword) < rank(best.keyword) ? e : best))
  const params = error.params as { readonly [key: string]: unknown }
  switch (error.keyword) {
    case "required":
      return issue(path, "Required", "required field is missing")
    case "additionalProperties":
    case "unevaluatedProperties":
      return issue(path, "NotAllowed", "field is not in the schema")
    case "enum":
    case "const": {
      const allowed = error.keyword === "enum" ? params.allowedValues : [params.allowedValue]
      const list = Array.isArray(allowed) ? allowed.map((v) => describeValue(v)).join(", ") : ""
      return issue(path, "InvalidEnum", `expected one of ${truncate(list)}, got ${got()}`)
    }
    case "format": {
      const format = String(params.format)
      const label = formatLabels[format] ?? `a string in format ${format}`
      return issue(path, "InvalidFormat", `expected ${label}, got ${got()}`)
    }
    case "pattern": {
      // the schema's own description says it best ("E.164 phone number, e.g. +6421555123")
      const description = (error.parentSchema as { readonly description?: unknown } | undefined)?.description
      const expected =
        typeof description === "string"
          ? description
          : `a string matching ${truncate(String(params.pattern))}`
      return issue(path, "Pattern", `expected ${expected}, got ${got()}`)
    }
    case "minimum":
    case "exclusiveMinimum":
    case "minLength":
    case "minItems":
    case "minProperties":
      return issue(path, "TooSmall", `${error.message ?? "is too small"}, got ${got()}`)
    case "maximum":
    case "exclusiveMaximum":
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return issue(path, "TooLarge", `${error.message ?? "is too large"}, got ${got()}`)
    default:
      return issue(path, "Invalid", `${error.message ?? "is invalid"}, got ${got()}`)
  }
}

/**
 * One issue per failing path. Errors a union reports about itself (its `anyOf`, the `type`
 * of its other branches) are dropped when a deeper field explains the failure.
 */
export const fromAjvErrors = (
  errors: ReadonlyArray<ErrorObject>,
  value: unknown
): ReadonlyArray<RecordIssue.RecordIssue> => {
  const groups = new Map<string, { segments: ReadonlyArray<string>; errors: Array<ErrorObject> }>()
  for (const error of errors) {
    const segments = segmentsOf(error)
    const key = segments.join(".")
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { segments, errors: [error] })
    else group.errors.push(error)
  }
  const all = [...groups.values()]
  const issues: Array<RecordIssue.RecordIssue> = []
  for (const [path, group] of groups) {
    const noiseOnly = group.errors.every((e) => unionNoise.has(e.keyword))
    if (noiseOnly && all.some((other) => isStrictPrefix(group.segments, other.segments))) continue
    issues.push(toIssue(path, group.errors, value, group.segments))
  }
  return issues
}
