/**
 * The WooCommerce customer (REST `wc/v3`, `/customers`), in its JSON form: exactly the fields
 * of the documented customer (the docs table of `_customers.md`), each with its description.
 *
 * The same schema describes what the API returns and the body it takes to create a customer,
 * so the read-only fields (`id`, the dates, `role`, `is_paying_customer`, `avatar_url`,
 * `_links`) are optional keys, as are the writable fields a create body may leave out; only
 * `email` is required (it is mandatory on create and always returned).
 *
 * With the customers stream's `includeGuests` option, the guests of guest orders
 * (`customer_id` 0) come in this shape too: `id` is then the guest's key (its lower-cased
 * billing email, else the id of its order, as a string) and `role` is `guest`; see
 * {@link guestRole}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const text = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

/**
 * A WooCommerce date-time: ISO 8601 without an offset, to the second (`2017-03-21T16:09:28`).
 * The plain fields are in the site's time zone, the `_gmt` fields in UTC.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTime = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/u, {
    expected: "a WooCommerce date-time such as 2017-03-21T16:09:28 (ISO 8601 without an offset)"
  })
).annotate({ identifier: "WooCommerceDateTime" })

/**
 * The role the guest records of the `includeGuests` option carry. WordPress has no such role:
 * it marks a customer that has no account, found in orders with `customer_id` 0.
 *
 * @since 0.1.0
 * @category constants
 */
export const guestRole = "guest"

/**
 * A `meta_data` entry. `value` is any JSON a plugin stored.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MetaData = Schema.Struct({
  id: Schema.optionalKey(Schema.Int.annotate({ description: "Meta ID (read-only)" })),
  key: Schema.String.annotate({ description: "Meta key" }),
  value: Schema.Unknown.annotate({ description: "Meta value (any JSON)" })
}).annotate({ identifier: "WooCommerceMetaData", description: "A meta data entry" })

/**
 * The `_links` of a resource (`self`, `collection`, `customer`, `up`, ...): what a site sends
 * varies, so any relation is accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Links = Schema.Record(Schema.String, Schema.Unknown).annotate({
  description: "Links to related resources, by relation (self, collection, customer, ...)"
})

/**
 * The billing address of a customer (and of an order).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Billing = Schema.Struct({
  first_name: text("First name"),
  last_name: text("Last name"),
  company: text("Company name"),
  address_1: text("Address line 1"),
  address_2: text("Address line 2"),
  city: text("City name"),
  state: text("ISO code or name of the state, province or district"),
  postcode: text("Postal code"),
  country: text("ISO code of the country (ISO 3166-1 alpha-2)"),
  email: text("Email address"),
  phone: text("Phone number (free text)")
}).annotate({ identifier: "WooCommerceBilling", description: "Billing address" })

/**
 * @since 0.1.0
 * @category models
 */
export type Billing = typeof Billing.Type

/**
 * The shipping address of a customer (and of an order): the billing fields without `email`;
 * newer WooCommerce versions add `phone`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Shipping = Schema.Struct({
  first_name: text("First name"),
  last_name: text("Last name"),
  company: text("Company name"),
  address_1: text("Address line 1"),
  address_2: text("Address line 2"),
  city: text("City name"),
  state: text("ISO code or name of the state, province or district"),
  postcode: text("Postal code"),
  country: text("ISO code of the country (ISO 3166-1 alpha-2)"),
  phone: text("Phone number (free text; newer WooCommerce versions only)")
}).annotate({ identifier: "WooCommerceShipping", description: "Shipping address" })

/**
 * @since 0.1.0
 * @category models
 */
export type Shipping = typeof Shipping.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: Schema.optionalKey(
    Schema.Union([Schema.Int, Schema.String]).annotate({
      description:
        "Unique identifier for the resource (read-only). For a guest record of the includeGuests option: " +
        "its key, the lower-cased billing email, else the id of its order, as a string"
    })
  ),
  date_created: Schema.optionalKey(
    DateTime.annotate({
      description: "The date the customer was created, in the site's timezone (read-only)"
    })
  ),
  date_created_gmt: Schema.optionalKey(
    DateTime.annotate({ description: "The date the customer was created, as GMT (read-only)" })
  ),
  date_modified: Schema.optionalKey(
    Schema.NullOr(DateTime).annotate({
      description: "The date the customer was last modified, in the site's timezone (read-only)"
    })
  ),
  date_modified_gmt: Schema.optionalKey(
    Schema.NullOr(DateTime).annotate({
      description: "The date the customer was last modified, as GMT (read-only)"
    })
  ),
  email: Schema.String.annotate({ description: "The email address for the customer (mandatory)" }),
  first_name: text("Customer first name"),
  last_name: text("Customer last name"),
  role: text("Customer role (read-only); guest for the guest records of the includeGuests option"),
  username: text("Customer login name"),
  password: Schema.optionalKey(
    Schema.String.annotate({ description: "Customer password (write-only; a secret)", writeOnly: true })
  ),
  billing: Schema.optionalKey(Billing.annotate({ description: "List of billing address data" })),
  shipping: Schema.optionalKey(Shipping.annotate({ description: "List of shipping address data" })),
  is_paying_customer: Schema.optionalKey(
    Schema.Boolean.annotate({ description: "Is the customer a paying customer? (read-only)" })
  ),
  avatar_url: text("Avatar URL (read-only)"),
  meta_data: Schema.optionalKey(Schema.Array(MetaData).annotate({ description: "Meta data" })),
  _links: Schema.optionalKey(Links)
}).annotate({ identifier: "WooCommerceCustomer", description: "A WooCommerce customer (REST wc/v3)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The fields WooCommerce sets itself: a create body must not carry them (an `id` on create
 * fails with `woocommerce_rest_customer_exists`).
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = [
  "id",
  "date_created",
  "date_created_gmt",
  "date_modified",
  "date_modified_gmt",
  "role",
  "is_paying_customer",
  "avatar_url",
  "_links"
]
