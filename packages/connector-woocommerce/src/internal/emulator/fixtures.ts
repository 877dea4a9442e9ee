/**
 * Rows from records written by hand in WooCommerce's own shape (the emulator's `data`
 * option), so a test can hold exactly the customers and orders it reasons about.
 */
import {
  type Billing,
  type CustomerRow,
  emptyBilling,
  emptyShipping,
  type Json,
  type OrderRow,
  type Shipping
} from "./model.ts"

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown, fallback = ""): string => (typeof u === "string" ? u : fallback)

const at = (u: unknown, fallback: number): number => {
  if (typeof u !== "string") return fallback
  const t = Date.parse(`${u}Z`)
  return Number.isNaN(t) ? fallback : t
}

const nullableAt = (u: unknown): number | null => {
  if (typeof u !== "string") return null
  const t = Date.parse(`${u}Z`)
  return Number.isNaN(t) ? null : t
}

const address = <A extends Billing | Shipping>(u: unknown, base: A): A => {
  if (!isObject(u)) return base
  const out: Record<string, string> = { ...base }
  for (const k of Object.keys(base)) out[k] = str(u[k], out[k])
  return out as unknown as A
}

const epoch = Date.parse("2024-01-01T00:00:00Z")

/** A customer row from a record in `/customers` shape (its `_gmt` dates, or 2024-01-01). */
export const customerRow = (record: Json): CustomerRow => {
  const created = at(record.date_created_gmt, epoch)
  return {
    created,
    modified: at(record.date_modified_gmt, created),
    email: str(record.email),
    first_name: str(record.first_name),
    last_name: str(record.last_name),
    role: str(record.role, "customer"),
    username: str(record.username, str(record.email).split("@")[0]),
    billing: address(record.billing, emptyBilling),
    shipping: address(record.shipping, emptyShipping),
    is_paying_customer: record.is_paying_customer === true,
    meta_data: Array.isArray(record.meta_data) ? (record.meta_data as CustomerRow["meta_data"]) : []
  }
}

/** An order row from a record in `/orders` shape. */
export const orderRow = (record: Json): OrderRow => {
  const created = at(record.date_created_gmt, epoch)
  return {
    created,
    modified: at(record.date_modified_gmt, created),
    paid: nullableAt(record.date_paid_gmt),
    completed: nullableAt(record.date_completed_gmt),
    status: str(record.status, "processing"),
    currency: str(record.currency, "USD"),
    created_via: str(record.created_via, "checkout"),
    customer_id: typeof record.customer_id === "number" ? record.customer_id : 0,
    customer_note: str(record.customer_note),
    billing: address(record.billing, emptyBilling),
    shipping: address(record.shipping, emptyShipping),
    shipping_total: str(record.shipping_total, "0.00"),
    total: str(record.total, "0.00"),
    line_items: [],
    order_key: str(record.order_key, "wc_order_fixture")
  }
}
