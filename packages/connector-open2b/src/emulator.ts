/**
 * An Open2b emulator on loopback HTTP, for tests, offline pipeline development and the demo:
 * `POST /api/v6/commerce.customers.find`, `get`, `count`, `create`, `update`, `delete` and
 * `authenticate` with JSON bodies, the key in the `X-Key` header (accepted over plain HTTP),
 * the seed's find conditions, `fields` projection, `order`, `limit` and `first`, application
 * errors with HTTP 200 in the seed's shape, transport failures as non-JSON pages (403 for a bad
 * key, 404 for an unknown method, 405 for another HTTP method, 429 past 1000 calls in 5 minutes),
 * seeded deterministic customers, and the testkit's fault injection.
 *
 * ```ts
 * import * as Open2bEmulator from "@mapwright/connector-open2b/emulator"
 * const running = await Open2bEmulator.start({ customers: 200 })
 * // config for the connector: running.config
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */
import * as Auth from "@mapwright/testkit/Auth"
import * as Collection from "@mapwright/testkit/Collection"
import * as Emulator from "@mapwright/testkit/Emulator"
import type * as Faults from "@mapwright/testkit/Faults"
import type { Effect, Scope } from "effect"
import * as Errors from "./internal/emulator/errors.ts"
import type { CustomerRow, Json } from "./internal/emulator/model.ts"
import * as Routes from "./internal/emulator/routes.ts"
import * as Seed from "./internal/emulator/seed.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same customers. */
  readonly seed?: number | string
  /** Customers to generate (default 50). */
  readonly customers?: number
  /** Customers (by index, in id order) served so that they break the record schema (`canLogin: "yes"`). */
  readonly malformed?: ReadonlyArray<number>
  /** Exact customers in Open2b's answer shape instead of generated ones (ids kept when given). */
  readonly data?: ReadonlyArray<Readonly<Record<string, unknown>>>
  /** The customer group ids that exist (default 1, 2, 3). */
  readonly groups?: ReadonlyArray<number>
  /** The saved cart ids that exist besides the customers' own (default none). */
  readonly carts?: ReadonlyArray<number>
  /** The shop's time zone, for the times it writes (default Europe/Rome). */
  readonly timeZone?: string
  /** The accepted API key (default `open2b_emulator_key`). */
  readonly apiKey?: string
  /** The API version in the paths (default 6: `/api/v6/...`). */
  readonly apiVersion?: number
  /** The largest `limit` a find takes (default 100). */
  readonly maxLimit?: number
  /**
   * Open2b's own limit, at most 1000 calls in 5 minutes, answered 429 with `Retry-After`
   * (default `{ limit: 1000, windowMs: 300000 }`); `false` for none. Setting `faults` at run time
   * replaces it.
   */
  readonly rateLimit?:
    | { readonly limit: number; readonly windowMs: number; readonly retryAfter?: number }
    | false
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
  /** The emulator's clock (epoch milliseconds; default `Date.now`). */
  readonly now?: () => number
}

/**
 * A call that reached a method: its name and request body.
 *
 * @since 0.1.0
 * @category models
 */
export interface Call {
  readonly method: string
  readonly request: unknown
}

/**
 * A running Open2b emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: {
    readonly baseUrl: string
    readonly apiKey: string
    readonly timeZone: string
    readonly apiVersion: number
  }
  /** The calls that reached a method, oldest first (faulted ones never do). */
  readonly calls: () => ReadonlyArray<Call>
}

/**
 * The default API key.
 *
 * @since 0.1.0
 * @category constants
 */
export const apiKey = "open2b_emulator_key"

/**
 * The clear password of the seeded customer at `index` (in id order) whose password Open2b
 * crypted; others have theirs imported from osCommerce (with the same clear password) or none.
 *
 * @since 0.1.0
 * @category constants
 */
export const seededPassword = Seed.seededPassword

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const zone = options.timeZone ?? "Europe/Rome"
  const groups = options.groups ?? [1, 2, 3]
  const customers =
    options.data === undefined
      ? Collection.make<CustomerRow>({
          start: 1001,
          records: Seed.generate({
            seed: options.seed ?? 1,
            customers: options.customers ?? 50,
            malformed: options.malformed ?? [],
            groups
          })
        })
      : Collection.make<CustomerRow>({
          start: 1001,
          keepIds: true,
          records: options.data.map((r) => ({
            ...Seed.fromRecord({ ...r }, zone),
            ...(typeof r.id === "number" ? { id: r.id } : {})
          }))
        })
  const carts = new Set([
    ...(options.carts ?? []),
    ...customers.list().flatMap((r) => (r.cart === null ? [] : [r.cart]))
  ])
  let salt = 0
  const context: Routes.Context = {
    customers,
    groups: new Set(groups),
    carts,
    zone,
    now: options.now ?? (() => Date.now()),
    salt: () => ++salt,
    maxLimit: options.maxLimit ?? 100
  }
  const version = `v${options.apiVersion ?? 6}`
  const key = options.apiKey ?? apiKey
  const calls: Array<Call> = []
  const rateLimit =
    options.rateLimit === false ? undefined : (options.rateLimit ?? { limit: 1000, windowMs: 300_000 })
  const faults: Faults.Config = { ...(rateLimit === undefined ? {} : { rateLimit }), ...options.faults }
  const api = (request: Emulator.Request) => {
    const method = Routes.methods[request.params.method ?? ""]
    if (request.params.version !== version || method === undefined) return Errors.notFound()
    const body = request.json()
    if (!isObject(body)) return Errors.badRequest()
    calls.push({ method: request.params.method ?? "", request: structuredClone(body) })
    return method(context, body)
  }
  return Emulator.start({
    name: "open2b emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    faults,
    routes: {
      "POST /api/:version/:method": api,
      "GET /api/*": () => Errors.methodNotAllowed(),
      "PUT /api/*": () => Errors.methodNotAllowed(),
      "PATCH /api/*": () => Errors.methodNotAllowed(),
      "DELETE /api/*": () => Errors.methodNotAllowed()
    },
    auth: { check: Auth.header("X-Key", key), reject: () => Errors.forbidden() },
    notFound: () => Errors.notFound(),
    badRequest: () => Errors.badRequest(),
    internalError: () => Errors.internal(),
    faultResponse: (_request, status) => Errors.unavailable(status),
    rateLimited: () => Errors.tooManyRequests()
  }).then((running) => ({
    ...running,
    config: { baseUrl: running.url, apiKey: key, timeZone: zone, apiVersion: options.apiVersion ?? 6 },
    calls: () => [...calls]
  }))
}

/**
 * Starts the emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Emulator.scoped(start)(options)
