/**
 * A PrestaShop webservice emulator on loopback HTTP, for tests, offline pipeline development
 * and the demo: `/api/customers`, `/api/addresses` and `/api/groups` (list, get, POST, PUT,
 * DELETE), `/api/genders`, `/api/countries`, `/api/currencies`, `/api/order_states` and
 * `/api/orders` (read),
 * with the webservice key as the Basic auth user (or `?ws_key=`), answers in XML or JSON
 * (`output_format=JSON`, `Output-Format: JSON`; an empty JSON list is `[]`), `display`,
 * `filter[...]`, `date=1`, `sort`, `limit=offset,n`, `?schema=blank|synopsis`, XML writes
 * validated against the fields' rules with PrestaShop's error bodies, seeded data (guests
 * among the customers), a host's rate limit and the testkit's fault injection.
 *
 * ```ts
 * import * as PrestaShopEmulator from "@mapwright/connector-prestashop/emulator"
 * const running = await PrestaShopEmulator.start({ customers: 200, guests: 40, orders: 300 })
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
import type * as Respond from "@mapwright/testkit/Respond"
import type { Effect, Scope } from "effect"
import * as Model from "./internal/emulator/model.ts"
import * as Render from "./internal/emulator/render.ts"
import { formatOf, routes, type Store } from "./internal/emulator/resources.ts"
import * as Seed from "./internal/emulator/seed.ts"
import { formatIn } from "./internal/times.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same shop. */
  readonly seed?: number | string
  /** Customers, guests included (default 50). */
  readonly customers?: number
  /** How many of the customers are guests (`is_guest` 1; default a fifth). */
  readonly guests?: number
  /** Customer groups, the three stock ones included (default 5, at least 3). */
  readonly groups?: number
  /** Orders (default 40). */
  readonly orders?: number
  /**
   * The titles, by id from 1 (default the stock ones: 1 Mr., 2 Mrs.): `type` 0 male, 1 female,
   * 2 neutral, and the name, the same in every language.
   */
  readonly genders?: ReadonlyArray<{ readonly type: "0" | "1" | "2"; readonly name: string }>
  /** Records (by index, in the stream's list order) served so that they break the record schema. */
  readonly malformed?: {
    readonly customers?: ReadonlyArray<number>
    readonly groups?: ReadonlyArray<number>
    readonly orders?: ReadonlyArray<number>
    /** Fields of the customer synopsis (`?schema=synopsis`, in order), served with a `maxSize` that is not a number. */
    readonly customerAttributes?: ReadonlyArray<number>
  }
  /** The accepted webservice key (32 characters; default {@link key}). */
  readonly key?: string
  /** The shop's time zone, of every date (default Europe/Paris). */
  readonly timeZone?: string
  /** The shop's language ids (default `["1"]`; with two, JSON answers give every language). */
  readonly languages?: ReadonlyArray<string>
  /** The status of field validation errors: 400 as PrestaShop's webservice answers (default), or 500. */
  readonly validationStatus?: 400 | 500
  /** The host's rate limit (PrestaShop has none): more than `limit` requests in `windowMs` get 429. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number; readonly retryAfter?: number }
  readonly faults?: Faults.Config
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
}

/**
 * A running PrestaShop emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config that works against it. */
  readonly config: { readonly url: string; readonly key: string; readonly timeZone: string }
}

/**
 * The default webservice key.
 *
 * @since 0.1.0
 * @category constants
 */
export const key = "MAPWRIGHTPRESTASHOPEMULATORKEY01"

