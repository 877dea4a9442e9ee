/**
 * `e164`: a phone number to E.164 through `libphonenumber-js`.
 *
 * It uses the `max` metadata on purpose. The default `min` metadata only checks a number's
 * length, so `isValid()` accepts digits no operator ever assigned; `max` carries the per-country
 * number patterns (Google's full metadata), so what we write to a target is a number that can
 * exist. The cost is ~65 kB more metadata, loaded once by a server-side engine.
 */
import { Schema } from "effect"
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString
} from "libphonenumber-js/max"
import { Invalid, make } from "../../Transform.ts"
import { compileValueOrPath, FromPath, isBlank, kindOf, optionalOptions, preview } from "./common.ts"
import { normalizeCountry } from "./country.ts"
import * as T from "./types.ts"

/** A country normalised like `country` and known to libphonenumber, or `undefined`. */
const phoneCountry = (value: unknown): CountryCode | undefined => {
  const code = normalizeCountry(value)
  return code !== undefined && isSupportedCountry(code) ? code : undefined
}

const CountryLiteral = Schema.String.check(
  Schema.makeFilter((s: string) =>
    phoneCountry(s) !== undefined
      ? undefined
      : `${JSON.stringify(s)} is not a country with a phone numbering plan`
  )
)

const Options = optionalOptions(
  Schema.Struct({
    defaultCountry: Schema.optionalKey(
      Schema.Union([CountryLiteral, FromPath]).annotate({
        description:
          "The country of numbers written in national format: a country (ISO2, ISO3 or name) or " +
          "`{ from: path }` to read it from the record (normalised like `country`; an unknown or " +
          "empty value means no default country)"
      })
    )
  })
)

interface Options {
  readonly defaultCountry?: string | FromPath
}

const MAX_INPUT = 100
const NOT_DIGIT = /\D/g
const DIAL_CODE = /^\d{1,3}$/
const LEADING_PLUS = /^\s*\+/
const DIAL_PREFIX = /^(\+|00)/

const invalid = (value: unknown, why: string): Invalid =>
  new Invalid("InvalidPhone", `${preview(value)} is not a valid phone number${why}`)

const valid = (n: PhoneNumber | undefined): string | undefined => (n?.isValid() ? n.number : undefined)

/** `+<digits>` when `digits` start with the calling code, for numbers written without their `+`. */
const withPlus = (text: string, callingCode: string): string | undefined => {
  const digits = text.replace(NOT_DIGIT, "")
  return digits.startsWith(callingCode) ? valid(parsePhoneNumberFromString(`+${digits}`)) : undefined
}

const fromText = (text: string, country: CountryCode | undefined): string | Invalid | null => {
  if (isBlank(text)) return null
  if (text.length > MAX_INPUT) return invalid(text, " (too long)")
  const n = valid(parsePhoneNumberFromString(text, country))
  if (n !== undefined) return n
  // "64211234567" with default country NZ: the number with its calling code but no "+"
  if (country !== undefined && !LEADING_PLUS.test(text)) {
    const plus = withPlus(text, getCountryCallingCode(country))
    if (plus !== undefined) return plus
  }
  return invalid(text, country === undefined ? " (and no default country applies)" : ` in ${country}`)
}

const toText = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined

const fromTuple = (
  tuple: ReadonlyArray<unknown>,
  country: CountryCode | undefined
): string | Invalid | null => {
  if (tuple.length !== 2) return invalid(tuple, ": expected [dialCode, number]")
  const number = tuple[1] === null || tuple[1] === undefined ? "" : toText(tuple[1])
  if (number === undefined) return invalid(tuple[1], `: the number is ${kindOf(tuple[1])}`)
  if (isBlank(number)) return null
  const dialText = tuple[0] === null || tuple[0] === undefined ? "" : toText(tuple[0])
  if (dialText === undefined) return invalid(tuple[0], `: the dial code is ${kindOf(tuple[0])}`)
  const dial = dialText.trim().replace(DIAL_PREFIX, "")
  if (dial === "" || LEADING_PLUS.test(number)) return fromText(number, country)
  if (!DIAL_CODE.test(dial)) return invalid(dialText, " dial code")
  if (number.length > MAX_INPUT) return invalid(number, " (too long)")
  const n = valid(parsePhoneNumberFromString(number, { defaultCallingCode: dial })) ?? withPlus(number, dial)
  return n ?? invalid(number, ` with dial code +${dial}`)
}

export const e164 = make<Options>({
  name: "e164",
  description:
    "A phone number to E.164 (`+64211234567`), validated against the full libphonenumber metadata. " +
    "Takes a string in international or national format (national needs `defaultCountry`), or " +
    "the pair `from: [dial_code, phone]` (the dial code with or without `+`). Extensions are " +
    "dropped. An empty string gives `null`. Defaults to `onInvalid: null`: a phone that is not a " +
    "valid number is a warning that empties the field, it does not cost the whole customer.",
  input: ["string", "number", "integer", "array"],
  // An empty number, alone or in the pair, gives null.
  output: (input) =>
    T.mayBeString(input) || T.hasArray(input) ? T.orNull(T.string("e164")) : T.string("e164"),
  nulls: "pass",
  onInvalid: "null",
  options: Options,
  compile: (options, context) => {
    const country = compileValueOrPath(options.defaultCountry, context, phoneCountry)
    return (value, record) => {
      if (typeof value === "string") return fromText(value, country(record))
      if (Array.isArray(value)) return fromTuple(value, country(record))
      if (typeof value === "number" && Number.isFinite(value)) return fromText(String(value), country(record))
      return new Invalid("InvalidPhone", `e164 expects a string or [dialCode, number], got ${kindOf(value)}`)
    }
  },
  examples: [
    { input: "+64 21 123 4567", output: "+64211234567" },
    { input: "021 123 4567", options: { defaultCountry: "NZ" }, output: "+64211234567" },
    { input: ["966", "565445254"], output: "+966565445254" },
    {
      input: "(201) 555-0123",
      options: { defaultCountry: { from: "b_country" } },
      record: { b_country: "United States" },
      output: "+12015550123"
    },
    { input: "12345", options: { defaultCountry: "NZ" }, output: { invalid: "InvalidPhone" } }
  ]
})
