/**
 * Foodics attaches tags to a customer by reference, `tags: [{"id": "fhhsd8r5"}]`, where the
 * canonical model keeps a list of strings. Reading, `each` with a template takes the ids out
 * (`tags: { each: tags, pipe: [{ template: "{id}" }, required] }`); writing, the transform
 * `foodics.tagRef` makes each string a reference again:
 *
 * ```yaml
 * tags: { each: tags, pipe: [foodics.tagRef] }     # ["fhhsd8r5"] → [{ id: "fhhsd8r5" }]
 * ```
 *
 * The mapping language cannot name an `each` item itself inside `fields`, so the connector adds
 * this transform.
 *
 * @since 0.1.0
 */
import { Transform } from "@mapwright/core"

/**
 * `foodics.tagRef`: a tag id to the Tag object Foodics takes (`"vip"` → `{ id: "vip" }`),
 * trimmed. A blank tag is invalid (`InvalidTag`).
 *
 * @since 0.1.0
 * @category transforms
 */
export const tagRef: Transform.Transform = Transform.make<undefined>({
  name: "foodics.tagRef",
  description:
    'A tag id to the Tag object Foodics attaches to a customer: `"fhhsd8r5"` → `{ id: "fhhsd8r5" }` ' +
    "(trimmed). Foodics refers to tags by id, so the string must be the id of an existing tag. A blank " +
    "string is invalid (`InvalidTag`).",
  input: ["string"],
  output: () => ({
    _tag: "Object",
    fields: { id: { type: { _tag: "String" }, required: true } },
    open: false
  }),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value !== "string") {
      return new Transform.Invalid("InvalidType", "foodics.tagRef takes a tag id (a string)")
    }
    const id = value.trim()
    return id === "" ? new Transform.Invalid("InvalidTag", "a blank string is not a tag id") : { id }
  },
  examples: [
    { input: "fhhsd8r5", output: { id: "fhhsd8r5" } },
    { input: " 8d06aaa0 ", output: { id: "8d06aaa0" } },
    { input: " ", output: { invalid: "InvalidTag" } }
  ]
})
