/**
 * How the round trip compares a customer read back with the one written: field by field, for
 * the fields a connector declares `full`, after the canonical normalisations that make two
 * equal customers compare equal however a platform orders or spells them:
 *
 * - instants compare as instants (`2024-05-01T21:30:00+12:00` is `2024-05-01T09:30:00Z`);
 * - lists the canonical model gives no order (`phones`, `groups`, `tags`, `addresses`) compare
 *   as multisets;
 * - the ids a system assigns to the parts of a customer (an address's `id`, a group's `id`)
 *   are that system's, not the customer's data: a platform gives its own, so they are left out.
 *
 * Nothing else is forgiven: a string that changed case or lost a character, a `null` for a
 * value, or a list with one item less is a difference.
 *
 * @since 0.1.0
 */
import { type Canonical, FieldSupport, StateStore } from "@mapwright/core"

const instantFields: ReadonlySet<string> = new Set([
  "lastOrderAt",
  "createdAt",
  "updatedAt",
  "lastLoginAt",
  "deletedAt"
])

const instant = (value: unknown): unknown => {
  if (typeof value !== "string") return value
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? value : new Date(ms).toISOString()
}

const withoutId = (value: unknown): unknown => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value
  const { id: _id, ...rest } = value as Record<string, unknown>
  return rest
}

const asSet = (items: ReadonlyArray<unknown>): ReadonlyArray<unknown> =>
  [...items].sort((a, b) => {
    const x = StateStore.canonicalJson(a)
    const y = StateStore.canonicalJson(b)
    return x < y ? -1 : x > y ? 1 : 0
  })

/**
 * A field's value, normalised for comparison.
 *
 * @since 0.1.0
 * @category combinators
 */
export const normalise = (field: FieldSupport.CustomerField, value: unknown): unknown => {
  if (instantFields.has(field)) return instant(value)
  switch (field) {
    case "billing":
    case "shipping":
      return withoutId(value)
    case "addresses":
    case "groups":
      return Array.isArray(value) ? asSet(value.map(withoutId)) : value
    case "phones":
    case "tags":
      return Array.isArray(value) ? asSet(value) : value
    default:
      return value
  }
}

/**
 * A `full` field that did not come back equal.
 *
 * @since 0.1.0
 * @category models
 */
export interface Difference {
  readonly field: FieldSupport.CustomerField
  readonly written: unknown
  readonly read: unknown
}

/**
 * The `full` fields of `declaration` whose normalised values differ between the customer
 * written and the one read back.
 *
 * @since 0.1.0
 * @category combinators
 */
export const differences = (
  declaration: FieldSupport.Declaration,
  written: Canonical.Customer,
  read: Canonical.Customer
): ReadonlyArray<Difference> =>
  FieldSupport.fieldsAt(declaration, "full").flatMap((field) => {
    const a = normalise(field, written[field])
    const b = normalise(field, read[field])
    return StateStore.canonicalJson(a) === StateStore.canonicalJson(b)
      ? []
      : [{ field, written: written[field], read: read[field] }]
  })
