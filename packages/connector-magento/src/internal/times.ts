/**
 * Magento times are `YYYY-MM-DD HH:MM:SS` in UTC. A server whose database session is not in UTC
 * sends them shifted to that zone (magento2#28181); the connector's `timeZone` names it, and
 * the times are read back to UTC here (and the `updated_at` filter written in that zone).
 * With `UTC` (the default) nothing changes. The conversions are core's `LocalTime`.
 */
import { LocalTime } from "@mapwright/core"

const layout = { separator: " " } as const

/** A Magento time for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string => LocalTime.formatIn(at, zone, layout)

/** The instant of a Magento time written in `zone`, or `undefined` when the text is not one. */
export const parseIn = (local: string, zone: string): number | undefined =>
  LocalTime.parse(local, zone, layout)

/** A time written in `zone` as the UTC time it is; the text unchanged when it is not a time. */
export const toUtc = (local: string, zone: string): string =>
  zone === "UTC" ? local : (LocalTime.toUtc(local, zone, layout) ?? local)

/** A UTC time as the server writes it in `zone`. */
export const fromUtc = (utc: string, zone: string): string => {
  if (zone === "UTC") return utc
  const at = parseIn(utc, "UTC")
  return at === undefined ? utc : formatIn(at, zone)
}

/**
 * The record with its top-level times (`fields`) read from `zone` to UTC; the record itself
 * when nothing changes.
 */
export const recordToUtc = (record: unknown, zone: string, fields: ReadonlyArray<string>): unknown => {
  if (zone === "UTC" || typeof record !== "object" || record === null || Array.isArray(record)) return record
  const source = record as Readonly<Record<string, unknown>>
  let out: Record<string, unknown> | undefined
  for (const field of fields) {
    const value = source[field]
    if (typeof value !== "string") continue
    const utc = toUtc(value, zone)
    if (utc === value) continue
    out ??= { ...source }
    out[field] = utc
  }
  return out ?? record
}
