/**
 * The streams of the connector, as declarations: record schemas, keys, cursors,
 * capabilities, default mappings, options, body codecs and, for customers, what the connector
 * carries of each canonical field. The client is in `connector.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, type FieldSupport, Projection, RecordSchema } from "@mapwright/core"
import { Schema } from "effect"
import * as Customer from "../Customer.ts"
import * as MetafieldDefinition from "../MetafieldDefinition.ts"
import * as Order from "../Order.ts"
import * as Body from "./body.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml"),
  orderToCanonical: file("order.to-canonical.yaml"),
  attributeToCanonical: file("attribute.to-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "shopify/Customer",
  Customer.Customer,
  "A Shopify customer (GraphQL Admin API Customer), or a guest found in orders"
)

export const orderSchema = RecordSchema.make(
  "shopify/Order",
  Order.Order,
  "A Shopify order (GraphQL Admin API Order)"
)

export const metafieldDefinitionSchema = RecordSchema.make(
  "shopify/MetafieldDefinition",
  MetafieldDefinition.MetafieldDefinition,
  "A Shopify metafield definition of customers (a custom customer field)"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  customerSchema,
  orderSchema,
  metafieldDefinitionSchema
]

/** Keeps a payload to its documented fields. */
export const projectCustomer = Projection.make(Customer.Customer)

export const projectOrder = Projection.make(Order.Order)

export const projectDefinition = Projection.make(MetafieldDefinition.MetafieldDefinition)

/**
 * The options of the customers stream.
 */
export const CustomersOptions = Schema.Struct({
  includeGuests: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Also yield the guests of orders without a customer, one per distinct lower-cased order email " +
        "(not a registered customer's), keyed by it (default false)"
    })
  )
}).annotate({ identifier: "ShopifyCustomersOptions" })

export type CustomersOptions = typeof CustomersOptions.Type

/**
 * What a canonical customer keeps when written through the default mappings and read back.
 */
export const fieldSupport: FieldSupport.Declaration = {
  email: "full",
  firstName: "full",
  lastName: "full",
  company: {
    level: "lossy",
    note: "Shopify customers have no company: it is the default address's company (the billing company wins)"
  },
  phone: "full",
  phones: { level: "lossy", note: "one phone (the customer's), read back as the primary one" },
  gender: "none",
  birthDate: "none",
  isGuest: {
    level: "lossy",
    note: "a guest written to Shopify becomes a customer (read back as registered); guests are read from orders without a customer (includeGuests)"
  },
  active: {
    level: "lossy",
    note: "from the account state (ENABLED is active), which Shopify sets: a customer created through the API has no account (DISABLED) until invited"
  },
  blocked: "none",
  canLogin: {
    level: "lossy",
    note: "from the account state (ENABLED can log in), which Shopify sets; not writable"
  },
  groups: {
    level: "none",
    note: "Shopify has no customer groups (segments are saved searches, tags are tags)"
  },
  tags: {
    level: "lossy",
    note: "Shopify trims, de-duplicates and sorts tags (at most 250, 255 characters each)"
  },
  billing: {
    level: "lossy",
    note: "written as the default address (first in the address book); read back as the default address, without an email or an id"
  },
  shipping: {
    level: "lossy",
    note: "one default address: written only when there is no billing address; read back as the default address"
  },
  addresses: {
    level: "lossy",
    note: "the address book; Shopify assigns the ids, adds the default address to it and joins line2 and line3"
  },
  marketing: {
    level: "lossy",
    note: "email consent needs an email and SMS consent a phone; PENDING reads as no, REDACTED and INVALID as unknown"
  },
  discountPercent: "none",
  orderCount: { level: "lossy", note: "counted by Shopify from the customer's orders (read-only)" },
  lastOrderAt: { level: "lossy", note: "the customer's last order, kept by Shopify (read-only)" },
  createdAt: { level: "lossy", note: "assigned by Shopify on create" },
  updatedAt: { level: "lossy", note: "set by Shopify on every change" },
  lastLoginAt: "none",
  deletedAt: { level: "none", note: "a deleted Shopify customer is gone" }
}

export const customersBody = Body.customers(projectCustomer)

export const ordersBody = Body.orders(projectOrder)

export const customers: Connector.StreamDefinition = {
  description:
    "Customers, in order of their last change (sortKey UPDATED_AT), incremental on updatedAt; with " +
    "`includeGuests`, then the guests of orders without a customer, one per distinct lower-cased email. " +
    "Creates go through customerCreate, updates through customerSet (and the consent mutations), deletes " +
    "through customerDelete.",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  cursor: {
    field: "updatedAt",
    description: "Customers changed at or after the last one read (updated_at:>=), without those read"
  },
  capabilities: ["list", "count", "get", "find", "create", "update", "delete"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  options: CustomersOptions,
  body: customersBody,
  fields: fieldSupport
}

export const orders: Connector.StreamDefinition = {
  description: "Orders, in order of their last change (sortKey UPDATED_AT), incremental on updatedAt.",
  record: orderSchema,
  canonical: "Order",
  key: ["id"],
  cursor: {
    field: "updatedAt",
    description: "Orders changed at or after the last one read (updated_at:>=), without those read"
  },
  capabilities: ["list", "count", "get"],
  mappings: { toCanonical: mappingFiles.orderToCanonical },
  body: ordersBody
}

export const customerAttributes: Connector.StreamDefinition = {
  description:
    "The metafield definitions of customers (metafieldDefinitions(ownerType: CUSTOMER)): the custom fields a " +
    "customer can carry, as `namespace.key`.",
  record: metafieldDefinitionSchema,
  canonical: "CustomerAttribute",
  key: ["id"],
  capabilities: ["list"],
  mappings: { toCanonical: mappingFiles.attributeToCanonical },
  body: Body.definitions(projectDefinition)
}
