/**
 * `string`: text from a number, an integer, a boolean or a string, for ids and codes that one
 * system sends as numbers and another keeps as text.
 */
import { Invalid, make } from "../../Transform.ts"
import type { ValueType } from "../../ValueType.ts"
import { kindOf, preview } from "./common.ts"
import { numberText } from "./number.ts"
import * as T from "./types.ts"

const members = (t: ValueType): ReadonlyArray<ValueType> => (t._tag === "Union" ? t.members : [t])

export const string = make<undefined>({
  name: "string",
  description:
    'Text from a number, an integer, a boolean or a string: `25` → `"25"`, `true` → `"true"`, ' +
    '`-1.5` → `"-1.5"`. Numbers are written in plain decimal notation, never with an exponent ' +
    '(`1e21` → `"1000000000000000000000"`), so a numeric id (WooCommerce\'s `id: 25`) becomes the ' +
    'text a canonical `id` needs. A string is kept as it is (`""` too). A list or a map is invalid.',
  input: ["string", "number", "integer", "boolean"],
  // A string keeps its type (its format or enum); anything else becomes plain text.
  output: (input) => T.union(members(input).map((m) => (m._tag === "String" ? m : T.string()))),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value === "string") return value
    if (typeof value === "boolean") return value ? "true" : "false"
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? numberText(value + 0)
        : new Invalid("InvalidString", `${preview(value)} is not a finite number`)
    }
    return new Invalid(
      "InvalidType",
      `string expects a string, a number or a boolean, got ${kindOf(value)} ${preview(value)}`
    )
  },
  examples: [
    { input: 25, output: "25" },
    { input: true, output: "true" },
    { input: -1.5, output: "-1.5" },
    { input: 1e21, output: "1000000000000000000000" },
    { input: "A-25", output: "A-25" },
    { input: [25], output: { invalid: "InvalidType" } }
  ]
})
