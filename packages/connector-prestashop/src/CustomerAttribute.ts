/**
 * A field of PrestaShop's customer resource, as the webservice describes it in the synopsis
 * (`GET /api/customers?schema=synopsis`): its name and the attributes PrestaShop writes on it,
 * as text: `format` (the `Validate::` method a value must pass, e.g. `isEmail`, `isBirthDate`,
 * `isBool`), `required="true"`, `maxSize` and `readOnly="true"`. PrestaShop defines no labels
 * and no lists of values; the connector joins `options` for the fields whose values are the ids
 * of a table: `id_gender` (`/api/genders`, with their names) and `id_default_group`
 * (`/api/groups`, with their names), in the connector's `languageId`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { matching, text } from "./internal/leaves.ts"

const trueFlag = (description: string) =>
  Schema.optionalKey(matching(/^(true|false)$/, '"true" or "false"').annotate({ description }))

/**
 * One allowed value of a field whose values are the ids of a table.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Option = Schema.Struct({
  value: Schema.String.annotate({ description: "The stored value: an id of the table (id_gender 1)" }),
  label: Schema.String.annotate({
    description: "Its name in the connector's languageId (Mr.), empty when it has none"
  })
}).annotate({
  identifier: "PrestaShopAttributeOption",
  description: "An allowed value of a customer field, with its name"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const CustomerAttribute = Schema.Struct({
  name: matching(/^[A-Za-z_][A-Za-z0-9_]*$/, "a field name").annotate({
    description: "The field's name in the customer resource, e.g. email"
  }),
  format: text(
    "The Validate:: method a value must pass, e.g. isEmail, isBirthDate, isBool (several, space-separated, when the field has more); absent when PrestaShop checks none"
  ),
  required: trueFlag('"true" when a create needs a value (PrestaShop writes only required="true")'),
  maxSize: Schema.optionalKey(
    matching(/^\d{1,10}$/, "a size (digits)").annotate({ description: "The longest value, in characters" })
  ),
  readOnly: trueFlag('"true" when a write cannot set the field (PrestaShop sets it)'),
  options: Schema.optionalKey(
    Schema.Array(Option).annotate({
      description:
        "The allowed values, joined by the connector for id_gender (/api/genders) and id_default_group (/api/groups); empty for other fields (not a PrestaShop attribute)"
    })
  )
}).annotate({
  identifier: "PrestaShopCustomerAttribute",
  description: "A field of the PrestaShop customer resource, from its synopsis (?schema=synopsis)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerAttribute = typeof CustomerAttribute.Type

/**
 * The fields whose values are the ids of a table, and that table's resource: their options
 * are the table's rows.
 *
 * @since 0.1.0
 * @category constants
 */
export const optionTables: Readonly<Record<string, string>> = {
  id_gender: "genders",
  id_default_group: "groups"
}

/**
 * The options of a stock PrestaShop install (English), for reading offline (`mapwright
 * decode`), where no table can be asked for: the titles 1 Mr. and 2 Mrs., and the groups
 * 1 Visitor, 2 Guest and 3 Customer.
 *
 * @since 0.1.0
 * @category constants
 */
export const stockOptions: Readonly<
  Record<string, ReadonlyArray<{ readonly value: string; readonly label: string }>>
> = {
  id_gender: [
    { value: "1", label: "Mr." },
    { value: "2", label: "Mrs." }
  ],
  id_default_group: [
    { value: "1", label: "Visitor" },
    { value: "2", label: "Guest" },
    { value: "3", label: "Customer" }
  ]
}

/**
 * A record from one field of a synopsis: the attributes the record schema documents, as
 * written (`notFilterable`, `encode` and any other are left out), and `options` (empty unless
 * given).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromSynopsis = (
  name: string,
  attributes: Readonly<Record<string, string>>,
  options: ReadonlyArray<{ readonly value: string; readonly label: string }> = []
): Record<string, unknown> => {
  const out: Record<string, unknown> = { name }
  for (const key of ["format", "required", "maxSize", "readOnly"] as const) {
    const value = attributes[key]
    if (value !== undefined) out[key] = value
  }
  out.options = options
  return out
}
