/**
 * Reads through the connector against the emulator over loopback HTTP: cursor paging sorted by
 * updatedAt, checkpoints and resuming (ties broken by id), count, get, find, check, orders and
 * the metafield definitions of customers.
 */
import { assert, describe, it } from "@effect/vitest"
import { ConnectorError } from "@mapwright/core"
import { Effect, Result, Stream } from "effect"
import { customer, graphqlCalls, withClient } from "./helpers.ts"

// the order by (updatedAt, id) is 104, 102, 103, 105, 101
const data = {
  customers: [
    customer(101, "2024-01-01T03:00:00Z"),
    customer(102, "2024-01-01T01:00:00Z", {
      defaultPhoneNumber: { phoneNumber: "+64211234567", marketingState: "SUBSCRIBED" }
    }),
    customer(103, "2024-01-01T01:00:00Z"),
    customer(104, "2024-01-01T00:00:00Z"),
    customer(105, "2024-01-01T02:00:00Z", { firstName: "Wiremu" })
  ],
  orders: []
}

const ids = (items: ReadonlyArray<{ readonly record: unknown }>) =>
  items.map((i) => String((i.record as { id: string }).id).replace("gid://shopify/Customer/", ""))

describe("customers list", () => {
  it.live("reads in updatedAt order over pages of 2, ties broken by id, each with its position", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const items = yield* Stream.runCollect(client.streams.customers!.list!({ pageSize: 2 }))
        assert.deepStrictEqual(ids(items), ["104", "102", "103", "105", "101"])
        assert.deepStrictEqual(
          items.map((i) => i.checkpoint),
          [
            "updated_at=2024-01-01T00:00:00Z&id=104",
            "updated_at=2024-01-01T01:00:00Z&id=102",
            "updated_at=2024-01-01T01:00:00Z&id=103",
            "updated_at=2024-01-01T02:00:00Z&id=105",
            "updated_at=2024-01-01T03:00:00Z&id=101"
          ]
        )
        const pages = running.operations.filter((o) => o.operationName === "Customers")
        assert.deepStrictEqual(
          pages.map((p) => [p.variables.first, p.variables.after === null, p.variables.query]),
          [
            [2, true, null],
            [2, false, null],
            [2, false, null]
          ]
        )
      })
    )
  )

  it.live("a read resumed after a tie yields exactly the records after it", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const items = yield* Stream.runCollect(
          client.streams.customers!.list!({ pageSize: 2, since: "updated_at=2024-01-01T01:00:00Z&id=102" })
        )
        assert.deepStrictEqual(ids(items), ["103", "105", "101"])
        assert.strictEqual(running.operations[0]?.variables.query, "updated_at:>='2024-01-01T01:00:00Z'")
      })
    )
  )

  it.live("a read resumed from the last checkpoint yields only the customers changed since", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const last = "updated_at=2024-01-01T03:00:00Z&id=101"
        assert.deepStrictEqual(ids(yield* Stream.runCollect(customers.list!({ since: last }))), [])
        const [updated] = yield* customers.update!([{ id: "104", record: { lastName: "Changed" } }])
        assert.deepStrictEqual(updated, { _tag: "Updated", id: "gid://shopify/Customer/104" })
        const again = yield* Stream.runCollect(customers.list!({ since: last }))
        assert.deepStrictEqual(ids(again), ["104"])
        assert.strictEqual((again[0]!.record as { lastName: string }).lastName, "Changed")
      })
    )
  )

  it.live("a checkpoint the connector does not write fails the read with what it expects", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const result = yield* Effect.result(
          Stream.runCollect(client.streams.customers!.list!({ since: "page=3" }))
        )
        if (!Result.isFailure(result)) return assert.fail("expected a failure")
        assert.instanceOf(result.failure, ConnectorError.ConnectorError)
        assert.include(result.failure.message, 'the checkpoint "page=3" is not one this connector writes')
        assert.strictEqual(running.stats.total, 0)
      })
    )
  )

  it.live("a page size above 100 is capped at 100 (the cost of one query stays under 1,000)", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        yield* Stream.runCollect(client.streams.customers!.list!({ pageSize: 500 }))
        assert.strictEqual(running.operations[0]?.variables.first, 100)
      })
    )
  )
})

