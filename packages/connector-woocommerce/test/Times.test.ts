/**
 * Site-local WooCommerce dates to UTC, for payloads that lack a `_gmt` field.
 */
import { assert, describe, it } from "@effect/vitest"
import { fillGmt, toUtc } from "../src/internal/times.ts"

describe("toUtc", () => {
  it("the docs' examples: São Paulo is three hours behind", () => {
    assert.strictEqual(toUtc("2017-03-21T16:09:28", "America/Sao_Paulo"), "2017-03-21T19:09:28")
  })

  it("a zone ahead of UTC, across the date line", () => {
    assert.strictEqual(toUtc("2024-03-01T10:00:00", "Pacific/Auckland"), "2024-02-29T21:00:00")
  })

  it("UTC stays as it is", () => {
    assert.strictEqual(toUtc("2024-05-01T09:30:00", "UTC"), "2024-05-01T09:30:00")
  })

  it("summer and winter time in Berlin", () => {
    assert.strictEqual(toUtc("2024-07-01T12:00:00", "Europe/Berlin"), "2024-07-01T10:00:00")
    assert.strictEqual(toUtc("2024-01-15T12:00:00", "Europe/Berlin"), "2024-01-15T11:00:00")
  })

  it("a local time that happens twice (clocks going back) takes the earlier instant", () => {
    assert.strictEqual(toUtc("2024-10-27T02:30:00", "Europe/Berlin"), "2024-10-27T00:30:00")
  })

  it("a text that is not a WooCommerce date-time", () => {
    assert.strictEqual(toUtc("21/03/2017 16:09", "UTC"), undefined)
  })
})

describe("fillGmt", () => {
  it("fills each missing _gmt date from its local twin and keeps the ones given", () => {
    const record = {
      id: 1,
      date_created: "2017-03-21T16:09:28",
      date_modified: "2017-03-21T16:09:30",
      date_modified_gmt: "2017-03-21T19:09:31",
      date_paid: null
    }
    assert.deepStrictEqual(fillGmt(record, "America/Sao_Paulo"), {
      ...record,
      date_created_gmt: "2017-03-21T19:09:28"
    })
  })

  it("returns the record itself when there is nothing to fill", () => {
    const record = { id: 1, date_created: "2017-03-21T16:09:28", date_created_gmt: "2017-03-21T19:09:28" }
    assert.strictEqual(fillGmt(record, "America/Sao_Paulo"), record)
  })
})
