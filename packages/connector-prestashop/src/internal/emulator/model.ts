/**
 * The emulator's resources as PrestaShop defines them: each field with the rules its
 * `ObjectModel` definition gives (required, maximum size, the `Validate::is...` check), the
 * resources its ids point to (for `xlink:href`), multilingual fields and associations; for the
 * synopsis, each field's `format` (the `Validate::` method PrestaShop's definition names) and
 * whether it is read-only.
 */
import * as Address from "../../Address.ts"
import * as Customer from "../../Customer.ts"
import * as Group from "../../Group.ts"

export type Translation = { readonly id: string; readonly value: string }

/** A stored row: field → text (or translations, or associations). */
export type Row = Record<string, unknown> & { readonly id: number }

export type Check = (value: string) => boolean

export interface FieldDef {
  readonly name: string
  readonly required?: boolean
  readonly size?: number
  /** The `Validate::` rule, applied to a value that is not empty. */
  readonly validate?: Check
  /** The resource an id field points to. */
  readonly xlink?: string
  readonly multilingual?: boolean
  /** Set by the shop: a write's value is replaced (dates, keys). */
  readonly shop?: boolean
  /**
   * The `Validate::` method the synopsis names (`format="isEmail"`), as PrestaShop's class
   * defines it; `null` for none. Left out, it is the name of `validate`.
   */
  readonly format?: string | null
  /** Shown `readOnly="true"` in the synopsis (PrestaShop's `setter => null`). */
  readonly readOnly?: boolean
}

export interface ResourceDef {
  readonly name: string
  readonly element: string
  /** PrestaShop's class, for validation messages (`Property Customer->email is not valid`). */
  readonly className: string
  readonly fields: ReadonlyArray<FieldDef>
  /** Association name → item element and resource. */
  readonly associations: Readonly<Record<string, { readonly element: string; readonly resource: string }>>
  readonly writable: boolean
}

// Validate:: rules, as PrestaShop's classes/Validate.php writes them (simplified where marked)
export const isUnsignedId: Check = (v) => /^\d{1,10}$/.test(v)
export const isBool: Check = (v) => /^[01]$/.test(v)
export const isEmail: Check = (v) =>
  /^[a-z\p{L}0-9!#$%&'*+/=?^`{}|~_-]+[.a-z\p{L}0-9!#$%&'*+/=?^`{}|~_-]*@[a-z\p{L}0-9]+(?:[.]?[_a-z\p{L}0-9-])*\.[a-z\p{L}0-9]+$/iu.test(
    v
  )
