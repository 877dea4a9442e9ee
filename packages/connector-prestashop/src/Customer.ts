/**
 * The PrestaShop customer (`/api/customers`), in its JSON form: the fields of the webservice's
 * customer resource (its blank schema, `?schema=blank`), every leaf a string as the XML
 * carries it, and `associations.groups`. JSON answers are brought to the same form (numbers
 * become their text, `null` becomes `""`), so a record is the same whichever format was read.
 *
 * A guest (a checkout without an account) is a customer row too, with `is_guest` `"1"`.
 *
 * The connector adds three fields on read, never sent back: `addresses` (the customer's
 * addresses, from `/api/addresses`, deleted ones left out, by id), and `date_add_utc` /
 * `date_upd_utc` (the shop-local `date_add` / `date_upd` in UTC, through the `timeZone`
 * setting). On write, `addresses` are written after the customer (see the README).
 *
 * `passwd` is a secret (`writeOnly`): PrestaShop returns its hash on read; a write hashes a new
 * value.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Address } from "./Address.ts"
import { date, dateTime, decimal, flag, id, int, matching, text } from "./internal/leaves.ts"

/**
 * A group a customer belongs to, in `associations.groups`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GroupRef = Schema.Struct({
  id: matching(/^\d{1,20}$/, "a group id (digits)").annotate({
    description: "The group id (an id of /api/groups)"
  })
}).annotate({ identifier: "PrestaShopGroupRef", description: "A group the customer belongs to" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Associations = Schema.Struct({
  groups: Schema.optionalKey(
    Schema.Array(GroupRef).annotate({
      description: "The groups the customer belongs to, the default one included"
    })
  )
}).annotate({ identifier: "PrestaShopCustomerAssociations", description: "The customer's associations" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: id("The customer id (read-only; a create body has none)"),
  id_default_group: id("The default group (an id of /api/groups)"),
  id_lang: id("The customer's language (an id of /api/languages)"),
  newsletter_date_add: dateTime("When the customer subscribed to the newsletter, shop-local"),
  ip_registration_newsletter: text("The IP address the newsletter subscription came from"),
  last_passwd_gen: dateTime("When the password was last set, shop-local (read-only)"),
  secure_key: text("The customer's secure key (read-only)"),
  deleted: flag("1 when the customer was deleted"),
  passwd: Schema.optionalKey(
    Schema.String.annotate({
      description: "The password: its hash on read; a new value on write (required on create; a secret)",
      writeOnly: true
    })
  ),
  lastname: text("Last name (required, 255 characters, no digits)"),
  firstname: text("First name (required, 255 characters, no digits)"),
  email: text("Email address (required by PrestaShop, 255 characters; absent from an id-only list item)"),
  id_gender: id("The title (an id of /api/genders: 1 Mr., 2 Mrs. in a stock shop; 0 for none)"),
  birthday: date("Date of birth (0000-00-00 when unknown)"),
  newsletter: flag("1 when subscribed to the newsletter"),
  optin: flag("1 when the customer accepts partners' offers"),
  website: text("Website (B2B)"),
  company: text("Company (B2B)"),
  siret: text("SIRET number (B2B)"),
  ape: text("APE code (B2B)"),
  outstanding_allow_amount: decimal("Allowed outstanding amount (B2B)"),
  show_public_prices: flag("1 to show public prices (B2B)"),
  id_risk: id("Risk rating (B2B)"),
  max_payment_days: int("Maximum number of payment days (B2B)"),
  active: flag("1 when the account is enabled"),
  note: text("Private note (HTML)"),
  is_guest: flag("1 for a guest: a customer from a checkout without an account"),
  id_shop: id("The shop the customer belongs to"),
  id_shop_group: id("The shop group the customer belongs to"),
  date_add: dateTime("When the customer was created, shop-local (read-only)"),
  date_upd: dateTime("When the customer was last changed, shop-local (read-only)"),
  reset_password_token: text("Password reset token (read-only)"),
  reset_password_validity: dateTime("Until when the password reset token is valid (read-only)"),
  associations: Schema.optionalKey(Associations),
  date_add_utc: dateTime(
    "date_add in UTC, computed by the connector through its timeZone setting (not a PrestaShop field)"
  ),
  date_upd_utc: dateTime(
    "date_upd in UTC, computed by the connector through its timeZone setting (not a PrestaShop field)"
  ),
  addresses: Schema.optionalKey(
    Schema.Array(Address).annotate({
      description:
        "The customer's addresses, joined by the connector from /api/addresses (deleted ones left out, by id; not a PrestaShop field)"
    })
  )
}).annotate({
  identifier: "PrestaShopCustomer",
  description: "A PrestaShop customer (webservice /api/customers)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The element order of a customer in the webservice's XML: its blank schema (`?schema=blank`,
 * as PrestaShop's docs print it), `associations` last.
 *
 * @since 0.1.0
 * @category constants
 */
export const fields: ReadonlyArray<string> = [
  "id",
  "id_default_group",
  "id_lang",
  "newsletter_date_add",
  "ip_registration_newsletter",
  "last_passwd_gen",
  "secure_key",
  "deleted",
  "passwd",
  "lastname",
  "firstname",
  "email",
  "id_gender",
  "birthday",
  "newsletter",
  "optin",
  "website",
  "company",
  "siret",
  "ape",
  "outstanding_allow_amount",
  "show_public_prices",
  "id_risk",
  "max_payment_days",
  "active",
  "note",
  "is_guest",
  "id_shop",
  "id_shop_group",
  "date_add",
  "date_upd",
  "reset_password_token",
  "reset_password_validity"
]

/**
 * The fields the connector adds on read; they are never sent as customer fields.
 *
 * @since 0.1.0
 * @category constants
 */
export const joinedFields: ReadonlyArray<string> = ["date_add_utc", "date_upd_utc", "addresses"]

/**
 * The fields PrestaShop sets itself: a create body leaves them out.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = [
  "id",
  "last_passwd_gen",
  "secure_key",
  "date_add",
  "date_upd",
  "reset_password_token",
  "reset_password_validity"
]

/**
 * The default groups of a stock shop (`PS_UNIDENTIFIED_GROUP`, `PS_GUEST_GROUP`,
 * `PS_CUSTOMER_GROUP`): a guest's default group is the guest group.
 *
 * @since 0.1.0
 * @category constants
 */
export const stockGroups = { visitor: "1", guest: "2", customer: "3" } as const
