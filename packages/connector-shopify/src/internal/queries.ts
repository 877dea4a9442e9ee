/**
 * The GraphQL documents the connector sends (API version 2025-04 or later).
 */

const addressFields = `id firstName lastName name company address1 address2 city province provinceCode country countryCodeV2 zip phone`

const orderAddressFields = `firstName lastName name company address1 address2 city province provinceCode country countryCodeV2 zip phone`

export const customerFields = `
fragment CustomerFields on Customer {
  id
  legacyResourceId
  firstName
  lastName
  defaultEmailAddress { emailAddress marketingState }
  defaultPhoneNumber { phoneNumber marketingState }
  state
  verifiedEmail
  taxExempt
  tags
  note
  locale
  numberOfOrders
  amountSpent { amount currencyCode }
  lastOrder { id name createdAt }
  createdAt
  updatedAt
  defaultAddress { ${addressFields} }
  addresses { ${addressFields} }
}`

export const orderFields = `
fragment OrderFields on Order {
  id
  legacyResourceId
  name
  email
  phone
  createdAt
  updatedAt
  processedAt
  cancelledAt
  displayFinancialStatus
  displayFulfillmentStatus
  currencyCode
  totalPriceSet { shopMoney { amount currencyCode } }
  customerAcceptsMarketing
  customer {
    id
    firstName
    lastName
    defaultEmailAddress { emailAddress }
    defaultPhoneNumber { phoneNumber }
  }
  billingAddress { ${orderAddressFields} }
  shippingAddress { ${orderAddressFields} }
}`

export const customers = `query Customers($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ...CustomerFields }
  }
}
${customerFields}`

export const customer = `query Customer($id: ID!) {
  customer(id: $id) { ...CustomerFields }
}
${customerFields}`

export const customersCount = `query CustomersCount($query: String) {
  customersCount(query: $query) { count precision }
}`

/** The emails of registered customers among some (the guests of a page of orders). */
export const registeredEmails = `query RegisteredEmails($first: Int!, $query: String!) {
  customers(first: $first, query: $query) {
    nodes { defaultEmailAddress { emailAddress } }
  }
}`

export const check = `query Check {
  customers(first: 1) { nodes { id } }
}`

export const orders = `query Orders($first: Int!, $after: String, $query: String, $sortKey: OrderSortKeys!) {
  orders(first: $first, after: $after, query: $query, sortKey: $sortKey) {
    pageInfo { hasNextPage endCursor }
    nodes { ...OrderFields }
  }
}
${orderFields}`

export const order = `query Order($id: ID!) {
  order(id: $id) { ...OrderFields }
}
${orderFields}`

export const ordersCount = `query OrdersCount($query: String) {
  ordersCount(query: $query) { count precision }
}`

export const metafieldDefinitions = `query MetafieldDefinitions($first: Int!, $after: String) {
  metafieldDefinitions(first: $first, after: $after, ownerType: CUSTOMER) {
    pageInfo { hasNextPage endCursor }
    nodes { id namespace key name description type { name } validations { name value } }
  }
}`

/** The customer fields a mutation answers with. */
export const mutationCustomerFields = `id`

/** A search value, quoted for Shopify's search syntax (`email:"a@b.c"`). */
export const quote = (value: string): string => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
