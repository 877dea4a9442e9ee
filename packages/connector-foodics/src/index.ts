/**
 * The connector for Foodics (REST API v5, seed 003): customers with their tags and delivery
 * addresses, `Authorization: Bearer` with the OAuth access token, the seed's list filters,
 * incremental reads on `updated_at`, page numbers that end at `links.next == null` (else at a
 * short page), writes one customer per call, soft delete and restore.
 *
 * @since 0.1.0
 */
import type { Connector, RecordSchema, Transform } from "@mapwright/core"
import { connector as foodics } from "./internal/connector.ts"
import { mappingFiles, recordSchemas } from "./internal/streams.ts"
import { dialCode, nationalNumber } from "./Phone.ts"
import { tagRef } from "./Tags.ts"

export * as Config from "./Config.ts"
export * as Customer from "./Customer.ts"
export * as ErrorBody from "./ErrorBody.ts"
export * as Phone from "./Phone.ts"
export * as Tags from "./Tags.ts"

/**
 * The connector's name, as pipelines and mappings refer to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "foodics"

/**
 * The record schemas this connector exports (`foodics/Customer`), for the schema registry.
 *
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = recordSchemas

/**
 * The transforms this connector adds to the built-ins, which its default mappings use:
 * `foodics.dialCode` and `foodics.nationalNumber` (an E.164 number split into `dial_code` and
 * `phone`) and `foodics.tagRef` (a tag id to `{ id }`).
 *
 * @since 0.1.0
 * @category transforms
 */
export const transforms: ReadonlyArray<Transform.Transform> = [dialCode, nationalNumber, tagRef]

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
 * The Foodics connector: the stream `customers` (list, count, get, find, create, update,
 * delete, restore; incremental on `updated_at`; options `filter` and `include`).
 *
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = foodics
