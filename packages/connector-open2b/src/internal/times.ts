/**
 * Open2b writes its times in shop time without an offset (`2009-05-21 16:49:13`). Reads add a
 * UTC twin beside each (`creationTimeUtc: "2009-05-21T14:49:13Z"` for Europe/Rome in summer),
 * computed with the connector's `timeZone`; writes turn a twin back into shop time. The
 * conversions use `Intl` (the platform's time zone data), never a fixed offset.
 */
import { timeFields } from "../Customer.ts"

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

const wallText = (wall: number): string => {
  const d = new Date(wall)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes()
  )}:${pad(d.getUTCSeconds())}`
}

/** An instant (epoch milliseconds) as an Open2b datetime in `zone`, to the second. */
export const formatLocal = (at: number, zone: string): string => {
  const seconds = Math.floor(at / 1000) * 1000
  return wallText(seconds + offsetAt(zone, seconds))
}

/** An instant (epoch milliseconds) as the connector writes the `…Utc` fields: `2009-05-21T14:49:13Z`. */
export const formatUtc = (at: number): string =>
  `${wallText(Math.floor(at / 1000) * 1000).replace(" ", "T")}Z`

/**
 * The instant of an Open2b datetime read in `zone` (epoch milliseconds), or `undefined` when the
 * text is not one. A shop time that happens twice (clocks going back) is the earlier instant; one
 * that never happens (clocks going forward) is read with the offset before the change.
 */
export const parseLocal = (local: string, zone: string): number | undefined => {
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
  if (wallText(wall) !== local) return undefined // 2024-02-30, 25:00:00
  if (zone === "UTC") return wall
  // two rounds settle the offset, the second one across a daylight-saving change
  let at = wall - offsetAt(zone, wall)
  at = wall - offsetAt(zone, at)
  const earlier = wall - offsetAt(zone, at - 3_600_000)
  if (earlier < at && formatLocal(earlier, zone) === local) at = earlier
  return at
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

/** The instant of an ISO 8601 text with an offset (epoch milliseconds), or `undefined`. */
export const parseInstant = (text: string): number | undefined => {
  if (!instantPattern.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : at
}

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * A record as read, with the UTC twin of each shop time it has (`null` for a `null` time). A
 * time that is not an Open2b datetime gets no twin (the record schema reports it). The record
 * is not changed: a copy is returned when there is something to add.
 */
export const addUtc = (record: unknown, zone: string): unknown => {
  if (!isObject(record)) return record
  let out: Record<string, unknown> | undefined
  for (const { local, utc } of timeFields) {
    const value = record[local]
    if (value === undefined) continue
    const twin = value === null ? null : typeof value === "string" ? parseLocal(value, zone) : undefined
    if (twin === undefined) continue
    out ??= { ...record }
    out[utc] = twin === null ? null : formatUtc(twin)
  }
  return out ?? record
}

/** The record with its times in shop time, or the `…Utc` field that is not an instant. */
export type ShopTime =
  | { readonly _tag: "Ok"; readonly record: Json }
  | { readonly _tag: "BadInstant"; readonly path: string }

/**
 * A record to write with each `…Utc` twin turned into its shop time (a twin wins over the shop
 * time beside it: it is what mappings from canonical write) and the twins removed. A twin that
 * is not an instant is reported.
 */
export const toShopTime = (record: Json, zone: string): ShopTime => {
  let out: Record<string, unknown> | undefined
  for (const { local, utc } of timeFields) {
    if (!(utc in record)) continue
    out ??= { ...record }
    const value = record[utc]
    delete out[utc]
    if (value === undefined) continue
    if (value === null) {
      // only loginTime can be null; a null creation or update time is simply not sent
      if (local === "loginTime") out[local] = null
      continue
    }
    const at = typeof value === "string" ? parseInstant(value) : undefined
    if (at === undefined) return { _tag: "BadInstant", path: utc }
    out[local] = formatLocal(at, zone)
  }
  return { _tag: "Ok", record: out ?? record }
}
