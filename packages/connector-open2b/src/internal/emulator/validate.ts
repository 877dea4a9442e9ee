/**
 * The `customer` of a create or update request, checked as Open2b checks it and turned into a
 * row. The first problem found answers the call, with the seed's error tables for the field,
 * type and description (`Email 'x' already exists for a customer that can login`), and, for
 * the checks the tables leave out (types, lengths, required address fields), `Missing`,
 * `Malformed` and `InvalidValue` errors named after the field's path in the customer
 * (`billingAddress.city`).
 */
import type * as Collection from "@mapwright/testkit/Collection"
import { parseLocal } from "../times.ts"
import * as Errors from "./errors.ts"
import * as Hash from "./hash.ts"
import {
  type Application,
  type Billing,
  type CustomerRow,
  emptyBilling,
  type Json,
  type Row,
  type Shipping,
  type StoredPassword
} from "./model.ts"

export interface Store {
  readonly customers: Collection.Collection<CustomerRow>
  /** The customer groups that exist (ids). */
  readonly groups: ReadonlySet<number>
  /** The saved carts that exist (ids). */
  readonly carts: ReadonlySet<number>
  readonly zone: string
  readonly now: () => number
  /** A fresh number for a password's salt. */
  readonly salt: () => number
}

export type Operation = "create" | "update"

export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const isEmail = (s: string): boolean => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s)

const quote = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value))

const onlyKnown = (value: Json, known: ReadonlyArray<string>, prefix: string): void => {
  for (const key of Object.keys(value)) if (!known.includes(key)) Errors.unknownField(`${prefix}${key}`)
}

const text = (path: string, value: unknown, min: number, max: number): string => {
  if (typeof value !== "string") return Errors.malformed(path, `${path} must be a string`)
  if (min > 0 && value.trim() === "") return Errors.missing(path)
  if (value.length < min || value.length > max) {
    return Errors.malformed(path, `${path} must have between ${min} and ${max} characters`)
  }
  return value
}

const int = (path: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return Errors.malformed(path, `${path} must be an integer`)
  }
  if (value < min || value > max) return Errors.invalid(path, `${path} must be between ${min} and ${max}`)
  return value
}

const bool = (path: string, value: unknown): boolean =>
  typeof value === "boolean" ? value : Errors.malformed(path, `${path} must be a boolean`)

const datetime = (path: string, value: unknown, zone: string): number => {
  const at = typeof value === "string" ? parseLocal(value, zone) : undefined
  return at ?? Errors.malformed(path, `'${quote(value)}' is not a datetime (YYYY-MM-DD HH:MM:SS)`)
}

const country = (path: string, value: unknown): string => {
  const code = text(path, value, 2, 2)
  return /^[A-Z]{2}$/.test(code) ? code : Errors.invalid(path, `Country '${code}' does not exist`)
}

const billingKeys = Object.keys(emptyBilling)

const billingRequired = new Set([
  "firstName",
  "lastName",
  "street1",
  "city",
  "postalCode",
  "country",
  "email"
])

const billingMax: Readonly<Record<string, number>> = {
  firstName: 25,
  lastName: 25,
  personalCode: 20,
  companyName: 100,
  companyCode: 20,
  companyCode2: 20,
  street1: 60,
  street2: 60,
  city: 25,
  postalCode: 20,
  stateProv: 3,
  phoneNumber: 15,
  mobileNumber: 15,
  faxNumber: 15,
  email: 120
}

const billing = (value: unknown, operation: Operation): Billing => {
  if (!isObject(value)) return Errors.malformed("billingAddress", "billingAddress must be an object")
  onlyKnown(value, billingKeys, "billingAddress.")
  const out: Record<string, string> = {}
  for (const key of billingKeys) {
    const path = `billingAddress.${key}`
    const v = value[key]
    if (v === undefined || v === null) {
      if (billingRequired.has(key)) Errors.missing(path)
      out[key] = ""
      continue
    }
    if (key === "country") out[key] = country(path, v)
    else if (key === "email") {
      const email = text(path, v, 3, 120)
      if (!isEmail(email)) {
        Errors.invalid(
          "email",
          operation === "create"
            ? `'${email}' is not a well formed email address`
            : `Email '${email}' is not a well formed email address`
        )
      }
      out[key] = email
    } else out[key] = text(path, v, billingRequired.has(key) ? 1 : 0, billingMax[key] ?? 60)
  }
  return out as unknown as Billing
}

