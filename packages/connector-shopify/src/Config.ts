/**
 * The Shopify connector's config: the shop, an Admin API access token, the API version and
 * the page size.
 *
 * ```yaml
 * config:
 *   shop: https://example.myshopify.com     # the connector posts to /admin/api/<apiVersion>/graphql.json
 *   accessToken: ${env:SHOPIFY_TOKEN}        # shpat_..., sent as X-Shopify-Access-Token
 *   apiVersion: "2025-04"                    # default 2025-04; a quarterly release, 2025-04 or later
 * ```
 *
 * Shopify's GraphQL Admin API gives every time in UTC, so the connector has no `timeZone`
 * setting.
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import type { Redacted } from "effect"
import { Schema } from "effect"

/**
 * The API version the connector uses when the config names none.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultApiVersion = "2025-04"

/**
 * The oldest API version the connector speaks: 2025-04 brought `Customer.defaultEmailAddress`,
 * `Customer.defaultPhoneNumber` and `customerSet` with an `identifier`, which it uses.
 *
 * @since 0.1.0
 * @category constants
 */
export const oldestApiVersion = "2025-04"

/**
 * The largest page the connector asks for. Shopify allows `first: 250`, but a page of
 * customers with their addresses costs about 7 points each and one query may cost at most
 * 1,000, so 100 keeps a page under the limit.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxPageSize = 100

/**
 * Whether a text is an API version the connector speaks: `YYYY-MM` with a quarterly month
 * (01, 04, 07, 10), not older than {@link oldestApiVersion}.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isApiVersion = (version: string): boolean =>
  /^\d{4}-(01|04|07|10)$/.test(version) && version >= oldestApiVersion

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  shop: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the shop's http(s) URL, without query or credentials, e.g. https://example.myshopify.com"
    })
  ).annotate({
    description:
      "The shop's URL (e.g. https://example.myshopify.com); the connector appends /admin/api/<apiVersion>/graphql.json"
  }),
  accessToken: ConfigCheck.Secret.annotate({
    description: "An Admin API access token (shpat_...), sent as X-Shopify-Access-Token"
  }),
  apiVersion: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(isApiVersion, {
        expected: `a Shopify API version YYYY-MM (a quarterly release: 01, 04, 07 or 10), ${oldestApiVersion} or later`
      })
    ).annotate({
      description: `The GraphQL Admin API version, YYYY-MM (default ${defaultApiVersion}; ${oldestApiVersion} or later)`
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxPageSize })).annotate({
      description: `Records per page, 1 to ${maxPageSize} (default 50), kept under Shopify's cost limit of one query`
    })
  )
}).annotate({ identifier: "ShopifyConfig", description: "Shopify connector config" })

/**
 * @since 0.1.0
 * @category models
 */
export type Config = typeof Config.Type

/**
 * The config with its defaults applied and the GraphQL endpoint resolved.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  /** `<shop>/admin/api/<apiVersion>`, without a trailing slash. */
  readonly apiRoot: string
  readonly apiVersion: string
  readonly accessToken: Redacted.Redacted<string>
  readonly pageSize: number
}

/**
 * The header that carries the access token.
 *
 * @since 0.1.0
 * @category constants
 */
export const tokenHeader = "X-Shopify-Access-Token"

/**
 * Applies the defaults (API version 2025-04, 50 per page) and resolves the API root.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => {
  const apiVersion = config.apiVersion ?? defaultApiVersion
  return {
    apiRoot: `${config.shop.replace(/\/+$/, "")}/admin/api/${apiVersion}`,
    apiVersion,
    accessToken: config.accessToken,
    pageSize: config.pageSize ?? 50
  }
}
