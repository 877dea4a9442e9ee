/**
 * The Shopify customer, in the shape of the GraphQL Admin API's `Customer` object (API version
 * 2025-04 or later) as the connector queries it: the record the customers stream reads, the
 * record its writes take, and what `decode` makes of every customer body it accepts (GraphQL
 * responses, and the REST shapes of Shopify's `customers/create` and `customers/update`
 * webhooks, normalised by the `Rest` module).
 *
 * - The key is `id`, the customer's GID (`gid://shopify/Customer/207119551`); the numeric id
 *   is `legacyResourceId`.
 * - The email is `defaultEmailAddress.emailAddress` and the phone
 *   `defaultPhoneNumber.phoneNumber` (E.164), each with its marketing state: since 2025-04 these
 *   replace the deprecated `email`, `phone`, `emailMarketingConsent` and `smsMarketingConsent`.
 * - Times are ISO 8601 instants in UTC (`2024-04-02T14:17:48Z`).
 * - `numberOfOrders` is an `UnsignedInt64`, which GraphQL sends as a string.
 *
 * With the customers stream's `includeGuests` option, the guests of orders without a customer
 * come in this shape too: `id` is then the guest's key (the lower-cased order email, else the
 * order's GID) and `guestOrder` names the order (see {@link GuestOrder}).
 *
 * Every field is an optional key, so that a create body (no `id`, no times) fits as well.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const optional = <S extends Schema.Top>(schema: S, description: string) =>
  Schema.optionalKey(schema.annotate({ description }))

const nullableText = (description: string) => optional(Schema.NullOr(Schema.String), description)

/**
 * A string that matches `pattern`: checked by Effect Schema and written to JSON Schema (which
 * the pipeline's record validator is compiled from).
 *
 * @since 0.1.0
 * @category constructors
 */
export const Pattern = (pattern: RegExp, expected: string) =>
  Schema.String.check(
    Schema.makeFilter((s: string) => pattern.test(s), {
      expected,
      toJsonSchema: () => ({ pattern: pattern.source })
    })
  )

/**
 * A GraphQL `DateTime`: an ISO 8601 instant with seconds and a zone (Shopify sends UTC, `Z`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTime = Pattern(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  "an ISO 8601 instant such as 2024-04-02T14:17:48Z"
)

/**
 * A GraphQL `Decimal` (money amounts): a decimal number as a string, `"199.65"`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Decimal = Pattern(/^-?\d+(\.\d+)?$/, 'a decimal string such as "199.65"')

/**
 * A GraphQL `UnsignedInt64`, sent as a string of digits.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnsignedInt64 = Pattern(/^\d{1,20}$/, 'an unsigned integer as a string, such as "3"')

/**
 * The GID pattern of a resource type: `gid://shopify/Customer/207119551`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const gidPattern = (type: string): RegExp => new RegExp(`^gid://shopify/${type}/\\d{1,20}(\\?.*)?$`)

/**
 * The states of a customer account.
 *
 * @since 0.1.0
 * @category constants
 */
export const states = ["DECLINED", "DISABLED", "ENABLED", "INVITED"] as const

/**
 * The marketing states of an email address (`CustomerEmailAddressMarketingState`).
 *
 * @since 0.1.0
 * @category constants
 */
export const emailMarketingStates = [
  "INVALID",
  "NOT_SUBSCRIBED",
  "PENDING",
  "REDACTED",
  "SUBSCRIBED",
  "UNSUBSCRIBED"
] as const

/**
 * The marketing states of a phone number (`CustomerSmsMarketingState`).
 *
 * @since 0.1.0
 * @category constants
 */
export const smsMarketingStates = [
  "NOT_SUBSCRIBED",
  "PENDING",
  "REDACTED",
  "SUBSCRIBED",
  "UNSUBSCRIBED"
] as const

/**
 * A `MailingAddress`: an entry of a customer's address book, or an order's billing or shipping
 * address. On a customer its `id` is `gid://shopify/MailingAddress/<n>?model_name=CustomerAddress`;
 * order addresses have none. `countryCodeV2` is the ISO 3166-1 alpha-2 code, `country` the
 * country's name; `provinceCode` the region's code, `province` its name.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MailingAddress = Schema.Struct({
  id: optional(
    Pattern(
      gidPattern("MailingAddress"),
      "a MailingAddress GID such as gid://shopify/MailingAddress/1?model_name=CustomerAddress"
    ),
    "The address's GID (read-only; customer addresses only)"
  ),
  firstName: nullableText("First name"),
  lastName: nullableText("Last name"),
  name: nullableText("First and last name, as Shopify joins them (read-only)"),
  company: nullableText("Company"),
  address1: nullableText("First street line"),
  address2: nullableText("Second street line"),
  city: nullableText("City"),
  province: nullableText("Region (state, province) name (read-only; written through provinceCode)"),
  provinceCode: nullableText("Region (state, province) code, e.g. KY"),
  country: nullableText("Country name (read-only; written through countryCodeV2)"),
  countryCodeV2: nullableText("ISO 3166-1 alpha-2 country code, e.g. US"),
  zip: nullableText("Postal or ZIP code"),
  phone: nullableText("Phone number at this address (free text)")
}).annotate({ identifier: "ShopifyMailingAddress", description: "A Shopify MailingAddress" })

/**
 * @since 0.1.0
 * @category models
 */
