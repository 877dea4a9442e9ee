/**
 * The reject lines of a pipeline run, the same family as `NdjsonMap`'s: one NDJSON object per
 * rejected record, with the pipeline, the source stream, the stage of its first error, its
 * key, every issue and the original native payload (its secret fields redacted); a `kept`
 * line for a record written with warnings. Every line goes through the secret scrubber.
 *
 * ```json
 * {"outcome":"rejected","pipeline":"p","stream":"customers","stage":"map","key":"ann","issues":[...],"record":{...}}
 * {"outcome":"kept","pipeline":"p","stream":"customers","key":"bob","issues":[...]}
 * ```
 *
 * @internal
 */
import type { RecordIssue } from "../../RecordIssue.ts"

/** The stage a rejected record is counted under: that of its first error. */
export const stageOf = (issues: ReadonlyArray<RecordIssue>, fallback: string): string => {
  for (const issue of issues) if (issue.severity === "error") return issue.stage
  return fallback
}

/** A `rejected` line (with its newline). */
export const rejectedLine = (options: {
  readonly pipeline: string
  readonly stream: string
  readonly stage: string
  readonly key: string | undefined
  readonly issues: ReadonlyArray<RecordIssue>
  readonly record: unknown
}): string => {
  let record: string
  try {
    record = JSON.stringify(options.record) ?? "null"
  } catch {
    record = "null"
  }
  return `{"outcome":"rejected","pipeline":${JSON.stringify(options.pipeline)},"stream":${JSON.stringify(
    options.stream
  )},"stage":${JSON.stringify(options.stage)},"key":${JSON.stringify(options.key ?? null)},"issues":${JSON.stringify(
    options.issues
  )},"record":${record}}\n`
}

/** A `kept` line (with its newline). */
export const keptLine = (options: {
  readonly pipeline: string
  readonly stream: string
  readonly key: string | undefined
  readonly issues: ReadonlyArray<RecordIssue>
}): string =>
  `{"outcome":"kept","pipeline":${JSON.stringify(options.pipeline)},"stream":${JSON.stringify(
    options.stream
  )},"key":${JSON.stringify(options.key ?? null)},"issues":${JSON.stringify(options.issues)}}\n`

/** What `replay` reads back from a reject line. */
export interface ParsedLine {
  readonly outcome: string
  readonly pipeline: string | undefined
  readonly stream: string | undefined
  readonly record: unknown
}

/** A reject line read back, or why it is not one. */
export const parseLine = (line: string): ParsedLine | string => {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return "the line is not JSON"
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "the line is not a JSON object"
  const o = value as Record<string, unknown>
  if (typeof o.outcome !== "string") return "the line has no `outcome`: it is not a reject line"
  return {
    outcome: o.outcome,
    pipeline: typeof o.pipeline === "string" ? o.pipeline : undefined,
    stream: typeof o.stream === "string" ? o.stream : undefined,
    record: o.record
  }
}
