/**
 * Checks that connector configs share: whether a string names an IANA time zone, and whether
 * it is an http(s) URL a connector can put an API path behind (no query, fragment or
 * credentials, which would otherwise end up in logs). Use them in config schemas with
 * `Schema.makeFilter`. And `Secret`, the schema of every API key, token and password.
 *
 * @since 0.1.0
 */
import { Redacted, Schema, SchemaTransformation } from "effect"

const isSecret = (u: unknown): boolean =>
  (typeof u === "string" && u !== "") ||
  (Redacted.isRedacted(u) && typeof Redacted.value(u) === "string" && Redacted.value(u) !== "")

/**
 * A secret in a connector config: a non-empty string (as `${env:NAME}` gives it) or a
 * `Redacted` one, always held `Redacted`. Bad input gives one clear issue that never quotes
 * the value.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Secret = Schema.Unknown.check(
  Schema.makeFilter(isSecret, { expected: "a non-empty string (a secret: give it as $" + "{env:NAME})" })
).pipe(
  Schema.decodeTo(
    Schema.Redacted(Schema.String),
    SchemaTransformation.transform({
      decode: (u: unknown): Redacted.Redacted<string> =>
        Redacted.isRedacted(u) ? (u as Redacted.Redacted<string>) : Redacted.make(String(u)),
      encode: (r: Redacted.Redacted<string>): unknown => r
    })
  )
)

/**
 * Whether `zone` is an IANA time zone this runtime knows (`Pacific/Auckland`, `UTC`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * Whether `url` is an http(s) URL without query, fragment or credentials.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBaseUrl = (url: string): boolean => {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  return (
    (parsed.protocol === "http:" || parsed.protocol === "https:") &&
    parsed.search === "" &&
    parsed.hash === "" &&
    parsed.username === "" &&
    parsed.password === ""
  )
}
