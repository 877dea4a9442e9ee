/**
 * The mapping type-checker: resolves the source and target schemas, every source path, target
 * field, transform and option, follows the static type of each value through its pipe, lookup
 * and default into its target field, and reports every problem at once. Its output is the plan
 * the compiler turns into closures.
 *
 * @internal
 */
import { reservedKeys } from "../../MappingSpec.ts"
import type * as RecordSchema from "../../RecordSchema.ts"
import { secretPaths } from "../../Redact.ts"
import type { Diagnostic } from "../../SpecError.ts"
import type * as Transform from "../../Transform.ts"
import * as VT from "../../ValueType.ts"
import { diagnostic, quote, type YamlPath } from "../yaml.ts"
import type * as Ast from "./ast.ts"
import { makePipeChecker } from "./checkPipe.ts"
import {
  arrayOf,
  hasDeclaredFields,
  hintFor,
  isSecretField,
  leaves,
  literalFor,
  members,
  objectOf,
  preview,
  type Scope,
  type Target
} from "./checkTypes.ts"
import { orderFields } from "./order.ts"
import type * as P from "./plan.ts"
import { closest, didYouMean } from "./suggest.ts"

export interface CheckOptions {
  readonly schemas: RecordSchema.SchemaRegistry
  readonly transforms: Transform.TransformRegistry
  readonly state: P.State
}

export interface Checked {
  readonly diagnostics: ReadonlyArray<Diagnostic>
  readonly plan: P.RootPlan
  readonly source: RecordSchema.RecordSchema | undefined
  readonly target: RecordSchema.RecordSchema | undefined
}

const NULL_FALLBACK: P.Fallback = { _tag: "Value", value: null }

/**
 * Type-checks a mapping and plans its compilation.
 */
