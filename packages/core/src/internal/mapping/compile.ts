/**
 * The mapping compiler: from the checked plan to one plain function `(record) => result`, made
 * of closures over plain objects. Paths are split once, transforms were compiled by the checker,
 * conditions become predicates, objects are built with their keys in the target's order. No YAML
 * is walked and no Effect runs per record; the happy path allocates the output and the result.
 *
 * @internal
 */
import * as RecordIssue from "../../RecordIssue.ts"
import { type Apply, Invalid } from "../../Transform.ts"
import { type Get, getter, isPresent } from "./paths.ts"
import type * as P from "./plan.ts"

export interface MappingResult {
  readonly value?: Record<string, unknown>
  readonly issues: ReadonlyArray<RecordIssue.RecordIssue>
}

/** What validates an output record (stage `validate`). */
export type Validate = (value: unknown) => ReadonlyArray<RecordIssue.RecordIssue>

type Eval = (scope: unknown) => unknown

const EMPTY: ReadonlyArray<RecordIssue.RecordIssue> = Object.freeze([])

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v)

/** A literal from the spec: primitives as they are, objects and lists copied for each record. */
const literal = (value: unknown): (() => unknown) => {
  if (typeof value !== "object" || value === null) return () => value
  return () => structuredClone(value)
}

const fresh = (value: null | "[]" | "{}"): (() => unknown) =>
  value === "[]" ? () => [] : value === "{}" ? () => ({}) : () => null

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v)

const PREVIEW = 40

const preview = (v: unknown): string => {
  if (typeof v === "string") return JSON.stringify(v.length > PREVIEW ? `${v.slice(0, PREVIEW)}…` : v)
  if (typeof v === "object" && v !== null) return Array.isArray(v) ? "a list" : "an object"
  return String(v)
}

const setKey = (o: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  } else o[key] = value
}

/**
 * Objects built key by key through one store site turn slow (dictionary mode) in V8 beyond
 * about 16 keys. A large object is built instead as a copy of a template made by `JSON.parse`
 * (fast, with every key in order), whose keys are then overwritten: the output stays a fast
 * object, quick to build, to validate and to serialize.
 */
const LARGE = 12

const isFixedNull = (p: P.Plan): boolean => p._tag === "Fixed" && p.value === null && p.when === undefined

const templateOf = (keys: ReadonlyArray<string>): Record<string, unknown> | undefined =>
  keys.length <= LARGE || keys.includes("__proto__")
    ? undefined
    : (JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:null`).join(",")}}`) as Record<string, unknown>)

/**
 * Compiles a checked mapping. `validate`, when given, checks each output that has no error.
 */
