/**
 * The leaf types of the record schemas. Every leaf of a PrestaShop record is a string, as the
 * XML carries it (JSON answers are brought to the same form): ids, flags, dates and amounts
 * are checked by pattern, and `""` (an unset value, or a JSON `null`) passes everywhere.
 */
import { Schema } from "effect"

/**
 * A string matching `regex`, with the pattern in the JSON Schema too (`Schema.isPattern` does
 * not emit one, and the pipeline's validator works from the JSON Schema).
 */
export const matching = (regex: RegExp, expected: string) =>
  Schema.String.check(
    Schema.makeFilter((s: string) => regex.test(s), {
      expected,
      toJsonSchema: () => ({ pattern: regex.source })
    })
  )

const pattern = (regex: RegExp, expected: string, description: string) =>
  matching(regex, expected).annotate({ description })

/** Free text. */
export const text = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

/** An unsigned id (`"0"` for none). */
export const id = (description: string) =>
  Schema.optionalKey(pattern(/^(\d{1,20})?$/, "an id (digits)", description))

/** A flag, `"0"` or `"1"`. */
export const flag = (description: string) =>
  Schema.optionalKey(pattern(/^[01]?$/, 'a flag, "0" or "1"', description))

/** A shop-local date-time `YYYY-MM-DD HH:MM:SS` (`0000-00-00 00:00:00` when unset). */
export const dateTime = (description: string) =>
  Schema.optionalKey(
    pattern(
      /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})?$/,
      "a date-time YYYY-MM-DD HH:MM:SS",
      `${description} (YYYY-MM-DD HH:MM:SS)`
    )
  )

/** A date `YYYY-MM-DD` (`0000-00-00` when unset). */
export const date = (description: string) =>
  Schema.optionalKey(pattern(/^(\d{4}-\d{2}-\d{2})?$/, "a date YYYY-MM-DD", `${description} (YYYY-MM-DD)`))

/** A decimal amount as PrestaShop writes it (`"0.000000"`). */
export const decimal = (description: string) =>
  Schema.optionalKey(pattern(/^(-?\d+(\.\d+)?)?$/, "a decimal number such as 12.50", description))

/** An integer. */
export const int = (description: string) =>
  Schema.optionalKey(pattern(/^(-?\d{1,18})?$/, "an integer", description))

/** A multilingual value: one entry per language, the connector's `languageId` first. */
export const Translation = Schema.Struct({
  id: Schema.String.annotate({ description: "The language id" }),
  value: Schema.String.annotate({ description: "The text in that language" })
}).annotate({
  identifier: "PrestaShopTranslation",
  description: "A multilingual field's value in one language"
})

/** A multilingual field. */
export const multilingual = (description: string) =>
  Schema.optionalKey(
    Schema.Array(Translation).annotate({ description: `${description} (one entry per language)` })
  )
