/**
 * An emulator of the XML ResultSet API (seed 001) on loopback HTTP, built with the testkit:
 * `/API/V3/<resource specification>` with `+` joins, `<ResultSet>` bodies shaped like the
 * seed's, the connector's documented paging, auth, error bodies and write results (README,
 * "Decisions"), seeded deterministic customers and groups (some defective, on request), a rate
 * limit and fault injection.
 *
 * | request | answer |
 * |---|---|
 * | `GET /API/V3/Customer[+UserCustomerGroups\|+(UserCustomerGroups+UserGroups)]?page=1&limit=100` | a page, `<ResultSet page limit pages total>`; other query parameters are exact-match filters on Customer fields (`email` ignores case) |
 * | `GET /API/V3/<spec>/<username>` | one customer, or 404 `NotFound` |
 * | `POST /API/V3/Customer[+UserCustomerGroups]` | upserts each `<Customer>` on `username` (the password hashed); each answered with `result="created\|updated\|unchanged\|error"` |
 * | `PUT /API/V3/Customer[+UserCustomerGroups]/<username>` | updates the fields given; 404 `NotFound` when there is no such customer |
 * | `GET /API/V3/UserGroups[/<code>]`, `POST /API/V3/UserGroups` | the groups, paged; upserts on `code` |
 *
 * Memberships: `<UserCustomerGroup>`s sent through the join replace the customer's memberships
 * (each keeps its `code` when its `group_code` was there before); a customer sent without any
 * keeps them. A `group_code` must name an existing UserGroup unless `autoCreateGroups` is set.
 *
 * ```ts
 * const running = await XmlResultSetEmulator.start({ customers: 500, defects: 2 })
 * // running.config is a connector config for it: { baseUrl, apiKey }
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */
import { type Auth, Emulator, type Faults, Page, Respond } from "@mapwright/testkit"
import type { Scope } from "effect"
import { Effect, Result } from "effect"
import * as Seed from "./internal/emulatorSeed.ts"
import * as Store from "./internal/emulatorStore.ts"
import * as Orders from "./internal/orders.ts"
import * as ResourceSpec from "./ResourceSpec.ts"
import * as ResultSet from "./ResultSet.ts"
import * as Xml from "./Xml.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Seed of the generated data (default 1): the same seed gives the same customers. */
  readonly seed?: number | string
  /** How many customers to generate (default 25). */
  readonly customers?: number
  /** How many defective customers of each kind (missing username, malformed email, non-numeric discount, unknown country); default 0. */
  readonly defects?: number
  /**
   * Indexes (0-based, in list order) of customers whose XML breaks the Customer record schema
   * (a field holding elements instead of text, an element the schema does not know): for
   * testing that a read goes on past them.
   */
  readonly malformed?: ReadonlyArray<number>
  /** How many UserGroups to seed (default 5: retail, wholesale, vip, dealer, newsletter; more are generated). */
  readonly groups?: number
  /** Indexes of UserGroups whose XML breaks the UserGroup record schema. */
  readonly malformedGroups?: ReadonlyArray<number>
  /** Fault injection (latency, 5xx, 429, dropped connections, malformed bodies); see the testkit. */
  readonly faults?: Faults.Config
  /** A fixed-window rate limit: more than `limit` requests in `windowMs` get 429 with `Retry-After`. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number; readonly retryAfter?: number }
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  /** A loopback address (default 127.0.0.1). */
  readonly host?: string
  /** The API key it accepts (default {@link defaultApiKey}). */
  readonly apiKey?: string
  /** The header carrying the key (default Authorization). */
  readonly authHeader?: string
  /** The scheme before the key (default Bearer; "" for the bare key). */
  readonly authScheme?: string
  /** Paging parameter names (default page and limit). */
  readonly pageParam?: string
  readonly limitParam?: string
  /** Page size when a request gives none (default 100) and the largest one served (default 1000; larger is cut down). */
  readonly defaultLimit?: number
  readonly maxLimit?: number
  /** Put `pages` and `total` on every page (default true); without them clients stop at a short page. */
  readonly totals?: boolean
  /** Create a UserGroup for an unknown `group_code` instead of refusing the record (default false). */
  readonly autoCreateGroups?: boolean
}

/**
 * The key an emulator accepts unless told otherwise.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultApiKey = "xml-resultset-emulator-key"

/**
 * A defective seeded customer.
 *
 * @since 0.1.0
 * @category models
 */
