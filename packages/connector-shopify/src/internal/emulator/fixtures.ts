/**
 * Rows from records written by hand in the connector's record shape (the emulator's `data`
 * option: GraphQL `Customer` and `Order` nodes), so a test can hold exactly the customers and
 * orders it reasons about. The numbers of their GIDs become their ids.
 */
import {
  type AddressData,
  type AddressRow,
  type CustomerRow,
  emptyAddress,
  idOf,
  type OrderRow
} from "./model.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown): string | null => (typeof u === "string" ? u : null)

const at = (u: unknown, fallback: number): number => {
  const t = typeof u === "string" ? Date.parse(u) : Number.NaN
  return Number.isNaN(t) ? fallback : t
}

const epoch = Date.parse("2024-01-01T00:00:00Z")

const addressData = (a: unknown): AddressData =>
  isObject(a)
    ? {
        firstName: str(a.firstName),
        lastName: str(a.lastName),
        company: str(a.company),
        address1: str(a.address1),
        address2: str(a.address2),
        city: str(a.city),
        provinceCode: str(a.provinceCode),
        countryCode: str(a.countryCodeV2),
        zip: str(a.zip),
        phone: str(a.phone)
      }
    : emptyAddress

/** A customer row (with `id` when the record's GID has one) from a customer record. */
export const customerRow = (
  record: Json,
  nextAddressId: () => number
): CustomerRow & { readonly id?: number } => {
  const id = idOf("Customer", record.id)
  const created = at(record.createdAt, epoch)
  const email = isObject(record.defaultEmailAddress) ? record.defaultEmailAddress : undefined
  const phone = isObject(record.defaultPhoneNumber) ? record.defaultPhoneNumber : undefined
  const book = Array.isArray(record.addresses) ? record.addresses.filter(isObject) : []
  const withDefault = isObject(record.defaultAddress)
    ? [
        record.defaultAddress,
        ...book.filter((a) => a.id === undefined || a.id !== (record.defaultAddress as Json).id)
      ]
    : book
  const addresses: ReadonlyArray<AddressRow> = withDefault.map((a) => ({
    id: idOf("MailingAddress", a.id) ?? nextAddressId(),
    ...addressData(a)
  }))
  return {
    ...(id === undefined ? {} : { id }),
    firstName: str(record.firstName),
    lastName: str(record.lastName),
    email: str(email?.emailAddress),
    emailState: str(email?.marketingState) ?? "NOT_SUBSCRIBED",
    emailConsentAt: null,
    phone: str(phone?.phoneNumber),
    smsState: str(phone?.marketingState) ?? "NOT_SUBSCRIBED",
    smsConsentAt: null,
    state: str(record.state) ?? "DISABLED",
    verifiedEmail: record.verifiedEmail === true,
    taxExempt: record.taxExempt === true,
    tags: Array.isArray(record.tags) ? record.tags.filter((t) => typeof t === "string") : [],
    note: str(record.note),
    locale: str(record.locale) ?? "en",
    created,
    updated: at(record.updatedAt, created),
    addresses
  }
}

/** An order row from an order record; `customer.id` names a customer by its GID. */
export const orderRow = (record: Json, number: number): OrderRow & { readonly id?: number } => {
  const id = idOf("Order", record.id)
  const created = at(record.createdAt, epoch)
  const total =
    isObject(record.totalPriceSet) && isObject(record.totalPriceSet.shopMoney)
      ? record.totalPriceSet.shopMoney
      : undefined
  const name = str(record.name)
  return {
    ...(id === undefined ? {} : { id }),
    number: name !== null && /^#\d+$/.test(name) ? Number(name.slice(1)) : number,
    email: str(record.email),
    phone: str(record.phone),
    created,
    updated: at(record.updatedAt, created),
    cancelled: typeof record.cancelledAt === "string" ? at(record.cancelledAt, created) : null,
    financialStatus: str(record.displayFinancialStatus) ?? "PAID",
    fulfillmentStatus: str(record.displayFulfillmentStatus) ?? "UNFULFILLED",
    currency: str(total?.currencyCode) ?? str(record.currencyCode) ?? "USD",
    total: str(total?.amount) ?? "0.00",
    acceptsMarketing: record.customerAcceptsMarketing === true,
    customerId: isObject(record.customer) ? (idOf("Customer", record.customer.id) ?? null) : null,
    billing: isObject(record.billingAddress) ? addressData(record.billingAddress) : null,
    shipping: isObject(record.shippingAddress) ? addressData(record.shippingAddress) : null
  }
}
