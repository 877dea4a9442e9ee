/**
 * The canonical model (v1): the hub every connector maps to and from.
 *
 * Each schema describes plain JSON, the same in its encoded and decoded form (strings stay
 * strings: instants are ISO 8601 strings, dates `YYYY-MM-DD`, money a decimal string), so the
 * JSON Schema generated from it (`schema/canonical.schema.json`) describes exactly the NDJSON
 * interchange format. Every key is required: a value that is unknown is `null`, never absent.
 * Only `id` (of a record), `isGuest`, `source`, `extra` and the arrays are non-nullable.
 *
 * Objects are closed. Effect Schema only enforces that when decoding with
 * `onExcessProperty: "error"` (see {@link parseOptions}); the generated JSON Schema says
 * `additionalProperties: false` on every object except `extra`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as JsonSchemaDocument from "./internal/jsonSchemaDocument.ts"
import * as Formats from "./internal/jsonSchemaFormats.ts"
import * as RecordSchema from "./RecordSchema.ts"

const formattedString = (options: {
  readonly identifier: string
  readonly description: string
  readonly expected: string
  readonly pattern: RegExp
  readonly format?: string
  readonly predicate?: (s: string) => boolean
}) => {
  const { expected, format, pattern } = options
  const predicate = options.predicate ?? ((s: string) => pattern.test(s))
  return Schema.String.check(
    Schema.makeFilter(predicate, {
      expected,
      toJsonSchema: () =>
        format === undefined ? { pattern: pattern.source } : { pattern: pattern.source, format }
    })
  ).annotate({ identifier: options.identifier, description: options.description })
}

const nullable = <S extends Schema.Top>(schema: S, description: string) =>
  Schema.NullOr(schema).annotate({ description })

const text = (description: string) => nullable(Schema.String, description)

const flag = (description: string) => nullable(Schema.Boolean, description)

// ---------------------------------------------------------------------------------------------
// scalars
// ---------------------------------------------------------------------------------------------

/**
 * An instant, RFC 3339 / ISO 8601 with seconds and a zone: `2024-05-01T09:30:00Z`,
 * `2024-05-01T21:30:00.125+12:00`.
 *
 * @since 0.1.0
 * @category models
 */
export const Instant = formattedString({
  identifier: "Instant",
  description: "ISO 8601 instant with seconds and a zone (Z or ±hh:mm), e.g. 2024-05-01T09:30:00Z",
  expected: "an ISO 8601 instant such as 2024-05-01T09:30:00Z",
  pattern: Formats.dateTimePattern,
  format: "date-time",
  predicate: Formats.isDateTime
})

/**
 * A calendar date that exists, `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category models
 */
export const LocalDate = formattedString({
  identifier: "LocalDate",
  description: "Calendar date YYYY-MM-DD, e.g. 1990-04-23",
  expected: "a date YYYY-MM-DD",
  pattern: Formats.datePattern,
  format: "date",
  predicate: Formats.isDate
})

/**
 * An email address, trimmed and lower-cased.
 *
 * @since 0.1.0
 * @category models
 */
export const Email = formattedString({
  identifier: "Email",
  description: "Email address, trimmed and lower-case, e.g. peter@parker.nz",
  expected: "a trimmed, lower-case email address",
  pattern: Formats.emailPattern,
  format: "email"
})

/**
 * A phone number in E.164 form.
 *
 * @since 0.1.0
 * @category models
 */
export const E164 = formattedString({
  identifier: "E164",
  description: "E.164 phone number, e.g. +6421555123",
  expected: "an E.164 phone number such as +6421555123",
  pattern: Formats.e164Pattern
})

/**
 * An ISO 3166-1 alpha-2 country code, upper case.
 *
 * @since 0.1.0
 * @category models
 */
export const CountryCode = formattedString({
  identifier: "CountryCode",
  description: "ISO 3166-1 alpha-2 country code, upper case, e.g. NZ",
  expected: "an ISO 3166-1 alpha-2 country code such as NZ",
  pattern: Formats.countryPattern
})

/**
 * An ISO 4217 currency code, upper case.
 *
 * @since 0.1.0
 * @category models
 */
