/**
 * Times are UTC. A server whose database session is in another zone sends them shifted
 * (magento2#28181); with `timeZone` set to that zone the connector reads them back to UTC and
 * writes its `updated_at` filter in that zone.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as MagentoEmulator from "../src/emulator.ts"
import { clientFor, list, records, searches, withEmulator } from "./helpers.ts"

const data = { seed: 7, customers: 6, orders: 5, guests: 1 } as const

describe("timeZone", () => {
  it.live("reads a shifted server's times back to UTC, for customers, guests and orders", () =>
    withEmulator(data, (utc) =>
      Effect.gen(function* () {
        const shifted = yield* MagentoEmulator.serve({ ...data, timeZone: "Pacific/Auckland" })
        const plain = yield* clientFor(utc)
        const fixed = yield* clientFor(shifted, { timeZone: "Pacific/Auckland" })
        const naive = yield* clientFor(shifted)
        const expected = records(yield* list(plain, "customers", { options: { includeGuests: true } }))
        const read = records(yield* list(fixed, "customers", { options: { includeGuests: true } }))
        assert.deepStrictEqual(
          read.map((c) => [c.id, c.created_at, c.updated_at]),
          expected.map((c) => [c.id, c.created_at, c.updated_at])
        )
        // customer 1 of seed 7 changed at 2024-01-01 00:mm:ss UTC, 13:mm:ss in Auckland (NZDT, +13)
        const first = expected[0]!
        assert.match(String(first.updated_at), /^2024-01-01 00:/)
        const unfixed = records(yield* list(naive, "customers"))[0]!
        assert.strictEqual(
          unfixed.updated_at,
          String(first.updated_at).replace(/^2024-01-01 00:/, "2024-01-01 13:")
        )
        const orders = records(yield* list(fixed, "orders"))
        const utcOrders = records(yield* list(plain, "orders"))
        assert.deepStrictEqual(
          orders.map((o) => o.updated_at),
          utcOrders.map((o) => o.updated_at)
        )
      })
    )
  )

  it.live("checkpoints are UTC; the filter is written in the server's zone", () =>
    withEmulator({ ...data, timeZone: "Pacific/Auckland" }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running, { timeZone: "Pacific/Auckland" })
        const all = yield* list(client, "customers")
        const second = all[1]!
        const utc = (second.record as { updated_at: string }).updated_at
        assert.strictEqual(second.checkpoint, new URLSearchParams({ updated_at: utc, id: "2" }).toString())
        const rest = yield* list(client, "customers", { since: second.checkpoint })
        assert.strictEqual(rest.length, all.length - 2)
        const local = utc.replace(/^2024-01-01 01:/, "2024-01-01 14:")
        assert.notStrictEqual(local, utc)
        assert.isTrue(searches(running, "customers/search").some((s) => s.includes(`[value]=${local}&`)))
      })
    )
  )
})
