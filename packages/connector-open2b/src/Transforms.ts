/**
 * The transforms the Open2b mappings need beyond the built-ins:
 *
 * - `open2b.regionCode`: a region as Open2b keeps it, a code of up to 3 characters
 *   (`stateProv`, string(0…3)); a longer name is a warning and gives `null` rather than a
 *   customer Open2b refuses;
 * - `open2b.phoneOfKind`: the number of the first phone of a kind in a canonical `phones` list
 *   (Open2b has a phone, a mobile and a fax number).
 *
 * A program that loads the Open2b mappings registers them beside the built-ins:
 * `Transform.registry([...Transforms.builtins, ...Open2b.transforms])`.
 *
 * @since 0.1.0
 */
import { Transform, ValueType } from "@mapwright/core"
import { Schema } from "effect"

const preview = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value

/**
 * `open2b.regionCode`: a state, province or county as Open2b keeps it (`stateProv`, a code of
 * up to 3 characters): trimmed; an empty one is `null`; a longer name is invalid
 * (`InvalidRegionCode`), by default a warning that empties the field.
 *
 * @since 0.1.0
 * @category transforms
 */
export const regionCode = Transform.make<undefined>({
  name: "open2b.regionCode",
  description:
    "A state, province or county as Open2b keeps it: a code of up to 3 characters (`stateProv`, " +
    "string(0…3)), trimmed. An empty string gives `null`. A longer name is invalid " +
    "(`InvalidRegionCode`); by default that is a warning that empties the field, since Open2b refuses " +
    "the whole customer for it.",
  input: ["string"],
  output: () => ValueType.orNull({ _tag: "String" }),
  nulls: "pass",
  onInvalid: "null",
  compile: () => (value) => {
    if (typeof value !== "string") {
      return new Transform.Invalid(
        "InvalidType",
        `open2b.regionCode expects a string, got ${kindOf(value)} ${preview(value)}`
      )
    }
    const code = value.trim()
    if (code === "") return null
    if (code.length > 3) {
      return new Transform.Invalid(
        "InvalidRegionCode",
        `${preview(code)} is not a code of up to 3 characters, the only kind of state, province or county Open2b keeps`
      )
    }
    return code
  },
  examples: [
    { input: "NSW", output: "NSW" },
    { input: " MI ", output: "MI" },
    { input: "", output: null },
    { input: "Greater London", output: { invalid: "InvalidRegionCode" } }
  ]
})

const PhoneOfKindOptions = Schema.Struct({
  kind: Schema.Literals(["primary", "mobile", "day", "night", "fax", "other"]).annotate({
    description: "The kind of phone: primary, mobile, day, night, fax or other"
  })
})

interface PhoneOfKindOptions {
  readonly kind: "primary" | "mobile" | "day" | "night" | "fax" | "other"
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * `open2b.phoneOfKind: { kind: mobile }`: the number of the first phone of that kind in a
 * canonical `phones` list, or `null` when there is none.
 *
 * @since 0.1.0
 * @category transforms
 */
export const phoneOfKind = Transform.make<PhoneOfKindOptions>({
  name: "open2b.phoneOfKind",
  description:
    "The number of the first phone of `kind` in a list of canonical phones (`{ kind, number }`), or " +
    "`null` when the list has none of that kind with a number.",
  input: ["array"],
  output: () => ValueType.orNull({ _tag: "String", format: "e164" }),
  nulls: "pass",
  onInvalid: "reject",
  options: PhoneOfKindOptions,
  optionsRequired: true,
  compile: (options) => (value) => {
    if (!Array.isArray(value)) {
      return new Transform.Invalid(
        "InvalidType",
        `open2b.phoneOfKind expects a list of phones, got ${kindOf(value)} ${preview(value)}`
      )
    }
    for (const phone of value) {
      if (
        isObject(phone) &&
        phone.kind === options.kind &&
        typeof phone.number === "string" &&
        phone.number !== ""
      ) {
        return phone.number
      }
    }
    return null
  },
  examples: [
    {
      input: [
        { kind: "primary", number: "+6493001234" },
        { kind: "mobile", number: "+64211234567" }
      ],
      options: { kind: "mobile" },
      output: "+64211234567"
    },
    { input: [{ kind: "day", number: "+6493001234" }], options: { kind: "fax" }, output: null },
    { input: [], options: { kind: "primary" }, output: null }
  ]
})

/**
 * The transforms of this package, to register beside the built-ins.
 *
 * @since 0.1.0
 * @category transforms
 */
export const transforms: ReadonlyArray<Transform.Transform> = [regionCode, phoneOfKind]