export const CurrencyCode = formattedString({
  identifier: "CurrencyCode",
  description: "ISO 4217 currency code, upper case, e.g. NZD",
  expected: "an ISO 4217 currency code such as NZD",
  pattern: Formats.currencyPattern
})

/**
 * A decimal amount as a string, exactly as the source gave it (`"39.00"`), never a float.
 *
 * @since 0.1.0
 * @category models
 */
export const Decimal = formattedString({
  identifier: "Decimal",
  description: 'Decimal number as a string, exactly as the source gives it, e.g. "39.00"',
  expected: 'a decimal string such as "39.00"',
  pattern: Formats.decimalPattern
})

/**
 * @since 0.1.0
 * @category models
 */
export const Gender = Schema.Literals(["male", "female", "other"])

/**
 * @since 0.1.0
 * @category models
 */
export const AddressKind = Schema.Literals(["billing", "shipping", "other"])

/**
 * @since 0.1.0
 * @category models
 */
export const PhoneKind = Schema.Literals(["primary", "mobile", "day", "night", "fax", "other"])

// ---------------------------------------------------------------------------------------------
// parts
// ---------------------------------------------------------------------------------------------

/**
 * A postal address: a customer's billing or shipping address, an address-book entry, or an
 * order's address.
 *
 * @since 0.1.0
 * @category models
 */
export const Address = Schema.Struct({
  id: text("The address's id in its system, null when it has none (e.g. an address held on the customer)"),
  kind: nullable(AddressKind, "What the address is for: billing, shipping or other"),
  isDefault: flag("True when this is the customer's default address of its kind"),
  firstName: text("First (given) name of the addressee"),
  lastName: text("Last (family) name of the addressee"),
  company: text("Company name"),
  line1: text("First street line"),
  line2: text("Second street line"),
  line3: text("Third street line"),
  city: text("City or town"),
  region: text("State, province or region, as the source gives it"),
  postalCode: text("Postal or ZIP code, as a string (leading zeros kept)"),
  country: nullable(CountryCode, "ISO 3166-1 alpha-2 country code, upper case, e.g. NZ"),
  phone: nullable(E164, "E.164 phone number at this address, e.g. +6421555123"),
  email: nullable(Email, "Email address for this address, trimmed and lower-case")
}).annotate({ identifier: "Address", description: "A postal address (canonical model v1)" })

/**
 * One of a customer's phone numbers.
 *
 * @since 0.1.0
 * @category models
 */
export const Phone = Schema.Struct({
  kind: nullable(PhoneKind, "What the number is: primary, mobile, day, night, fax or other"),
  number: nullable(E164, "E.164 phone number, e.g. +6421555123")
}).annotate({ identifier: "Phone", description: "One of a customer's phone numbers" })

/**
 * A customer's membership of a group. A source may give only the group's code, or only its id.
 *
 * @since 0.1.0
 * @category models
 */
export const CustomerGroupRef = Schema.Struct({
  id: text("The group's id in its system"),
  code: text("The group's code, e.g. vip"),
  name: text("The group's display name")
}).annotate({ identifier: "CustomerGroupRef", description: "A customer group the customer belongs to" })

/**
 * Marketing consents.
 *
 * @since 0.1.0
 * @category models
 */
export const Marketing = Schema.Struct({
  emailOptIn: flag("True when the customer agreed to marketing by email"),
  smsOptIn: flag("True when the customer agreed to marketing by SMS")
}).annotate({ identifier: "Marketing", description: "Marketing consents" })

/**
 * Where a record came from: its system and its key there.
 *
 * @since 0.1.0
 * @category models
 */
export const SourceRef = Schema.Struct({
  system: Schema.String.annotate({ description: "The system the record came from, e.g. xml-resultset" }),
  id: Schema.String.annotate({
    description: "The record's key in that system (for a guest: its lower-case email, else its order's id)"
  })
}).annotate({
  identifier: "SourceRef",
  description: "Where the record came from: its system and its key there"
})

/**
 * Namespaced leftovers: source fields the canonical model has no place for, under the source's
 * namespace, e.g. `extra.xmlResultset.custom_data1`, `extra.foodics.loyaltyBalance`.
 *
 * @since 0.1.0
 * @category models
 */
