/**
 * The connector for Shopify, through the GraphQL Admin API (2025-04 or later): customers
 * (cursor paging by `updatedAt`, incremental; optionally the guests of orders without a
 * customer), orders, and the metafield definitions of customers; writes through
 * `customerCreate`, `customerSet` and `customerDelete` with `userErrors` as record issues; the
 * calculated query cost's `THROTTLED` answers waited out on the restore rate.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema } from "@mapwright/core"
import { connector as shopify } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"

export * as Config from "./Config.ts"
export * as Cost from "./Cost.ts"
export * as Customer from "./Customer.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as MetafieldDefinition from "./MetafieldDefinition.ts"
export * as Order from "./Order.ts"
export * as Rest from "./Rest.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "shopify"

/**
 * The record schemas this connector exports (`shopify/Customer`, `shopify/Order`,
 * `shopify/MetafieldDefinition`), for the schema registry.
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
  attributeToCanonical: mappingFiles.attributeToCanonical
} as const

/**
 * The Shopify connector: streams `customers` (list, count, get, find, create, update, delete;
 * incremental on `updatedAt`; option `includeGuests`), `orders` (list, count, get; incremental
 * on `updatedAt`) and `customerAttributes` (list).
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = shopify
