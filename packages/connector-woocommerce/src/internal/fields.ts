/**
 * What the customers stream carries of the canonical customer (`FieldSupport`), read off the
 * default mappings: a canonical customer written through `customer.from-canonical` and read
 * back through `customer.to-canonical`.
 */
import type { FieldSupport } from "@mapwright/core"

export const customerFields: FieldSupport.Declaration = {
  email: "full",
  firstName: "full",
  lastName: "full",
  company: {
    level: "lossy",
    note: "kept as the billing address's company; the billing company wins when they differ"
  },
  phone: {
    level: "lossy",
    note: "kept as the billing phone (free text, read as E.164); the billing phone wins when they differ"
  },
  phones: { level: "lossy", note: "one phone only, the billing phone, read back as kind primary" },
  gender: "none",
  birthDate: "none",
  isGuest: {
    level: "lossy",
    note: "a customer written becomes registered; guests are read from guest orders (includeGuests)"
  },
  active: "none",
  blocked: "none",
  canLogin: "none",
  groups: "none",
  tags: "none",
  billing: {
    level: "lossy",
    note: "line2 and line3 joined into address_2; the id is not kept; email and phone fall back to the customer's"
  },
  shipping: {
    level: "lossy",
    note: "line2 and line3 joined into address_2; the id and email are not kept"
  },
  addresses: { level: "none", note: "only the billing and shipping addresses on the customer" },
  marketing: "none",
  discountPercent: "none",
  orderCount: "none",
  lastOrderAt: "none",
  createdAt: { level: "lossy", note: "set by WooCommerce when the customer is created" },
  updatedAt: { level: "lossy", note: "set by WooCommerce on every change" },
  lastLoginAt: "none",
  deletedAt: "none"
}