export const Extra = Schema.Record(Schema.String, Schema.Unknown).annotate({
  description: "Namespaced leftovers, e.g. extra.foodics.loyaltyBalance; an empty object when there are none"
})

// ---------------------------------------------------------------------------------------------
// records
// ---------------------------------------------------------------------------------------------

/**
 * A customer (or a guest found in orders).
 *
 * @since 0.1.0
 * @category models
 */
export const Customer = Schema.Struct({
  id: Schema.String.annotate({
    description: "The customer's id in its system; for a guest its lower-case email, else its order's id"
  }),
  email: nullable(Email, "Email address, trimmed and lower-case, e.g. peter@parker.nz"),
  firstName: text("First (given) name"),
  lastName: text("Last (family) name"),
  company: text("Company name"),
  phone: nullable(E164, "Main phone number, E.164, e.g. +6421555123"),
  phones: Schema.Array(Phone).annotate({ description: "All the customer's phone numbers, by kind" }),
  gender: nullable(Gender, "Gender: male, female or other"),
  birthDate: nullable(LocalDate, "Date of birth, YYYY-MM-DD"),
  isGuest: Schema.Boolean.annotate({ description: "True for a guest (a customer without an account)" }),
  active: flag("True when the account is active (enabled)"),
  blocked: flag("True when the account is blocked"),
  canLogin: flag("True when the customer can log in"),
  groups: Schema.Array(CustomerGroupRef).annotate({
    description: "The customer groups the customer belongs to"
  }),
  tags: Schema.Array(Schema.String).annotate({ description: "Free-form tags" }),
  billing: nullable(Address, "Billing address"),
  shipping: nullable(Address, "Shipping address"),
  addresses: Schema.Array(Address).annotate({ description: "Address book" }),
  marketing: nullable(Marketing, "Marketing consents"),
  discountPercent: nullable(
    Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 100 })),
    "Customer discount in percent, 0 to 100"
  ),
  orderCount: nullable(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), "Number of orders placed"),
  lastOrderAt: nullable(Instant, "When the last order was placed, ISO 8601 instant"),
  createdAt: nullable(Instant, "When the customer was created, ISO 8601 instant"),
  updatedAt: nullable(Instant, "When the customer was last changed, ISO 8601 instant"),
  lastLoginAt: nullable(Instant, "When the customer last logged in, ISO 8601 instant"),
  deletedAt: nullable(Instant, "When the customer was deleted, ISO 8601 instant; null when not deleted"),
  extra: Extra,
  source: SourceRef
}).annotate({ identifier: "Customer", description: "A customer (canonical model v1)" })

/**
 * @since 0.1.0
 * @category models
 */
export const CustomerGroup = Schema.Struct({
  id: Schema.String.annotate({ description: "The group's id in its system" }),
  code: text("The group's code, e.g. vip"),
  name: text("The group's display name"),
  description: text("What the group is for"),
  parentId: text("The id of the parent group, when groups nest")
}).annotate({ identifier: "CustomerGroup", description: "A customer group (canonical model v1)" })

/**
 * The customer as an order shows them; a guest has no id.
 *
 * @since 0.1.0
 * @category models
 */
export const OrderCustomer = Schema.Struct({
  id: text("The customer's id in its system; null for a guest"),
  email: nullable(Email, "Email address, trimmed and lower-case"),
  firstName: text("First (given) name"),
  lastName: text("Last (family) name"),
  phone: nullable(E164, "Phone number, E.164, e.g. +6421555123"),
  isGuest: Schema.Boolean.annotate({ description: "True when the order was placed by a guest" })
}).annotate({ identifier: "OrderCustomer", description: "The customer as an order shows them" })

/**
 * An order, as far as the customer is concerned.
 *
 * @since 0.1.0
 * @category models
 */
export const Order = Schema.Struct({
  id: Schema.String.annotate({ description: "The order's id in its system" }),
  number: text("The order number shown to the customer"),
  createdAt: nullable(Instant, "When the order was placed, ISO 8601 instant"),
  status: text("The order status, as the platform names it"),
  currency: nullable(CurrencyCode, "ISO 4217 currency code, e.g. NZD"),
  total: nullable(Decimal, 'Order total as a decimal string, exactly as the source gives it, e.g. "39.00"'),
  customer: nullable(OrderCustomer, "Who placed the order"),
  billing: nullable(Address, "Billing address of the order"),
  shipping: nullable(Address, "Shipping address of the order")
}).annotate({ identifier: "Order", description: "An order, the customer's view of it (canonical model v1)" })

