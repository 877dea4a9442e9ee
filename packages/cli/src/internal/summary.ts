/**
 * How `mapwright map` shows its progress and its summary.
 *
 * @internal
 */
import type { NdjsonMap } from "@mapwright/core"

const group = (n: number): string => Math.round(n).toLocaleString("en-US")

/** `1.23 s`, `2 min 05 s`. @internal */
export const duration = (ms: number): string => {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const total = Math.round(ms / 1000)
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, "0")} s`
}

/** One progress line: `mapping… 120,000 records (118,950 written, 1,050 rejected), 95,000 records/s`. @internal */
export const progressLine = (p: NdjsonMap.Progress): string => {
  const rate = p.elapsedMs > 0 ? (p.read * 1000) / p.elapsedMs : 0
  return `mapping… ${group(p.read)} records (${group(p.written)} written, ${group(p.rejected)} rejected), ${group(rate)} records/s`
}

/**
 * The human summary, one fact per line:
 *
 * ```
 * read:      1,000 records
 * written:   990
 * rejected:  10 (map 7, parse 3)
 * warnings:  4 records kept with warnings
 * time:      1.23 s, 813 records/s
 * ```
 *
 * @internal
 */
export const human = (s: NdjsonMap.Summary): string => {
  const stages = Object.entries(s.rejectedByStage)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stage, n]) => `${stage} ${group(n)}`)
    .join(", ")
  return [
    `read:      ${group(s.read)} record${s.read === 1 ? "" : "s"}`,
    `written:   ${group(s.written)}`,
    `rejected:  ${group(s.rejected)}${stages === "" ? "" : ` (${stages})`}`,
    `warnings:  ${group(s.warnings)} record${s.warnings === 1 ? "" : "s"} kept with warnings`,
    `time:      ${duration(s.durationMs)}, ${group(s.recordsPerSecond)} records/s`
  ].join("\n")
}

/** The summary as one JSON object (for orchestrators). @internal */
export const json = (s: NdjsonMap.Summary): string =>
  JSON.stringify({
    read: s.read,
    written: s.written,
    rejected: s.rejected,
    warnings: s.warnings,
    rejectedByStage: s.rejectedByStage,
    durationMs: s.durationMs,
    recordsPerSecond: s.recordsPerSecond
  })
