/**
 * What the customers stream carries of the canonical customer (`FieldSupport`), read off the
 * default mappings: a canonical customer written through `customer.from-canonical` and read
 * back through `customer.to-canonical`.
 */
import type { FieldSupport } from "@mapwright/core"

export const customerFields: FieldSupport.Declaration = {
  email: "full",
  firstName: {
    level: "lossy",
    note: "one field (b_fname) with the billing address's first name; the billing name wins when they differ"
  },
  lastName: {
    level: "lossy",
    note: "one field (b_lname) with the billing address's last name; the billing name wins when they differ"
  },
  company: {
    level: "lossy",
    note: "one field (b_company) with the billing address's company; the billing company wins when they differ"
  },
  phone: "full",
  phones: {
    level: "lossy",
    note: "only the main phone is written (phone_day), read back as kind day; phone_night is read, never written"
  },
  gender: "none",
  birthDate: "none",
  isGuest: { level: "lossy", note: "the API has no guests: a guest written becomes a customer account" },
  active: { level: "full", note: "as inactive 0/1; an unknown (null) value reads back as active" },
  blocked: "none",
  canLogin: "none",
  groups: {
    level: "lossy",
    note: "memberships by group code (group_code): the id reads back as the code, the name only with joinUserGroups"
  },
  tags: "none",
  billing: {
    level: "lossy",
    note: "b_* fields: the id is not kept, the phone and email read back as the customer's, the names fall back to the customer's"
  },
  shipping: {
    level: "lossy",
    note: "the shipping fields: the id, phone and email are not kept; when all are blank the billing address is read as shipping"
  },
  addresses: { level: "none", note: "only the billing and shipping addresses on the customer" },
  marketing: {
    level: "lossy",
    note: "emailOptIn only, as no_email; smsOptIn is not kept"
  },
  discountPercent: { level: "lossy", note: "whole percents only (discount); a fraction is refused on read" },
  orderCount: "none",
  lastOrderAt: "none",
  createdAt: "none",
  updatedAt: "none",
  lastLoginAt: "none",
  deletedAt: "none"
}
