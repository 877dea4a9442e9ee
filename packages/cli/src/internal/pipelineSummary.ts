/**
 * How `mapwright run` and `mapwright replay` show their progress and their summary.
 *
 * @internal
 */
import type { Pipeline } from "@mapwright/core"
import { displayPath } from "./exit.ts"
import { duration } from "./summary.ts"

const group = (n: number): string => Math.round(n).toLocaleString("en-US")

const rate = (p: Pipeline.Progress): number => (p.elapsedMs > 0 ? (p.read * 1000) / p.elapsedMs : 0)

/**
 * One progress line: `running… 1,200 read · 1,150 mapped · 1,000 created · 100 updated ·
 * 50 unchanged · 20 rejected · 3 retries · 450 records/s · 2.7 s`.
 *
 * @internal
 */
export const progressLine = (p: Pipeline.Progress, dryRun: boolean): string =>
  [
    `${dryRun ? "dry run" : "running"}… ${group(p.read)} read`,
    `${group(p.mapped)} mapped`,
    `${group(p.created)} ${dryRun ? "to create" : "created"}`,
    `${group(p.updated)} ${dryRun ? "to update" : "updated"}`,
    `${group(p.unchanged)} unchanged`,
    `${group(p.rejected)} rejected`,
    `${group(p.retries)} ${p.retries === 1 ? "retry" : "retries"}`,
    `${group(rate(p))} records/s`,
    duration(p.elapsedMs)
  ].join(" · ")

/**
 * The human summary, one fact per line:
 *
 * ```
 * pipeline:  sync-customers
 * status:    completed
 * read:      1,000 records
 * mapped:    990
 * created:   950
 * updated:   30
 * unchanged: 10
 * rejected:  10 (decode 2, map 7, write 1)
 * warnings:  4 records kept with warnings
 * retries:   3
 * dropped:   shopify does not carry gender: 12 records had a value, not written
 * time:      1.23 s, 813 records/s
 * rejects:   out/rejects.ndjson
 * ```
 *
 * In a dry run, `created` and `updated` read `would create` and `would update`.
 *
 * @internal
 */
export const human = (s: Pipeline.Summary, failure?: string): string => {
  const stages = Object.entries(s.rejectedByStage)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stage, n]) => `${stage} ${group(n)}`)
    .join(", ")
  const status =
    failure !== undefined
      ? "failed"
      : s.status === "stopped"
        ? `stopped (${s.message ?? "reject budget"})`
        : s.status
  return [
    `pipeline:  ${s.pipeline}${s.dryRun ? " (dry run: nothing was written)" : ""}`,
    `status:    ${status}`,
    `read:      ${group(s.read)} record${s.read === 1 ? "" : "s"}`,
    `mapped:    ${group(s.mapped)}`,
    `${s.dryRun ? "would create:" : "created:  "} ${group(s.created)}`,
    `${s.dryRun ? "would update:" : "updated:  "} ${group(s.updated)}`,
    `unchanged: ${group(s.unchanged)}`,
    `rejected:  ${group(s.rejected)}${stages === "" ? "" : ` (${stages})`}`,
    `warnings:  ${group(s.warnings)} record${s.warnings === 1 ? "" : "s"} kept with warnings`,
    `retries:   ${group(s.retries)}`,
    ...s.dropped.map((d) => `dropped:   ${d.message}`),
    `time:      ${duration(s.durationMs)}, ${group(s.recordsPerSecond)} records/s`,
    ...(s.rejectsFile === undefined ? [] : [`rejects:   ${displayPath(s.rejectsFile)}`])
  ].join("\n")
}

/**
 * The summary as one JSON object (for orchestrators); a failed run has `status: "failed"` and
 * its `error`.
 *
 * @internal
 */
export const json = (s: Pipeline.Summary, failure?: string): string =>
  JSON.stringify({
    pipeline: s.pipeline,
    status: failure !== undefined ? "failed" : s.status,
    dryRun: s.dryRun,
    read: s.read,
    mapped: s.mapped,
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    rejectedByStage: s.rejectedByStage,
    warnings: s.warnings,
    retries: s.retries,
    dropped: s.dropped.map((d) => ({ field: d.field, records: d.records })),
    durationMs: s.durationMs,
    recordsPerSecond: s.recordsPerSecond,
    rejectsFile: s.rejectsFile ?? null,
    ...(s.message === undefined ? {} : { message: s.message }),
    ...(failure === undefined ? {} : { error: failure })
  })
