/**
 * The options of the customers stream: the seed's list filters, passed as `filter[...]`, and
 * the relations to `include`.
 */
import { ConnectorError } from "@mapwright/core"
import { Schema } from "effect"
import * as Times from "./times.ts"

const text = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))
const flag = (description: string) => Schema.optionalKey(Schema.Boolean.annotate({ description }))

/** The relations a customer answer can include (seed: tags, addresses, addresses.delivery_zone). */
export const includable = ["tags", "addresses", "addresses.delivery_zone"] as const

export type Include = (typeof includable)[number]

/** What the connector includes unless told otherwise: everything the seed lets it include. */
export const defaultInclude: ReadonlyArray<Include> = includable

export const Filter = Schema.Struct({
  name: text("Customers whose name matches"),
  email: text("Customers whose email matches"),
  phone: text("Customers whose phone (national number) matches"),
  dial_code: Schema.optionalKey(Schema.Int.annotate({ description: "Customers with this dial code" })),
  "tags.id": text("Customers with the tag of this id"),
  is_blacklisted: flag("Blacklisted customers (true) or the others (false)"),
  is_house_account_enabled: flag("Customers with (true) or without (false) a house account"),
  is_loyalty_enabled: flag("Customers with (true) or without (false) loyalty"),
  has_orders: flag("Customers with (true) or without (false) orders"),
  is_deleted: flag("Deleted customers (true) instead of the others (false, Foodics' default)"),
  updated_after: Schema.optionalKey(
    Schema.String.check(
      Schema.makeFilter(Times.isTime, { expected: "a time YYYY-MM-DD HH:MM:SS, in UTC" })
    ).annotate({
      description:
        "Where a read without a checkpoint starts: customers updated after this time (UTC); a checkpoint replaces it"
    })
  )
}).annotate({ identifier: "FoodicsCustomersFilter" })

export type Filter = typeof Filter.Type

export const CustomersOptions = Schema.Struct({
  filter: Schema.optionalKey(
    Filter.annotate({ description: "The seed's list filters, sent as filter[<name>]=<value>" })
  ),
  include: Schema.optionalKey(
    Schema.Array(Schema.Literals(includable)).annotate({
      description: "Relations to include (default all: tags, addresses, addresses.delivery_zone)"
    })
  )
}).annotate({ identifier: "FoodicsCustomersOptions" })

export type CustomersOptions = typeof CustomersOptions.Type

const describeIssues = (error: unknown): string =>
  Schema.isSchemaError(error) ? error.message.replace(/\s+/g, " ").slice(0, 400) : "they cannot be decoded"

export const decode = (raw: unknown): CustomersOptions | ConnectorError.ConnectorError => {
  const exit = Schema.decodeUnknownExit(CustomersOptions)(raw ?? {}, {
    onExcessProperty: "error",
    errors: "all"
  })
  if (exit._tag === "Success") return exit.value
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  return new ConnectorError.ConnectorError({
    connector: "foodics",
    reason: "Unknown",
    message:
      "the customers stream's options are invalid (it takes { filter?: { name, email, phone, dial_code, " +
      `tags.id, is_blacklisted, is_house_account_enabled, is_loyalty_enabled, has_orders, is_deleted, updated_after }, include?: [...] }): ${describeIssues(failure?._tag === "Fail" ? failure.error : undefined)}`,
    retryable: false
  })
}

/** The query of a list: `filter[...]`, `include`, sorted by `updated_at`. */
export const query = (
  options: CustomersOptions,
  updatedAfter: string | undefined
): Readonly<Record<string, string | number | boolean>> => {
  const out: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries(options.filter ?? {})) {
    if (name === "updated_after" || value === undefined) continue
    out[`filter[${name}]`] = value
  }
  const after = updatedAfter ?? options.filter?.updated_after
  if (after !== undefined) out["filter[updated_after]"] = after
  const include = options.include ?? defaultInclude
  if (include.length > 0) out.include = include.join(",")
  out.sort = "updated_at"
  return out
}
