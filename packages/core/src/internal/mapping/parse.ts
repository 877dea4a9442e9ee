/**
 * From a parsed mapping document to its syntax tree: checks the document against the
 * mapping JSON Schema, decides what each field spec is by its keywords, and resolves `$ref`s
 * through a table of loaded files. A file not in the table yet is reported as pending: the
 * loader reads it and builds again, so building itself is synchronous and does no I/O.
 *
 * @internal
 */
import * as MappingSpec from "../../MappingSpec.ts"
import type { Diagnostic } from "../../SpecError.ts"
import type { OnInvalid } from "../../Transform.ts"
import { diagnostic, formatPath, quote, type YamlFile, type YamlPath } from "../yaml.ts"
import {
  type Condition,
  child,
  type FieldEntry,
  type Literal,
  type Loc,
  type Lookup,
  loc,
  type Mapping,
  type PipeStep,
  type SourcePath,
  type Spec,
  type UnmappedPolicy
} from "./ast.ts"
import * as Refs from "./refs.ts"
import * as SpecSchema from "./specSchema.ts"

/** A loaded file, or why it could not be read. */
export type Loaded = YamlFile | { readonly error: string }

export interface BuildResult {
  readonly mapping: Mapping | undefined
  readonly diagnostics: ReadonlyArray<Diagnostic>
  /** Files referenced but not loaded yet. */
  readonly pending: ReadonlySet<string>
}

type Json = { readonly [key: string]: unknown }

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const specKeyword = (value: Json): (typeof MappingSpec.specKeywords)[number] | undefined =>
  MappingSpec.specKeywords.find((k) => Object.hasOwn(value, k))

/**
 * Builds the syntax tree of the mapping in `root`, resolving `$ref`s through `files`.
 */
