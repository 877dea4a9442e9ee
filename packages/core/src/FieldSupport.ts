/**
 * What a connector carries of the canonical customer: for each canonical field, `full`,
 * `lossy` or `none`. A connector declares it on its customer stream (`fields`); the pipeline
 * runtime reports each `none` field that records going to that connector fill (once per run,
 * as a warning in the summary), the round-trip test checks the `full` ones, and the docs'
 * support table is generated from the declarations.
 *
 * The levels describe a write through the connector followed by a read back, both through its
 * default mappings:
 * - `full`: the value comes back equal.
 * - `lossy`: the platform keeps something, but not all of it: it merges (one `name` for first
 *   and last), shortens (one phone of several), normalises, or sets the value itself (a
 *   creation time it assigns, a guest flag it derives). The entry's `note` says which.
 * - `none`: the platform has no place for it; what a record holds there is not written.
 *
 * @since 0.1.0
 */

/**
 * How much of a canonical field a connector keeps.
 *
 * @since 0.1.0
 * @category models
 */
export type Level = "full" | "lossy" | "none"

/**
 * The levels, from most to least.
 *
 * @since 0.1.0
 * @category models
 */
export const levels: ReadonlyArray<Level> = ["full", "lossy", "none"]

/**
 * The canonical customer fields a connector declares: every field of `canonical/Customer`
 * except `id`, `extra` and `source`, which every connector carries by construction.
 *
 * @since 0.1.0
 * @category models
 */
export const customerFields = [
  "email",
  "firstName",
  "lastName",
  "company",
  "phone",
  "phones",
  "gender",
  "birthDate",
  "isGuest",
  "active",
  "blocked",
  "canLogin",
  "groups",
  "tags",
  "billing",
  "shipping",
  "addresses",
  "marketing",
  "discountPercent",
  "orderCount",
  "lastOrderAt",
  "createdAt",
  "updatedAt",
  "lastLoginAt",
  "deletedAt"
] as const

/**
 * One of {@link customerFields}.
 *
 * @since 0.1.0
 * @category models
 */
export type CustomerField = (typeof customerFields)[number]

/**
 * A field's level with, for `lossy` (and where it helps, `none`), what is lost.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly level: Level
  readonly note?: string
}

/**
 * A connector's declaration: every canonical customer field, with a level or an entry.
 *
 * @since 0.1.0
 * @category models
 */
export type Declaration = { readonly [F in CustomerField]: Level | Entry }

/**
 * The entry of `field`, with its note when the declaration gives one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const entryOf = (declaration: Declaration, field: CustomerField): Entry => {
  const value = declaration[field]
  return typeof value === "string" ? { level: value } : value
}

/**
 * The fields declared at `level`, in canonical order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const fieldsAt = (declaration: Declaration, level: Level): ReadonlyArray<CustomerField> =>
  customerFields.filter((field) => entryOf(declaration, field).level === level)

/**
 * What is wrong with a declaration given as untyped data: unknown field names, missing
 * fields, unknown levels. Empty when it is complete.
 *
 * @since 0.1.0
 * @category predicates
 */
export const problems = (declaration: unknown): ReadonlyArray<string> => {
  if (declaration === null || typeof declaration !== "object" || Array.isArray(declaration)) {
    return ["the field declaration must be an object of canonical customer fields"]
  }
  const out: Array<string> = []
  const known = new Set<string>(customerFields)
  for (const [field, value] of Object.entries(declaration)) {
    if (!known.has(field)) out.push(`\`${field}\` is not a canonical customer field`)
    const level = typeof value === "object" && value !== null ? (value as { level?: unknown }).level : value
    if (!levels.includes(level as Level)) {
      out.push(`\`${field}\`: the level must be full, lossy or none`)
    }
  }
  for (const field of customerFields) {
    if (!(field in declaration)) out.push(`\`${field}\` is not declared`)
  }
  return out
}

/**
 * Whether a canonical value holds something: not null or undefined, not `""`, not an empty
 * list, and not an object whose values are all empty.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isFilled = (value: unknown): boolean => {
  if (value === undefined || value === null || value === "") return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === "object") return Object.values(value).some(isFilled)
  return true
}

/**
 * Values that say no more than a platform without the field implies: writing them to such a
 * platform loses nothing (a registered customer, an active account, one not blocked, no
 * consent given, no orders yet).
 */
const implied: { readonly [F in CustomerField]?: (value: unknown) => boolean } = {
  isGuest: (v) => v === false,
  active: (v) => v === true,
  blocked: (v) => v === false,
  marketing: (v) =>
    typeof v === "object" && v !== null && !Object.values(v).some((consent) => consent === true),
  orderCount: (v) => v === 0
}

/**
 * The `none` fields that a canonical customer fills: what writing it to the connector loses.
 * A value that only says what a platform without the field implies does not count:
 * `isGuest: false`, `active: true`, `blocked: false`, marketing without any consent given,
 * `orderCount: 0`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const dropped = (declaration: Declaration, customer: unknown): ReadonlyArray<CustomerField> =>
  dropper(declaration)(customer)

/**
 * {@link dropped} with the declaration's `none` fields looked up once: for a run, which asks
 * it of every record.
 *
 * @since 0.1.0
 * @category combinators
 */
export const dropper = (declaration: Declaration): ((customer: unknown) => ReadonlyArray<CustomerField>) => {
  const none = fieldsAt(declaration, "none")
  return (customer) => {
    if (customer === null || typeof customer !== "object" || none.length === 0) return []
    const record = customer as Readonly<Record<string, unknown>>
    return none.filter((field) => {
      const value = record[field]
      return isFilled(value) && implied[field]?.(value) !== true
    })
  }
}
