/**
 * The emulator's seeded data: customers of several roles (some who never checked out, some
 * with a company, a second shipping address or meta data), orders by registered customers and
 * by guests (`customer_id` 0), guests who ordered more than once writing their email in a
 * different case, a few defective records on request, and the records the contract suite
 * asks to break. The same options give the same data.
 */
import { Seeded } from "@mapwright/testkit"
import {
  type Billing,
  type CustomerRow,
  emptyBilling,
  emptyShipping,
  type LineItem,
  type OrderRow,
  type Shipping
} from "./model.ts"

export interface SeedOptions {
  readonly seed: number | string
  readonly customers: number
  readonly orders: number
  /** Distinct guests among the guest orders. */
  readonly guests: number
  /** Defective customers (then guest orders): a bad billing country, an invalid email, an invalid phone. */
  readonly defects: number
  /** Indexes (in id order) of the records to break, per collection. */
  readonly malformed: { readonly customers: ReadonlyArray<number>; readonly orders: ReadonlyArray<number> }
}

export interface Data {
  readonly customers: ReadonlyArray<CustomerRow>
  readonly orders: ReadonlyArray<OrderRow>
}

const day = 86_400_000

const products: ReadonlyArray<{ readonly id: number; readonly name: string; readonly price: number }> = [
  { id: 93, name: "Woo Single #1", price: 3 },
  { id: 87, name: "Woo Album #2", price: 9 },
  { id: 34, name: "Woo Ninja", price: 20 },
  { id: 22, name: "Ship Your Idea", price: 12 },
  { id: 51, name: "Happy Ninja Hoodie", price: 35 }
]

const statuses = [
  "completed",
  "completed",
  "completed",
  "processing",
  "processing",
  "on-hold",
  "pending",
  "cancelled",
  "refunded"
]

const money = (n: number) => n.toFixed(2)

const uniqueEmail = (email: string, taken: Set<string>, n: number): string => {
  let out = email
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = email.replace("@", `.${n}${k}@`)
  taken.add(out.toLowerCase())
  return out
}

const phoneFor = (s: Seeded.Seeded, country: Seeded.Country, i: number): string =>
  s.phone(country, i % 3 === 0 ? "e164" : "national")

const billingOf = (person: Seeded.Person, phone: string, company: string): Billing => ({
  first_name: person.name.first,
  last_name: person.name.last,
  company,
  address_1: person.address.line1,
  address_2: "",
  city: person.address.city,
  state: person.address.region,
  postcode: person.address.postcode,
  country: person.address.country,
  email: person.email,
  phone
})

const shippingOf = (billing: Billing): Shipping => ({
  first_name: billing.first_name,
  last_name: billing.last_name,
  company: billing.company,
  address_1: billing.address_1,
  address_2: billing.address_2,
  city: billing.city,
  state: billing.state,
  postcode: billing.postcode,
  country: billing.country,
  phone: ""
})

type Defect = (row: CustomerRow, n: number) => CustomerRow

const defects: ReadonlyArray<Defect> = [
  (row) => ({ ...row, billing: { ...row.billing, country: "Atlantis" } }),
  (row, n) => {
    const email = `${row.username}.${n} at example.com`
    return { ...row, email, billing: { ...row.billing, email } }
  },
  (row) => ({ ...row, billing: { ...row.billing, phone: "12" } })
]

