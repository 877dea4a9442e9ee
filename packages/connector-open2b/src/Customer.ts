/**
 * The Open2b customer (`commerce.customers.*`, seed 002), in its JSON form: the fields of the
 * seed's `customers.find` / `customers.get` answers and of the `customer` object that
 * `customers.create` and `customers.update` take, each with the seed's description and range.
 *
 * The same schema describes what the API returns and what a write takes, so every key is
 * optional: a read asks for the fields it wants (`fields`), a create leaves out what Open2b sets
 * itself (`id`, `hasPassword`, `encryptedPassword`, `updateTime`, `fullName`, `cart`), and an
 * update changes only the fields it sends.
 *
 * Two groups of keys are not Open2b fields:
 * - `password` is what `create` and `update` take (`{ value, cryptedBy }`); Open2b never returns
 *   it. Like `encryptedPassword` it is a secret (`writeOnly`).
 * - `creationTimeUtc`, `loginTimeUtc` and `updateTimeUtc` are added by the connector: Open2b
 *   writes its times in shop time without an offset (`2009-05-21 16:49:13`), so on every read
 *   the connector adds each one as a UTC instant, computed with its `timeZone` setting, and on
 *   every write it turns a `…Utc` value back into shop time. The default mappings read and write
 *   only these. `mapwright decode` has no config and reads the shop times as UTC.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const described = <S extends Schema.Top>(schema: S, description: string) =>
  Schema.optionalKey(schema.annotate({ description }))

const text = (min: number, max: number, description: string) =>
  described(
    min === 0
      ? Schema.String.check(Schema.isMaxLength(max))
      : Schema.String.check(Schema.isMinLength(min), Schema.isMaxLength(max)),
    `${description} - string(${min}…${max})`
  )

/**
 * An Open2b datetime, `YYYY-MM-DD HH:MM:SS`, in shop time (no offset).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTime = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u, {
    expected: "an Open2b datetime such as 2009-05-21 16:49:13 (shop time, no offset)"
  })
).annotate({ identifier: "Open2bDateTime" })

/**
 * An instant with its offset, as the connector writes the `…Utc` fields
 * (`2009-05-21T14:49:13Z`); on writes any ISO 8601 instant with an offset, fractions of a second
 * included (they are dropped: Open2b keeps seconds).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UtcInstant = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/u, {
    expected: "an ISO 8601 instant with an offset, such as 2009-05-21T14:49:13Z"
  })
).annotate({ identifier: "Open2bUtcInstant" })

/**
 * The applications whose crypted passwords Open2b takes (`password.cryptedBy`); `"None"` (or no
 * `cryptedBy` at all) says the value is in clear.
 *
 * @since 0.1.0
 * @category constants
 */
export const cryptedByApplications = ["Open2b", "osCommerce", "ZenCart", "CRELoaded"] as const

/**
 * The password of a write: in clear (`cryptedBy` left out, `null` or `"None"`), 6 to 16
 * characters; or crypted by one of {@link cryptedByApplications}, as that application stores it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Password = Schema.Struct({
  value: Schema.String.check(Schema.isMinLength(6), Schema.isMaxLength(50)).annotate({
    description: "value - string(6…50): the password in clear (6 to 16 characters), or as crypted"
  }),
  cryptedBy: Schema.optionalKey(
    Schema.NullOr(Schema.Literals(["None", ...cryptedByApplications])).annotate({
      description:
        "application witch has crypted the password (can be null): Open2b, osCommerce, ZenCart or " +
        "CRELoaded; None, null or left out for a password in clear"
    })
  )
}).annotate({ identifier: "Open2bPassword", description: "A password to set (write-only)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Password = typeof Password.Type

/**
 * The billing address; every customer has one (on create it is required, with `firstName`,
 * `lastName`, `street1`, `city`, `postalCode`, `country` and `email`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BillingAddress = Schema.Struct({
  firstName: text(1, 25, "first name (required)"),
  lastName: text(1, 25, "last name (required)"),
  personalCode: text(0, 20, "personal code"),
  companyName: text(0, 100, "company name"),
  companyCode: text(0, 20, "company code number"),
  companyCode2: text(0, 20, "second company code number"),
  street1: text(1, 60, "street, first row (required)"),
  street2: text(0, 60, "street, second row"),
  city: text(1, 25, "city (required)"),
  postalCode: text(1, 20, "postal code (required)"),
  stateProv: text(0, 3, "state, province or county"),
  country: described(
    Schema.String.check(
      Schema.isPattern(/^[A-Z]{2}$/u, { expected: "an ISO 3166-1 alpha-2 country code such as GB" })
    ),
    "country (ISO code) (required) - string(2)"
  ),
  phoneNumber: text(0, 15, "phone number"),
  mobileNumber: text(0, 15, "mobile number"),
  faxNumber: text(0, 15, "fax number"),
  email: text(3, 120, "email address (required)")
}).annotate({ identifier: "Open2bBillingAddress", description: "billing address" })

/**
 * @since 0.1.0
 * @category models
 */
