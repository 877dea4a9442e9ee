/**
 * A Magento 2 emulator on loopback HTTP, for tests, offline pipeline development and the demo:
 * `/rest[/<store>]/V1/customers` (search, get, create, update, delete),
 * `/V1/orders` (search, get), `/V1/customerGroups` (search, get, create) and
 * `/V1/attributeMetadata/customer` (all, or one by code), with bearer auth, the
 * `searchCriteria` the connector uses (filter groups with `eq`, `neq`, `gt`, `gteq`, `lt`,
 * `lteq`, `like`, `in`, `nin`, `null`, `notnull`, ...; sort orders; paging where a page past
 * the end answers the last page again, as Magento does), Magento's error bodies
 * (`{message, parameters}`), an optional rate limiter answering the 2.4.7 limiter's 429,
 * seeded deterministic data with guests, and the testkit's fault injection.
 *
 * ```ts
 * import * as MagentoEmulator from "@mapwright/connector-magento/emulator"
 * const running = await MagentoEmulator.start({ customers: 200, orders: 300, guests: 60 })
 * // config for the connector: running.config
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */
import { Auth, Collection, Emulator, type Emulator as EmulatorTypes, type Faults } from "@mapwright/testkit"
import type { Effect, Scope } from "effect"
import * as Customers from "./internal/emulator/customers.ts"
import * as Errors from "./internal/emulator/errors.ts"
import * as Fixtures from "./internal/emulator/fixtures.ts"
import * as Groups from "./internal/emulator/groups.ts"
import * as Metadata from "./internal/emulator/metadata.ts"
import type { CustomerRow, GroupRow, OrderRow } from "./internal/emulator/model.ts"
import * as Orders from "./internal/emulator/orders.ts"
import * as Seed from "./internal/emulator/seed.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same records. */
  readonly seed?: number | string
  /** Customers (default 30). */
  readonly customers?: number
  /** Orders (default 24). */
  readonly orders?: number
  /** Distinct guests among the orders (`customer_is_guest` 1; default a quarter of the orders). Some order twice, writing their email in another case; one uses a registered customer's email. */
  readonly guests?: number
  /** Customer groups in all, the standard four (0 NOT LOGGED IN, 1 General, 2 Wholesale, 3 Retailer) first (default 6). */
  readonly groups?: number
  /** More groups, by code (e.g. the codes a pipeline will write). */
  readonly groupCodes?: ReadonlyArray<string>
  /** Records (by index, in id order) served so that they break the record schema. */
  readonly malformed?: {
    readonly customers?: ReadonlyArray<number>
    readonly orders?: ReadonlyArray<number>
    readonly customerGroups?: ReadonlyArray<number>
  }
  /** Exact records in Magento's JSON shape instead of generated ones (ids kept when given). */
  readonly data?: {
    readonly customers?: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly orders?: ReadonlyArray<Readonly<Record<string, unknown>>>
  }
  /** The gender attribute's options (default the standard install's: 1 Male, 2 Female, 3 Not Specified). */
  readonly genderOptions?: ReadonlyArray<{ readonly label: string; readonly value: string }>
  /** The accepted bearer token (default `mapwright-emulator-token`). */
  readonly token?: string
  /** The zone the server writes its times in (default UTC, as Magento does). */
  readonly timeZone?: string
  /** Street lines an address may have (default 2, Magento's default). */
  readonly streetLines?: number
  /** The largest `searchCriteria[pageSize]` (default 300). */
  readonly maxPageSize?: number
  /** A fixed-window limiter answering `429 {"message":"Too Many Requests","trace":null}`. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number; readonly retryAfter?: number }
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
}

/**
 * A running Magento emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: { readonly url: string; readonly token: string; readonly timeZone: string }
}

/**
 * The default bearer token.
 *
 * @since 0.1.0
 * @category constants
 */
export const token = "mapwright-emulator-token"

const resourceOf = (request: EmulatorTypes.Request): string =>
  request.path.includes("/V1/orders")
    ? "Magento_Sales::actions_view"
    : request.path.includes("/V1/customerGroups")
      ? "Magento_Customer::group"
      : request.method === "GET"
        ? "Magento_Customer::customer"
        : "Magento_Customer::manage"