export const compile = (
  plan: P.RootPlan,
  state: P.State,
  validate: Validate | undefined
): ((record: unknown) => MappingResult) => {
  for (let i = 0; i < plan.slots; i++) state.index[i] = 0

  // ---- issues (built only when something goes wrong) -----------------------------------------
  const fill = (path: P.IndexedPath): string => {
    let out = ""
    for (const part of path) {
      const s = typeof part === "number" ? String(state.index[part]) : part
      out = out === "" ? s : `${out}.${s}`
    }
    return out
  }
  const fillAll = (paths: ReadonlyArray<P.IndexedPath>): string | undefined =>
    paths.length === 0 ? undefined : paths.map(fill).join(",")

  const issue = (
    severity: RecordIssue.Severity,
    target: P.IndexedPath,
    sources: ReadonlyArray<P.IndexedPath>,
    code: string,
    message: string
  ): void => {
    const sourcePath = fillAll(sources)
    const made: RecordIssue.RecordIssue =
      sourcePath === undefined
        ? { severity, stage: "map", path: fill(target), code, message }
        : { severity, stage: "map", path: fill(target), sourcePath, code, message }
    if (state.issues === undefined) state.issues = [made]
    else state.issues.push(made)
    if (severity === "error") state.error = true
  }

  // ---- reads and conditions -----------------------------------------------------------------
  const read = (g: P.Getter): Get => {
    const get = getter(g.segments)
    return g.root ? () => get(state.root) : get
  }

  const cond = (c: P.Cond): ((scope: unknown) => boolean) => {
    switch (c._tag) {
      case "Present": {
        const g = read(c.get)
        return (s) => isPresent(g(s))
      }
      case "Absent": {
        const g = read(c.get)
        return (s) => !isPresent(g(s))
      }
      case "AnyPresent": {
        const gs = c.gets.map(read)
        return (s) => {
          for (const g of gs) if (isPresent(g(s))) return true
          return false
        }
      }
      case "AllPresent": {
        const gs = c.gets.map(read)
        return (s) => {
          for (const g of gs) if (!isPresent(g(s))) return false
          return true
        }
      }
      case "Equals": {
        const g = read(c.get)
        const value = c.value
        const text = value === null ? undefined : String(value)
        return (s) => {
          const v = g(s)
          if (v === value) return true
          return (
            text !== undefined &&
            (typeof v === "string" || typeof v === "number" || typeof v === "boolean") &&
            String(v) === text
          )
        }
      }
      case "Not": {
        const inner = cond(c.cond)
        return (s) => !inner(s)
      }
      case "All": {
        const cs = c.conds.map(cond)
        return (s) => {
          for (const x of cs) if (!x(s)) return false
          return true
        }
      }
      case "Any": {
        const cs = c.conds.map(cond)
        return (s) => {
          for (const x of cs) if (x(s)) return true
          return false
        }
      }
    }
  }

  // ---- nodes --------------------------------------------------------------------------------
  /** A node with its `when`: the node when it holds, else its fallback (or an object's `otherwise`). */
  const node = (p: P.Plan): Eval => {
    const inner = body(p)
    if (p.when === undefined) return inner
    const test = cond(p.when)
    const other = p._tag === "Object" && p.otherwise !== undefined ? node(p.otherwise) : undefined
    if (other !== undefined) return (s) => (test(s) ? inner(s) : other(s))
    const fb = fresh(p.fallback._tag === "Value" ? p.fallback.value : null)
    return (s) => (test(s) ? inner(s) : fb())
  }

  const body = (p: P.Plan): Eval => {
    switch (p._tag) {
      case "Fixed":
        return fresh(p.value)
      case "Const":
        return literal(p.value)
      case "Value":
        return value(p)
      case "Object":
        return object(p.fields)
      case "Each":
        return each(p)
      case "Items":
        return items(p)
      case "Same":
        return same(p)
    }
  }

  /**
   * A step's function; a shared one remembers its last primitive result (or `Invalid`) for the
   * same input, scope and record, so the same conversion runs once per record.
   */
  const memos = new Map<P.SharedStep, Apply>()
  const applyOf = (step: P.Step): Apply => {
    const { apply, uses } = step.shared
    if (uses < 2) return apply
    const known = memos.get(step.shared)
    if (known !== undefined) return known
    let has = false
    let lastRoot: unknown
    let lastScope: unknown
    let lastInput: unknown
    let lastOutput: unknown
    const memo: Apply = (v, scope) => {
      if (has && lastInput === v && lastScope === scope && lastRoot === state.root) return lastOutput
      const out = apply(v, scope)
      if (typeof out !== "object" || out === null || out instanceof Invalid) {
        has = true
        lastRoot = state.root
        lastScope = scope
        lastInput = v
        lastOutput = out
      }
      return out
    }
    memos.set(step.shared, memo)
    return memo
  }

  const value = (p: P.ValuePlan): Eval => {
    const { sources, target } = p
    let input: Eval
    if (p.input === "item") input = (s) => s
    else if (p.input === "none") input = () => null
    else if (!p.tuple) input = read(p.from[0]!)
    else {
      const gs = p.from.map(read)
      if (gs.length === 2) {
        const [a, b] = gs as [Get, Get]
        input = (s) => [a(s), b(s)]
      } else input = (s) => gs.map((g) => g(s))
    }
    const steps = p.steps
    const applies = steps.map(applyOf)
    const n = steps.length
    // A value read from a secret field is never quoted: its issues say what failed, not the value.
    const secret = p.secret
    const table = p.lookup
    const otherwise = p.otherwise === undefined ? undefined : literal(p.otherwise.value)
    const dflt = p.default === undefined ? undefined : literal(p.default.value)
    const keys =
      table === undefined
        ? ""
        : [...table.keys()]
            .slice(0, 10)
            .map((k) => JSON.stringify(k))
            .join(", ")
    if (n === 0 && table === undefined && dflt === undefined) {
      return (s) => {
        const v = input(s)
        return v === undefined ? null : v
      }
    }
    return (s) => {
      let v = input(s)
      for (let i = 0; i < n; i++) {
        const step = steps[i]!
        if (step.pass && (v === null || v === undefined)) {
          v = null
          continue
        }
        let r: unknown
        try {
          r = applies[i]!(v, s)
        } catch (e) {
          issue(
            "error",
            target,
            sources,
            "TransformFailed",
            `transform \`${step.name}\` failed unexpectedly (${e instanceof Error ? e.name : typeof e}); this is a bug in the transform`
          )
          return null
        }
        if (r instanceof Invalid) {
          const message = secret ? `the value of a secret field is not valid for \`${step.name}\`` : r.message
          if (step.onInvalid === "reject") {
            issue("error", target, sources, r.code, message)
            return null
          }
          issue("warning", target, sources, r.code, message)
          if (step.onInvalid === "keep") return v === undefined ? null : v
          v = null
          continue
        }
        v = r
      }
      if (table !== undefined && v !== null && v !== undefined) {
        const key = typeof v === "object" ? undefined : String(v)
        if (key !== undefined && table.has(key)) {
          const found = table.get(key)
          v = typeof found === "object" && found !== null ? structuredClone(found) : found
        } else if (otherwise !== undefined) v = otherwise()
        else {
          issue(
            "error",
            target,
            sources,
            "UnknownLookupValue",
            key === undefined
              ? `a lookup needs a string, number or boolean, got ${kindOf(v)}`
              : secret
                ? "the value of a secret field is not in the lookup table"
                : `${preview(v)} is not in the lookup table (${keys}${table.size > 10 ? ", ..." : ""})`
          )
          return null
        }
      }
      if (v === undefined || v === null) return dflt === undefined ? null : dflt()
      return v
    }
  }

  const object = (fields: ReadonlyArray<P.FieldPlan>): ((s: unknown) => Record<string, unknown>) => {
    const keys = fields.map((f) => f.key)
    const evals = fields.map((f) => node(f.plan))
    const omit = fields.map((f) => f.omitNull)
    const n = keys.length
    const special = keys.includes("__proto__")
    const anyOmit = omit.some((x) => x)
    const template = anyOmit ? undefined : templateOf(keys)
    if (template !== undefined) {
      // The template already holds the nulls of unmapped fields.
      const live = fields.flatMap((f, i) => (isFixedNull(f.plan) ? [] : [i]))
      const liveKeys = live.map((i) => keys[i]!)
      const liveEvals = live.map((i) => evals[i]!)
      const m = live.length
      return (s) => {
        const o: Record<string, unknown> = { ...template }
        for (let i = 0; i < m; i++) o[liveKeys[i]!] = liveEvals[i]!(s)
        return o
      }
    }
    if (!special && !anyOmit) {
      return (s) => {
        const o: Record<string, unknown> = {}
        for (let i = 0; i < n; i++) o[keys[i]!] = evals[i]!(s)
        return o
      }
    }
    return (s) => {
      const o: Record<string, unknown> = {}
      for (let i = 0; i < n; i++) {
        const v = evals[i]!(s)
        if (omit[i] && v === null) continue
        setKey(o, keys[i]!, v)
      }
      return o
    }
  }

  const each = (p: P.EachPlan): Eval => {
    const src = read(p.source)
    const item = node(p.item)
    const slot = p.sourceSlot
    const { target } = p
    const sources = [p.source.source]
    const notAList = (list: unknown): Array<unknown> => {
      issue("error", target, sources, "NotAnArray", `\`each\` reads a list, got ${kindOf(list)}`)
      return []
    }
    if (p.where === undefined) {
      return (s) => {
        const list = src(s)
        if (list === undefined || list === null) return []
        if (!Array.isArray(list)) return notAList(list)
        const out: Array<unknown> = []
        for (let i = 0; i < list.length; i++) {
          state.index[slot] = i
          out.push(item(list[i]))
        }
        return out
      }
    }
    // With `where`, an item kept has its source index in `slot` and its output index in `kept`.
    const keep = cond(p.where)
    const kept = p.targetSlot
    return (s) => {
      const list = src(s)
      if (list === undefined || list === null) return []
      if (!Array.isArray(list)) return notAList(list)
      const out: Array<unknown> = []
      for (let i = 0; i < list.length; i++) {
        const x = list[i]
        if (!keep(x)) continue
        state.index[slot] = i
        state.index[kept] = out.length
        out.push(item(x))
      }
      return out
    }
  }

  const items = (p: P.ItemsPlan): Eval => {
    const entries = p.items.map((e) => ({
      test:
        e.when === undefined || (e._tag === "Object" && e.otherwise !== undefined) ? undefined : cond(e.when),
      run: e.when === undefined || (e._tag === "Object" && e.otherwise !== undefined) ? node(e) : body(e)
    }))
    const slot = p.slot
    return (s) => {
      const out: Array<unknown> = []
      for (const e of entries) {
        if (e.test !== undefined && !e.test(s)) continue
        state.index[slot] = out.length
        out.push(e.run(s))
      }
      return out
    }
  }

  const same = (p: P.SamePlan): Eval => {
    const top = p.top
    const rest = getter(p.rest)
    const overrides = p.overrides
    const keys = overrides?.map((f) => f.key) ?? []
    const evals = overrides?.map((f) => node(f.plan)) ?? []
    const omit = overrides?.map((f) => f.omitNull) ?? []
    return (s) => {
      const out = state.out
      const v = rest(out === undefined ? undefined : out[top])
      if (v === undefined || v === null) return null
      if (Array.isArray(v)) return overrides === undefined ? v.slice() : null
      if (!isPlainObject(v)) return v
      const o: Record<string, unknown> = { ...v }
      for (let i = 0; i < keys.length; i++) {
        const x = evals[i]!(s)
        if (omit[i] && x === null) delete o[keys[i]!]
        else setKey(o, keys[i]!, x)
      }
      return o
    }
  }

  // ---- secrets in validation issues ----------------------------------------------------------
  const secretTargets = secretTargetsOf(plan)
  /** Output validation quotes values: not those that came from a secret field. */
  const scrub = (found: ReadonlyArray<RecordIssue.RecordIssue>): ReadonlyArray<RecordIssue.RecordIssue> =>
    secretTargets.length === 0
      ? found
      : found.map((i) =>
          secretTargets.some((t) => under(i.path, t))
            ? { ...i, message: `the value of a secret field is not valid for \`${i.path}\`` }
            : i
        )

  // ---- the record ---------------------------------------------------------------------------
  const keys = plan.fields.map((f) => f.key)
  const evals = plan.fields.map((f) => node(f.plan))
  const omit = plan.fields.map((f) => f.omitNull)
  const inOrder = plan.order.every((i, k) => i === k) && plan.order.length === plan.fields.length
  const order = plan.order
  const n = keys.length
  const special = keys.includes("__proto__")
  const template = omit.some((x) => x) ? undefined : templateOf(keys)
  const live = order.filter((i) => !isFixedNull(plan.fields[i]!.plan))

  const root = (record: unknown): Record<string, unknown> => {
    if (template !== undefined) {
      const o: Record<string, unknown> = { ...template }
      state.out = o
      for (const i of live) o[keys[i]!] = evals[i]!(record)
      return o
    }
    const o: Record<string, unknown> = {}
    state.out = o
    if (inOrder && !special) {
      for (let i = 0; i < n; i++) {
        const v = evals[i]!(record)
        if (omit[i] && v === null) continue
        o[keys[i]!] = v
      }
      return o
    }
    for (let i = 0; i < n; i++) setKey(o, keys[i]!, null)
    for (const i of order) setKey(o, keys[i]!, evals[i]!(record))
    for (let i = 0; i < n; i++) if (omit[i] && o[keys[i]!] === null) delete o[keys[i]!]
    return o
  }

  return (record) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      return {
        issues: [
          RecordIssue.make({
            severity: "error",
            stage: "map",
            path: "",
            code: "NotAnObject",
            message: `a record must be an object, got ${kindOf(record)}`
          })
        ]
      }
    }
    state.root = record
    state.issues = undefined
    state.error = false
    let value: Record<string, unknown>
    try {
      value = root(record)
    } catch (e) {
      state.root = undefined
      state.out = undefined
      state.issues = undefined
      return {
        issues: [
          RecordIssue.make({
            severity: "error",
            stage: "map",
            path: "",
            code: "MappingFailed",
            message: `the mapping failed unexpectedly (${e instanceof Error ? e.name : typeof e})`
          })
        ]
      }
    }
    const issues = state.issues
    const failed = state.error
    state.root = undefined
    state.out = undefined
    state.issues = undefined
    if (failed) return { issues: issues ?? EMPTY }
    if (validate !== undefined) {
      const found = scrub(validate(value))
      if (found.length > 0) {
        const all = issues === undefined ? [...found] : merge(issues, found)
        return RecordIssue.rejects(all) ? { issues: all } : { value, issues: all }
      }
    }
    return { value, issues: issues ?? EMPTY }
  }
}

