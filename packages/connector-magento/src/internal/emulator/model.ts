/**
 * The emulator's rows and how they render as Magento's JSON: customers (with their address
 * book), orders, customer groups. Times are kept as instants and written in the server's
 * zone (UTC, unless the emulator plays a misconfigured server).
 */
import type { Collection } from "@mapwright/testkit"
import { formatIn, parseIn } from "../times.ts"
import type { Fields } from "./criteria.ts"

export type Json = Readonly<Record<string, unknown>>

export interface CustomerRow {
  readonly created: number
  readonly updated: number
  /** The customer's fields but id, times and default_* (which come from the addresses' flags). */
  readonly data: Json
  /** Addresses, each with its id and its default flags. */
  readonly addresses: ReadonlyArray<Json>
  /** Served breaking the record schema (the contract suite's malformed record). */
  readonly broken?: boolean
}

export interface OrderRow {
  readonly created: number
  readonly updated: number
  readonly data: Json
  readonly broken?: boolean
}

export interface GroupRow {
  readonly code: string
  readonly tax_class_id: number
  readonly broken?: boolean
}

export type StoredCustomer = Collection.Stored<CustomerRow, "id">
export type StoredOrder = Collection.Stored<OrderRow, "entity_id">
export type StoredGroup = Collection.Stored<GroupRow, "id">

const customerOrder = [
  "group_id",
  "confirmation",
  "created_in",
  "dob",
  "email",
  "firstname",
  "lastname",
  "middlename",
  "prefix",
  "suffix",
  "gender",
  "store_id",
  "taxvat",
  "website_id"
]

const renderAddress = (address: Json, customerId: number): Json => {
  const out: Record<string, unknown> = { id: address.id, customer_id: customerId }
  for (const [k, v] of Object.entries(address)) {
    if (k === "id" || k === "customer_id") continue
    if ((k === "default_billing" || k === "default_shipping") && v !== true) continue
    out[k] = v
  }
  return out
}

/** A customer as `GET /V1/customers/{id}` answers it. */
export const renderCustomer = (row: StoredCustomer, zone: string): Json => {
  const addresses = row.addresses.map((a) => renderAddress(a, row.id))
  const billing = row.addresses.find((a) => a.default_billing === true)
  const shipping = row.addresses.find((a) => a.default_shipping === true)
  const out: Record<string, unknown> = { id: row.id }
  if (row.data.group_id !== undefined) out.group_id = row.data.group_id
  if (billing !== undefined) out.default_billing = String(billing.id)
  if (shipping !== undefined) out.default_shipping = String(shipping.id)
  if (row.data.confirmation !== undefined) out.confirmation = row.data.confirmation
  out.created_at = formatIn(row.created, zone)
  out.updated_at = formatIn(row.updated, zone)
  for (const key of customerOrder.slice(2)) if (row.data[key] !== undefined) out[key] = row.data[key]
  out.addresses = addresses
  out.disable_auto_group_change = row.data.disable_auto_group_change ?? 0
  if (row.data.extension_attributes !== undefined) out.extension_attributes = row.data.extension_attributes
  if (row.data.custom_attributes !== undefined) out.custom_attributes = row.data.custom_attributes
  if (row.broken === true) out.email = 12345
  return out
}

/** An order as `GET /V1/orders/{id}` answers it. */
export const renderOrder = (row: StoredOrder, zone: string): Json => {
  const out: Record<string, unknown> = { entity_id: row.entity_id }
  for (const [k, v] of Object.entries(row.data)) {
    if (k === "created_at") continue
    out[k] = v
  }
  out.created_at = formatIn(row.created, zone)
  out.updated_at = formatIn(row.updated, zone)
  if (row.broken === true) out.customer_email = 12345
  return out
}

export const taxClassName = (id: number): string => (id === 3 ? "Retail Customer" : `Tax class ${id}`)

/** A group as `GET /V1/customerGroups/{id}` answers it. */
export const renderGroup = (row: StoredGroup): Json => ({
  id: row.id,
  code: row.broken === true ? 404 : row.code,
  tax_class_id: row.tax_class_id,
  tax_class_name: taxClassName(row.tax_class_id)
})

const customerFields = new Set([
  "id",
  "entity_id",
  "created_at",
  "updated_at",
  "default_billing",
  "default_shipping",
  "disable_auto_group_change",
  ...customerOrder
])

export const customerSearch = (zone: string): Fields<StoredCustomer> => ({
  known: (field) => customerFields.has(field),
  get: (row, field) => {
    switch (field) {
      case "id":
      case "entity_id":
        return row.id
      case "created_at":
        return row.created
      case "updated_at":
        return row.updated
      case "default_billing":
        return row.addresses.find((a) => a.default_billing === true)?.id
      case "default_shipping":
        return row.addresses.find((a) => a.default_shipping === true)?.id
      default:
        return row.data[field]
    }
  },
  times: new Set(["created_at", "updated_at"]),
  parseTime: (text) => parseIn(text, zone),
  id: (row) => row.id
})

const orderFields = new Set([
  "entity_id",
  "increment_id",
  "state",
  "status",
  "created_at",
  "updated_at",
  "store_id",
  "order_currency_code",
  "base_currency_code",
  "grand_total",
  "base_grand_total",
  "subtotal",
  "customer_id",
  "customer_is_guest",
  "customer_group_id",
  "customer_email",
  "customer_firstname",
  "customer_lastname"
])

export const orderSearch = (zone: string): Fields<StoredOrder> => ({
  known: (field) => orderFields.has(field),
  get: (row, field) =>
    field === "entity_id"
      ? row.entity_id
      : field === "created_at"
        ? row.created
        : field === "updated_at"
          ? row.updated
          : row.data[field],
  times: new Set(["created_at", "updated_at"]),
  parseTime: (text) => parseIn(text, zone),
  id: (row) => row.entity_id
})

export const groupSearch: Fields<StoredGroup> = {
  known: (field) => ["id", "code", "tax_class_id"].includes(field),
  get: (row, field) => (field === "id" ? row.id : field === "code" ? row.code : row.tax_class_id),
  times: new Set(),
  parseTime: () => undefined,
  id: (row) => row.id
}
