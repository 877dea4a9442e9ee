/**
 * The PrestaShop order (`/api/orders`), in its JSON form: the fields that concern the customer
 * (who, where, when, how much) are typed; the totals and the rest of the order are kept as
 * strings, and `associations` (the order rows) as they come.
 *
 * An order references its customer (`id_customer`) and two addresses (`id_address_invoice`,
 * `id_address_delivery`) by id. The connector joins them on read, with the names of the
 * currency and the order state, so that an order maps to the canonical Order on its own:
 * `customer`, `address_invoice`, `address_delivery`, `currency_iso_code`, `current_state_name`,
 * `date_add_utc` and `date_upd_utc` are the connector's, not PrestaShop's.
 *
 * A guest's order points at a customer with `is_guest` `"1"`: PrestaShop keeps a customer row
 * for every guest, so the customers stream already lists them (no `includeGuests` option).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Address } from "./Address.ts"
import { dateTime, decimal, flag, id, matching, text } from "./internal/leaves.ts"

/**
 * The customer of an order, as the connector joins it (a subset of the customer record).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrderCustomer = Schema.Struct({
  id: id("The customer id"),
  email: text("Email address"),
  firstname: text("First name"),
  lastname: text("Last name"),
  is_guest: flag("1 when the customer is a guest")
}).annotate({
  identifier: "PrestaShopOrderCustomer",
  description: "The customer of an order, joined by the connector"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const Order = Schema.Struct({
  id: matching(/^\d{1,20}$/, "an order id (digits)").annotate({
    description: "The order id"
  }),
  id_address_delivery: id("The delivery address (an id of /api/addresses)"),
  id_address_invoice: id("The invoice address (an id of /api/addresses)"),
  id_cart: id("The cart the order came from"),
  id_currency: id("The currency (an id of /api/currencies)"),
  id_lang: id("The language of the order"),
  id_customer: id("The customer (an id of /api/customers; a guest is a customer with is_guest 1)"),
  id_carrier: id("The carrier"),
  current_state: id("The order state (an id of /api/order_states)"),
  module: text("The payment module"),
  invoice_number: text("Invoice number"),
  invoice_date: dateTime("Invoice date, shop-local"),
  delivery_number: text("Delivery slip number"),
  delivery_date: dateTime("Delivery date, shop-local"),
  valid: flag("1 when the order is valid (paid)"),
  date_add: dateTime("When the order was placed, shop-local"),
  date_upd: dateTime("When the order was last changed, shop-local"),
  shipping_number: text("Tracking number"),
  note: text("Private note"),
  id_shop_group: id("The shop group"),
  id_shop: id("The shop"),
  secure_key: text("The order's secure key"),
  payment: text("The payment method, as shown"),
  recyclable: flag("1 for recycled packaging"),
  gift: flag("1 when gift-wrapped"),
  gift_message: text("Gift message"),
  mobile_theme: flag("1 when placed with the mobile theme"),
  total_discounts: decimal("Total of discounts"),
  total_discounts_tax_incl: decimal("Total of discounts, tax included"),
  total_discounts_tax_excl: decimal("Total of discounts, tax excluded"),
  total_paid: decimal("Total paid"),
  total_paid_tax_incl: decimal("Total paid, tax included"),
  total_paid_tax_excl: decimal("Total paid, tax excluded"),
  total_paid_real: decimal("Total actually paid"),
  total_products: decimal("Total of products, tax excluded"),
  total_products_wt: decimal("Total of products, tax included"),
  total_shipping: decimal("Shipping"),
  total_shipping_tax_incl: decimal("Shipping, tax included"),
  total_shipping_tax_excl: decimal("Shipping, tax excluded"),
  carrier_tax_rate: decimal("Carrier tax rate"),
  total_wrapping: decimal("Gift wrapping"),
  total_wrapping_tax_incl: decimal("Gift wrapping, tax included"),
  total_wrapping_tax_excl: decimal("Gift wrapping, tax excluded"),
  round_mode: text("Rounding mode"),
  round_type: text("Rounding type"),
  conversion_rate: decimal("Conversion rate to the shop's default currency"),
  reference: text("The order reference shown to the customer (e.g. XKBKNABJK)"),
  associations: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Unknown).annotate({
      description: "The order rows and other associations, as sent"
    })
  ),
  customer: Schema.optionalKey(
    OrderCustomer.annotate({
      description: "The order's customer, joined by the connector (not a PrestaShop field)"
    })
  ),
  address_invoice: Schema.optionalKey(
    Address.annotate({ description: "The invoice address, joined by the connector (not a PrestaShop field)" })
  ),
  address_delivery: Schema.optionalKey(
    Address.annotate({
      description: "The delivery address, joined by the connector (not a PrestaShop field)"
    })
  ),
  currency_iso_code: text("The currency's ISO 4217 code, joined by the connector (not a PrestaShop field)"),
  current_state_name: text("The order state's name, joined by the connector (not a PrestaShop field)"),
  date_add_utc: dateTime(
    "date_add in UTC, computed by the connector through its timeZone setting (not a PrestaShop field)"
  ),
  date_upd_utc: dateTime(
    "date_upd in UTC, computed by the connector through its timeZone setting (not a PrestaShop field)"
  )
}).annotate({ identifier: "PrestaShopOrder", description: "A PrestaShop order (webservice /api/orders)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

/**
 * The fields the connector adds on read.
 *
 * @since 0.1.0
 * @category constants
 */
export const joinedFields: ReadonlyArray<string> = [
  "customer",
  "address_invoice",
  "address_delivery",
  "currency_iso_code",
  "current_state_name",
  "date_add_utc",
  "date_upd_utc"
]