const shippingKeys = ["name", "street1", "street2", "city", "postalCode", "stateProv", "country"]

const shippingRequired = new Set(["name", "street1", "city", "postalCode", "country"])

const shippingMax: Readonly<Record<string, number>> = {
  name: 100,
  street1: 60,
  street2: 60,
  city: 25,
  postalCode: 20,
  stateProv: 3
}

const shipping = (value: unknown): Shipping | null => {
  if (value === null) return null
  if (!isObject(value))
    return Errors.malformed("shippingAddress", "shippingAddress must be an object or null")
  onlyKnown(value, shippingKeys, "shippingAddress.")
  const out: Record<string, string> = {}
  for (const key of shippingKeys) {
    const path = `shippingAddress.${key}`
    const v = value[key]
    if (v === undefined || v === null) {
      if (shippingRequired.has(key)) Errors.missing(path)
      out[key] = ""
      continue
    }
    out[key] =
      key === "country"
        ? country(path, v)
        : text(path, v, shippingRequired.has(key) ? 1 : 0, shippingMax[key] ?? 60)
  }
  return out as unknown as Shipping
}

const applications: ReadonlyArray<Application> = ["Open2b", "osCommerce", "ZenCart", "CRELoaded"]

/** The password to store: `null` to remove it; the seed's rules for `value` and `cryptedBy`. */
const password = (store: Store, value: unknown): StoredPassword | null => {
  if (value === null) return null
  if (!isObject(value))
    return Errors.malformed("password", "password must be an object { value, cryptedBy } or null")
  onlyKnown(value, ["value", "cryptedBy"], "password.")
  if (value.value === undefined || value.value === null) return Errors.missing("password.value")
  if (typeof value.value !== "string")
    return Errors.malformed("password.value", "password.value must be a string")
  const by = value.cryptedBy
  if (by === undefined || by === null || by === "None") {
    if (value.value.length < 6 || value.value.length > 16) {
      return Errors.malformed("password", "Password must have between 6 and 16 characters")
    }
    return { hash: Hash.open2b(value.value, store.salt()), by: "Open2b" }
  }
  const app = applications.find((a) => a === by)
  if (app === undefined) {
    return Errors.invalid(
      "password.cryptedBy",
      `Application '${quote(by)}' is not one whose crypted passwords Open2b takes`
    )
  }
  if (!Hash.isCrypted(value.value, app)) {
    return Errors.malformed("password", `Password is not a '${app}' crypted password`)
  }
  return { hash: value.value, by: app }
}

const invoiceRecipient = (value: unknown): string => {
  const v = text("invoiceRecipient", value, 0, 256)
  if (v === "" || /^[A-Z0-9]{7}$/.test(v) || isEmail(v)) return v
  return Errors.malformed("invoiceRecipient", `'${v}' is not a recipient code or email address`)
}

const positives = (path: string, value: unknown): ReadonlyArray<number> => {
  if (!Array.isArray(value)) return Errors.malformed(path, `${path} must be an array`)
  return value.map((v, i) => int(`${path}.${i}`, v, 1, Number.MAX_SAFE_INTEGER))
}

export const createKeys = [
  "code",
  "canLogin",
  "password",
  "creationTime",
  "loginTime",
  "group",
  "wishList",
  "invoiceRecipient",
  "billingAddress",
  "shippingAddress"
]

export const updateKeys = [...createKeys, "cart"]

/**
 * The row a create (`existing` undefined) or an update makes of `customer`, or the answer that
 * refuses it (thrown, as `Respond.fail` does).
 */