export const isCustomerName: Check = (v) =>
  /^(?!\s*$)(?:[^0-9!<>,;?=+()/\\@#"°*`{}_^$%:¤[\]|.。]|[.。](?:\s|$))*$/u.test(v)
export const isName: Check = (v) => /^[^0-9!<>,;?=+()@#"°{}_$%:¤|]*$/u.test(v)
export const isGenericName: Check = (v) => /^[^<>={}]*$/u.test(v)
export const isAddress: Check = (v) => /^[^!<>?=+@{}_$%]*$/u.test(v)
export const isCityName: Check = (v) => /^[^!<>;?=+@#"°{}_$%]*$/u.test(v)
export const isPostCode: Check = (v) => /^[a-zA-Z 0-9-]+$/.test(v)
export const isPhoneNumber: Check = (v) => /^[+0-9. ()/-]*$/.test(v)
export const isBirthDate: Check = (v) =>
  v === "0000-00-00" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
export const isDate: Check = (v) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(v)
export const isFloat: Check = (v) => /^-?\d+(\.\d+)?$/.test(v)
export const isUnsignedInt: Check = (v) => /^\d{1,10}$/.test(v)
export const isUrl: Check = (v) => /^[~:#,$%&_=(). ?+\-@/a-zA-Z0-9\p{L}\p{M}]+$/u.test(v)
export const isPasswd: Check = (v) => v.length >= 5 && v.length <= 255
export const isString: Check = () => true

const checkNames = new Map<Check, string>([
  [isUnsignedId, "isUnsignedId"],
  [isBool, "isBool"],
  [isEmail, "isEmail"],
  [isCustomerName, "isCustomerName"],
  [isName, "isName"],
  [isGenericName, "isGenericName"],
  [isAddress, "isAddress"],
  [isCityName, "isCityName"],
  [isPostCode, "isPostCode"],
  [isPhoneNumber, "isPhoneNumber"],
  [isBirthDate, "isBirthDate"],
  [isDate, "isDate"],
  [isFloat, "isFloat"],
  [isUnsignedInt, "isUnsignedInt"],
  [isUrl, "isUrl"],
  [isPasswd, "isPasswd"],
  [isString, "isString"]
])

/** The `format` a synopsis shows for a field, if any. */
export const formatOf = (field: FieldDef): string | undefined =>
  field.format === null
    ? undefined
    : (field.format ?? (field.validate === undefined ? undefined : checkNames.get(field.validate)))

/**
 * The formats of the customer fields as PrestaShop 8's `Customer::$definition` names them (its
 * webservice docs list the same): where the emulator checks a field its own way, the synopsis
 * still says what PrestaShop says.
 */
const customerFormats: Readonly<Record<string, string | null>> = {
  id_default_group: null,
  id_lang: "isUnsignedId",
  newsletter_date_add: null,
  ip_registration_newsletter: null,
  last_passwd_gen: null,
  secure_key: "isMd5",
  deleted: "isBool",
  passwd: "isPasswd",
  lastname: "isCustomerName",
  firstname: "isCustomerName",
  email: "isEmail",
  id_gender: "isUnsignedId",
  birthday: "isBirthDate",
  newsletter: "isBool",
  optin: "isBool",
  website: "isUrl",
  company: "isGenericName",
  siret: "isGenericName",
  ape: "isApe",
  outstanding_allow_amount: "isFloat",
  show_public_prices: "isBool",
  id_risk: "isUnsignedInt",
  max_payment_days: "isUnsignedInt",
  active: "isBool",
  note: null,
  is_guest: "isBool",
  id_shop: "isUnsignedId",
  id_shop_group: "isUnsignedId",
  date_add: "isDate",
  date_upd: "isDate",
  reset_password_token: "isSha1",
  reset_password_validity: "isDateOrNull"
}

const customerRules: Readonly<Record<string, Omit<FieldDef, "name">>> = {
  id_default_group: { validate: isUnsignedId, xlink: "groups" },
  id_lang: { validate: isUnsignedId, xlink: "languages" },
  newsletter_date_add: { validate: isDate },
  ip_registration_newsletter: { size: 15, validate: isGenericName },
  last_passwd_gen: { shop: true, readOnly: true },
  secure_key: { shop: true, readOnly: true },
  deleted: { validate: isBool },
  passwd: { required: true, size: 255, validate: isPasswd },
  lastname: { required: true, size: 255, validate: isCustomerName },
  firstname: { required: true, size: 255, validate: isCustomerName },
  email: { required: true, size: 255, validate: isEmail },
  id_gender: { validate: isUnsignedId, xlink: "genders" },
  birthday: { validate: isBirthDate },
  newsletter: { validate: isBool },
  optin: { validate: isBool },
  website: { validate: isUrl },
  company: { size: 255, validate: isGenericName },
  siret: { size: 14, validate: isGenericName },
  ape: { size: 6, validate: isGenericName },
  outstanding_allow_amount: { validate: isFloat },
  show_public_prices: { validate: isBool },
  id_risk: { validate: isUnsignedId },
  max_payment_days: { validate: isUnsignedInt },
  active: { validate: isBool },
  note: { size: 65000 },
  is_guest: { validate: isBool },
  id_shop: { validate: isUnsignedId },
  id_shop_group: { validate: isUnsignedId },
  date_add: { shop: true },
  date_upd: { shop: true },
  reset_password_token: { shop: true },
  reset_password_validity: { shop: true }
}

const addressRules: Readonly<Record<string, Omit<FieldDef, "name">>> = {
  id_customer: { validate: isUnsignedId, xlink: "customers" },
  id_manufacturer: { validate: isUnsignedId },
  id_supplier: { validate: isUnsignedId },
  id_warehouse: { validate: isUnsignedId },
  id_country: { required: true, validate: isUnsignedId, xlink: "countries" },
  id_state: { validate: isUnsignedId, xlink: "states" },
  alias: { required: true, size: 32, validate: isGenericName },
  company: { size: 255, validate: isGenericName },
  lastname: { required: true, size: 255, validate: isName },
  firstname: { required: true, size: 255, validate: isName },
  vat_number: { validate: isGenericName },
  address1: { required: true, size: 128, validate: isAddress },
  address2: { size: 128, validate: isAddress },
  postcode: { size: 12, validate: isPostCode },
  city: { required: true, size: 64, validate: isCityName },
  other: { size: 300 },
  phone: { size: 32, validate: isPhoneNumber },
  phone_mobile: { size: 32, validate: isPhoneNumber },
  dni: { size: 16 },
  deleted: { validate: isBool },
  date_add: { shop: true },
  date_upd: { shop: true }
}

const groupRules: Readonly<Record<string, Omit<FieldDef, "name">>> = {
  reduction: { validate: isFloat },
  price_display_method: { required: true, validate: isBool },
  show_prices: { validate: isBool },
  date_add: { shop: true },
  date_upd: { shop: true },
  name: { required: true, size: 32, validate: isGenericName, multilingual: true }
}

const defs = (fields: ReadonlyArray<string>, rules: Readonly<Record<string, Omit<FieldDef, "name">>>) =>
  fields.map((name): FieldDef => ({ name, ...rules[name] }))

export const customers: ResourceDef = {
  name: "customers",
  element: "customer",
  className: "Customer",
  fields: defs(Customer.fields, customerRules).map((f) =>
    f.name in customerFormats ? { ...f, format: customerFormats[f.name] ?? null } : f
  ),
  associations: { groups: { element: "group", resource: "groups" } },
  writable: true
}

export const addresses: ResourceDef = {
  name: "addresses",
  element: "address",
  className: "Address",
  fields: defs(Address.fields, addressRules),
  associations: {},
  writable: true
}

export const groups: ResourceDef = {
  name: "groups",
  element: "group",
  className: "Group",
  fields: defs(Group.fields, groupRules),
  associations: {},
  writable: true
}

export const countries: ResourceDef = {
  name: "countries",
  element: "country",
  className: "Country",
  fields: defs(
    [
      "id",
      "id_zone",
      "id_currency",
      "call_prefix",
      "iso_code",
      "active",
      "contains_states",
      "need_zip_code",
      "name"
    ],
    {
      name: { multilingual: true }
    }
  ),
  associations: {},
  writable: false
}

export const currencies: ResourceDef = {
  name: "currencies",
  element: "currency",
  className: "Currency",
  fields: defs(
    [
      "id",
      "names",
      "name",
      "symbol",
      "iso_code",
      "numeric_iso_code",
      "precision",
      "conversion_rate",
      "deleted",
      "active"
    ],
    {
      name: { multilingual: true }
    }
  ),
  associations: {},
  writable: false
}

export const orderStates: ResourceDef = {
  name: "order_states",
  element: "order_state",
  className: "OrderState",
  fields: defs(
    [
      "id",
      "unremovable",
      "delivery",
      "hidden",
      "send_email",
      "module_name",
      "invoice",
      "color",
      "logable",
      "shipped",
      "paid",
      "deleted",
      "name",
      "template"
    ],
    {
      name: { multilingual: true },
      template: { multilingual: true }
    }
  ),
  associations: {},
  writable: false
}

export const orderFields: ReadonlyArray<string> = [
  "id",
  "id_address_delivery",
  "id_address_invoice",
  "id_cart",
  "id_currency",
  "id_lang",
  "id_customer",
  "id_carrier",
  "current_state",
  "module",
  "invoice_number",
  "invoice_date",
  "delivery_number",
  "delivery_date",
  "valid",
  "date_add",
  "date_upd",
  "shipping_number",
  "note",
  "id_shop_group",
  "id_shop",
  "secure_key",
  "payment",
  "recyclable",
  "gift",
  "gift_message",
  "mobile_theme",
  "total_discounts",
  "total_discounts_tax_incl",
  "total_discounts_tax_excl",
  "total_paid",
  "total_paid_tax_incl",
  "total_paid_tax_excl",
  "total_paid_real",
  "total_products",
  "total_products_wt",
  "total_shipping",
  "total_shipping_tax_incl",
  "total_shipping_tax_excl",
  "carrier_tax_rate",
  "total_wrapping",
  "total_wrapping_tax_incl",
  "total_wrapping_tax_excl",
  "round_mode",
  "round_type",
  "conversion_rate",
  "reference"
]

export const orders: ResourceDef = {
  name: "orders",
  element: "order",
  className: "Order",
  fields: defs(orderFields, {
    id_address_delivery: { xlink: "addresses" },
    id_address_invoice: { xlink: "addresses" },
    id_currency: { xlink: "currencies" },
    id_customer: { xlink: "customers" },
    current_state: { xlink: "order_states" }
  }),
  associations: { order_rows: { element: "order_row", resource: "order_details" } },
  writable: false
}

/** The titles (`Gender::$definition`): `type` 0 male, 1 female, 2 neutral; a name of 20 characters. */
export const genders: ResourceDef = {
  name: "genders",
  element: "gender",
  className: "Gender",
  fields: defs(["id", "type", "name"], {
    type: { required: true, format: null },
    name: { required: true, size: 20, validate: isString, multilingual: true }
  }),
  associations: {},
  writable: false
}

export const all: ReadonlyArray<ResourceDef> = [
  customers,
  addresses,
  groups,
  genders,
  countries,
  currencies,
  orderStates,
  orders
]

/** The resources' date fields, filterable and sortable only with `date=1`. */
export const dateFields = new Set(["date_add", "date_upd"])
