/**
 * The emulator's rows and how they are rendered as WooCommerce answers: dates in the site's
 * zone and in `_gmt` form, `avatar_url`, `_links` with absolute URLs of the request's host.
 */
import { createHash } from "node:crypto"
import { formatIn, formatUtc } from "../times.ts"

export type Json = Record<string, unknown>

export interface Billing {
  readonly first_name: string
  readonly last_name: string
  readonly company: string
  readonly address_1: string
  readonly address_2: string
  readonly city: string
  readonly state: string
  readonly postcode: string
  readonly country: string
  readonly email: string
  readonly phone: string
}

export interface Shipping {
  readonly first_name: string
  readonly last_name: string
  readonly company: string
  readonly address_1: string
  readonly address_2: string
  readonly city: string
  readonly state: string
  readonly postcode: string
  readonly country: string
  readonly phone: string
}

export interface MetaData {
  readonly id: number
  readonly key: string
  readonly value: unknown
}

/** A WordPress user as the emulator keeps it (the id is the collection's). */
export interface CustomerRow {
  readonly created: number
  readonly modified: number
  readonly email: string
  readonly first_name: string
  readonly last_name: string
  readonly role: string
  readonly username: string
  readonly billing: Billing
  readonly shipping: Shipping
  readonly is_paying_customer: boolean
  readonly meta_data: ReadonlyArray<MetaData>
  /** Fields replaced in every answer, to break the record schema (the contract suite's malformed record). */
  readonly broken?: Json
}

export interface LineItem {
  readonly id: number
  readonly name: string
  readonly product_id: number
  readonly quantity: number
  readonly total: string
  readonly price: number
}

export interface OrderRow {
  readonly created: number
  readonly modified: number
  readonly paid: number | null
  readonly completed: number | null
  readonly status: string
  readonly currency: string
  readonly created_via: string
  readonly customer_id: number
  readonly customer_note: string
  readonly billing: Billing
  readonly shipping: Shipping
  readonly shipping_total: string
  readonly total: string
  readonly line_items: ReadonlyArray<LineItem>
  readonly order_key: string
  readonly broken?: Json
}

export const emptyBilling: Billing = {
  first_name: "",
  last_name: "",
  company: "",
  address_1: "",
  address_2: "",
  city: "",
  state: "",
  postcode: "",
  country: "",
  email: "",
  phone: ""
}

export const emptyShipping: Shipping = {
  first_name: "",
  last_name: "",
  company: "",
  address_1: "",
  address_2: "",
  city: "",
  state: "",
  postcode: "",
  country: "",
  phone: ""
}

const dates = (name: string, at: number | null, zone: string): Json =>
  at === null
    ? { [name]: null, [`${name}_gmt`]: null }
    : { [name]: formatIn(at, zone), [`${name}_gmt`]: formatUtc(at) }

const link = (href: string) => [{ href }]

const currencySymbols: Readonly<Record<string, string>> = {
  NZD: "$",
  AUD: "$",
  USD: "$",
  GBP: "£",
  EUR: "€",
  SAR: "ر.س"
}

/** A customer as `/customers` answers it. */
export const renderCustomer = (id: number, row: CustomerRow, origin: string, zone: string): Json => ({
  id,
  ...dates("date_created", row.created, zone),
  ...dates("date_modified", row.modified, zone),
  email: row.email,
  first_name: row.first_name,
  last_name: row.last_name,
  role: row.role,
  username: row.username,
  billing: row.billing,
  shipping: row.shipping,
  is_paying_customer: row.is_paying_customer,
  avatar_url: `https://secure.gravatar.com/avatar/${createHash("md5").update(row.email.trim().toLowerCase()).digest("hex")}?s=96`,
  meta_data: row.meta_data,
  _links: {
    self: link(`${origin}/wp-json/wc/v3/customers/${id}`),
    collection: link(`${origin}/wp-json/wc/v3/customers`)
  },
  ...row.broken
})

/** An order as `/orders` answers it, with the fields newer WooCommerce versions add. */
export const renderOrder = (id: number, row: OrderRow, origin: string, zone: string): Json => ({
  id,
  parent_id: 0,
  number: String(id),
  order_key: row.order_key,
  created_via: row.created_via,
  version: "8.9.3",
  status: row.status,
  currency: row.currency,
  ...dates("date_created", row.created, zone),
  ...dates("date_modified", row.modified, zone),
  discount_total: "0.00",
  discount_tax: "0.00",
  shipping_total: row.shipping_total,
  shipping_tax: "0.00",
  cart_tax: "0.00",
  total: row.total,
  total_tax: "0.00",
  prices_include_tax: false,
  customer_id: row.customer_id,
  customer_ip_address: row.created_via === "checkout" ? "203.0.113.7" : "",
  customer_user_agent:
    row.created_via === "checkout" ? "mozilla/5.0 (x11; linux x86_64; rv:126.0) firefox/126.0" : "",
  customer_note: row.customer_note,
  billing: row.billing,
  shipping: row.shipping,
  payment_method: "bacs",
  payment_method_title: "Direct bank transfer",
  transaction_id: "",
  ...dates("date_paid", row.paid, zone),
  ...dates("date_completed", row.completed, zone),
  cart_hash: "",
  meta_data: [],
  line_items: row.line_items.map((item) => ({
    ...item,
    variation_id: 0,
    tax_class: "",
    subtotal: item.total,
    subtotal_tax: "0.00",
    total_tax: "0.00",
    taxes: [],
    meta_data: [],
    sku: ""
  })),
  tax_lines: [],
  shipping_lines: [
    {
      id: id * 10 + 9,
      method_title: "Flat rate",
      method_id: "flat_rate",
      total: row.shipping_total,
      total_tax: "0.00",
      taxes: [],
      meta_data: []
    }
  ],
  fee_lines: [],
  coupon_lines: [],
  refunds: [],
  // newer WooCommerce versions send these too; the connector keeps to the documented fields
  currency_symbol: currencySymbols[row.currency] ?? "",
  payment_url: `${origin}/checkout/order-pay/${id}/?pay_for_order=true&key=${row.order_key}`,
  _links: {
    self: link(`${origin}/wp-json/wc/v3/orders/${id}`),
    collection: link(`${origin}/wp-json/wc/v3/orders`),
    ...(row.customer_id === 0
      ? {}
      : { customer: link(`${origin}/wp-json/wc/v3/customers/${row.customer_id}`) })
  },
  ...row.broken
})