const makeCustomers = (options: SeedOptions, taken: Set<string>): Array<CustomerRow> => {
  const s = Seeded.make(options.seed).fork("customers")
  const out: Array<CustomerRow> = []
  for (let i = 0; i < options.customers; i++) {
    const country = s.country()
    const person = s.person(country)
    const email = uniqueEmail(person.email, taken, i)
    const username = email.slice(0, email.indexOf("@"))
    const created = s.date({ from: "2022-01-01T00:00:00Z", to: "2024-06-30T00:00:00Z" }).getTime()
    const modified = created + s.int(0, 200) * day + s.int(0, 86_399) * 1000
    const role = i % 11 === 4 ? "subscriber" : i % 19 === 7 ? "shop_manager" : "customer"
    const neverOrdered = i % 9 === 5
    const company = i % 7 === 3 ? s.pick(Seeded.companies) : ""
    const billing = neverOrdered
      ? emptyBilling
      : billingOf({ ...person, email }, phoneFor(s, country, i), company)
    const shipping = neverOrdered
      ? emptyShipping
      : i % 5 === 2
        ? { ...shippingOf(billing), ...addressOf(s.address(country)) }
        : shippingOf(billing)
    out.push({
      created,
      modified,
      email,
      first_name: person.name.first,
      last_name: person.name.last,
      role,
      username,
      billing,
      shipping,
      is_paying_customer: false,
      meta_data: i % 6 === 1 ? [{ id: 1000 + i, key: "_newsletter_opt_in", value: "yes" }] : []
    })
  }
  return out
}

const addressOf = (a: Seeded.Address) => ({
  address_1: a.line1,
  city: a.city,
  state: a.region,
  postcode: a.postcode,
  country: a.country
})

/** A guest's email as written on a repeat order: the same address in another case. */
const recased = (email: string, k: number): string => {
  const at = email.indexOf("@")
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  if (k % 2 === 1) {
    const cap = local
      .split(".")
      .map((p) => (p === "" ? p : p[0]!.toUpperCase() + p.slice(1)))
      .join(".")
    return `${cap}@${domain[0]!.toUpperCase()}${domain.slice(1)}`
  }
  return email.toUpperCase()
}

const orderKey = (s: Seeded.Seeded): string => {
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
  let key = "wc_order_"
  for (let i = 0; i < 13; i++) key += chars[s.int(0, chars.length - 1)]
  return key
}

interface Buyer {
  readonly customerId: number
  readonly billing: Billing
  readonly shipping: Shipping
  readonly country: Seeded.Country
}

