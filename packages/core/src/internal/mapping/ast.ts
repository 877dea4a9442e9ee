/**
 * The syntax tree of a `mapping/v1` document, after `$ref`s are resolved. Every node keeps
 * where it came from (its file and YAML path), so diagnostics point into the right file.
 *
 * @internal
 */
import type { OnInvalid } from "../../Transform.ts"
import type { YamlFile, YamlPath } from "../yaml.ts"

/** Where a node is: its file and its YAML path there. */
export interface Loc {
  readonly yaml: YamlFile
  readonly path: YamlPath
}

/** A source path as written: `b_fname`, `UserCustomerGroup.0.group_code`, `$.b_country`. */
export interface SourcePath {
  readonly text: string
  /** Starts with `$.`: from the record root, even inside `each`. */
  readonly root: boolean
  readonly segments: ReadonlyArray<string>
  readonly loc: Loc
}

export type Condition =
  | { readonly _tag: "Present"; readonly path: SourcePath; readonly loc: Loc }
  | { readonly _tag: "Absent"; readonly path: SourcePath; readonly loc: Loc }
  | { readonly _tag: "AnyPresent"; readonly paths: ReadonlyArray<SourcePath>; readonly loc: Loc }
  | { readonly _tag: "AllPresent"; readonly paths: ReadonlyArray<SourcePath>; readonly loc: Loc }
  | { readonly _tag: "Equals"; readonly path: SourcePath; readonly value: unknown; readonly loc: Loc }
  | { readonly _tag: "Not"; readonly condition: Condition; readonly loc: Loc }
  | { readonly _tag: "All"; readonly conditions: ReadonlyArray<Condition>; readonly loc: Loc }
  | { readonly _tag: "Any"; readonly conditions: ReadonlyArray<Condition>; readonly loc: Loc }

/** One transform of a pipe. */
export interface PipeStep {
  readonly name: string
  /** The options as written, without `onInvalid`; `undefined` for a bare name. */
  readonly options: unknown
  readonly bare: boolean
  readonly onInvalid: OnInvalid | undefined
  /** The step (the string, or the one-key map). */
  readonly loc: Loc
  /** The options node (`pipe[0].e164`), for option diagnostics. */
  readonly optionsLoc: Loc
}

/** A literal (`otherwise`, `default`, a lookup value). */
export interface Literal {
  readonly value: unknown
  readonly loc: Loc
}

export interface Lookup {
  readonly entries: ReadonlyArray<Literal & { readonly key: string }>
  readonly loc: Loc
}

export interface FieldEntry {
  readonly name: string
  readonly spec: Spec
  /** The key's node, for diagnostics about the target field itself. */
  readonly loc: Loc
}

interface Base {
  readonly loc: Loc
  readonly when: Condition | undefined
}

export interface ConstSpec extends Base {
  readonly _tag: "Const"
  readonly value: unknown
}

export interface FromSpec extends Base {
  readonly _tag: "From"
  readonly from: ReadonlyArray<SourcePath>
  /** `from: [a, b]`: the pipe gets a tuple. */
  readonly tuple: boolean
  readonly pipe: ReadonlyArray<PipeStep>
  readonly lookup: Lookup | undefined
  readonly otherwise: Literal | undefined
  readonly default: Literal | undefined
}

/**
 * `{ template: "{b_fname} {b_lname}", pipe, lookup, default }`: a value with no input, built by
 * the `template` transform (`template`, a step of its own) and then through the pipe.
 */
export interface TemplateSpec extends Base {
  readonly _tag: "Template"
  readonly template: PipeStep
  readonly pipe: ReadonlyArray<PipeStep>
  readonly lookup: Lookup | undefined
  readonly otherwise: Literal | undefined
  readonly default: Literal | undefined
}

export interface BlockSpec extends Base {
  readonly _tag: "Block"
  readonly fields: ReadonlyArray<FieldEntry>
  readonly otherwise: Spec | undefined
}

export interface EachSpec extends Base {
  readonly _tag: "Each"
  readonly each: SourcePath
  /** `where`: keeps only the items for which it holds; its paths are relative to the item. */
  readonly where: Condition | undefined
  readonly fields: ReadonlyArray<FieldEntry> | undefined
  readonly pipe: ReadonlyArray<PipeStep>
  readonly lookup: Lookup | undefined
  readonly otherwise: Literal | undefined
  readonly default: Literal | undefined
}

export interface ItemsSpec extends Base {
  readonly _tag: "Items"
  readonly items: ReadonlyArray<Spec>
}

export interface SameSpec extends Base {
  readonly _tag: "Same"
  readonly same: { readonly text: string; readonly segments: ReadonlyArray<string>; readonly loc: Loc }
  readonly fields: ReadonlyArray<FieldEntry> | undefined
}

/** A node that failed the schema or whose `$ref` could not be resolved: already reported. */
export interface InvalidSpec {
  readonly _tag: "Invalid"
  readonly loc: Loc
  readonly when: undefined
}

export type Spec =
  | ConstSpec
  | FromSpec
  | TemplateSpec
  | BlockSpec
  | EachSpec
  | ItemsSpec
  | SameSpec
  | InvalidSpec

export type UnmappedPolicy = "warn" | "error" | "off"

export interface Mapping {
  readonly yaml: YamlFile
  readonly name: string
  readonly description: string | undefined
  readonly source: { readonly name: string; readonly loc: Loc }
  readonly target: { readonly name: string; readonly loc: Loc }
  readonly fields: ReadonlyArray<FieldEntry>
  readonly fieldsLoc: Loc
  readonly ignore: ReadonlyArray<SourcePath>
  /** Secret source fields the mapping may read (`secrets:`). */
  readonly secrets: ReadonlyArray<SourcePath>
  readonly unmapped: UnmappedPolicy
}

export const loc = (yaml: YamlFile, path: YamlPath): Loc => ({ yaml, path })

export const child = (l: Loc, ...segments: ReadonlyArray<string | number>): Loc => ({
  yaml: l.yaml,
  path: [...l.path, ...segments]
})
