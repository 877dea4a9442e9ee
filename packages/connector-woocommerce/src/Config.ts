/**
 * The WooCommerce connector's config: the site, the REST API keys and how to read.
 *
 * ```yaml
 * config:
 *   url: https://store.example          # the site; the connector appends /wp-json/wc/v3
 *   consumerKey: ${env:WC_KEY}
 *   consumerSecret: ${env:WC_SECRET}
 *   timeZone: Europe/Berlin             # the site's zone, for the non-_gmt dates only
 * ```
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { Redacted, Schema } from "effect"

/**
 * A secret: a non-empty string (as `${env:NAME}` gives it) or a `Redacted` one, always held
 * `Redacted` (core's `ConfigCheck.Secret`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Secret = ConfigCheck.Secret

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  url: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the site's http(s) URL, without query or credentials, e.g. https://store.example"
    })
  ).annotate({
    description: "The site's URL (e.g. https://store.example); the connector appends /wp-json/wc/v3"
  }),
  consumerKey: Secret.annotate({ description: "REST API consumer key (ck_...)" }),
  consumerSecret: Secret.annotate({ description: "REST API consumer secret (cs_...)" }),
  timeZone: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Europe/Berlin" })
    ).annotate({
      description:
        "The site's IANA time zone (default UTC); used only when a date comes without its _gmt field"
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 })).annotate({
      description: "Records per page, 1 to 100 (default 100, the WordPress maximum)"
    })
  ),
  queryStringAuth: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Send the keys as consumer_key/consumer_secret query parameters instead of Basic auth, " +
        "for servers that strip the Authorization header (default false)"
    })
  )
}).annotate({ identifier: "WooCommerceConfig", description: "WooCommerce connector config" })

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
  /** `<url>/wp-json/wc/v3`, without a trailing slash. */
  readonly apiRoot: string
  readonly consumerKey: Redacted.Redacted<string>
  readonly consumerSecret: Redacted.Redacted<string>
  readonly timeZone: string
  readonly pageSize: number
  readonly queryStringAuth: boolean
}

/**
 * The path of the REST API under the site URL.
 *
 * @since 0.1.0
 * @category constants
 */
export const apiPath = "/wp-json/wc/v3"

/**
 * Applies the defaults (UTC, 100 per page, Basic auth) and resolves the API root.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  apiRoot: `${config.url.replace(/\/+$/, "")}${apiPath}`,
  consumerKey: config.consumerKey,
  consumerSecret: config.consumerSecret,
  timeZone: config.timeZone ?? "UTC",
  pageSize: config.pageSize ?? 100,
  queryStringAuth: config.queryStringAuth ?? false
})

/**
 * The `Authorization` header value for Basic auth with the consumer key and secret.
 *
 * @since 0.1.0
 * @category constructors
 */
export const basicAuthorization = (config: Resolved): string =>
  `Basic ${Buffer.from(`${Redacted.value(config.consumerKey)}:${Redacted.value(config.consumerSecret)}`).toString("base64")}`
