/**
 * The PrestaShop address (`/api/addresses`), in its JSON form: the fields of the webservice's
 * address resource, every leaf a string. The customers stream joins each customer's addresses
 * to it; the orders stream joins an order's invoice and delivery addresses.
 *
 * PrestaShop keeps the country as an id (`id_country`); the connector adds `country_iso_code`,
 * resolved through `/api/countries` (fetched once per read). A write may give either: an
 * address without `id_country` has it resolved from `country_iso_code`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { dateTime, flag, id, text } from "./internal/leaves.ts"

/**
 * @since 0.1.0
 * @category schemas
 */
export const Address = Schema.Struct({
  id: id("The address id (read-only)"),
  id_customer: id("The customer the address belongs to"),
  id_manufacturer: id("The brand the address belongs to (0 for a customer's address)"),
  id_supplier: id("The supplier the address belongs to (0 for a customer's address)"),
  id_warehouse: id("The warehouse the address belongs to (0 for a customer's address)"),
  id_country: id("The country (an id of /api/countries; required)"),
  id_state: id("The state (an id of /api/states; 0 for none)"),
  alias: text("The name the customer gave the address, e.g. My address (required, 32 characters)"),
  company: text("Company name"),
  lastname: text("Last name (required)"),
  firstname: text("First name (required)"),
  vat_number: text("VAT number"),
  address1: text("Street address (required, 128 characters)"),
  address2: text("Second address line"),
  postcode: text("Postal code (12 characters)"),
  city: text("City (required, 64 characters)"),
  other: text("Other information"),
  phone: text("Phone (32 characters)"),
  phone_mobile: text("Mobile phone (32 characters)"),
  dni: text("Identification number (DNI, NIF, ...)"),
  deleted: flag("1 when the address was deleted (PrestaShop keeps it for the orders that use it)"),
  date_add: dateTime("When the address was created, shop-local (read-only)"),
  date_upd: dateTime("When the address was last changed, shop-local (read-only)"),
  country_iso_code: text(
    "The country's ISO 3166-1 alpha-2 code, resolved by the connector from id_country (not a PrestaShop field)"
  )
}).annotate({
  identifier: "PrestaShopAddress",
  description: "A PrestaShop address (webservice /api/addresses)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Address = typeof Address.Type

/**
 * The element order of an address in the webservice's XML (its blank schema).
 *
 * @since 0.1.0
 * @category constants
 */
export const fields: ReadonlyArray<string> = [
  "id",
  "id_customer",
  "id_manufacturer",
  "id_supplier",
  "id_warehouse",
  "id_country",
  "id_state",
  "alias",
  "company",
  "lastname",
  "firstname",
  "vat_number",
  "address1",
  "address2",
  "postcode",
  "city",
  "other",
  "phone",
  "phone_mobile",
  "dni",
  "deleted",
  "date_add",
  "date_upd"
]

/**
 * The fields the connector adds on read; they are never sent.
 *
 * @since 0.1.0
 * @category constants
 */
export const joinedFields: ReadonlyArray<string> = ["country_iso_code"]
