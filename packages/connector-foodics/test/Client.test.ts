/**
 * The client against the emulator over loopback HTTP: config, bearer auth, paging that ends at
 * `links.next == null` or at a short page, the list options, incremental reads, count, get,
 * find, error answers as ConnectorErrors and retries.
 */
import { assert, describe, expect, it } from "@effect/vitest"
import { type Connector, Http } from "@mapwright/core"
import { Effect, Redacted, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as Config from "../src/Config.ts"
import * as ErrorBody from "../src/ErrorBody.ts"
import * as FoodicsEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"
import type { Row } from "./support.ts"

const withEmulator = <A, E>(
  options: FoodicsEmulator.Options,
  f: (running: FoodicsEmulator.Running) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* FoodicsEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const customers = (client: Connector.Client) => client.streams.customers!

const read = (client: Connector.Client, options: Connector.ListOptions = {}) =>
  Stream.runCollect(customers(client).list!(options))

const ids = (items: ReadonlyArray<Connector.ReadItem>) => items.map((i) => (i.record as Row).id as string)

const listRequests = (running: FoodicsEmulator.Running) =>
  running.stats.requests.filter((r) => r.method === "GET" && r.path === "/v5/customers")

describe("config", () => {
  it("applies the defaults: production URL, UTC, 100 a page", () => {
    const resolved = Config.resolve({ token: Redacted.make("t") })
    expect([resolved.baseUrl, resolved.timeZone, resolved.pageSize]).toEqual([
      "https://api.foodics.com/v5",
      "UTC",
      100
    ])
    expect(
      Config.resolve({ token: Redacted.make("t"), baseUrl: "https://api-sandbox.foodics.com/v5/" }).baseUrl
    ).toBe("https://api-sandbox.foodics.com/v5")
    expect(Config.authorization(resolved)).toBe("Bearer t")
  })

  it("takes the token as a string or Redacted, and lists every problem", () => {
    assert.deepStrictEqual(connector.validateConfig({ token: "abc" }), [])
    assert.deepStrictEqual(
      connector.validateConfig({
        token: Redacted.make("abc"),
        baseUrl: Config.sandboxUrl,
        timeZone: "Asia/Riyadh",
        pageSize: 1
      }),
      []
    )
    const issues = connector.validateConfig({
      token: "  ",
      baseUrl: "https://u:p@api.foodics.com/v5",
      pageSize: 0
    })
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), ["baseUrl", "pageSize", "token"])
  })
})

describe("auth", () => {
  it.live("sends the token as Authorization: Bearer", () =>
    withEmulator({ customers: 3 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        yield* client.check
        assert.strictEqual((yield* read(client)).length, 3)
      })
    )
  )

  it.live("maps a refused token to Authentication, without repeating it", () =>
    withEmulator({ customers: 1 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, token: "secret-token-xyz" })
        const e = yield* Effect.flip(client.check)
        assert(e._tag === "ConnectorError")
        expect([e.reason, e.retryable, e.status]).toEqual(["Authentication", false, 401])
        expect(e.message).toContain("Unauthenticated.")
        expect(e.message).not.toContain("secret-token-xyz")
      })
    )
  )
})

describe("paging", () => {
  it.live("asks for per_page, sorted by updated_at with every include, and stops at links.next == null", () =>
    withEmulator({ customers: 7 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, pageSize: 3 })
        const items = yield* read(client)
        expect(items.length).toBe(7)
        expect(new Set(ids(items)).size).toBe(7)
        const requests = listRequests(running)
        expect(requests.length).toBe(3)
        const query = new URLSearchParams(requests[0]!.search)
        expect([query.get("per_page"), query.get("page"), query.get("sort"), query.get("include")]).toEqual([
          "3",
          "1",
          "updated_at",
          "tags,addresses,addresses.delivery_zone"
        ])
        const times = items.map((i) => (i.record as Row).updated_at as string)
        expect(times).toEqual([...times].sort())
      })
    )
  )

  it.live("without links, stops at a short page (or an empty one)", () =>
    withEmulator({ customers: 6, paging: "data" }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, pageSize: 3 })
        expect((yield* read(client)).length).toBe(6)
        expect(listRequests(running).map((r) => new URLSearchParams(r.search).get("page"))).toEqual([
          "1",
          "2",
          "3"
        ])
        running.stats.reset()
        expect((yield* read(client, { pageSize: 4 })).length).toBe(6)
        expect(listRequests(running).length).toBe(2)
      })
    )
  )
})

