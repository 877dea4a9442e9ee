/**
 * The Magento 2 customer group (REST `/V1/customerGroups`, `customer-data-group-interface`):
 * `{id, code, tax_class_id, tax_class_name}`. `code` (at most 32 characters) is also the name
 * people see. A standard install has 0 NOT LOGGED IN, 1 General, 2 Wholesale and 3 Retailer.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * @since 0.1.0
 * @category schemas
 */
export const CustomerGroup = Schema.Struct({
  id: Schema.optionalKey(Schema.Int.annotate({ description: "Group id (read-only)" })),
  code: Schema.String.annotate({ description: "Group code, at most 32 characters (required)" }),
  tax_class_id: Schema.Int.annotate({ description: "Customer tax class id (required; 3 Retail Customer)" }),
  tax_class_name: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "Tax class name (read-only)" })
  ),
  extension_attributes: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Unknown).annotate({
      description: "Extension attributes (exclude_website_ids)"
    })
  )
}).annotate({ identifier: "MagentoCustomerGroup", description: "A Magento 2 customer group" })

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerGroup = typeof CustomerGroup.Type

/**
 * The groups of a standard install, by id, for reading offline (`mapwright decode`).
 *
 * @since 0.1.0
 * @category constants
 */
export const standardGroups: ReadonlyArray<{ readonly id: number; readonly code: string }> = [
  { id: 0, code: "NOT LOGGED IN" },
  { id: 1, code: "General" },
  { id: 2, code: "Wholesale" },
  { id: 3, code: "Retailer" }
]

/**
 * The longest group code Magento takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxCodeLength = 32
