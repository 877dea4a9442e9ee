/**
 * The guests of guest orders. WooCommerce keeps no customer for a guest: an order with
 * `customer_id` 0 carries the guest's identity in its `billing` (email, names, phone, address)
 * and `shipping`. The customers stream's `includeGuests` option turns each one into a record of
 * the customer shape, keyed by the lower-cased billing email (else the order's id), so the
 * default customer mapping reads registered customers and guests alike.
 */
import { guestRole } from "../Customer.ts"
import { guestCustomerId } from "../Order.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const text = (u: unknown): string | undefined => (typeof u === "string" && u.trim() !== "" ? u : undefined)

/** Whether an order (in its JSON form) was placed by a guest. */
export const isGuestOrder = (order: unknown): boolean =>
  isObject(order) && order.customer_id === guestCustomerId

/** The numeric id of an order, if it has one. */
export const orderId = (order: unknown): number | undefined => {
  const id = isObject(order) ? order.id : undefined
  return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined
}

/** A guest's key: the trimmed, lower-cased billing email, else the order's id. */
export const keyOf = (order: Json): string | undefined => {
  const billing = isObject(order.billing) ? order.billing : {}
  const email = text(billing.email)?.trim().toLowerCase()
  if (email !== undefined) return email
  return typeof order.id === "number" || typeof order.id === "string" ? String(order.id) : undefined
}

/**
 * The guest customer of a guest order: `id` is its key, `email` the lower-cased billing email
 * (`""` when there is none), `role` is `guest`, names and addresses are the order's, and the
 * dates are those of the order (a guest exists from its order on). `undefined` for an order
 * that is not a guest order or has no key.
 */
export const fromOrder = (order: unknown): Json | undefined => {
  if (!isObject(order) || !isGuestOrder(order)) return undefined
  const key = keyOf(order)
  if (key === undefined) return undefined
  const billing = isObject(order.billing) ? order.billing : undefined
  const shipping = isObject(order.shipping) ? order.shipping : undefined
  const out: Record<string, unknown> = { id: key }
  for (const field of ["date_created", "date_created_gmt", "date_modified", "date_modified_gmt"] as const) {
    if (order[field] !== undefined) out[field] = order[field]
  }
  out.email = text(billing?.email)?.trim().toLowerCase() ?? ""
  const first = text(billing?.first_name) ?? text(shipping?.first_name)
  const last = text(billing?.last_name) ?? text(shipping?.last_name)
  if (first !== undefined) out.first_name = first
  if (last !== undefined) out.last_name = last
  out.role = guestRole
  if (billing !== undefined) out.billing = billing
  if (shipping !== undefined) out.shipping = shipping
  return out
}
