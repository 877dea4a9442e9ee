/**
 * `datetime` and `date`: read a date-time text (ISO 8601, a luxon token format, or a unix
 * timestamp) in the source's time zone, through luxon.
 */
import { Schema } from "effect"
import { DateTime, type DateTimeOptions, IANAZone, type Zone } from "luxon"
import { Invalid, make, type Transform } from "../../Transform.ts"
import type { ValueType } from "../../ValueType.ts"
import { compileValueOrPath, FromPath, isBlank, kindOf, optionalOptions, preview } from "./common.ts"
import * as T from "./types.ts"

const LOCALE = "en-US"
const QUOTED = /'[^']*'/g

/** Why a luxon format is unusable, or `undefined`. */
const formatProblem = (format: string): string | undefined => {
  if (format === "iso" || format === "unix" || format === "unixMillis") return undefined
  const unquoted = format.replace(QUOTED, "")
  if (unquoted.includes("Y")) {
    return `"${format}" is not a luxon format: luxon writes years as "yyyy" and days of the month as "dd" (quote literal text: 'T')`
  }
  if (!/[a-zA-Z]/.test(unquoted)) return `"${format}" has no luxon tokens`
  // The format must be able to read what it writes.
  const sample = DateTime.fromMillis(Date.UTC(2024, 2, 1, 10, 20, 30, 456), { zone: "UTC", locale: LOCALE })
  const written = sample.toFormat(format)
  if (!DateTime.fromFormat(written, format, { zone: "UTC", locale: LOCALE }).isValid) {
    return `"${format}" cannot read back what it writes ("${written}"); check its tokens`
  }
  return undefined
}

const Format = Schema.String.annotate({
  description:
    "How the source writes it: `iso` (ISO 8601, also with a space for the `T`), `unix` (seconds), " +
    "`unixMillis`, or a luxon token format such as `yyyy-MM-dd HH:mm:ss` or `dd/MM/yyyy`",
  default: "iso"
}).check(Schema.makeFilter((f: string) => formatProblem(f) ?? true))

const ZoneName = Schema.String.check(
  Schema.makeFilter((z: string) => IANAZone.isValidZone(z) || `unknown IANA time zone ${JSON.stringify(z)}`)
)

const Options = optionalOptions(
  Schema.Struct({
    format: Schema.optionalKey(Format),
    zone: Schema.optionalKey(
      Schema.Union([ZoneName, FromPath]).annotate({
        description:
          "The IANA time zone of times written without an offset (the shop's local time), or " +
          "`{ from: path }` to read it from the record",
        default: "UTC"
      })
    )
  })
)

interface Options {
  readonly format?: string
  readonly zone?: string | FromPath
}

const MAX_INPUT = 100
const ZERO_DATE = /^0000-00-00/
const UNIX = /^[+-]?\d+(\.\d+)?$/
const MAX_MILLIS = 8.64e15

type Parse = (value: unknown, zone: Zone | undefined) => DateTime | Invalid | null

/** Compiles the reader for one format; `code` and `what` name the transform's Invalid. */
const compileParse = (format: string, code: string, what: string, keepOffset: boolean): Parse => {
  const bad = (value: unknown, why: string) =>
    new Invalid(code, `${preview(value)} is not a valid ${what}${why}`)
  // The luxon options of the last zone seen: one object per compile for a fixed zone.
  let lastZone: Zone | undefined
  let lastOptions: DateTimeOptions = {}
  const options = (zone: Zone): DateTimeOptions => {
    if (zone !== lastZone) {
      lastZone = zone
      lastOptions = { zone, locale: LOCALE, setZone: keepOffset }
    }
    return lastOptions
  }
  const unixScale = format === "unix" ? 1000 : format === "unixMillis" ? 1 : 0
  const parser =
    unixScale === 0 && format !== "iso" ? DateTime.buildFormatParser(format, { locale: LOCALE }) : null
  const read = (text: string, zone: Zone): DateTime | Invalid => {
    if (unixScale !== 0) {
      const t = text.trim()
      return UNIX.test(t) ? fromMillis(Number(t) * unixScale, zone) : bad(text, ` ${format} timestamp`)
    }
    const opts = options(zone)
    let dt = parser === null ? DateTime.fromISO(text, opts) : DateTime.fromFormatParser(text, parser, opts)
    if (!dt.isValid && parser === null) {
      const sql = DateTime.fromSQL(text, opts)
      if (sql.isValid) dt = sql
    }
    return dt.isValid ? dt : bad(text, ` (format ${format}: ${dt.invalidExplanation ?? dt.invalidReason})`)
  }
  const fromMillis = (ms: number, zone: Zone): DateTime | Invalid => {
    const rounded = Math.round(ms)
    return Number.isFinite(rounded) && Math.abs(rounded) <= MAX_MILLIS
      ? DateTime.fromMillis(rounded, { zone, locale: LOCALE })
      : bad(ms, " timestamp (out of range)")
  }
  return (value, zone) => {
    if (zone === undefined) return bad(value, ": the record's time zone is missing or not an IANA zone")
    if (typeof value === "string") {
      if (isBlank(value) || ZERO_DATE.test(value)) return null
      if (value.length > MAX_INPUT) return bad(value, " (too long)")
      return read(value, zone)
    }
    if (typeof value === "number") {
      return unixScale === 0
        ? bad(value, `: a number needs format unix or unixMillis`)
        : fromMillis(value * unixScale, zone)
    }
    return new Invalid(code, `expected a string or a unix timestamp, got ${kindOf(value)}`)
  }
}

