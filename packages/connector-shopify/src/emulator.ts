/**
 * A Shopify emulator on loopback HTTP, for tests, offline pipeline development and the demo:
 * the GraphQL Admin API at `POST /admin/api/<version>/graphql.json`, served by a schema subset
 * built with the `graphql` package (customers, their addresses and consents, orders, metafield
 * definitions of customers, and the customer mutations) over seeded in-memory data, with the
 * `X-Shopify-Access-Token` header, cursor paging, Shopify's search syntax, the calculated
 * query cost with its bucket (`THROTTLED` with HTTP 200, `MAX_COST_EXCEEDED`), `userErrors`,
 * Shopify's error bodies, and the testkit's fault injection.
 *
 * ```ts
 * import * as ShopifyEmulator from "@mapwright/connector-shopify/emulator"
 * const running = await ShopifyEmulator.start({ customers: 200, orders: 300, guests: 40 })
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
import * as Respond from "@mapwright/testkit/Respond"
import type { Effect, Scope } from "effect"
import * as Cost from "./internal/emulator/cost.ts"
import * as Fixtures from "./internal/emulator/fixtures.ts"
import * as Handler from "./internal/emulator/handler.ts"
import type { CustomerRow, DefinitionRow, OrderRow, Store } from "./internal/emulator/model.ts"
import * as Schema from "./internal/emulator/schema.ts"
import * as Seed from "./internal/emulator/seed.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same records. */
  readonly seed?: number | string
  /** Customers (default 50). */
  readonly customers?: number
  /** Orders (default 40). */
  readonly orders?: number
  /**
   * Distinct guests among the orders without a customer (default a quarter of the orders).
   * A third of them order twice (the email in capitals); one more order without a customer
   * uses a registered customer's email; the third guest has a phone and no email.
   */
  readonly guests?: number
  /** Records (by index, in `updatedAt` order) served so that they break the record schema. */
  readonly malformed?: {
    readonly customers?: ReadonlyArray<number>
    readonly orders?: ReadonlyArray<number>
  }
  /** Exact records in the connector's record shape instead of generated ones (GID numbers kept as ids). */
  readonly data?: {
    readonly customers?: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly orders?: ReadonlyArray<Readonly<Record<string, unknown>>>
  }
  /**
   * The cost bucket (Shopify's standard plan: 2,000 points, 100 a second, 1,000 for one
   * query). Tests use a small bucket with a fast restore.
   */
  readonly throttle?: {
    readonly maximumAvailable?: number
    readonly restoreRate?: number
    readonly singleQueryMax?: number
  }
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
  /** The accepted access token (default `shpat_mapwright_emulator`). */
  readonly accessToken?: string
  /** The shop's currency (default USD). */
  readonly currency?: string
}

/**
 * A running Shopify emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: { readonly shop: string; readonly accessToken: string }
  /** The GraphQL requests received, in order: operation name and variables (for tests). */
  readonly operations: ReadonlyArray<Handler.Operation>
}

/**
 * The default access token.
 *
 * @since 0.1.0
 * @category constants
 */
export const credentials = { accessToken: "shpat_mapwright_emulator" } as const

const loadStore = (options: Options): Store => {
  const orderCount = options.orders ?? 40
  let seeded: Seed.Data | undefined
  const data = () =>
    (seeded ??= Seed.generate({
      seed: options.seed ?? 1,
      customers: options.customers ?? 50,
      orders: orderCount,
      guests: options.guests ?? Math.round(orderCount / 4),
      malformed: { customers: options.malformed?.customers ?? [], orders: options.malformed?.orders ?? [] }
    }))
  let addressId = Seed.addressStart + 1_000_000
  const nextAddressId = () => ++addressId
  const given = options.data
  const customers =
    given?.customers === undefined
      ? Collection.make<CustomerRow>({ start: Seed.customerStart, records: data().customers })
      : Collection.make<CustomerRow>({
          start: Seed.customerStart,
          records: given.customers.map((r) => Fixtures.customerRow(r, nextAddressId)),
          keepIds: true
        })
  const orders =
    given?.orders === undefined && given?.customers === undefined
      ? Collection.make<OrderRow>({
          start: Seed.orderStart,
          records: data().orders.map((o) => ({
            ...o,
            customerId: o.customerId === null ? null : Seed.customerStart + o.customerId
          }))
        })
      : Collection.make<OrderRow>({
          start: Seed.orderStart,
          records: (given?.orders ?? []).map((r, i) => Fixtures.orderRow(r, 1001 + i)),
          keepIds: true
        })
  const definitions = Collection.make<DefinitionRow>({ start: 1_000_001, records: data().definitions })
  return {
    customers,
    orders,
    definitions,
    nextAddressId,
    now: () => Date.now(),
    shopCurrency: options.currency ?? "USD"
  }
}

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const store = loadStore(options)
  const bucket = Cost.bucket({
    maximumAvailable: options.throttle?.maximumAvailable ?? 2000,
    restoreRate: options.throttle?.restoreRate ?? 100,
    singleQueryMax: options.throttle?.singleQueryMax ?? 1000,
    now: () => Date.now()
  })
  const token = options.accessToken ?? credentials.accessToken
  const operations: Array<Handler.Operation> = []
  const graphql = Handler.handler({
    schema: Schema.build(),
    store,
    bucket,
    log: (operation) => {
      operations.push(operation)
      if (operations.length > 10_000) operations.shift()
    }
  })
  return Emulator.start({
    name: "shopify emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    routes: { "POST /admin/api/:version/graphql.json": graphql },
    auth: {
      check: Auth.header("X-Shopify-Access-Token", token),
      reject: () =>
        Handler.restError(401, "[API] Invalid API key or access token (unrecognized login or wrong password)")
    },
    notFound: () => Handler.restError(404, "Not Found"),
    badRequest: () =>
      Respond.json({ errors: { query: "Required parameter missing or invalid" } }, { status: 400 }),
    internalError: () => Handler.restError(500, "Internal Server Error"),
    faultResponse: (_request, status) =>
      Handler.restError(
        status,
        status === 503 ? "Service Unavailable" : status === 502 ? "Bad Gateway" : "Internal Server Error"
      ),
    rateLimited: () =>
      Handler.restError(
        429,
        "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."
      )
  }).then((running) => ({ ...running, config: { shop: running.url, accessToken: token }, operations }))
}

/**
 * Starts the emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Emulator.scoped(start)(options)
