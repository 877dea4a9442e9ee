/**
 * The Magento 2 customer (REST `/V1/customers`, `customer-data-customer-interface`) in its JSON
 * form, as the API returns it (snake_case) and as `POST /V1/customers` takes it, plus what the
 * connector adds on read and folds back on write, under `resolved`:
 *
 * - `resolved.billing_address` / `resolved.shipping_address`: the address-book entries whose
 *   ids are `default_billing` / `default_shipping` (what `GET /V1/customers/{id}/billingAddress`
 *   answers). On write, each is marked as the default of its kind in `addresses` (the entry
 *   with the same content, or a new one).
 * - `resolved.gender_label`: the label of the `gender` option, read from the gender attribute's
 *   metadata (`/V1/attributeMetadata/customer`): `Male`, `Female`, `Not Specified` in a
 *   standard install. On write, the label is turned back into this installation's option id.
 * - `resolved.group_code`: the code of the customer group `group_id`. On write, the code is
 *   turned back into the group's id.
 *
 * With the customers stream's `includeGuests` option, the guests of guest orders come in this
 * shape too: `id` is the guest's key (the lower-cased `customer_email` of the order, else the
 * order's id, as a string), `group_id` is 0 (NOT LOGGED IN) and the addresses are the order's.
 *
 * Times are `YYYY-MM-DD HH:MM:SS` in UTC; `dob` is a date `YYYY-MM-DD`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const text = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.String).annotate({ description }))

const int = (description: string) => Schema.optionalKey(Schema.Int.annotate({ description }))

/**
 * A Magento time: `YYYY-MM-DD HH:MM:SS`, in UTC.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTime = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u, {
    expected: "a Magento time such as 2017-12-05 09:50:11 (UTC)"
  })
).annotate({ identifier: "MagentoDateTime" })

/**
 * `extension_attributes`: the keys Magento's own modules add are typed; any other module's
 * keys are kept as they come.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExtensionAttributes = Schema.StructWithRest(
  Schema.Struct({
    is_subscribed: Schema.optionalKey(
      Schema.Boolean.annotate({ description: "Subscribed to the newsletter (Magento_Newsletter)" })
    ),
    assistance_allowed: Schema.optionalKey(
      Schema.Int.annotate({ description: "Login as Customer assistance: 1 allowed, 2 denied" })
    ),
    company_attributes: Schema.optionalKey(
      Schema.Unknown.annotate({ description: "B2B company membership (Adobe Commerce B2B)" })
    )
  }),
  [Schema.Record(Schema.String, Schema.Unknown)]
).annotate({ identifier: "MagentoExtensionAttributes", description: "Extension attributes" })

/**
 * A `custom_attributes` entry: an EAV attribute a module or the merchant added.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomAttribute = Schema.Struct({
  attribute_code: Schema.String.annotate({ description: "The attribute's code" }),
  value: Schema.Unknown.annotate({ description: "Its value (a string, or a list for multi-selects)" })
}).annotate({ identifier: "MagentoCustomAttribute", description: "A custom attribute value" })

/**
 * The `region` of an address. On input, Magento also accepts camelCase keys (`regionCode`);
 * the body codec reads them as snake_case.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Region = Schema.Struct({
  region_code: text("Region code, e.g. NY"),
  region: text("Region name, e.g. New York"),
  region_id: Schema.optionalKey(
    Schema.NullOr(Schema.Int).annotate({ description: "Region id (0 for a free-text region)" })
  )
}).annotate({ identifier: "MagentoRegion", description: "Region of an address" })

/**
 * An address-book entry (`customer-data-address-interface`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Address = Schema.Struct({
  id: int("Address id (read-only)"),
  customer_id: int("The customer's id (read-only)"),
  region: Schema.optionalKey(Region),
  region_id: Schema.optionalKey(Schema.NullOr(Schema.Int).annotate({ description: "Region id" })),
  country_id: text("Country, ISO 3166-1 alpha-2"),
  street: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({ description: "Street lines (2 by default, at most 4)" })
  ),
  company: text("Company"),
  telephone: text("Telephone (free text)"),
  fax: text("Fax"),
  postcode: text("Postcode"),
  city: text("City"),
  firstname: text("First name"),
  lastname: text("Last name"),
  middlename: text("Middle name or initial"),
  prefix: text("Name prefix"),
  suffix: text("Name suffix"),
  vat_id: text("VAT number"),
  default_shipping: Schema.optionalKey(
    Schema.Boolean.annotate({ description: "The customer's default shipping address" })
  ),
  default_billing: Schema.optionalKey(
    Schema.Boolean.annotate({ description: "The customer's default billing address" })
  ),
  extension_attributes: Schema.optionalKey(ExtensionAttributes),
  custom_attributes: Schema.optionalKey(Schema.Array(CustomAttribute))
}).annotate({ identifier: "MagentoAddress", description: "A customer address (address book entry)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Address = typeof Address.Type

/**
 * What the connector adds on read (and folds back into `addresses`, `gender` and `group_id`
 * on write).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Resolved = Schema.Struct({
  billing_address: Schema.optionalKey(
    Schema.NullOr(Address).annotate({
      description: "The default billing address: the entry of addresses whose id is default_billing"
    })
  ),
  shipping_address: Schema.optionalKey(
    Schema.NullOr(Address).annotate({
      description: "The default shipping address: the entry of addresses whose id is default_shipping"
    })
  ),
  gender_label: text("The label of the gender option (Male, Female, Not Specified in a standard install)"),
  group_code: text("The code of the customer group group_id")
}).annotate({
  identifier: "MagentoResolved",
  description: "Added by the connector: default addresses, gender label and group code (never sent as such)"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  id: Schema.optionalKey(
    Schema.Union([Schema.Int, Schema.String]).annotate({
      description:
        "Customer id (read-only). For a guest of the includeGuests option: its key, the lower-cased email of its order, else the order's id"
    })
  ),
  group_id: int("Customer group id (0 NOT LOGGED IN is the guests' group)"),
  default_billing: text("Id of the default billing address (read-only; set from the addresses' flags)"),
  default_shipping: text("Id of the default shipping address (read-only; set from the addresses' flags)"),
  confirmation: text("Confirmation key while the account awaits email confirmation"),
  created_at: Schema.optionalKey(DateTime.annotate({ description: "Created at, UTC (read-only)" })),
  updated_at: Schema.optionalKey(DateTime.annotate({ description: "Updated at, UTC (read-only)" })),
  created_in: text("The store view the account was created in"),
  dob: text("Date of birth, YYYY-MM-DD"),
  email: Schema.String.annotate({ description: "Email address (required)" }),
  firstname: text("First name (required on save)"),
  lastname: text("Last name (required on save)"),
  middlename: text("Middle name or initial"),
  prefix: text("Name prefix"),
  suffix: text("Name suffix"),
  gender: int("Gender: the id of an option of the gender attribute (see resolved.gender_label)"),
  store_id: int("Store view id"),
  taxvat: text("Tax/VAT number"),
  website_id: int("Website id"),
  addresses: Schema.optionalKey(Schema.Array(Address).annotate({ description: "Address book" })),
  disable_auto_group_change: int("1 when Magento must not change the group by VAT validation"),
  extension_attributes: Schema.optionalKey(ExtensionAttributes),
  custom_attributes: Schema.optionalKey(
    Schema.Array(CustomAttribute).annotate({ description: "Custom attributes" })
  ),
  password: Schema.optionalKey(
    Schema.String.annotate({
      description: "Password for a new account (write-only; sent beside the customer, a secret)",
      writeOnly: true
    })
  ),
  resolved: Schema.optionalKey(Resolved)
}).annotate({ identifier: "MagentoCustomer", description: "A Magento 2 customer (REST /V1)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * The group of guests, `Magento\Customer\Model\GroupManagement::NOT_LOGGED_IN_ID`.
 *
 * @since 0.1.0
 * @category constants
 */
export const notLoggedInGroupId = 0

/**
 * The fields Magento sets itself (and the connector's `resolved`): a create body leaves them
 * out.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = [
  "id",
  "created_at",
  "updated_at",
  "default_billing",
  "default_shipping",
  "confirmation",
  "resolved",
  "password"
]
