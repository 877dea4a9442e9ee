/**
 * Customer attribute metadata (REST `GET /V1/attributeMetadata/customer`,
 * `customer-data-attribute-metadata-interface`): what each customer attribute is, for schema
 * discovery, with the options of select attributes. The gender attribute's options give the
 * labels of `gender` ids (1 Male, 2 Female, 3 Not Specified in a standard install).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const text = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.String).annotate({ description }))

const flag = (description: string) =>
  Schema.optionalKey(Schema.NullOr(Schema.Boolean).annotate({ description }))

/**
 * An option of a select attribute (`value` is the stored id, as a string).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Option = Schema.Struct({
  label: Schema.String.annotate({ description: "The label people see" }),
  value: Schema.optionalKey(Schema.NullOr(Schema.String).annotate({ description: "The stored value" })),
  options: Schema.optionalKey(Schema.Array(Schema.Unknown).annotate({ description: "Nested options" }))
}).annotate({ identifier: "MagentoAttributeOption", description: "An attribute option" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const CustomerAttribute = Schema.Struct({
  attribute_code: Schema.String.annotate({ description: "The attribute's code, e.g. gender" }),
  frontend_input: text("Input type: text, select, multiselect, date, boolean, textarea, multiline, ..."),
  input_filter: text("Input filter"),
  store_label: text("Label in the store view"),
  frontend_label: text("Label in the admin"),
  validation_rules: Schema.optionalKey(
    Schema.Array(Schema.Struct({ name: Schema.String, value: Schema.Unknown })).annotate({
      description: "Validation rules, e.g. max_text_length"
    })
  ),
  multiline_count: Schema.optionalKey(
    Schema.NullOr(Schema.Int).annotate({ description: "Lines (multiline)" })
  ),
  visible: flag("Visible in forms"),
  required: flag("A value is required"),
  data_model: text("Data model class"),
  options: Schema.optionalKey(Schema.Array(Option).annotate({ description: "Options (select attributes)" })),
  frontend_class: text("Frontend CSS class"),
  user_defined: flag("Added by the merchant"),
  sort_order: Schema.optionalKey(Schema.NullOr(Schema.Int).annotate({ description: "Sort order" })),
  note: text("Note"),
  system: flag("A system attribute"),
  backend_type: text("Storage type: static, varchar, int, datetime, ..."),
  is_used_in_grid: flag("Used in the customer grid"),
  is_visible_in_grid: flag("Visible in the grid"),
  is_filterable_in_grid: flag("Filterable in the grid"),
  is_searchable_in_grid: flag("Searchable in the grid")
}).annotate({ identifier: "MagentoCustomerAttribute", description: "Magento 2 customer attribute metadata" })

/**
 * @since 0.1.0
 * @category models
 */
export type CustomerAttribute = typeof CustomerAttribute.Type

/**
 * The gender options of a standard install (`Magento/Customer/Setup`), for reading offline
 * (`mapwright decode`), where no metadata can be asked for.
 *
 * @since 0.1.0
 * @category constants
 */
export const standardGenderOptions: ReadonlyArray<{ readonly value: string; readonly label: string }> = [
  { value: "1", label: "Male" },
  { value: "2", label: "Female" },
  { value: "3", label: "Not Specified" }
]
