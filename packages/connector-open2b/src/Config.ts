/**
 * The Open2b connector's config: the shop, the API key and how to read.
 *
 * ```yaml
 * config:
 *   baseUrl: https://shop.example        # the shop; the connector appends /api/v6
 *   apiKey: ${env:OPEN2B_API_KEY}        # sent as the X-Key header
 *   timeZone: Europe/Rome                # the shop's zone: Open2b's times carry no offset
 * ```
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { type Redacted, Schema } from "effect"

/**
 * A secret: a non-empty string (as `${env:NAME}` gives it) or a `Redacted` one, always held
 * `Redacted` (core's `ConfigCheck.Secret`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Secret = ConfigCheck.Secret

/**
 * The largest page the connector asks for. The seed gives `limit` no maximum; the legacy v3 API
 * capped it at 100, so 100 is the safe ceiling: a server that capped a larger `limit` silently
 * would end a keyset read at its first (short) page.
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
  baseUrl: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the shop's http(s) URL, without query or credentials, e.g. https://shop.example"
    })
  ).annotate({
    description: "The shop's URL (e.g. https://shop.example); the connector appends /api/v<apiVersion>"
  }),
  apiKey: Secret.annotate({ description: "The API key, sent as the X-Key header (a secret)" }),
  apiVersion: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 6, maximum: 99 })).annotate({
      description:
        "The API version in the path, /api/v<apiVersion>/commerce.customers.* (default 6, the version " +
        "the reference documents; 10 and 13 are newer documentation generations)"
    })
  ),
  timeZone: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Europe/Rome" })
    ).annotate({
      description:
        "The shop's IANA time zone (default UTC): Open2b writes creationTime, loginTime and updateTime " +
        "as YYYY-MM-DD HH:MM:SS in shop time, without an offset"
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxPageSize })).annotate({
      description: "Customers per find call (limit), 1 to 100 (default 100)"
    })
  )
}).annotate({ identifier: "Open2bConfig", description: "Open2b connector config" })

/**
 * @since 0.1.0
 * @category models
 */
export type Config = typeof Config.Type

/**
 * The config with its defaults applied and the API root resolved.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  /** `<baseUrl>/api/v<apiVersion>`, without a trailing slash. */
  readonly apiRoot: string
  readonly apiKey: Redacted.Redacted<string>
  readonly timeZone: string
  readonly pageSize: number
}

/**
 * The API version the reference (seed 002) documents: `POST /api/v6/commerce.customers.find`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultApiVersion = 6

/**
 * The header that carries the API key.
 *
 * @since 0.1.0
 * @category constants
 */
export const keyHeader = "X-Key"

/**
 * Applies the defaults (API v6, UTC, 100 per page) and resolves the API root.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  apiRoot: `${config.baseUrl.replace(/\/+$/, "")}/api/v${config.apiVersion ?? defaultApiVersion}`,
  apiKey: config.apiKey,
  timeZone: config.timeZone ?? "UTC",
  pageSize: config.pageSize ?? maxPageSize
})
