/**
 * The emulator's seeded data: customers in every account state (some without a phone, an
 * address or consent, some with two addresses, tags, a note), each changed an hour or so after
 * the one before (every fifth at the very second of the one before, so sorting by `updatedAt`
 * has ties to break by id); orders by customers and by guests (`customer` null), guests who
 * order twice writing their email in capitals, a guest whose email is a registered customer's,
 * a guest with a phone and no email; three metafield definitions of customers; and the records
 * the contract suite asks to break. The same options give the same data.
 */
import * as Seeded from "@mapwright/testkit/Seeded"
import type { AddressData, CustomerRow, DefinitionRow, OrderRow } from "./model.ts"

export interface SeedOptions {
  readonly seed: number | string
  readonly customers: number
  readonly orders: number
  /** Distinct guests (new emails, or phone-only) among the orders without a customer. */
  readonly guests: number
  /** Indexes (in `updatedAt` order) of the records to break, per collection. */
  readonly malformed: { readonly customers: ReadonlyArray<number>; readonly orders: ReadonlyArray<number> }
}

export interface Data {
  readonly customers: ReadonlyArray<CustomerRow>
  /** `customerId` holds the index of the customer; the emulator turns it into its id. */
  readonly orders: ReadonlyArray<OrderRow>
  readonly definitions: ReadonlyArray<DefinitionRow>
}

const hour = 3_600_000
const day = 24 * hour

const locales: Readonly<Record<Seeded.Country, string>> = {
  NZ: "en",
  AU: "en",
  US: "en",
  GB: "en",
  DE: "de",
  SA: "ar"
}

const tagPool = ["VIP", "newsletter", "wholesale", "Léon", "returning"]

const pick = <A>(s: Seeded.Seeded, weighted: ReadonlyArray<readonly [A, number]>): A => {
  const total = weighted.reduce((n, [, w]) => n + w, 0)
  let r = s.next() * total
  for (const [value, w] of weighted) {
    r -= w
    if (r < 0) return value
  }
  return weighted[weighted.length - 1]![0]
}

const addressOf = (s: Seeded.Seeded, person: Seeded.Person, country: Seeded.Country): AddressData => ({
  firstName: person.name.first,
  lastName: person.name.last,
  company: s.chance(0.2) ? s.pick(Seeded.companies) : null,
  address1: person.address.line1,
  address2: s.chance(0.15) ? `Unit ${s.int(1, 40)}` : null,
  city: person.address.city,
  provinceCode: person.address.region.length <= 3 ? person.address.region : null,
  countryCode: person.address.country,
  zip: person.address.postcode,
  phone: s.chance(0.5) ? s.phone(country, "national") : null
})

export const customerStart = 7_180_000_001
export const orderStart = 5_810_000_001
export const addressStart = 8_500_000_001