export type MailingAddress = typeof MailingAddress.Type

/**
 * The customer's email address and its marketing state.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EmailAddress = Schema.Struct({
  emailAddress: nullableText("The customer's email address (unique in the shop)"),
  marketingState: optional(
    Schema.Literals(emailMarketingStates),
    "Email marketing: SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, PENDING, REDACTED or INVALID"
  )
}).annotate({ identifier: "ShopifyCustomerEmailAddress", description: "A customer's email address" })

/**
 * The customer's phone number (E.164) and its SMS marketing state.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PhoneNumber = Schema.Struct({
  phoneNumber: nullableText("The customer's phone number, E.164 (unique in the shop)"),
  marketingState: optional(
    Schema.Literals(smsMarketingStates),
    "SMS marketing: SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, PENDING or REDACTED"
  )
}).annotate({ identifier: "ShopifyCustomerPhoneNumber", description: "A customer's phone number" })

/**
 * A money amount in the shop's currency.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Money = Schema.Struct({
  amount: Decimal.annotate({ description: "The amount, a decimal string" }),
  currencyCode: Schema.String.annotate({ description: "ISO 4217 currency code" })
}).annotate({ identifier: "ShopifyMoney", description: "A money amount" })

/**
 * The order a guest record of the `includeGuests` option comes from. Not a Shopify field: the
 * connector sets it on guest records only.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GuestOrder = Schema.Struct({
  id: Schema.String.annotate({ description: "The order's GID" }),
  name: nullableText("The order's name, e.g. #1002")
}).annotate({
  identifier: "ShopifyGuestOrder",
  description: "The order a guest was found in (set by the connector, on guest records only)"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: optional(
    Schema.String.check(Schema.isMinLength(1)),
    "The customer's GID, gid://shopify/Customer/<n> (read-only); for a guest record of includeGuests, " +
      "its key: the lower-cased order email, else the order's GID"
  ),
  legacyResourceId: optional(UnsignedInt64, "The customer's numeric id, as a string (read-only)"),
  firstName: nullableText("First name"),
  lastName: nullableText("Last name"),
  defaultEmailAddress: optional(Schema.NullOr(EmailAddress), "The email address and its marketing state"),
  defaultPhoneNumber: optional(Schema.NullOr(PhoneNumber), "The phone number and its SMS marketing state"),
  state: optional(
    Schema.Literals(states),
    "The account's state: ENABLED (an account), INVITED, DECLINED or DISABLED (no account) (read-only)"
  ),
  verifiedEmail: optional(Schema.Boolean, "Whether the email address is verified (read-only)"),
  taxExempt: optional(Schema.Boolean, "Whether the customer is exempt from taxes"),
  tags: optional(Schema.Array(Schema.String), "Tags (Shopify trims, de-duplicates and sorts them)"),
  note: nullableText("A note about the customer"),
  locale: nullableText("The customer's locale, e.g. en"),
  numberOfOrders: optional(UnsignedInt64, "How many orders the customer placed (read-only)"),
  amountSpent: optional(Money, "What the customer spent in all (read-only)"),
  lastOrder: optional(
    Schema.NullOr(
      Schema.Struct({
        id: Schema.String.annotate({ description: "The order's GID" }),
        name: nullableText("The order's name, e.g. #1001"),
        createdAt: optional(DateTime, "When the order was placed")
      })
    ),
    "The customer's last order (read-only)"
  ),
  createdAt: optional(DateTime, "When the customer was created, UTC (read-only)"),
  updatedAt: optional(DateTime, "When the customer was last changed, UTC (read-only)"),
  defaultAddress: optional(
    Schema.NullOr(MailingAddress),
    "The default address; a write puts it first in the address book, which makes it the default"
  ),
  addresses: optional(Schema.Array(MailingAddress), "The address book"),
  guestOrder: optional(GuestOrder, "Set by the connector on the guest records of includeGuests only")
}).annotate({
  identifier: "ShopifyCustomer",
  description: "A Shopify customer (GraphQL Admin API Customer), or a guest found in orders"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The fields Shopify sets itself: a write leaves them out.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = [
  "id",
  "legacyResourceId",
  "state",
  "verifiedEmail",
  "numberOfOrders",
  "amountSpent",
  "lastOrder",
  "createdAt",
  "updatedAt",
  "guestOrder"
]
