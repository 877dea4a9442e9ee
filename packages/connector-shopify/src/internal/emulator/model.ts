/**
 * The emulator's rows and how they are rendered as GraphQL objects: times as UTC instants to
 * the second, ids as GIDs, a customer's order statistics computed from the orders, and the
 * fields a malformed record breaks.
 */
import type * as Collection from "@mapwright/testkit/Collection"
import { countryName } from "./schema.ts"

export type Json = Record<string, unknown>

export interface AddressData {
  readonly firstName: string | null
  readonly lastName: string | null
  readonly company: string | null
  readonly address1: string | null
  readonly address2: string | null
  readonly city: string | null
  readonly provinceCode: string | null
  readonly countryCode: string | null
  readonly zip: string | null
  readonly phone: string | null
}

export interface AddressRow extends AddressData {
  readonly id: number
}

export interface CustomerRow {
  readonly firstName: string | null
  readonly lastName: string | null
  readonly email: string | null
  readonly emailState: string
  readonly emailConsentAt: number | null
  readonly phone: string | null
  readonly smsState: string
  readonly smsConsentAt: number | null
  readonly state: string
  readonly verifiedEmail: boolean
  readonly taxExempt: boolean
  readonly tags: ReadonlyArray<string>
  readonly note: string | null
  readonly locale: string
  readonly created: number
  readonly updated: number
  /** The address book; the first is the default. */
  readonly addresses: ReadonlyArray<AddressRow>
  /** Fields replaced in every answer, to break the record schema (the contract suite's malformed record). */
  readonly broken?: Json
}

export interface OrderRow {
  readonly number: number
  readonly email: string | null
  readonly phone: string | null
  readonly created: number
  readonly updated: number
  readonly cancelled: number | null
  readonly financialStatus: string
  readonly fulfillmentStatus: string
  readonly currency: string
  readonly total: string
  readonly acceptsMarketing: boolean
  readonly customerId: number | null
  readonly billing: AddressData | null
  readonly shipping: AddressData | null
  readonly broken?: Json
}

export interface DefinitionRow {
  readonly namespace: string
  readonly key: string
  readonly name: string
  readonly description: string | null
  readonly type: string
  readonly validations: ReadonlyArray<{ readonly name: string; readonly value: string }>
}

export interface Store {
  readonly customers: Collection.Collection<CustomerRow>
  readonly orders: Collection.Collection<OrderRow>
  readonly definitions: Collection.Collection<DefinitionRow>
  readonly nextAddressId: () => number
  readonly now: () => number
  readonly shopCurrency: string
}

