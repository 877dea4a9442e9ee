/**
 * The emulator's seeded data: customer groups (the standard four, then more), customers
 * (some with no address, some with a separate shipping address or a third one, genders,
 * dates of birth, newsletter subscriptions, an account awaiting confirmation), orders by
 * registered customers and by guests (`customer_is_guest` 1), guests who ordered again writing
 * their email in another case, a guest who used a registered customer's email, and the
 * records the contract suite asks to break. The same options give the same data.
 */
import { Seeded } from "@mapwright/testkit"
import type { CustomerRow, GroupRow, Json, OrderRow } from "./model.ts"

export interface SeedOptions {
  readonly seed: number | string
  readonly customers: number
  readonly orders: number
  readonly guests: number
  /** Groups in all, the standard four first. */
  readonly groups: number
  /** More group codes, after those. */
  readonly groupCodes: ReadonlyArray<string>
  readonly malformed: {
    readonly customers: ReadonlyArray<number>
    readonly orders: ReadonlyArray<number>
    readonly customerGroups: ReadonlyArray<number>
  }
}

export interface Data {
  readonly groups: ReadonlyArray<GroupRow>
  readonly customers: ReadonlyArray<CustomerRow>
  /** Address ids used so far (the next one is this plus one). */
  readonly lastAddressId: number
  readonly orders: ReadonlyArray<OrderRow>
}

const hour = 3_600_000
const day = 24 * hour

const standardGroups: ReadonlyArray<GroupRow> = [
  { code: "NOT LOGGED IN", tax_class_id: 3 },
  { code: "General", tax_class_id: 3 },
  { code: "Wholesale", tax_class_id: 3 },
  { code: "Retailer", tax_class_id: 3 }
]

const moreGroups = ["VIP", "Trade", "Staff", "Education", "Partners", "Friends", "Press", "Outlet"]

const products = [
  { sku: "24-MB01", name: "Joust Duffle Bag", price: 34 },
  { sku: "24-MB04", name: "Strive Shoulder Pack", price: 32 },
  { sku: "24-WG02", name: "Didi Sport Watch", price: 92 },
  { sku: "MH01-XS-Black", name: "Chaz Kangeroo Hoodie", price: 52 },
  { sku: "WS12-XS-Orange", name: "Radiant Tee", price: 22 }
]

const statuses: ReadonlyArray<readonly [string, string]> = [
  ["complete", "complete"],
  ["complete", "complete"],
  ["processing", "processing"],
  ["new", "pending"],
  ["canceled", "canceled"],
  ["closed", "closed"]
]

const makeGroups = (options: SeedOptions): Array<GroupRow> => {
  const out: Array<GroupRow> = standardGroups.slice(0, Math.max(0, options.groups))
  for (let i = out.length; i < options.groups; i++) {
    const base = moreGroups[(i - 4) % moreGroups.length]!
    const round = Math.floor((i - 4) / moreGroups.length)
    out.push({ code: round === 0 ? base : `${base} ${round + 1}`, tax_class_id: 3 })
  }
  for (const code of options.groupCodes) {
    if (!out.some((g) => g.code.toLowerCase() === code.toLowerCase())) out.push({ code, tax_class_id: 3 })
  }
  return out.map((g, i) => (options.malformed.customerGroups.includes(i) ? { ...g, broken: true } : g))
}

const uniqueEmail = (email: string, taken: Set<string>, n: number): string => {
  let out = email
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = email.replace("@", `.${n}${k}@`)
  taken.add(out.toLowerCase())
  return out
}

const addressOf = (
  person: { readonly name: Seeded.Name },
  a: Seeded.Address,
  telephone: string,
  company: string | undefined
): Record<string, unknown> => ({
  region: { region_code: a.region, region: a.region, region_id: 0 },
  region_id: 0,
  country_id: a.country,
  street: [a.line1],
  ...(company === undefined ? {} : { company }),
  telephone,
  postcode: a.postcode,
  city: a.city,
  firstname: person.name.first,
  lastname: person.name.last
})

