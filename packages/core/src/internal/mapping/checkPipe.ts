/**
 * The mapping checker's part for pipes: each transform looked up, its options decoded (with
 * `{ from: path }` options checked as source paths), the kinds flowing into it checked, its
 * output type followed, and its compiled function shared between identical steps.
 *
 * @internal
 */
import { Result, Schema, SchemaIssue } from "effect"
import type * as Transform from "../../Transform.ts"
import * as VT from "../../ValueType.ts"
import { quote, type YamlPath } from "../yaml.ts"
import type * as Ast from "./ast.ts"
import { isRecord, kindsText, type Report, type Scope, stableJson } from "./checkTypes.ts"
import { getter } from "./paths.ts"
import type * as P from "./plan.ts"
import { didYouMean } from "./suggest.ts"

export interface PipeEnv {
  readonly transforms: Transform.TransformRegistry
  readonly state: P.State
  readonly report: Report
  /** Compiled steps by transform, options, scope and source. */
  readonly shared: Map<string, P.SharedStep>
  /** Checks a source path written at `l` (marking it read); undefined when unknown (reported). */
  readonly resolve: (
    text: string,
    l: Ast.Loc,
    scope: Scope
  ) => { readonly get: P.Getter; readonly secret: boolean } | undefined
}

/** A step with `onInvalid: keep`: the value it keeps skips the rest of the pipe, the lookup and the default. */
export interface Kept {
  readonly name: string
  /** The type of the value going into the step, which it keeps as it is. */
  readonly type: VT.ValueType
  readonly loc: Ast.Loc
}

export interface CheckedPipe {
  /** The type of the pipe's output when no `keep` step kept its input. */
  readonly type: VT.ValueType
  /** What the `keep` steps may keep: it goes straight into the field. */
  readonly kept: ReadonlyArray<Kept>
  readonly steps: ReadonlyArray<P.Step>
  readonly ok: boolean
  /** Source paths read by the options (`{ from: path }`, template placeholders). */
  readonly reads: ReadonlyArray<P.Getter>
  /** An option reads a secret field. */
  readonly secret: boolean
}