/** An instant as Shopify's GraphQL writes it: UTC, to the second. */
export const instant = (at: number): string =>
  new Date(Math.floor(at / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z")

export const customerGid = (id: number): string => `gid://shopify/Customer/${id}`
export const orderGid = (id: number): string => `gid://shopify/Order/${id}`
export const addressGid = (id: number): string =>
  `gid://shopify/MailingAddress/${id}?model_name=CustomerAddress`

/** The number of a GID of `type` (a number as text is taken too), or `undefined`. */
export const idOf = (type: string, gid: unknown): number | undefined => {
  if (typeof gid !== "string") return undefined
  const m = new RegExp(`^gid://shopify/${type}/(\\d{1,16})(\\?.*)?$`).exec(gid)
  const n = m === null ? Number.NaN : Number(m[1])
  return Number.isSafeInteger(n) ? n : undefined
}

const renderAddress = (a: AddressData, id: string | undefined): Json => ({
  id: id ?? "gid://shopify/MailingAddress/0?model_name=Address",
  firstName: a.firstName,
  lastName: a.lastName,
  name: [a.firstName, a.lastName].filter((s) => s !== null && s !== "").join(" "),
  company: a.company,
  address1: a.address1,
  address2: a.address2,
  city: a.city,
  province: a.provinceCode,
  provinceCode: a.provinceCode,
  country: a.countryCode === null ? null : countryName(a.countryCode),
  countryCodeV2: a.countryCode,
  zip: a.zip,
  phone: a.phone
})

/** Cents as a decimal string (`19965` → `"199.65"`). */
export const money = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`

const ordersOf = (store: Store, customerId: number) =>
  [...store.orders.find((o) => o.customerId === customerId)].sort(
    (a, b) => a.created - b.created || a.id - b.id
  )

export const renderCustomer = (store: Store, row: Collection.Stored<CustomerRow, "id">): Json => {
  const addresses = row.addresses.map((a) => renderAddress(a, addressGid(a.id)))
  const display = [row.firstName, row.lastName].filter((s) => s !== null && s !== "").join(" ")
  return {
    id: customerGid(row.id),
    legacyResourceId: String(row.id),
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: display !== "" ? display : (row.email ?? row.phone ?? ""),
    email: row.email,
    phone: row.phone,
    defaultEmailAddress:
      row.email === null ? null : { emailAddress: row.email, marketingState: row.emailState },
    defaultPhoneNumber: row.phone === null ? null : { phoneNumber: row.phone, marketingState: row.smsState },
    emailMarketingConsent:
      row.email === null
        ? null
        : {
            marketingState: row.emailState,
            marketingOptInLevel: "SINGLE_OPT_IN",
            consentUpdatedAt: row.emailConsentAt === null ? null : instant(row.emailConsentAt)
          },
    smsMarketingConsent:
      row.phone === null
        ? null
        : {
            marketingState: row.smsState,
            marketingOptInLevel: "SINGLE_OPT_IN",
            consentUpdatedAt: row.smsConsentAt === null ? null : instant(row.smsConsentAt),
            consentCollectedFrom: "OTHER"
          },
    state: row.state,
    verifiedEmail: row.verifiedEmail,
    taxExempt: row.taxExempt,
    tags: row.tags,
    note: row.note,
    locale: row.locale,
    numberOfOrders: () => String(ordersOf(store, row.id).length),
    amountSpent: () => ({
      amount: money(
        ordersOf(store, row.id)
          .filter((o) => o.cancelled === null)
          .reduce((sum, o) => sum + Math.round(Number(o.total) * 100), 0)
      ),
      currencyCode: store.shopCurrency
    }),
    lastOrder: () => {
      const orders = ordersOf(store, row.id)
      const last = orders[orders.length - 1]
      return last === undefined ? null : renderOrder(store, last)
    },
    canDelete: () => ordersOf(store, row.id).length === 0,
    createdAt: instant(row.created),
    updatedAt: instant(row.updated),
    defaultAddress: addresses[0] ?? null,
    addresses: (args: { readonly first?: number | null }) =>
      typeof args.first === "number" ? addresses.slice(0, Math.max(0, args.first)) : addresses,
    ...row.broken
  }
}

export const renderOrder = (store: Store, row: Collection.Stored<OrderRow, "id">): Json => ({
  id: orderGid(row.id),
  legacyResourceId: String(row.id),
  name: `#${row.number}`,
  email: row.email,
  phone: row.phone,
  createdAt: instant(row.created),
  updatedAt: instant(row.updated),
  processedAt: instant(row.created),
  cancelledAt: row.cancelled === null ? null : instant(row.cancelled),
  displayFinancialStatus: row.financialStatus,
  displayFulfillmentStatus: row.fulfillmentStatus,
  currencyCode: row.currency,
  totalPriceSet: {
    shopMoney: { amount: row.total, currencyCode: row.currency },
    presentmentMoney: { amount: row.total, currencyCode: row.currency }
  },
  customerAcceptsMarketing: row.acceptsMarketing,
  customer: () => {
    if (row.customerId === null) return null
    const customer = store.customers.get(row.customerId)
    return customer === undefined ? null : renderCustomer(store, customer)
  },
  billingAddress: row.billing === null ? null : renderAddress(row.billing, undefined),
  shippingAddress: row.shipping === null ? null : renderAddress(row.shipping, undefined),
  ...row.broken
})

export const renderDefinition = (row: Collection.Stored<DefinitionRow, "id">): Json => ({
  id: `gid://shopify/MetafieldDefinition/${row.id}`,
  namespace: row.namespace,
  key: row.key,
  name: row.name,
  description: row.description,
  ownerType: "CUSTOMER",
  type: { name: row.type, category: row.type.includes("text") ? "TEXT" : "OTHER" },
  validations: row.validations.map((v) => ({ name: v.name, type: "string", value: v.value }))
})

export const emptyAddress: AddressData = {
  firstName: null,
  lastName: null,
  company: null,
  address1: null,
  address2: null,
  city: null,
  provinceCode: null,
  countryCode: null,
  zip: null,
  phone: null
}
