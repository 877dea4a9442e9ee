/**
 * The client against the emulator over loopback HTTP: bearer auth, error answers as
 * ConnectorErrors, retries, paging that stops on total_count (Magento repeats its last page
 * past the end), incremental reads on updated_at, count, get and find.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { connector } from "../src/index.ts"
import { clientFor, list, records, searches, withEmulator } from "./helpers.ts"

describe("config", () => {
  it("takes the token as a string or Redacted, and lists every problem", () => {
    const good = { url: "https://shop.example/", token: Redacted.make("t0k3n") }
    assert.deepStrictEqual(connector.validateConfig(good), [])
    assert.deepStrictEqual(
      connector.validateConfig({
        ...good,
        storeCode: "default",
        timeZone: "Europe/Berlin",
        pageSize: 300,
        concurrency: 16
      }),
      []
    )
    const issues = connector.validateConfig({
      url: "shop.example",
      token: 42,
      pageSize: 301,
      storeCode: "../x"
    })
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), ["pageSize", "storeCode", "token", "url"])
  })
})

describe("auth and errors", () => {
  it.live("sends the token as a bearer and maps a refused token to Authentication, without the token", () =>
    withEmulator({ customers: 2, orders: 0 }, (running) =>
      Effect.gen(function* () {
        yield* (yield* clientFor(running)).check
        const wrong = yield* clientFor(running, { token: "an-old-revoked-token" })
        const error = yield* Effect.flip(wrong.check)
        assert.strictEqual(error.reason, "Authentication")
        assert.strictEqual(error.status, 401)
        assert.isFalse(error.retryable)
        assert.include(error.message, "The consumer isn't authorized to access Magento_Customer::customer.")
        assert.notInclude(error.message, "an-old-revoked-token")
      })
    )
  )

  it.live("reads through a store code (/rest/<code>/V1)", () =>
    withEmulator({ customers: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running, { storeCode: "default" })
        assert.strictEqual((yield* list(client, "customers")).length, 3)
        assert.isTrue(running.stats.requests.every((r) => r.path.startsWith("/rest/default/V1/")))
      })
    )
  )

  it.live("a URL without the REST API is NotFound, with Magento's message", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running, { url: `${running.url}/shop` })
        const error = yield* Effect.flip(client.check)
        assert.strictEqual(error.reason, "NotFound")
      })
    )
  )

  it.live("a 429 and a 503 are retried and the read goes on", () =>
    withEmulator({ customers: 12, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
        running.faults.failNext(1, { kind: "error", status: 503 })
        assert.strictEqual((yield* list(client, "customers", { pageSize: 5 })).length, 12)
        assert.strictEqual(running.stats.count({ status: 429 }), 1)
        assert.strictEqual(running.stats.count({ status: 503 }), 1)
      })
    )
  )
})

describe("paging", () => {
  it.live("stops on total_count: 20 customers at 10 a page take exactly 2 pages, never a third", () =>
    withEmulator({ customers: 20, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const items = records(yield* list(client, "customers", { pageSize: 10 }))
        assert.deepStrictEqual(
          items.map((c) => c.id as number).sort((a, b) => a - b),
          Array.from({ length: 20 }, (_, i) => i + 1)
        )
        const pages = searches(running, "customers/search").filter((s) => s.includes("[pageSize]=10"))
        assert.strictEqual(pages.length, 2)
        assert.isTrue(pages[0]!.includes("[currentPage]=1"))
        assert.isTrue(pages[1]!.includes("[currentPage]=2"))
      })
    )
  )

  it.live("the emulator would repeat the last page: a read stopping on a short page would never end", () =>
    withEmulator({ customers: 20, orders: 0 }, (running) =>
      Effect.gen(function* () {
        // what a client that asks for page 3 gets: page 2 again, full, not an empty page
        const response = yield* Effect.promise(() =>
          fetch(
            `${running.url}/rest/V1/customers/search?searchCriteria[pageSize]=10&searchCriteria[currentPage]=3`,
            { headers: { authorization: `Bearer ${running.config.token}` } }
          ).then((r) => r.json() as Promise<{ items: ReadonlyArray<{ id: number }>; total_count: number }>)
        )
        assert.strictEqual(response.items.length, 10)
        assert.strictEqual(response.total_count, 20)
        assert.deepStrictEqual(
          response.items.map((c) => c.id),
          Array.from({ length: 10 }, (_, i) => i + 11)
        )
      })
    )
  )

  it.live(
    "reads 25 customers at 10 a page in 3 pages sorted by updated_at then entity_id, and counts them",
    () =>
      withEmulator({ customers: 25, orders: 0 }, (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          const items = records(yield* list(client, "customers", { pageSize: 10 }))
          assert.strictEqual(items.length, 25)
          const keys = items.map((c) => `${c.updated_at}|${String(c.id).padStart(3, "0")}`)
          assert.deepStrictEqual(keys, [...keys].sort())
          const pages = searches(running, "customers/search").filter((s) => s.includes("[pageSize]=10"))
          assert.strictEqual(pages.length, 3)
          assert.isTrue(
            pages.every((p) =>
              p.includes(
                "searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC&searchCriteria[sortOrders][1][field]=entity_id"
              )
            )
          )
          assert.strictEqual(yield* client.streams.customers!.count!({}), 25)
        })
      )
  )
})

describe("incremental", () => {
  it.live("resumes after a checkpoint with updated_at gteq, skipping the records up to it, ties by id", () =>
    withEmulator({ customers: 14, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const all = yield* list(client, "customers", { pageSize: 4 })
        // customers 11 and 12 were changed at the same second (the seed's tie)
        const tied = records(all).filter((c) => c.updated_at === "2024-01-01 10:00:00")
        assert.deepStrictEqual(
          tied.map((c) => c.id),
          [11, 12]
        )
        const at11 = all.findIndex((i) => (i.record as { id: number }).id === 11)
        assert.strictEqual(all[at11]!.checkpoint, "updated_at=2024-01-01+10%3A00%3A00&id=11")
        const rest = yield* list(client, "customers", { pageSize: 4, since: all[at11]!.checkpoint })
        assert.deepStrictEqual(
          records(rest).map((c) => c.id),
          records(all)
            .slice(at11 + 1)
            .map((c) => c.id)
        )
        assert.isTrue(
          searches(running, "customers/search").some((s) =>
            s.includes(
              "[filters][0][field]=updated_at&searchCriteria[filter_groups][0][filters][0][value]=2024-01-01 10:00:00&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq"
            )
          )
        )
      })
    )
  )

  it.live("the next read from the last checkpoint yields the customers changed since, and only them", () =>
    withEmulator({ customers: 6, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const all = yield* list(client, "customers")
        const last = all[all.length - 1]!.checkpoint
        assert.deepStrictEqual(yield* list(client, "customers", { since: last }), [])
        const updated = yield* client.streams.customers!.update!([
          { id: "3", record: { firstname: "Renamed" } }
        ])
        assert.strictEqual(updated[0]?._tag, "Updated")
        const next = records(yield* list(client, "customers", { since: last }))
        assert.deepStrictEqual(
          next.map((c) => [c.id, c.firstname]),
          [[3, "Renamed"]]
        )
      })
    )
  )

  it.live("refuses a checkpoint it did not write", () =>
    withEmulator({ customers: 1, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const error = yield* Effect.flip(list(client, "customers", { since: "page=3" }))
        assert.include(error.message, 'the checkpoint "page=3" is not one this connector writes')
      })
    )
  )
})

describe("get and find", () => {
  it.live("get answers the customer with what the connector resolves, undefined for none", () =>
    withEmulator({ customers: 6, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const second = (yield* client.streams.customers!.get!("2")) as {
          id: number
          default_billing: string
          default_shipping: string
          gender: number
          resolved: {
            billing_address: { id: number }
            shipping_address: { id: number }
            gender_label: string
            group_code: string
          }
        }
        // customer 2 (index 1) of the seed: a separate shipping address, gender 2, group General
        assert.strictEqual(second.resolved.billing_address.id, Number(second.default_billing))
        assert.strictEqual(second.resolved.shipping_address.id, Number(second.default_shipping))
        assert.notStrictEqual(second.default_billing, second.default_shipping)
        assert.strictEqual(second.gender, 2)
        assert.strictEqual(second.resolved.gender_label, "Female")
        assert.strictEqual(second.resolved.group_code, "General")
        assert.strictEqual(yield* client.streams.customers!.get!("999"), undefined)
        assert.strictEqual(yield* client.streams.customers!.get!("someone@example.com"), undefined)
      })
    )
  )

  it.live("find by email (any case), by names, and refuses keys Magento cannot search", () =>
    withEmulator({ customers: 6, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const four = (yield* client.streams.customers!.get!("4")) as {
          email: string
          firstname: string
          lastname: string
        }
        const byEmail = yield* client.streams.customers!.find!({ email: four.email.toUpperCase() })
        assert.deepStrictEqual(
          byEmail.map((c) => (c as { id: number }).id),
          [4]
        )
        const byName = yield* client.streams.customers!.find!({
          firstname: four.firstname,
          lastname: four.lastname
        })
        assert.include(
          byName.map((c) => (c as { id: number }).id),
          4
        )
        const error = yield* Effect.flip(client.streams.customers!.find!({ "addresses.0.city": "Auckland" }))
        assert.include(error.message, "find needs one of id, email")
      })
    )
  )
})
