/**
 * The Customer record of the XML ResultSet API (seed 001), in its JSON form: the XML
 * `<Customer>` element read with every leaf as a string (`0800` stays `"0800"`), an empty
 * element as `""`, a missing one absent, and the joined `<UserCustomerGroup>` children always
 * an array, even when there is only one.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { UserGroup } from "./UserGroup.ts"

const leaf = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

/**
 * A `<UserCustomerGroup>` joined into a Customer (`/API/V3/Customer+UserCustomerGroups`): the
 * relationship between a customer and a UserGroup. With `Customer+(UserCustomerGroups+UserGroups)`
 * it holds the group itself as `UserGroup` (an array of one, like every joined resource).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserCustomerGroup = Schema.Struct({
  code: leaf("Primary key of the relationship record (auto-increment integer)"),
  username: leaf("The customer's username"),
  group_code: leaf("The code of the UserGroup the customer is in"),
  subscribed: leaf("Whether the customer is subscribed to this group's unsolicited communication"),
  custom_data1: leaf("Free field for third-party integrations"),
  custom_data2: leaf("Free field for third-party integrations"),
  custom_data3: leaf("Free field for third-party integrations"),
  custom_data4: leaf("Free field for third-party integrations"),
  UserGroup: Schema.optionalKey(
    Schema.Array(UserGroup).annotate({
      description:
        "The joined UserGroup (`Customer+(UserCustomerGroups+UserGroups)`); always an array when present"
    })
  )
}).annotate({ identifier: "UserCustomerGroup", description: "A customer's membership of a UserGroup" })

/**
 * @since 0.1.0
 * @category models
 */
export type UserCustomerGroup = typeof UserCustomerGroup.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const Customer = Schema.Struct({
  username: leaf("Primary key of the customer"),
  password: Schema.optionalKey(
    Schema.String.annotate({
      description: "Password hash (plain text on create; hashed on store). A secret: redacted in rejects",
      writeOnly: true
    })
  ),
  email: leaf("Email address"),
  phone_day: leaf("Main phone number"),
  phone_night: leaf("Alternative phone number"),
  b_company: leaf("Billing company name"),
  b_fname: leaf("Billing first name"),
  b_lname: leaf("Billing last name"),
  b_address1: leaf("Billing address line 1"),
  b_address2: leaf("Billing address line 2"),
  b_address3: leaf("Billing address line 3"),
  b_city: leaf("Billing city"),
  b_state: leaf("Billing state"),
  b_zip: leaf("Billing postcode"),
  b_country: leaf("Billing country code"),
  company: leaf("Shipping company name (only if different from billing)"),
  fname: leaf("Shipping first name (only if different from billing)"),
  lname: leaf("Shipping last name (only if different from billing)"),
  address1: leaf("Shipping address line 1 (only if different from billing)"),
  address2: leaf("Shipping address line 2 (only if different from billing)"),
  address3: leaf("Shipping address line 3 (only if different from billing)"),
  city: leaf("Shipping city (only if different from billing)"),
  state: leaf("Shipping state (only if different from billing)"),
  zip: leaf("Shipping postcode (only if different from billing)"),
  country: leaf("Shipping country code (only if different from billing)"),
  inactive: leaf("Whether the customer is inactive"),
  discount: leaf("Ad hoc discount in whole percent (20 is 20%)"),
  no_email: leaf("Whether the customer unsubscribed from all unsolicited communication"),
  mv_shipmode: leaf("Preferred shipping mode (a Shipping resource code)"),
  custom_data1: leaf("Free field for third-party integrations"),
  custom_data2: leaf("Free field for third-party integrations"),
  custom_data3: leaf("Free field for third-party integrations"),
  custom_data4: leaf("Free field for third-party integrations"),
  UserCustomerGroup: Schema.optionalKey(
    Schema.Array(UserCustomerGroup).annotate({
      description: "Joined UserCustomerGroups; always an array when present"
    })
  )
}).annotate({ identifier: "Customer", description: "A customer of the XML ResultSet API, in its JSON form" })

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type
