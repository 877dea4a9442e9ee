/**
 * Deterministic customers for the emulator: the same seed gives the same customers. Most can
 * log in (a password, set in clear as `secret-<n>`, or imported crypted by osCommerce); some
 * have a shipping address of their own, a code, a company, a mobile number, a saved cart, labels.
 */
import * as Seeded from "@mapwright/testkit/Seeded"
import { parseLocal } from "../times.ts"
import * as Hash from "./hash.ts"
import {
  type Application,
  type Billing,
  type CustomerRow,
  emptyBilling,
  emptyShipping,
  type Json,
  type Shipping,
  type StoredPassword
} from "./model.ts"

export interface Options {
  readonly seed: number | string
  readonly customers: number
  /** Indexes (in id order) of the customers served so that they break the record schema. */
  readonly malformed: ReadonlyArray<number>
  /** The customer group ids that exist. */
  readonly groups: ReadonlyArray<number>
}

const companies = [
  "Investigations Inc",
  "Kiwi Traders Ltd",
  "Harbour Supplies",
  "Nordlicht GmbH",
  "Acme Pty Ltd"
]

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s)

/** The clear password of a seeded customer that has one set by Open2b. */
export const seededPassword = (index: number): string => `secret-${index}`

export const generate = (options: Options): ReadonlyArray<CustomerRow> => {
  const random = Seeded.make(options.seed).fork("open2b-customers")
  const malformed = new Set(options.malformed)
  const emails = new Set<string>()
  const rows: Array<CustomerRow> = []
  for (let i = 0; i < options.customers; i++) {
    const person = random.person()
    const address = person.address
    let email = person.email
    while (emails.has(email)) email = email.replace("@", `.${random.int(1, 99)}@`)
    emails.add(email)
    const company = random.chance(0.25) ? random.pick(companies) : ""
    const national = random.chance(0.3)
    const billing: Billing = {
      ...emptyBilling,
      firstName: cut(person.name.first, 25),
      lastName: cut(person.name.last, 25),
      personalCode: random.chance(0.2) ? `PC${random.int(10000, 99999)}` : "",
      companyName: company,
      companyCode: company === "" ? "" : `CC${random.int(100000, 999999)}`,
      street1: cut(address.line1, 60),
      city: cut(address.city, 25),
      postalCode: address.postcode,
      stateProv: address.region.length <= 3 ? address.region : "",
      country: address.country,
      phoneNumber: random.chance(0.85) ? person.phone : "",
      mobileNumber: random.chance(0.3) ? random.phone(address.country, national ? "national" : "e164") : "",
      email
    }
    const other = random.chance(0.35) ? random.person(address.country) : undefined
    const shipping: Shipping | null =
      other === undefined
        ? null
        : {
            ...emptyShipping,
            name: `${other.name.first} ${other.name.last}`,
            street1: cut(other.address.line1, 60),
            city: cut(other.address.city, 25),
            postalCode: other.address.postcode,
            stateProv: other.address.region.length <= 3 ? other.address.region : "",
            country: other.address.country
          }
    const created = random.date({ from: "2022-01-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    const updated = created + random.int(0, 400) * 86_400_000 + random.int(0, 86_399) * 1000
    const withPassword = random.chance(0.75)
    const imported = withPassword && random.chance(0.2)
    const app: Application = imported ? "osCommerce" : "Open2b"
    const salt = `${String.fromCharCode(97 + (i % 26))}${i % 10}`
    const password: StoredPassword | null = !withPassword
      ? null
      : { hash: imported ? Hash.legacy(seededPassword(i), salt) : Hash.open2b(seededPassword(i), i), by: app }
    const canLogin = withPassword && random.chance(0.9)
    const login = canLogin && random.chance(0.8) ? updated + random.int(1, 86_399) * 1000 : null
    rows.push({
      code: random.chance(0.5) ? `C${10_000 + i}` : "",
      canLogin,
      password,
      created,
      login,
      updated,
      group: random.pick(options.groups),
      wishList: random.chance(0.3) ? [random.int(100, 999), random.int(1000, 1999)] : [],
      cart: random.chance(0.2) ? 500_000_000 + i : null,
      invoiceRecipient: random.chance(0.15) ? `AB${random.int(10000, 99999)}` : "",
      labels: random.chance(0.5) ? [random.int(1, 5)] : [],
      billing,
      shipping,
      ...(malformed.has(i) ? { broken: { canLogin: "yes" } } : {})
    })
  }
  return rows
}

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown, fallback = ""): string => (typeof u === "string" ? u : fallback)

const time = (u: unknown, zone: string, fallback: number): number =>
  (typeof u === "string" ? parseLocal(u, zone) : undefined) ?? fallback

const epoch = Date.parse("2024-01-01T00:00:00Z")

/**
 * A row from a customer written by hand in Open2b's answer shape (the emulator's `data` option):
 * shop times in `zone`; `encryptedPassword` as an Open2b hash, or `password: { value }` in clear;
 * `labels` (not an Open2b answer field) to give the row labels.
 */
export const fromRecord = (record: Json, zone: string): CustomerRow => {
  const billing: Record<string, string> = { ...emptyBilling }
  const b = isObject(record.billingAddress) ? record.billingAddress : {}
  for (const k of Object.keys(emptyBilling)) billing[k] = str(b[k])
  const s = isObject(record.shippingAddress) ? record.shippingAddress : undefined
  const shipping: Record<string, string> | null = s === undefined ? null : { ...emptyShipping }
  if (s !== undefined && shipping !== null)
    for (const k of Object.keys(emptyShipping)) shipping[k] = str(s[k])
  const created = time(record.creationTime, zone, epoch)
  const clear =
    isObject(record.password) && typeof record.password.value === "string" ? record.password.value : undefined
  const hash =
    clear !== undefined
      ? Hash.open2b(clear, 0)
      : typeof record.encryptedPassword === "string"
        ? record.encryptedPassword
        : undefined
  return {
    code: str(record.code),
    canLogin: record.canLogin === true,
    password: hash === undefined ? null : { hash, by: "Open2b" },
    created,
    login:
      record.loginTime === null || record.loginTime === undefined
        ? null
        : time(record.loginTime, zone, created),
    updated: time(record.updateTime, zone, created),
    group: typeof record.group === "number" ? record.group : 1,
    wishList: Array.isArray(record.wishList)
      ? record.wishList.filter((n): n is number => typeof n === "number")
      : [],
    cart: typeof record.cart === "number" ? record.cart : null,
    invoiceRecipient: str(record.invoiceRecipient),
    labels: Array.isArray(record.labels)
      ? record.labels.filter((n): n is number => typeof n === "number")
      : [],
    billing: billing as unknown as Billing,
    shipping: shipping as unknown as Shipping | null
  }
}
