/**
 * Magento times are `YYYY-MM-DD HH:MM:SS` in UTC. A server whose database session is not in UTC
 * sends them shifted to that zone (magento2#28181); the connector's `timeZone` names it, and
 * the times are read back to UTC here (and the `updated_at` filter written in that zone).
 * With `UTC` (the default) nothing changes.
 */

const pattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

const formatters = new Map<string, Intl.DateTimeFormat>()

const formatter = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    })
    formatters.set(zone, f)
  }
  return f
}

/** The zone's offset from UTC at an instant, in milliseconds. */
const offsetAt = (zone: string, at: number): number => {
  const parts: Record<string, number> = {}
  for (const p of formatter(zone).formatToParts(new Date(at))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value)
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0
  )
  return wall - Math.floor(at / 1000) * 1000
}

/** A Magento time for an instant, in UTC. */
export const formatUtc = (at: number): string => {
  const d = new Date(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes()
  )}:${pad(d.getUTCSeconds())}`
}

/** A Magento time for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string =>
  zone === "UTC" ? formatUtc(at) : formatUtc(at + offsetAt(zone, at))

/** The instant of a Magento time written in `zone`, or `undefined` when the text is not one. */
export const parseIn = (local: string, zone: string): number | undefined => {
  const m = pattern.exec(local)
  if (m === null) return undefined
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6])
  )
  if (Number.isNaN(wall)) return undefined
  if (zone === "UTC") return wall
  // two rounds settle the offset, the second one across a daylight-saving change
  let at = wall - offsetAt(zone, wall)
  at = wall - offsetAt(zone, at)
  const earlier = wall - offsetAt(zone, at - 3_600_000)
  if (earlier < at && formatIn(earlier, zone) === local) at = earlier
  return at
}

/** A time written in `zone` as the UTC time it is; the text unchanged when it is not a time. */
export const toUtc = (local: string, zone: string): string => {
  if (zone === "UTC") return local
  const at = parseIn(local, zone)
  return at === undefined ? local : formatUtc(at)
}

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
