/**
 * The streams of the connector, as declarations: record schemas, keys, cursors,
 * capabilities, default mappings, options and body codecs. The client is in `client.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, Projection, RecordSchema } from "@mapwright/core"
import { Schema } from "effect"
import * as Customer from "../Customer.ts"
import * as Order from "../Order.ts"
import * as Body from "./body.ts"
import * as Fields from "./fields.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml"),
  orderToCanonical: file("order.to-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "woocommerce/Customer",
  Customer.Customer,
  "A WooCommerce customer (REST wc/v3 /customers), or a guest found in orders"
)

export const orderSchema = RecordSchema.make(
  "woocommerce/Order",
  Order.Order,
  "A WooCommerce order (REST wc/v3 /orders)"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [customerSchema, orderSchema]

/** Keeps a customer payload to its documented fields. */
export const projectCustomer = Projection.make(Customer.Customer)

/** Keeps an order payload to its documented fields. */
export const projectOrder = Projection.make(Order.Order)

/**
 * The options of the customers stream.
 */
export const CustomersOptions = Schema.Struct({
  includeGuests: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Also yield the guests of guest orders (customer_id 0), one per distinct lower-cased billing email, " +
        "keyed by it (default false)"
    })
  )
}).annotate({ identifier: "WooCommerceCustomersOptions" })

export type CustomersOptions = typeof CustomersOptions.Type

/** Fields of an order a create body leaves out (the read-only ones of the docs table). */
const orderReadOnly: ReadonlyArray<string> = [
  "id",
  "number",
  "order_key",
  "created_via",
  "version",
  "date_created",
  "date_created_gmt",
  "date_modified",
  "date_modified_gmt",
  "discount_total",
  "discount_tax",
  "shipping_total",
  "shipping_tax",
  "cart_tax",
  "total",
  "total_tax",
  "prices_include_tax",
  "customer_ip_address",
  "customer_user_agent",
  "date_paid",
  "date_paid_gmt",
  "date_completed",
  "date_completed_gmt",
  "cart_hash",
  "tax_lines",
  "refunds",
  "_links"
]

export const customersBody = Body.make({
  what: "customer",
  isRecord: (value) => typeof value.email === "string" && !("code" in value && "data" in value),
  project: projectCustomer,
  readOnly: Customer.readOnlyFields
})

export const ordersBody = Body.make({
  what: "order",
  isRecord: (value) => "customer_id" in value || ("id" in value && "billing" in value),
  project: projectOrder,
  readOnly: orderReadOnly
})

export const customers: Connector.StreamDefinition = {
  description:
    "Customers of every role (`role=all`), ordered by id; with `includeGuests`, then the guests of guest " +
    "orders (customer_id 0), one per distinct lower-cased billing email. Writes go through /customers/batch.",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  capabilities: ["list", "count", "get", "find", "create", "update", "delete"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  options: CustomersOptions,
  body: customersBody,
  fields: Fields.customerFields
}

export const orders: Connector.StreamDefinition = {
  description:
    "Orders (every status), ordered by id; incremental on date_modified_gmt (modified_after with dates_are_gmt).",
  record: orderSchema,
  canonical: "Order",
  key: ["id"],
  cursor: {
    field: "date_modified_gmt",
    description: "Orders modified after the start of the previous read (modified_after, dates_are_gmt=true)"
  },
  capabilities: ["list", "count", "get"],
  mappings: { toCanonical: mappingFiles.orderToCanonical },
  body: ordersBody
}
