/**
 * Shop-local times: the UTC twins the connector adds, through its timeZone setting, and the
 * default mapping reading them.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"
import { toUtc, withUtc } from "../src/internal/times.ts"

describe("toUtc", () => {
  it("Paris is UTC+1 in winter and UTC+2 in summer", () => {
    assert.strictEqual(toUtc("2024-01-15 10:00:00", "Europe/Paris"), "2024-01-15 09:00:00")
    assert.strictEqual(toUtc("2024-07-15 10:00:00", "Europe/Paris"), "2024-07-15 08:00:00")
  })

  it("crosses midnight and the date line", () => {
    assert.strictEqual(toUtc("2024-03-01 10:00:00", "Pacific/Auckland"), "2024-02-29 21:00:00")
    assert.strictEqual(toUtc("2024-03-01 23:30:00", "America/Sao_Paulo"), "2024-03-02 02:30:00")
  })

  it("a time that happens twice (clocks back) is the earlier; one that never happens moves forward", () => {
    // Paris, 27 Oct 2024: 03:00 CEST became 02:00 CET, so 02:30 happened at 00:30 and 01:30 UTC
    assert.strictEqual(toUtc("2024-10-27 02:30:00", "Europe/Paris"), "2024-10-27 00:30:00")
    // Paris, 31 Mar 2024: 02:00 CET became 03:00 CEST, 02:30 never happened
    assert.strictEqual(toUtc("2024-03-31 02:30:00", "Europe/Paris"), "2024-03-31 01:30:00")
  })

  it("no date is no UTC date", () => {
    assert.isUndefined(toUtc("0000-00-00 00:00:00", "Europe/Paris"))
    assert.isUndefined(toUtc("", "UTC"))
    assert.isUndefined(toUtc("2024-01-15T10:00:00", "UTC"))
  })
})

describe("withUtc", () => {
  it("adds date_add_utc and date_upd_utc, leaving the record it was given as it was", () => {
    const record = { id: "1", date_add: "2024-01-15 10:00:00", date_upd: "0000-00-00 00:00:00" }
    assert.deepStrictEqual(withUtc(record, "Europe/Paris"), {
      ...record,
      date_add_utc: "2024-01-15 09:00:00"
    })
    assert.deepStrictEqual(record, {
      id: "1",
      date_add: "2024-01-15 10:00:00",
      date_upd: "0000-00-00 00:00:00"
    })
  })
})

describe("the timeZone setting", () => {
  const read = (timeZone: string | undefined) =>
    Effect.gen(function* () {
      const running = yield* PrestaShopEmulator.serve({
        customers: 3,
        orders: 0,
        timeZone: "Pacific/Auckland"
      })
      const client = yield* connector.client(
        timeZone === undefined
          ? { url: running.url, key: running.config.key }
          : { ...running.config, timeZone }
      )
      return (yield* Stream.runCollect(client.streams.customers!.list!({}))).map(
        (i) => i.record as Record<string, string>
      )
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

  it.live("the shop's zone gives the right instants; without it the times are taken as UTC", () =>
    Effect.gen(function* () {
      const auckland = yield* read("Pacific/Auckland")
      const utc = yield* read(undefined)
      assert.strictEqual(auckland.length, 3)
      for (let i = 0; i < auckland.length; i++) {
        const local = auckland[i]!
        // January in Auckland is summer time, UTC+13
        assert.strictEqual(
          Date.parse(`${String(local.date_upd).replace(" ", "T")}Z`) -
            Date.parse(`${String(local.date_upd_utc).replace(" ", "T")}Z`),
          13 * 3_600_000
        )
        assert.strictEqual(utc[i]?.date_upd_utc, local.date_upd)
      }
    })
  )
})
