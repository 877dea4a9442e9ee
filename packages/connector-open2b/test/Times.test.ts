/**
 * Open2b's shop times (`YYYY-MM-DD HH:MM:SS`, no offset) and the connector's UTC twins: the
 * conversions in a zone (daylight-saving changes included), and the `timeZone` setting applied
 * on reads and writes against the emulator.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as Open2bEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"
import { addUtc, formatLocal, formatUtc, parseLocal, toShopTime } from "../src/internal/times.ts"

const at = (iso: string) => Date.parse(iso)

describe("shop time and UTC", () => {
  it("Europe/Rome is UTC+1 in winter and UTC+2 in summer", () => {
    assert.strictEqual(parseLocal("2024-01-15 10:00:00", "Europe/Rome"), at("2024-01-15T09:00:00Z"))
    assert.strictEqual(parseLocal("2024-07-01 12:00:00", "Europe/Rome"), at("2024-07-01T10:00:00Z"))
    assert.strictEqual(formatLocal(at("2024-07-01T10:00:00Z"), "Europe/Rome"), "2024-07-01 12:00:00")
    assert.strictEqual(formatLocal(at("2024-01-15T09:00:00.900Z"), "Europe/Rome"), "2024-01-15 10:00:00")
  })

  it("a shop time that happens twice is the earlier instant; one that never happens keeps the winter offset", () => {
    // 27 October 2024: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and at 01:30Z
    assert.strictEqual(parseLocal("2024-10-27 02:30:00", "Europe/Rome"), at("2024-10-27T00:30:00Z"))
    // 31 March 2024: 02:00 CET becomes 03:00 CEST, so 02:30 never happens
    assert.strictEqual(parseLocal("2024-03-31 02:30:00", "Europe/Rome"), at("2024-03-31T01:30:00Z"))
  })

  it("Pacific/Auckland and UTC", () => {
    assert.strictEqual(parseLocal("2024-07-01 12:00:00", "Pacific/Auckland"), at("2024-07-01T00:00:00Z"))
    assert.strictEqual(parseLocal("2009-05-21 16:49:13", "UTC"), at("2009-05-21T16:49:13Z"))
    assert.strictEqual(formatUtc(at("2009-05-21T16:49:13.250Z")), "2009-05-21T16:49:13Z")
  })

  it("texts that are not Open2b datetimes are refused", () => {
    assert.strictEqual(parseLocal("2024-02-30 10:00:00", "UTC"), undefined)
    assert.strictEqual(parseLocal("2024-01-15T10:00:00", "UTC"), undefined)
    assert.strictEqual(parseLocal("2024-01-15 24:00:00", "UTC"), undefined)
  })

  it("reads add the twins, without changing the record", () => {
    const record = { id: 1, creationTime: "2024-01-15 10:00:00", loginTime: null, updateTime: "not a time" }
    const read = addUtc(record, "Europe/Rome")
    assert.deepStrictEqual(read, {
      id: 1,
      creationTime: "2024-01-15 10:00:00",
      loginTime: null,
      updateTime: "not a time",
      creationTimeUtc: "2024-01-15T09:00:00Z",
      loginTimeUtc: null
    })
    assert.deepStrictEqual(Object.keys(record), ["id", "creationTime", "loginTime", "updateTime"])
  })

  it("writes turn the twins into shop time; a twin wins over the shop time beside it", () => {
    assert.deepStrictEqual(
      toShopTime(
        {
          creationTime: "2000-01-01 00:00:00",
          creationTimeUtc: "2024-07-01T10:00:00.000Z",
          loginTimeUtc: null
        },
        "Europe/Rome"
      ),
      { _tag: "Ok", record: { creationTime: "2024-07-01 12:00:00", loginTime: null } }
    )
    assert.deepStrictEqual(toShopTime({ creationTimeUtc: null, updateTimeUtc: null }, "UTC"), {
      _tag: "Ok",
      record: {}
    })
    assert.deepStrictEqual(toShopTime({ loginTimeUtc: "last week" }, "UTC"), {
      _tag: "BadInstant",
      path: "loginTimeUtc"
    })
  })
})

describe("the timeZone setting", () => {
  const data = [
    {
      id: 1,
      creationTime: "2024-07-01 12:00:00",
      loginTime: "2024-01-15 08:00:00",
      updateTime: "2024-07-02 12:00:00",
      billingAddress: {
        firstName: "Giulia",
        lastName: "Rossi",
        street1: "Via del Corso 12",
        city: "Roma",
        postalCode: "00186",
        country: "IT",
        email: "giulia@example.it"
      }
    }
  ]

  it.live("reads shop times in the configured zone, and writes instants back in it", () =>
    Effect.gen(function* () {
      const running = yield* Open2bEmulator.serve({ data, timeZone: "Europe/Rome" })
      const rome = (yield* connector.client({ ...running.config, timeZone: "Europe/Rome" })).streams
        .customers!
      const [giulia] = yield* Stream.runCollect(rome.list!({}))
      assert.deepStrictEqual(
        [giulia?.record].map((r) => {
          const c = r as Record<string, unknown>
          return [c.creationTimeUtc, c.loginTimeUtc, c.updateTimeUtc]
        }),
        [["2024-07-01T10:00:00Z", "2024-01-15T07:00:00Z", "2024-07-02T10:00:00Z"]]
      )
      const utc = (yield* connector.client({ ...running.config, timeZone: "UTC" })).streams.customers!
      const asUtc = (yield* utc.get!("1")) as Record<string, unknown>
      assert.strictEqual(asUtc.creationTimeUtc, "2024-07-01T12:00:00Z")
      const result = yield* rome.update!([{ id: "1", record: { loginTimeUtc: "2024-08-01T06:30:00Z" } }])
      assert.strictEqual(result[0]?._tag, "Updated")
      assert.deepStrictEqual(running.calls().at(-1)?.request, {
        id: 1,
        customer: { loginTime: "2024-08-01 08:30:00" }
      })
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )
})
