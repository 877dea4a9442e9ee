/**
 * The customers stream as a declaration: record schema, key, cursor, capabilities, default
 * mappings, options, body codec and what it carries of the canonical customer. The client is in
 * `connector.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, type FieldSupport, Projection, RecordSchema } from "@mapwright/core"
import { Schema } from "effect"
import * as Customer from "../Customer.ts"
import * as Body from "./body.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "open2b/Customer",
  Customer.Customer,
  "An Open2b customer (commerce.customers, seed 002), with the connector's UTC twins of its shop times"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [customerSchema]

/** Keeps a customer payload to its documented fields. */
export const projectCustomer = Projection.make(Customer.Customer)

/**
 * The options of the customers stream: the seed's find conditions that make sense for a whole
 * read, and whether to read the password hashes.
 */
export const CustomersOptions = Schema.Struct({
  readPasswordHashes: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Also ask for encryptedPassword (a secret), e.g. to copy customers to another Open2b shop with " +
        "their passwords (default false)"
    })
  ),
  canLogin: Schema.optionalKey(
    Schema.Boolean.annotate({ description: "Only the customers that can (or cannot) log in" })
  ),
  group: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 255 })).annotate({
      description: "Only the customers of this customer group (its id)"
    })
  ),
  country: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^[A-Z]{2}$/u, { expected: "an ISO 3166-1 alpha-2 code" })).annotate(
      {
        description: "Only the customers of this country (ISO code)"
      }
    )
  ),
  labels: Schema.optionalKey(
    Schema.Array(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 32 }))).annotate({
      description: "Only the customers with these labels (ids 1 to 32)"
    })
  )
}).annotate({ identifier: "Open2bCustomersOptions" })

export type CustomersOptions = typeof CustomersOptions.Type

export const customersBody = Body.make(projectCustomer)

/**
 * What the connector carries of each canonical customer field, written through the default
 * mapping from canonical (create) and read back through the mapping to canonical (list).
 */
export const fields: FieldSupport.Declaration = {
  email: { level: "full", note: "billingAddress.email (3 to 120 characters); required by Open2b" },
  firstName: { level: "full", note: "billingAddress.firstName (1 to 25 characters)" },
  lastName: { level: "full", note: "billingAddress.lastName (1 to 25 characters)" },
  company: { level: "full", note: "billingAddress.companyName (up to 100 characters)" },
  phone: { level: "full", note: "billingAddress.phoneNumber (up to 15 characters)" },
  phones: {
    level: "lossy",
    note:
      "three numbers: phoneNumber (primary, written from `phone`), mobileNumber (the first mobile) and " +
      "faxNumber (the first fax); day, night and other numbers are not kept, and they read back in that order"
  },
  gender: "none",
  birthDate: "none",
  isGuest: {
    level: "lossy",
    note: "always false: every Open2b customer is a customer record; a guest written comes back as a customer"
  },
  active: "none",
  blocked: "none",
  canLogin: {
    level: "lossy",
    note:
      "read from canLogin; not written by the default mapping, since Open2b lets a customer log in only with " +
      "a password and canonical customers carry none: customers created through it cannot log in"
  },
  groups: {
    level: "lossy",
    note:
      "one group, by its numeric id (group, 1 to 255), written only for customers that come from Open2b " +
      "(source.system open2b: group ids mean nothing in another system), else Open2b sets its default group; " +
      "code, name and further groups are not kept"
  },
  tags: {
    level: "none",
    note: "Open2b's labels are a find condition only: the customer record does not carry them"
  },
  billing: {
    level: "lossy",
    note:
      "billingAddress: its names, company, phone and email are the customer's own; line3 is joined into " +
      "street2; region is kept only as a code of up to 3 characters; the address id is not kept"
  },
  shipping: {
    level: "lossy",
    note:
      "shippingAddress: one recipient name (first and last name joined, split at the first space on read); " +
      "no company, phone or email; line3 is joined into street2; region only as a code of up to 3 characters"
  },
  addresses: "none",
  marketing: "none",
  discountPercent: "none",
  orderCount: "none",
  lastOrderAt: "none",
  createdAt: {
    level: "lossy",
    note: "creationTime, to the second; Open2b sets it when none is given, and refuses one in the future"
  },
  updatedAt: { level: "lossy", note: "updateTime, set by Open2b on every write" },
  lastLoginAt: {
    level: "lossy",
    note: "loginTime, to the second; Open2b refuses one before the creation time or in the future"
  },
  deletedAt: { level: "none", note: "a deleted customer is gone: Open2b keeps no trace of it" }
}

export const customers: Connector.StreamDefinition = {
  description:
    "Customers, in id order (commerce.customers.find with order [id] and conditions.after, asking only for " +
    "the record schema's fields); incremental as a walk on id: the checkpoint is the last id read, so later " +
    "changes to customers read before are not picked up incrementally. Writes: create and update one " +
    "customer per call, delete by ids.",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  cursor: {
    field: "id",
    description:
      "Customers created after the last one read (conditions.after): Open2b has no updated-after condition, " +
      "so changes to customers already read are not picked up incrementally; run a full read for those"
  },
  capabilities: ["list", "count", "get", "find", "create", "update", "delete"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  options: CustomersOptions,
  body: customersBody,
  fields
}
