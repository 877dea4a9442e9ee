import { assert, describe, it } from "@effect/vitest"
import { Data, Duration, Effect, Exit, Fiber, Random, Stream } from "effect"
import { TestClock } from "effect/testing"
import { ConnectorError } from "../src/ConnectorError.ts"
import * as Retry from "../src/Retry.ts"

const rateLimited = (retryAfterMs?: number) =>
  new ConnectorError({
    connector: "test",
    reason: "RateLimited",
    message: "too many requests",
    retryable: true,
    status: 429,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
const unavailable = new ConnectorError({
  connector: "test",
  reason: "Unknown",
  message: "answered 503",
  retryable: true,
  status: 503
})
const forbidden = new ConnectorError({
  connector: "test",
  reason: "Authorization",
  message: "answered 403",
  retryable: false,
  status: 403
})

/** An effect that fails with the given errors, one per call, then succeeds with the call count. */
const failing = (errors: ReadonlyArray<unknown>) => {
  let calls = 0
  const effect = Effect.suspend(() => {
    calls++
    const error = errors[calls - 1]
    return error === undefined ? Effect.succeed(calls) : Effect.fail(error)
  })
  return { effect, calls: () => calls }
}

/** A `Random` that always draws the same number. */
const constantRandom = (value: number): Random.Random => ({
  nextDoubleUnsafe: () => value,
  nextIntUnsafe: () => 0
})

describe("Retry.policy", () => {
  it.effect("waits out a Retry-After of 1.5 s before trying again", () =>
    Effect.gen(function* () {
      const src = failing([rateLimited(1500)])
      const fiber = yield* Effect.forkChild(Retry.retry(src.effect, { base: "10 millis", jitter: false }))
      yield* TestClock.adjust("1400 millis")
      assert.isUndefined(fiber.pollUnsafe(), "retried before Retry-After elapsed")
      assert.strictEqual(src.calls(), 1)
      yield* TestClock.adjust("200 millis")
      assert.strictEqual(yield* Fiber.join(fiber), 2)
    })
  )

  it.effect("does not retry an error that is not retryable, nor one that is not a ConnectorError", () =>
    Effect.gen(function* () {
      const src = failing([forbidden])
      const exit = yield* Effect.exit(Retry.retry(src.effect))
      assert.deepStrictEqual(exit, Exit.fail(forbidden))
      assert.strictEqual(src.calls(), 1)

      class Other extends Data.TaggedError("Other")<{}> {}
      const other = failing([new Other()])
      const exit2 = yield* Effect.exit(Retry.retry(other.effect))
      assert.isTrue(Exit.isFailure(exit2))
      assert.strictEqual(other.calls(), 1)
    })
  )

  it.effect("gives up after `times` retries with the last error", () =>
    Effect.gen(function* () {
      const last = rateLimited(7)
      const src = failing([unavailable, unavailable, unavailable, last, unavailable])
      const fiber = yield* Effect.forkChild(
        Effect.exit(Retry.retry(src.effect, { times: 3, base: "10 millis" }))
      )
      yield* TestClock.adjust("10 seconds")
      const exit = yield* Fiber.join(fiber)
      assert.deepStrictEqual(exit, Exit.fail(last))
      assert.strictEqual(src.calls(), 4)
    })
  )

  it.effect("retries up to 5 times by default", () =>
    Effect.gen(function* () {
      const src = failing(Array.from({ length: 10 }, () => unavailable))
      const fiber = yield* Effect.forkChild(Effect.exit(Retry.retry(src.effect)))
      yield* TestClock.adjust("5 minutes")
      assert.isTrue(Exit.isFailure(yield* Fiber.join(fiber)))
      assert.strictEqual(src.calls(), 6)
    })
  )

  it.effect("keeps jittered delays within [d/2, d] of the capped exponential delay", () =>
    Effect.gen(function* () {
      const delays: Array<number> = []
      const src = failing(Array.from({ length: 8 }, () => unavailable))
      const fiber = yield* Effect.forkChild(
        Effect.exit(
          Retry.retry(src.effect, {
            base: "100 millis",
            max: "1 second",
            times: 7,
            onRetry: (e) => Effect.sync(() => delays.push(Duration.toMillis(e.delay)))
          })
        )
      )
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      // the exponential delays, capped at 1 s: 100, 200, 400, 800, 1000, 1000, 1000
      const full = [100, 200, 400, 800, 1000, 1000, 1000]
      assert.strictEqual(delays.length, 7)
      delays.forEach((d, i) => {
        assert.isAtLeast(d, full[i]! / 2, `retry ${i + 1}`)
        assert.isAtMost(d, full[i]!, `retry ${i + 1}`)
      })
    })
  )

  it.effect("draws the jitter from the Random service", () =>
    Effect.gen(function* () {
      const at = (random: number) =>
        Effect.gen(function* () {
          const delays: Array<number> = []
          const src = failing([unavailable, unavailable, unavailable])
          const fiber = yield* Effect.forkChild(
            Retry.retry(src.effect, {
              base: "100 millis",
              onRetry: (e) => Effect.sync(() => delays.push(Duration.toMillis(e.delay)))
            }).pipe(Effect.provideService(Random.Random, constantRandom(random)))
          )
          yield* TestClock.adjust("1 minute")
          yield* Fiber.join(fiber)
          return delays
        })
      assert.deepStrictEqual(yield* at(0), [50, 100, 200])
      assert.deepStrictEqual(yield* at(0.5), [75, 150, 300])
    })
  )

  it.effect("waits the longer of the backoff and Retry-After, never longer than max", () =>
    Effect.gen(function* () {
      const delays: Array<number> = []
      const src = failing([rateLimited(50), rateLimited(60_000), unavailable])
      const fiber = yield* Effect.forkChild(
        Retry.retry(src.effect, {
          base: "400 millis",
          max: "2 seconds",
          jitter: false,
          onRetry: (e) => Effect.sync(() => delays.push(Duration.toMillis(e.delay)))
        })
      )
      yield* TestClock.adjust("1 minute")
      assert.strictEqual(yield* Fiber.join(fiber), 4)
      assert.deepStrictEqual(delays, [400, 2000, 1600])
    })
  )

  it.effect("reports each retry to onRetry and to the fiber's Observer", () =>
    Effect.gen(function* () {
      const hooked: Array<string> = []
      const observed: Array<number> = []
      const src = failing([unavailable, rateLimited(), unavailable])
      const fiber = yield* Effect.forkChild(
        Retry.retry(src.effect, {
          base: "5 millis",
          jitter: false,
          onRetry: (e) =>
            Effect.sync(() => hooked.push(`${e.attempt}:${e.error.reason}:${Duration.toMillis(e.delay)}`))
        }).pipe(Effect.provideService(Retry.Observer, (e) => Effect.sync(() => observed.push(e.attempt))))
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual(yield* Fiber.join(fiber), 4)
      assert.deepStrictEqual(hooked, ["1:Unknown:5", "2:RateLimited:10", "3:Unknown:20"])
      assert.deepStrictEqual(observed, [1, 2, 3])
    })
  )

  it.effect("never retries with times 0", () =>
    Effect.gen(function* () {
      const src = failing([unavailable])
      const exit = yield* Effect.exit(Retry.retry(src.effect, { times: 0 }))
      assert.deepStrictEqual(exit, Exit.fail(unavailable))
      assert.strictEqual(src.calls(), 1)
    })
  )

  it.effect("works as a Stream.retry schedule", () =>
    Effect.gen(function* () {
      const src = failing([unavailable])
      const stream = Stream.fromEffect(src.effect).pipe(Stream.retry(Retry.policy({ base: "5 millis" })))
      const fiber = yield* Effect.forkChild(Stream.runCollect(stream))
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(yield* Fiber.join(fiber), [2])
    })
  )
})

describe("Retry.delayFor", () => {
  it("doubles from base, caps at max, and spreads over the upper half with jitter", () => {
    const options = { base: "200 millis", max: "30 seconds" } as const
    const ms = (attempt: number, random: number, error = unavailable) =>
      Duration.toMillis(Retry.delayFor(options, attempt, error, random))
    assert.strictEqual(ms(1, 0), 100)
    assert.strictEqual(ms(1, 0.5), 150)
    assert.strictEqual(ms(3, 0.5), 600)
    assert.strictEqual(ms(20, 0), 15_000)
    assert.strictEqual(ms(20, 0.5), 22_500)
    assert.strictEqual(ms(1, 0, rateLimited(5_000)), 5_000)
    assert.strictEqual(ms(1, 0, rateLimited(90_000)), 30_000)
    assert.strictEqual(Duration.toMillis(Retry.delayFor({ jitter: false }, 2, unavailable, 0.3)), 400)
  })
})
