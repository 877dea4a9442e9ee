/**
 * LocalTime: date-times without an offset, read and written in an IANA time zone. Expected
 * instants are worked out from the zones' rules (EU: clocks change at 01:00 UTC on the last
 * Sundays of March and October; New Zealand: 02:00 NZST on the last Sunday of September and
 * 03:00 NZDT on the first Sunday of April; US: 02:00 local on the second Sunday of March and the
 * first Sunday of November).
 */
import { assert, describe, it } from "@effect/vitest"
import * as LocalTime from "../src/LocalTime.ts"

const at = (iso: string) => Date.parse(iso)
const space = { separator: " " } as const

describe("LocalTime.parse", () => {
  it("Europe/Rome is UTC+1 in winter and UTC+2 in summer", () => {
    assert.strictEqual(LocalTime.parse("2024-01-15T10:00:00", "Europe/Rome"), at("2024-01-15T09:00:00Z"))
    assert.strictEqual(
      LocalTime.parse("2024-07-01 12:00:00", "Europe/Rome", space),
      at("2024-07-01T10:00:00Z")
    )
  })

  it("Europe/Rome, clocks going back: 02:30 happens twice and is the earlier instant", () => {
    // 27 October 2024, 03:00 CEST (01:00Z) becomes 02:00 CET: 02:30 is 00:30Z and 01:30Z
    assert.strictEqual(LocalTime.parse("2024-10-27T02:30:00", "Europe/Rome"), at("2024-10-27T00:30:00Z"))
    assert.strictEqual(LocalTime.parse("2024-10-27T01:59:59", "Europe/Rome"), at("2024-10-26T23:59:59Z"))
    assert.strictEqual(LocalTime.parse("2024-10-27T03:00:00", "Europe/Rome"), at("2024-10-27T02:00:00Z"))
  })

  it("Europe/Rome, clocks going forward: 02:30 never happens and is read with the winter offset", () => {
    // 31 March 2024, 02:00 CET (01:00Z) becomes 03:00 CEST
    assert.strictEqual(LocalTime.parse("2024-03-31T02:30:00", "Europe/Rome"), at("2024-03-31T01:30:00Z"))
    assert.strictEqual(LocalTime.parse("2024-03-31T01:59:59", "Europe/Rome"), at("2024-03-31T00:59:59Z"))
    assert.strictEqual(LocalTime.parse("2024-03-31T03:00:00", "Europe/Rome"), at("2024-03-31T01:00:00Z"))
  })

  it("Pacific/Auckland, across the date line and both changes", () => {
    // summer (NZDT, UTC+13) and winter (NZST, UTC+12)
    assert.strictEqual(LocalTime.parse("2024-03-01T10:00:00", "Pacific/Auckland"), at("2024-02-29T21:00:00Z"))
    assert.strictEqual(LocalTime.parse("2024-07-01T12:00:00", "Pacific/Auckland"), at("2024-07-01T00:00:00Z"))
    // 7 April 2024, 03:00 NZDT (6 April 14:00Z) becomes 02:00 NZST: 02:30 is 13:30Z and 14:30Z
    assert.strictEqual(LocalTime.parse("2024-04-07T02:30:00", "Pacific/Auckland"), at("2024-04-06T13:30:00Z"))
    // 29 September 2024, 02:00 NZST (28 September 14:00Z) becomes 03:00 NZDT: 02:30 never happens
    assert.strictEqual(LocalTime.parse("2024-09-29T02:30:00", "Pacific/Auckland"), at("2024-09-28T14:30:00Z"))
    assert.strictEqual(LocalTime.parse("2024-09-29T03:00:00", "Pacific/Auckland"), at("2024-09-28T14:00:00Z"))
  })

  it("America/New_York, west of UTC: the earlier of a repeated time; a missing one takes the summer offset", () => {
    // 3 November 2024, 02:00 EDT (06:00Z) becomes 01:00 EST: 01:30 is 05:30Z and 06:30Z
    assert.strictEqual(LocalTime.parse("2024-11-03T01:30:00", "America/New_York"), at("2024-11-03T05:30:00Z"))
    // 10 March 2024, 02:00 EST (07:00Z) becomes 03:00 EDT: 02:30 is read at UTC-4
    assert.strictEqual(LocalTime.parse("2024-03-10T02:30:00", "America/New_York"), at("2024-03-10T06:30:00Z"))
  })

  it("UTC is the text as written, including a leap day", () => {
    assert.strictEqual(LocalTime.parse("2024-02-29 23:59:59", "UTC", space), at("2024-02-29T23:59:59Z"))
  })

  it("texts that are not local date-times in the layout are refused", () => {
    for (const text of [
      "",
      "2024-02-30T10:00:00",
      "2023-02-29T10:00:00",
      "2024-01-15T24:00:00",
      "2024-01-15T10:60:00",
      "2024-13-01T10:00:00",
      "0000-00-00T00:00:00",
      "0000-01-01T00:00:00",
      "2024-01-15T10:00",
      "2024-01-15T10:00:00Z",
      "2024-01-15 10:00:00"
    ])
      assert.isUndefined(LocalTime.parse(text, "UTC"), text)
    assert.isUndefined(LocalTime.parse("2024-01-15T10:00:00", "Europe/Rome", space))
  })

  it("years before 100 are read as written, not as 19xx", () => {
    const early = LocalTime.parse("0050-06-01T00:00:00", "UTC")
    assert.isDefined(early)
    assert.isBelow(early!, at("0100-01-01T00:00:00Z"))
    assert.strictEqual(LocalTime.formatUtc(early!), "0050-06-01T00:00:00")
  })

  it("an unknown zone is a RangeError that names it", () => {
    assert.throws(() => LocalTime.parse("2024-01-15T10:00:00", "Mars/Olympus"), RangeError, '"Mars/Olympus"')
    assert.throws(() => LocalTime.formatIn(0, "Mars/Olympus"), RangeError, '"Mars/Olympus"')
  })
})

