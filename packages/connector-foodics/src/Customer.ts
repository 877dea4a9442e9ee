/**
 * The Foodics customer (REST v5, `/customers`), in its JSON form: the fields of the customer
 * object of seed 003 (its attributes table), each with the table's description and rule.
 *
 * The same schema describes what the API returns and the body it takes to create or update a
 * customer, so every key is optional: the read-only ones (`id`, the balances, `addresses`,
 * `order_count`, `last_order_at` and the times) are only in answers, and a body may leave out
 * any writable one. `tags` and `addresses` are "includable": an answer carries them only when
 * asked for with `include` (the connector asks for both).
 *
 * Times are UTC, written `YYYY-MM-DD HH:MM:SS` (`2019-04-22 14:18:54`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A Foodics time: `YYYY-MM-DD HH:MM:SS`, in UTC.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTime = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u, {
    expected: "a Foodics time such as 2019-04-22 14:18:54 (YYYY-MM-DD HH:MM:SS, UTC)"
  })
).annotate({ identifier: "FoodicsDateTime" })

/**
 * A calendar date `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LocalDate = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u, { expected: "a date such as 1986-09-17 (YYYY-MM-DD)" })
).annotate({ identifier: "FoodicsDate" })

/**
 * A flag: the seed documents booleans, and its examples also send `1` (`is_loyalty_enabled: 1`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Flag = Schema.Union([Schema.Boolean, Schema.Literals([0, 1])]).annotate({
  identifier: "FoodicsFlag"
})

/**
 * The gender codes of the seed: `1` male, `2` female.
 *
 * @since 0.1.0
 * @category constants
 */
export const genderCodes = { male: 1, female: 2 } as const

/**
 * A tag attached to a customer: `{"id": "fhhsd8r5"}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Tag = Schema.Struct({
  id: Schema.String.annotate({ description: "The tag's id" }),
  name: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "The tag's name, when the answer carries it" })
  )
}).annotate({ identifier: "FoodicsTag", description: "A Tag object attached to the customer" })

/**
 * @since 0.1.0
 * @category models
 */
export type Tag = typeof Tag.Type

/**
 * The delivery zone of a customer address: `{"id": "8d86ac81"}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeliveryZone = Schema.Struct({
  id: Schema.String.annotate({ description: "The delivery zone's id" }),
  name: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({
      description: "The delivery zone's name, when the answer carries it"
    })
  )
}).annotate({ identifier: "FoodicsDeliveryZone", description: "The Delivery Zone attached to an address" })

const coordinate = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.Union([Schema.String, Schema.Finite])).annotate({ description }))

/**
 * A customer address. The seed shows `id` and `delivery_zone`; `name`, `description`,
 * `latitude` and `longitude` are what third-party clients read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Address = Schema.Struct({
  id: Schema.String.annotate({ description: "The address's id" }),
  name: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "The address's label, e.g. Home (third-party)" })
  ),
  description: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "The address as written, free text (third-party)" })
  ),
  latitude: coordinate("Latitude of the address (third-party)"),
  longitude: coordinate("Longitude of the address (third-party)"),
  delivery_zone: Schema.optionalKey(
    Schema.NullOr(DeliveryZone).annotate({
      description: "The Delivery Zone object attached to the address (includable: addresses.delivery_zone)"
    })
  )
}).annotate({ identifier: "FoodicsAddress", description: "A Customer Address object" })

/**
 * @since 0.1.0
 * @category models
 */
export type Address = typeof Address.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: Schema.optionalKey(
    Schema.String.annotate({ description: "Unique identifier for the customer (read-only)" })
  ),
  name: Schema.optionalKey(
    Schema.String.annotate({ description: "Name of the customer, one field (updatable)" })
  ),
  dial_code: Schema.optionalKey(
    Schema.Int.annotate({ description: "Dial code of the phone of the customer, e.g. 966 (updatable)" })
  ),
  phone: Schema.optionalKey(
    Schema.String.annotate({
      description:
        "Phone of the customer, the national number without the dial code, e.g. 565445254 (updatable)"
    })
  ),
  email: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "Email of the customer (nullable, updatable)" })
  ),
  gender: Schema.optionalKey(
    Schema.NullOr(Schema.Int).annotate({
      description: "1 represents male, 2 female (nullable, updatable)"
    })
  ),
  birth_date: Schema.optionalKey(
    Schema.NullOr(LocalDate).annotate({ description: "Customer birthdate YYYY-MM-DD (nullable, updatable)" })
  ),
  house_account_limit: Schema.optionalKey(
    Schema.NullOr(Schema.Int).annotate({
      description:
        "House account limit (nullable). Returned with the customers.accounts.read scope, updatable with " +
        "customers.accounts.write"
    })
  ),
  house_account_balance: Schema.optionalKey(
    Schema.NullOr(Schema.Finite).annotate({
      description:
        "House account balance (nullable, read-only). Returned with the customers.accounts.read scope"
    })
  ),
  loyalty_balance: Schema.optionalKey(
    Schema.NullOr(Schema.Finite).annotate({
      description: "Loyalty balance (nullable, read-only). Returned with the customers.loyalty.read scope"
    })
  ),
  is_loyalty_enabled: Schema.optionalKey(
    Flag.annotate({
      description:
        "Whether loyalty is enabled for the customer (updatable with the customers.loyalty.write scope)"
    })
  ),
  is_blacklisted: Schema.optionalKey(
    Flag.annotate({ description: "Whether the customer is blacklisted (updatable)" })
  ),
  is_house_account_enabled: Schema.optionalKey(
    Flag.annotate({
      description:
        "Whether the house account is enabled for the customer (updatable with the customers.accounts.write scope)"
    })
  ),
  notes: Schema.optionalKey(
    Schema.NullOr(Schema.String).annotate({ description: "Notes about the customer (third-party; nullable)" })
  ),
  tags: Schema.optionalKey(
    Schema.Array(Tag).annotate({
      description: "The Tag objects attached to the customer (updatable, includable)"
    })
  ),
  addresses: Schema.optionalKey(
    Schema.Array(Address).annotate({
      description: "The Customer Address objects of the customer (includable; read-only here)"
    })
  ),
  last_order_at: Schema.optionalKey(
    Schema.NullOr(DateTime).annotate({
      description: "Time of the customer's last order, YYYY-MM-DD HH:MM:SS in UTC (nullable, read-only)"
    })
  ),
  order_count: Schema.optionalKey(
    Schema.NullOr(Schema.Int).annotate({
      description: "Count of the customer's orders (nullable, read-only)"
    })
  ),
  created_at: Schema.optionalKey(
    DateTime.annotate({ description: "Time the customer was created, in UTC (read-only, sortable)" })
  ),
  updated_at: Schema.optionalKey(
    DateTime.annotate({ description: "Time the customer was last updated, in UTC (read-only, sortable)" })
  ),
  deleted_at: Schema.optionalKey(
    Schema.NullOr(DateTime).annotate({
      description: "Time the customer was deleted, in UTC; null unless deleted (read-only)"
    })
  )
}).annotate({ identifier: "FoodicsCustomer", description: "A Foodics customer (REST v5 /customers)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The fields Foodics sets itself (not "updatable" in the seed's table): a create or update
 * body leaves them out. The seed's create example sends `house_account_balance`, and its answer
 * shows the balance unchanged: it is not written.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = [
  "id",
  "house_account_balance",
  "loyalty_balance",
  "addresses",
  "last_order_at",
  "order_count",
  "created_at",
  "updated_at",
  "deleted_at"
]
