/**
 * YAML parsing with positions, shared by every YAML spec (mappings, mapping tests, pipelines).
 *
 * `parse` turns a file's text into a plain JSON value (objects, arrays, strings, numbers,
 * booleans, null), a `locate` function from a YAML path to a 1-based line and column, and the
 * diagnostics of the parse itself: syntax errors with the `yaml` package's own positions,
 * nesting beyond a limit (`TooDeep`), alias bombs (`TooLarge`), keys that are not scalars
 * (`InvalidKey`). It never throws.
 *
 * @internal
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Document as YamlDocument
} from "yaml"
import type { Diagnostic } from "../SpecError.ts"

/** A path inside a YAML document: map keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>

/** 1-based line and column. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** One parsed YAML file. */
export interface YamlFile {
  readonly file: string
  /** The document as plain JSON; `null` for an empty document. */
  readonly value: unknown
  /** The parse's own diagnostics (syntax, depth, keys). */
  readonly diagnostics: ReadonlyArray<Diagnostic>
  /** Whether the parse found an error (the value is then not to be trusted). */
  readonly failed: boolean
  /**
   * The position of the node at `path` (or of its key, with `part: "key"`). A path that goes
   * further than the document gives the deepest node it reaches.
   */
  readonly locate: (path: YamlPath, part?: "key" | "value") => Position
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /** The deepest nesting of maps and sequences allowed (default 32). */
  readonly maxDepth?: number
  /** The most nodes a document may expand to through aliases (default 100,000). */
  readonly maxNodes?: number
}

const MAX_QUOTE = 60

/** A value quoted for a message, cut when long (1 MB strings stay out of messages). */
export const quote = (s: string): string =>
  JSON.stringify(s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE)}…` : s)

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$-]*$/

/** `fields.billing.country.pipe[0]`; keys that are not plain names are quoted: `fields["a.b"]`. */
export const formatPath = (path: YamlPath): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (plainKey.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${quote(segment)}]`
  }
  return out
}

const kindOfNode = (node: unknown): string => (isMap(node) ? "a map" : isSeq(node) ? "a list" : "a value")

/**
 * The text of a scalar key: a string as written; a number, boolean or null plain scalar by its
 * source text (`01` stays `"01"`, `1` is `"1"`), so lookup tables may have numeric keys.
 */
const keyText = (key: unknown): string | undefined => {
  if (!isScalar(key)) return undefined
  if (typeof key.value === "string") return key.value
  if (typeof key.source === "string" && key.source !== "") return key.source
  if (typeof key.value === "number" || typeof key.value === "boolean") return String(key.value)
  return undefined
}

const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  } else target[key] = value
}

/**
 * Parses a YAML file. Never throws: every problem is a diagnostic.
 */