export const build = (root: YamlFile, files: ReadonlyMap<string, Loaded>): BuildResult => {
  const diagnostics: Array<Diagnostic> = []
  const pending = new Set<string>()
  // Paths (per file) where the schema check found a problem: the tree builder skips them quietly.
  const flagged = new Map<string, Array<string>>()
  const checkedFragments = new Set<string>()
  const reportedFiles = new Set<string>()

  const pathKey = (path: YamlPath): string => path.map((s) => `/${String(s)}`).join("")

  const schemaCheck = (yaml: YamlFile, base: YamlPath, value: unknown, shape: SpecSchema.Shape): void => {
    const id = `${yaml.file}#${pathKey(base)}|${shape}`
    if (checkedFragments.has(id)) return
    checkedFragments.add(id)
    const found = SpecSchema.check(yaml, base, value, shape)
    if (found.length === 0) return
    diagnostics.push(...found)
    const list = flagged.get(yaml.file) ?? []
    for (const d of found) list.push(d.path)
    flagged.set(yaml.file, list)
  }

  /** Whether the schema check already reported something at or below `l`. */
  const isFlagged = (l: Loc): boolean => {
    const list = flagged.get(l.yaml.file)
    if (list === undefined) return false
    const here = formatPath(l.path)
    return list.some((p) => p === here || p.startsWith(`${here}.`) || p.startsWith(`${here}[`))
  }

  /** A shape the schema should have rejected; reported unless it already was. */
  const malformed = (l: Loc, message: string): void => {
    if (!isFlagged(l)) diagnostics.push(diagnostic(l.yaml, l.path, "SchemaViolation", message))
  }

  const invalid = (l: Loc): Spec => ({ _tag: "Invalid", loc: l, when: undefined })

  // ---- leaves -------------------------------------------------------------------------------
  const sourcePath = (value: unknown, l: Loc): SourcePath | undefined => {
    if (typeof value !== "string" || value === "") {
      malformed(l, "expected a source path")
      return undefined
    }
    // Already reported (too long, malformed): not looked up again.
    if (isFlagged(l)) return undefined
    const root = value.startsWith("$.")
    const segments = (root ? value.slice(2) : value).split(".").filter((s) => s !== "")
    if (segments.length === 0) {
      malformed(l, `${quote(value)} is not a valid source path`)
      return undefined
    }
    return { text: value, root, segments, loc: l }
  }

  const sourcePaths = (value: unknown, l: Loc): Array<SourcePath> | undefined => {
    if (!Array.isArray(value)) {
      malformed(l, "expected a list of source paths")
      return undefined
    }
    const out: Array<SourcePath> = []
    value.forEach((v, i) => {
      const p = sourcePath(v, child(l, i))
      if (p !== undefined) out.push(p)
    })
    return out.length === value.length ? out : undefined
  }

  const condition = (value: unknown, l: Loc, depth: number): Condition | undefined => {
    if (!isRecord(value) || Object.keys(value).length !== 1) {
      malformed(l, "a condition is a map with exactly one key")
      return undefined
    }
    const [k, v] = Object.entries(value)[0]!
    const at = child(l, k)
    switch (k) {
      case "present":
      case "absent": {
        const p = sourcePath(v, at)
        return p === undefined ? undefined : { _tag: k === "present" ? "Present" : "Absent", path: p, loc: l }
      }
      case "anyPresent":
      case "allPresent": {
        const ps = sourcePaths(v, at)
        return ps === undefined
          ? undefined
          : { _tag: k === "anyPresent" ? "AnyPresent" : "AllPresent", paths: ps, loc: l }
      }
      case "equals": {
        if (!isRecord(v)) {
          malformed(at, "expected `{ path: <source path>, value: <value> }`")
          return undefined
        }
        const p = sourcePath(v.path, child(at, "path"))
        return p === undefined ? undefined : { _tag: "Equals", path: p, value: v.value ?? null, loc: l }
      }
      case "not": {
        const c = condition(v, at, depth + 1)
        return c === undefined ? undefined : { _tag: "Not", condition: c, loc: l }
      }
      case "all":
      case "any": {
        if (!Array.isArray(v)) {
          malformed(at, "expected a list of conditions")
          return undefined
        }
        const cs = v.map((c, i) => condition(c, child(at, i), depth + 1))
        if (cs.some((c) => c === undefined)) return undefined
        return { _tag: k === "all" ? "All" : "Any", conditions: cs as Array<Condition>, loc: l }
      }
      default:
        malformed(child(l, k), `unknown condition ${quote(k)}`)
        return undefined
    }
  }

  const onInvalidOf = (value: unknown): OnInvalid | undefined =>
    value === null ? "null" : value === "reject" || value === "null" || value === "keep" ? value : undefined

  const pipe = (value: unknown, l: Loc): Array<PipeStep> | undefined => {
    if (value === undefined) return []
    if (!Array.isArray(value)) {
      malformed(l, "a pipe is a list of transforms")
      return undefined
    }
    const out: Array<PipeStep> = []
    let ok = true
    value.forEach((item, i) => {
      const at = child(l, i)
      if (typeof item === "string" && item !== "") {
        out.push({
          name: item,
          options: undefined,
          bare: true,
          onInvalid: undefined,
          loc: at,
          optionsLoc: at
        })
        return
      }
      if (!isRecord(item) || Object.keys(item).length !== 1) {
        malformed(at, "a pipe step is a transform name or a map with exactly one key, the transform's name")
        ok = false
        return
      }
      const [name, raw] = Object.entries(item)[0]!
      const optionsLoc = child(at, name)
      let options: unknown =
        raw === null || (isRecord(raw) && Object.keys(raw).length === 0) ? undefined : raw
      let onInvalid: OnInvalid | undefined
      if (isRecord(raw) && Object.hasOwn(raw, "onInvalid")) {
        onInvalid = onInvalidOf(raw.onInvalid)
        if (onInvalid === undefined) {
          malformed(child(optionsLoc, "onInvalid"), "`onInvalid` must be reject, null or keep")
          ok = false
          return
        }
        const { onInvalid: _, ...rest } = raw
        options = Object.keys(rest).length === 0 ? undefined : rest
      }
      out.push({ name, options, bare: options === undefined, onInvalid, loc: at, optionsLoc })
    })
    return ok ? out : undefined
  }

  const literal = (value: Json, key: string, l: Loc): Literal | undefined =>
    Object.hasOwn(value, key) ? { value: value[key], loc: child(l, key) } : undefined

  // ---- $ref ---------------------------------------------------------------------------------
  type Fragment = {
    readonly yaml: YamlFile
    readonly path: YamlPath
    readonly value: unknown
    readonly key: string
  }

  const fragment = (ref: unknown, at: Loc, stack: ReadonlyArray<string>): Fragment | undefined => {
    const refLoc = child(at, "$ref")
    if (typeof ref !== "string" || ref === "") {
      malformed(refLoc, "`$ref` must be a file path such as `./file.yaml#/path`")
      return undefined
    }
    const target = Refs.resolve(at.yaml.file, ref)
    if ("error" in target) {
      diagnostics.push(
        diagnostic(at.yaml, refLoc.path, "UnknownRef", `cannot resolve ${quote(ref)}: ${target.error}`)
      )
      return undefined
    }
    const key = Refs.key(target)
    if (stack.includes(key)) {
      diagnostics.push(
        diagnostic(
          at.yaml,
          refLoc.path,
          "RefCycle",
          `${quote(ref)} refers back to itself: ${[...stack, key].join(" → ")}`
        )
      )
      return undefined
    }
    if (stack.length >= Refs.MAX_REF_DEPTH) {
      diagnostics.push(
        diagnostic(
          at.yaml,
          refLoc.path,
          "TooDeep",
          `more than ${Refs.MAX_REF_DEPTH} \`$ref\`s lead to ${quote(ref)}`
        )
      )
      return undefined
    }
    const loaded = target.file === root.file ? root : files.get(target.file)
    if (loaded === undefined) {
      pending.add(target.file)
      return undefined
    }
    if ("error" in loaded) {
      diagnostics.push(
        diagnostic(at.yaml, refLoc.path, "UnknownRef", `cannot read ${quote(target.file)}: ${loaded.error}`)
      )
      return undefined
    }
    if (loaded.failed) {
      if (!reportedFiles.has(loaded.file)) {
        reportedFiles.add(loaded.file)
        diagnostics.push(...loaded.diagnostics)
      }
      return undefined
    }
    const found = Refs.follow(loaded.value, target.pointer)
    if (found === undefined) {
      diagnostics.push(
        diagnostic(
          at.yaml,
          refLoc.path,
          "UnknownRef",
          `${quote(target.file)} has nothing at ${quote(`#/${target.pointer.join("/")}`)}`
        )
      )
      return undefined
    }
    return { yaml: loaded, path: found.path, value: found.value, key }
  }

  // ---- lookup -------------------------------------------------------------------------------
  const lookup = (value: unknown, l: Loc, stack: ReadonlyArray<string>): Lookup | undefined | "invalid" => {
    if (value === undefined) return undefined
    if (isRecord(value) && Object.hasOwn(value, "$ref")) {
      const f = fragment(value.$ref, l, stack)
      if (f === undefined) return "invalid"
      schemaCheck(f.yaml, f.path, f.value, "Lookup")
      return lookup(f.value, loc(f.yaml, f.path), [...stack, f.key])
    }
    if (!isRecord(value)) {
      malformed(l, "a lookup table is a map from source values to values")
      return "invalid"
    }
    return {
      entries: Object.entries(value).map(([key, v]) => ({ key, value: v, loc: child(l, key) })),
      loc: l
    }
  }

  // ---- specs --------------------------------------------------------------------------------
  const fields = (value: unknown, l: Loc, stack: ReadonlyArray<string>): Array<FieldEntry> | undefined => {
    if (!isRecord(value)) {
      malformed(l, "expected a map of target fields")
      return undefined
    }
    return Object.entries(value).map(([name, v]) => ({
      name,
      spec: spec(v, child(l, name), stack),
      loc: child(l, name)
    }))
  }

  const spec = (value: unknown, l: Loc, stack: ReadonlyArray<string>): Spec => {
    if (typeof value === "string") {
      const p = sourcePath(value, l)
      return p === undefined
        ? invalid(l)
        : {
            _tag: "From",
            loc: l,
            when: undefined,
            from: [p],
            tuple: false,
            pipe: [],
            lookup: undefined,
            otherwise: undefined,
            default: undefined
          }
    }
    if (!isRecord(value)) {
      malformed(l, "a field spec must be a source path or a map")
      return invalid(l)
    }
    const keyword = specKeyword(value)
    if (keyword === "$ref") {
      const f = fragment(value.$ref, l, stack)
      if (f === undefined) return invalid(l)
      schemaCheck(f.yaml, f.path, f.value, "FieldSpec")
      return spec(f.value, loc(f.yaml, f.path), [...stack, f.key])
    }
    let when: Condition | undefined
    if (Object.hasOwn(value, "when")) {
      when = condition(value.when, child(l, "when"), 0)
      if (when === undefined) return invalid(l)
    }
    switch (keyword) {
      case "const":
        return { _tag: "Const", loc: l, when, value: value.const }
      case "from": {
        const fromLoc = child(l, "from")
        const from = Array.isArray(value.from)
          ? sourcePaths(value.from, fromLoc)
          : sourcePath(value.from, fromLoc)
        const steps = pipe(value.pipe, child(l, "pipe"))
        const table = lookup(value.lookup, child(l, "lookup"), stack)
        if (from === undefined || steps === undefined || table === "invalid") return invalid(l)
        return {
          _tag: "From",
          loc: l,
          when,
          from: Array.isArray(from) ? from : [from],
          tuple: Array.isArray(from),
          pipe: steps,
          lookup: table,
          otherwise: literal(value, "otherwise", l),
          default: literal(value, "default", l)
        }
      }
      case "each": {
        const each = sourcePath(value.each, child(l, "each"))
        const sub = Object.hasOwn(value, "fields")
          ? fields(value.fields, child(l, "fields"), stack)
          : undefined
        // With `fields`, the keys that convert a scalar item are an error the schema check
        // reported (`ConflictingKeys`): they are not read, so they give nothing more.
        const withFields = Object.hasOwn(value, "fields")
        const steps = withFields ? [] : pipe(value.pipe, child(l, "pipe"))
        const table = withFields ? undefined : lookup(value.lookup, child(l, "lookup"), stack)
        let where: Condition | undefined
        if (Object.hasOwn(value, "where")) {
          where = condition(value.where, child(l, "where"), 0)
          if (where === undefined) return invalid(l)
        }
        if (each === undefined || steps === undefined || table === "invalid") return invalid(l)
        if (withFields && sub === undefined) return invalid(l)
        return {
          _tag: "Each",
          loc: l,
          when,
          each,
          where,
          fields: sub,
          pipe: steps,
          lookup: table,
          otherwise: withFields ? undefined : literal(value, "otherwise", l),
          default: withFields ? undefined : literal(value, "default", l)
        }
      }
      case "items": {
        const itemsLoc = child(l, "items")
        if (!Array.isArray(value.items)) {
          malformed(itemsLoc, "expected a list of field specs")
          return invalid(l)
        }
        return {
          _tag: "Items",
          loc: l,
          when,
          items: value.items.map((v, i) => spec(v, child(itemsLoc, i), stack))
        }
      }
      case "same": {
        const sameLoc = child(l, "same")
        const text = value.same
        const segments = typeof text === "string" ? text.split(".").filter((s) => s !== "") : []
        if (typeof text !== "string" || segments.length === 0) {
          malformed(sameLoc, "`same` is a dotted target path, e.g. `billing`")
          return invalid(l)
        }
        const sub = Object.hasOwn(value, "fields")
          ? fields(value.fields, child(l, "fields"), stack)
          : undefined
        if (Object.hasOwn(value, "fields") && sub === undefined) return invalid(l)
        return { _tag: "Same", loc: l, when, same: { text, segments, loc: sameLoc }, fields: sub }
      }
      case "template": {
        const templateLoc = child(l, "template")
        const raw = value.template
        let options: unknown = raw
        let onInvalid: OnInvalid | undefined
        if (isRecord(raw)) {
          const { onInvalid: given, ...rest } = raw
          if (Object.hasOwn(raw, "onInvalid")) {
            onInvalid = onInvalidOf(given)
            if (onInvalid === undefined) {
              malformed(child(templateLoc, "onInvalid"), "`onInvalid` must be reject, null or keep")
              return invalid(l)
            }
          }
          options = rest
        } else if (typeof raw !== "string") {
          malformed(templateLoc, "a template is a string such as `{b_fname} {b_lname}`")
          return invalid(l)
        }
        const steps = pipe(value.pipe, child(l, "pipe"))
        const table = lookup(value.lookup, child(l, "lookup"), stack)
        if (steps === undefined || table === "invalid") return invalid(l)
        return {
          _tag: "Template",
          loc: l,
          when,
          template: {
            name: "template",
            options,
            bare: false,
            onInvalid,
            loc: templateLoc,
            optionsLoc: templateLoc
          },
          pipe: steps,
          lookup: table,
          otherwise: literal(value, "otherwise", l),
          default: literal(value, "default", l)
        }
      }
      case "fields": {
        const sub = fields(value.fields, child(l, "fields"), stack)
        if (sub === undefined) return invalid(l)
        // Without `when`, `otherwise` is an error the schema check reported (`UselessOtherwise`).
        const otherwise =
          Object.hasOwn(value, "otherwise") && Object.hasOwn(value, "when")
            ? spec(value.otherwise, child(l, "otherwise"), stack)
            : undefined
        return { _tag: "Block", loc: l, when, fields: sub, otherwise }
      }
      default: {
        // A reserved key in a block (`when` without `fields:`) is not a target field: the schema
        // check reported it, and it is not reported again as an unknown target field.
        const reserved: ReadonlyArray<string> = MappingSpec.reservedKeys
        const kept: Json = {}
        for (const [k, v] of Object.entries(value)) {
          if (reserved.includes(k))
            malformed(child(l, k), `${quote(k)} is a keyword of field specs, not a target field`)
          else
            Object.defineProperty(kept, k, { value: v, enumerable: true, writable: true, configurable: true })
        }
        const sub = fields(kept, l, stack)
        return sub === undefined
          ? invalid(l)
          : { _tag: "Block", loc: l, when: undefined, fields: sub, otherwise: undefined }
      }
    }
  }

  // ---- document -----------------------------------------------------------------------------
  schemaCheck(root, [], root.value, "document")
  const doc = root.value
  if (!isRecord(doc)) return { mapping: undefined, diagnostics, pending }
  const rootLoc = loc(root, [])
  const str = (k: string): string | undefined => (typeof doc[k] === "string" ? (doc[k] as string) : undefined)
  const name = str("name")
  const source = str("source")
  const target = str("target")
  const fieldsLoc = child(rootLoc, "fields")
  const top = fields(doc.fields, fieldsLoc, [])
  const ignore = Array.isArray(doc.ignore) ? (sourcePaths(doc.ignore, child(rootLoc, "ignore")) ?? []) : []
  const secrets = Array.isArray(doc.secrets)
    ? (sourcePaths(doc.secrets, child(rootLoc, "secrets")) ?? [])
    : []
  const unmapped: UnmappedPolicy =
    doc.unmapped === "error" || doc.unmapped === "off" || doc.unmapped === "warn" ? doc.unmapped : "warn"
  if (
    name === undefined ||
    source === undefined ||
    target === undefined ||
    top === undefined ||
    doc.mapwright !== MappingSpec.version
  ) {
    if (diagnostics.length === 0)
      diagnostics.push(diagnostic(root, [], "SchemaViolation", "not a mapping/v1 document"))
    return { mapping: undefined, diagnostics, pending }
  }
  return {
    mapping: {
      yaml: root,
      name,
      description: str("description"),
      source: { name: source, loc: child(rootLoc, "source") },
      target: { name: target, loc: child(rootLoc, "target") },
      fields: top,
      fieldsLoc,
      ignore,
      secrets,
      unmapped
    },
    diagnostics,
    pending
  }
}
