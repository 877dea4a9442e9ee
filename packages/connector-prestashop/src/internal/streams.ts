/**
 * The streams of the connector, as declarations: record schemas, keys, cursors, capabilities,
 * default mappings, body codecs and, for customers, what the connector carries of each
 * canonical field. The client is in `connector.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, type FieldSupport, Projection, RecordSchema } from "@mapwright/core"
import * as Address from "../Address.ts"
import * as Customer from "../Customer.ts"
import * as CustomerAttribute from "../CustomerAttribute.ts"
import * as Group from "../Group.ts"
import * as Order from "../Order.ts"
import * as Body from "./body.ts"

import * as SynopsisBody from "./synopsisBody.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml"),
  groupToCanonical: file("group.to-canonical.yaml"),
  groupFromCanonical: file("group.from-canonical.yaml"),
  orderToCanonical: file("order.to-canonical.yaml"),
  customerAttributeToCanonical: file("customer-attribute.to-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "prestashop/Customer",
  Customer.Customer,
  "A PrestaShop customer (webservice /api/customers), guests included (is_guest 1), with its addresses"
)

export const addressSchema = RecordSchema.make(
  "prestashop/Address",
  Address.Address,
  "A PrestaShop address (webservice /api/addresses)"
)

export const groupSchema = RecordSchema.make(
  "prestashop/Group",
  Group.Group,
  "A PrestaShop customer group (webservice /api/groups)"
)

export const orderSchema = RecordSchema.make(
  "prestashop/Order",
  Order.Order,
  "A PrestaShop order (webservice /api/orders), with its customer and addresses"
)

export const customerAttributeSchema = RecordSchema.make(
  "prestashop/CustomerAttribute",
  CustomerAttribute.CustomerAttribute,
  "A field of the PrestaShop customer resource, from its synopsis (webservice /api/customers?schema=synopsis)"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  customerSchema,
  addressSchema,
  groupSchema,
  orderSchema,
  customerAttributeSchema
]

export const projectCustomer = Projection.make(Customer.Customer)
export const projectGroup = Projection.make(Group.Group)
export const projectOrder = Projection.make(Order.Order)
export const projectAttribute = Projection.make(CustomerAttribute.CustomerAttribute)

/**
 * What the customers stream carries of the canonical customer, through its default mappings:
 * a canonical customer written (create) and read back (list).
 */
export const customerFields: FieldSupport.Declaration = {
  email: "full",
  firstName: "full",
  lastName: "full",
  company: "full",
  phone: {
    level: "lossy",
    note: "PrestaShop keeps phones on addresses: written as the billing address's phone when it has none, read from the first address"
  },
  phones: {
    level: "lossy",
    note: "the first address's phone (primary) and phone_mobile (mobile); other kinds are not kept"
  },
  gender: {
    level: "lossy",
    note: "male and female are the stock titles 1 (Mr.) and 2 (Mrs.); other is not kept"
  },
  birthDate: "full",
  isGuest: "full",
  active: { level: "full", note: "an unknown (null) active flag is written as active, PrestaShop's default" },
  blocked: { level: "none", note: "PrestaShop has no blocked flag besides active" },
  canLogin: {
    level: "lossy",
    note: "not written; read as true for an active registered customer, false for a guest or a disabled account"
  },
  groups: {
    level: "lossy",
    note:
      "by id only (associations.groups), code and name not kept; written only for a customer that came from " +
      "PrestaShop, others get PrestaShop's Customer or Guest group"
  },
  tags: { level: "none", note: "PrestaShop customers have no tags" },
  billing: {
    level: "lossy",
    note: "written as an address (alias Billing), read as the first address; line3, region and email are not kept"
  },
  shipping: {
    level: "lossy",
    note: "written as an address (alias Shipping), read as the second address, else the first; line3, region and email are not kept"
  },
  addresses: {
    level: "lossy",
    note: "read: every address of the customer; written: only billing and shipping are"
  },
  marketing: { level: "lossy", note: "emailOptIn is the newsletter flag; smsOptIn is not kept" },
  discountPercent: { level: "none", note: "discounts belong to groups (reduction), not customers" },
  orderCount: { level: "none", note: "not on the customer (orders are a stream of their own)" },
  lastOrderAt: { level: "none", note: "not on the customer (orders are a stream of their own)" },
  createdAt: { level: "lossy", note: "set by PrestaShop when the customer is created (date_add)" },
  updatedAt: { level: "lossy", note: "set by PrestaShop on every change (date_upd)" },
  lastLoginAt: { level: "none", note: "the webservice does not expose connections" },
  deletedAt: {
    level: "lossy",
    note: "PrestaShop keeps a deleted flag, not a time: written as the flag, read as the last update time"
  }
}

