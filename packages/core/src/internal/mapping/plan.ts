/**
 * The checked mapping, ready to compile: what the type-checker hands the compiler. Names are
 * resolved, transforms compiled, option values decoded, unmapped target fields given their
 * value, and the top-level fields put in an order that computes a `same` target first.
 *
 * @internal
 */
import type * as RecordIssue from "../../RecordIssue.ts"
import type { Apply, OnInvalid } from "../../Transform.ts"

/**
 * A path for issues, with index slots: a number `n` is replaced, when an issue is made, by the
 * index held in slot `n`, an index of an enclosing `each` or `items` (`groups.<0>.code` →
 * `groups.1.code`). An `each` with `where` has two slots: the item's index in the source list
 * (for source paths) and in the output list (for target paths).
 */
export type IndexedPath = ReadonlyArray<string | number>

/** A read of the source. */
export interface Getter {
  readonly segments: ReadonlyArray<string>
  /** From the record root (`$.`), even inside `each`. */
  readonly root: boolean
  /** The source path for issues. */
  readonly source: IndexedPath
}

export type Cond =
  | { readonly _tag: "Present"; readonly get: Getter }
  | { readonly _tag: "Absent"; readonly get: Getter }
  | { readonly _tag: "AnyPresent"; readonly gets: ReadonlyArray<Getter> }
  | { readonly _tag: "AllPresent"; readonly gets: ReadonlyArray<Getter> }
  | { readonly _tag: "Equals"; readonly get: Getter; readonly value: unknown }
  | { readonly _tag: "Not"; readonly cond: Cond }
  | { readonly _tag: "All"; readonly conds: ReadonlyArray<Cond> }
  | { readonly _tag: "Any"; readonly conds: ReadonlyArray<Cond> }

/**
 * One compiled transform shared by the steps that are the same transform with the same options
 * on the same source in the same scope (`phone` and `billing.phone` both running `e164` on
 * `phone_day`). When more than one step uses it, the compiler remembers its last primitive
 * result, so the conversion runs once per record.
 */
export interface SharedStep {
  readonly apply: Apply
  uses: number
}

export interface Step {
  readonly name: string
  readonly shared: SharedStep
  /** `nulls: "pass"`: null and undefined skip the transform. */
  readonly pass: boolean
  readonly onInvalid: OnInvalid
}

/** What a field gets when its `when` fails: a value, or (for an optional key) no key at all. */
export type Fallback =
  | { readonly _tag: "Value"; readonly value: null | "[]" | "{}" }
  | { readonly _tag: "Omit" }

interface Base {
  readonly when: Cond | undefined
  /** When `when` fails (ignored for `items` entries, which are left out). */
  readonly fallback: Fallback
  /** The target path, for issues. */
  readonly target: IndexedPath
}

export interface ConstPlan extends Base {
  readonly _tag: "Const"
  readonly value: unknown
}

/** A value read from the source (or the current `each` item), through a pipe, a lookup and a default. */
export interface ValuePlan extends Base {
  readonly _tag: "Value"
  /**
   * Where the value comes from: `from` (the getters), the current `each` `item` itself, or
   * `none` (a `template` spec: the pipe starts from `null`).
   */
  readonly input: "from" | "item" | "none"
  /** Empty unless `input` is `from`. */
  readonly from: ReadonlyArray<Getter>
  /** The source paths for issues (the item's own path for the `each` item itself). */
  readonly sources: ReadonlyArray<IndexedPath>
  readonly tuple: boolean
  readonly steps: ReadonlyArray<Step>
  readonly lookup: ReadonlyMap<string, unknown> | undefined
  readonly otherwise: { readonly value: unknown } | undefined
  readonly default: { readonly value: unknown } | undefined
  /**
   * The value (or a transform option) comes from a secret source field: issue messages never
   * quote it.
   */
  readonly secret: boolean
}

export interface FieldPlan {
  readonly key: string
  readonly plan: Plan
  /** An optional target key: null leaves the key out. */
  readonly omitNull: boolean
}

export interface ObjectPlan extends Base {
  readonly _tag: "Object"
  readonly fields: ReadonlyArray<FieldPlan>
  readonly otherwise: Plan | undefined
}

export interface EachPlan extends Base {
  readonly _tag: "Each"
  readonly source: Getter
  /** Keeps only the items for which it holds (evaluated with the item as its scope). */
  readonly where: Cond | undefined
  /** Evaluated with the item as its scope. */
  readonly item: Plan
  /** The index slot of the item in the source list (in source paths). */
  readonly sourceSlot: number
  /**
   * The index slot of the item in the output list (in target paths): `sourceSlot` without a
   * `where`, another slot with one, since a filtered list renumbers its items.
   */
  readonly targetSlot: number
}

export interface ItemsPlan extends Base {
  readonly _tag: "Items"
  readonly items: ReadonlyArray<Plan>
  readonly slot: number
}

export interface SamePlan extends Base {
  readonly _tag: "Same"
  readonly top: string
  readonly rest: ReadonlyArray<string>
  readonly overrides: ReadonlyArray<FieldPlan> | undefined
}

/** A fixed value: an unmapped field's `null`, `[]` or `{}`, or a spec already reported as invalid. */
export interface FixedPlan extends Base {
  readonly _tag: "Fixed"
  readonly value: null | "[]" | "{}"
}

export type Plan = ConstPlan | ValuePlan | ObjectPlan | EachPlan | ItemsPlan | SamePlan | FixedPlan

/** The whole mapping: the root object and the order its fields are computed in. */
export interface RootPlan {
  readonly fields: ReadonlyArray<FieldPlan>
  /** Indexes into `fields`, each `same` target before its users. */
  readonly order: ReadonlyArray<number>
  /** The most index slots in use at once. */
  readonly slots: number
}

/**
 * The mutable state of one compiled mapping while it maps a record. Each call resets it; the
 * function is synchronous, so calls never interleave.
 */
export interface State {
  root: unknown
  out: Record<string, unknown> | undefined
  issues: Array<RecordIssue.RecordIssue> | undefined
  error: boolean
  readonly index: Array<number>
}

export const makeState = (): State => ({
  root: undefined,
  out: undefined,
  issues: undefined,
  error: false,
  index: []
})
