/**
 * A WooCommerce emulator on loopback HTTP, for tests, offline pipeline development and the
 * demo: `/wp-json/wc/v3/customers` (list, get, create, update, delete with `force=true`,
 * batch) and `/wp-json/wc/v3/orders` (list, get), with HTTP Basic auth or the
 * `consumer_key`/`consumer_secret` query parameters (accepted over plain HTTP), the paging
 * headers WordPress sends (`X-WP-Total`, `X-WP-TotalPages`, `Link` with absolute `prev`/`next`
 * URLs), WooCommerce's error bodies, seeded deterministic data with guests and defects on
 * request, and the testkit's fault injection.
 *
 * ```ts
 * import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
 * const running = await WooEmulator.start({ customers: 200, orders: 300, guests: 60, defects: 5 })
 * // config for the connector: running.config
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */
import { Auth, Collection, Emulator, type Faults } from "@mapwright/testkit"
import type { Effect, Scope } from "effect"
import * as Customers from "./internal/emulator/customers.ts"
import * as Errors from "./internal/emulator/errors.ts"
import * as Fixtures from "./internal/emulator/fixtures.ts"
import type { CustomerRow, Json, OrderRow } from "./internal/emulator/model.ts"
import * as Orders from "./internal/emulator/orders.ts"
import * as Seed from "./internal/emulator/seed.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same records. */
  readonly seed?: number | string
  /** Customers (WordPress users of every role; default 50). */
  readonly customers?: number
  /** Orders (default 40). */
  readonly orders?: number
  /** Distinct guests among the orders (`customer_id` 0; default a quarter of the orders). Some order twice, writing their email in another case. */
  readonly guests?: number
  /** Defective records (default 0): a bad billing country, an invalid email, an invalid phone, in turn. */
  readonly defects?: number
  /** Records (by index, in id order) served so that they break the record schema. */
  readonly malformed?: {
    readonly customers?: ReadonlyArray<number>
    readonly orders?: ReadonlyArray<number>
  }
  /** Exact records in WooCommerce's shape instead of generated ones (ids kept when given). */
  readonly data?: {
    readonly customers?: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly orders?: ReadonlyArray<Readonly<Record<string, unknown>>>
  }
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
  /** The accepted consumer key (default `ck_mapwright_emulator`). */
  readonly consumerKey?: string
  /** The accepted consumer secret (default `cs_mapwright_emulator`). */
  readonly consumerSecret?: string
  /** The site's time zone, for the non-`_gmt` dates (default America/Sao_Paulo, UTC-3 like the docs' examples). */
  readonly timeZone?: string
}

/**
 * A running WooCommerce emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: {
    readonly url: string
    readonly consumerKey: string
    readonly consumerSecret: string
    readonly timeZone: string
  }
}

/**
 * The default credentials.
 *
 * @since 0.1.0
 * @category constants
 */
export const credentials = {
  consumerKey: "ck_mapwright_emulator",
  consumerSecret: "cs_mapwright_emulator"
} as const

const root = "/wp-json/wc/v3"

const rows = <A extends object>(
  given: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined,
  convert: (record: Json) => A,
  generated: () => ReadonlyArray<A>,
  start: number
): Collection.Collection<A> => {
  if (given === undefined) return Collection.make<A>({ start, records: generated() })
  const records = given.map((r) => ({
    ...convert({ ...r }),
    ...(typeof r.id === "number" ? { id: r.id } : {})
  }))
  return Collection.make<A>({ start, records, keepIds: true })
}

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const orderCount = options.orders ?? 40
  let seeded: Seed.Data | undefined
  const data = () =>
    (seeded ??= Seed.generate({
      seed: options.seed ?? 1,
      customers: options.customers ?? 50,
      orders: orderCount,
      guests: options.guests ?? Math.round(orderCount / 4),
      defects: options.defects ?? 0,
      malformed: { customers: options.malformed?.customers ?? [], orders: options.malformed?.orders ?? [] }
    }))
  const zone = options.timeZone ?? "America/Sao_Paulo"
  const customers = rows<CustomerRow>(
    options.data?.customers,
    Fixtures.customerRow,
    () => data().customers,
    1
  )
  const orders = rows<OrderRow>(options.data?.orders, Fixtures.orderRow, () => data().orders, 700)
  let metaId = 50_000
  const customerStore: Customers.Store = {
    customers,
    zone,
    now: () => Date.now(),
    nextMetaId: () => ++metaId
  }
  const orderStore: Orders.Store = { orders, zone }
  const key = options.consumerKey ?? credentials.consumerKey
  const secret = options.consumerSecret ?? credentials.consumerSecret
  return Emulator.start({
    name: "woocommerce emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    routes: {
      [`GET ${root}/customers`]: Customers.list(customerStore),
      [`POST ${root}/customers`]: Customers.create(customerStore),
      [`POST ${root}/customers/batch`]: Customers.batch(customerStore),
      [`GET ${root}/customers/:id`]: Customers.get(customerStore),
      [`PUT ${root}/customers/:id`]: Customers.update(customerStore),
      [`PATCH ${root}/customers/:id`]: Customers.update(customerStore),
      [`POST ${root}/customers/:id`]: Customers.update(customerStore),
      [`DELETE ${root}/customers/:id`]: Customers.remove(customerStore),
      [`GET ${root}/orders`]: Orders.list(orderStore),
      [`GET ${root}/orders/:id`]: Orders.get(orderStore)
    },
    auth: {
      check: Auth.anyOf([
        Auth.basic({ username: key, password: secret }, { realm: "WooCommerce" }),
        Auth.allOf([Auth.query("consumer_key", key), Auth.query("consumer_secret", secret)])
      ]),
      reject: (request, outcome) =>
        Errors.respond(outcome === "missing" ? Errors.cannot(request.method) : Errors.badKey)
    },
    notFound: () => Errors.respond(Errors.noRoute),
    badRequest: () => Errors.respond(Errors.invalidJson),
    internalError: () => Errors.respond(Errors.critical),
    faultResponse: (_request, status) => Errors.hostError(status),
    rateLimited: () => Errors.respond(Errors.tooManyRequests)
  }).then((running) => ({
    ...running,
    config: { url: running.url, consumerKey: key, consumerSecret: secret, timeZone: zone }
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