export const toRow = (store: Store, customer: unknown, existing: Row | undefined): CustomerRow => {
  const operation: Operation = existing === undefined ? "create" : "update"
  if (customer === undefined || customer === null) return Errors.missing("customer")
  if (!isObject(customer)) return Errors.malformed("customer", "customer must be an object")
  onlyKnown(customer, operation === "create" ? createKeys : updateKeys, "")
  const c = customer
  const now = store.now()
  const code = c.code === undefined ? (existing?.code ?? "") : text("code", c.code, 0, 32)
  const canLogin = c.canLogin === undefined ? (existing?.canLogin ?? false) : bool("canLogin", c.canLogin)
  const pass = c.password === undefined ? (existing?.password ?? null) : password(store, c.password)
  const created =
    c.creationTime === undefined
      ? (existing?.created ?? Math.floor(now / 1000) * 1000)
      : datetime("creationTime", c.creationTime, store.zone)
  const login =
    c.loginTime === undefined
      ? (existing?.login ?? null)
      : c.loginTime === null
        ? null
        : datetime("loginTime", c.loginTime, store.zone)
  const group =
    c.group === undefined ? (existing?.group ?? Math.min(...store.groups)) : int("group", c.group, 1, 255)
  const wishList = c.wishList === undefined ? (existing?.wishList ?? []) : positives("wishList", c.wishList)
  const cart =
    c.cart === undefined || existing === undefined
      ? (existing?.cart ?? null)
      : c.cart === null
        ? null
        : int("cart", c.cart, 1, Number.MAX_SAFE_INTEGER)
  const invoice =
    c.invoiceRecipient === undefined
      ? (existing?.invoiceRecipient ?? "")
      : invoiceRecipient(c.invoiceRecipient)
  if (operation === "create" && (c.billingAddress === undefined || c.billingAddress === null)) {
    Errors.missing("billingAddress")
  }
  const bill = c.billingAddress === undefined ? existing!.billing : billing(c.billingAddress, operation)
  const ship = c.shippingAddress === undefined ? (existing?.shipping ?? null) : shipping(c.shippingAddress)

  // the checks of the seed's error tables, in their order
  if (canLogin && pass === null) {
    if (operation === "create") Errors.missing("password", "Password is required if customer is active")
    Errors.invalid("canLogin", "canLogin can be true only if password is defined")
  }
  if (
    operation === "update" &&
    c.cart !== undefined &&
    cart !== null &&
    cart !== existing?.cart &&
    !store.carts.has(cart)
  ) {
    Errors.fail({ field: "cart", type: "NotFound", description: `Cart ${cart} does not exist` })
  }
  if (c.creationTime !== undefined && created > now) {
    Errors.invalid("creationTime", `Creation time '${quote(c.creationTime)}' is in the future`)
  }
  if (code !== "" && store.customers.find((r) => r.code === code && r.id !== existing?.id).length > 0) {
    Errors.fail({ field: "code", type: "AlreadyExists", description: `Code '${code}' already exists` })
  }
  const email = bill.email.toLowerCase()
  if (
    pass !== null &&
    store.customers.find(
      (r) => r.id !== existing?.id && r.password !== null && r.billing.email.toLowerCase() === email
    ).length > 0
  ) {
    Errors.fail({
      field: "email",
      type: "AlreadyExists",
      description: `Email '${bill.email}' already exists for a customer that can login`
    })
  }
  if (!store.groups.has(group)) {
    Errors.fail({ field: "group", type: "NotFound", description: `Customer group ${group} does not exist` })
  }
  if (login !== null && c.loginTime !== undefined) {
    if (login < created)
      Errors.invalid("loginTime", `Login time '${quote(c.loginTime)}' is before the creation time`)
    if (login > now) Errors.invalid("loginTime", `Login time '${quote(c.loginTime)}' is in the future`)
  }
  return {
    code,
    canLogin,
    password: pass,
    created,
    login,
    updated: Math.floor(now / 1000) * 1000,
    group,
    wishList,
    cart,
    invoiceRecipient: invoice,
    labels: existing?.labels ?? [],
    billing: bill,
    shipping: ship
  }
}
