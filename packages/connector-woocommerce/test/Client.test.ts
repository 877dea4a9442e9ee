/**
 * The client against the emulator over loopback HTTP: auth by Basic or query keys, error
 * answers as ConnectorErrors, retries of 429 and 503, paging, and incremental orders.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, Redacted, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as WooEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const withEmulator = <A, E>(
  options: WooEmulator.Options,
  f: (
    running: WooEmulator.Running
  ) => Effect.Effect<A, E, import("effect/http").HttpClient.HttpClient | import("effect").Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* WooEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const list = (client: Connector.Client, stream: string, options: Connector.ListOptions = {}) =>
  Stream.runCollect(client.streams[stream]!.list!(options))

describe("config", () => {
  it("takes the keys as strings or Redacted, and lists every problem", () => {
    const good = { url: "https://store.example/", consumerKey: Redacted.make("ck_1"), consumerSecret: "cs_1" }
    assert.deepStrictEqual(connector.validateConfig(good), [])
    assert.deepStrictEqual(
      connector.validateConfig({ ...good, timeZone: "Europe/Berlin", pageSize: 100 }),
      []
    )
    const issues = connector.validateConfig({
      url: "store.example",
      consumerKey: "",
      pageSize: 0,
      queryStringAuth: "yes"
    })
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), [
      "consumerKey",
      "consumerSecret",
      "pageSize",
      "queryStringAuth",
      "url"
    ])
  })
})

describe("auth", () => {
  it.live("Basic auth with the consumer key and secret, over plain HTTP", () =>
    withEmulator({ customers: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        yield* client.check
        assert.strictEqual((yield* list(client, "customers")).length, 3)
        assert.isFalse(running.stats.requests.some((r) => r.search.includes("consumer_key")))
      })
    )
  )

  it.live("queryStringAuth sends the keys as query parameters and never shows the secret", () =>
    withEmulator({ customers: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, queryStringAuth: true })
        assert.strictEqual((yield* list(client, "customers")).length, 3)
        assert.isTrue(
          running.stats.requests.every((r) => r.search.includes("consumer_secret=cs_mapwright_emulator"))
        )
        const wrong = yield* connector.client({
          ...running.config,
          consumerSecret: "cs_not_the_secret",
          queryStringAuth: true
        })
        const error = yield* Effect.flip(wrong.check)
        assert.strictEqual(error.reason, "Authentication")
        assert.strictEqual(error.code, "woocommerce_rest_authentication_error")
        assert.notInclude(error.message, "cs_not_the_secret")
      })
    )
  )
})

describe("error answers", () => {
  it.live("a site URL without the REST API is NotFound (rest_no_route)", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, url: `${running.url}/shop` })
        const error = yield* Effect.flip(client.check)
        assert.strictEqual(error.reason, "NotFound")
        assert.strictEqual(error.code, "rest_no_route")
        assert.strictEqual(error.status, 404)
      })
    )
  )

  it.live("get of an id that does not exist is undefined, for customers and orders", () =>
    withEmulator({ customers: 2, orders: 2 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        assert.strictEqual(yield* client.streams.customers!.get!("9999"), undefined)
        assert.strictEqual(yield* client.streams.orders!.get!("9999"), undefined)
        const first = (yield* client.streams.orders!.get!("700")) as { id: number; customer_id: number }
        assert.strictEqual(first.id, 700)
      })
    )
  )

  it.live("a 429 with Retry-After and a 503 are retried, and the read goes on", () =>
    withEmulator({ customers: 12, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
        running.faults.failNext(1, { kind: "error", status: 503 })
        const items = yield* list(client, "customers", { pageSize: 5 })
        assert.strictEqual(items.length, 12)
        assert.strictEqual(running.stats.count({ status: 429 }), 1)
        assert.strictEqual(running.stats.count({ status: 503 }), 1)
      })
    )
  )

  it.live("a 401 is not retried", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, consumerKey: "ck_wrong" })
        const error = yield* Effect.flip(client.check)
        assert.strictEqual(error.reason, "Authentication")
        assert.strictEqual(running.stats.total, 1)
      })
    )
  )

  it.live("a malformed checkpoint fails the read with a clear message", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const error = yield* Effect.flip(list(client, "orders", { since: "yesterday" }))
        assert.match(error.message, /the checkpoint "yesterday" is not one this connector writes/)
      })
    )
  )
})

describe("paging", () => {
  it.live("reads every customer of every role once, by id, with the page size asked", () =>
    withEmulator({ customers: 23, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const items = yield* list(client, "customers", { pageSize: 5 })
        const ids = items.map((i) => (i.record as { id: number }).id)
        assert.deepStrictEqual(
          ids,
          Array.from({ length: 23 }, (_, i) => i + 1)
        )
        const roles = new Set(items.map((i) => (i.record as { role: string }).role))
        assert.isTrue(roles.has("customer") && roles.size > 1)
        assert.strictEqual(running.stats.count({ method: "GET", path: "/wp-json/wc/v3/customers" }), 5)
        assert.isTrue(
          running.stats.requests.every(
            (r) => r.search.includes("role=all") && r.search.includes("per_page=5")
          )
        )
      })
    )
  )

  it.live("resuming from a customer's checkpoint yields exactly the customers after it", () =>
    withEmulator({ customers: 23, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* list(client, "customers", { pageSize: 5 })
        const resumed = yield* list(client, "customers", { pageSize: 7, since: all[11]?.checkpoint })
        assert.deepStrictEqual(
          resumed.map((i) => (i.record as { id: number }).id),
          Array.from({ length: 11 }, (_, i) => i + 13)
        )
      })
    )
  )
})

describe("orders", () => {
  it.live("a full read ends with a checkpoint that asks for the orders modified since it began", () =>
    withEmulator({ customers: 5, orders: 12 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const before = Date.now()
        const all = yield* list(client, "orders", { pageSize: 5 })
        assert.strictEqual(all.length, 12)
        const last = all[11]?.checkpoint ?? ""
        const match = /^modified_after=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})$/.exec(last)
        if (match === null) return assert.fail(`unexpected last checkpoint ${last}`)
        const mark = Date.parse(`${match[1]}Z`)
        // the server's clock when the read began, less a second
        assert.isTrue(mark >= Math.floor(before / 1000) * 1000 - 2000 && mark <= Date.now())
        assert.deepStrictEqual(yield* list(client, "orders", { since: last }), [])
        assert.strictEqual(yield* client.streams.orders!.count!({ since: last }), 0)
      })
    )
  )

  it.live("an incremental read asks for modified_after in GMT and yields the orders changed since", () =>
    withEmulator({ customers: 5, orders: 12 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* list(client, "orders")
        const modified = all.map((i) => (i.record as { date_modified_gmt: string }).date_modified_gmt).sort()
        const cut = modified[5] ?? ""
        const changed = yield* list(client, "orders", { since: `modified_after=${cut}` })
        assert.strictEqual(changed.length, 6)
        assert.isTrue(
          changed.every((i) => (i.record as { date_modified_gmt: string }).date_modified_gmt > cut)
        )
        const sent = running.stats.requests.at(-1)?.search ?? ""
        assert.include(sent, `modified_after=${encodeURIComponent(cut)}`)
        assert.include(sent, "dates_are_gmt=true")
      })
    )
  )

  it.live("orders keep to their documented fields", () =>
    withEmulator({ customers: 5, orders: 3 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const [first] = yield* list(client, "orders")
        const record = first?.record as Record<string, unknown>
        assert.isFalse("payment_url" in record)
        assert.isFalse("currency_symbol" in record)
        assert.isTrue("date_created_gmt" in record && "billing" in record)
      })
    )
  )
})
