/**
 * Open2b writes its times in shop time without an offset (`2009-05-21 16:49:13`). Reads add a
 * UTC twin beside each (`creationTimeUtc: "2009-05-21T14:49:13Z"` for Europe/Rome in summer),
 * computed with the connector's `timeZone`; writes turn a twin back into shop time. The
 * conversions are core's `LocalTime` (the platform's time zone data), never a fixed offset.
 */
import { LocalTime } from "@mapwright/core"
import { timeFields } from "../Customer.ts"

const layout = { separator: " " } as const

/** An instant (epoch milliseconds) as an Open2b datetime in `zone`, to the second. */
export const formatLocal = (at: number, zone: string): string => LocalTime.formatIn(at, zone, layout)

/** An instant (epoch milliseconds) as the connector writes the `…Utc` fields: `2009-05-21T14:49:13Z`. */
export const formatUtc = (at: number): string => `${LocalTime.formatUtc(at)}Z`

/**
 * The instant of an Open2b datetime read in `zone` (epoch milliseconds), or `undefined` when the
 * text is not one. A shop time that happens twice (clocks going back) is the earlier instant; one
 * that never happens (clocks going forward) is read as core's `LocalTime.parse` reads it (in
 * Europe/Rome, with the offset before the change).
 */
export const parseLocal = (local: string, zone: string): number | undefined =>
  LocalTime.parse(local, zone, layout)

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
