/**
 * The client against the emulator over loopback HTTP: auth, JSON and XML reads giving the same
 * records, the joins (addresses per page, countries once), incremental reads, counts, finds,
 * orders, and retries of the failures a host adds.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, Redacted, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { Config, connector } from "../src/index.ts"

const withEmulator = <A, E>(
  options: PrestaShopEmulator.Options,
  f: (running: PrestaShopEmulator.Running) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* PrestaShopEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const list = (client: Connector.Client, stream: string, options: Connector.ListOptions = {}) =>
  Stream.runCollect(client.streams[stream]!.list!(options))

type Json = Record<string, unknown>

const records = (items: ReadonlyArray<Connector.ReadItem>) => items.map((i) => i.record as Json)

describe("config", () => {
  it("takes the key as a string or Redacted, and lists every problem at once", () => {
    const good = { url: "https://shop.example/", key: Redacted.make(PrestaShopEmulator.key) }
    assert.deepStrictEqual(connector.validateConfig(good), [])
    assert.deepStrictEqual(
      connector.validateConfig({ ...good, format: "xml", timeZone: "Europe/Paris", pageSize: 1000 }),
      []
    )
    const issues = connector.validateConfig({
      url: "shop.example",
      key: "short",
      format: "csv",
      generatePasswords: "yes"
    })
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), ["format", "generatePasswords", "key", "url"])
    assert.notInclude(issues.find((i) => i.path === "key")?.message ?? "", "short")
  })
})

describe("config defaults", () => {
  it("JSON reads, UTC, 100 a page, language 1, generated passwords; the API under /api", () => {
    const resolved = Config.resolve({
      url: "https://shop.example/boutique/",
      key: Redacted.make(PrestaShopEmulator.key)
    })
    assert.deepStrictEqual(
      { ...resolved, key: Redacted.value(resolved.key) },
      {
        apiRoot: "https://shop.example/boutique/api",
        key: PrestaShopEmulator.key,
        format: "json",
        timeZone: "UTC",
        pageSize: 100,
        languageId: 1,
        generatePasswords: true
      }
    )
    assert.strictEqual(
      Config.basicAuthorization(Redacted.make("ABC")),
      `Basic ${Buffer.from("ABC:").toString("base64")}`
    )
  })

  it("the README's config table lists every key of the config schema", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8")
    const table = readme.slice(readme.indexOf("## Config"), readme.indexOf("## Canonical fields"))
    const documented = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1])
    assert.deepStrictEqual(documented, Object.keys(Config.Config.fields))
  })
})

describe("auth", () => {
  it.live("sends the key as the Basic user with an empty password, over plain HTTP", () =>
    withEmulator({ customers: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        yield* client.check
        assert.strictEqual((yield* list(client, "customers")).length, 3)
        assert.isFalse(running.stats.requests.some((r) => r.search.includes("ws_key")))
      })
    )
  )

  it.live("a key the shop does not know is Authentication, with PrestaShop's code, never the key", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        for (const format of ["json", "xml"] as const) {
          const client = yield* connector.client({
            ...running.config,
            format,
            key: "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
          })
          const error = yield* Effect.flip(client.check)
          assert.strictEqual(error.reason, "Authentication")
          assert.strictEqual(error.status, 401)
          assert.strictEqual(error.code, "20")
          assert.isFalse(error.retryable)
          assert.include(error.message, "Authentification key is not active")
          assert.notInclude(error.message, "ZZZZZZZZ")
        }
      })
    )
  )
})

describe("reads", () => {
  it.live("JSON and XML reads give the same records, each customer with its addresses and UTC dates", () =>
    withEmulator({ customers: 12, guests: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const json = records(
          yield* list(yield* connector.client({ ...running.config, format: "json" }), "customers")
        )
        const xml = records(
          yield* list(yield* connector.client({ ...running.config, format: "xml" }), "customers")
        )
        assert.strictEqual(json.length, 12)
        assert.deepStrictEqual(xml, json)
        // read in (date_upd, id) order
        const dates = json.map((r) => String(r.date_upd))
        assert.deepStrictEqual(dates, [...dates].sort())
        // the emulator's shop is in Paris (UTC+1 in January)
        const first = json[0]!
        assert.strictEqual(String(first.date_upd).slice(0, 10), "2024-01-01")
        assert.strictEqual(
          Date.parse(`${String(first.date_upd).replace(" ", "T")}Z`) -
            Date.parse(`${String(first.date_upd_utc).replace(" ", "T")}Z`),
          3_600_000
        )
        const guests = json.filter((r) => r.is_guest === "1")
        assert.strictEqual(guests.length, 3)
        for (const guest of guests) {
          assert.strictEqual(guest.id_default_group, "2")
          assert.deepStrictEqual(guest.associations, { groups: [{ id: "2" }] })
          // every guest checked out with an address
          assert.strictEqual((guest.addresses as ReadonlyArray<Json>).length, 1)
        }
        for (const r of json) {
          for (const a of r.addresses as ReadonlyArray<Json>) {
            assert.strictEqual(a.id_customer, r.id)
            assert.strictEqual(a.deleted, "0")
            assert.match(String(a.country_iso_code), /^(NZ|AU|US|GB|DE|SA)$/)
          }
        }
      })
    )
  )

  it.live("one addresses request per page of customers, and the countries read once per client", () =>
    withEmulator({ customers: 12, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        yield* list(client, "customers", { pageSize: 5 })
        yield* list(client, "customers", { pageSize: 5 })
        // 12 customers at 5 a page: 3 pages, twice
        assert.strictEqual(running.stats.count({ route: "GET /api/customers" }), 6)
        assert.strictEqual(running.stats.count({ route: "GET /api/addresses" }), 6)
        assert.strictEqual(running.stats.count({ route: "GET /api/countries" }), 1)
        const search = running.stats.requests
          .filter((r) => r.path === "/api/addresses")
          .map((r) => decodeURIComponent(r.search))
        assert.isTrue(
          search.every(
            (s) => /filter\[id_customer\]=\[\d+(\|\d+){0,4}\]/.test(s) && s.includes("filter[deleted]=[0]")
          )
        )
      })
    )
  )

  it.live("pages use limit=offset,n and stop at a short page", () =>
    withEmulator({ customers: 10, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        assert.strictEqual((yield* list(client, "customers", { pageSize: 5 })).length, 10)
        const limits = running.stats.requests
          .filter((r) => r.route === "GET /api/customers")
          .map((r) => new URLSearchParams(r.search).get("limit"))
        // two full pages, then an empty one ends the read; each page after the first is anchored at the
        // date_upd of the last record read, with the records at that date skipped
        assert.deepStrictEqual(limits, ["0,5", "1,5", "1,5"])
      })
    )
  )

  it.live("resuming from a checkpoint reads the records after it and those changed since", () =>
    withEmulator({ customers: 8, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* list(client, "customers", { pageSize: 3 })
        const middle = all[3]!
        assert.match(middle.checkpoint ?? "", /^date_upd=\d{4}-\d{2}-\d{2}\+\d{2}%3A\d{2}%3A\d{2}&id=\d+$/)
        const after = yield* list(client, "customers", { pageSize: 3, since: middle.checkpoint })
        assert.deepStrictEqual(
          records(after).map((r) => r.id),
          records(all.slice(4)).map((r) => r.id)
        )
        // a customer read before the checkpoint is changed: the next read finds it
        const early = records(all)[0]!
        const updated = yield* client.streams.customers!.update!([
          { id: String(early.id), record: { firstname: "Changed" } }
        ])
        assert.deepStrictEqual(updated, [{ _tag: "Updated", id: String(early.id) }])
        const next = yield* list(client, "customers", { since: all[all.length - 1]!.checkpoint })
        assert.deepStrictEqual(
          records(next).map((r) => [r.id, r.firstname]),
          [[early.id, "Changed"]]
        )
      })
    )
  )

  it.live("a checkpoint this connector did not write fails the read with what it expects", () =>
    withEmulator({ customers: 2, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const error = yield* Effect.flip(list(client, "customers", { since: "page=3" }))
        assert.include(error.message, "expected date_upd=<YYYY-MM-DD HH:MM:SS>&id=<id>")
      })
    )
  )

  it.live("count, get and find", () =>
    withEmulator({ customers: 7, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const customers = client.streams.customers!
        assert.strictEqual(yield* customers.count!({}), 7)
        const all = records(yield* list(client, "customers"))
        const one = all.find((r) => r.id === "4")!
        assert.deepStrictEqual(yield* customers.get!("4"), one)
        assert.isUndefined(yield* customers.get!("999"))
        assert.isUndefined(yield* customers.get!("not-an-id"))
        const found = yield* customers.find!({ email: String(one.email).toUpperCase() })
        assert.deepStrictEqual(found, [one])
        // nobody: the JSON answer is the empty list's [] and the find is empty
        assert.deepStrictEqual(yield* customers.find!({ email: "nobody@example.com" }), [])
        assert.deepStrictEqual(
          yield* customers.find!({ lastname: String(one.lastname), email: String(one.email) }),
          [one]
        )
        const error = yield* Effect.flip(customers.find!({ "addresses.city": "Paris" }))
        assert.include(error.message, 'cannot find customers by "addresses.city"')
      })
    )
  )

  it.live("groups: stock ones first, names multilingual with the configured language first", () =>
    withEmulator({ customers: 1, orders: 0, groups: 4, languages: ["1", "2"] }, (running) =>
      Effect.gen(function* () {
        const english = records(yield* list(yield* connector.client(running.config), "customerGroups"))
        assert.deepStrictEqual(
          english.map((g) => [g.id, (g.name as ReadonlyArray<Json>)[0]?.value]),
          [
            ["1", "Visitor"],
            ["2", "Guest"],
            ["3", "Customer"],
            ["4", "VIP"]
          ]
        )
        const french = records(
          yield* list(
            yield* connector.client({ ...running.config, languageId: 2, format: "xml" }),
            "customerGroups"
          )
        )
        assert.deepStrictEqual(french[2]?.name, [
          { id: "2", value: "Client" },
          { id: "1", value: "Customer" }
        ])
      })
    )
  )

  it.live(
    "orders come with their customer, addresses, currency and state; a guest's order points at a guest",
    () =>
      withEmulator({ customers: 10, guests: 5, orders: 12 }, (running) =>
        Effect.gen(function* () {
          const client = yield* connector.client(running.config)
          const orders = records(yield* list(client, "orders", { pageSize: 5 }))
          assert.strictEqual(orders.length, 12)
          const customers = new Map(records(yield* list(client, "customers")).map((c) => [c.id, c]))
          for (const order of orders) {
            const customer = customers.get(order.id_customer)!
            assert.deepStrictEqual(order.customer, {
              id: customer.id,
              email: customer.email,
              firstname: customer.firstname,
              lastname: customer.lastname,
              is_guest: customer.is_guest
            })
            assert.strictEqual((order.address_invoice as Json).id, order.id_address_invoice)
            assert.match(String(order.currency_iso_code), /^(EUR|USD|GBP|NZD|AUD|SAR)$/)
            assert.isString(order.current_state_name)
            assert.notStrictEqual(order.current_state_name, "")
          }
          assert.isTrue(orders.some((o) => (o.customer as Json).is_guest === "1"))
          assert.strictEqual(yield* client.streams.orders!.count!({}), 12)
          assert.deepStrictEqual(yield* client.streams.orders!.get!(String(orders[0]!.id)), orders[0])
          // one request per kind of join per page, the small tables once
          assert.strictEqual(running.stats.count({ route: "GET /api/currencies" }), 1)
          assert.strictEqual(running.stats.count({ route: "GET /api/order_states" }), 1)
        })
      )
  )
})

describe("retries", () => {
  it.live("a host's 503s and a 429 with Retry-After are retried; the read completes", () =>
    withEmulator({ customers: 6, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        running.faults.failNext(2, { kind: "error", status: 503 })
        assert.strictEqual((yield* list(client, "customers")).length, 6)
        running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
        assert.strictEqual((yield* list(client, "customers")).length, 6)
        assert.strictEqual(running.stats.count({ status: 503 }), 2)
        assert.strictEqual(running.stats.count({ status: 429 }), 1)
      })
    )
  )

  it.live("an XML answer cut in half is read again", () =>
    withEmulator({ customers: 4, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, format: "xml" })
        running.faults.failNext(1, { kind: "malformed" })
        assert.strictEqual((yield* list(client, "customers")).length, 4)
        assert.strictEqual(running.stats.count({ route: "GET /api/customers" }), 2)
      })
    )
  )

  it.live("the host's rate limit answers 429 and the client waits for it", () =>
    withEmulator(
      { customers: 9, orders: 0, rateLimit: { limit: 3, windowMs: 200, retryAfter: 0 } },
      (running) =>
        Effect.gen(function* () {
          const client = yield* connector.client(running.config)
          assert.strictEqual((yield* list(client, "customers", { pageSize: 3 })).length, 9)
          assert.isAbove(running.stats.count({ status: 429 }), 0)
        })
    )
  )
})