export const parse = (text: string, file: string, options: ParseOptions = {}): YamlFile => {
  const maxDepth = options.maxDepth ?? 32
  const maxNodes = options.maxNodes ?? 100_000
  const lineCounter = new LineCounter()
  const diagnostics: Array<Diagnostic> = []
  let failed = false
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset)
    return { line: p.line, column: p.col }
  }
  const push = (
    severity: "error" | "warning",
    position: Position,
    path: YamlPath,
    code: string,
    message: string,
    hint?: string
  ): void => {
    if (severity === "error") failed = true
    const d: Diagnostic = {
      severity,
      file,
      line: position.line,
      column: position.column,
      path: formatPath(path),
      code,
      message
    }
    diagnostics.push(hint === undefined ? d : { ...d, hint })
  }

  let doc: YamlDocument.Parsed | undefined
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true
    })
  } catch (e) {
    push(
      "error",
      { line: 1, column: 1 },
      [],
      "YamlSyntax",
      `the YAML parser failed: ${String(e).slice(0, 200)}`
    )
  }

  let tooDeep = false
  if (doc !== undefined) {
    for (const e of doc.errors) {
      const p = e.linePos?.[0]
      const position = p === undefined ? at(e.pos[0]) : { line: p.line, column: p.col }
      if (e.message.includes("call stack")) {
        if (!tooDeep) {
          tooDeep = true
          push(
            "error",
            position,
            [],
            "TooDeep",
            `the document nests too deeply (more than ${maxDepth} levels)`
          )
        }
        continue
      }
      push("error", position, [], "YamlSyntax", firstLine(e.message))
    }
    for (const w of doc.warnings) {
      const p = w.linePos?.[0]
      push(
        "warning",
        p === undefined ? at(w.pos[0]) : { line: p.line, column: p.col },
        [],
        "YamlSyntax",
        firstLine(w.message)
      )
    }
  }

  const startOf = (node: unknown): Position => {
    if (node !== null && typeof node === "object" && "range" in node) {
      const range = (node as Node).range
      if (range) return at(range[0])
    }
    return { line: 1, column: 1 }
  }

  // ---- value ----------------------------------------------------------------------------------
  let nodes = 0
  let tooLarge = false
  const toValue = (node: unknown, path: Array<string | number>, depth: number): unknown => {
    if (tooDeep || tooLarge) return null
    if (++nodes > maxNodes) {
      tooLarge = true
      push(
        "error",
        startOf(node),
        path,
        "TooLarge",
        `the document expands to more than ${maxNodes} nodes (aliases?)`
      )
      return null
    }
    if (isAlias(node)) {
      const target = doc === undefined ? undefined : node.resolve(doc)
      return target === undefined ? null : toValue(target, path, depth)
    }
    if (isScalar(node)) {
      const v = node.value
      if (v === null || typeof v === "string" || typeof v === "boolean") return v
      if (typeof v === "number") {
        if (Number.isFinite(v)) return v
        push("error", startOf(node), path, "YamlSyntax", `${String(v)} is not a JSON number`)
        return null
      }
      push("error", startOf(node), path, "YamlSyntax", "unsupported YAML value: only JSON values are allowed")
      return null
    }
    if (isMap(node) || isSeq(node)) {
      if (depth >= maxDepth) {
        tooDeep = true
        push(
          "error",
          startOf(node),
          path,
          "TooDeep",
          `the document nests too deeply (more than ${maxDepth} levels of maps and lists)`
        )
        return null
      }
      if (isSeq(node)) {
        const out: Array<unknown> = []
        node.items.forEach((item, i) => {
          path.push(i)
          out.push(toValue(item, path, depth + 1))
          path.pop()
        })
        return out
      }
      const out: Record<string, unknown> = {}
      for (const pair of node.items) {
        const key = keyText(pair.key)
        if (key === undefined) {
          push(
            "error",
            startOf(pair.key),
            path,
            "InvalidKey",
            pair.key === null || (isScalar(pair.key) && pair.key.value === null)
              ? "a map key is empty: every key must be a name"
              : `a map key must be a plain name, not ${kindOfNode(pair.key)}`
          )
          continue
        }
        path.push(key)
        setOwn(out, key, toValue(pair.value, path, depth + 1))
        path.pop()
      }
      return out
    }
    return null
  }
  const value = doc === undefined || failed ? null : toValue(doc.contents, [], 0)

  // ---- locate ---------------------------------------------------------------------------------
  const locate = (path: YamlPath, part: "key" | "value" = "value"): Position => {
    if (doc === undefined) return { line: 1, column: 1 }
    let node: unknown = doc.contents
    let keyNode: unknown
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc)
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment))
        if (pair === undefined) break
        keyNode = pair.key
        node = pair.value ?? pair.key
      } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
        keyNode = undefined
        node = node.items[segment]
      } else break
    }
    if (part === "key" && keyNode !== undefined) return startOf(keyNode)
    return startOf(node)
  }

  return { file, value, diagnostics, failed, locate }
}

const firstLine = (message: string): string => {
  const line = message.split("\n")[0] ?? message
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

/**
 * A diagnostic about the node at `path` in a parsed file.
 */
export const diagnostic = (
  yaml: YamlFile,
  path: YamlPath,
  code: string,
  message: string,
  options: {
    readonly hint?: string | undefined
    readonly severity?: "error" | "warning"
    readonly part?: "key"
  } = {}
): Diagnostic => {
  const p = yaml.locate(path, options.part)
  const d: Diagnostic = {
    severity: options.severity ?? "error",
    file: yaml.file,
    line: p.line,
    column: p.column,
    path: formatPath(path),
    code,
    message
  }
  return options.hint === undefined ? d : { ...d, hint: options.hint }
}

/** Diagnostics sorted by file, line, column, then code. */
export const sortDiagnostics = (diagnostics: ReadonlyArray<Diagnostic>): ReadonlyArray<Diagnostic> =>
  [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  )

/** The diagnostics without repeats (same place, path, code and message), sorted. */
export const dedupeDiagnostics = (diagnostics: ReadonlyArray<Diagnostic>): ReadonlyArray<Diagnostic> => {
  const seen = new Set<string>()
  const out: Array<Diagnostic> = []
  for (const d of diagnostics) {
    const k = `${d.file}|${d.line}|${d.column}|${d.code}|${d.path}|${d.message}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push(d)
  }
  return sortDiagnostics(out)
}
