/**
 * The guests of guest orders. Magento keeps no customer for a guest: an order with
 * `customer_is_guest` 1 carries the guest's identity in `customer_email`, the `customer_*`
 * fields and its addresses. The customers stream's `includeGuests` option turns each guest
 * into a record of the customer shape, keyed by the lower-cased email (else the order's id),
 * built from the guest's first order.
 *
 * Guest orders are read by entity id (`customer_is_guest eq 1`, after the checkpoint's
 * order). Per page, two `in` searches leave out the guests that are not new: the emails of
 * registered customers (`customers/search`, `email in (...)`), and, in a read that resumes,
 * the emails of guest orders at or before the checkpoint (those guests were yielded then).
 * Magento compares emails without regard to case.
 */
import type { ConnectorError, Http } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { notLoggedInGroupId } from "../Customer.ts"
import { isGuestOrder } from "../Order.ts"
import * as SearchCriteria from "../SearchCriteria.ts"
import { isObject, type Json, nonEmpty } from "./json.ts"
import { field, intId, readAll } from "./search.ts"
import { recordToUtc } from "./times.ts"

const orderAddressFields = [
  "firstname",
  "lastname",
  "middlename",
  "prefix",
  "suffix",
  "company",
  "street",
  "city",
  "postcode",
  "country_id",
  "telephone",
  "fax",
  "vat_id"
] as const

/** An order address as an address-book entry (no id: the guest has no address book). */
export const toCustomerAddress = (address: Json): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const key of orderAddressFields)
    if (address[key] !== undefined && address[key] !== null) out[key] = address[key]
  if (address.region !== undefined || address.region_code !== undefined || address.region_id !== undefined) {
    out.region = {
      region_code: typeof address.region_code === "string" ? address.region_code : null,
      region: typeof address.region === "string" ? address.region : null,
      region_id: typeof address.region_id === "number" ? address.region_id : 0
    }
    if (typeof address.region_id === "number") out.region_id = address.region_id
  }
  return out
}

const sameContent = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b)

const shippingOf = (order: Json): Json | undefined => {
  const ext = isObject(order.extension_attributes) ? order.extension_attributes : {}
  const assignments = Array.isArray(ext.shipping_assignments) ? ext.shipping_assignments : []
  for (const a of assignments) {
    const shipping = isObject(a) && isObject(a.shipping) ? a.shipping : undefined
    if (shipping !== undefined && isObject(shipping.address)) return shipping.address
  }
  return undefined
}

/** A guest's key: the trimmed, lower-cased `customer_email`, else the order's id. */
export const keyOf = (order: Json): string | undefined => {
  const email = nonEmpty(order.customer_email)?.toLowerCase()
  if (email !== undefined) return email
  return typeof order.entity_id === "number" ? String(order.entity_id) : undefined
}

/**
 * The guest customer of a guest order (its times already in UTC): `id` its key, `group_id` 0,
 * the names, date of birth, gender and VAT number of the order, and the billing and shipping
 * addresses as the default ones (one entry when they are the same). `undefined` for an order
 * that is not a guest order.
 */
export const fromOrder = (order: unknown): Json | undefined => {
  if (!isObject(order) || !isGuestOrder(order)) return undefined
  const key = keyOf(order)
  if (key === undefined) return undefined
  const billing = isObject(order.billing_address) ? toCustomerAddress(order.billing_address) : undefined
  const shippingAddress = shippingOf(order)
  const shipping = shippingAddress === undefined ? undefined : toCustomerAddress(shippingAddress)
  const addresses =
    billing !== undefined && shipping !== undefined && sameContent(billing, shipping)
      ? [{ ...billing, default_billing: true, default_shipping: true }]
      : [
          ...(billing === undefined ? [] : [{ ...billing, default_billing: true }]),
          ...(shipping === undefined ? [] : [{ ...shipping, default_shipping: true }])
        ]
  const out: Record<string, unknown> = { id: key, group_id: notLoggedInGroupId }
  if (typeof order.created_at === "string") out.created_at = order.created_at
  if (typeof order.updated_at === "string") out.updated_at = order.updated_at
  out.email = nonEmpty(order.customer_email)?.toLowerCase() ?? ""
  const name = (own: unknown, fallback: unknown) => nonEmpty(own) ?? nonEmpty(fallback)
  const first = name(order.customer_firstname, billing?.firstname)
  const last = name(order.customer_lastname, billing?.lastname)
  if (first !== undefined) out.firstname = first
  if (last !== undefined) out.lastname = last
  for (const [from, to] of [
    ["customer_middlename", "middlename"],
    ["customer_prefix", "prefix"],
    ["customer_suffix", "suffix"],
    ["customer_taxvat", "taxvat"]
  ] as const) {
    const value = nonEmpty(order[from])
    if (value !== undefined) out[to] = value
  }
  const dob = nonEmpty(order.customer_dob)
  if (dob !== undefined && /^\d{4}-\d{2}-\d{2}/.test(dob)) out.dob = dob.slice(0, 10)
  if (typeof order.customer_gender === "number" && order.customer_gender !== 0)
    out.gender = order.customer_gender
  if (typeof order.store_id === "number") out.store_id = order.store_id
  out.addresses = addresses
  return out
}