describe("customers count, get, find", () => {
  it.live("count counts every customer, or those changed after a checkpoint's instant", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        assert.strictEqual(yield* customers.count!({}), 5)
        assert.strictEqual(yield* customers.count!({ since: "updated_at=2024-01-01T01:00:00Z&id=102" }), 2)
      })
    )
  )

  it.live("get takes a GID or the numeric id; an unknown one is undefined, a non-id asks nothing", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const byGid = (yield* customers.get!("gid://shopify/Customer/105")) as { firstName: string }
        assert.strictEqual(byGid.firstName, "Wiremu")
        const byNumber = (yield* customers.get!("105")) as { id: string }
        assert.strictEqual(byNumber.id, "gid://shopify/Customer/105")
        assert.isUndefined(yield* customers.get!("999"))
        const before = graphqlCalls(running)
        assert.isUndefined(yield* customers.get!("someone@example.com"))
        assert.strictEqual(graphqlCalls(running), before)
      })
    )
  )

  it.live("find by email (any case), phone, id or another field", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const find = client.streams.customers!.find!
        assert.deepStrictEqual(
          ids((yield* find({ email: "C103@Example.com" })).map((record) => ({ record }))),
          ["103"]
        )
        assert.strictEqual(running.operations.at(-1)?.variables.query, 'email:"C103@Example.com"')
        assert.deepStrictEqual(ids((yield* find({ phone: "+64211234567" })).map((record) => ({ record }))), [
          "102"
        ])
        assert.deepStrictEqual(ids((yield* find({ id: "101" })).map((record) => ({ record }))), ["101"])
        assert.deepStrictEqual(ids((yield* find({ firstName: "Wiremu" })).map((record) => ({ record }))), [
          "105"
        ])
        assert.deepStrictEqual(yield* find({ email: "nobody@example.com" }), [])
      })
    )
  )
})

describe("check", () => {
  it.live("a wrong token is Authentication, not retried, and the message does not repeat it", () =>
    withClient(
      { data },
      (client, running) =>
        Effect.gen(function* () {
          const result = yield* Effect.result(client.check)
          if (!Result.isFailure(result)) return assert.fail("expected a failure")
          assert.strictEqual(result.failure.reason, "Authentication")
          assert.isFalse(result.failure.retryable)
          assert.strictEqual(result.failure.status, 401)
          assert.include(result.failure.message, "Invalid API key or access token")
          assert.notInclude(result.failure.message, "shpat_not_the_token")
          assert.strictEqual(running.stats.total, 1)
        }),
      { accessToken: "shpat_not_the_token" }
    )
  )
})

describe("orders and customer attributes", () => {
  it.live("orders read in updatedAt order; get by id", () =>
    withClient({ customers: 3, orders: 7 }, (client) =>
      Effect.gen(function* () {
        const orders = client.streams.orders!
        const items = yield* Stream.runCollect(orders.list!({ pageSize: 3 }))
        assert.strictEqual(items.length, 7)
        const times = items.map((i) => (i.record as { updatedAt: string }).updatedAt)
        assert.deepStrictEqual([...times].sort(), times)
        assert.strictEqual(yield* orders.count!({}), 7)
        const first = items[0]!.record as { id: string; name: string }
        const got = (yield* orders.get!(first.id)) as { name: string }
        assert.strictEqual(got.name, first.name)
        assert.isUndefined(yield* orders.get!("gid://shopify/Order/1"))
      })
    )
  )

  it.live("the metafield definitions of customers, with their choices", () =>
    withClient({ customers: 1, orders: 0 }, (client) =>
      Effect.gen(function* () {
        const items = yield* Stream.runCollect(client.streams.customerAttributes!.list!({ pageSize: 2 }))
        assert.deepStrictEqual(
          items.map((i) => {
            const d = i.record as {
              namespace: string
              key: string
              choices?: ReadonlyArray<{ value: string }>
            }
            return [`${d.namespace}.${d.key}`, d.choices?.map((c) => c.value) ?? null]
          }),
          [
            ["custom.loyalty_tier", ["bronze", "silver", "gold"]],
            ["custom.birthday", null],
            ["facts.preferred_store", null]
          ]
        )
      })
    )
  )
})
