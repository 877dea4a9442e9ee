/**
 * The XML ResultSet connector's config: where the API is, its key, and the details the seed
 * leaves open, each with a conventional default (README, "Decisions").
 *
 * ```yaml
 * config:
 *   baseUrl: https://shop.example        # the connector appends /API/V3
 *   apiKey: ${env:RESULTSET_API_KEY}     # sent as "Authorization: Bearer <apiKey>"
 *   timeZone: Pacific/Auckland           # the zone of the API's local times (default UTC)
 * ```
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { Redacted, Schema } from "effect"

/** An HTTP header name (RFC 9110 token). */
const isHeaderName = (name: string): boolean => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)

/** A query parameter name that needs no escaping. */
const isParamName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.[\]-]*$/.test(name)

/**
 * A secret: a non-empty string (as `${env:NAME}` gives it) or a `Redacted` one, always held
 * `Redacted` (core's `ConfigCheck.Secret`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Secret = ConfigCheck.Secret

const optional = <S extends Schema.Top>(schema: S) => Schema.optionalKey(schema)

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  baseUrl: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the shop's http(s) URL, without query or credentials, e.g. https://shop.example"
    })
  ).annotate({ description: "The shop's URL (e.g. https://shop.example); the connector appends /API/V3" }),
  apiKey: Secret.annotate({
    description: "The API key; a secret, so give it from the environment in a pipeline (env:NAME)"
  }),
  authHeader: optional(
    Schema.String.check(Schema.makeFilter(isHeaderName, { expected: "an HTTP header name" })).annotate({
      description: "The header that carries the key (default Authorization)"
    })
  ),
  authScheme: optional(
    Schema.String.check(
      Schema.makeFilter((s: string) => /^[A-Za-z0-9._~+/-]*$/.test(s), {
        expected: "an auth scheme such as Bearer, or empty"
      })
    ).annotate({
      description:
        'The scheme written before the key (default Bearer; "" sends the key alone, e.g. with authHeader X-Api-Key)'
    })
  ),
  pageSize: optional(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })).annotate({
      description: "Records per page when reading, 1 to 1000 (default 100)"
    })
  ),
  pageParam: optional(
    Schema.String.check(Schema.makeFilter(isParamName, { expected: "a query parameter name" })).annotate({
      description: "The query parameter of the page number, 1-based (default page)"
    })
  ),
  limitParam: optional(
    Schema.String.check(Schema.makeFilter(isParamName, { expected: "a query parameter name" })).annotate({
      description: "The query parameter of the page size (default limit)"
    })
  ),
  batchSize: optional(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })).annotate({
      description: "Most records sent in one POST; a larger write is split (default 100)"
    })
  ),
  timeZone: optional(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Pacific/Auckland" })
    ).annotate({
      description: "The IANA time zone of the API's local times (YYYY-MM-DD HH:MM:SS, no offset); default UTC"
    })
  ),
  timeoutMs: optional(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 600_000 })).annotate({
      description: "The time one request may take, in milliseconds (default 30000)"
    })
  ),
  maxRetries: optional(
    Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 20 })).annotate({
      description:
        "Retries of a request after a connection failure, a timeout, a 429 or a 5xx, with backoff that honours Retry-After (default 5)"
    })
  )
}).annotate({ identifier: "XmlResultSetConfig", description: "XML ResultSet connector config" })

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
  /** `<baseUrl>/API/V3`, without a trailing slash. */
  readonly apiRoot: string
  readonly apiKey: Redacted.Redacted<string>
  readonly authHeader: string
  readonly authScheme: string
  readonly pageSize: number
  readonly pageParam: string
  readonly limitParam: string
  readonly batchSize: number
  readonly timeZone: string
  readonly timeoutMs: number
  readonly maxRetries: number
}

/**
 * The path of the API under the shop's URL.
 *
 * @since 0.1.0
 * @category constants
 */
export const apiPath = "/API/V3"

/**
 * The defaults of the optional settings.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults = {
  authHeader: "Authorization",
  authScheme: "Bearer",
  pageSize: 100,
  pageParam: "page",
  limitParam: "limit",
  batchSize: 100,
  timeZone: "UTC",
  timeoutMs: 30_000,
  maxRetries: 5
} as const

/**
 * Applies the defaults and resolves the API root.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  apiRoot: `${config.baseUrl.replace(/\/+$/, "")}${apiPath}`,
  apiKey: config.apiKey,
  authHeader: config.authHeader ?? defaults.authHeader,
  authScheme: config.authScheme ?? defaults.authScheme,
  pageSize: config.pageSize ?? defaults.pageSize,
  pageParam: config.pageParam ?? defaults.pageParam,
  limitParam: config.limitParam ?? defaults.limitParam,
  batchSize: config.batchSize ?? defaults.batchSize,
  timeZone: config.timeZone ?? defaults.timeZone,
  timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
  maxRetries: config.maxRetries ?? defaults.maxRetries
})

/**
 * The auth header to send: `{ [authHeader]: "<authScheme> <apiKey>" }` (the key alone when the
 * scheme is empty).
 *
 * @since 0.1.0
 * @category constructors
 */
export const authHeaders = (config: Resolved): Readonly<Record<string, string>> => {
  const key = Redacted.value(config.apiKey)
  return { [config.authHeader]: config.authScheme === "" ? key : `${config.authScheme} ${key}` }
}
