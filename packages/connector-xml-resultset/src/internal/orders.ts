/**
 * The element order of each record kind when written: the record schema's field order.
 *
 * @internal
 */
import { Customer, UserCustomerGroup } from "../Customer.ts"
import { UserGroup } from "../UserGroup.ts"
import type * as Xml from "../Xml.ts"

export const userGroup: Xml.Order = { fields: Object.keys(UserGroup.fields) }

export const userCustomerGroup: Xml.Order = {
  fields: Object.keys(UserCustomerGroup.fields),
  children: { UserGroup: userGroup }
}

export const customer: Xml.Order = {
  fields: Object.keys(Customer.fields),
  children: { UserCustomerGroup: userCustomerGroup }
}

/** The order of each element that can be a child of `<ResultSet>`. */
export const byElement: Readonly<Record<string, Xml.Order>> = {
  Customer: customer,
  UserCustomerGroup: userCustomerGroup,
  UserGroup: userGroup
}
