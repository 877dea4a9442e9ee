/**
 * Fault injection for emulators: latency, a rate of 5xx answers, 429 with `Retry-After`,
 * dropped connections and malformed (truncated) bodies, each drawn from a seeded generator so a
 * run is deterministic; "the next N requests fail with X"; and a fixed-window rate limiter that
 * mimics a platform's limits. Set at start (`Emulator.start({ faults })`), and at run time
 * through `running.faults` or the control endpoint `POST /__emulator/faults`.
 *
 * @since 0.1.0
 */

import type { Exit } from "effect"
import { Schema, SchemaIssue } from "effect"
import * as Prng from "./internal/prng.ts"

const Rate = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
const Millis = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))
const Seconds = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const Status = Schema.Int.check(Schema.isBetween({ minimum: 500, maximum: 599 }))
const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))

/**
 * The fault settings, as a Schema (the control endpoint decodes its body with it).
 *
 * @since 0.1.0
 * @category models
 */
export const Config = Schema.Struct({
  /** Seed of the generator the rates draw from (default 1). Setting faults restarts it. */
  seed: Schema.optionalKey(Schema.Int),
  /** Delay before each answer, in milliseconds: fixed, or drawn from `[min, max]`. */
  latency: Schema.optionalKey(Schema.Union([Millis, Schema.Struct({ min: Millis, max: Millis })])),
  /** Share of requests answered with `errorStatus` (a 5xx). */
  errorRate: Schema.optionalKey(Rate),
  /** The status of injected errors (default 503). */
  errorStatus: Schema.optionalKey(Status),
  /** Share of requests answered 429 with `Retry-After: retryAfter`. */
  rateLimitRate: Schema.optionalKey(Rate),
  /** `Retry-After` of injected 429s, in seconds (default 1). */
  retryAfter: Schema.optionalKey(Seconds),
  /** Share of requests whose connection is destroyed mid-response. */
  dropRate: Schema.optionalKey(Rate),
  /** Share of requests whose body is cut in half (unparseable JSON or XML). */
  malformedRate: Schema.optionalKey(Rate),
  /** A fixed-window limiter: more than `limit` requests in `windowMs` are answered 429. */
  rateLimit: Schema.optionalKey(
    Schema.Struct({ limit: Count, windowMs: Count, retryAfter: Schema.optionalKey(Seconds) })
  ),
  /** Apply faults only to request paths starting with one of these (default: every path). */
  paths: Schema.optionalKey(Schema.Array(Schema.String))
})

/**
 * @since 0.1.0
 * @category models
 */
export type Config = typeof Config.Type

/**
 * One injected fault, for {@link Controller.failNext}.
 *
 * @since 0.1.0
 * @category models
 */
export const Fault = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("error"), status: Schema.optionalKey(Status) }),
  Schema.Struct({ kind: Schema.Literal("rateLimited"), retryAfter: Schema.optionalKey(Seconds) }),
  Schema.Struct({ kind: Schema.Literal("drop") }),
  Schema.Struct({ kind: Schema.Literal("malformed") }),
  Schema.Struct({ kind: Schema.Literal("latency"), ms: Millis })
])

/**
 * @since 0.1.0
 * @category models
 */
export type Fault = typeof Fault.Type

/**
 * The body of `POST /__emulator/faults/next`.
 *
 * @since 0.1.0
 * @category models
 */
export const Next = Schema.Struct({ count: Count, fault: Fault })

const decodeNextExit = Schema.decodeUnknownExit(Next)

/**
 * Decodes the body of `POST /__emulator/faults/next`, or returns a message naming every problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeNext = (input: unknown): typeof Next.Type | string => {
  const exit = decodeNextExit(input, { errors: "all", onExcessProperty: "error" })
  if (exit._tag === "Success") return exit.value
  return problems(exit).join("; ")
}

/**
 * Run-time control of an emulator's faults (`running.faults`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Controller {
  /** The current settings. */
  readonly get: () => Config
  /** Replaces the settings and restarts the generator from their seed. Throws on bad settings. */
  readonly set: (config: Config) => void
  /** Merges settings into the current ones (the generator goes on). Throws on bad settings. */
  readonly update: (patch: Config) => void
  /** No faults at all, and no queued ones. */
  readonly clear: () => void
  /** The next `count` requests (on faulted paths) get `fault`, before any drawn fault. */
  readonly failNext: (count: number, fault: Fault) => void
  /** How many queued faults are left. */
  readonly pending: () => number
}