export const generate = (options: SeedOptions): Data => {
  const root = Seeded.make(options.seed)
  const s = root.fork("customers")
  const base = Date.parse("2024-01-01T00:00:00Z")
  const brokenCustomers = new Set(options.malformed.customers)
  let previous = base
  const customers: Array<CustomerRow> = []
  const emails = new Set<string>()
  for (let i = 0; i < options.customers; i++) {
    const country = s.country()
    const person = s.person(country)
    let email = person.email
    for (let k = 2; emails.has(email); k++) email = person.email.replace("@", `.${k}@`)
    emails.add(email)
    const updated = i % 5 === 4 ? previous : base + i * hour + s.int(0, 3599) * 1000
    previous = updated
    const created = s.date({ from: "2023-01-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    const phone = s.chance(0.7) ? person.phone : null
    const addresses = s.chance(0.85) ? [addressOf(s, person, country)] : []
    if (addresses.length > 0 && s.chance(0.25)) addresses.push(addressOf(s, s.person(country), country))
    const tags = tagPool
      .filter(() => s.chance(0.2))
      .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
    customers.push({
      firstName: person.name.first,
      lastName: person.name.last,
      email,
      emailState: pick(s, [
        ["SUBSCRIBED", 3],
        ["NOT_SUBSCRIBED", 5],
        ["UNSUBSCRIBED", 1.5],
        ["PENDING", 0.5]
      ]),
      emailConsentAt: created,
      phone,
      smsState:
        phone === null
          ? "NOT_SUBSCRIBED"
          : pick(s, [
              ["SUBSCRIBED", 2],
              ["NOT_SUBSCRIBED", 8]
            ]),
      smsConsentAt: phone === null ? null : created,
      state: pick(s, [
        ["ENABLED", 5],
        ["DISABLED", 3.5],
        ["INVITED", 1],
        ["DECLINED", 0.5]
      ]),
      verifiedEmail: s.chance(0.8),
      taxExempt: s.chance(0.1),
      tags,
      note: s.chance(0.2) ? "Prefers delivery after 5pm" : null,
      locale: locales[country],
      created,
      updated,
      addresses: addresses.map((a, k) => ({ id: addressStart + i * 10 + k, ...a })),
      ...(brokenCustomers.has(i) ? { broken: { createdAt: "yesterday" } } : {})
    })
  }

  const o = root.fork("orders")
  type Role =
    | { readonly kind: "registered" }
    | { readonly kind: "guest"; readonly guest: number; readonly upper: boolean }
    | { readonly kind: "registeredEmail" }
  const roles: Array<Role> = []
  for (let g = 0; g < options.guests; g++) roles.push({ kind: "guest", guest: g, upper: false })
  for (let g = 0; g < Math.floor(options.guests / 3); g++)
    roles.push({ kind: "guest", guest: g, upper: true })
  if (options.customers > 0 && options.guests > 0) roles.push({ kind: "registeredEmail" })
  while (roles.length < options.orders) {
    // with no customers, every order is a guest's
    roles.push(
      options.customers > 0 ? { kind: "registered" } : { kind: "guest", guest: roles.length, upper: false }
    )
  }
  const ordered = o.shuffle(roles.slice(0, options.orders))
  const guestPeople = Array.from({ length: Math.max(options.guests, options.orders) }, () => {
    const country = o.country()
    return { country, person: o.person(country) }
  })
  const brokenOrders = new Set(options.malformed.orders)
  const orderBase = Date.parse("2024-03-01T00:00:00Z")
  const orders: Array<OrderRow> = ordered.map((role, i) => {
    const updated = orderBase + i * hour + o.int(0, 3599) * 1000
    const created = updated - o.int(0, 5) * day - o.int(0, 3599) * 1000
    const financialStatus = pick(o, [
      ["PAID", 6],
      ["PENDING", 1],
      ["REFUNDED", 1],
      ["PARTIALLY_REFUNDED", 0.5],
      ["AUTHORIZED", 1],
      ["VOIDED", 0.5]
    ])
    const common = {
      number: 1001 + i,
      created,
      updated,
      cancelled: financialStatus === "VOIDED" ? updated : null,
      financialStatus,
      fulfillmentStatus:
        financialStatus === "PAID"
          ? pick(o, [
              ["FULFILLED", 2],
              ["UNFULFILLED", 1]
            ])
          : "UNFULFILLED",
      total: `${o.int(12, 480)}.${String(o.int(0, 99)).padStart(2, "0")}`,
      acceptsMarketing: o.chance(0.3),
      ...(brokenOrders.has(i) ? { broken: { createdAt: "yesterday" } } : {})
    }
    if (role.kind === "registered" || (role.kind === "registeredEmail" && customers.length === 0)) {
      const index = o.int(0, customers.length - 1)
      const customer = customers[index]!
      const address = customer.addresses[0] ?? null
      const country = (address?.countryCode ?? "US") as Seeded.Country
      return {
        ...common,
        email: customer.email,
        phone: customer.phone,
        currency: Seeded.currencies[country] ?? "USD",
        customerId: index,
        billing: address,
        shipping: address
      }
    }
    const { country, person } =
      role.kind === "registeredEmail" ? guestPeople[guestPeople.length - 1]! : guestPeople[role.guest]!
    const email =
      role.kind === "registeredEmail"
        ? customers[0]!.email
        : role.guest === 2
          ? null
          : role.upper
            ? person.email.toUpperCase()
            : person.email
    const billing = addressOf(o, person, country)
    return {
      ...common,
      email,
      phone: email === null || o.chance(0.4) ? person.phone : null,
      currency: Seeded.currencies[country],
      customerId: null,
      billing,
      shipping: o.chance(0.3) ? addressOf(o, o.person(country), country) : billing
    }
  })

  const definitions: ReadonlyArray<DefinitionRow> = [
    {
      namespace: "custom",
      key: "loyalty_tier",
      name: "Loyalty tier",
      description: "The customer's tier in the loyalty programme",
      type: "single_line_text_field",
      validations: [{ name: "choices", value: '["bronze","silver","gold"]' }]
    },
    {
      namespace: "custom",
      key: "birthday",
      name: "Birthday",
      description: null,
      type: "date",
      validations: []
    },
    {
      namespace: "facts",
      key: "preferred_store",
      name: "Preferred store",
      description: "Where the customer likes to shop",
      type: "single_line_text_field",
      validations: [{ name: "max", value: "100" }]
    }
  ]
  return { customers, orders, definitions }
}
