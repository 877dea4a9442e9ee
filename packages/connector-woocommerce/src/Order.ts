/**
 * The WooCommerce order (REST `wc/v3`, `/orders`), in its JSON form: the documented order
 * fields. Those that concern the customer (who placed it, the addresses, the dates, the
 * status and total) are typed; the line items, taxes, shipping and fee lines, coupons and
 * refunds are kept as they come (`unknown`), since the canonical Order does not read them.
 *
 * A guest order has `customer_id` 0: the guest exists only in its `billing` and `shipping`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Billing, DateTime, Links, MetaData, Shipping } from "./Customer.ts"

const text = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

const money = (description: string) => text(`${description} (a decimal string)`)

const date = (description: string) => Schema.optionalKey(DateTime.annotate({ description }))

const nullableDate = (description: string) =>
  Schema.optionalKey(Schema.NullOr(DateTime).annotate({ description }))

const lines = (description: string) =>
  Schema.optionalKey(Schema.Array(Schema.Unknown).annotate({ description }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Order = Schema.Struct({
  id: Schema.Int.annotate({ description: "Unique identifier for the resource (read-only)" }),
  parent_id: Schema.optionalKey(Schema.Int.annotate({ description: "Parent order ID" })),
  number: text("Order number (read-only)"),
  order_key: text("Order key (read-only)"),
  created_via: text("Shows where the order was created (checkout, rest-api, admin, ...; read-only)"),
  version: text("Version of WooCommerce which last updated the order (read-only)"),
  status: text("Order status: pending, processing, on-hold, completed, cancelled, refunded, failed or trash"),
  currency: text("Currency the order was created with, in ISO format"),
  date_created: date("The date the order was created, in the site's timezone (read-only)"),
  date_created_gmt: date("The date the order was created, as GMT (read-only)"),
  date_modified: nullableDate("The date the order was last modified, in the site's timezone (read-only)"),
  date_modified_gmt: nullableDate("The date the order was last modified, as GMT (read-only)"),
  discount_total: money("Total discount amount for the order (read-only)"),
  discount_tax: money("Total discount tax amount for the order (read-only)"),
  shipping_total: money("Total shipping amount for the order (read-only)"),
  shipping_tax: money("Total shipping tax amount for the order (read-only)"),
  cart_tax: money("Sum of line item taxes only (read-only)"),
  total: money("Grand total (read-only)"),
  total_tax: money("Sum of all taxes (read-only)"),
  prices_include_tax: Schema.optionalKey(
    Schema.Boolean.annotate({ description: "True the prices included tax during checkout (read-only)" })
  ),
  customer_id: Schema.Int.annotate({ description: "User ID who owns the order; 0 for guests" }),
  customer_ip_address: text("Customer's IP address (read-only)"),
  customer_user_agent: text("User agent of the customer (read-only)"),
  customer_note: text("Note left by the customer during checkout"),
  billing: Schema.optionalKey(Billing.annotate({ description: "Billing address" })),
  shipping: Schema.optionalKey(Shipping.annotate({ description: "Shipping address" })),
  payment_method: text("Payment method ID"),
  payment_method_title: text("Payment method title"),
  transaction_id: text("Unique transaction ID"),
  date_paid: nullableDate("The date the order was paid, in the site's timezone (read-only)"),
  date_paid_gmt: nullableDate("The date the order was paid, as GMT (read-only)"),
  date_completed: nullableDate("The date the order was completed, in the site's timezone (read-only)"),
  date_completed_gmt: nullableDate("The date the order was completed, as GMT (read-only)"),
  cart_hash: text("MD5 hash of cart items to ensure orders are not modified (read-only)"),
  meta_data: Schema.optionalKey(Schema.Array(MetaData).annotate({ description: "Meta data" })),
  line_items: lines("Line items data"),
  tax_lines: lines("Tax lines data (read-only)"),
  shipping_lines: lines("Shipping lines data"),
  fee_lines: lines("Fee lines data"),
  coupon_lines: lines("Coupons line data"),
  refunds: lines("List of refunds (read-only)"),
  _links: Schema.optionalKey(Links)
}).annotate({ identifier: "WooCommerceOrder", description: "A WooCommerce order (REST wc/v3)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

/**
 * The `customer_id` of a guest order.
 *
 * @since 0.1.0
 * @category constants
 */
export const guestCustomerId = 0