const withPrefixes = (routes: Readonly<Record<string, EmulatorTypes.Handler>>): EmulatorTypes.Routes => {
  const out: Record<string, EmulatorTypes.Handler> = {}
  for (const [key, handler] of Object.entries(routes)) {
    const [method, path] = key.split(" ") as [string, string]
    out[`${method} /rest/V1${path}`] = handler
    out[`${method} /rest/:store/V1${path}`] = handler
  }
  return out
}

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const orderCount = options.orders ?? 24
  const seeded = Seed.generate({
    seed: options.seed ?? 1,
    customers: options.data?.customers === undefined ? (options.customers ?? 30) : 0,
    orders: options.data?.orders === undefined ? orderCount : 0,
    guests: options.guests ?? Math.round(orderCount / 4),
    groups: options.groups ?? 6,
    groupCodes: options.groupCodes ?? [],
    malformed: {
      customers: options.malformed?.customers ?? [],
      orders: options.malformed?.orders ?? [],
      customerGroups: options.malformed?.customerGroups ?? []
    }
  })
  const zone = options.timeZone ?? "UTC"
  const genders = options.genderOptions ?? Metadata.genderOptions
  const groups = Collection.make<GroupRow>({ start: 0, records: seeded.groups })
  let addressId = seeded.lastAddressId
  const nextAddressId = () => ++addressId
  const given = options.data?.customers?.map((c) => Fixtures.customerRow(c, zone, nextAddressId))
  const customers = Collection.make<CustomerRow>({
    records: given ?? seeded.customers,
    keepIds: given !== undefined
  })
  const givenOrders = options.data?.orders?.map((o) => Fixtures.orderRow(o, zone))
  const orders = Collection.make<OrderRow, "entity_id">({
    idField: "entity_id",
    records: givenOrders ?? seeded.orders,
    keepIds: givenOrders !== undefined
  })
  const maxPageSize = options.maxPageSize ?? 300
  const customerStore: Customers.Store = {
    customers,
    groups,
    genders: new Set(genders.flatMap((g) => (/^\d+$/.test(g.value) ? [Number(g.value)] : []))),
    zone,
    now: () => Date.now(),
    nextAddressId,
    streetLines: options.streetLines ?? 2,
    maxPageSize
  }
  const orderStore: Orders.Store = { orders, zone, maxPageSize }
  const groupStore: Groups.Store = { groups, maxPageSize }
  const accepted = options.token ?? token
  const faults: Faults.Config | undefined =
    options.rateLimit === undefined ? options.faults : { ...options.faults, rateLimit: options.rateLimit }
  let report = 0
  return Emulator.start({
    name: "magento emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(faults === undefined ? {} : { faults }),
    routes: withPrefixes({
      "GET /customers/search": Customers.search(customerStore),
      "GET /customers/:id": Customers.get(customerStore),
      "POST /customers": Customers.create(customerStore),
      "PUT /customers/:id": Customers.update(customerStore),
      "DELETE /customers/:id": Customers.remove(customerStore),
      "GET /orders": Orders.search(orderStore),
      "GET /orders/:id": Orders.get(orderStore),
      "GET /customerGroups/search": Groups.search(groupStore),
      "GET /customerGroups/:id": Groups.get(groupStore),
      "POST /customerGroups": Groups.create(groupStore),
      "GET /attributeMetadata/customer": Metadata.list(genders),
      "GET /attributeMetadata/customer/attribute/:code": Metadata.get(genders)
    }),
    auth: {
      check: Auth.bearer(accepted),
      reject: (request) => Errors.respond(Errors.unauthorized(resourceOf(request)))
    },
    notFound: () => Errors.respond(Errors.noRoute),
    badRequest: (_request, message) => Errors.respond(Errors.decodingError(message)),
    internalError: () => Errors.respond(Errors.internalError((++report).toString(16).padStart(12, "0"))),
    faultResponse: (_request, status) => Errors.respond(Errors.serviceUnavailable(status)),
    rateLimited: () => Errors.tooManyRequests()
  }).then((running) => ({ ...running, config: { url: running.url, token: accepted, timeZone: zone } }))
}

/**
 * Starts the emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Emulator.scoped(start)(options)