/**
 * What happens to one request: wait `latencyMs`, then answer normally or with `fault`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decision {
  readonly latencyMs: number
  readonly fault?: Fault
}

const decodeConfig = Schema.decodeUnknownExit(Config)
const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const problems = (exit: Exit.Exit<unknown, Schema.SchemaError>): ReadonlyArray<string> => {
  if (exit._tag === "Success") return []
  const reason = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (reason === undefined || !Schema.isSchemaError(reason.error))
    return ["the fault settings cannot be decoded"]
  return formatter(reason.error.issue).issues.map((i) => {
    const path = (i.path ?? []).map((p) =>
      String(typeof p === "object" && p !== null && "key" in p ? p.key : p)
    )
    return `${path.length === 0 ? "faults" : path.join(".")}: ${i.message}`
  })
}

/**
 * Checks fault settings: every problem, each as `path: message`; empty when they are valid.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validate = (input: unknown): ReadonlyArray<string> =>
  problems(decodeConfig(input, { errors: "all", onExcessProperty: "error" }))

/**
 * Decodes fault settings or throws an `Error` listing every problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Config => {
  const exit = decodeConfig(input, { errors: "all", onExcessProperty: "error" })
  if (exit._tag === "Success") return exit.value
  throw new Error(`invalid fault settings: ${problems(exit).join("; ")}`)
}

/**
 * The injector an emulator consults for every request: a {@link Controller} plus `decide`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Injector extends Controller {
  readonly decide: (path: string, now: number) => Decision
}

/**
 * Makes an injector from initial settings (validated; throws on bad settings).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (initial: Config = {}): Injector => {
  let config = decode(initial)
  let random = Prng.make(config.seed ?? 1)
  let queue: Array<{ count: number; fault: Fault }> = []
  let window = { start: 0, count: 0 }

  const applies = (path: string) => config.paths === undefined || config.paths.some((p) => path.startsWith(p))

  const decide = (path: string, now: number): Decision => {
    if (!applies(path)) return { latencyMs: 0 }
    // Always draw the same number of values per request, so one setting does not shift another.
    const draws = [random(), random(), random(), random(), random()] as const
    const latency = config.latency
    const latencyMs =
      latency === undefined
        ? 0
        : typeof latency === "number"
          ? latency
          : Math.round(latency.min + draws[0] * Math.max(0, latency.max - latency.min))
    const head = queue[0]
    if (head !== undefined) {
      head.count -= 1
      if (head.count <= 0) queue = queue.slice(1)
      return head.fault.kind === "latency"
        ? { latencyMs: latencyMs + head.fault.ms }
        : { latencyMs, fault: head.fault }
    }
    const limit = config.rateLimit
    if (limit !== undefined) {
      if (now - window.start >= limit.windowMs) window = { start: now, count: 0 }
      window.count += 1
      if (window.count > limit.limit) {
        const retryAfter =
          limit.retryAfter ?? Math.max(0, Math.ceil((window.start + limit.windowMs - now) / 1000))
        return { latencyMs, fault: { kind: "rateLimited", retryAfter } }
      }
    }
    if (draws[1] < (config.dropRate ?? 0)) return { latencyMs, fault: { kind: "drop" } }
    if (draws[2] < (config.errorRate ?? 0)) {
      return { latencyMs, fault: { kind: "error", status: config.errorStatus ?? 503 } }
    }
    if (draws[3] < (config.rateLimitRate ?? 0)) {
      return { latencyMs, fault: { kind: "rateLimited", retryAfter: config.retryAfter ?? 1 } }
    }
    if (draws[4] < (config.malformedRate ?? 0)) return { latencyMs, fault: { kind: "malformed" } }
    return { latencyMs }
  }

  return {
    get: () => config,
    set: (next) => {
      config = decode(next)
      random = Prng.make(config.seed ?? 1)
      window = { start: 0, count: 0 }
    },
    update: (patch) => {
      config = decode({ ...config, ...patch })
    },
    clear: () => {
      config = {}
      random = Prng.make(1)
      queue = []
      window = { start: 0, count: 0 }
    },
    failNext: (count, fault) => {
      if (!Number.isInteger(count) || count < 1) throw new Error(`failNext: count must be a positive integer`)
      queue = [...queue, { count, fault }]
    },
    pending: () => queue.reduce((n, q) => n + q.count, 0),
    decide
  }
}
