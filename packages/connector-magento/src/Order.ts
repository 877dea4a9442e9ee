/**
 * The Magento 2 order (REST `/V1/orders`, `sales-data-order-interface`) in its JSON form: the
 * fields that concern the customer (who placed it, the addresses, the dates, the status and
 * total) are typed; items, payment and history are kept as they come.
 *
 * A guest order has `customer_is_guest` 1 (or `true`), no `customer_id` and
 * `customer_group_id` 0; the guest exists only in `customer_email`, the `customer_*` names and
 * the addresses. The shipping address is at
 * `extension_attributes.shipping_assignments[].shipping.address`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { DateTime } from "./Customer.ts"

const text = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.String).annotate({ description }))

const int = (description: string) => Schema.optionalKey(Schema.NullOr(Schema.Int).annotate({ description }))

const money = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.Finite).annotate({ description: `${description} (a number)` }))

/**
 * An order address (`sales-data-order-address-interface`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrderAddress = Schema.Struct({
  entity_id: int("Address id"),
  parent_id: int("The order's id"),
  customer_address_id: int("The address-book entry it came from, if any"),
  address_type: text("billing or shipping"),
  email: text("Email"),
  firstname: text("First name"),
  lastname: text("Last name"),
  middlename: text("Middle name"),
  prefix: text("Prefix"),
  suffix: text("Suffix"),
  company: text("Company"),
  street: Schema.optionalKey(Schema.Array(Schema.String).annotate({ description: "Street lines" })),
  city: text("City"),
  region: text("Region name"),
  region_code: text("Region code"),
  region_id: int("Region id"),
  postcode: text("Postcode"),
  country_id: text("Country, ISO 3166-1 alpha-2"),
  telephone: text("Telephone (free text)"),
  fax: text("Fax"),
  vat_id: text("VAT number")
}).annotate({ identifier: "MagentoOrderAddress", description: "An order address" })

/**
 * @since 0.1.0
 * @category models
 */
export type OrderAddress = typeof OrderAddress.Type

/**
 * One shipping assignment: where (`shipping.address`) and how (`shipping.method`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ShippingAssignment = Schema.Struct({
  shipping: Schema.optionalKey(
    Schema.Struct({
      address: Schema.optionalKey(OrderAddress),
      method: text("Shipping method code"),
      total: Schema.optionalKey(Schema.Unknown)
    })
  ),
  items: Schema.optionalKey(Schema.Array(Schema.Unknown))
}).annotate({ identifier: "MagentoShippingAssignment", description: "A shipping assignment" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Order = Schema.Struct({
  entity_id: Schema.Int.annotate({ description: "Order id" }),
  increment_id: text("Order number shown to the customer"),
  state: text("State: new, processing, complete, closed, canceled, holded, ..."),
  status: text("Status code, e.g. pending, processing, complete"),
  created_at: Schema.optionalKey(DateTime.annotate({ description: "Created at, UTC" })),
  updated_at: Schema.optionalKey(DateTime.annotate({ description: "Updated at, UTC" })),
  store_id: int("Store view id"),
  order_currency_code: text("Order currency, ISO 4217"),
  base_currency_code: text("Base currency, ISO 4217"),
  grand_total: money("Grand total in the order currency"),
  base_grand_total: money("Grand total in the base currency"),
  subtotal: money("Subtotal"),
  tax_amount: money("Tax"),
  shipping_amount: money("Shipping"),
  discount_amount: money("Discount"),
  total_qty_ordered: money("Items ordered"),
  customer_id: int("The customer's id; absent or null for a guest"),
  customer_is_guest: Schema.optionalKey(
    Schema.NullOr(Schema.Union([Schema.Int, Schema.Boolean])).annotate({
      description: "1 (or true) for a guest order"
    })
  ),
  customer_group_id: int("The customer's group (0 NOT LOGGED IN for guests)"),
  customer_email: Schema.String.annotate({ description: "The customer's email (required)" }),
  customer_firstname: text("The customer's first name"),
  customer_lastname: text("The customer's last name"),
  customer_middlename: text("The customer's middle name"),
  customer_prefix: text("Name prefix"),
  customer_suffix: text("Name suffix"),
  customer_dob: text("Date of birth (YYYY-MM-DD or YYYY-MM-DD 00:00:00)"),
  customer_gender: int("Gender option id"),
  customer_taxvat: text("Tax/VAT number"),
  customer_note: text("Note from the customer"),
  remote_ip: text("The customer's IP address"),
  billing_address: Schema.optionalKey(OrderAddress),
  items: Schema.optionalKey(Schema.Array(Schema.Unknown).annotate({ description: "Order items" })),
  payment: Schema.optionalKey(Schema.Unknown.annotate({ description: "Payment" })),
  status_histories: Schema.optionalKey(Schema.Array(Schema.Unknown).annotate({ description: "History" })),
  extension_attributes: Schema.optionalKey(
    Schema.StructWithRest(
      Schema.Struct({
        shipping_assignments: Schema.optionalKey(Schema.Array(ShippingAssignment))
      }),
      [Schema.Record(Schema.String, Schema.Unknown)]
    ).annotate({ description: "Extension attributes (shipping_assignments)" })
  )
}).annotate({ identifier: "MagentoOrder", description: "A Magento 2 order (REST /V1/orders)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

/**
 * Whether an order (in its JSON form) was placed by a guest: `customer_is_guest` is 1, `"1"`
 * or `true`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isGuestOrder = (order: unknown): boolean => {
  if (typeof order !== "object" || order === null) return false
  const flag = (order as { readonly customer_is_guest?: unknown }).customer_is_guest
  return flag === 1 || flag === true || flag === "1"
}
