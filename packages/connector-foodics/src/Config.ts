/**
 * The Foodics connector's config: the API's base URL, the OAuth access token and how to read.
 *
 * ```yaml
 * config:
 *   token: ${env:FOODICS_TOKEN}          # the OAuth access token, sent as `Authorization: Bearer`
 *   baseUrl: https://api-sandbox.foodics.com/v5   # optional; production by default
 *   pageSize: 50                         # optional, 1 to 100 (default 100)
 * ```
 *
 * Foodics gives every time in UTC (`YYYY-MM-DD HH:MM:SS`), so `timeZone` changes nothing: it is
 * accepted for consistency with the other connectors' configs.
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { Redacted, Schema, SchemaTransformation } from "effect"

const isSecret = (u: unknown): boolean => {
  const value: unknown = Redacted.isRedacted(u) ? Redacted.value(u) : u
  return typeof value === "string" && value.trim() !== ""
}

/**
 * A secret: a non-empty string (as `${env:NAME}` gives it) or a `Redacted` one, always held
 * `Redacted`. One clear issue when it is neither, never its value.
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
 * The documented production base URL of the API (REST v5).
 *
 * @since 0.1.0
 * @category constants
 */
export const productionUrl = "https://api.foodics.com/v5"

/**
 * The sandbox base URL (third-party knowledge; see the README).
 *
 * @since 0.1.0
 * @category constants
 */
export const sandboxUrl = "https://api-sandbox.foodics.com/v5"

/**
 * The largest page size the connector asks for.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxPageSize = 100

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  token: Secret.annotate({
    description: "The OAuth 2.0 access token of the Foodics business, sent as `Authorization: Bearer <token>`"
  }),
  baseUrl: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isBaseUrl, {
        expected: "an http(s) URL without query or credentials, e.g. https://api.foodics.com/v5"
      })
    ).annotate({
      description:
        "The API's base URL, up to and including /v5 (default https://api.foodics.com/v5; " +
        "the sandbox is https://api-sandbox.foodics.com/v5)"
    })
  ),
  timeZone: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Asia/Riyadh" })
    ).annotate({
      description:
        "An IANA time zone, accepted for consistency with other connectors; Foodics gives every time in UTC, " +
        "so it changes nothing"
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxPageSize })).annotate({
      description: "Records per page (`per_page`), 1 to 100 (default 100)"
    })
  )
}).annotate({ identifier: "FoodicsConfig", description: "Foodics connector config" })

/**
 * @since 0.1.0
 * @category models
 */
export type Config = typeof Config.Type

/**
 * The config with its defaults applied.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  /** The base URL without a trailing slash. */
  readonly baseUrl: string
  readonly token: Redacted.Redacted<string>
  readonly timeZone: string
  readonly pageSize: number
}

/**
 * Applies the defaults: production URL, UTC, 100 per page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  baseUrl: (config.baseUrl ?? productionUrl).replace(/\/+$/, ""),
  token: config.token,
  timeZone: config.timeZone ?? "UTC",
  pageSize: config.pageSize ?? maxPageSize
})

/**
 * The `Authorization` header value.
 *
 * @since 0.1.0
 * @category constructors
 */
export const authorization = (config: Resolved): string => `Bearer ${Redacted.value(config.token)}`
