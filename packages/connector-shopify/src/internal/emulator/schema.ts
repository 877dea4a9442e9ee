/**
 * The emulator's GraphQL schema: the subset of Shopify's Admin API (2025-04) that concerns
 * customers, their addresses and consents, orders as far as the customer goes, metafield
 * definitions of customers, and the customer mutations, with Shopify's type names, enums,
 * payloads and user error types (`customerCreate`'s `UserError` has no `code`; the error types
 * of `customerSet` and the consent mutations have one).
 */
import { buildSchema, type GraphQLSchema } from "graphql"

const obsolete = new Set(
  "AN BU CS DD DY FX HV NH QO RH SU TP UK UN VD YD YU ZR EU EZ XA XB CP DG EA IC CQ".split(" ")
)

/** ISO 3166-1 alpha-2 codes (and Shopify's AC, TA, XK, ZZ), from the runtime's region names. */
export const countryCodes: ReadonlyArray<string> = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" })
  const out: Array<string> = []
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b)
      const name = names.of(code)
      if (name !== undefined && name !== code && !obsolete.has(code)) out.push(code)
    }
  }
  return out
})()

/** The English name of a country code (`US` → `United States`). */
export const countryName = (code: string): string | null => {
  const name = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code)
  return name === undefined ? null : name
}

export const currencies = ["AUD", "CAD", "EUR", "GBP", "NZD", "SAR", "USD"] as const