export type BillingAddress = typeof BillingAddress.Type

/**
 * The shipping address: one recipient `name`, no company, phone or email.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ShippingAddress = Schema.Struct({
  name: text(1, 100, "recipient name (required)"),
  street1: text(1, 60, "street, first row (required)"),
  street2: text(0, 60, "street, second row"),
  city: text(1, 25, "city (required)"),
  postalCode: text(1, 20, "postal code (required)"),
  stateProv: text(0, 3, "province, state or county"),
  country: described(
    Schema.String.check(
      Schema.isPattern(/^[A-Z]{2}$/u, { expected: "an ISO 3166-1 alpha-2 country code such as GB" })
    ),
    "country (ISO code) (required) - string(2)"
  )
}).annotate({ identifier: "Open2bShippingAddress", description: "shipping address" })

/**
 * @since 0.1.0
 * @category models
 */
export type ShippingAddress = typeof ShippingAddress.Type

const positive = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: described(positive, "identifier (read-only) - int(1…)"),
  code: text(0, 32, "code, unique when present"),
  canLogin: described(Schema.Boolean, "indicates if she can login on site (true needs a password) - bool"),
  hasPassword: described(Schema.Boolean, "indicates if she has a password (read-only) - bool"),
  encryptedPassword: described(
    Schema.NullOr(Schema.String).annotate({ writeOnly: true }),
    "encrypted password (read-only; a secret; read only with the stream option readPasswordHashes) - string(45)"
  ),
  password: described(
    Schema.NullOr(Password).annotate({ writeOnly: true }),
    "password to set on create or update (write-only; a secret; never returned)"
  ),
  creationTime: described(DateTime, "creation time, shop time - datetime"),
  loginTime: described(Schema.NullOr(DateTime), "last login time, shop time (can be null) - datetime"),
  updateTime: described(DateTime, "last update time, shop time (read-only) - datetime"),
  creationTimeUtc: described(
    UtcInstant,
    "creationTime as a UTC instant: added by the connector from its timeZone setting (not an Open2b field)"
  ),
  loginTimeUtc: described(
    Schema.NullOr(UtcInstant),
    "loginTime as a UTC instant: added by the connector from its timeZone setting (not an Open2b field)"
  ),
  updateTimeUtc: described(
    UtcInstant,
    "updateTime as a UTC instant: added by the connector from its timeZone setting (not an Open2b field; read-only)"
  ),
  group: described(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 255 })),
    "associated customer group (id) - int(1…255)"
  ),
  wishList: described(Schema.Array(positive), "products (id) in the customer's wish list - int(1…)"),
  cart: described(
    Schema.NullOr(positive),
    "identifier of the saved cart (can be null; written by update only) - int(1…)"
  ),
  invoiceRecipient: text(0, 256, "electronic invoice recipient code or PEC email address"),
  fullName: text(1, 100, "Company name or first and last name (read-only)"),
  billingAddress: described(BillingAddress, "billing address"),
  shippingAddress: described(Schema.NullOr(ShippingAddress), "shipping address (can be null)")
}).annotate({
  identifier: "Open2bCustomer",
  description: "An Open2b customer (commerce.customers, seed 002)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The fields a read asks Open2b for (`fields`): every Open2b field of the record schema but the
 * password hash (asked for only with the stream option `readPasswordHashes`) and `password`
 * (write-only).
 *
 * @since 0.1.0
 * @category constants
 */
export const readFields: ReadonlyArray<string> = [
  "id",
  "code",
  "canLogin",
  "hasPassword",
  "creationTime",
  "loginTime",
  "updateTime",
  "group",
  "wishList",
  "cart",
  "invoiceRecipient",
  "fullName",
  "billingAddress",
  "shippingAddress"
]

/**
 * The fields `customers.create` takes (the seed's request); `customers.update` takes these and
 * `cart`.
 *
 * @since 0.1.0
 * @category constants
 */
export const createFields: ReadonlyArray<string> = [
  "code",
  "canLogin",
  "password",
  "creationTime",
  "loginTime",
  "group",
  "wishList",
  "invoiceRecipient",
  "billingAddress",
  "shippingAddress"
]

/**
 * The fields `customers.update` takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const updateFields: ReadonlyArray<string> = [...createFields, "cart"]

/**
 * The shop-time fields and the UTC twins the connector adds beside them.
 *
 * @since 0.1.0
 * @category constants
 */
export const timeFields = [
  { local: "creationTime", utc: "creationTimeUtc" },
  { local: "loginTime", utc: "loginTimeUtc" },
  { local: "updateTime", utc: "updateTimeUtc" }
] as const