export interface Defective {
  readonly index: number
  readonly kind: Seed.Defect
  /** Its username (absent for `missingUsername`). */
  readonly username: string | undefined
}

/**
 * A running emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running extends Emulator.Running {
  /** A connector config for this emulator (its URL, key and auth settings). */
  readonly config: {
    readonly baseUrl: string
    readonly apiKey: string
    readonly authHeader?: string
    readonly authScheme?: string
    readonly pageParam?: string
    readonly limitParam?: string
  }
  /** The defective customers it was seeded with, in order. */
  readonly defects: ReadonlyArray<Defective>
  /** How many customers it holds now. */
  readonly customerCount: () => number
}

const apiRoot = "/API/V3"

const xmlError = (status: number, code: string, message: string): Respond.Response =>
  Respond.xml(ResultSet.errorBody([{ code, message }]), { status })

const xmlBody = (input: Xml.BuildInput): Respond.Response => {
  const built = Xml.build(input)
  if (Result.isFailure(built)) return xmlError(500, "InternalError", built.failure)
  return Respond.xml(built.success)
}

const fail = (status: number, code: string, message: string): never => {
  throw new Respond.Failure(xmlError(status, code, message), message)
}

interface Target {
  readonly kind: "Customer" | "UserGroups"
  readonly groups: boolean
  readonly userGroups: boolean
}

const targetOf = (text: string): Target => {
  const parsed = ResourceSpec.parse(text)
  if (Result.isFailure(parsed))
    return fail(400, "InvalidRequest", `bad resource specification: ${parsed.failure}`)
  const spec = parsed.success
  if (spec.resource === "Customer") {
    const ucg = ResourceSpec.join(spec, "UserCustomerGroups")
    return {
      kind: "Customer",
      groups: ucg !== undefined,
      userGroups: ucg !== undefined && ResourceSpec.joins(ucg, "UserGroups")
    }
  }
  if (spec.resource === "UserGroups") return { kind: "UserGroups", groups: false, userGroups: false }
  return fail(
    400,
    "InvalidRequest",
    `${spec.resource} is not served on its own here: read it through Customer`
  )
}

/** Element orders of write answers: a refused record ends with its `<Error>`s. */
const writeOrders: Readonly<Record<string, Xml.Order>> = {
  Customer: {
    ...Orders.customer,
    children: { ...Orders.customer.children, Error: ResultSet.errorElementOrder }
  },
  UserGroup: { ...Orders.userGroup, children: { Error: ResultSet.errorElementOrder } }
}

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0

