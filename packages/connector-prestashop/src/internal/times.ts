/**
 * PrestaShop writes `date_add` and `date_upd` in the shop's local time (`YYYY-MM-DD HH:MM:SS`,
 * no offset) and has no UTC twin. The connector adds `date_add_utc` and `date_upd_utc`,
 * computed from the local time and its `timeZone` setting, which the default mappings read.
 * The conversions are core's `LocalTime`.
 */
import { LocalTime } from "@mapwright/core"

const layout = { separator: " " } as const

/** A PrestaShop date-time for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string => LocalTime.formatIn(at, zone, layout)

/**
 * The UTC form of a shop-local date-time in `zone`, or `undefined` when the text is not one
 * (`0000-00-00 00:00:00`, `""`). A local time that happens twice (clocks going back) takes
 * the earlier instant; one that does not happen (clocks going forward) moves forward by the gap.
 */
export const toUtc = (local: string, zone: string): string | undefined => LocalTime.toUtc(local, zone, layout)

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