describe("LocalTime.formatIn and formatUtc", () => {
  it("an instant on the wall clock of a zone, to the second", () => {
    assert.strictEqual(LocalTime.formatIn(at("2024-07-01T10:00:00Z"), "Europe/Rome"), "2024-07-01T12:00:00")
    assert.strictEqual(
      LocalTime.formatIn(at("2024-01-15T09:00:00.900Z"), "Europe/Rome", space),
      "2024-01-15 10:00:00"
    )
    assert.strictEqual(
      LocalTime.formatIn(at("2024-02-29T21:00:00Z"), "Pacific/Auckland"),
      "2024-03-01T10:00:00"
    )
    assert.strictEqual(LocalTime.formatIn(at("2024-05-01T09:30:00Z"), "UTC", space), "2024-05-01 09:30:00")
  })

  it("both instants of a repeated local time show it", () => {
    assert.strictEqual(LocalTime.formatIn(at("2024-10-27T00:30:00Z"), "Europe/Rome"), "2024-10-27T02:30:00")
    assert.strictEqual(LocalTime.formatIn(at("2024-10-27T01:30:00Z"), "Europe/Rome"), "2024-10-27T02:30:00")
    assert.strictEqual(
      LocalTime.formatIn(at("2024-04-06T13:30:00Z"), "Pacific/Auckland"),
      "2024-04-07T02:30:00"
    )
    assert.strictEqual(
      LocalTime.formatIn(at("2024-04-06T14:30:00Z"), "Pacific/Auckland"),
      "2024-04-07T02:30:00"
    )
  })

  it("the wall clock jumps over the missing hour", () => {
    assert.strictEqual(LocalTime.formatIn(at("2024-03-31T00:59:59Z"), "Europe/Rome"), "2024-03-31T01:59:59")
    assert.strictEqual(LocalTime.formatIn(at("2024-03-31T01:00:00Z"), "Europe/Rome"), "2024-03-31T03:00:00")
  })

  it("formatUtc drops milliseconds and pads the year", () => {
    assert.strictEqual(LocalTime.formatUtc(at("2009-05-21T16:49:13.999Z")), "2009-05-21T16:49:13")
    assert.strictEqual(LocalTime.formatUtc(at("2009-05-21T16:49:13Z"), space), "2009-05-21 16:49:13")
    assert.strictEqual(LocalTime.formatUtc(at("0999-12-31T23:59:59Z")), "0999-12-31T23:59:59")
  })
})

describe("LocalTime.toUtc", () => {
  it("keeps the layout it was given", () => {
    assert.strictEqual(LocalTime.toUtc("2017-03-21T16:09:28", "America/Sao_Paulo"), "2017-03-21T19:09:28")
    assert.strictEqual(
      LocalTime.toUtc("2024-03-01 23:30:00", "America/Sao_Paulo", space),
      "2024-03-02 02:30:00"
    )
    assert.strictEqual(LocalTime.toUtc("2024-10-27 02:30:00", "Europe/Rome", space), "2024-10-27 00:30:00")
  })

  it("a text that is not a local date-time has no UTC form", () => {
    assert.isUndefined(LocalTime.toUtc("21/03/2017 16:09", "UTC"))
    assert.isUndefined(LocalTime.toUtc("0000-00-00 00:00:00", "Europe/Rome", space))
  })
})
