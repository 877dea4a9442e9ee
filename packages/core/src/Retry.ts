/**
 * Retrying `ConnectorError`s: only the `retryable` ones, with exponential backoff and jitter,
 * never sooner than the server's `Retry-After`. Each retry is reported to the `onRetry` hook
 * of the options and to the {@link Observer} of the fiber, which is how a pipeline counts the
 * retries of every connector for its summary without the connectors' help.
 *
 * The delay before retry `n` (1, 2, ...) is `min(max, base * 2^(n-1))`, drawn uniformly from
 * its upper half when `jitter` is on (`[d/2, d]`, "equal jitter": spread out, never near
 * zero), then raised to the error's `retryAfterMs` and capped by `max`. The randomness comes
 * from effect's `Random` service, so `Random.withSeed` makes it reproducible.
 *
 * @since 0.1.0
 */
import { Cause, Context, Duration, Effect, Random, Schedule } from "effect"
import { dual } from "effect/Function"
import { ConnectorError } from "./ConnectorError.ts"

/**
 * One retry about to happen: the error that caused it, which retry it is (1 for the first),
 * and how long it will wait.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryEvent {
  readonly error: ConnectorError
  readonly attempt: number
  readonly delay: Duration.Duration
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The first delay (default 200 ms); it doubles with each retry. */
  readonly base?: Duration.Input | undefined
  /** The longest delay, `Retry-After` included (default 30 s). */
  readonly max?: Duration.Input | undefined
  /** How many retries at most, after the first attempt (default 5; 0 never retries). */
  readonly times?: number | undefined
  /** Spread the delays (default true). */
  readonly jitter?: boolean | undefined
  /** Called before each retry's wait. */
  readonly onRetry?: ((event: RetryEvent) => Effect.Effect<void>) | undefined
}

/**
 * The fiber's retry observer, called on every retry a {@link policy} makes (after the
 * options' `onRetry`). It does nothing by default; a pipeline provides one around a
 * connector's operations to count the retries.
 *
 * @since 0.1.0
 * @category references
 */
export const Observer = Context.Reference<(event: RetryEvent) => Effect.Effect<void>>(
  "@mapwright/core/Retry/Observer",
  { defaultValue: () => () => Effect.void }
)

/**
 * The defaults: 200 ms, doubling, at most 30 s, 5 retries, with jitter.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults = {
  base: Duration.millis(200),
  max: Duration.seconds(30),
  times: 5,
  jitter: true
} as const

/**
 * Whether a failure is a `ConnectorError` worth another try.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (error: unknown): error is ConnectorError =>
  error instanceof ConnectorError && error.retryable

/**
 * The delay before retry `attempt` (1 for the first) of an error, given a random number in
 * `[0, 1)` (used only with jitter): `min(max, max(backoff, retryAfterMs))`, where `backoff` is
 * `min(max, base * 2^(attempt-1))`, scaled into `[backoff/2, backoff]` with jitter.
 *
 * @since 0.1.0
 * @category combinators
 */
export const delayFor = (
  options: Options | undefined,
  attempt: number,
  error: ConnectorError,
  random: number
): Duration.Duration => {
  const base = Duration.toMillis(Duration.fromInputUnsafe(options?.base ?? defaults.base))
  const max = Duration.toMillis(Duration.fromInputUnsafe(options?.max ?? defaults.max))
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1))
  const jittered =
    (options?.jitter ?? defaults.jitter) ? exponential / 2 + (exponential / 2) * random : exponential
  return Duration.millis(Math.min(max, Math.max(jittered, error.retryAfterMs ?? 0)))
}

/**
 * A retry schedule for `Effect.retry` / `Stream.retry`: it retries only retryable
 * `ConnectorError`s (any other failure ends it at once), at most `times` times, waiting
 * {@link delayFor} before each retry, and reports each retry to `onRetry` and the
 * {@link Observer}. Its output is the delay.
 *
 * @since 0.1.0
 * @category constructors
 */
export const policy = (options?: Options): Schedule.Schedule<Duration.Duration, unknown> => {
  const times = options?.times ?? defaults.times
  return Schedule.fromStepWithMetadata(
    Effect.succeed((meta: Schedule.InputMetadata<unknown>) => {
      const error = meta.input
      if (!isRetryable(error) || meta.attempt > times) return Cause.done(Duration.zero)
      return Effect.gen(function* () {
        const delay = delayFor(options, meta.attempt, error, yield* Random.next)
        const event: RetryEvent = { error, attempt: meta.attempt, delay }
        if (options?.onRetry !== undefined) yield* options.onRetry(event)
        const observer = yield* Observer
        yield* observer(event)
        return [delay, delay] as [Duration.Duration, Duration.Duration]
      })
    })
  )
}

/**
 * Runs an effect, retrying its retryable `ConnectorError`s with {@link policy}.
 *
 * @since 0.1.0
 * @category combinators
 */
export const retry: {
  (options?: Options): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options?: Options): Effect.Effect<A, E, R>
} = dual(
  (args) => Effect.isEffect(args[0]),
  <A, E, R>(self: Effect.Effect<A, E, R>, options?: Options): Effect.Effect<A, E, R> =>
    Effect.retry(self, policy(options))
)
