/**
 * The connector for Magento 2 / Adobe Commerce (REST `/V1`): customers (and optionally the
 * guests of guest orders), orders, customer groups and customer attribute metadata, with a
 * bearer token, `searchCriteria` filters, sorting and paging that stops on `total_count`,
 * incremental reads on `updated_at`, and writes one request per record.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema } from "@mapwright/core"
import { connector as magento } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"

export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as CustomerAttribute from "./CustomerAttribute.ts"
export * as CustomerGroup from "./CustomerGroup.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as Order from "./Order.ts"
export * as SearchCriteria from "./SearchCriteria.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "magento"

/**
 * The record schemas this connector exports (`magento/Customer`, `magento/Order`,
 * `magento/CustomerGroup`, `magento/CustomerAttribute`), for the schema registry.
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
  orderToCanonical: mappingFiles.orderToCanonical,
  customerGroupToCanonical: mappingFiles.customerGroupToCanonical,
  customerGroupFromCanonical: mappingFiles.customerGroupFromCanonical,
  customerAttributeToCanonical: mappingFiles.customerAttributeToCanonical
} as const

/**
 * The Magento 2 connector: streams `customers` (list, count, get, find, create, update,
 * delete; incremental on `updated_at`; option `includeGuests`), `orders` (list, count, get;
 * incremental on `updated_at`), `customerGroups` (list, count, create) and
 * `customerAttributes` (list).
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = magento
