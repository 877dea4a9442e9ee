/**
 * What the customers stream carries of the canonical customer (`FieldSupport`), read off the
 * default mappings: a canonical customer written through `customer.from-canonical` (create)
 * and read back through `customer.to-canonical` (list).
 */
import type { FieldSupport } from "@mapwright/core"

export const customerFields: FieldSupport.Declaration = {
  email: "full",
  firstName: {
    level: "lossy",
    note: 'one name field: written "firstName lastName", read back as its first word ("Mary Jane" + "Watson" comes back "Mary" + "Jane Watson")'
  },
  lastName: {
    level: "lossy",
    note: "one name field: read back as every word after the first (a one-word name has no last name)"
  },
  company: "none",
  phone: {
    level: "full",
    note: "split into dial_code and the national number, joined back to E.164"
  },
  phones: { level: "lossy", note: "one phone only, the main phone, read back as kind primary" },
  gender: { level: "lossy", note: "codes 1 (male) and 2 (female) only: other is not written" },
  birthDate: "full",
  isGuest: { level: "lossy", note: "Foodics has no guests: a customer written is read back registered" },
  active: { level: "none", note: "Foodics has no active flag; deletion (deleted_at) is separate" },
  blocked: { level: "full", note: "is_blacklisted" },
  canLogin: "none",
  groups: { level: "none", note: "the seed documents no customer groups; tags are separate" },
  tags: {
    level: "lossy",
    note: "Foodics refers to tags by id ([{id}]): written only for customers read from Foodics (another system's tags are names, not Foodics tag ids); duplicates are kept once"
  },
  billing: "none",
  shipping: "none",
  addresses: {
    level: "none",
    note: "read only: the customer's delivery addresses (with their delivery zones in extra.foodics) are read, but the customer endpoints do not write them"
  },
  marketing: "none",
  discountPercent: "none",
  orderCount: { level: "lossy", note: "read only: counted by Foodics" },
  lastOrderAt: { level: "lossy", note: "read only: set by Foodics when the customer orders" },
  createdAt: { level: "lossy", note: "set by Foodics when the customer is created" },
  updatedAt: { level: "lossy", note: "set by Foodics on every change" },
  lastLoginAt: "none",
  deletedAt: {
    level: "lossy",
    note: "read only: set by DELETE /customers/{id} and cleared by the restore endpoint"
  }
}