/**
 * Starts an emulator. Rejects with the testkit's `EmulatorError` for a non-loopback host, a
 * port in use or bad options.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: Options = {}): Promise<Running> => {
  const seed = options.seed ?? 1
  const count = options.customers ?? 25
  const perKind = options.defects ?? 0
  if (!isCount(count) || !isCount(perKind)) {
    throw new Emulator.EmulatorError({
      message: `xml-resultset emulator: customers and defects must be whole numbers >= 0, got ${count} and ${perKind}`
    })
  }
  const apiKey = options.apiKey ?? defaultApiKey
  const authHeader = options.authHeader ?? "Authorization"
  const authScheme = options.authScheme ?? "Bearer"
  const pageParam = options.pageParam ?? "page"
  const limitParam = options.limitParam ?? "limit"
  const totals = options.totals ?? true

  const groupCount = options.groups ?? Seed.namedGroupCount
  if (!isCount(groupCount)) {
    throw new Emulator.EmulatorError({
      message: `xml-resultset emulator: groups must be a whole number >= 0, got ${groupCount}`
    })
  }
  const store = Store.make({ autoCreateGroups: options.autoCreateGroups ?? false })
  const seededGroups = Seed.userGroups(groupCount)
  for (const [i, g] of seededGroups.entries())
    store.insertGroup(g, (options.malformedGroups ?? []).includes(i))
  const seeded = Seed.customers(
    seed,
    count,
    perKind,
    seededGroups.map((g) => g.code!)
  )
  for (const [i, c] of seeded.entries())
    store.insertSeeded(c.fields, c.groups, (options.malformed ?? []).includes(i))
  const defects: ReadonlyArray<Defective> = seeded.flatMap((c, index) =>
    c.defect === undefined ? [] : [{ index, kind: c.defect, username: c.fields.username }]
  )

  const renderCustomer = (c: Store.StoredCustomer, target: Target) =>
    Store.render(c, { groups: target.groups, userGroups: target.userGroups }, store.group)

  const filtersOf = (
    request: Emulator.Request,
    fields: ReadonlyArray<string>
  ): ReadonlyArray<readonly [string, string]> =>
    Object.entries(request.query).flatMap(([name, value]): ReadonlyArray<readonly [string, string]> => {
      if (name === pageParam || name === limitParam) return []
      if (!fields.includes(name) || name === "password") {
        return fail(
          400,
          "InvalidRequest",
          `unknown filter ${JSON.stringify(name)}: filter on a field of the resource`
        )
      }
      return [[name, value]]
    })

  const matches = (row: Store.Row, filters: ReadonlyArray<readonly [string, string]>) =>
    filters.every(([name, value]) =>
      name === "email" ? (row[name] ?? "").toLowerCase() === value.toLowerCase() : (row[name] ?? "") === value
    )

  const pageOf = <A>(items: ReadonlyArray<A>, request: Emulator.Request) => {
    const page = Page.byNumber(items, request, {
      pageParam,
      sizeParam: limitParam,
      defaultSize: options.defaultLimit ?? 100,
      maxSize: options.maxLimit ?? 1000,
      clamp: true,
      link: [],
      invalid: (message) => xmlError(400, "InvalidRequest", message)
    })
    const attributes: Record<string, string> = { page: String(page.page), limit: String(page.pageSize) }
    if (totals) {
      attributes.pages = String(page.totalPages)
      attributes.total = String(page.total)
    }
    return { items: page.items, attributes }
  }

  const list = (request: Emulator.Request): Respond.Response => {
    const target = targetOf(request.params.spec ?? "")
    if (target.kind === "UserGroups") {
      const filters = filtersOf(request, Store.groupFields)
      const page = pageOf(
        store.groups().filter((g) => matches(g, filters)),
        request
      )
      return xmlBody({
        attributes: page.attributes,
        elements: page.items.map((g) => ({
          name: "UserGroup",
          record: Store.renderGroup(g, store.malformedGroup(g.code ?? ""))
        })),
        orders: Orders.byElement
      })
    }
    const filters = filtersOf(request, Store.customerFields)
    const page = pageOf(
      store.customers().filter((c) => matches(c.fields, filters)),
      request
    )
    return xmlBody({
      attributes: page.attributes,
      elements: page.items.map((c) => ({ name: "Customer", record: renderCustomer(c, target) })),
      orders: Orders.byElement
    })
  }

  const one = (request: Emulator.Request): Respond.Response => {
    const target = targetOf(request.params.spec ?? "")
    const key = request.params.key ?? ""
    if (target.kind === "UserGroups") {
      const group = store.group(key)
      if (group === undefined)
        return xmlError(404, "NotFound", `there is no UserGroup with code ${JSON.stringify(key)}`)
      return xmlBody({
        elements: [{ name: "UserGroup", record: Store.renderGroup(group, store.malformedGroup(key)) }],
        orders: Orders.byElement
      })
    }
    const customer = store.customer(key)
    if (customer === undefined)
      return xmlError(404, "NotFound", `there is no Customer with username ${JSON.stringify(key)}`)
    return xmlBody({
      elements: [{ name: "Customer", record: renderCustomer(customer, target) }],
      orders: Orders.byElement
    })
  }

  const recordsOf = (request: Emulator.Request, element: string): ReadonlyArray<Xml.XmlRecord> => {
    const document = Xml.parse(request.text)
    if (Result.isFailure(document)) return fail(400, "InvalidRequest", document.failure)
    const others = document.success.elements.filter((e) => e.name !== element).map((e) => `<${e.name}>`)
    if (others.length > 0)
      return fail(400, "InvalidRequest", `expected <${element}> records, found ${others[0]}`)
    const records = Xml.records(document.success, element)
    if (records.length === 0) return fail(400, "InvalidRequest", `the body has no <${element}>`)
    return records
  }

  const answer = (outcome: Store.WriteOutcome, element: string, render: (key: string) => Xml.XmlRecord) =>
    outcome._tag === "Written"
      ? {
          name: element,
          attributes: { [ResultSet.resultAttribute]: outcome.outcome },
          record: render(outcome.username)
        }
      : {
          name: element,
          attributes: { [ResultSet.resultAttribute]: "error" },
          record: ResultSet.failedRecord(outcome.key, outcome.errors)
        }

  const post = (request: Emulator.Request): Respond.Response => {
    const target = targetOf(request.params.spec ?? "")
    if (target.kind === "UserGroups") {
      const elements = recordsOf(request, "UserGroup").map((record) =>
        answer(store.upsertGroup(record), "UserGroup", (code) => store.group(code)!)
      )
      return xmlBody({ elements, orders: writeOrders })
    }
    const elements = recordsOf(request, "Customer").map((record) =>
      answer(store.upsertCustomer(record, target.groups), "Customer", (u) =>
        renderCustomer(store.customer(u)!, target)
      )
    )
    return xmlBody({ elements, orders: writeOrders })
  }

  const put = (request: Emulator.Request): Respond.Response => {
    const target = targetOf(request.params.spec ?? "")
    if (target.kind !== "Customer")
      return xmlError(405, "InvalidRequest", "PUT updates customers: PUT /API/V3/Customer/<username>")
    const records = recordsOf(request, "Customer")
    if (records.length !== 1)
      return xmlError(400, "InvalidRequest", `a PUT takes one <Customer>, not ${records.length}`)
    const key = request.params.key ?? ""
    const outcome = store.updateCustomer(key, records[0]!, target.groups)
    if (outcome === "NotFound")
      return xmlError(404, "NotFound", `there is no Customer with username ${JSON.stringify(key)}`)
    return xmlBody({
      elements: [answer(outcome, "Customer", (u) => renderCustomer(store.customer(u)!, target))],
      orders: writeOrders
    })
  }

  const expected = authScheme === "" ? apiKey : `${authScheme} ${apiKey}`
  const check: Auth.Check = {
    ...(authScheme === "" ? {} : { challenge: authScheme }),
    verify: (request) => {
      const value = request.headers[authHeader.toLowerCase()]
      if (value === undefined || value === "") return "missing"
      const [scheme, ...rest] = value.split(" ")
      const ok =
        authScheme === ""
          ? value === expected
          : scheme?.toLowerCase() === authScheme.toLowerCase() && rest.join(" ") === apiKey
      return ok ? "ok" : "invalid"
    }
  }

  const running = await Emulator.start({
    name: "xml-resultset emulator",
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    routes: {
      [`GET ${apiRoot}/:spec`]: list,
      [`GET ${apiRoot}/:spec/:key`]: one,
      [`POST ${apiRoot}/:spec`]: post,
      [`PUT ${apiRoot}/:spec/:key`]: put,
      [`PUT ${apiRoot}/:spec`]: () =>
        xmlError(405, "InvalidRequest", "a PUT names the customer: PUT /API/V3/Customer/<username>")
    },
    auth: {
      check,
      reject: (_request, outcome) =>
        xmlError(
          401,
          "Unauthorized",
          outcome === "missing" ? "the API key is missing" : "the API key is not valid"
        )
    },
    faults: {
      ...options.faults,
      ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit })
    },
    notFound: (request) => xmlError(404, "NoSuchResource", `there is no ${request.method} ${request.path}`),
    badRequest: (_request, message) => xmlError(400, "InvalidRequest", message),
    internalError: (_request, error) =>
      xmlError(500, "InternalError", error instanceof Error ? error.message : String(error)),
    faultResponse: (_request, status) =>
      xmlError(status, "Unavailable", "the service is unavailable, try again later"),
    rateLimited: (_request, seconds) =>
      xmlError(429, "RateLimited", `too many requests, try again in ${seconds} s`)
  })
  return {
    ...running,
    config: {
      baseUrl: running.url,
      apiKey,
      ...(options.authHeader === undefined ? {} : { authHeader }),
      ...(options.authScheme === undefined ? {} : { authScheme }),
      ...(options.pageParam === undefined ? {} : { pageParam }),
      ...(options.limitParam === undefined ? {} : { limitParam })
    },
    defects,
    customerCount: () => store.customers().length
  }
}

/**
 * Starts an emulator for the life of the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: Options = {}): Effect.Effect<Running, Emulator.EmulatorError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: () => start(options),
      catch: (e) =>
        e instanceof Emulator.EmulatorError
          ? e
          : new Emulator.EmulatorError({ message: e instanceof Error ? e.message : String(e) })
    }),
    (running) => Effect.promise(() => running.close())
  )
