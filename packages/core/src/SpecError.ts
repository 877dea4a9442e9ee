/**
 * Problems with a YAML spec (a mapping, a mapping test, later a pipeline), found before any
 * record moves. Every diagnostic points at the file, line and column it is about and at the
 * YAML path inside the document; all of them are reported at once.
 *
 * @since 0.1.0
 */
import { Data } from "effect"

/**
 * @since 0.1.0
 * @category models
 */
export interface Diagnostic {
  readonly severity: "error" | "warning"
  readonly file: string
  /** 1-based. */
  readonly line: number
  /** 1-based. */
  readonly column: number
  /** The YAML path of the node: `fields.billing.country.pipe[0]`. Empty for the document. */
  readonly path: string
  /** Stable code: `UnknownSourcePath`, `TypeMismatch`, `UnknownTransform`, `InvalidOptions`, `YamlSyntax`, ... */
  readonly code: string
  readonly message: string
  /** A suggestion, e.g. `did you mean "b_fname"?`. */
  readonly hint?: string
}

/**
 * The error of loading or checking a spec: never thrown, always returned in the error channel.
 *
 * @since 0.1.0
 * @category errors
 */
export class SpecError extends Data.TaggedError("SpecError")<{
  readonly diagnostics: ReadonlyArray<Diagnostic>
}> {
  override get message(): string {
    return format(this.diagnostics)
  }
}

/**
 * Compiler-style lines, `file:line:col: error Code: message (at path)` followed by the hint,
 * sorted by file and position, then a count.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (diagnostics: ReadonlyArray<Diagnostic>): string => {
  const sorted = [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
  )
  const lines: Array<string> = []
  for (const d of sorted) {
    lines.push(
      `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}${d.path ? ` (at ${d.path})` : ""}`
    )
    if (d.hint !== undefined) lines.push(`    hint: ${d.hint}`)
  }
  const errors = sorted.filter((d) => d.severity === "error").length
  const warnings = sorted.length - errors
  lines.push(
    `${errors} error${errors === 1 ? "" : "s"}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`
  )
  return lines.join("\n")
}