/**
 * One allowed value of a customer attribute.
 *
 * @since 0.1.0
 * @category models
 */
export const AttributeOption = Schema.Struct({
  value: text("The stored value"),
  label: text("The label shown to people")
}).annotate({ identifier: "AttributeOption", description: "One allowed value of a customer attribute" })

/**
 * A customer attribute a platform defines (schema discovery).
 *
 * @since 0.1.0
 * @category models
 */
export const CustomerAttribute = Schema.Struct({
  code: text("The attribute's code, e.g. date_of_birth"),
  label: text("The label shown to people"),
  type: text("The attribute's input or value type, as the platform names it"),
  required: flag("True when the platform requires a value"),
  options: Schema.Array(AttributeOption).annotate({
    description: "Allowed values; empty when any value goes"
  })
}).annotate({
  identifier: "CustomerAttribute",
  description: "A customer attribute a platform defines (canonical model v1)"
})

// ---------------------------------------------------------------------------------------------
// types
// ---------------------------------------------------------------------------------------------

/**
 * @since 0.1.0
 * @category models
 */
export type Customer = typeof Customer.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Address = typeof Address.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Phone = typeof Phone.Type

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerGroupRef = typeof CustomerGroupRef.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Marketing = typeof Marketing.Type

/**
 * @since 0.1.0
 * @category models
 */
export type SourceRef = typeof SourceRef.Type

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerGroup = typeof CustomerGroup.Type

/**
 * @since 0.1.0
 * @category models
 */
export type OrderCustomer = typeof OrderCustomer.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type

/**
 * @since 0.1.0
 * @category models
 */
export type AttributeOption = typeof AttributeOption.Type

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerAttribute = typeof CustomerAttribute.Type

// ---------------------------------------------------------------------------------------------
// registry and JSON Schema
// ---------------------------------------------------------------------------------------------

/**
 * The canonical record schemas, for the schema registry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = [
  RecordSchema.make("canonical/Customer", Customer, "A customer (canonical model v1)"),
  RecordSchema.make("canonical/Address", Address, "A postal address (canonical model v1)"),
  RecordSchema.make("canonical/CustomerGroup", CustomerGroup, "A customer group (canonical model v1)"),
  RecordSchema.make("canonical/Order", Order, "An order, the customer's view of it (canonical model v1)"),
  RecordSchema.make(
    "canonical/CustomerAttribute",
    CustomerAttribute,
    "A customer attribute a platform defines (canonical model v1)"
  )
]

/**
 * Parse options that make Effect Schema as strict as the generated JSON Schema: report every
 * issue, and reject keys the model does not have (objects are closed).
 *
 * @since 0.1.0
 * @category models
 */
export const parseOptions = { errors: "all", onExcessProperty: "error" } as const

/**
 * The `$id` of the generated canonical JSON Schema.
 *
 * @since 0.1.0
 * @category models
 */
export const jsonSchemaId = "https://mapwright.dev/schema/canonical.schema.json"

/**
 * The canonical model as one JSON Schema document (draft 2020-12): the five records and the
 * parts they share under `$defs`, and a top-level `oneOf` of the five records. This is what
 * `schema/canonical.schema.json` holds; `scripts/generate-schemas.ts` writes it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jsonSchema = (): object => {
  const generated = schemas.map((s) => JsonSchemaDocument.generate(s.schema))
  const defs = JsonSchemaDocument.mergeDefinitions(generated)
  return {
    $schema: JsonSchemaDocument.draft202012,
    $id: jsonSchemaId,
    title: "Mapwright canonical model v1",
    description:
      "One canonical record: a Customer, Address, CustomerGroup, Order or CustomerAttribute. " +
      "Unknown values are null, never absent; NDJSON files hold one record per line.",
    oneOf: generated.map((g) => g.root),
    $defs: defs
  }
}
