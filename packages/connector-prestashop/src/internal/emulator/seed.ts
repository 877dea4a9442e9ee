/**
 * The emulator's seeded shop: the stock groups (Visitor, Guest, Customer) and a few of the
 * shop's own, the stock titles (1 Mr., 2 Mrs.) or the shop's own, countries under their stock ids, currencies, order states, customers (some of
 * them guests, with `is_guest` 1 and the Guest group) with their addresses (a few deleted),
 * and orders of registered customers and guests. The same seed gives the same shop.
 *
 * Dates are shop-local, in the emulator's time zone. Customers and orders are changed one
 * hour apart, in an order shuffled against their ids, so `sort=[date_upd_ASC,id_ASC]` is not
 * the id order.
 */
import { createHash } from "node:crypto"
import * as Seeded from "@mapwright/testkit/Seeded"
import * as StockCountries from "../stockCountries.ts"
import { formatIn } from "../times.ts"
import type { Row, Translation } from "./model.ts"

export interface SeedOptions {
  readonly seed: number | string
  readonly customers: number
  readonly guests: number
  readonly groups: number
  readonly orders: number
  readonly zone: string
  readonly languages: ReadonlyArray<string>
  /** The titles, by id from 1: `type` 0 male, 1 female, 2 neutral; the name in the first language, then the others. */
  readonly genders: ReadonlyArray<{ readonly type: string; readonly names: readonly [string, string] }>
  /** Indexes, in `(date_upd, id)` order, of records served so that they break the record schema. */
  readonly malformed: {
    readonly customers: ReadonlyArray<number>
    readonly groups: ReadonlyArray<number>
    readonly orders: ReadonlyArray<number>
  }
}

export interface Data {
  readonly customers: ReadonlyArray<Row>
  readonly addresses: ReadonlyArray<Row>
  readonly groups: ReadonlyArray<Row>
  readonly genders: ReadonlyArray<Row>
  readonly countries: ReadonlyArray<Row>
  readonly currencies: ReadonlyArray<Row>
  readonly orderStates: ReadonlyArray<Row>
  readonly orders: ReadonlyArray<Row>
}

type Country = "NZ" | "AU" | "US" | "GB" | "DE" | "SA"

// a stock install's country names, in English and French
const english = new Intl.DisplayNames(["en"], { type: "region" })
const french = new Intl.DisplayNames(["fr"], { type: "region" })
const countryName = (iso: string): readonly [string, string] => [
  english.of(iso) ?? iso,
  french.of(iso) ?? iso
]

const callPrefix: Readonly<Record<string, string>> = {
  DE: "49",
  FR: "33",
  GB: "44",
  US: "1",
  AU: "61",
  NZ: "64",
  SA: "966"
}

const ownGroups: ReadonlyArray<readonly [string, string, string]> = [
  ["VIP", "VIP", "10.00"],
  ["Wholesale", "Grossiste", "15.00"],
  ["Staff", "Personnel", "20.00"],
  ["Newsletter", "Lettre", "0.00"]
]

const stateNames: ReadonlyArray<readonly [string, string]> = [
  ["Awaiting check payment", "En attente du paiement par chèque"],
  ["Payment accepted", "Paiement accepté"],
  ["Processing in progress", "En cours de préparation"],
  ["Shipped", "Expédié"],
  ["Delivered", "Livré"],
  ["Canceled", "Annulé"],
  ["Refunded", "Remboursé"],
  ["Payment error", "Erreur de paiement"]
]

const currencyRows: ReadonlyArray<readonly [string, string, string]> = [
  ["EUR", "Euro", "978"],
  ["USD", "US Dollar", "840"],
  ["GBP", "British Pound", "826"],
  ["NZD", "New Zealand Dollar", "554"],
  ["AUD", "Australian Dollar", "036"],
  ["SAR", "Saudi Riyal", "682"]
]

