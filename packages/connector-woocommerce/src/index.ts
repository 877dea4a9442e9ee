/**
 * The connector for WooCommerce (WP REST API `wc/v3`): customers (every role, and optionally
 * the guests of guest orders), orders, Basic auth with the consumer key and secret, page
 * numbers with `X-WP-TotalPages` and `Link`, and writes through the batch endpoint.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema } from "@mapwright/core"
import { connector as woocommerce } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"

export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as Order from "./Order.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "woocommerce"

/**
 * The record schemas this connector exports (`woocommerce/Customer`, `woocommerce/Order`), for
 * the schema registry.
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
  orderToCanonical: mappingFiles.orderToCanonical
} as const

/**
 * The WooCommerce connector: streams `customers` (list, count, get, find, create, update,
 * delete; option `includeGuests`) and `orders` (list, count, get; incremental on
 * `date_modified_gmt`).
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = woocommerce
