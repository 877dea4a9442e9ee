/**
 * WooCommerce dates come twice: site-local (`date_created`) and UTC (`date_created_gmt`). The
 * mappings read the `_gmt` ones; when a payload lacks one (an old or trimmed payload) but has
 * the local one, the `_gmt` value is computed here from the local time and the connector's
 * `timeZone` setting, exactly as WooCommerce would have written it.
 */

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/

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

/** A WooCommerce date-time (`YYYY-MM-DDTHH:MM:SS`) for an instant, in UTC. */
export const formatUtc = (at: number): string => {
  const d = new Date(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes()
  )}:${pad(d.getUTCSeconds())}`
}

/** A WooCommerce date-time (`YYYY-MM-DDTHH:MM:SS`) for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string => formatUtc(at + offsetAt(zone, at))

/**
 * The UTC form of a site-local WooCommerce date-time in `zone`, or `undefined` when the text
 * is not one. A local time that happens twice (clocks going back) takes the earlier instant.
 */
export const toUtc = (local: string, zone: string): string | undefined => {
  const m = localPattern.exec(local)
  if (m === null) return undefined
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6])
  )
  if (zone === "UTC") return formatUtc(wall)
  // two rounds settle the offset, the second one across a daylight-saving change
  let at = wall - offsetAt(zone, wall)
  at = wall - offsetAt(zone, at)
  const earlier = wall - offsetAt(zone, at - 3_600_000)
  if (earlier < at && formatIn(earlier, zone) === local) at = earlier
  return formatUtc(at)
}

const pairs = ["date_created", "date_modified", "date_paid", "date_completed"] as const

/**
 * The record with each missing (absent or `null`) `_gmt` date computed from its site-local
 * twin, when that one is present. A record with nothing to fill is returned as is.
 */
export const fillGmt = (record: unknown, zone: string): unknown => {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record
  const source = record as Readonly<Record<string, unknown>>
  let out: Record<string, unknown> | undefined
  for (const local of pairs) {
    const gmt = `${local}_gmt`
    const value = source[local]
    if (typeof value !== "string" || (source[gmt] !== undefined && source[gmt] !== null)) continue
    const utc = toUtc(value, zone)
    if (utc === undefined) continue
    out ??= { ...source }
    out[gmt] = utc
  }
  return out ?? record
}