const customersBody = Body.make({
  element: "customer",
  fields: [...Customer.fields, "associations"],
  leaveOut: [...Customer.readOnlyFields, ...Customer.joinedFields],
  project: projectCustomer,
  addresses: {
    fields: Address.fields,
    leaveOut: ["id", "id_customer", "date_add", "date_upd", ...Address.joinedFields]
  }
})

const groupsBody = Body.make({
  element: "group",
  fields: Group.fields,
  leaveOut: Group.readOnlyFields,
  multilingual: Group.multilingualFields,
  project: projectGroup
})

const ordersBody = Body.make({
  element: "order",
  fields: Object.keys(Order.Order.fields).filter((f) => !Order.joinedFields.includes(f)),
  leaveOut: ["id", ...Order.joinedFields],
  project: projectOrder
})

export const customers: Connector.StreamDefinition = {
  description:
    "Customers, guests included (is_guest 1: PrestaShop keeps a customer for every guest checkout), each with its " +
    "addresses; incremental on date_upd. Writes send XML (the blank schema filled), then the addresses.",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  cursor: {
    field: "date_upd",
    description:
      "Customers changed since the previous read (filter[date_upd]=[from,...] with date=1), in (date_upd, id) order"
  },
  capabilities: ["list", "count", "get", "find", "create", "update", "delete"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  body: customersBody,
  fields: customerFields
}

export const customerGroups: Connector.StreamDefinition = {
  description:
    "Customer groups (Visitor, Guest, Customer and the shop's own), by id; names are multilingual.",
  record: groupSchema,
  canonical: "CustomerGroup",
  key: ["id"],
  capabilities: ["list", "count", "get", "create", "update", "delete"],
  mappings: { toCanonical: mappingFiles.groupToCanonical, fromCanonical: mappingFiles.groupFromCanonical },
  body: groupsBody
}

export const orders: Connector.StreamDefinition = {
  description:
    "Orders with their customer (guests are customers with is_guest 1), invoice and delivery addresses, currency and " +
    "state; incremental on date_upd.",
  record: orderSchema,
  canonical: "Order",
  key: ["id"],
  cursor: {
    field: "date_upd",
    description:
      "Orders changed since the previous read (filter[date_upd]=[from,...] with date=1), in (date_upd, id) order"
  },
  capabilities: ["list", "count", "get"],
  mappings: { toCanonical: mappingFiles.orderToCanonical },
  body: ordersBody
}

export const customerAttributes: Connector.StreamDefinition = {
  description:
    "The fields of the customer resource, from its synopsis (GET /api/customers?schema=synopsis, read in XML: one " +
    "answer, no paging), each with its format (the Validate:: method), required, maxSize and readOnly; id_gender " +
    "and id_default_group with their options from /api/genders and /api/groups.",
  record: customerAttributeSchema,
  canonical: "CustomerAttribute",
  key: ["name"],
  capabilities: ["list", "count"],
  mappings: { toCanonical: mappingFiles.customerAttributeToCanonical },
  body: SynopsisBody.make(projectAttribute)
}