describe("list options", () => {
  it.live("sends the seed's filters as filter[...]", () =>
    withEmulator({ customers: 20, deleted: 2 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const deleted = yield* read(client, { options: { filter: { is_deleted: true } } })
        expect(deleted.length).toBe(2)
        expect(deleted.every((i) => typeof (i.record as Row).deleted_at === "string")).toBe(true)
        const tagged = yield* read(client, {
          options: { filter: { "tags.id": "fhhsd8r5", has_orders: true } }
        })
        expect(tagged.length).toBeGreaterThan(0)
        for (const item of tagged) {
          const record = item.record as Row
          expect(record.tags.map((t: { readonly id: string }) => t.id)).toContain("fhhsd8r5")
          expect(record.order_count).toBeGreaterThan(0)
        }
        const search = listRequests(running).at(-1)!.search
        expect(new URLSearchParams(search).get("filter[tags.id]")).toBe("fhhsd8r5")
        expect(new URLSearchParams(search).get("filter[has_orders]")).toBe("true")
      })
    )
  )

  it.live("includes nothing when told so", () =>
    withEmulator({ customers: 2 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const items = yield* read(client, { options: { include: [] } })
        expect(items.map((i) => ["tags", "addresses"].filter((k) => k in (i.record as Row)))).toEqual([
          [],
          []
        ])
      })
    )
  )

  it.live("refuses options it does not know, before any request", () =>
    withEmulator({ customers: 1 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const e = yield* Effect.flip(read(client, { options: { filter: { city: "Riyadh" } } }))
        expect(e.reason).toBe("Unknown")
        expect(e.message).toContain("the customers stream's options are invalid")
        expect(listRequests(running).length).toBe(0)
      })
    )
  )
})

describe("incremental reads", () => {
  it.live("resume after the last checkpoint with what changed since", () =>
    withEmulator({ customers: 5 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* read(client)
        const last = all.at(-1)!.checkpoint
        expect(last).toBe(
          `updated_at=${encodeURIComponent((all.at(-1)!.record as Row).updated_at).replace(/%20/g, "+")}&seen=${ids(all).at(-1)}`
        )
        expect(yield* read(client, { since: last })).toEqual([])
        const created = yield* customers(client).create!([
          { name: "New Customer", dial_code: 966, phone: "501112233" }
        ])
        assert(created[0]?._tag === "Created")
        const afterCreate = yield* read(client, { since: last })
        expect(ids(afterCreate)).toEqual([created[0].id])
        const old = ids(all)[1]!
        yield* customers(client).update!([{ id: old, record: { email: "changed@example.com" } }])
        const afterUpdate = yield* read(client, { since: afterCreate.at(-1)!.checkpoint })
        expect(ids(afterUpdate)).toEqual([old])
        // asked from a second before the checkpoint's time (Foodics times have whole seconds)
        const at = Date.parse(`${(afterCreate.at(-1)!.record as Row).updated_at.replace(" ", "T")}Z`) - 1000
        const asked = new URLSearchParams(listRequests(running).at(-1)!.search).get("filter[updated_after]")
        expect(asked).toBe(new Date(at).toISOString().slice(0, 19).replace("T", " "))
      })
    )
  )

  it.live("starts at the options' updated_after without a checkpoint", () =>
    withEmulator({ customers: 4 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* read(client)
        const from = (all[1]!.record as Row).updated_at as string
        const items = yield* read(client, { options: { filter: { updated_after: from } } })
        expect(ids(items)).toEqual(ids(all).slice(2))
      })
    )
  )

  it.live("refuses a checkpoint it did not write", () =>
    withEmulator({ customers: 1 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const e = yield* Effect.flip(read(client, { since: "page=3" }))
        expect(e.message).toContain('the checkpoint "page=3" is not one this connector writes')
      })
    )
  )
})

