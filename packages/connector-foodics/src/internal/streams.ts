/**
 * The customers stream as a declaration: record schema, key, cursor, capabilities, default
 * mappings, options, body codec and field support. The operations are in `customers.ts`.
 */
import { fileURLToPath } from "node:url"
import { type Connector, Projection, RecordSchema } from "@mapwright/core"
import * as Customer from "../Customer.ts"
import * as Body from "./body.ts"
import { customerFields } from "./fields.ts"
import { CustomersOptions } from "./options.ts"

const file = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url))

export const mappingFiles = {
  customerToCanonical: file("customer.to-canonical.yaml"),
  customerFromCanonical: file("customer.from-canonical.yaml")
} as const

export const customerSchema = RecordSchema.make(
  "foodics/Customer",
  Customer.Customer,
  "A Foodics customer (REST v5 /customers)"
)

export const recordSchemas: ReadonlyArray<RecordSchema.RecordSchema> = [customerSchema]

/** Keeps a customer payload to its documented fields. */
export const projectCustomer = Projection.make(Customer.Customer)

export const customersBody = Body.make(projectCustomer)

export const customers: Connector.StreamDefinition = {
  description:
    "Customers (GET /customers), sorted by updated_at and incremental on it (filter[updated_after]), with their " +
    "tags and delivery addresses; the seed's list filters as options. Writes one customer per call " +
    "(POST, PUT /customers/{id}); delete (soft) and restore (PUT /customers/{id}/restore).",
  record: customerSchema,
  canonical: "Customer",
  key: ["id"],
  cursor: {
    field: "updated_at",
    description: "Customers updated from the last one read on (filter[updated_after], sort=updated_at; UTC)"
  },
  capabilities: ["list", "count", "get", "find", "create", "update", "delete", "restore"],
  mappings: {
    toCanonical: mappingFiles.customerToCanonical,
    fromCanonical: mappingFiles.customerFromCanonical
  },
  options: CustomersOptions,
  body: customersBody,
  fields: customerFields
}
