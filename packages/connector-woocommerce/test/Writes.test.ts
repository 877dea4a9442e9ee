/**
 * Writes through `/customers/batch`, against the emulator over loopback HTTP: one result per
 * record, in order; a record WooCommerce refuses is `Rejected` with write-stage issues and its
 * batch goes on.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect } from "effect"
import { FetchHttpClient } from "effect/http"
import * as WooEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const data = {
  customers: [
    { id: 5, email: "mere@example.nz", first_name: "Mere", last_name: "Ngata", username: "mere" },
    { id: 6, email: "tama@example.nz", first_name: "Tama", last_name: "Parata", username: "tama" }
  ],
  orders: []
}

const withClient = <A, E>(
  f: (client: Connector.StreamClient, running: WooEmulator.Running) => Effect.Effect<A, E>
) =>
  Effect.gen(function* () {
    const running = yield* WooEmulator.serve({ data })
    const client = yield* connector.client(running.config)
    return yield* f(client.streams.customers!, running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const batchCalls = (running: WooEmulator.Running) =>
  running.stats.count({ method: "POST", path: "/wp-json/wc/v3/customers/batch" })

describe("create", () => {
  it.live("a batch with one registered email: that one Rejected, the others Created", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.create!([
          { email: "aroha@example.nz", first_name: "Aroha" },
          { email: "MERE@example.nz", first_name: "Mere again" },
          { email: "nikau@example.nz", first_name: "Nikau", password: "s3cret-pass" }
        ])
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Created", "Rejected", "Created"]
        )
        const rejected = results[1]
        if (rejected?._tag !== "Rejected") return assert.fail("expected Rejected")
        assert.deepStrictEqual(
          rejected.issues.map((i) => [i.stage, i.path, i.code, i.severity]),
          [["write", "email", "AlreadyExists", "error"]]
        )
        assert.strictEqual(batchCalls(running), 1)
        const created = results[2]
        if (created?._tag !== "Created") return assert.fail("expected Created")
        const read = (yield* customers.get!(created.id)) as Record<string, unknown>
        assert.strictEqual(read.email, "nikau@example.nz")
        assert.strictEqual(read.first_name, "Nikau")
        assert.isFalse("password" in read)
      })
    )
  )

  it.live("a record that is not an object is Rejected without being sent", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.create!(["not a customer", { email: "kiri@example.nz" }])
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Rejected", "Created"]
        )
        assert.strictEqual(batchCalls(running), 1)
      })
    )
  )

  it.live("read-only fields are left out, so a read customer can be created elsewhere", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const [result] = yield* customers.create!([
          { id: 99, role: "administrator", date_created_gmt: "2017-03-21T19:09:28", email: "copy@example.nz" }
        ])
        if (result?._tag !== "Created") return assert.fail(`expected Created, got ${JSON.stringify(result)}`)
        assert.notStrictEqual(result.id, "99")
        const read = (yield* customers.get!(result.id)) as Record<string, unknown>
        assert.strictEqual(read.role, "customer")
      })
    )
  )

  it.live("150 records go in two calls of at most 100, one result each, in order", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const records = Array.from({ length: 150 }, (_, i) => ({ email: `bulk${i}@example.com` }))
        const results = yield* customers.create!(records)
        assert.strictEqual(results.length, 150)
        assert.isTrue(results.every((r) => r._tag === "Created"))
        assert.strictEqual(batchCalls(running), 2)
        const last = results[149]
        if (last?._tag !== "Created") return assert.fail("expected Created")
        assert.strictEqual(
          ((yield* customers.get!(last.id)) as { email: string }).email,
          "bulk149@example.com"
        )
      })
    )
  )
})

describe("update and delete", () => {
  it.live("update merges into the customer; an unknown id is Rejected as NotFound", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const results = yield* customers.update!([
          { id: "5", record: { billing: { city: "Rotorua" } } },
          { id: "999", record: { first_name: "Ghost" } },
          { id: "guest@example.com", record: { first_name: "Guest" } }
        ])
        assert.deepStrictEqual(
          results.map((r) => (r._tag === "Rejected" ? [r._tag, r.issues[0]?.code] : [r._tag, r.id])),
          [
            ["Updated", "5"],
            ["Rejected", "NotFound"],
            ["Rejected", "NotFound"]
          ]
        )
        const read = (yield* customers.get!("5")) as { first_name: string; billing: { city: string } }
        assert.strictEqual(read.first_name, "Mere")
        assert.strictEqual(read.billing.city, "Rotorua")
      })
    )
  )

  it.live("update to another customer's email is Rejected as AlreadyExists", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const [result] = yield* customers.update!([{ id: "6", record: { email: "mere@example.nz" } }])
        if (result?._tag !== "Rejected") return assert.fail("expected Rejected")
        assert.strictEqual(result.issues[0]?.code, "AlreadyExists")
      })
    )
  )

  it.live("delete removes the customer; an unknown id is Rejected", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const results = yield* customers.delete!(["6", "404"])
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Deleted", "Rejected"]
        )
        assert.strictEqual(yield* customers.get!("6"), undefined)
        assert.strictEqual(yield* customers.count!({}), 1)
      })
    )
  )
})

describe("find", () => {
  it.live("by email, in any case", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const found = (yield* customers.find!({ email: "MERE@Example.NZ" })) as ReadonlyArray<{ id: number }>
        assert.deepStrictEqual(
          found.map((c) => c.id),
          [5]
        )
        assert.deepStrictEqual(yield* customers.find!({ email: "nobody@example.nz" }), [])
      })
    )
  )

  it.live("by username (a search, then an exact match) and by id", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const byName = (yield* customers.find!({ username: "tama" })) as ReadonlyArray<{ id: number }>
        assert.deepStrictEqual(
          byName.map((c) => c.id),
          [6]
        )
        const byId = (yield* customers.find!({ id: "5", email: "mere@example.nz" })) as ReadonlyArray<{
          id: number
        }>
        assert.deepStrictEqual(
          byId.map((c) => c.id),
          [5]
        )
        assert.deepStrictEqual(yield* customers.find!({ id: "5", email: "tama@example.nz" }), [])
      })
    )
  )
})
