/**
 * Local times: date-times written without an offset (`2024-07-01 12:00:00`), as many commerce
 * platforms store them in a shop's or a database session's time zone, read to instants and
 * written back, in an IANA time zone.
 *
 * The layout is `YYYY-MM-DD` and `HH:MM:SS` (24-hour clock, to the second) with a `T` or a
 * space between them. Offsets come from the runtime's time zone data (`Intl`, through luxon),
 * never from a fixed table, so daylight-saving changes are those of the zone at that date:
 *
 * - a local time that happens twice (clocks going back) is the earlier of its two instants;
 * - a local time that never happens (clocks going forward) is read with the offset of one side
 *   of the change: the offset before the change in a zone east of UTC (Europe/Rome 02:30 on the
 *   day clocks go forward is 01:30 UTC, the instant the wall clock shows 03:30), the offset
 *   after it in a zone west of UTC (America/New_York 02:30 on that day is 06:30 UTC, 01:30 on
 *   the wall clock).
 *
 * @since 0.1.0
 */
import { IANAZone } from "luxon"

/**
 * How a local date-time is laid out: the character between the date and the time, `T` (the
 * default, as in ISO 8601) or a space (as SQL databases write it).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly separator?: "T" | " "
}

const patterns = {
  T: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/,
  " ": /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/
} as const

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** The wall-clock fields of `at` read in UTC, laid out. */
const wallText = (at: number, separator: "T" | " "): string => {
  const d = new Date(at)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${separator}${pad(
    d.getUTCHours()
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

const zoneNamed = (zone: string): IANAZone => {
  const z = IANAZone.create(zone)
  if (!z.isValid) throw new RangeError(`unknown IANA time zone ${JSON.stringify(zone)}`)
  return z
}

/** The zone's offset from UTC at an instant (taken to the second), in milliseconds. */
const offsetAt = (zone: IANAZone, at: number): number => Math.round(zone.offset(at) * 60_000)

/**
 * The instant (epoch milliseconds) of a local date-time in `zone`, or `undefined` when the text
 * is not a date-time in the layout: another layout, a date that is not in the calendar
 * (`2024-02-30`), an hour past `23`, or year `0000` (the zero date of MySQL-backed platforms,
 * `0000-00-00 00:00:00`). A local time that happens twice is the earlier instant.
 *
 * Throws a `RangeError` when `zone` is not an IANA time zone; check configured zones first
 * (`ConfigCheck.isTimeZone`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (local: string, zone: string, options?: Options): number | undefined => {
  const separator = options?.separator ?? "T"
  const m = patterns[separator].exec(local)
  if (m === null || m[1] === "0000") return undefined
  const date = new Date(0)
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  date.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0)
  const wall = date.getTime()
  // a calendar overflow (2024-02-30, 24:00:00) does not read back as written
  if (wallText(wall, separator) !== local) return undefined
  if (zone === "UTC") return wall
  const z = zoneNamed(zone)
  // two rounds settle the offset, the second one across a daylight-saving change
  let at = wall - offsetAt(z, wall)
  at = wall - offsetAt(z, at)
  // the same wall time an hour earlier, when the clocks went back in between
  const earlier = wall - offsetAt(z, at - 3_600_000)
  if (earlier < at && earlier + offsetAt(z, earlier) === wall) at = earlier
  return at
}

/**
 * An instant (epoch milliseconds) as a local date-time in UTC, to the second (milliseconds
 * are dropped).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatUtc = (at: number, options?: Options): string => wallText(at, options?.separator ?? "T")

/**
 * An instant (epoch milliseconds) as a local date-time in `zone`, to the second (milliseconds
 * are dropped). Throws a `RangeError` when `zone` is not an IANA time zone.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatIn = (at: number, zone: string, options?: Options): string => {
  if (zone === "UTC") return formatUtc(at, options)
  const seconds = Math.floor(at / 1000) * 1000
  return formatUtc(seconds + offsetAt(zoneNamed(zone), seconds), options)
}

/**
 * A local date-time in `zone` as the same local date-time in UTC (same layout), or
 * `undefined` when the text is not one (see `parse`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const toUtc = (local: string, zone: string, options?: Options): string | undefined => {
  const at = parse(local, zone, options)
  return at === undefined ? undefined : formatUtc(at, options)
}