export const makePipeChecker = (env: PipeEnv) => {
  /** The `{ from: path }` options inside raw options, with their YAML paths. */
  const fromOptions = (
    raw: unknown,
    base: YamlPath,
    out: Array<{ readonly from: string; readonly path: YamlPath }>
  ) => {
    if (Array.isArray(raw)) {
      raw.forEach((v, i) => {
        fromOptions(v, [...base, i], out)
      })
    } else if (isRecord(raw)) {
      if (typeof raw.from === "string" && Object.keys(raw).length === 1)
        out.push({ from: raw.from, path: [...base, "from"] })
      else for (const [k, v] of Object.entries(raw)) fromOptions(v, [...base, k], out)
    }
    return out
  }

  const contextFor = (
    step: Ast.PipeStep,
    scope: Scope,
    reads: { readonly gets: Array<P.Getter>; secret: boolean }
  ): Transform.CompileContext => {
    const located = fromOptions(step.options, step.optionsLoc.path, [])
    return {
      value: (option) => {
        if (isRecord(option) && typeof option.from === "string") {
          const text = option.from
          const at = located.find((x) => x.from === text)
          const l: Ast.Loc =
            at === undefined ? step.optionsLoc : { yaml: step.optionsLoc.yaml, path: at.path }
          const resolved = env.resolve(text, l, scope)
          if (resolved === undefined) return () => undefined
          reads.gets.push(resolved.get)
          if (resolved.secret) reads.secret = true
          const get = getter(resolved.get.segments)
          return resolved.get.root ? () => get(env.state.root) : (record) => get(record)
        }
        return () => option
      }
    }
  }

  const decodeOptions = (
    tr: Transform.Transform,
    step: Ast.PipeStep
  ): { readonly ok: true; readonly options: unknown } | { readonly ok: false } => {
    const schema = tr.options
    if (schema === undefined) {
      if (!step.bare) {
        env.report(step.optionsLoc, "InvalidOptions", `\`${tr.name}\` takes no options (only \`onInvalid\`)`)
        return { ok: false }
      }
      return { ok: true, options: undefined }
    }
    if (step.bare && tr.optionsRequired === true) {
      env.report(
        step.loc,
        "InvalidOptions",
        `\`${tr.name}\` needs options: write \`{ ${tr.name}: { ... } }\``
      )
      return { ok: false }
    }
    const decode = Schema.decodeUnknownResult(schema)
    const parseOptions = { errors: "all", onExcessProperty: "error" } as const
    const first = decode(step.options, parseOptions)
    if (Result.isSuccess(first)) return { ok: true, options: first.success }
    if (step.bare) {
      const empty = decode({}, parseOptions)
      if (Result.isSuccess(empty)) return { ok: true, options: empty.success }
    }
    const formatted = SchemaIssue.makeFormatterStandardSchemaV1()(first.failure.issue)
    for (const issue of formatted.issues) {
      const sub = (issue.path ?? []).map((k) =>
        typeof k === "object" && k !== null && "key" in k ? k.key : k
      )
      const path = [...step.optionsLoc.path, ...sub.map((k) => (typeof k === "number" ? k : String(k)))]
      const where = sub.length === 0 ? "" : ` at \`${sub.map(String).join(".")}\``
      env.report(
        step.optionsLoc,
        "InvalidOptions",
        `invalid options for \`${tr.name}\`${where}: ${issue.message}`,
        undefined,
        {
          path
        }
      )
    }
    return { ok: false }
  }

  const pipe = (
    steps: ReadonlyArray<Ast.PipeStep>,
    input: VT.ValueType,
    scope: Scope,
    what: string
  ): CheckedPipe => {
    let t = input
    const kept: Array<Kept> = []
    const reads = { gets: [] as Array<P.Getter>, secret: false }
    const out: Array<P.Step> = []
    let ok = true
    let flowing = what
    for (const step of steps) {
      const tr = env.transforms.get(step.name)
      if (tr === undefined) {
        env.report(
          step.loc,
          "UnknownTransform",
          `unknown transform ${quote(step.name)}`,
          didYouMean(step.name, env.transforms.names),
          step.bare ? {} : { part: "key", path: step.optionsLoc.path }
        )
        t = VT.Unknown
        ok = false
        continue
      }
      const decoded = decodeOptions(tr, step)
      const pass = tr.nulls === "pass"
      const inType = pass ? VT.nonNull(t) : t
      if (!VT.isNever(inType) && !VT.accepts(tr.input, inType)) {
        const k = VT.kindOf(VT.nonNull(inType))
        env.report(
          step.loc,
          "TypeMismatch",
          `\`${tr.name}\` takes ${kindsText(tr.input)}, but ${flowing} is ${VT.show(inType)}`,
          k === "string" && tr.input !== "any" && !tr.input.includes("string")
            ? tr.input.includes("boolean")
              ? `add \`bool\` before \`${tr.name}\``
              : tr.input.includes("number") || tr.input.includes("integer")
                ? `add \`int\` or \`number\` before \`${tr.name}\``
                : undefined
            : undefined
        )
        ok = false
      }
      if (!decoded.ok) {
        ok = false
        t = VT.Unknown
        flowing = `the output of \`${tr.name}\``
        continue
      }
      let outType: VT.ValueType
      try {
        outType = pass
          ? VT.isNever(inType)
            ? VT.Null
            : tr.output(inType, decoded.options)
          : tr.output(t, decoded.options)
      } catch {
        outType = VT.Unknown
      }
      if (pass && VT.isNullable(t)) outType = VT.orNull(outType)
      const onInvalid = step.onInvalid ?? tr.onInvalid
      if (onInvalid === "null") outType = VT.orNull(outType)
      // A step keeps the value it got: `nulls: pass` steps never get null.
      if (onInvalid === "keep") kept.push({ name: tr.name, type: inType, loc: step.loc })
      let apply: Transform.Apply | undefined
      try {
        apply = tr.compile(decoded.options, contextFor(step, scope, reads))
      } catch (e) {
        env.report(
          step.optionsLoc,
          "InvalidOptions",
          `\`${tr.name}\` rejected its options: ${e instanceof Error ? e.message.slice(0, 200) : "unknown error"}`
        )
        ok = false
      }
      if (apply !== undefined) {
        // The same transform, options, scope and source: its steps see the same input in a record.
        const key = `${tr.name}\u0000${stableJson(step.options)}\u0000${JSON.stringify(scope.source)}\u0000${what}`
        let shared = env.shared.get(key)
        if (shared === undefined) {
          shared = { apply, uses: 0 }
          env.shared.set(key, shared)
        }
        shared.uses++
        out.push({ name: tr.name, shared, pass, onInvalid })
      }
      t = outType
      flowing = `the output of \`${tr.name}\``
    }
    return { type: t, kept, steps: out, ok, reads: reads.gets, secret: reads.secret }
  }

  return { pipe }
}