const countryOf: Readonly<Record<Country, string>> = {
  NZ: "NZD",
  AU: "AUD",
  US: "USD",
  GB: "GBP",
  DE: "EUR",
  SA: "SAR"
}

export const translate = (
  languages: ReadonlyArray<string>,
  values: readonly [string, string]
): ReadonlyArray<Translation> => languages.map((id, i) => ({ id, value: i === 0 ? values[0] : values[1] }))

const hex = (text: string, length = 32) => createHash("sha256").update(text).digest("hex").slice(0, length)

/** A bcrypt-shaped hash, as PrestaShop 1.7+ stores passwords (the emulator never checks it). */
export const hashPassword = (plain: string): string =>
  `$2y$10$${createHash("sha256")
    .update(plain)
    .digest("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 53)}`

/** The titles of a stock install (English, then French). */
export const stockGenders: SeedOptions["genders"] = [
  { type: "0", names: ["Mr.", "M."] },
  { type: "1", names: ["Mrs.", "Mme"] }
]

export const generate = (options: SeedOptions): Data => {
  const random = Seeded.make(options.seed)
  const langs = options.languages
  const at = (ms: number) => formatIn(ms, options.zone)

  // every country of a stock install, under its stock id
  const countries: Array<Row> = [...StockCountries.table.id].map(([iso, id]) => ({
    id: Number(id),
    id_zone: "1",
    id_currency: "0",
    call_prefix: callPrefix[iso] ?? "0",
    iso_code: iso,
    active: "1",
    contains_states: "0",
    need_zip_code: "1",
    name: translate(langs, countryName(iso))
  }))

  const currencies: Array<Row> = currencyRows.map(([iso, name, numeric], i) => ({
    id: i + 1,
    names: name,
    name: translate(langs, [name, name]),
    symbol: iso,
    iso_code: iso,
    numeric_iso_code: numeric,
    precision: "2",
    conversion_rate: "1.000000",
    deleted: "0",
    active: "1"
  }))

  const orderStates: Array<Row> = stateNames.map((names, i) => ({
    id: i + 1,
    unremovable: "1",
    delivery: i >= 3 && i <= 4 ? "1" : "0",
    hidden: "0",
    send_email: "1",
    module_name: "",
    invoice: i >= 1 && i <= 4 ? "1" : "0",
    color: "#34209E",
    logable: i >= 1 && i <= 4 ? "1" : "0",
    shipped: i >= 3 && i <= 4 ? "1" : "0",
    paid: i >= 1 && i <= 4 ? "1" : "0",
    deleted: "0",
    name: translate(langs, names),
    template: translate(langs, ["payment", "payment"])
  }))

  // groups: the three stock ones, then the shop's own
  const groupRandom = random.fork("groups")
  const groupCount = Math.max(3, options.groups)
  const groupDates = groupRandom.date({ from: "2022-01-01T00:00:00Z", to: "2022-12-31T00:00:00Z" }).getTime()
  const groups: Array<Row> = Array.from({ length: groupCount }, (_, i) => {
    const stock: ReadonlyArray<readonly [string, string]> = [
      ["Visitor", "Visiteur"],
      ["Guest", "Invité"],
      ["Customer", "Client"]
    ]
    const own = ownGroups[(i - 3) % ownGroups.length]!
    const names: readonly [string, string] =
      i < 3 ? stock[i]! : i - 3 < ownGroups.length ? [own[0], own[1]] : [`Group ${i + 1}`, `Groupe ${i + 1}`]
    return {
      id: i + 1,
      reduction: i < 3 ? "0.00" : own[2],
      price_display_method: i === 2 || i < 3 ? "0" : String(groupRandom.int(0, 1)),
      show_prices: "1",
      date_add: at(groupDates + i * 60_000),
      date_upd: at(groupDates + i * 60_000),
      name: translate(langs, names)
    }
  })
  options.malformed.groups.forEach((index) => {
    const g = groups[index]
    if (g !== undefined) groups[index] = { ...g, reduction: "ten percent" }
  })

  // customers, changed an hour apart in a shuffled order
  const people = random.fork("customers")
  const total = options.customers
  const guestCount = Math.min(total, options.guests)
  const guestIndexes = new Set(
    people.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, guestCount)
  )
  const updateRank = people.shuffle(Array.from({ length: total }, (_, i) => i))
  const base = Date.parse("2024-01-01T00:00:00Z")
  const customers: Array<Row> = []
  const addresses: Array<Row> = []
  const homes: Array<{
    readonly customer: number
    readonly address: number | undefined
    readonly country: Country
  }> = []
  const countriesUsed: ReadonlyArray<Country> = ["NZ", "AU", "US", "GB", "DE", "SA"]
  for (let i = 0; i < total; i++) {
    const country = people.pick(countriesUsed)
    const person = people.person(country)
    const guest = guestIndexes.has(i)
    const created = people.date({ from: "2023-01-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    const updated = base + updateRank[i]! * 3_600_000 + people.int(0, 3599) * 1000
    const newsletter = people.chance(0.4)
    const groupsOf = guest ? ["2"] : people.chance(0.3) && groupCount > 3 ? ["3", "4"] : ["3"]
    const id = i + 1
    customers.push({
      id,
      id_default_group: guest ? "2" : "3",
      id_lang: "1",
      newsletter_date_add: newsletter ? at(created + 60_000) : "0000-00-00 00:00:00",
      ip_registration_newsletter: "",
      last_passwd_gen: at(created),
      secure_key: hex(`key-${options.seed}-${id}`),
      deleted: "0",
      passwd: hashPassword(`password-${options.seed}-${id}`),
      lastname: person.name.last,
      firstname: person.name.first,
      email: person.email,
      id_gender: people.pick(["1", "2", "0"]),
      birthday: people.chance(0.6)
        ? people.date({ from: "1950-01-01T00:00:00Z", to: "2004-12-31T00:00:00Z" }).toISOString().slice(0, 10)
        : "0000-00-00",
      newsletter: newsletter ? "1" : "0",
      optin: people.chance(0.3) ? "1" : "0",
      website: "",
      company: !guest && people.chance(0.2) ? `${person.name.last} Ltd` : "",
      siret: "",
      ape: "",
      outstanding_allow_amount: "0.000000",
      show_public_prices: "0",
      id_risk: "0",
      max_payment_days: "0",
      active: guest || people.chance(0.9) ? "1" : "0",
      note: "",
      is_guest: guest ? "1" : "0",
      id_shop: "1",
      id_shop_group: "1",
      date_add: at(created),
      date_upd: at(updated),
      reset_password_token: "",
      reset_password_validity: people.chance(0.5) ? null : "0000-00-00 00:00:00",
      associations: { groups: groupsOf.map((g) => ({ id: g })) }
    })
    const addressCount = guest ? 1 : people.int(0, 2)
    let home: number | undefined
    for (let a = 0; a < addressCount; a++) {
      const place = a === 0 ? person.address : people.address(country)
      const addressId = addresses.length + 1
      const deleted = a > 0 && people.chance(0.25)
      if (a === 0) home = addressId
      addresses.push({
        id: addressId,
        id_customer: String(id),
        id_manufacturer: "0",
        id_supplier: "0",
        id_warehouse: "0",
        id_country: StockCountries.idOf(country) ?? "0",
        id_state: "0",
        alias: a === 0 ? "My address" : "Work",
        company: "",
        lastname: person.name.last,
        firstname: person.name.first,
        vat_number: "",
        address1: place.line1,
        address2: "",
        postcode: place.postcode,
        city: place.city,
        other: "",
        phone: people.phone(country, "national"),
        phone_mobile: people.chance(0.3) ? people.phone(country, "national") : "",
        dni: "",
        deleted: deleted ? "1" : "0",
        date_add: at(created),
        date_upd: at(created)
      })
    }
    homes.push({ customer: id, address: home, country })
  }
  const byDate = [...customers].sort((a, b) => (String(a.date_upd) < String(b.date_upd) ? -1 : 1))
  for (const index of options.malformed.customers) {
    const row = byDate[index]
    if (row !== undefined) customers[row.id - 1] = { ...row, birthday: "15/01/1970" }
  }

  // orders, of customers that have an address (every guest has one)
  const orderRandom = random.fork("orders")
  const buyers = homes.filter((h) => h.address !== undefined)
  const orderRank = orderRandom.shuffle(Array.from({ length: options.orders }, (_, i) => i))
  const orders: Array<Row> = []
  for (let i = 0; i < options.orders && buyers.length > 0; i++) {
    const buyer = orderRandom.pick(buyers)
    const placed = orderRandom.date({ from: "2023-06-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    const changed = base + orderRank[i]! * 3_600_000 + orderRandom.int(0, 3599) * 1000
    const products = orderRandom.int(1000, 20000) / 100
    const shipping = orderRandom.pick([0, 5, 7.5])
    const paid = products + shipping
    const currency = currencyRows.findIndex(([iso]) => iso === countryOf[buyer.country]) + 1
    const amount = (n: number) => n.toFixed(6)
    const address = String(buyer.address)
    orders.push({
      id: i + 1,
      id_address_delivery: address,
      id_address_invoice: address,
      id_cart: String(i + 1),
      id_currency: String(currency),
      id_lang: "1",
      id_customer: String(buyer.customer),
      id_carrier: "2",
      current_state: String(orderRandom.int(1, stateNames.length)),
      module: "ps_checkpayment",
      invoice_number: "0",
      invoice_date: "0000-00-00 00:00:00",
      delivery_number: "0",
      delivery_date: "0000-00-00 00:00:00",
      valid: "1",
      date_add: at(placed),
      date_upd: at(changed),
      shipping_number: "",
      note: "",
      id_shop_group: "1",
      id_shop: "1",
      secure_key: hex(`order-${options.seed}-${i}`),
      payment: "Payments by check",
      recyclable: "0",
      gift: "0",
      gift_message: "",
      mobile_theme: "0",
      total_discounts: amount(0),
      total_discounts_tax_incl: amount(0),
      total_discounts_tax_excl: amount(0),
      total_paid: amount(paid),
      total_paid_tax_incl: amount(paid),
      total_paid_tax_excl: amount(paid / 1.2),
      total_paid_real: amount(paid),
      total_products: amount(products / 1.2),
      total_products_wt: amount(products),
      total_shipping: amount(shipping),
      total_shipping_tax_incl: amount(shipping),
      total_shipping_tax_excl: amount(shipping),
      carrier_tax_rate: "0.000",
      total_wrapping: amount(0),
      total_wrapping_tax_incl: amount(0),
      total_wrapping_tax_excl: amount(0),
      round_mode: "2",
      round_type: "2",
      conversion_rate: "1.000000",
      reference: Array.from({ length: 9 }, () => String.fromCharCode(65 + orderRandom.int(0, 25))).join(""),
      associations: {
        order_rows: [
          {
            id: String(i + 1),
            product_id: "1",
            product_quantity: "1",
            product_name: "Hummingbird printed t-shirt"
          }
        ]
      }
    })
  }
  const ordersByDate = [...orders].sort((a, b) => (String(a.date_upd) < String(b.date_upd) ? -1 : 1))
  for (const index of options.malformed.orders) {
    const row = ordersByDate[index]
    if (row !== undefined) orders[row.id - 1] = { ...row, total_paid_tax_incl: "12,50" }
  }

  const genders: Array<Row> = options.genders.map((g, i) => ({
    id: i + 1,
    type: g.type,
    name: translate(langs, g.names)
  }))

  return { customers, addresses, groups, genders, countries, currencies, orderStates, orders }
}
