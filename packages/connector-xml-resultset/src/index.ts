/**
 * The connector for the XML ResultSet API (seed 001): `/API/V3/<Resource>` with `+` joins and
 * `<ResultSet>` bodies.
 *
 * @since 0.1.0
 */
import { fileURLToPath } from "node:url"
import { Connector, RecordSchema } from "@mapwright/core"
import { Schema } from "effect"
import * as Body from "./Body.ts"
import * as Client from "./Client.ts"
import * as Config from "./Config.ts"
import * as Customer from "./Customer.ts"
import * as Fields from "./internal/fields.ts"
import * as UserGroup from "./UserGroup.ts"

export * as Body from "./Body.ts"
export * as Client from "./Client.ts"
export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as ResourceSpec from "./ResourceSpec.ts"
export * as ResultSet from "./ResultSet.ts"
export * as UserGroup from "./UserGroup.ts"
export * as Xml from "./Xml.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "xml-resultset"

const customerSchema = RecordSchema.make(
  "xml-resultset/Customer",
  Customer.Customer,
  "A customer, in the JSON form of its XML"
)
const userCustomerGroupSchema = RecordSchema.make(
  "xml-resultset/UserCustomerGroup",
  Customer.UserCustomerGroup,
  "A customer's group membership"
)
const userGroupSchema = RecordSchema.make(
  "xml-resultset/UserGroup",
  UserGroup.UserGroup,
  "A customer group (UserGroups resource), in the JSON form of its XML"
)

/**
 * The record schemas this connector exports, for the schema registry.
 *
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  customerSchema,
  userCustomerGroupSchema,
  userGroupSchema
]

const mapping = (file: string): string => fileURLToPath(new URL(`../mappings/${file}`, import.meta.url))

/**
 * The default mappings to and from the canonical model shipped inside this package, as
 * absolute paths (each with its `.test.yaml` beside it).
 *
 * @since 0.1.0
 * @category mappings
 */
export const mappings = {
  customerToCanonical: mapping("customer.to-canonical.yaml"),
  customerFromCanonical: mapping("customer.from-canonical.yaml"),
  userGroupToCanonical: mapping("usergroup.to-canonical.yaml"),
  userGroupFromCanonical: mapping("usergroup.from-canonical.yaml")
} as const

/**
 * The options of the `customers` stream.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomerOptions = Schema.Struct({
  joinUserGroups: Schema.optionalKey(
    Schema.Boolean.annotate({
      description:
        "Read Customer+(UserCustomerGroups+UserGroups): each UserCustomerGroup carries its UserGroup (default false)"
    })
  )
})

/**
 * The connector: streams `customers` and `customerGroups`.
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = Connector.define({
  name,
  description: "The XML ResultSet API (/API/V3 resource specifications, <ResultSet> bodies) of seed 001",
  config: Config.Config,
  streams: {
    customers: {
      description:
        "Customers with their group memberships (Customer+UserCustomerGroups); writes upsert on username",
      record: customerSchema,
      canonical: "Customer",
      key: ["username"],
      capabilities: ["list", "count", "get", "find", "create", "update"],
      mappings: { toCanonical: mappings.customerToCanonical, fromCanonical: mappings.customerFromCanonical },
      options: CustomerOptions as Schema.Codec<unknown, unknown>,
      body: Body.make("Customer"),
      fields: Fields.customerFields
    },
    customerGroups: {
      description: "Customer groups (UserGroups); writes upsert on code",
      record: userGroupSchema,
      canonical: "CustomerGroup",
      key: ["code"],
      capabilities: ["list", "count", "get", "create"],
      mappings: {
        toCanonical: mappings.userGroupToCanonical,
        fromCanonical: mappings.userGroupFromCanonical
      },
      body: Body.make("UserGroup")
    }
  },
  client: Client.make
})
