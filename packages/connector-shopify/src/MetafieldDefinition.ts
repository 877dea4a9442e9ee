/**
 * A metafield definition of customers (`metafieldDefinitions(ownerType: CUSTOMER)`): a custom
 * field a shop has defined for its customers, `namespace.key` with a name, a type
 * (`single_line_text_field`, `date`, `boolean`, ...) and validations. It is what Shopify has
 * for the canonical `CustomerAttribute` (schema discovery); Shopify has no required customer
 * fields of this kind.
 *
 * `choices` is not a Shopify field: the connector reads it from the `choices` validation (a
 * JSON list of the allowed values) so the mapping can list them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const optional = <S extends Schema.Top>(schema: S, description: string) =>
  Schema.optionalKey(schema.annotate({ description }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const MetafieldDefinition = Schema.Struct({
  id: Schema.String.annotate({ description: "The definition's GID, gid://shopify/MetafieldDefinition/<n>" }),
  namespace: Schema.String.annotate({ description: "The namespace, e.g. custom" }),
  key: Schema.String.annotate({ description: "The key, e.g. loyalty_tier" }),
  name: optional(Schema.String, "The name shown to people"),
  description: optional(Schema.NullOr(Schema.String), "What the field is for"),
  type: optional(
    Schema.Struct({
      name: Schema.String.annotate({ description: "The type's name, e.g. single_line_text_field" })
    }),
    "The value type"
  ),
  validations: optional(
    Schema.Array(
      Schema.Struct({
        name: Schema.String.annotate({ description: "The validation, e.g. choices, min, max, regex" }),
        value: Schema.NullOr(Schema.String).annotate({ description: "Its value, as text (JSON for choices)" })
      })
    ),
    "The validations values must pass"
  ),
  choices: optional(
    Schema.Array(Schema.Struct({ value: Schema.String.annotate({ description: "An allowed value" }) })),
    "The allowed values, from the choices validation (set by the connector)"
  )
}).annotate({
  identifier: "ShopifyMetafieldDefinition",
  description: "A metafield definition of customers (a custom customer field)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type MetafieldDefinition = typeof MetafieldDefinition.Type

/**
 * The definition with `choices` read from its `choices` validation (a JSON list of strings);
 * a definition without one, or with one that is not such a list, is returned as it is.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withChoices = (definition: unknown): unknown => {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) return definition
  const d = definition as Readonly<Record<string, unknown>>
  if (!Array.isArray(d.validations)) return definition
  const choices = d.validations.find(
    (v): v is { readonly name: string; readonly value: string } =>
      typeof v === "object" && v !== null && (v as { name?: unknown }).name === "choices"
  )
  if (choices === undefined || typeof choices.value !== "string") return definition
  try {
    const values: unknown = JSON.parse(choices.value)
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string")) return definition
    return { ...d, choices: values.map((value) => ({ value })) }
  } catch {
    return definition
  }
}
