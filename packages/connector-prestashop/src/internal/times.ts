/**
 * PrestaShop writes `date_add` and `date_upd` in the shop's local time (`YYYY-MM-DD HH:MM:SS`,
 * no offset) and has no UTC twin. The connector adds `date_add_utc` and `date_upd_utc`,
 * computed from the local time and its `timeZone` setting, which the default mappings read.
 */

const localPattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

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
    if (formatters.size > 64) formatters.clear()
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

/** A PrestaShop date-time (`YYYY-MM-DD HH:MM:SS`) for an instant, in UTC. */
export const formatUtc = (at: number): string => {
  const d = new Date(at)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours()
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** A PrestaShop date-time for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string => formatUtc(at + offsetAt(zone, at))

/**
 * The UTC form of a shop-local date-time in `zone`, or `undefined` when the text is not one
 * (`0000-00-00 00:00:00`, `""`). A local time that happens twice (clocks going back) takes
 * the earlier instant; one that does not happen (clocks going forward) moves forward by the gap.
 */
export const toUtc = (local: string, zone: string): string | undefined => {
  const m = localPattern.exec(local)
  if (m === null || m[1] === "0000") return undefined
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6])
  )
  if (Number.isNaN(wall)) return undefined
  if (zone === "UTC") return formatUtc(wall)
  // two rounds settle the offset, the second one across a daylight-saving change
  let at = wall - offsetAt(zone, wall)
  at = wall - offsetAt(zone, at)
  const earlier = wall - offsetAt(zone, at - 3_600_000)
  if (earlier < at && formatIn(earlier, zone) === local) at = earlier
  return formatUtc(at)
}

const pairs = ["date_add", "date_upd"] as const

/**
 * The record with `date_add_utc` and `date_upd_utc` computed from `date_add` and `date_upd`
 * (left out when the local value is not a date-time). The input is not changed.
 */
export const withUtc = (record: unknown, zone: string): unknown => {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record
  const source = record as Readonly<Record<string, unknown>>
  const out: Record<string, unknown> = { ...source }
  for (const local of pairs) {
    const value = source[local]
    delete out[`${local}_utc`]
    if (typeof value !== "string") continue
    const utc = toUtc(value, zone)
    if (utc !== undefined) out[`${local}_utc`] = utc
  }
  return out
}