const makeCustomers = (
  options: SeedOptions,
  groups: ReadonlyArray<GroupRow>,
  taken: Set<string>
): { readonly customers: Array<CustomerRow>; readonly lastAddressId: number } => {
  const s = Seeded.make(options.seed).fork("customers")
  let addressId = 0
  const groupIds = groups.length > 1 ? [1, 1, 1, 2, 3].filter((g) => g < groups.length) : [0]
  const customers: Array<CustomerRow> = []
  const base = Date.parse("2024-01-01T00:00:00Z")
  for (let i = 0; i < options.customers; i++) {
    const country = s.country()
    const person = s.person(country)
    const email = uniqueEmail(person.email, taken, i)
    const created = s.date({ from: "2022-01-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    // one change an hour, in id order but for a tie (customers 10 and 11 changed at the same second)
    const updated = base + (i === 11 ? 10 : i) * hour + (i === 11 ? 0 : s.int(0, 3599)) * 1000
    const tie = i === 10 ? base + 10 * hour : updated
    const telephone = s.phone(country, i % 3 === 0 ? "e164" : "national")
    const company = i % 7 === 3 ? s.pick(Seeded.companies) : undefined
    const addresses: Array<Json> = []
    if (i % 7 !== 5) {
      const billing = addressOf(person, person.address, telephone, company)
      if (i % 4 === 1) {
        addresses.push({ ...billing, id: ++addressId, default_billing: true })
        const other = s.address(country)
        addresses.push({
          ...addressOf(person, other, telephone, undefined),
          id: ++addressId,
          default_shipping: true
        })
      } else {
        addresses.push({ ...billing, id: ++addressId, default_billing: true, default_shipping: true })
      }
      if (i % 6 === 2) {
        const third = s.address(country)
        addresses.push({ ...addressOf(person, third, telephone, undefined), id: ++addressId })
      }
    }
    const gender = [1, 2, 3, undefined][i % 4]
    const data: Record<string, unknown> = {
      group_id: groupIds[i % groupIds.length],
      created_in: "Default Store View",
      email,
      firstname: person.name.first,
      lastname: person.name.last,
      store_id: 1,
      website_id: 1,
      extension_attributes: { is_subscribed: i % 3 === 0 }
    }
    if (i % 3 !== 2)
      data.dob = s
        .date({ from: "1950-01-01T00:00:00Z", to: "2004-12-31T00:00:00Z" })
        .toISOString()
        .slice(0, 10)
    if (gender !== undefined) data.gender = gender
    if (i % 10 === 7) data.confirmation = `c0nf${String(i).padStart(4, "0")}a9e1`
    if (i % 8 === 6) data.middlename = "J."
    if (i % 9 === 4) data.taxvat = `${country}${100000000 + i}`
    customers.push({
      created: Math.min(created, tie),
      updated: tie,
      data,
      addresses,
      ...(options.malformed.customers.includes(i) ? { broken: true } : {})
    })
  }
  return { customers, lastAddressId: addressId }
}

/** A guest's email as written on a repeat order: the same address in another case. */
const recased = (email: string, k: number): string => {
  const at = email.indexOf("@")
  if (k % 2 === 1)
    return `${email.slice(0, 1).toUpperCase()}${email.slice(1, at)}@${email.slice(at + 1).toUpperCase()}`
  return email.toUpperCase()
}

interface Buyer {
  readonly customerId: number | null
  readonly groupId: number
  readonly email: string
  readonly first: string
  readonly last: string
  readonly country: Seeded.Country
  readonly billing: Json
  readonly shipping: Json
  readonly dob: string | undefined
  readonly gender: number | undefined
}

const orderAddress = (address: Json, type: "billing" | "shipping", email: string): Json => {
  const region = (address.region ?? {}) as Json
  return {
    address_type: type,
    city: address.city,
    ...(address.company === undefined ? {} : { company: address.company }),
    country_id: address.country_id,
    email,
    firstname: address.firstname,
    lastname: address.lastname,
    postcode: address.postcode,
    region: region.region,
    region_code: region.region_code,
    region_id: region.region_id ?? 0,
    street: address.street,
    telephone: address.telephone
  }
}

const makeOrders = (
  options: SeedOptions,
  customers: ReadonlyArray<CustomerRow>,
  taken: Set<string>
): Array<OrderRow> => {
  const s = Seeded.make(options.seed).fork("orders")
  const total = options.orders
  const registered: Array<Buyer> = customers.flatMap((c, i): Array<Buyer> => {
    const billing = c.addresses.find((a) => a.default_billing === true)
    const shipping = c.addresses.find((a) => a.default_shipping === true) ?? billing
    if (billing === undefined || shipping === undefined || c.broken === true) return []
    return [
      {
        customerId: i + 1,
        groupId: c.data.group_id as number,
        email: c.data.email as string,
        first: c.data.firstname as string,
        last: c.data.lastname as string,
        country: billing.country_id as Seeded.Country,
        billing,
        shipping,
        dob: c.data.dob as string | undefined,
        gender: c.data.gender as number | undefined
      }
    ]
  })
  const distinct = Math.min(options.guests, total)
  const guests: Array<Buyer> = []
  for (let g = 0; g < distinct; g++) {
    const country = s.country()
    const person = s.person(country)
    // one guest checked out with a registered customer's email (in capitals)
    const email =
      g === 1 && registered.length > 0
        ? registered[0]!.email.toUpperCase()
        : uniqueEmail(person.email, taken, 10_000 + g)
    const telephone = s.phone(country, g % 2 === 0 ? "e164" : "national")
    const billing = addressOf(person, person.address, telephone, undefined)
    const shipping = g % 3 === 1 ? addressOf(person, s.address(country), telephone, undefined) : billing
    guests.push({
      customerId: null,
      groupId: 0,
      email,
      first: person.name.first,
      last: person.name.last,
      country,
      billing,
      shipping,
      dob: g % 4 === 0 ? "1985-06-15" : undefined,
      gender: g % 4 === 0 ? 2 : undefined
    })
  }
  const repeats = distinct === 0 ? 0 : Math.min(total - distinct, Math.floor(distinct / 2))
  const slots: Array<{ readonly buyer: Buyer; readonly repeat: number }> = guests.map((buyer) => ({
    buyer,
    repeat: 0
  }))
  for (let r = 0; r < repeats; r++)
    slots.push({ buyer: guests[r % distinct]!, repeat: 1 + Math.floor(r / distinct) })
  while (slots.length < total) {
    if (registered.length === 0) {
      if (guests.length === 0) break
      slots.push({ buyer: s.pick(guests), repeat: 1 })
    } else slots.push({ buyer: s.pick(registered), repeat: 0 })
  }
  const shuffled = s.shuffle(slots)
  // a guest's first order comes before their repeat ones
  const firstSeen = new Set<Buyer>()
  const arranged = shuffled.map((slot) => {
    if (slot.buyer.customerId !== null) return slot
    const first = !firstSeen.has(slot.buyer)
    firstSeen.add(slot.buyer)
    return { ...slot, repeat: first ? 0 : Math.max(1, slot.repeat) }
  })
  const base = Date.parse("2024-03-01T00:00:00Z")
  return arranged.map(({ buyer, repeat }, i): OrderRow => {
    const created = base + i * 5 * hour + s.int(0, 3599) * 1000
    const updated = created + s.int(0, 3) * day + s.int(1, 3600) * 1000
    const [state, status] = s.pick(statuses)
    const lines = Array.from({ length: s.int(1, 3) }, () => {
      const p = s.pick(products)
      const qty = s.int(1, 2)
      return { sku: p.sku, name: p.name, qty_ordered: qty, price: p.price, row_total: p.price * qty }
    })
    const subtotal = lines.reduce((acc, l) => acc + l.row_total, 0)
    const shippingAmount = 5 * lines.length
    const email = repeat > 0 ? recased(buyer.email, repeat) : buyer.email
    const data: Record<string, unknown> = {
      increment_id: String(i + 1).padStart(9, "0"),
      state,
      status,
      store_id: 1,
      order_currency_code: Seeded.currencies[buyer.country] ?? "USD",
      base_currency_code: Seeded.currencies[buyer.country] ?? "USD",
      grand_total: subtotal + shippingAmount,
      base_grand_total: subtotal + shippingAmount,
      subtotal,
      shipping_amount: shippingAmount,
      tax_amount: 0,
      discount_amount: 0,
      total_qty_ordered: lines.reduce((acc, l) => acc + l.qty_ordered, 0),
      ...(buyer.customerId === null ? {} : { customer_id: buyer.customerId }),
      customer_is_guest: buyer.customerId === null ? 1 : 0,
      customer_group_id: buyer.groupId,
      customer_email: email,
      customer_firstname: buyer.first,
      customer_lastname: buyer.last,
      ...(buyer.dob === undefined ? {} : { customer_dob: `${buyer.dob} 00:00:00` }),
      ...(buyer.gender === undefined ? {} : { customer_gender: buyer.gender }),
      ...(i % 8 === 2 ? { customer_note: "Please leave the parcel at the door." } : {}),
      billing_address: {
        ...orderAddress(buyer.billing, "billing", email),
        entity_id: 2 * i + 1,
        parent_id: i + 1
      },
      items: lines,
      payment: { method: "checkmo", amount_ordered: subtotal + shippingAmount },
      extension_attributes: {
        shipping_assignments: [
          {
            shipping: {
              address: {
                ...orderAddress(buyer.shipping, "shipping", email),
                entity_id: 2 * i + 2,
                parent_id: i + 1
              },
              method: "flatrate_flatrate"
            },
            items: []
          }
        ]
      }
    }
    return {
      created,
      updated,
      data,
      ...(options.malformed.orders.includes(i) ? { broken: true } : {})
    }
  })
}

/** The seeded data for the options. */
export const generate = (options: SeedOptions): Data => {
  const taken = new Set<string>()
  const groups = makeGroups(options)
  const { customers, lastAddressId } = makeCustomers(options, groups, taken)
  const orders = makeOrders(options, customers, taken)
  return { groups, customers, lastAddressId, orders }
}