const makeOrders = (
  options: SeedOptions,
  customers: Array<CustomerRow>,
  taken: Set<string>,
  defective: () => Defect | undefined
): Array<OrderRow> => {
  const s = Seeded.make(options.seed).fork("orders")
  const total = options.orders
  const buyers = customers.map((c, i) => ({ c, id: i + 1 })).filter(({ c }) => c.role === "customer")
  const distinct = Math.min(options.guests, total)
  const repeats =
    distinct === 0
      ? 0
      : buyers.length === 0
        ? total - distinct
        : Math.min(total - distinct, Math.floor(distinct / 2))
  const guestPeople: Array<Buyer> = []
  for (let g = 0; g < distinct; g++) {
    const country = s.country()
    const person = s.person(country)
    const email = uniqueEmail(person.email, taken, 10_000 + g)
    let billing = billingOf({ ...person, email }, phoneFor(s, country, g), "")
    const defect = defective()
    if (defect !== undefined && defect === defects[0]) billing = { ...billing, country: "Atlantis" }
    guestPeople.push({ customerId: 0, billing, shipping: shippingOf(billing), country })
  }
  // who places each order: every guest once, some guests again, registered customers for the rest
  const slots: Array<{ readonly buyer: Buyer; readonly repeat: number }> = guestPeople.map((buyer) => ({
    buyer,
    repeat: 0
  }))
  for (let r = 0; r < repeats; r++)
    slots.push({ buyer: guestPeople[r % distinct]!, repeat: 1 + Math.floor(r / distinct) })
  while (slots.length < total && buyers.length > 0) {
    const { c, id } = s.pick(buyers)
    const billing =
      c.billing.address_1 === ""
        ? { ...c.billing, email: c.email, first_name: c.first_name, last_name: c.last_name }
        : c.billing
    const country = (c.billing.country === "" ? "NZ" : c.billing.country) as Seeded.Country
    slots.push({ buyer: { customerId: id, billing, shipping: c.shipping, country }, repeat: 0 })
  }
  const ordered = s.shuffle(slots)
  // a repeat order comes after the guest's first one: put first orders first among a guest's
  const firstSeen = new Set<Buyer>()
  const arranged = ordered.map((slot) => {
    if (slot.buyer.customerId !== 0) return slot
    const first = !firstSeen.has(slot.buyer)
    firstSeen.add(slot.buyer)
    return first ? { ...slot, repeat: 0 } : { ...slot, repeat: Math.max(1, slot.repeat) }
  })
  const times = Array.from({ length: arranged.length }, () =>
    s.date({ from: "2023-01-01T00:00:00Z", to: "2024-12-31T00:00:00Z" }).getTime()
  ).sort((a, b) => a - b)
  return arranged.map(({ buyer, repeat }, i): OrderRow => {
    const created = times[i]!
    const status = s.pick(statuses)
    const paid =
      status === "completed" || status === "processing" || status === "refunded" ? created + 300_000 : null
    const completed = status === "completed" ? created + 2 * day : null
    const modified = Math.max(created, paid ?? 0, completed ?? 0) + s.int(1, 3600) * 1000
    const lines: Array<LineItem> = []
    const count = s.int(1, 3)
    for (let k = 0; k < count; k++) {
      const p = s.pick(products)
      const quantity = s.int(1, 3)
      lines.push({
        id: 1000 + i * 10 + k,
        name: p.name,
        product_id: p.id,
        quantity,
        total: money(p.price * quantity),
        price: p.price
      })
    }
    const shippingTotal = 10
    const sum = lines.reduce((acc, l) => acc + l.price * l.quantity, 0) + shippingTotal
    const billing =
      repeat > 0 ? { ...buyer.billing, email: recased(buyer.billing.email, repeat) } : buyer.billing
    return {
      created,
      modified,
      paid,
      completed,
      status,
      currency: Seeded.currencies[buyer.country] ?? "USD",
      created_via: buyer.customerId === 0 && i % 4 === 3 ? "rest-api" : "checkout",
      customer_id: buyer.customerId,
      customer_note: i % 8 === 2 ? "Please leave the parcel at the door." : "",
      billing,
      shipping: buyer.shipping,
      shipping_total: money(shippingTotal),
      total: money(sum),
      line_items: lines,
      order_key: orderKey(s)
    }
  })
}

/**
 * The seeded data for the options.
 */
export const generate = (options: SeedOptions): Data => {
  const taken = new Set<string>()
  const customers = makeCustomers(options, taken)
  // defects: spread over the customers (not the malformed ones), then over the guests
  const pick = Seeded.make(options.seed).fork("defects")
  const malformedCustomers = new Set(options.malformed.customers)
  const candidates = pick.shuffle(customers.map((_, i) => i).filter((i) => !malformedCustomers.has(i)))
  let remaining = options.defects
  candidates.slice(0, remaining).forEach((index, n) => {
    customers[index] = defects[n % defects.length]!(customers[index]!, n)
  })
  remaining -= Math.min(remaining, candidates.length)
  const defective = (): Defect | undefined => {
    if (remaining <= 0) return undefined
    remaining--
    return defects[0]
  }
  const orders = makeOrders(options, customers, taken, defective)
  // a registered customer with orders is a paying customer
  const paying = new Set(
    orders.filter((o) => o.customer_id !== 0 && o.paid !== null).map((o) => o.customer_id)
  )
  const withPaying = customers.map((c, i) => (paying.has(i + 1) ? { ...c, is_paying_customer: true } : c))
  for (const i of options.malformed.customers) {
    const row = withPaying[i]
    if (row !== undefined) withPaying[i] = { ...row, broken: { email: 404 } }
  }
  const brokenOrders = orders.map((o, i) =>
    options.malformed.orders.includes(i) ? { ...o, broken: { customer_id: "guest" } } : o
  )
  return { customers: withPaying, orders: brokenOrders }
}
