/**
 * Helpers shared by the built-in transforms: option schemas for "a literal or `{ from: path }`",
 * and the short value previews used in `Invalid` messages.
 */
import { Schema, SchemaTransformation } from "effect"
import type { CompileContext } from "../../Transform.ts"

/**
 * The options of a transform whose options are all optional: a bare name (`undefined`) and an
 * empty YAML value (`e164:`, `null`) decode as `{}`.
 */
export const optionalOptions = <Fields extends Schema.Struct.Fields>(struct: Schema.Struct<Fields>) =>
  Schema.Union([struct, Schema.Undefined, Schema.Null]).pipe(
    Schema.decodeTo(
      Schema.toType(struct),
      SchemaTransformation.transform({
        // every field of `struct` is optional, so `{}` is one of its values
        decode: (options) => options ?? ({} as Schema.Struct<Fields>["Type"]),
        encode: (options) => options
      })
    )
  )

/** `{ from: <source path> }`: an option read from the record. */
export const FromPath = Schema.Struct({
  from: Schema.String.check(Schema.isMinLength(1)).annotate({ description: "a source path, dotted" })
})

export interface FromPath {
  readonly from: string
}

export const isFromPath = (option: unknown): option is FromPath =>
  typeof option === "object" && option !== null && "from" in option

/**
 * Compiles an option that is either a literal (given to `process` once, here) or `{ from: path }`
 * (read through the context, so the checker validates the path, and given to `process` per
 * record).
 */
export const compileValueOrPath = <A>(
  option: unknown,
  context: CompileContext,
  process: (value: unknown) => A
): ((record: unknown) => A) => {
  if (isFromPath(option)) {
    const get = context.value(option)
    return (record) => process(get(record))
  }
  const value = process(option)
  return () => value
}

const BLANK = /^\s*$/

/** Whether a string is empty or only whitespace (`\s`, the set `String.prototype.trim` removes). */
export const isBlank = (s: string): boolean => BLANK.test(s)

const PREVIEW = 40

/** A short, quoted rendering of a value for an error message (long strings are cut). */
export const preview = (value: unknown): string => {
  if (typeof value === "string") {
    return JSON.stringify(value.length > PREVIEW ? `${value.slice(0, PREVIEW)}…` : value)
  }
  if (value === undefined) return "undefined"
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === "object" && value !== null) return "an object"
  return String(value)
}

/** The kind of a run-time value, for messages: `string`, `number`, `array`, ... */
export const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value
