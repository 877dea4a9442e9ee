/**
 * The conversions a careful developer writes by hand for this mapping, on the same libraries
 * the engine uses (libphonenumber-js with its `max` metadata, i18n-iso-countries with English
 * names): blank test, email check, country to ISO2, phone to E.164, boolean spellings, whole
 * numbers. The hand-written mapper calls them directly; the JSONata engine registers them as
 * functions. Each returns its value, or an {@link Invalid} the caller turns into an issue.
 *
 * @since 0.1.0
 */
import countries from "i18n-iso-countries"
import en from "i18n-iso-countries/langs/en.json" with { type: "json" }
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString
} from "libphonenumber-js/max"

countries.registerLocale(en)

/**
 * A value that could not be converted.
 *
 * @since 0.1.0
 * @category models
 */
export interface Invalid {
  readonly invalid: string
  readonly message: string
}

/**
 * @since 0.1.0
 * @category predicates
 */
export const isInvalid = (v: unknown): v is Invalid => typeof v === "object" && v !== null && "invalid" in v

const BLANK = /^\s*$/

/**
 * Absent, null, or a string of whitespace only.
 *
 * @since 0.1.0
 * @category predicates
 */
export const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === "string" && BLANK.test(v))

/**
 * `null` for a blank value, the value itself otherwise (not trimmed).
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (v: unknown): unknown =>
  v === undefined || (typeof v === "string" && BLANK.test(v)) ? null : v

const quote = (v: unknown): string => {
  const s = String(v)
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)
}

const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[a-z]{2,63}$`)

/**
 * Trimmed, lower-cased email, `null` when blank.
 *
 * @since 0.1.0
 * @category constructors
 */
export const email = (v: string): string | null | Invalid => {
  const s = v.trim().toLowerCase()
  if (s.length === 0) return null
  if (s.length <= 254 && EMAIL.test(s) && s.indexOf("@") <= 64) return s
  return { invalid: "InvalidEmail", message: `${quote(v)} is not a valid email address` }
}

const nameKey = (s: string): string => {
  const k = s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
  return k.startsWith("the ") ? k.slice(4) : k
}

const countryTable: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>()
  for (const [a2, a3] of Object.entries(countries.getAlpha2Codes())) {
    m.set(a2.toLowerCase(), a2)
    m.set(a3.toLowerCase(), a2)
  }
  for (const [a2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) {
      const k = nameKey(name)
      if (!m.has(k)) m.set(k, a2)
    }
  }
  return m
})()

/**
 * ISO 3166-1 alpha-2 of a country name, alpha-3 or alpha-2, or `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const countryCode = (v: unknown): string | undefined => {
  if (typeof v !== "string" || v.length > 100) return undefined
  const k = v.trim().toLowerCase()
  return countryTable.get(k) ?? countryTable.get(nameKey(k))
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const country = (v: string): string | null | Invalid => {
  const code = countryCode(v)
  if (code !== undefined) return code
  if (BLANK.test(v)) return null
  return { invalid: "InvalidCountry", message: `${quote(v)} is not a known country name or ISO 3166-1 code` }
}

/**
 * The country whose national format a phone number is read in, or `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const phoneCountry = (v: unknown): CountryCode | undefined => {
  const code = countryCode(v)
  return code !== undefined && isSupportedCountry(code) ? code : undefined
}

/**
 * E.164 of a phone number in international format, or national in `country`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const e164 = (v: string, country: CountryCode | undefined): string | null | Invalid => {
  if (BLANK.test(v)) return null
  if (v.length <= 100) {
    const n = parsePhoneNumberFromString(v, country)
    if (n?.isValid()) return n.number
    // "64211234567" in NZ: the calling code without its "+"
    if (country !== undefined && !/^\s*\+/.test(v)) {
      const digits = v.replace(/\D/g, "")
      if (digits.startsWith(getCountryCallingCode(country))) {
        const plus = parsePhoneNumberFromString(`+${digits}`)
        if (plus?.isValid()) return plus.number
      }
    }
  }
  return {
    invalid: "InvalidPhone",
    message: `${quote(v)} is not a valid phone number${country === undefined ? " (and no default country applies)" : ` in ${country}`}`
  }
}

const TRUE = new Set(["true", "t", "yes", "y", "on", "1"])
const FALSE = new Set(["false", "f", "no", "n", "off", "0"])

/**
 * A boolean from the spellings platforms use; a blank string is `empty`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bool = (v: string, empty: boolean | null): boolean | null | Invalid => {
  const word = v.trim().toLowerCase()
  if (TRUE.has(word)) return true
  if (FALSE.has(word)) return false
  if (word.length === 0) return empty
  return { invalid: "InvalidBool", message: `${quote(v)} is not a boolean` }
}

const INT = /^[+-]?\d+(?:\.0*)?$/

/**
 * A whole number from its text; `null` when blank.
 *
 * @since 0.1.0
 * @category constructors
 */
export const int = (v: string): number | null | Invalid => {
  const t = v.trim()
  if (INT.test(t)) {
    const n = Number(t)
    if (Number.isSafeInteger(n)) return n + 0
  } else if (t.length === 0) return null
  return { invalid: "InvalidInt", message: `${quote(v)} is not an integer` }
}
