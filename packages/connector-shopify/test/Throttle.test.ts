/**
 * The calculated query cost and the transport's failures, against the emulator over loopback
 * HTTP with a small bucket that refills in milliseconds: a `THROTTLED` answer (HTTP 200) is
 * waited out on the restore rate and sent again; a query over the single-query limit, or over
 * what the bucket can ever hold, fails at once; 5xx and 429 are retried; a mutation whose answer
 * was lost is retried only when it is idempotent.
 */
import { assert, describe, it } from "@effect/vitest"
import { Retry } from "@mapwright/core"
import { Effect, Result, Stream } from "effect"
import * as Cost from "../src/Cost.ts"
import { graphqlCalls, withClient } from "./helpers.ts"

const observed = () => {
  const events: Array<Retry.RetryEvent> = []
  return {
    events,
    provide: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.provideService(effect, Retry.Observer, (event) => Effect.sync(() => events.push(event)))
  }
}

describe("Cost", () => {
  it("waits (requested - available) / restoreRate seconds, rounded up to the millisecond", () => {
    const cost = (requested: number, available: number, rate: number): Cost.QueryCost => ({
      requestedQueryCost: requested,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: available, restoreRate: rate }
    })
    assert.strictEqual(Cost.waitMillis(cost(72, 28, 2000)), 22)
    assert.strictEqual(Cost.waitMillis(cost(702, 2, 100)), 7000)
    assert.strictEqual(Cost.waitMillis(cost(50, 50, 100)), 0)
    assert.isUndefined(Cost.waitMillis(cost(50, 10, 0)))
  })

  it("reads extensions.cost from an answer, and nothing from one without it", () => {
    const body = {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: {
        cost: {
          requestedQueryCost: 101,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 40, restoreRate: 100 }
        }
      }
    }
    assert.deepStrictEqual(Cost.fromResponse(body), {
      requestedQueryCost: 101,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 40, restoreRate: 100 }
    })
    assert.isUndefined(Cost.fromResponse({ data: {} }))
  })
})

describe("throttling", () => {
  // a page of 10 customers costs 2 + 10 × 7 = 72 points
  it.live("a THROTTLED answer is waited out on the restore rate and the page sent again", () => {
    const retries = observed()
    return withClient(
      { customers: 20, orders: 0, throttle: { maximumAvailable: 80, restoreRate: 200 } },
      (client, running) =>
        retries.provide(
          Effect.gen(function* () {
            const items = yield* Stream.runCollect(client.streams.customers!.list!({ pageSize: 10 }))
            assert.strictEqual(items.length, 20)
            const throttled = retries.events.filter((e) => e.error.code === "THROTTLED")
            assert.isAtLeast(throttled.length, 1)
            for (const event of throttled) {
              assert.strictEqual(event.error.reason, "RateLimited")
              // 8 points are left after the first page, 72 are needed, 200 come back a second
              assert.isAbove(event.error.retryAfterMs ?? 0, 0)
              assert.isAtMost(event.error.retryAfterMs ?? 999, 320)
              assert.include(event.error.message, "cost 72")
            }
            assert.strictEqual(graphqlCalls(running, "Customers"), 2 + throttled.length)
          })
        )
    )
  })

  it.live("a query over the single-query limit fails at once with MAX_COST_EXCEEDED and a hint", () =>
    withClient({ customers: 20, orders: 0, throttle: { singleQueryMax: 50 } }, (client, running) =>
      Effect.gen(function* () {
        const result = yield* Effect.result(
          Stream.runCollect(client.streams.customers!.list!({ pageSize: 10 }))
        )
        if (!Result.isFailure(result)) return assert.fail("expected a failure")
        assert.strictEqual(result.failure.code, "MAX_COST_EXCEEDED")
        assert.isFalse(result.failure.retryable)
        assert.include(result.failure.message, "Query cost is 72")
        assert.include(result.failure.message, "a smaller pageSize")
        assert.strictEqual(graphqlCalls(running), 1)
      })
    )
  )

  it.live("a query costing more than the bucket ever holds is not retried", () =>
    withClient({ customers: 20, orders: 0, throttle: { maximumAvailable: 60 } }, (client, running) =>
      Effect.gen(function* () {
        const result = yield* Effect.result(
          Stream.runCollect(client.streams.customers!.list!({ pageSize: 10 }))
        )
        if (!Result.isFailure(result)) return assert.fail("expected a failure")
        assert.strictEqual(result.failure.reason, "RateLimited")
        assert.isFalse(result.failure.retryable)
        assert.include(result.failure.message, "costs 72 points, more than the 60 the bucket holds")
        assert.strictEqual(graphqlCalls(running), 1)
      })
    )
  )
})

describe("transport failures", () => {
  it.live("two 503s and a 429 (Retry-After 0) are retried, and the read completes", () => {
    const retries = observed()
    return withClient({ customers: 5, orders: 0 }, (client, running) =>
      retries.provide(
        Effect.gen(function* () {
          running.faults.failNext(2, { kind: "error", status: 503 })
          const items = yield* Stream.runCollect(client.streams.customers!.list!({ pageSize: 10 }))
          assert.strictEqual(items.length, 5)
          running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
          assert.strictEqual(yield* client.streams.customers!.count!({}), 5)
          assert.deepStrictEqual(
            retries.events.map((e) => [e.error.status, e.error.reason]),
            [
              [503, "Unknown"],
              [503, "Unknown"],
              [429, "RateLimited"]
            ]
          )
        })
      )
    )
  })

  it.live("a create whose answer is lost is not sent again; an update (customerSet by id) is", () => {
    const retries = observed()
    return withClient({ customers: 2, orders: 0 }, (client, running) =>
      retries.provide(
        Effect.gen(function* () {
          const customers = client.streams.customers!
          running.faults.failNext(1, { kind: "drop" })
          const lost = yield* Effect.result(
            customers.create!([
              { firstName: "Lost", defaultEmailAddress: { emailAddress: "lost@example.com" } }
            ])
          )
          if (!Result.isFailure(lost)) return assert.fail("expected the create to fail")
          assert.isFalse(lost.failure.retryable)
          assert.include(lost.failure.message, "may have been processed")
          assert.strictEqual(graphqlCalls(running, "CustomersCreate"), 1)
          // the create did happen: Shopify kept it
          assert.strictEqual(yield* customers.count!({}), 3)
          running.faults.failNext(1, { kind: "drop" })
          const updated = yield* customers.update!([{ id: "7180000001", record: { note: "again" } }])
          assert.deepStrictEqual(updated, [{ _tag: "Updated", id: "gid://shopify/Customer/7180000001" }])
          assert.strictEqual(graphqlCalls(running, "CustomersSet"), 2)
          assert.strictEqual(retries.events.filter((e) => e.error.reason === "Connection").length, 1)
        })
      )
    )
  })
})