export const sdl = `
scalar DateTime
scalar Decimal
scalar UnsignedInt64
scalar URL

enum CountryCode { ${countryCodes.join(" ")} }
enum CurrencyCode { ${currencies.join(" ")} }
enum CustomerState { DECLINED DISABLED ENABLED INVITED }
enum CustomerEmailAddressMarketingState { INVALID NOT_SUBSCRIBED PENDING REDACTED SUBSCRIBED UNSUBSCRIBED }
enum CustomerEmailMarketingState { INVALID NOT_SUBSCRIBED PENDING REDACTED SUBSCRIBED UNSUBSCRIBED }
enum CustomerSmsMarketingState { NOT_SUBSCRIBED PENDING REDACTED SUBSCRIBED UNSUBSCRIBED }
enum CustomerMarketingOptInLevel { CONFIRMED_OPT_IN SINGLE_OPT_IN UNKNOWN }
enum CustomerConsentCollectedFrom { OTHER SHOPIFY }
enum CustomerSortKeys { CREATED_AT ID LOCATION NAME RELEVANCE UPDATED_AT }
enum OrderSortKeys { CREATED_AT CUSTOMER_NAME ID NUMBER PROCESSED_AT RELEVANCE TOTAL_PRICE UPDATED_AT }
enum CountPrecision { AT_LEAST EXACT }
enum MetafieldOwnerType { CUSTOMER ORDER PRODUCT SHOP }
enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
enum OrderDisplayFulfillmentStatus { FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED }
enum CustomerSetUserErrorCode { BLANK INVALID TAKEN TOO_LONG NOT_FOUND CUSTOMER_DOES_NOT_EXIST }
enum CustomerEmailMarketingConsentUpdateUserErrorCode { INCLUSION INTERNAL_ERROR INVALID MISSING_ARGUMENT }
enum CustomerSmsMarketingConsentErrorCode { INCLUSION INTERNAL_ERROR INVALID MISSING_ARGUMENT }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type Count { count: Int! precision: CountPrecision! }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

type MailingAddress {
  id: ID!
  firstName: String
  lastName: String
  name: String
  company: String
  address1: String
  address2: String
  city: String
  province: String
  provinceCode: String
  country: String
  countryCodeV2: CountryCode
  zip: String
  phone: String
}

type CustomerEmailAddress { emailAddress: String! marketingState: CustomerEmailAddressMarketingState! }
type CustomerPhoneNumber { phoneNumber: String! marketingState: CustomerSmsMarketingState! }
type CustomerEmailMarketingConsentState {
  marketingState: CustomerEmailMarketingState!
  marketingOptInLevel: CustomerMarketingOptInLevel
  consentUpdatedAt: DateTime
}
type CustomerSmsMarketingConsentState {
  marketingState: CustomerSmsMarketingState!
  marketingOptInLevel: CustomerMarketingOptInLevel!
  consentUpdatedAt: DateTime
  consentCollectedFrom: CustomerConsentCollectedFrom
}

type Customer {
  id: ID!
  legacyResourceId: UnsignedInt64!
  firstName: String
  lastName: String
  displayName: String!
  email: String @deprecated(reason: "Use \`defaultEmailAddress.emailAddress\` instead.")
  phone: String @deprecated(reason: "Use \`defaultPhoneNumber.phoneNumber\` instead.")
  defaultEmailAddress: CustomerEmailAddress
  defaultPhoneNumber: CustomerPhoneNumber
  emailMarketingConsent: CustomerEmailMarketingConsentState @deprecated(reason: "Use \`defaultEmailAddress.marketingState\` instead.")
  smsMarketingConsent: CustomerSmsMarketingConsentState @deprecated(reason: "Use \`defaultPhoneNumber.marketingState\` instead.")
  state: CustomerState!
  verifiedEmail: Boolean!
  taxExempt: Boolean!
  tags: [String!]!
  note: String
  locale: String!
  numberOfOrders: UnsignedInt64!
  amountSpent: MoneyV2!
  lastOrder: Order
  canDelete: Boolean!
  createdAt: DateTime!
  updatedAt: DateTime!
  defaultAddress: MailingAddress
  addresses(first: Int): [MailingAddress!]!
}
type CustomerConnection { nodes: [Customer!]! edges: [CustomerEdge!]! pageInfo: PageInfo! }
type CustomerEdge { cursor: String! node: Customer! }

type Order {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
  email: String
  phone: String
  createdAt: DateTime!
  updatedAt: DateTime!
  processedAt: DateTime!
  cancelledAt: DateTime
  displayFinancialStatus: OrderDisplayFinancialStatus
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  currencyCode: CurrencyCode!
  totalPriceSet: MoneyBag!
  customerAcceptsMarketing: Boolean!
  customer: Customer
  billingAddress: MailingAddress
  shippingAddress: MailingAddress
}
type OrderConnection { nodes: [Order!]! edges: [OrderEdge!]! pageInfo: PageInfo! }
type OrderEdge { cursor: String! node: Order! }

type MetafieldDefinitionType { name: String! category: String! }
type MetafieldDefinitionValidation { name: String! type: String! value: String }
type MetafieldDefinition {
  id: ID!
  namespace: String!
  key: String!
  name: String!
  description: String
  ownerType: MetafieldOwnerType!
  type: MetafieldDefinitionType!
  validations: [MetafieldDefinitionValidation!]!
}
type MetafieldDefinitionConnection { nodes: [MetafieldDefinition!]! edges: [MetafieldDefinitionEdge!]! pageInfo: PageInfo! }
type MetafieldDefinitionEdge { cursor: String! node: MetafieldDefinition! }

type Shop { id: ID! name: String! currencyCode: CurrencyCode! }

type Query {
  shop: Shop!
  customer(id: ID!): Customer
  customers(first: Int, after: String, last: Int, before: String, query: String, sortKey: CustomerSortKeys = ID, reverse: Boolean = false): CustomerConnection!
  customersCount(query: String, limit: Int = 10000): Count
  order(id: ID!): Order
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = PROCESSED_AT, reverse: Boolean = false): OrderConnection!
  ordersCount(query: String, limit: Int = 10000): Count
  metafieldDefinitions(ownerType: MetafieldOwnerType!, first: Int, after: String, last: Int, before: String): MetafieldDefinitionConnection!
}

input MailingAddressInput {
  address1: String
  address2: String
  city: String
  company: String
  countryCode: CountryCode
  firstName: String
  lastName: String
  phone: String
  provinceCode: String
  zip: String
}
input CustomerEmailMarketingConsentInput {
  marketingState: CustomerEmailMarketingState!
  marketingOptInLevel: CustomerMarketingOptInLevel
  consentUpdatedAt: DateTime
}
input CustomerSmsMarketingConsentInput {
  marketingState: CustomerSmsMarketingState!
  marketingOptInLevel: CustomerMarketingOptInLevel
  consentUpdatedAt: DateTime
}
input CustomerInput {
  id: ID
  email: String
  phone: String
  firstName: String
  lastName: String
  note: String
  locale: String
  tags: [String!]
  taxExempt: Boolean
  addresses: [MailingAddressInput!]
  emailMarketingConsent: CustomerEmailMarketingConsentInput
  smsMarketingConsent: CustomerSmsMarketingConsentInput
}
input CustomerSetInput {
  email: String
  phone: String
  firstName: String
  lastName: String
  note: String
  locale: String
  tags: [String!]
  taxExempt: Boolean
  addresses: [MailingAddressInput!]
}
input CustomerSetIdentifiers { id: ID email: String phone: String }
input CustomerEmailMarketingConsentUpdateInput { customerId: ID! emailMarketingConsent: CustomerEmailMarketingConsentInput! }
input CustomerSmsMarketingConsentUpdateInput { customerId: ID! smsMarketingConsent: CustomerSmsMarketingConsentInput! }
input CustomerDeleteInput { id: ID! }

type UserError { field: [String!] message: String! }
type CustomerSetUserError { code: CustomerSetUserErrorCode field: [String!] message: String! }
type CustomerEmailMarketingConsentUpdateUserError { code: CustomerEmailMarketingConsentUpdateUserErrorCode field: [String!] message: String! }
type CustomerSmsMarketingConsentError { code: CustomerSmsMarketingConsentErrorCode field: [String!] message: String! }

type CustomerCreatePayload { customer: Customer userErrors: [UserError!]! }
type CustomerUpdatePayload { customer: Customer userErrors: [UserError!]! }
type CustomerSetPayload { customer: Customer userErrors: [CustomerSetUserError!]! }
type CustomerEmailMarketingConsentUpdatePayload { customer: Customer userErrors: [CustomerEmailMarketingConsentUpdateUserError!]! }
type CustomerSmsMarketingConsentUpdatePayload { customer: Customer userErrors: [CustomerSmsMarketingConsentError!]! }
type CustomerDeletePayload { deletedCustomerId: ID userErrors: [UserError!]! }

type Mutation {
  customerCreate(input: CustomerInput!): CustomerCreatePayload
  customerUpdate(input: CustomerInput!): CustomerUpdatePayload
  customerSet(identifier: CustomerSetIdentifiers, input: CustomerSetInput!): CustomerSetPayload
  customerEmailMarketingConsentUpdate(input: CustomerEmailMarketingConsentUpdateInput!): CustomerEmailMarketingConsentUpdatePayload
  customerSmsMarketingConsentUpdate(input: CustomerSmsMarketingConsentUpdateInput!): CustomerSmsMarketingConsentUpdatePayload
  customerDelete(input: CustomerDeleteInput!): CustomerDeletePayload
}
`

/** Builds the schema (once per emulator). */
export const build = (): GraphQLSchema => buildSchema(sdl)
