/**
 * The connector for Open2b (the JSON-over-POST API of seed 002): `commerce.customers.find`,
 * `get`, `count`, `create`, `update` and `delete`, each a POST with the key in `X-Key`; reads as
 * a keyset walk on id asking only for the record schema's fields; application errors that come
 * with HTTP 200 mapped to record issues; shop times converted with the `timeZone` setting.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema, Transform } from "@mapwright/core"
import { connector as open2b } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"
import { transforms as own } from "./Transforms.ts"

export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as Transforms from "./Transforms.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "open2b"

/**
 * The record schemas this connector exports (`open2b/Customer`), for the schema registry.
 *
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = recordSchemas

/**
 * The transforms the default mappings use beyond the built-ins (`open2b.regionCode`,
 * `open2b.phoneOfKind`), to register beside them.
 *
 * @since 0.1.0
 * @category transforms
 */
export const transforms: ReadonlyArray<Transform.Transform> = own

/**
 * The default mappings to and from the canonical model shipped inside this package, as
 * absolute paths (each has its `.test.yaml` next to it).
 *
 * @since 0.1.0
 * @category mappings
 */
export const mappings = {
  customerToCanonical: mappingFiles.customerToCanonical,
  customerFromCanonical: mappingFiles.customerFromCanonical
} as const

/**
 * The Open2b connector: the stream `customers` (list, count, get, find, create, update, delete;
 * incremental as a walk on id). Open2b's `customers.authenticate` checks a customer's password
 * and has no place in the unified operation set, so it is not exposed.
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = open2b