export const check = (mapping: Ast.Mapping, options: CheckOptions): Checked => {
  const diagnostics: Array<Diagnostic> = []
  const report = (
    l: Ast.Loc,
    code: string,
    message: string,
    hint?: string,
    extra: { readonly part?: "key"; readonly severity?: "error" | "warning"; readonly path?: YamlPath } = {}
  ): void => {
    diagnostics.push(
      diagnostic(l.yaml, extra.path ?? l.path, code, message, {
        hint,
        ...(extra.part === undefined ? {} : { part: extra.part }),
        ...(extra.severity === undefined ? {} : { severity: extra.severity })
      })
    )
  }

  // ---- schemas ------------------------------------------------------------------------------
  const schemaOf = (
    ref: { readonly name: string; readonly loc: Ast.Loc },
    role: string
  ): RecordSchema.RecordSchema | undefined => {
    const found = options.schemas.get(ref.name)
    if (found === undefined) {
      const names = options.schemas.names
      report(
        ref.loc,
        "UnknownSchema",
        `unknown ${role} record schema ${quote(ref.name)}`,
        didYouMean(ref.name, names) ??
          (names.length === 0
            ? "no record schemas are registered: register the connector packages"
            : `known schemas: ${names.slice(0, 20).join(", ")}${names.length > 20 ? ", ..." : ""}`)
      )
    }
    return found
  }
  const sourceSchema = schemaOf(mapping.source, "source")
  const targetSchema = schemaOf(mapping.target, "target")
  const sourceType = sourceSchema === undefined ? VT.Unknown : VT.fromSchema(sourceSchema.schema)
  const targetType = targetSchema === undefined ? VT.Unknown : VT.fromSchema(targetSchema.schema)
  const state = options.state

  const reads = new Set<string>()
  const sharedSteps = new Map<string, P.SharedStep>()
  /** `same` dependencies between top-level fields, with where they are written. */
  const sameEdges: Array<{ readonly from: string; readonly to: string; readonly loc: Ast.Loc }> = []
  let maxSlots = 0

  // ---- source paths -------------------------------------------------------------------------
  const rootScope: Scope = {
    type: sourceType,
    prefix: [],
    source: [],
    depth: 0,
    what: mapping.source.name,
    secret: false
  }

  // Secret fields the mapping reads on purpose (`secrets:`), written like `ignore`.
  const allowedSecrets = new Set(
    mapping.secrets.map((p) => p.segments.filter((s) => !/^(?:0|[1-9]\d*)$/.test(s)).join("."))
  )

  /** Reports each secret read that `secrets:` does not list. */
  const secretRead = (p: Ast.SourcePath, read: string, at: Ast.Loc, found: ReadonlyArray<string>): void => {
    for (const s of found) {
      if (allowedSecrets.has(s)) continue
      report(
        at,
        "SecretField",
        s === read
          ? `\`${s}\` is a secret (writeOnly) of ${mapping.source.name}; list it under \`secrets: [${s}]\` to copy it on purpose`
          : `\`${p.text}\` reads \`${s}\`, a secret (writeOnly) of ${mapping.source.name}; list it under \`secrets: [${s}]\` to copy it on purpose`,
        "or leave it out of the mapping (list it in `ignore`)"
      )
    }
  }

  /**
   * Resolves a source path in a scope. `whole: false` (conditions, the list an `each` with
   * `fields` walks) reads the value without copying it: the secrets inside it are not read.
   */
  const resolveSource = (
    p: Ast.SourcePath,
    scope: Scope,
    opts: { readonly mark?: boolean; readonly at?: Ast.Loc; readonly whole?: boolean } = {}
  ): { readonly type: VT.ValueType; readonly get: P.Getter; readonly secret: boolean } | undefined => {
    const at = opts.at ?? p.loc
    let t = p.root ? sourceType : scope.type
    let optional = false
    let secret: string | undefined
    const norm: Array<string> = p.root ? [] : [...scope.prefix]
    const source: Array<string | number> = p.root ? [] : [...scope.source]
    for (let i = 0; i < p.segments.length; i++) {
      const seg = p.segments[i]!
      if (t._tag === "Unknown") {
        norm.push(...p.segments.slice(i))
        source.push(...p.segments.slice(i))
        optional = true
        break
      }
      const next = VT.step(t, seg)
      const here = p.segments.slice(0, i).join(".")
      if (next === undefined) {
        const nn = VT.nonNull(t)
        const candidates = members(nn).flatMap((m) => (m._tag === "Object" ? Object.keys(m.fields) : []))
        let message: string
        let hint = didYouMean(seg, candidates)
        if (members(nn).some((m) => m._tag === "Array")) {
          message = `${quote(here)} is a list: index it (\`${here}.0.${seg}\`) or read its items with \`each\``
          hint = undefined
        } else if (i > 0 && candidates.length === 0) {
          message = `${quote(here)} is ${VT.show(t)}: it has no field ${quote(seg)}`
        } else {
          const where =
            i === 0
              ? scope === rootScope || p.root
                ? ` in ${mapping.source.name}`
                : ` in ${scope.what}`
              : ` (no ${quote(seg)} in ${quote(here)})`
          message = `unknown source path ${quote(p.text)}${where}`
        }
        if (
          hint === undefined &&
          !p.root &&
          scope !== rootScope &&
          i === 0 &&
          VT.field(sourceType, p.segments) !== undefined
        ) {
          hint = `${quote(p.text)} is a field of the record: write \`$.${p.text}\` inside \`each\``
        }
        report(at, "UnknownSourcePath", message, hint)
        return undefined
      }
      const throughArray =
        /^(?:0|[1-9]\d*)$/.test(seg) && members(VT.nonNull(t)).some((m) => m._tag === "Array")
      if (!throughArray) norm.push(seg)
      if (secret === undefined && isSecretField(t, seg)) secret = norm.join(".")
      source.push(seg)
      t = next.type
      optional = optional || next.optional
    }
    if (opts.mark !== false) reads.add(norm.join("."))
    const found =
      secret !== undefined
        ? [secret]
        : opts.whole === false
          ? []
          : secretPaths(t).map((s) => (norm.length === 0 ? s : `${norm.join(".")}.${s}`))
    secretRead(p, norm.join("."), at, found)
    return {
      type: optional && t._tag !== "Unknown" ? VT.orNull(t) : t,
      get: { segments: p.segments, root: p.root, source },
      secret: found.length > 0 || (!p.root && scope.secret)
    }
  }

  const sourcePathOf = (text: string, l: Ast.Loc): Ast.SourcePath => {
    const root = text.startsWith("$.")
    return { text, root, segments: (root ? text.slice(2) : text).split(".").filter((s) => s !== ""), loc: l }
  }

  // ---- conditions ---------------------------------------------------------------------------
  const condition = (c: Ast.Condition, scope: Scope): P.Cond | undefined => {
    const one = (p: Ast.SourcePath) => resolveSource(p, scope, { whole: false })?.get
    const many = (ps: ReadonlyArray<Ast.SourcePath>) => {
      const gets = ps.map(one)
      return gets.every((g) => g !== undefined) ? (gets as ReadonlyArray<P.Getter>) : undefined
    }
    switch (c._tag) {
      case "Present":
      case "Absent": {
        const get = one(c.path)
        return get === undefined ? undefined : { _tag: c._tag, get }
      }
      case "AnyPresent":
      case "AllPresent": {
        const gets = many(c.paths)
        return gets === undefined ? undefined : { _tag: c._tag, gets }
      }
      case "Equals": {
        const get = one(c.path)
        return get === undefined ? undefined : { _tag: "Equals", get, value: c.value }
      }
      case "Not": {
        const cond = condition(c.condition, scope)
        return cond === undefined ? undefined : { _tag: "Not", cond }
      }
      case "All":
      case "Any": {
        const conds = c.conditions.map((x) => condition(x, scope))
        return conds.every((x) => x !== undefined)
          ? { _tag: c._tag, conds: conds as ReadonlyArray<P.Cond> }
          : undefined
      }
    }
  }

  // ---- target values ------------------------------------------------------------------------
  /** What an unmapped target field gets, or undefined when it must be mapped. */
  const unmappedValue = (type: VT.ValueType, required: boolean): P.Fallback | undefined => {
    if (!required) return { _tag: "Omit" }
    if (type._tag === "Unknown" || VT.isNullable(type)) return NULL_FALLBACK
    if (VT.kindOf(VT.nonNull(type)) === "array") return { _tag: "Value", value: "[]" }
    const o = objectOf(type)
    if (o !== undefined && o !== "untyped" && !hasDeclaredFields(o) && o.open)
      return { _tag: "Value", value: "{}" }
    return undefined
  }

  /** The fallback of a spec whose `when` may fail; reports when the target cannot take it. */
  const whenFallback = (target: Target, l: Ast.Loc): P.Fallback => {
    const f = unmappedValue(target.type, target.required)
    if (f !== undefined) return f
    report(
      l,
      "NullableToRequired",
      `\`${target.display}\` is ${VT.show(target.type)}, not nullable, but its \`when\` may fail and leave it null`,
      "add an `otherwise`, or drop the `when`"
    )
    return NULL_FALLBACK
  }

  /** Checks a value of type `t` going into `target`; `fix` replaces the usual hints. */
  const compat = (t: VT.ValueType, target: Target, l: Ast.Loc, what: string, fix?: string): void => {
    if (target.type._tag === "Unknown") return
    if (VT.isNullable(t) && !VT.isNullable(target.type) && target.required) {
      const alwaysNull = VT.isNever(VT.nonNull(t))
      report(
        l,
        "NullableToRequired",
        alwaysNull
          ? `\`${target.display}\` is ${VT.show(target.type)}, not nullable, but ${what} is null`
          : `\`${target.display}\` is ${VT.show(target.type)}, not nullable, but ${what} may be null`,
        fix ?? "add `required` to the pipe (rejects the record when missing) or a `default`"
      )
    }
    const from = VT.nonNull(t)
    const to = VT.nonNull(target.type)
    const r = VT.assignable(from, to)
    if (r !== true) {
      const hint = hintFor(from, to)
      report(
        l,
        "TypeMismatch",
        `\`${target.display}\` expects ${VT.show(target.type)}, but ${what} is ${VT.show(t)}: ${r}`,
        fix ?? (hint !== undefined && r.includes(hint) ? undefined : hint)
      )
    }
  }

  const { pipe } = makePipeChecker({
    transforms: options.transforms,
    state,
    report,
    shared: sharedSteps,
    resolve: (text, l, scope) => resolveSource(sourcePathOf(text, l), scope)
  })

  // ---- lookup and default -------------------------------------------------------------------
  const lookupTable = (
    table: Ast.Lookup,
    input: VT.ValueType,
    target: Target,
    l: Ast.Loc,
    what: string
  ): { readonly type: VT.ValueType; readonly map: ReadonlyMap<string, unknown> } => {
    const k = VT.kindOf(VT.nonNull(input))
    if (k === "object" || k === "array") {
      report(l, "TypeMismatch", `a lookup table's keys are strings, but ${what} is ${VT.show(input)}`)
    }
    const map = new Map<string, unknown>()
    const types: Array<VT.ValueType> = []
    for (const e of table.entries) {
      map.set(e.key, e.value)
      types.push(literalValue(e, target))
    }
    if (VT.isNullable(input)) types.push(VT.Null)
    return { type: VT.union(types), map }
  }

  /** The type of a literal for a target, reported at the literal when it does not fit. */
  const literalValue = (lit: Ast.Literal, target: Target): VT.ValueType => {
    const t = literalFor(lit.value, target.type)
    if (target.type._tag === "Unknown" || lit.value === null) return t
    const r = VT.assignable(t, VT.nonNull(target.type))
    if (r === true) return t
    report(lit.loc, "TypeMismatch", `\`${target.display}\` expects ${VT.show(target.type)}: ${r}`)
    return VT.nonNull(target.type)
  }

  // ---- specs --------------------------------------------------------------------------------
  /**
   * The index slots of a scope depth: `2 * depth` for the index of the `each` or `items` at that
   * depth, `2 * depth + 1` for the output index of an `each` with `where` (`second`).
   */
  const slotOf = (depth: number, second = false): number => {
    const slot = 2 * depth + (second ? 1 : 0)
    if (slot + 1 > maxSlots) maxSlots = slot + 1
    return slot
  }

  /**
   * A value through pipe, lookup and default into `target`. Its input is read from `from`, is
   * the current `each` item (`input` `item`, of type `self`), or is none (`template`).
   */
  const valueFlow = (
    spec: {
      readonly from: ReadonlyArray<Ast.SourcePath>
      readonly tuple: boolean
      readonly pipe: ReadonlyArray<Ast.PipeStep>
      readonly lookup: Ast.Lookup | undefined
      readonly otherwise: Ast.Literal | undefined
      readonly default: Ast.Literal | undefined
      readonly loc: Ast.Loc
    },
    input:
      | { readonly _tag: "from" }
      | { readonly _tag: "item"; readonly type: VT.ValueType }
      | { readonly _tag: "none" },
    target: Target,
    scope: Scope,
    base: { readonly when: P.Cond | undefined; readonly fallback: P.Fallback }
  ): P.Plan => {
    const resolved = input._tag === "from" ? spec.from.map((p) => resolveSource(p, scope)) : []
    const fixed: P.Plan = { _tag: "Fixed", value: null, ...base, target: target.path }
    if (resolved.some((r) => r === undefined)) {
      // Still check the rest of the pipe for unknown transforms and options.
      pipe(spec.pipe, VT.Unknown, scope, "the value")
      return fixed
    }
    const gets = resolved.map((r) => r!.get)
    const what =
      input._tag === "item"
        ? "the item"
        : input._tag === "none"
          ? "the template"
          : spec.tuple
            ? `the tuple [${spec.from.map((p) => p.text).join(", ")}]`
            : `\`${spec.from[0]!.text}\``
    const inputType: VT.ValueType =
      input._tag === "item"
        ? input.type
        : input._tag === "none"
          ? VT.Null
          : spec.tuple
            ? { _tag: "Array", items: VT.union(resolved.map((r) => r!.type)) }
            : resolved[0]!.type
    const piped = pipe(spec.pipe, inputType, scope, what)
    let t = piped.type
    // A template spec's pipe starts with the template itself.
    const flowing = spec.pipe.length === (input._tag === "none" ? 1 : 0) ? what : "the pipe's output"
    let map: ReadonlyMap<string, unknown> | undefined
    let checkAtEnd = true
    if (spec.lookup !== undefined) {
      const looked = lookupTable(spec.lookup, t, target, spec.lookup.loc, flowing)
      map = looked.map
      t = looked.type
      if (spec.otherwise !== undefined) t = VT.union([t, literalValue(spec.otherwise, target)])
      checkAtEnd = false
    }
    if (spec.default !== undefined) {
      const d = literalValue(spec.default, target)
      t = VT.union([VT.nonNull(t), d])
    }
    if (piped.ok) {
      if (checkAtEnd) compat(t, target, spec.loc, flowing)
      else compat(VT.isNullable(t) ? VT.Null : VT.Never, target, spec.loc, "the looked-up value")
      // What a `keep` step keeps skips the rest of the pipe, the lookup and the default.
      for (const k of piped.kept) {
        compat(
          k.type,
          target,
          k.loc,
          `the value \`${k.name}\` keeps (\`onInvalid: keep\`)`,
          "a kept value goes into the field as it is, past the rest of the pipe, the lookup and the default: use `onInvalid: null` or `reject`"
        )
      }
    }
    return {
      _tag: "Value",
      ...base,
      target: target.path,
      input: input._tag,
      from: gets,
      sources:
        input._tag === "item"
          ? [scope.source]
          : input._tag === "none"
            ? piped.reads.map((g) => g.source)
            : gets.map((g) => g.source),
      tuple: spec.tuple,
      steps: piped.steps,
      lookup: map,
      otherwise: spec.otherwise === undefined ? undefined : { value: spec.otherwise.value },
      default: spec.default === undefined ? undefined : { value: spec.default.value },
      secret: piped.secret || resolved.some((r) => r!.secret) || (input._tag === "item" && scope.secret)
    }
  }

  /** Sub-fields of an object target: every target key, in the target's order. */
  const objectFields = (
    entries: ReadonlyArray<Ast.FieldEntry>,
    target: Target,
    scope: Scope,
    l: Ast.Loc,
    overridesOnly: boolean
  ): ReadonlyArray<P.FieldPlan> => {
    const o = objectOf(target.type)
    const byName = new Map(entries.map((e) => [e.name, e]))
    const out: Array<P.FieldPlan> = []
    const sub = (name: string, f: VT.Field | undefined): Target => ({
      type: f?.type ?? VT.Unknown,
      required: f?.required ?? true,
      path: [...target.path, name],
      display: target.display === "" ? name : `${target.display}.${name}`,
      top: target.top === "" ? name : target.top
    })
    const declared = o !== undefined && o !== "untyped" ? o.fields : {}
    const typed = o !== undefined && o !== "untyped" && hasDeclaredFields(o)
    for (const [name, f] of Object.entries(declared)) {
      const e = byName.get(name)
      const t = sub(name, f)
      if (e !== undefined) {
        out.push({ key: name, plan: field(e.spec, t, scope, false), omitNull: !f.required })
        continue
      }
      if (overridesOnly) continue
      const fallback = unmappedValue(f.type, f.required)
      if (fallback === undefined) {
        report(
          l,
          "UnmappedRequired",
          `\`${t.display}\` is ${VT.show(f.type)}, not nullable, and the mapping does not set it`,
          `map it, e.g. \`${name}: <source path>\`, or give it a \`const\``,
          l.path.length > 0 && !overridesOnly ? { part: "key" } : {}
        )
        continue
      }
      if (fallback._tag === "Omit") continue
      out.push({
        key: name,
        plan: { _tag: "Fixed", value: fallback.value, when: undefined, fallback, target: t.path },
        omitNull: false
      })
    }
    for (const e of entries) {
      if (Object.hasOwn(declared, e.name)) continue
      if (typed || (o !== undefined && o !== "untyped" && !o.open)) {
        report(
          e.loc,
          "UnknownTargetField",
          `\`${target.display === "" ? mapping.target.name : target.display}\` has no field ${quote(e.name)}`,
          didYouMean(e.name, Object.keys(declared)),
          { part: "key" }
        )
        continue
      }
      out.push({ key: e.name, plan: field(e.spec, sub(e.name, undefined), scope, false), omitNull: false })
    }
    return out
  }

  const field = (spec: Ast.Spec, target: Target, scope: Scope, inItems: boolean): P.Plan => {
    const when = spec.when === undefined ? undefined : condition(spec.when, scope)
    const fallback =
      spec.when === undefined || inItems
        ? NULL_FALLBACK
        : spec._tag === "Block" && spec.otherwise !== undefined
          ? NULL_FALLBACK
          : whenFallback(target, spec.loc)
    const base = { when, fallback, target: target.path }
    switch (spec._tag) {
      case "Invalid":
        return { _tag: "Fixed", value: null, ...base }
      case "Const":
        compat(literalFor(spec.value, target.type), target, spec.loc, `the constant ${preview(spec.value)}`)
        return { _tag: "Const", ...base, value: spec.value }
      case "From":
        return valueFlow(spec, { _tag: "from" }, target, scope, base)
      case "Template":
        return valueFlow(
          { ...spec, from: [], tuple: false, pipe: [spec.template, ...spec.pipe] },
          { _tag: "none" },
          target,
          scope,
          base
        )
      case "Block": {
        const o = objectOf(target.type)
        if (o === undefined) {
          const near = spec.fields
            .map((f) => closest(f.name, reservedKeys))
            .find((x): x is string => x !== undefined)
          report(
            spec.loc,
            "TypeMismatch",
            `\`${target.display}\` is ${VT.show(target.type)}, but this is a block of sub-fields, which builds an object`,
            near !== undefined
              ? `a field spec needs \`from\`, \`const\`, \`each\`, \`items\`, \`same\` or \`template\`: did you mean ${JSON.stringify(near)}?`
              : (hintFor({ _tag: "Object", fields: {}, open: true }, target.type) ??
                  "write a source path or `{ from: ..., pipe: [...] }`")
          )
          return { _tag: "Fixed", value: null, ...base }
        }
        const fields = objectFields(spec.fields, target, scope, spec.loc, false)
        const otherwise =
          spec.otherwise === undefined ? undefined : field(spec.otherwise, target, scope, false)
        return { _tag: "Object", ...base, fields, otherwise }
      }
      case "Each": {
        const items = arrayOf(target.type)
        if (items === undefined) {
          report(
            spec.loc,
            "TypeMismatch",
            `\`${target.display}\` is ${VT.show(target.type)}, but \`each\` builds a list`
          )
          return { _tag: "Fixed", value: null, ...base }
        }
        const src = resolveSource(spec.each, scope, {
          mark: spec.fields === undefined,
          whole: spec.fields === undefined
        })
        if (src === undefined) return { _tag: "Fixed", value: "[]", ...base }
        const srcItems = arrayOf(src.type)
        if (srcItems === undefined) {
          report(
            spec.each.loc,
            "TypeMismatch",
            `\`each\` reads a list, but \`${spec.each.text}\` is ${VT.show(src.type)}`,
            "use `from` for a single value, or `items` for a list of fixed entries"
          )
          return { _tag: "Fixed", value: "[]", ...base }
        }
        // Without `where`, an item has the same index in the source and the output list.
        const sourceSlot = slotOf(scope.depth)
        const targetSlot = spec.where === undefined ? sourceSlot : slotOf(scope.depth, true)
        const itemScope: Scope = {
          type: srcItems,
          prefix: [
            ...(spec.each.root ? [] : scope.prefix),
            ...spec.each.segments.filter((s) => !/^(?:0|[1-9]\d*)$/.test(s))
          ],
          source: [...src.get.source, sourceSlot],
          depth: scope.depth + 1,
          what: `the items of \`${spec.each.text}\``,
          secret: src.secret
        }
        const where = spec.where === undefined ? undefined : condition(spec.where, itemScope)
        const itemTarget: Target = {
          type: items,
          required: true,
          path: [...target.path, targetSlot],
          display: `${target.display}[]`,
          top: target.top
        }
        let item: P.Plan
        if (spec.fields !== undefined) {
          const o = objectOf(items)
          if (o === undefined) {
            report(
              spec.loc,
              "TypeMismatch",
              `the items of \`${target.display}\` are ${VT.show(items)}, but \`fields\` builds objects`
            )
            item = {
              _tag: "Fixed",
              value: null,
              when: undefined,
              fallback: NULL_FALLBACK,
              target: itemTarget.path
            }
          } else {
            item = {
              _tag: "Object",
              when: undefined,
              fallback: NULL_FALLBACK,
              target: itemTarget.path,
              fields: objectFields(spec.fields, itemTarget, itemScope, spec.loc, false),
              otherwise: undefined
            }
          }
        } else {
          item = valueFlow(
            { ...spec, from: [], tuple: false },
            { _tag: "item", type: srcItems },
            itemTarget,
            itemScope,
            {
              when: undefined,
              fallback: NULL_FALLBACK
            }
          )
        }
        return { _tag: "Each", ...base, source: src.get, where, item, sourceSlot, targetSlot }
      }
      case "Items": {
        const items = arrayOf(target.type)
        if (items === undefined) {
          report(
            spec.loc,
            "TypeMismatch",
            `\`${target.display}\` is ${VT.show(target.type)}, but \`items\` builds a list`
          )
          return { _tag: "Fixed", value: null, ...base }
        }
        const slot = slotOf(scope.depth)
        const inner: Scope = { ...scope, depth: scope.depth + 1 }
        const itemTarget: Target = {
          type: items,
          required: true,
          path: [...target.path, slot],
          display: `${target.display}[]`,
          top: target.top
        }
        return {
          _tag: "Items",
          ...base,
          items: spec.items.map((s) => field(s, itemTarget, inner, true)),
          slot
        }
      }
      case "Same": {
        const [top, ...rest] = spec.same.segments
        const t = top === undefined ? undefined : VT.field(targetType, spec.same.segments)
        const topKnown =
          top !== undefined &&
          (targetType._tag === "Unknown" ||
            (targetType._tag === "Object" &&
              (Object.hasOwn(targetType.fields, top) || !hasDeclaredFields(targetType))) ||
            mapping.fields.some((f) => f.name === top))
        if (top === undefined || t === undefined || !topKnown) {
          const candidates =
            targetType._tag === "Object" ? Object.keys(targetType.fields) : mapping.fields.map((f) => f.name)
          report(
            spec.same.loc,
            "UnknownTargetField",
            `\`same\` refers to ${quote(spec.same.text)}, which is not a field of ${mapping.target.name}`,
            didYouMean(top ?? spec.same.text, candidates)
          )
          return { _tag: "Fixed", value: null, ...base }
        }
        if (top === target.top) {
          report(
            spec.same.loc,
            "SameCycle",
            `\`${target.display}\` cannot be \`same\` as ${quote(spec.same.text)}: it is part of the same field \`${top}\``
          )
          return { _tag: "Fixed", value: null, ...base }
        }
        sameEdges.push({ from: target.top, to: top, loc: spec.same.loc })
        let overrides: ReadonlyArray<P.FieldPlan> | undefined
        if (spec.fields !== undefined) {
          if (objectOf(target.type) === undefined) {
            report(
              spec.loc,
              "TypeMismatch",
              `\`${target.display}\` is ${VT.show(target.type)}: it has no fields to override`
            )
          } else overrides = objectFields(spec.fields, target, scope, spec.loc, true)
        }
        compat(t, target, spec.same.loc, `\`${spec.same.text}\``)
        return { _tag: "Same", ...base, top, rest, overrides }
      }
    }
  }

  // ---- the document -------------------------------------------------------------------------
  const rootTarget: Target = { type: targetType, required: true, path: [], display: "", top: "" }
  if (objectOf(targetType) === undefined) {
    report(
      mapping.target.loc,
      "TypeMismatch",
      `${mapping.target.name} is ${VT.show(targetType)}, not a record (an object)`
    )
  }
  const fields = objectFields(mapping.fields, rootTarget, rootScope, mapping.fieldsLoc, false)
  const order = orderFields(fields, sameEdges, (edge, cycle) =>
    report(
      edge.loc,
      "SameCycle",
      `\`same\` goes round in a circle: ${cycle.join(" → ")}`,
      "one of these fields must be mapped on its own"
    )
  )

  // ---- ignore and unmapped source fields ----------------------------------------------------
  // `ignore` names source fields in the same form the unmapped-field warning prints them:
  // list items without an index (`UserCustomerGroup.username`).
  const sourceLeaves = sourceSchema === undefined ? [] : leaves(sourceType, "")
  const covers = (p: string, leaf: string) =>
    p === leaf || leaf.startsWith(`${p}.`) || p.startsWith(`${leaf}.`)
  const ignored: Array<string> = []
  for (const p of mapping.ignore) {
    const name = p.segments.filter((s) => !/^(?:0|[1-9]\d*)$/.test(s)).join(".")
    if (sourceSchema === undefined || sourceLeaves.some((leaf) => covers(name, leaf))) ignored.push(name)
    else
      report(
        p.loc,
        "UnknownSourcePath",
        `unknown source field ${quote(name)} in ${mapping.source.name}`,
        didYouMean(name, sourceLeaves)
      )
  }
  // `secrets` names secret fields only: anything else opts in to nothing.
  const secretFields = sourceSchema === undefined ? [] : secretPaths(sourceType)
  for (const p of mapping.secrets) {
    const name = p.segments.filter((s) => !/^(?:0|[1-9]\d*)$/.test(s)).join(".")
    if (sourceSchema === undefined || secretFields.includes(name)) continue
    if (sourceLeaves.some((leaf) => covers(name, leaf)))
      report(
        p.loc,
        "NotASecret",
        `\`${name}\` is not a secret (writeOnly) field of ${mapping.source.name}`,
        secretFields.length === 0
          ? `${mapping.source.name} has no secret fields: remove \`secrets\``
          : `its secret fields: ${secretFields.join(", ")}`
      )
    else
      report(
        p.loc,
        "UnknownSourcePath",
        `unknown source field ${quote(name)} in ${mapping.source.name}`,
        didYouMean(name, secretFields)
      )
  }
  if (mapping.unmapped !== "off" && sourceSchema !== undefined) {
    const unread = sourceLeaves.filter(
      (leaf) => ![...reads].some((r) => covers(r, leaf)) && !ignored.some((i) => covers(i, leaf))
    )
    if (unread.length > 0) {
      const shown = unread.slice(0, 12).map((leaf) => `\`${leaf}\``)
      const more = unread.length > shown.length ? ` and ${unread.length - shown.length} more` : ""
      report(
        mapping.source.loc,
        "UnmappedSourceField",
        unread.length === 1
          ? `source field ${shown[0]} is never read`
          : `${unread.length} source fields are never read: ${shown.join(", ")}${more}`,
        "map them, keep them under `extra`, or list them in `ignore`",
        { severity: mapping.unmapped === "error" ? "error" : "warning" }
      )
    }
  }

  return { diagnostics, plan: { fields, order, slots: maxSlots }, source: sourceSchema, target: targetSchema }
}
