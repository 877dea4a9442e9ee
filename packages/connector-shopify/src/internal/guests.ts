/**
 * The guests of orders without a customer. Shopify usually attaches a checkout to a customer
 * (found or made by email); an order whose `customer` is `null` (a guest checkout kept apart,
 * an order whose customer was removed, an order made through the API without one) carries the
 * guest's contact in its `email`, `phone` and addresses. The customers stream's
 * `includeGuests` option turns each into a record of the customer shape, keyed by the
 * lower-cased order email (else the order's GID), with `guestOrder` naming the order.
 */

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const text = (u: unknown): string | undefined =>
  typeof u === "string" && u.trim() !== "" ? u.trim() : undefined

/** Whether an order (GraphQL shape) has no customer. */
export const isGuestOrder = (order: unknown): order is Json => isObject(order) && order.customer === null

/** The lower-cased contact email of an order, if it has one. */
export const emailOf = (order: Json): string | undefined => text(order.email)?.toLowerCase()

/** A guest's key: the lower-cased order email, else the order's GID. */
export const keyOf = (order: Json): string | undefined =>
  emailOf(order) ?? (typeof order.id === "string" && order.id !== "" ? order.id : undefined)

const sameAddress = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The guest customer of an order without a customer, or `undefined` for an order that has one
 * (or no key at all).
 */
export const fromOrder = (order: unknown): Json | undefined => {
  if (!isGuestOrder(order)) return undefined
  const key = keyOf(order)
  if (key === undefined) return undefined
  const billing = isObject(order.billingAddress) ? order.billingAddress : undefined
  const shipping = isObject(order.shippingAddress) ? order.shippingAddress : undefined
  const email = emailOf(order)
  const phone = text(order.phone)
  const addresses = [billing, shipping].filter((a): a is Json => a !== undefined)
  const distinct = addresses.filter((a, i) => addresses.findIndex((b) => sameAddress(a, b)) === i)
  const firstName = text(billing?.firstName) ?? text(shipping?.firstName)
  const lastName = text(billing?.lastName) ?? text(shipping?.lastName)
  return {
    id: key,
    firstName: firstName ?? null,
    lastName: lastName ?? null,
    defaultEmailAddress:
      email === undefined
        ? null
        : {
            emailAddress: email,
            marketingState: order.customerAcceptsMarketing === true ? "SUBSCRIBED" : "NOT_SUBSCRIBED"
          },
    defaultPhoneNumber: phone === undefined ? null : { phoneNumber: phone },
    tags: [],
    ...(typeof order.createdAt === "string" ? { createdAt: order.createdAt } : {}),
    ...(typeof order.updatedAt === "string" ? { updatedAt: order.updatedAt } : {}),
    defaultAddress: billing ?? shipping ?? null,
    addresses: distinct,
    guestOrder: { id: String(order.id), name: typeof order.name === "string" ? order.name : null }
  }
}
