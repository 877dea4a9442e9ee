/**
 * The streams of the connector, as declarations: record schemas, keys, cursors,
 * capabilities, default mappings, options and body codecs. The client is in `connector.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, Projection, RecordSchema } from "@mapwright/core"
import { Effect, Schema } from "effect"
import * as Customer from "../Customer.ts"
import * as CustomerAttribute from "../CustomerAttribute.ts"
import * as CustomerGroup from "../CustomerGroup.ts"
import * as Order from "../Order.ts"
import * as Body from "./body.ts"
import { customerFields } from "./fields.ts"
import { isObject, omit } from "./json.ts"
import * as Resolve from "./resolve.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml"),
  orderToCanonical: file("order.to-canonical.yaml"),
  customerGroupToCanonical: file("customer-group.to-canonical.yaml"),
  customerGroupFromCanonical: file("customer-group.from-canonical.yaml"),
  customerAttributeToCanonical: file("customer-attribute.to-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "magento/Customer",
  Customer.Customer,
  "A Magento 2 customer (REST /V1/customers), with what the connector resolves; or a guest found in orders"
)

export const orderSchema = RecordSchema.make(
  "magento/Order",
  Order.Order,
  "A Magento 2 order (REST /V1/orders)"
)

export const customerGroupSchema = RecordSchema.make(
  "magento/CustomerGroup",
  CustomerGroup.CustomerGroup,
  "A Magento 2 customer group (REST /V1/customerGroups)"
)

export const customerAttributeSchema = RecordSchema.make(
  "magento/CustomerAttribute",
  CustomerAttribute.CustomerAttribute,
  "Magento 2 customer attribute metadata (REST /V1/attributeMetadata/customer)"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  customerSchema,
  orderSchema,
  customerGroupSchema,
  customerAttributeSchema
]

/** Keeps a payload to its documented fields. */
export const projectCustomer = Projection.make(Customer.Customer)
export const projectOrder = Projection.make(Order.Order)
export const projectGroup = Projection.make(CustomerGroup.CustomerGroup)
export const projectAttribute = Projection.make(CustomerAttribute.CustomerAttribute)

/**
 * The options of the customers stream.
 */
export const CustomersOptions = Schema.Struct({
  includeGuests: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Also yield the guests of guest orders (customer_is_guest 1), one per distinct lower-cased email, keyed " +
        "by it, after the registered customers (default false)"
    })
  )
}).annotate({ identifier: "MagentoCustomersOptions" })

export type CustomersOptions = typeof CustomersOptions.Type

const readOffline = (record: unknown): unknown =>
  Effect.runSync(Resolve.read(Resolve.offline, projectCustomer(record)))

const writeOffline = (record: unknown): unknown => {
  const prepared = Effect.runSync(Resolve.prepare(Resolve.offline, record, false))
  if (prepared._tag === "Refuse") return undefined
  return {
    customer: prepared.customer,
    ...(prepared.password === undefined ? {} : { password: prepared.password })
  }
}

export const customersBody = Body.make({
  what: "customer",
  wrapper: "customer",
  isRecord: (value) => typeof value.email === "string" || "firstname" in value,
  read: readOffline,
  write: writeOffline
})

export const ordersBody = Body.make({
  what: "order",
  wrapper: "entity",
  isRecord: (value) => "entity_id" in value || "customer_email" in value || "increment_id" in value,
  read: projectOrder,
  write: (record) => (isObject(record) ? { entity: record } : undefined)
})

export const customerGroupsBody = Body.make({
  what: "customer group",
  wrapper: "group",
  isRecord: (value) => typeof value.code === "string",
  read: projectGroup,
  write: (record) =>
    isObject(record) ? { group: omit(record, new Set(["id", "tax_class_name"])) } : undefined
})

export const customerAttributesBody = Body.make({
  what: "customer attribute",
  wrapper: "attribute",
  isRecord: (value) => typeof value.attribute_code === "string",
  read: projectAttribute,
  write: (record) => (isObject(record) ? record : undefined)
})

export const customers: Connector.StreamDefinition = {
  description:
    "Customers (GET /V1/customers/search), by updated_at then id, incremental on updated_at; with `includeGuests`, " +
    "then the guests of guest orders (customer_is_guest 1), one per distinct lower-cased email. Default addresses, " +
    "gender label and group code are resolved on read (`resolved`) and folded back on write. Writes go one request " +
    "per record: POST /V1/customers, PUT /V1/customers/{id}, DELETE /V1/customers/{id}.",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  cursor: {
    field: "updated_at",
    description:
      "Customers changed since the checkpoint (updated_at gteq, sorted by updated_at then entity_id; ties skipped by id)"
  },
  capabilities: ["list", "count", "get", "find", "create", "update", "delete"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  options: CustomersOptions,
  body: customersBody,
  fields: customerFields
}

export const orders: Connector.StreamDefinition = {
  description: "Orders (GET /V1/orders), by updated_at then entity_id, incremental on updated_at.",
  record: orderSchema,
  canonical: "Order",
  key: ["entity_id"],
  cursor: {
    field: "updated_at",
    description: "Orders changed since the checkpoint (updated_at gteq, sorted by updated_at then entity_id)"
  },
  capabilities: ["list", "count", "get"],
  mappings: { toCanonical: mappingFiles.orderToCanonical },
  body: ordersBody
}

export const customerGroups: Connector.StreamDefinition = {
  description:
    "Customer groups (GET /V1/customerGroups/search, by id); create with POST /V1/customerGroups (code, tax class).",
  record: customerGroupSchema,
  canonical: "CustomerGroup",
  key: ["id"],
  capabilities: ["list", "count", "create"],
  mappings: {
    toCanonical: mappingFiles.customerGroupToCanonical,
    fromCanonical: mappingFiles.customerGroupFromCanonical
  },
  body: customerGroupsBody
}

export const customerAttributes: Connector.StreamDefinition = {
  description:
    "Customer attribute metadata (GET /V1/attributeMetadata/customer, one answer, no paging), with the options of select attributes.",
  record: customerAttributeSchema,
  canonical: "CustomerAttribute",
  key: ["attribute_code"],
  capabilities: ["list"],
  mappings: { toCanonical: mappingFiles.customerAttributeToCanonical },
  body: customerAttributesBody
}
