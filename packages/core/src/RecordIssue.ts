/**
 * What went wrong with one record, at one stage, in one field.
 *
 * A record carries every issue found for it: a stage never stops at the first one. An issue
 * of severity `error` rejects the record; a `warning` keeps it (the field becomes null or
 * keeps its raw value) and is counted in the summary.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export type Severity = "error" | "warning"

/**
 * The stage of the data flow that found the issue. `parse` is the reading of an input line
 * (not JSON, not an object) before any mapping.
 *
 * @since 0.1.0
 * @category models
 */
export type Stage = "parse" | "decode" | "map" | "validate" | "encode" | "write"

/**
 * @since 0.1.0
 * @category models
 */
export interface RecordIssue {
  readonly severity: Severity
  readonly stage: Stage
  /** Target path, dotted with array indexes: `billing.country`, `groups.0.code`. Empty for the whole record. */
  readonly path: string
  /** Source path the value came from, when there is one: `b_country`, `UserCustomerGroup.0.group_code`. */
  readonly sourcePath?: string
  /** Stable, machine-readable code: `InvalidInt`, `InvalidPhone`, `Required`, `NotJson`, ... */
  readonly code: string
  /** One human sentence. Never contains a secret. */
  readonly message: string
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (issue: RecordIssue): RecordIssue => issue

/**
 * @since 0.1.0
 * @category predicates
 */
export const isError = (issue: RecordIssue): boolean => issue.severity === "error"

/**
 * True when any issue rejects its record.
 *
 * @since 0.1.0
 * @category predicates
 */
export const rejects = (issues: ReadonlyArray<RecordIssue>): boolean => {
  for (const issue of issues) if (issue.severity === "error") return true
  return false
}

/**
 * One line per issue, for terminals and logs: `error map discountPercent <- discount InvalidInt: ...`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (issue: RecordIssue): string =>
  `${issue.severity} ${issue.stage} ${issue.path || "(record)"}${
    issue.sourcePath !== undefined ? ` <- ${issue.sourcePath}` : ""
  } ${issue.code}: ${issue.message}`
