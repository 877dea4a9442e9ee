/**
 * WooCommerce dates come twice: site-local (`date_created`) and UTC (`date_created_gmt`). The
 * mappings read the `_gmt` ones; when a payload lacks one (an old or trimmed payload) but has
 * the local one, the `_gmt` value is computed here from the local time and the connector's
 * `timeZone` setting, exactly as WooCommerce would have written it. WooCommerce's layout is
 * `YYYY-MM-DDTHH:MM:SS`, core's `LocalTime` default.
 */
import { LocalTime } from "@mapwright/core"

/** A WooCommerce date-time (`YYYY-MM-DDTHH:MM:SS`) for an instant, in UTC. */
export const formatUtc = (at: number): string => LocalTime.formatUtc(at)

/** A WooCommerce date-time (`YYYY-MM-DDTHH:MM:SS`) for an instant, in a zone. */
export const formatIn = (at: number, zone: string): string => LocalTime.formatIn(at, zone)

/**
 * The UTC form of a site-local WooCommerce date-time in `zone`, or `undefined` when the text
 * is not one. A local time that happens twice (clocks going back) takes the earlier instant.
 */
export const toUtc = (local: string, zone: string): string | undefined => LocalTime.toUtc(local, zone)

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
