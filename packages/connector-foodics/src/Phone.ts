/**
 * Foodics keeps a phone in two fields, `dial_code` (the country calling code, an integer:
 * `966`) and `phone` (the national number: `"565445254"`). Reading, the core transform `e164`
 * joins them (`from: [dial_code, phone], pipe: [e164]`); writing, these transforms split an
 * E.164 number back, with libphonenumber (the same library and metadata as `e164`):
 *
 * ```yaml
 * dial_code: { from: phone, pipe: [foodics.dialCode] }        # "+966565445254" → 966
 * phone: { from: phone, pipe: [foodics.nationalNumber] }      # "+966565445254" → "565445254"
 * ```
 *
 * Core has no transform that splits an E.164 number, so the connector adds these two (a
 * connector's `transforms`, registered beside the built-ins).
 *
 * @since 0.1.0
 */
import { Transform, ValueType } from "@mapwright/core"
import { parsePhoneNumberFromString } from "libphonenumber-js/max"

/**
 * An E.164 number split into its calling code and national (significant) number.
 *
 * @since 0.1.0
 * @category models
 */
export interface Split {
  readonly dialCode: number
  readonly nationalNumber: string
}

const MAX_INPUT = 40

/**
 * Splits an international number (`+966565445254`, spaces and dashes allowed) into its calling
 * code and national number; `undefined` when it is not one libphonenumber can read. The number
 * need not be valid for its country: `e164` checks validity when it is read back.
 *
 * @since 0.1.0
 * @category parsing
 */
export const split = (e164: string): Split | undefined => {
  const text = e164.trim()
  if (!text.startsWith("+") || text.length > MAX_INPUT) return undefined
  const parsed = parsePhoneNumberFromString(text)
  if (parsed === undefined) return undefined
  const dialCode = Number(parsed.countryCallingCode)
  if (!Number.isInteger(dialCode) || parsed.nationalNumber === "") return undefined
  return { dialCode, nationalNumber: parsed.nationalNumber }
}

const preview = (value: string): string =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)

const part = <A>(options: {
  readonly name: string
  readonly description: string
  readonly output: ValueType.ValueType
  readonly pick: (s: Split) => A
  readonly examples: Transform.Transform["examples"]
}): Transform.Transform =>
  Transform.make<undefined>({
    name: options.name,
    description: options.description,
    input: ["string"],
    output: () => ValueType.orNull(options.output),
    nulls: "pass",
    onInvalid: "null",
    compile: () => (value) => {
      if (typeof value !== "string") {
        return new Transform.Invalid(
          "InvalidType",
          `${options.name} takes an E.164 phone number (a string), got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`
        )
      }
      if (value.trim() === "") return null
      const s = split(value)
      return s === undefined
        ? new Transform.Invalid(
            "InvalidPhone",
            `${preview(value)} is not an international phone number (+ and the calling code)`
          )
        : options.pick(s)
    },
    examples: options.examples
  })

/**
 * `foodics.dialCode`: the calling code of an E.164 number, as the integer Foodics keeps in
 * `dial_code` (`"+966565445254"` → `966`).
 *
 * @since 0.1.0
 * @category transforms
 */
export const dialCode: Transform.Transform = part({
  name: "foodics.dialCode",
  description:
    "The country calling code of an E.164 phone number, as an integer (Foodics' `dial_code`): " +
    '`"+966565445254"` → `966`. An empty string gives `null`. Defaults to `onInvalid: null`, like `e164`.',
  output: { _tag: "Integer" },
  pick: (s) => s.dialCode,
  examples: [
    { input: "+966565445254", output: 966 },
    { input: "+12015550123", output: 1 },
    { input: "", output: null },
    { input: "0565445254", output: { invalid: "InvalidPhone" } }
  ]
})

/**
 * `foodics.nationalNumber`: the national number of an E.164 number, as Foodics keeps it in
 * `phone` (`"+966565445254"` → `"565445254"`).
 *
 * @since 0.1.0
 * @category transforms
 */
export const nationalNumber: Transform.Transform = part({
  name: "foodics.nationalNumber",
  description:
    "The national (significant) number of an E.164 phone number, without the calling code (Foodics' " +
    '`phone`): `"+966565445254"` → `"565445254"`. An empty string gives `null`. Defaults to ' +
    "`onInvalid: null`, like `e164`.",
  output: { _tag: "String" },
  pick: (s) => s.nationalNumber,
  examples: [
    { input: "+966565445254", output: "565445254" },
    { input: "+44 7911 123456", output: "7911123456" },
    { input: "", output: null },
    { input: "phone", output: { invalid: "InvalidPhone" } }
  ]
})
