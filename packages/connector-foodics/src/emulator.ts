/**
 * A Foodics emulator on loopback HTTP, for tests, offline pipeline development and the demo:
 * `/v5/customers` as seed 003 documents it (list with the seed's filters, `include`, `sort`,
 * `page` and `per_page`; get; create; update; soft delete; restore), with `Authorization:
 * Bearer` tokens and the seed's scopes, Laravel's paging envelope (`links`, `meta`) or the
 * seed's bare `{"data": [...]}`, Laravel's error bodies (422 with `errors` per field), a rate
 * limiter with `X-RateLimit-*` headers, seeded deterministic customers with tags and delivery
 * addresses, and the testkit's fault injection.
 *
 * ```ts
 * import * as FoodicsEmulator from "@mapwright/connector-foodics/emulator"
 * const running = await FoodicsEmulator.start({ customers: 200, deleted: 5 })
 * // config for the connector: running.config ({ baseUrl: `${running.url}/v5`, token })
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */
import * as Auth from "@mapwright/testkit/Auth"
import * as Emulator from "@mapwright/testkit/Emulator"
import type * as Faults from "@mapwright/testkit/Faults"
import type { Effect, Scope } from "effect"
import * as Customers from "./internal/emulator/customers.ts"
import * as Errors from "./internal/emulator/errors.ts"
import * as Limiter from "./internal/emulator/limiter.ts"
import type { Row, Scopes } from "./internal/emulator/model.ts"
import * as Seed from "./internal/emulator/seed.ts"

/**
 * The scopes of the seed: list, get, write, delete (`admin.write`), restore (`admin.restore`),
 * and the read scopes of the house account and loyalty fields.
 *
 * @since 0.1.0
 * @category constants
 */
export const scopes: ReadonlyArray<string> = [
  "customers.list",
  "customers.get",
  "customers.write",
  "admin.write",
  "admin.restore",
  "customers.accounts.read",
  "customers.loyalty.read"
]

/**
 * The scopes of the emulator's limited token: reading customers, without their house account
 * and loyalty fields, and no writes.
 *
 * @since 0.1.0
 * @category constants
 */
export const limitedScopes: ReadonlyArray<string> = ["customers.list", "customers.get"]

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same records. */
  readonly seed?: number | string
  /** Live customers (default 50). */
  readonly customers?: number
  /** Soft-deleted customers, besides the live ones (default 0). */
  readonly deleted?: number
  /** Live customers (by index, in `updated_at` order) served so that they break the record schema. */
  readonly malformed?: ReadonlyArray<number>
  /** `links` (default): Laravel's `links` and `meta` beside `data`; `data`: only `data`, as the seed's example. */
  readonly paging?: "links" | "data"
  /** Foodics' own rate limit: `limit` requests per `windowMs`, per token (default none). */
  readonly rateLimit?: Limiter.Limit
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
  /** The accepted token, with every scope (default `foodics_emulator_token`). */
  readonly token?: string
  /** A token with {@link limitedScopes} only (default `foodics_emulator_limited`). */
  readonly limitedToken?: string
}

/**
 * A running Foodics emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: { readonly baseUrl: string; readonly token: string }
}

/**
 * The default tokens.
 *
 * @since 0.1.0
 * @category constants
 */
export const credentials = {
  token: "foodics_emulator_token",
  limitedToken: "foodics_emulator_limited"
} as const

const root = "/v5"

const bearerToken = (header: string | undefined): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1]

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const seed = options.seed ?? 1
  let counter = 0
  const nextId = () => Seed.idFor(seed, ++counter)
  const rows = new Map<string, Row>()
  for (const row of Seed.generate(
    {
      seed,
      customers: options.customers ?? 50,
      deleted: options.deleted ?? 0,
      malformed: options.malformed ?? []
    },
    nextId
  )) {
    rows.set(row.id, row)
  }
  let seq = rows.size
  const token = options.token ?? credentials.token
  const limitedToken = options.limitedToken ?? credentials.limitedToken
  const full = new Set(scopes)
  const limited = new Set(limitedScopes)
  const scopesOf = (request: Emulator.Request): Scopes => {
    const given = bearerToken(request.headers.authorization)
    const set = given === token ? full : given === limitedToken ? limited : new Set<string>()
    return { has: (scope) => set.has(scope) }
  }
  // Foodics keeps whole seconds
  const now = () => Math.floor(Date.now() / 1000) * 1000
  const store: Customers.Store = {
    rows,
    nextId,
    nextSeq: () => ++seq,
    now,
    paging: options.paging ?? "links",
    scopesOf
  }
  const limit = Limiter.make(options.rateLimit, () => Date.now())
  return Emulator.start({
    name: "foodics emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    routes: {
      [`GET ${root}/customers`]: limit(Customers.list(store)),
      [`POST ${root}/customers`]: limit(Customers.create(store)),
      [`GET ${root}/customers/:id`]: limit(Customers.get(store)),
      [`PUT ${root}/customers/:id`]: limit(Customers.update(store)),
      [`DELETE ${root}/customers/:id`]: limit(Customers.remove(store)),
      [`PUT ${root}/customers/:id/restore`]: limit(Customers.restore(store))
    },
    auth: {
      check: Auth.bearer((given) => given === token || given === limitedToken),
      reject: () => Errors.unauthenticated()
    },
    notFound: (request) => Errors.noRoute(request.path),
    badRequest: () => Errors.badJson(),
    internalError: () => Errors.serverError(),
    faultResponse: (_request, status) => Errors.unavailable(status),
    rateLimited: () =>
      Errors.tooManyAttempts({
        "X-RateLimit-Limit": String(options.rateLimit?.limit ?? 60),
        "X-RateLimit-Remaining": "0"
      })
  }).then((running) => ({ ...running, config: { baseUrl: `${running.url}${root}`, token } }))
}

/**
 * Starts the emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Emulator.scoped(start)(options)