describe("count, get and find", () => {
  it.live("counts with meta.total, and by reading when the answer has none", () =>
    Effect.gen(function* () {
      yield* withEmulator({ customers: 12, deleted: 3 }, (running) =>
        Effect.gen(function* () {
          const client = yield* connector.client(running.config)
          expect(yield* customers(client).count!({})).toBe(12)
          expect(yield* customers(client).count!({ options: { filter: { is_deleted: true } } })).toBe(3)
          expect(listRequests(running).length).toBe(2)
        })
      )
      yield* withEmulator({ customers: 12, paging: "data" }, (running) =>
        Effect.gen(function* () {
          const client = yield* connector.client({ ...running.config, pageSize: 5 })
          expect(yield* customers(client).count!({})).toBe(12)
        })
      )
    })
  )

  it.live("gets a customer by id, a deleted one too, and nothing for an unknown id", () =>
    withEmulator({ customers: 3, deleted: 1 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = yield* read(client)
        const found = (yield* customers(client).get!(ids(all)[0]!)) as Row
        expect(found.id).toBe(ids(all)[0])
        expect(Array.isArray(found.addresses) && Array.isArray(found.tags)).toBe(true)
        expect(yield* customers(client).get!("no-such-customer")).toBeUndefined()
        expect(yield* customers(client).get!("")).toBeUndefined()
        const deletedId = ids(yield* read(client, { options: { filter: { is_deleted: true } } }))[0]!
        expect(((yield* customers(client).get!(deletedId)) as Row).deleted_at).not.toBeNull()
      })
    )
  )

  it.live("finds by email in any case, by E.164 phone, by id, and nothing else", () =>
    withEmulator({ customers: 10 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        const all = (yield* read(client)).map((i) => i.record as Row)
        const withEmail = all.find((c) => c.email !== null)!
        const email = withEmail.email ?? ""
        const find = customers(client).find!
        expect((yield* find({ email: email.toUpperCase() })).map((c) => (c as Row).id)).toEqual([
          withEmail.id
        ])
        const target = all[3]!
        const byPhone = yield* find({ phone: `+${target.dial_code}${target.phone}` })
        expect(byPhone.map((c) => (c as Row).id)).toEqual([target.id])
        const query = new URLSearchParams(listRequests(running).at(-1)!.search)
        expect([query.get("filter[phone]"), query.get("filter[dial_code]")]).toEqual([
          target.phone,
          String(target.dial_code)
        ])
        expect((yield* find({ id: target.id, name: target.name })).length).toBe(1)
        expect(yield* find({ id: target.id, name: "Someone Else" })).toEqual([])
        expect(yield* find({ email: "nobody@example.com" })).toEqual([])
        expect(yield* find({})).toEqual([])
      })
    )
  )
})

describe("errors and retries", () => {
  it.live("retries a 503, a 429 and a body cut short, then reads on", () =>
    withEmulator({ customers: 3 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        running.faults.failNext(1, { kind: "error", status: 503 })
        running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
        running.faults.failNext(1, { kind: "malformed" })
        expect((yield* read(client)).length).toBe(3)
        expect(running.stats.requests.map((r) => r.status)).toEqual([503, 429, 200, 200])
      })
    )
  )

  it.live("waits out Foodics' own rate limit", () =>
    withEmulator({ customers: 4, rateLimit: { limit: 2, windowMs: 150, retryAfter: 0 } }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({ ...running.config, pageSize: 1 })
        expect((yield* read(client)).length).toBe(4)
        expect(running.stats.count({ status: 429 })).toBeGreaterThan(0)
      })
    )
  )

  it.live("reads a 429's rate-limit headers into the error", () =>
    withEmulator({ customers: 1, rateLimit: { limit: 1, windowMs: 60_000, retryAfter: 30 } }, (running) =>
      Effect.gen(function* () {
        const http = yield* Http.make({
          connector: "foodics",
          baseUrl: running.config.baseUrl,
          headers: { authorization: `Bearer ${running.config.token}` },
          errorBody: ErrorBody.mapper,
          retry: false
        })
        yield* http.json("GET", "customers")
        const e = yield* Effect.flip(http.json("GET", "customers"))
        expect([e.reason, e.retryable, e.status, e.retryAfterMs]).toEqual(["RateLimited", true, 429, 30_000])
        expect(e.message).toContain("Too Many Attempts. (limit 1, 0 remaining, retry after 30 s)")
      })
    )
  )

  it.live("maps a 404 of a list to NotFound", () =>
    withEmulator({ customers: 1 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client({
          ...running.config,
          baseUrl: `${running.url}/v5/customers/x`
        })
        // GET /v5/customers/x/customers matches no route: Laravel's 404 for a route
        const e = yield* Effect.flip(read(client))
        expect([e.reason, e.status]).toEqual(["NotFound", 404])
      })
    )
  )
})