/**
 * The target paths (index slots as numbers, matching any index) that may hold a value read
 * from a secret field: those of secret values, and the fields `same` copies one of them into.
 */
const secretTargetsOf = (plan: P.RootPlan): ReadonlyArray<P.IndexedPath> => {
  const out: Array<P.IndexedPath> = []
  const sames: Array<P.SamePlan> = []
  const walk = (p: P.Plan): void => {
    switch (p._tag) {
      case "Value":
        if (p.secret) out.push(p.target)
        return
      case "Object":
        for (const f of p.fields) walk(f.plan)
        if (p.otherwise !== undefined) walk(p.otherwise)
        return
      case "Each":
        walk(p.item)
        return
      case "Items":
        for (const i of p.items) walk(i)
        return
      case "Same":
        sames.push(p)
        for (const f of p.overrides ?? []) walk(f.plan)
        return
      default:
        return
    }
  }
  for (const f of plan.fields) walk(f.plan)
  // A `same` of a field holding a secret holds it too (a chain of them at most once per field).
  for (let round = 0; round <= sames.length; round++) {
    let added = false
    for (const s of sames) {
      const from = [s.top, ...s.rest]
      const copies = out.some((t) => prefixOf(from, t) || prefixOf(t, from))
      if (copies && !out.some((t) => t === s.target)) {
        out.push(s.target)
        added = true
      }
    }
    if (!added) break
  }
  return out
}

/** Whether `a` is `b` or a prefix of it; a number (an index slot) matches any segment. */
const prefixOf = (a: P.IndexedPath, b: P.IndexedPath): boolean =>
  a.length <= b.length && a.every((x, i) => typeof x === "number" || typeof b[i] === "number" || x === b[i])

/** Whether the dotted issue path is at or below the target path (index slots match indexes). */
const under = (path: string, target: P.IndexedPath): boolean => {
  const parts = path === "" ? [] : path.split(".")
  return (
    parts.length >= target.length &&
    target.every((x, i) => (typeof x === "number" ? /^\d+$/.test(parts[i]!) : x === parts[i]))
  )
}

/** Map issues, then the validation issues that do not repeat one (same path and code). */
const merge = (
  mapped: ReadonlyArray<RecordIssue.RecordIssue>,
  validated: ReadonlyArray<RecordIssue.RecordIssue>
): Array<RecordIssue.RecordIssue> => {
  const out = [...mapped]
  for (const v of validated) if (!mapped.some((m) => m.path === v.path && m.code === v.code)) out.push(v)
  return out
}
