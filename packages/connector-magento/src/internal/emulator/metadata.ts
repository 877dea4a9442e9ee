/**
 * The emulator's `/V1/attributeMetadata/customer` routes: every customer attribute (no
 * paging), or one by code — the attributes of a standard install, with the gender options.
 */
import type { Emulator } from "@mapwright/testkit"
import { Respond } from "@mapwright/testkit"
import * as Errors from "./errors.ts"

const attribute = (
  code: string,
  label: string,
  input: string,
  backend: string,
  sort: number,
  extra: Readonly<Record<string, unknown>> = {}
) => ({
  frontend_input: input,
  input_filter: "",
  store_label: label,
  validation_rules: [],
  multiline_count: 0,
  visible: true,
  required: false,
  data_model: "",
  options: [],
  frontend_class: "",
  user_defined: false,
  sort_order: sort,
  frontend_label: label,
  note: "",
  system: true,
  backend_type: backend,
  is_used_in_grid: false,
  is_visible_in_grid: false,
  is_filterable_in_grid: false,
  is_searchable_in_grid: false,
  ...extra,
  attribute_code: code
})

/** The gender options of a standard install, with the blank option Magento lists first. */
export const genderOptions = [
  { label: " ", value: "" },
  { label: "Male", value: "1" },
  { label: "Female", value: "2" },
  { label: "Not Specified", value: "3" }
] as const

export const attributes = (genders: ReadonlyArray<{ readonly label: string; readonly value: string }>) => [
  attribute("website_id", "Associate to Website", "select", "static", 10, { required: true }),
  attribute("created_in", "Created From", "text", "static", 20),
  attribute("prefix", "Name Prefix", "text", "static", 30, { visible: false }),
  attribute("firstname", "First Name", "text", "static", 40, {
    required: true,
    validation_rules: [
      { name: "max_text_length", value: 255 },
      { name: "min_text_length", value: 1 }
    ]
  }),
  attribute("middlename", "Middle Name/Initial", "text", "static", 50, { visible: false }),
  attribute("lastname", "Last Name", "text", "static", 60, {
    required: true,
    validation_rules: [
      { name: "max_text_length", value: 255 },
      { name: "min_text_length", value: 1 }
    ]
  }),
  attribute("suffix", "Name Suffix", "text", "static", 70, { visible: false }),
  attribute("email", "Email", "text", "static", 80, {
    required: true,
    validation_rules: [{ name: "input_validation", value: "email" }]
  }),
  attribute("group_id", "Group", "select", "static", 25, { required: true }),
  attribute("dob", "Date of Birth", "date", "static", 90, {
    visible: false,
    input_filter: "date",
    validation_rules: [{ name: "input_validation", value: "date" }]
  }),
  attribute("taxvat", "Tax/VAT Number", "text", "static", 100, { visible: false }),
  attribute("gender", "Gender", "select", "static", 110, { visible: false, options: genders }),
  attribute("created_at", "Created At", "date", "static", 86, { visible: false }),
  attribute("default_billing", "Default Billing Address", "text", "static", 0, { visible: false }),
  attribute("default_shipping", "Default Shipping Address", "text", "static", 0, { visible: false }),
  attribute(
    "disable_auto_group_change",
    "Disable Automatic Group Change Based on VAT ID",
    "boolean",
    "static",
    28
  )
]

export const list = (genders: ReadonlyArray<{ readonly label: string; readonly value: string }>) => () =>
  Respond.json(attributes(genders))

export const get =
  (genders: ReadonlyArray<{ readonly label: string; readonly value: string }>) =>
  (request: Emulator.Request) => {
    const code = request.params.code ?? ""
    const found = attributes(genders).find((a) => a.attribute_code === code)
    return found === undefined ? Errors.respond(Errors.noSuchAttribute(code)) : Respond.json(found)
  }
