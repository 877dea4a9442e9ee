/**
 * The connector for the XML ResultSet API (seed 001): `/API/V3/<Resource>` with `+` joins and
 * `<ResultSet>` bodies.
 *
 * @since 0.1.0
 */
import { fileURLToPath } from "node:url"
import { RecordSchema } from "@mapwright/core"
import * as Customer from "./Customer.ts"

export * as Customer from "./Customer.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "xml-resultset"

/**
 * The record schemas this connector exports, for the schema registry.
 *
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  RecordSchema.make("xml-resultset/Customer", Customer.Customer, "A customer, in the JSON form of its XML"),
  RecordSchema.make(
    "xml-resultset/UserCustomerGroup",
    Customer.UserCustomerGroup,
    "A customer's group membership"
  )
]

/**
 * The default mappings to and from the canonical model shipped inside this package, as
 * absolute paths.
 *
 * @since 0.1.0
 * @category mappings
 */
export const mappings = {
  customerToCanonical: fileURLToPath(new URL("../mappings/customer.to-canonical.yaml", import.meta.url))
} as const
