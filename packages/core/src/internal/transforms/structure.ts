/**
 * Structural transforms: `default`, `coalesce`, `required`, `split`, `join`.
 */
import { Schema } from "effect"
import { Invalid, make } from "../../Transform.ts"
import { kindOf, optionalOptions, preview } from "./common.ts"
import { notAString } from "./text.ts"
import * as T from "./types.ts"

const isMissing = (v: unknown): boolean => v === null || v === undefined || v === ""

const deepFreeze = <A>(value: A): A => {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

const DefaultOptions = Schema.Struct({
  value: Schema.Json.annotate({
    description: "The value used when the input is null or absent (any JSON value but null)"
  }).check(Schema.makeFilter((v) => v !== null || "a default of null changes nothing: give a value"))
})

interface DefaultOptions {
  readonly value: Schema.Json
}

export const defaultTransform = make<DefaultOptions>({
  name: "default",
  description:
    "The input, or `value` when the input is `null` or absent. An empty string is a value: put " +
    "`nullIfEmpty` before `default` to replace it too. The output type is the input's without " +
    "`null`, joined with the type of `value`.",
  input: "any",
  output: (input, options) => T.union([T.withoutNull(input), T.ofLiteral(options.value)]),
  nulls: "handle",
  onInvalid: "reject",
  options: DefaultOptions,
  optionsRequired: true,
  compile: (options) => {
    // One deep-frozen copy, so records sharing the default cannot change it for each other.
    const fallback = deepFreeze(structuredClone(options.value))
    return (value) => (value === null || value === undefined ? fallback : value)
  },
  examples: [
    { input: null, options: { value: "other" }, output: "other" },
    { input: "female", options: { value: "other" }, output: "female" },
    { input: "", options: { value: "other" }, output: "" },
    { input: null, options: { value: [] }, output: [] }
  ]
})

export const coalesce = make<undefined>({
  name: "coalesce",
  description:
    "The first value of `from: [a, b, ...]` that is not `null`, absent or an empty string; `null` " +
    "when there is none.",
  input: ["array", "null"],
  output: (input) => {
    const items = input._tag === "Array" ? input.items : T.unknown
    return T.mayBeNull(items) || T.mayBeString(items) ? T.orNull(T.withoutNull(items)) : items
  },
  nulls: "handle",
  onInvalid: "reject",
  compile: () => (value) => {
    if (!Array.isArray(value)) return isMissing(value) ? null : value
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (!isMissing(v)) return v
    }
    return null
  },
  examples: [
    { input: [null, "", "+64211234567"], output: "+64211234567" },
    { input: ["day", "night"], output: "day" },
    { input: [null, ""], output: null }
  ]
})

export const required = make<undefined>({
  name: "required",
  description:
    "Insists on a value: `null`, absent or an empty string is invalid (`Required`). The output type " +
    "is the input's without `null`. Put `trim` before it to refuse whitespace too.",
  input: "any",
  output: (input) => T.withoutNull(input),
  nulls: "handle",
  onInvalid: "reject",
  compile: () => (value) => (isMissing(value) ? new Invalid("Required", "a value is required") : value),
  examples: [
    { input: "peter@parker.nz", output: "peter@parker.nz" },
    { input: 0, output: 0 },
    { input: null, output: { invalid: "Required" } },
    { input: "", output: { invalid: "Required" } }
  ]
})

const SplitOptions = optionalOptions(
  Schema.Struct({
    separator: Schema.optionalKey(
      Schema.String.check(Schema.isMinLength(1)).annotate({ description: "The separator", default: "," })
    )
  })
)

interface SplitOptions {
  readonly separator?: string
}

export const split = make<SplitOptions>({
  name: "split",
  description: "Splits a string on `separator` into an array of trimmed, non-empty strings.",
  input: ["string"],
  output: () => T.array(T.string()),
  nulls: "pass",
  onInvalid: "reject",
  options: SplitOptions,
  compile: (options) => {
    const separator = options.separator ?? ","
    return (value) => {
      if (typeof value !== "string") return notAString("split", value)
      const out: Array<string> = []
      for (const part of value.split(separator)) {
        const item = part.trim()
        if (item.length > 0) out.push(item)
      }
      return out
    }
  },
  examples: [
    { input: "vip, wholesale,,  ", output: ["vip", "wholesale"] },
    { input: "a|b", options: { separator: "|" }, output: ["a", "b"] },
    { input: "", output: [] }
  ]
})

const JoinOptions = optionalOptions(
  Schema.Struct({
    separator: Schema.optionalKey(Schema.String.annotate({ description: "The separator", default: ", " }))
  })
)

interface JoinOptions {
  readonly separator?: string
}

export const join = make<JoinOptions>({
  name: "join",
  description:
    "Joins an array into a string with `separator`, leaving out `null`, absent and empty items; " +
    "numbers and booleans are written as text. Nothing left gives `null`.",
  input: ["array"],
  output: () => T.orNull(T.string()),
  nulls: "pass",
  onInvalid: "reject",
  options: JoinOptions,
  compile: (options) => {
    const separator = options.separator ?? ", "
    return (value) => {
      if (!Array.isArray(value)) {
        return new Invalid("InvalidType", `join expects an array, got ${kindOf(value)} ${preview(value)}`)
      }
      let out: string | null = null
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i]
        if (isMissing(v)) continue
        if (typeof v === "object" || typeof v === "function" || typeof v === "symbol") {
          return new Invalid("InvalidType", `join cannot write item ${i}, ${kindOf(v)}, as text`)
        }
        const s = String(v)
        out = out === null ? s : out + separator + s
      }
      return out
    }
  },
  examples: [
    { input: ["Level 2", null, "", "5 Queen St"], output: "Level 2, 5 Queen St" },
    { input: ["a", 1, true], options: { separator: "/" }, output: "a/1/true" },
    { input: [null, ""], output: null }
  ]
})