const hostError = (status: number): Respond.Response => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!DOCTYPE html><html><head><title>${status} Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>`
})

const tooManyRequests = (): Respond.Response => ({
  status: 429,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: "<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1></body></html>"
})

const authChallenge = {
  "WWW-Authenticate":
    'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."'
}

const basicUser = (header: string | undefined): string | undefined => {
  const m = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header)
  if (m === null) return undefined
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8")
  const at = decoded.indexOf(":")
  return at < 0 ? decoded : decoded.slice(0, at)
}

/**
 * Starts the emulator. Rejects with an `EmulatorError` for a non-loopback host or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Promise<Running> => {
  const zone = options.timeZone ?? "Europe/Paris"
  const customerCount = options.customers ?? 50
  const languages = options.languages ?? ["1"]
  const data = Seed.generate({
    seed: options.seed ?? 1,
    customers: customerCount,
    guests: options.guests ?? Math.round(customerCount / 5),
    groups: options.groups ?? 5,
    orders: options.orders ?? 40,
    zone,
    languages,
    genders:
      options.genders === undefined
        ? Seed.stockGenders
        : options.genders.map((g) => ({ type: g.type, names: [g.name, g.name] as const })),
    malformed: {
      customers: options.malformed?.customers ?? [],
      groups: options.malformed?.groups ?? [],
      orders: options.malformed?.orders ?? []
    }
  })
  const collection = (rows: ReadonlyArray<Model.Row>) =>
    Collection.make<Record<string, unknown>>({ records: rows, keepIds: true })
  let keys = 0
  const store: Store = {
    tables: {
      customers: collection(data.customers),
      addresses: collection(data.addresses),
      groups: collection(data.groups),
      genders: collection(data.genders),
      countries: collection(data.countries),
      currencies: collection(data.currencies),
      order_states: collection(data.orderStates),
      orders: collection(data.orders)
    },
    languages,
    validationStatus: options.validationStatus ?? 400,
    now: () => formatIn(Date.now(), zone),
    nextKey: () => `${(++keys).toString(16)}${"a1b2c3d4e5f6".repeat(3)}`,
    malformedSynopsis: { customers: options.malformed?.customerAttributes ?? [] }
  }
  const accepted = options.key ?? key
  const faults: Faults.Config | undefined =
    options.rateLimit === undefined ? options.faults : { ...options.faults, rateLimit: options.rateLimit }
  return Emulator.start({
    name: "prestashop emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(faults === undefined ? {} : { faults }),
    routes: Object.assign({}, ...Model.all.map((def) => routes(store, def))),
    auth: {
      check: Auth.anyOf([
        Auth.keyAsBasicUser(accepted, { realm: "Welcome to PrestaShop Webservice" }),
        Auth.query("ws_key", accepted)
      ]),
      reject: (request, outcome) => {
        const format = formatOf(request)
        if (outcome === "missing") {
          return Render.errors(
            format,
            401,
            [{ code: 16, message: "Please enter the authentication key as the login. No password required" }],
            authChallenge
          )
        }
        const given = basicUser(request.headers.authorization) ?? request.query.ws_key ?? ""
        return Render.errors(
          format,
          401,
          given === ""
            ? [{ code: 17, message: "Authentication key is empty" }]
            : given.length !== 32
              ? [{ code: 18, message: "Invalid authentication key format" }]
              : [{ code: 20, message: "Authentification key is not active" }],
          authChallenge
        )
      }
    },
    notFound: (request) => {
      const resource = request.path.replace(/^\/api\/?/, "").split("/")[0] ?? ""
      return Render.errors(formatOf(request), 400, [
        {
          code: 27,
          message: `Resource of type "${resource}" does not exists. Did you mean: "customers"? The full list is: "${Model.all.map((d) => d.name).join('", "')}"`
        }
      ])
    },
    badRequest: (request, message) => Render.errors(formatOf(request), 400, [{ code: 127, message }]),
    internalError: (request, error) =>
      Render.errors(formatOf(request), 500, [
        { code: 2, message: `[PHP Error #1] ${error instanceof Error ? error.message : String(error)}` }
      ]),
    faultResponse: (_request, status) => hostError(status),
    rateLimited: () => tooManyRequests()
  }).then((running) => ({ ...running, config: { url: running.url, key: accepted, timeZone: zone } }))
}

/**
 * Starts the emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Emulator.scoped(start)(options)
