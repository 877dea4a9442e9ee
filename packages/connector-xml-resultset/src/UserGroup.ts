/**
 * The UserGroup record of the XML ResultSet API (seed 001), in its JSON form: a customer group
 * (`POST /API/V3/UserGroups`), every leaf a string. Joined into a `<UserCustomerGroup>` with
 * `Customer+(UserCustomerGroups+UserGroups)`, it travels as a `<UserGroup>` element there.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const leaf = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const UserGroup = Schema.Struct({
  code: leaf("The customer group code (the key)"),
  title: leaf("Name / title of the group"),
  description: leaf("Group description"),
  subscribable: leaf("public: customers may opt in or out of this group; private: internal grouping only"),
  subscribe_text: leaf("For a public group, the text shown to invite customers to subscribe"),
  parent_code: leaf("The code of the parent UserGroup, when this is a sub-group")
}).annotate({
  identifier: "UserGroup",
  description: "A customer group of the XML ResultSet API, in its JSON form"
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserGroup = typeof UserGroup.Type
