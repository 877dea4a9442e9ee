/**
 * What the customers stream carries of the canonical customer (`FieldSupport`), read off the
 * default mappings: a canonical customer written through `customer.from-canonical` (and
 * `POST /V1/customers`) and read back through `customer.to-canonical`.
 */
import type { FieldSupport } from "@mapwright/core"

export const customerFields: FieldSupport.Declaration = {
  email: "full",
  firstName: { level: "full", note: "required by Magento: a customer without one is rejected" },
  lastName: { level: "full", note: "required by Magento: a customer without one is rejected" },
  company: {
    level: "lossy",
    note: "Magento keeps a company only on addresses: read from and written to the billing address, whose company wins"
  },
  phone: {
    level: "lossy",
    note: "Magento keeps phones only on addresses: read from and written to the billing telephone, which wins"
  },
  phones: { level: "lossy", note: "one phone only, the billing telephone, read back as kind primary" },
  gender: {
    level: "lossy",
    note: "male and female through the gender options' labels; other has no option (Not Specified reads as null)"
  },
  birthDate: "full",
  isGuest: {
    level: "lossy",
    note: "a customer written becomes registered; guests are read from guest orders (includeGuests)"
  },
  active: "none",
  blocked: "none",
  canLogin: "none",
  groups: {
    level: "lossy",
    note: "one group (the first), written by code, which must exist (or createMissingGroups); its id is the target's"
  },
  tags: "none",
  billing: {
    level: "lossy",
    note: "the default billing address: the id is Magento's, line2 and line3 share the second street line, the region is written as text (no region id), no email; names, company and phone fall back to the customer's; not written without street, city, postcode, country and a phone, which Magento requires"
  },
  shipping: {
    level: "lossy",
    note: "the default shipping address: the id is Magento's, line2 and line3 share the second street line, the region is written as text (no region id), no email; names and phone fall back to the customer's; not written without street, city, postcode, country and a phone"
  },
  addresses: {
    level: "lossy",
    note: "the address book also lists the default billing and shipping addresses; ids are Magento's; line2 and line3 share a street line; an address without street, city, postcode, country and a phone is not written"
  },
  marketing: {
    level: "lossy",
    note: "emailOptIn as the newsletter subscription (is_subscribed); smsOptIn is not kept"
  },
  discountPercent: "none",
  orderCount: "none",
  lastOrderAt: "none",
  createdAt: { level: "lossy", note: "set by Magento when the customer is created" },
  updatedAt: { level: "lossy", note: "set by Magento on every change" },
  lastLoginAt: "none",
  deletedAt: "none"
}