export interface Context {
  readonly http: Http.Http
  readonly pageSize: number
  readonly zone: string
  /** Adds `resolved` (and keeps the record to its schema). */
  readonly customer: (raw: unknown) => Effect.Effect<unknown, ConnectorError.ConnectorError>
}

/** A guest read: the record and the id of the order it came from. */
export interface GuestItem {
  readonly record: unknown
  readonly order: number
}

const emailsIn = (
  context: Context,
  path: string,
  emailField: string,
  emails: ReadonlyArray<string>,
  more: ReadonlyArray<ReadonlyArray<SearchCriteria.Filter>>
): Effect.Effect<ReadonlySet<string>, ConnectorError.ConnectorError> =>
  emails.length === 0
    ? Effect.succeed(new Set())
    : Stream.runCollect(
        readAll(
          context.http,
          path,
          { filterGroups: [SearchCriteria.where(emailField, "in", emails), ...more] },
          context.pageSize,
          (item) => field(item, path === "orders" ? "entity_id" : "id")
        )
      ).pipe(
        Effect.map(
          (found) =>
            new Set(
              found.flatMap((p) => {
                const email = nonEmpty(field(p.item, emailField))
                return email === undefined ? [] : [email.toLowerCase()]
              })
            )
        )
      )

/**
 * The new guests of the guest orders after `after`, leaving out the keys in `seen` (which
 * grows with the read: the registered emails already read, the guests yielded).
 */
export const read = (
  context: Context,
  after: number | undefined,
  seen: Set<string>
): Stream.Stream<GuestItem, ConnectorError.ConnectorError> => {
  const orders = readAll(
    context.http,
    "orders",
    {
      filterGroups: [
        SearchCriteria.where("customer_is_guest", "eq", 1),
        ...(after === undefined ? [] : [SearchCriteria.where("entity_id", "gt", after)])
      ],
      sortOrders: [{ field: "entity_id", direction: "ASC" }]
    },
    context.pageSize,
    (item) => field(item, "entity_id")
  )
  return orders.pipe(
    Stream.grouped(context.pageSize),
    Stream.mapEffect((page) =>
      Effect.gen(function* () {
        const candidates = page.flatMap((paged) => {
          const order = recordToUtc(paged.item, context.zone, ["created_at", "updated_at"])
          const guest = fromOrder(order)
          const id = intId(order, "entity_id")
          return guest === undefined || id === undefined ? [] : [{ guest, id, key: String(guest.id) }]
        })
        const fresh = [
          ...new Set(candidates.map((c) => c.key).filter((k) => !seen.has(k) && k.includes("@")))
        ]
        const registered = yield* emailsIn(context, "customers/search", "email", fresh, [])
        const earlier =
          after === undefined
            ? new Set<string>()
            : yield* emailsIn(context, "orders", "customer_email", fresh, [
                SearchCriteria.where("customer_is_guest", "eq", 1),
                SearchCriteria.where("entity_id", "lteq", after)
              ])
        for (const key of [...registered, ...earlier]) seen.add(key)
        const out: Array<GuestItem> = []
        for (const c of candidates) {
          if (seen.has(c.key)) continue
          seen.add(c.key)
          out.push({ record: yield* context.customer(c.guest), order: c.id })
        }
        return out
      })
    ),
    Stream.flattenIterable
  )
}
