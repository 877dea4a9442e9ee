/**
 * The connector for PrestaShop's webservice (`/api`): customers (guests included: PrestaShop
 * keeps a customer with `is_guest` 1 for every guest checkout) with their addresses, customer
 * groups, orders and the customer resource's fields (its synopsis); the webservice key as the
 * Basic auth user; reads in JSON or XML, writes in XML built from the blank schema;
 * `limit=offset,n` paging; incremental reads on `date_upd`; validation errors (HTTP 400 or 500)
 * as the refused record's issues.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema } from "@mapwright/core"
import { connector as prestashop } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"

export * as Address from "./Address.ts"
export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as CustomerAttribute from "./CustomerAttribute.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as Group from "./Group.ts"
export * as Order from "./Order.ts"
export * as Xml from "./Xml.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "prestashop"

/**
 * The record schemas this connector exports (`prestashop/Customer`, `prestashop/Address`,
 * `prestashop/Group`, `prestashop/Order`, `prestashop/CustomerAttribute`), for the schema registry.
 *
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = recordSchemas

/**
 * The default mappings to and from the canonical model shipped inside this package, as
 * absolute paths (each has its `.test.yaml` next to it).
 *
 * @since 0.1.0
 * @category mappings
 */
export const mappings = {
  customerToCanonical: mappingFiles.customerToCanonical,
  customerFromCanonical: mappingFiles.customerFromCanonical,
  groupToCanonical: mappingFiles.groupToCanonical,
  groupFromCanonical: mappingFiles.groupFromCanonical,
  orderToCanonical: mappingFiles.orderToCanonical,
  customerAttributeToCanonical: mappingFiles.customerAttributeToCanonical
} as const

/**
 * The PrestaShop connector: streams `customers` (list, count, get, find, create, update,
 * delete; incremental on `date_upd`), `customerGroups` (list, count, get, create, update,
 * delete), `orders` (list, count, get; incremental on `date_upd`) and `customerAttributes` (list,
 * count: the fields of the customer resource, from its synopsis).
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = prestashop
