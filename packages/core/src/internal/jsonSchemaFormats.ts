/**
 * The string formats of the canonical model, each as a pattern (exported to JSON Schema) and a
 * predicate (run by Effect Schema). Each predicate accepts exactly the strings that the pattern
 * together with the JSON Schema `format` of the same name accepts under `ajv-formats` (full
 * mode), so the generated JSON Schema and the Effect Schema agree on every input.
 *
 * @internal
 */

/** `YYYY-MM-DD` with month 01-12 and day 01-31; the day is checked against the month below. */
export const datePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u

/**
 * An RFC 3339 instant: upper-case `T`, seconds required, 1 to 9 fraction digits, and `Z` or a
 * `±hh:mm` offset. No leap second (`:60`), so the pattern alone bounds every time field.
 */
export const dateTimePattern =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/u

/**
 * The `email` regex of ajv-formats (full mode), restricted to lower case: a canonical email is
 * trimmed and lower-cased, so this pattern also rejects surrounding spaces and capitals.
 */
export const emailPattern =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/u

/** E.164: `+`, a country code that does not start with 0, at most 15 digits in all. */
export const e164Pattern = /^\+[1-9]\d{1,14}$/u

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryPattern = /^[A-Z]{2}$/u

/** ISO 4217 currency code, upper case. */
export const currencyPattern = /^[A-Z]{3}$/u

/** A decimal number as a string, exactly as a source wrote it: `39`, `39.00`, `-5.5`. */
export const decimalPattern = /^-?\d+(?:\.\d+)?$/u

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** The day of a string that already matches a date pattern exists in its month. */
const dayExists = (s: string): boolean => {
  const year = Number(s.slice(0, 4))
  const month = Number(s.slice(5, 7))
  const day = Number(s.slice(8, 10))
  return day <= (month === 2 && isLeapYear(year) ? 29 : (daysInMonth[month] ?? 0))
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29). */
export const isDate = (s: string): boolean => datePattern.test(s) && dayExists(s)

/** An RFC 3339 instant on a date that exists. */
export const isDateTime = (s: string): boolean => dateTimePattern.test(s) && dayExists(s)
