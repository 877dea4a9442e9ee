/**
 * The PrestaShop connector's config: the shop, the webservice key and how to read.
 *
 * ```yaml
 * config:
 *   url: https://shop.example            # the shop; the connector appends /api
 *   key: ${env:PRESTASHOP_WS_KEY}        # the webservice key (32 characters), sent as the Basic user
 *   format: json                         # read answers as JSON (default) or xml; writes are always XML
 *   timeZone: Europe/Paris               # the shop's zone: date_add and date_upd are shop-local
 * ```
 *
 * @since 0.1.0
 */
import { ConfigCheck } from "@mapwright/core"
import { Redacted, Schema, SchemaTransformation } from "effect"

const keyValue = (u: unknown): string | undefined =>
  typeof u === "string"
    ? u
    : Redacted.isRedacted(u) && typeof Redacted.value(u) === "string"
      ? (Redacted.value(u) as string)
      : undefined

/**
 * Whether a value is a webservice key: 32 characters without spaces or `:` (PrestaShop refuses
 * any other length with "Invalid authentication key format"; a `:` cannot travel as a Basic
 * user name).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isKey = (u: unknown): boolean => {
  const value = keyValue(u)
  return value !== undefined && /^[^\s:]{32}$/.test(value)
}

/**
 * The webservice key: a 32-character string (as `${env:NAME}` gives it) or a `Redacted` one,
 * always held `Redacted`. A bad value gives one issue that never quotes it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Key = Schema.Unknown.check(
  Schema.makeFilter(isKey, {
    expected: "the 32-character webservice key (a secret: give it as $" + "{env:NAME})"
  })
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
 * The formats PrestaShop answers reads in (`output_format=JSON`, or its XML by default).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Format = Schema.Literals(["json", "xml"])

/**
 * @since 0.1.0
 * @category models
 */
export type Format = typeof Format.Type

/**
 * The largest page the connector asks for (PrestaShop itself has no maximum: `limit` is a
 * MySQL `LIMIT`; a very large page only makes one slow answer).
 *
 * @since 0.1.0
 * @category constants
 */
export const maxPageSize = 1000

/**
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  url: Schema.String.check(
    Schema.makeFilter(ConfigCheck.isBaseUrl, {
      expected: "the shop's http(s) URL, without query or credentials, e.g. https://shop.example"
    })
  ).annotate({
    description:
      "The shop's URL (e.g. https://shop.example, or with its sub-folder); the connector appends /api"
  }),
  key: Key.annotate({
    description: "The webservice key (Advanced Parameters > Webservice), sent as the Basic auth user name"
  }),
  format: Schema.optionalKey(
    Format.annotate({
      description:
        "How reads are answered: json (output_format=JSON, the default) or xml; writes are XML either way"
    })
  ),
  timeZone: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(ConfigCheck.isTimeZone, { expected: "an IANA time zone such as Europe/Paris" })
    ).annotate({
      description:
        "The shop's IANA time zone (default UTC): date_add and date_upd are shop-local, read into date_add_utc and date_upd_utc"
    })
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxPageSize })).annotate({
      description: `Records per page (limit=offset,n), 1 to ${maxPageSize} (default 100)`
    })
  ),
  languageId: Schema.optionalKey(
    Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)).annotate({
      description:
        "The language of multilingual fields (group names): listed first when read, and the one written (default 1)"
    })
  ),
  generatePasswords: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Give a customer created without passwd a random one, as PrestaShop's own guest checkout does (default true); " +
        "false sends it without and PrestaShop refuses it (passwd is required)"
    })
  )
}).annotate({ identifier: "PrestaShopConfig", description: "PrestaShop connector config" })

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
  /** `<url>/api`, without a trailing slash. */
  readonly apiRoot: string
  readonly key: Redacted.Redacted<string>
  readonly format: Format
  readonly timeZone: string
  readonly pageSize: number
  readonly languageId: number
  readonly generatePasswords: boolean
}

/**
 * The path of the webservice under the shop URL.
 *
 * @since 0.1.0
 * @category constants
 */
export const apiPath = "/api"

/**
 * Applies the defaults (JSON reads, UTC, 100 per page, language 1, generated passwords).
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (config: Config): Resolved => ({
  apiRoot: `${config.url.replace(/\/+$/, "")}${apiPath}`,
  key: config.key,
  format: config.format ?? "json",
  timeZone: config.timeZone ?? "UTC",
  pageSize: config.pageSize ?? 100,
  languageId: config.languageId ?? 1,
  generatePasswords: config.generatePasswords ?? true
})

/**
 * The `Authorization` header: Basic with the key as the user name and an empty password.
 *
 * @since 0.1.0
 * @category constructors
 */
export const basicAuthorization = (key: Redacted.Redacted<string>): string =>
  `Basic ${Buffer.from(`${Redacted.value(key)}:`).toString("base64")}`
