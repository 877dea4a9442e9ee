/**
 * The emulator's rows and how they are rendered as Open2b answers: times in the shop's zone
 * (`YYYY-MM-DD HH:MM:SS`), `hasPassword` and `encryptedPassword` from the stored password,
 * `fullName` from the billing address, and only the fields a call asks for.
 */
import { formatLocal } from "../times.ts"

export type Json = Record<string, unknown>

export interface Billing {
  readonly firstName: string
  readonly lastName: string
  readonly personalCode: string
  readonly companyName: string
  readonly companyCode: string
  readonly companyCode2: string
  readonly street1: string
  readonly street2: string
  readonly city: string
  readonly postalCode: string
  readonly stateProv: string
  readonly country: string
  readonly phoneNumber: string
  readonly mobileNumber: string
  readonly faxNumber: string
  readonly email: string
}

export interface Shipping {
  readonly name: string
  readonly street1: string
  readonly street2: string
  readonly city: string
  readonly postalCode: string
  readonly stateProv: string
  readonly country: string
}

export type Application = "Open2b" | "osCommerce" | "ZenCart" | "CRELoaded"

/** A stored password: crypted by Open2b (set in clear), or imported as another application crypted it. */
export interface StoredPassword {
  readonly hash: string
  readonly by: Application
}

/** A customer as the emulator keeps it (the id is the collection's). */
export interface CustomerRow {
  readonly code: string
  readonly canLogin: boolean
  readonly password: StoredPassword | null
  /** Epoch milliseconds, whole seconds. */
  readonly created: number
  readonly login: number | null
  readonly updated: number
  readonly group: number
  readonly wishList: ReadonlyArray<number>
  readonly cart: number | null
  readonly invoiceRecipient: string
  /** Labels (ids 1 to 32): a find condition only, never answered. */
  readonly labels: ReadonlyArray<number>
  readonly billing: Billing
  readonly shipping: Shipping | null
  /** Fields replaced in every answer, to break the record schema (the contract suite's malformed record). */
  readonly broken?: Json
}

export type Row = CustomerRow & { readonly id: number }

/** Every field a call may ask for, in the seed's order. */
export const customerFields: ReadonlyArray<string> = [
  "id",
  "code",
  "canLogin",
  "hasPassword",
  "encryptedPassword",
  "creationTime",
  "loginTime",
  "updateTime",
  "group",
  "wishList",
  "cart",
  "invoiceRecipient",
  "fullName",
  "billingAddress",
  "shippingAddress"
]

export const fullName = (billing: Billing): string =>
  billing.companyName.trim() !== "" ? billing.companyName : `${billing.firstName} ${billing.lastName}`.trim()

/** Every field of a row, as Open2b answers it. */
const renderAll = (row: Row, zone: string): Json => ({
  id: row.id,
  code: row.code,
  canLogin: row.canLogin,
  hasPassword: row.password !== null,
  encryptedPassword: row.password === null ? null : row.password.hash,
  creationTime: formatLocal(row.created, zone),
  loginTime: row.login === null ? null : formatLocal(row.login, zone),
  updateTime: formatLocal(row.updated, zone),
  group: row.group,
  wishList: [...row.wishList],
  cart: row.cart,
  invoiceRecipient: row.invoiceRecipient,
  fullName: fullName(row.billing),
  billingAddress: { ...row.billing },
  shippingAddress: row.shipping === null ? null : { ...row.shipping },
  ...row.broken
})

/** The fields `fields` asks for, in the order asked. */
export const render = (row: Row, fields: ReadonlyArray<string>, zone: string): Json => {
  const all = renderAll(row, zone)
  const out: Json = {}
  for (const f of fields) out[f] = all[f]
  return out
}

export const emptyBilling: Billing = {
  firstName: "",
  lastName: "",
  personalCode: "",
  companyName: "",
  companyCode: "",
  companyCode2: "",
  street1: "",
  street2: "",
  city: "",
  postalCode: "",
  stateProv: "",
  country: "",
  phoneNumber: "",
  mobileNumber: "",
  faxNumber: "",
  email: ""
}

export const emptyShipping: Shipping = {
  name: "",
  street1: "",
  street2: "",
  city: "",
  postalCode: "",
  stateProv: "",
  country: ""
}
