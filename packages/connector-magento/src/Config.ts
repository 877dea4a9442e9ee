/**
 * The Magento 2 connector's config: the store, the bearer token and how to read and write.
 *
 * ```yaml
 * config:
 *   url: https://shop.example          # the store; the connector appends /rest[/<storeCode>]/V1
 *   token: ${env:MAGENTO_TOKEN}        # an integration access token (or an admin token)
 *   storeCode: all                     # optional; default none (/rest/V1)
 * ```
 *
 * The token is sent as `Authorization: Bearer <token>`. An integration's access token works
 * that way since Magento 2.4.4 when `oauth/consumer/enable_integration_as_bearer` is on; an
 * admin token (`POST /V1/integration/admin/token`) always does, for four hours.
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { type Redacted, Schema } from "effect"

/**
 * The largest `searchCriteria[pageSize]` Magento takes by default (2.4.7's
 * `webapi/validation/maximum_page_size`).
 *
 * @since 0.1.0
 * @category constants
 */
export const maxPageSize = 300

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  url: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the store's http(s) URL, without query or credentials, e.g. https://shop.example"
    })
  ).annotate({
    description: "The store's URL (e.g. https://shop.example); the connector appends /rest[/<storeCode>]/V1"
  }),
  token: ConfigCheck.Secret.annotate({
    description:
      "A bearer token: an integration's access token (Magento 2.4.4+ with integration tokens allowed as bearer) or an admin token"
  }),
  storeCode: Schema.optionalKey(
    Schema.String.check(
      Schema.isPattern(/^[a-z0-9_]{1,32}$/u, {
        expected: "a store code such as default or all (lower-case letters, digits and _)"
      })
    ).annotate({
      description: "The store view code in /rest/<storeCode>/V1 (default none: /rest/V1, the default store)"
    })
  ),
  timeZone: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Europe/Berlin" })
    ).annotate({
      description:
        "The zone the API's times are written in (default UTC, what Magento writes). Set it only for a server " +
        "whose database session is not in UTC, which then sends its times shifted (magento2#28181)"
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxPageSize })).annotate({
      description: `Records per page, 1 to ${maxPageSize} (default 100; ${maxPageSize} is Magento's default maximum)`
    })
  ),
  concurrency: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 16 })).annotate({
      description:
        "Write requests in flight at once, 1 to 16 (default 4): Magento has no batch endpoint for customers"
    })
  ),
  createMissingGroups: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Create a customer group that a customer to write names (by code) and Magento does not have, with tax " +
        "class 3 (default false: such a customer is rejected)"
    })
  )
}).annotate({ identifier: "MagentoConfig", description: "Magento 2 connector config" })

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
  /** `<url>/rest[/<storeCode>]/V1`, without a trailing slash. */
  readonly apiRoot: string
  readonly token: Redacted.Redacted<string>
  readonly timeZone: string
  readonly pageSize: number
  readonly concurrency: number
  readonly createMissingGroups: boolean
}

/**
 * Applies the defaults (UTC, 100 a page, 4 writes at once) and resolves the API root.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  apiRoot: `${config.url.replace(/\/+$/, "")}/rest${config.storeCode === undefined ? "" : `/${config.storeCode}`}/V1`,
  token: config.token,
  timeZone: config.timeZone ?? "UTC",
  pageSize: config.pageSize ?? 100,
  concurrency: config.concurrency ?? 4,
  createMissingGroups: config.createMissingGroups ?? false
})
