/**
 * Boolean transforms: `bool` (the spellings platforms use) and `not`.
 */
import { Schema } from "effect"
import { Invalid, make } from "../../Transform.ts"
import { isBlank, kindOf, optionalOptions, preview } from "./common.ts"
import * as T from "./types.ts"

const Options = optionalOptions(
  Schema.Struct({
    empty: Schema.optionalKey(
      Schema.NullOr(Schema.Boolean).annotate({
        description:
          "What an empty or whitespace-only string means: `null` (not set, the default), `false` or `true`",
        default: null
      })
    )
  })
)

interface Options {
  readonly empty?: boolean | null
}

const TRUE = new Set(["true", "t", "yes", "y", "on", "1"])
const FALSE = new Set(["false", "f", "no", "n", "off", "0"])
/** Longer strings are only checked for blankness, never lower-cased. */
const SHORT = 32

export const bool = make<Options>({
  name: "bool",
  description:
    "A boolean from the spellings platforms use, in any case and trimmed: `true`, `t`, `yes`, `y`, " +
    "`on`, `1` and `false`, `f`, `no`, `n`, `off`, `0`. Booleans pass, and the numbers `1` and `0` " +
    "convert. An empty string (how XML APIs give an unset leaf) is `null` unless `empty` says " +
    "otherwise, so an unset `inactive` is not read as `false`.",
  input: ["string", "boolean", "number", "integer"],
  output: (input, options) =>
    (options.empty ?? null) === null ? T.orNullIfString(input, T.boolean) : T.boolean,
  nulls: "pass",
  onInvalid: "reject",
  options: Options,
  compile: (options) => {
    const empty = options.empty ?? null
    return (value) => {
      if (typeof value === "boolean") return value
      if (typeof value === "string") {
        if (value.length <= SHORT) {
          const word = value.trim().toLowerCase()
          if (TRUE.has(word)) return true
          if (FALSE.has(word)) return false
          if (word.length === 0) return empty
        } else if (isBlank(value)) return empty
        return new Invalid("InvalidBool", `${preview(value)} is not a boolean`)
      }
      if (value === 1) return true
      if (value === 0) return false
      return new Invalid("InvalidBool", `expected a boolean, got ${kindOf(value)} ${preview(value)}`)
    }
  },
  examples: [
    { input: "True", output: true },
    { input: "no", output: false },
    { input: 1, output: true },
    { input: "", output: null },
    { input: "", options: { empty: false }, output: false },
    { input: "maybe", output: { invalid: "InvalidBool" } }
  ]
})

export const not = make<undefined>({
  name: "not",
  description: "Negates a boolean (`[bool, not]` reads an `inactive` flag as `active`).",
  input: ["boolean"],
  output: () => T.boolean,
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) =>
    typeof value === "boolean"
      ? !value
      : new Invalid("InvalidBool", `not expects a boolean, got ${kindOf(value)} ${preview(value)}`),
  examples: [
    { input: true, output: false },
    { input: false, output: true },
    { input: "yes", output: { invalid: "InvalidBool" } }
  ]
})
