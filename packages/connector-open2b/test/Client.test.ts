/**
 * The client's reads against the emulator over loopback HTTP: the key in X-Key, transport
 * errors, the keyset walk on id with `fields`, checkpoints, the stream options, count, get and
 * find.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as Open2bEmulator from "../src/emulator.ts"
import { Customer, connector } from "../src/index.ts"

const address = (firstName: string, lastName: string, country: string, email: string) => ({
  firstName,
  lastName,
  street1: "1 Main Street",
  city: country === "IT" ? "Roma" : "Auckland",
  postalCode: "1010",
  country,
  email
})

const data = [
  {
    id: 11,
    code: "C-11",
    canLogin: true,
    password: { value: "secret-eleven" },
    creationTime: "2024-01-10 10:00:00",
    loginTime: "2024-02-01 09:00:00",
    updateTime: "2024-02-01 09:00:00",
    group: 2,
    labels: [4],
    billingAddress: address("Giulia", "Rossi", "IT", "giulia.rossi@example.it")
  },
  { id: 12, group: 1, billingAddress: address("Marco", "Bianchi", "IT", "marco@example.it") },
  {
    id: 15,
    group: 2,
    billingAddress: { ...address("Mere", "Ngata", "NZ", "mere@example.nz"), companyName: "Kiwi Traders Ltd" }
  },
  { id: 20, group: 3, billingAddress: address("Tama", "Parata", "NZ", "Tama@Example.NZ") }
]

const withEmulator = <A, E>(
  options: Open2bEmulator.Options,
  f: (running: Open2bEmulator.Running) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* Open2bEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const customersOf = (running: Open2bEmulator.Running, config: Record<string, unknown> = {}) =>
  Effect.map(connector.client({ ...running.config, ...config }), (c) => c.streams.customers!)

const ids = (items: ReadonlyArray<Connector.ReadItem>) => items.map((i) => (i.record as { id: number }).id)

const list = (customers: Connector.StreamClient, options: Connector.ListOptions = {}) =>
  Stream.runCollect(customers.list!(options))

const finds = (running: Open2bEmulator.Running) =>
  running.calls().filter((c) => c.method === "commerce.customers.find")

const lastConditions = (running: Open2bEmulator.Running): unknown =>
  (finds(running).at(-1)?.request as { conditions?: unknown } | undefined)?.conditions

describe("auth and transport", () => {
  it.live("the key goes in X-Key; a wrong key is Authentication (403), not retried, never repeated", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const good = yield* connector.client(running.config)
        yield* good.check
        const wrong = yield* connector.client({ ...running.config, apiKey: "wrong-open2b-key" })
        running.stats.reset()
        const error = yield* Effect.flip(wrong.check)
        assert.strictEqual(error.reason, "Authentication")
        assert.strictEqual(error.status, 403)
        assert.isFalse(error.retryable)
        assert.notInclude(error.message, "wrong-open2b-key")
        assert.include(error.message, "the API key (X-Key) is missing or not valid")
        assert.strictEqual(running.stats.total, 1)
      })
    )
  )

  it.live("an API version the shop does not serve is NotFound", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, apiVersion: 10 })
        const error = yield* Effect.flip(client.check)
        assert.strictEqual(error.reason, "NotFound")
        assert.strictEqual(error.status, 404)
        assert.deepStrictEqual(
          running.stats.requests.map((r) => r.path),
          ["/api/v10/commerce.customers.count"]
        )
      })
    )
  )

  it.live("a 429 with Retry-After and a 503 are retried, and the read goes on", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
        running.faults.failNext(1, { kind: "error", status: 503 })
        assert.deepStrictEqual(ids(yield* list(customers, { pageSize: 2 })), [11, 12, 15, 20])
        assert.strictEqual(running.stats.count({ status: 429 }), 1)
        assert.strictEqual(running.stats.count({ status: 503 }), 1)
      })
    )
  )

  it.live("an error Open2b answers with HTTP 200 fails the read with its type", () =>
    withEmulator({ data, maxLimit: 1 }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        const error = yield* Effect.flip(list(customers, { pageSize: 2 }))
        assert.strictEqual(error.reason, "Unknown")
        assert.strictEqual(error.code, "InvalidValue")
        assert.isFalse(error.retryable)
        assert.strictEqual(
          error.message,
          "Open2b answered commerce.customers.find with an error: limit must be at most 1 (InvalidValue at limit)"
        )
      })
    )
  )
})

describe("list", () => {
  it.live("walks the ids in order, asking for the record schema's fields, page after page", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        const items = yield* list(customers, { pageSize: 2 })
        assert.deepStrictEqual(ids(items), [11, 12, 15, 20])
        assert.deepStrictEqual(
          items.map((i) => i.checkpoint),
          ["after=11", "after=12", "after=15", "after=20"]
        )
        const fields = Customer.readFields
        assert.deepStrictEqual(
          finds(running).map((c) => c.request),
          [
            { conditions: {}, fields, order: ["id"], limit: 2 },
            { conditions: { after: 12 }, fields, order: ["id"], limit: 2 },
            { conditions: { after: 20 }, fields, order: ["id"], limit: 2 }
          ]
        )
        const first = items[0]!.record as Record<string, unknown>
        assert.isFalse("encryptedPassword" in first)
        assert.strictEqual(first.hasPassword, true)
      })
    )
  )

  it.live("resumes after a checkpoint, and refuses one it did not write", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        assert.deepStrictEqual(ids(yield* list(customers, { since: "after=12" })), [15, 20])
        assert.deepStrictEqual(ids(yield* list(customers, { since: "after=20" })), [])
        const error = yield* Effect.flip(list(customers, { since: "page=2" }))
        assert.strictEqual(
          error.message,
          'the checkpoint "page=2" is not one this connector writes (expected after=<customer id>)'
        )
      })
    )
  )

  it.live("the stream options are Open2b's find conditions", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        assert.deepStrictEqual(ids(yield* list(customers, { options: { group: 2 } })), [11, 15])
        assert.deepStrictEqual(ids(yield* list(customers, { options: { country: "NZ" } })), [15, 20])
        assert.deepStrictEqual(ids(yield* list(customers, { options: { labels: [4] } })), [11])
        assert.deepStrictEqual(ids(yield* list(customers, { options: { canLogin: true } })), [11])
        assert.deepStrictEqual(finds(running)[0]?.request, {
          conditions: { group: 2 },
          fields: Customer.readFields,
          order: ["id"],
          limit: 100
        })
        const error = yield* Effect.flip(list(customers, { options: { color: "red" } }))
        assert.include(error.message, "the customers stream's options are invalid")
      })
    )
  )

  it.live("readPasswordHashes asks for encryptedPassword too", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        const items = yield* list(customers, { options: { readPasswordHashes: true } })
        const request = finds(running)[0]?.request as { fields: ReadonlyArray<string> }
        assert.deepStrictEqual(request.fields, [...Customer.readFields, "encryptedPassword"])
        const giulia = items[0]!.record as { encryptedPassword: unknown }
        assert.match(String(giulia.encryptedPassword), /^[A-Za-z0-9+/]{44}=$/)
        assert.strictEqual((items[1]!.record as { encryptedPassword: unknown }).encryptedPassword, null)
      })
    )
  )
})

describe("count, get, find", () => {
  it.live("count, with options and after a checkpoint", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        assert.strictEqual(yield* customers.count!({}), 4)
        assert.strictEqual(yield* customers.count!({ options: { group: 2 } }), 2)
        assert.strictEqual(yield* customers.count!({ since: "after=12" }), 2)
      })
    )
  )

  it.live("get by id; an unknown id is undefined, a malformed one asks nothing", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        const mere = (yield* customers.get!("15")) as { id: number; fullName: string }
        assert.strictEqual(mere.id, 15)
        assert.strictEqual(mere.fullName, "Kiwi Traders Ltd")
        assert.strictEqual(yield* customers.get!("99"), undefined)
        running.stats.reset()
        assert.strictEqual(yield* customers.get!("fifteen"), undefined)
        assert.strictEqual(running.stats.total, 0)
      })
    )
  )

  it.live("find by email (any case), code, id, name and any other field", () =>
    withEmulator({ data }, (running) =>
      Effect.gen(function* () {
        const customers = yield* customersOf(running)
        const found = (match: Record<string, string>) =>
          Effect.map(customers.find!(match), (rs) => rs.map((r) => (r as { id: number }).id))
        assert.deepStrictEqual(yield* found({ email: "TAMA@example.nz" }), [20])
        assert.deepStrictEqual(lastConditions(running), {
          email: "TAMA@example.nz"
        })
        assert.deepStrictEqual(yield* found({ code: "C-11" }), [11])
        assert.deepStrictEqual(yield* found({ id: "12" }), [12])
        assert.deepStrictEqual(yield* found({ id: "12", email: "mere@example.nz" }), [])
        assert.deepStrictEqual(yield* found({ firstName: "Mere" }), [15])
        assert.deepStrictEqual(lastConditions(running), {
          keywords: "Mere"
        })
        assert.deepStrictEqual(yield* found({ "billingAddress.city": "Roma" }), [11, 12])
        assert.deepStrictEqual(yield* found({}), [])
      })
    )
  )
})