const DAY = 86_400_000
const MAX_CACHED_DAYS = 100_000

/**
 * An IANA zone that remembers its offset per UTC day. luxon asks `Intl` for every offset
 * (~4 µs, several per parse); offsets only change at transitions, so a day whose first and
 * last millisecond share an offset is cached, and a transition day is always asked. One per
 * compiled transform (and zone name), never shared.
 */
class CachedZone extends IANAZone {
  readonly #days = new Map<number, number>()
  override offset(ts: number): number {
    const day = Math.floor(ts / DAY)
    const cached = this.#days.get(day)
    if (cached !== undefined) return cached
    const offset = super.offset(ts)
    const start = day * DAY
    if (super.offset(start) === offset && super.offset(start + DAY - 1) === offset) {
      if (this.#days.size >= MAX_CACHED_DAYS) this.#days.clear()
      this.#days.set(day, offset)
    }
    return offset
  }
}

const MAX_ZONES = 256

/** Zone names to zones (`undefined` for an unknown name), remembered per compiled transform. */
const zoneReader = (): ((name: unknown) => Zone | undefined) => {
  const zones = new Map<string, Zone | undefined>()
  return (name) => {
    if (typeof name !== "string") return undefined
    if (zones.has(name)) return zones.get(name)
    const zone = IANAZone.isValidZone(name) ? new CachedZone(name) : undefined
    if (zones.size >= MAX_ZONES) zones.clear()
    zones.set(name, zone)
    return zone
  }
}

const dateTimeTransform = (spec: {
  readonly name: string
  readonly description: string
  readonly code: string
  readonly what: string
  readonly type: ValueType
  readonly keepOffset: boolean
  readonly write: (dt: DateTime) => string
  readonly examples: Transform["examples"]
}): Transform =>
  make<Options>({
    name: spec.name,
    description: spec.description,
    input: ["string", "number", "integer"],
    output: (input) => T.orNullIfString(input, spec.type),
    nulls: "pass",
    onInvalid: "reject",
    options: Options,
    compile: (options, context) => {
      const parse = compileParse(options.format ?? "iso", spec.code, spec.what, spec.keepOffset)
      const zone = compileValueOrPath(options.zone ?? "UTC", context, zoneReader())
      return (value, record) => {
        const dt = parse(value, zone(record))
        return dt instanceof DateTime ? spec.write(dt) : dt
      }
    },
    examples: spec.examples
  })

export const datetime = dateTimeTransform({
  name: "datetime",
  description:
    "A date-time to an ISO 8601 UTC instant with milliseconds (`2024-03-01T10:00:00.000Z`, the " +
    "format of `Date.prototype.toISOString`). Times written without an offset are read in `zone`; " +
    "a text with an offset (`Z`, `+02:00`) keeps it. Around daylight-saving changes luxon's rules " +
    "apply: a repeated local time takes the earlier offset, a skipped one moves forward by the gap. " +
    "Unix timestamps are accepted as numbers or numeric strings with `format: unix | unixMillis`. " +
    "An empty string or a MySQL zero date (`0000-00-00 00:00:00`) gives `null`.",
  code: "InvalidDateTime",
  what: "date-time",
  type: T.string("date-time"),
  keepOffset: false,
  write: (dt) => new Date(dt.toMillis()).toISOString(),
  examples: [
    { input: "2024-03-01T10:00:00Z", output: "2024-03-01T10:00:00.000Z" },
    {
      input: "2024-03-01 10:00:00",
      options: { format: "yyyy-MM-dd HH:mm:ss", zone: "Pacific/Auckland" },
      output: "2024-02-29T21:00:00.000Z"
    },
    { input: 1709287200, options: { format: "unix" }, output: "2024-03-01T10:00:00.000Z" },
    { input: "0000-00-00 00:00:00", output: null },
    {
      input: "2024-02-30 10:00:00",
      options: { format: "yyyy-MM-dd HH:mm:ss" },
      output: { invalid: "InvalidDateTime" }
    }
  ]
})

export const date = dateTimeTransform({
  name: "date",
  description:
    "A date (or a date-time) to a calendar date `YYYY-MM-DD`. The date is the one written in the " +
    "text: a date-time with an offset keeps its own calendar day, and `zone` gives the day of a " +
    "unix timestamp. An empty string or a MySQL zero date (`0000-00-00`) gives `null`.",
  code: "InvalidDate",
  what: "date",
  type: T.string("date"),
  keepOffset: true,
  write: (dt) => dt.toISODate() ?? "",
  examples: [
    { input: "1990-05-01", output: "1990-05-01" },
    { input: "01/05/1990", options: { format: "dd/MM/yyyy" }, output: "1990-05-01" },
    { input: "1990-05-01T00:00:00+02:00", output: "1990-05-01" },
    { input: 1709301600, options: { format: "unix", zone: "Pacific/Auckland" }, output: "2024-03-02" },
    { input: "1990-13-01", output: { invalid: "InvalidDate" } }
  ]
})
