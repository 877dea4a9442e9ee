/**
 * The reads of the customers stream: list (a keyset walk on id), count, get and find.
 */
import { Connector, ConnectorError, type Http, Pagination } from "@mapwright/core"
import { Effect, Schema, Stream } from "effect"
import { maxPageSize } from "../Config.ts"
import { readFields } from "../Customer.ts"
import { connectorName, invalidResponse, isObject, type Json, methods, read } from "./api.ts"
import * as Checkpoint from "./checkpoint.ts"
import { CustomersOptions } from "./streams.ts"

export interface Context {
  readonly http: Http.Http
  readonly pageSize: number
  /** Keeps a payload to its documented fields and adds the UTC twins of its shop times. */
  readonly customer: (raw: unknown) => unknown
}

const optionsOf = (raw: unknown): CustomersOptions | ConnectorError.ConnectorError => {
  const exit = Schema.decodeUnknownExit(CustomersOptions)(raw ?? {}, { onExcessProperty: "error" })
  if (exit._tag === "Success") return exit.value
  return new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "Unknown",
    message:
      "the customers stream's options are invalid: it takes { readPasswordHashes?: boolean, canLogin?: boolean, " +
      "group?: 1 to 255, country?: ISO code, labels?: [1 to 32] }",
    retryable: false
  })
}

/** The find conditions of the options. */
const conditionsOf = (options: CustomersOptions): Json => ({
  ...(options.canLogin === undefined ? {} : { canLogin: options.canLogin }),
  ...(options.group === undefined ? {} : { group: options.group }),
  ...(options.country === undefined ? {} : { country: options.country }),
  ...(options.labels === undefined ? {} : { labels: options.labels })
})

const fieldsOf = (options: CustomersOptions): ReadonlyArray<string> =>
  options.readPasswordHashes === true ? [...readFields, "encryptedPassword"] : readFields

const describe = (u: unknown): string =>
  u === undefined ? "nothing" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

export const pageSizeOf = (context: { readonly pageSize: number }, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked)
    ? context.pageSize
    : Math.min(maxPageSize, Math.max(1, asked))

const idOf = (item: unknown): number | undefined => {
  const id = isObject(item) ? item.id : undefined
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/** One page of `customers.find`: customers with an id after `after`, in id order. */
const page = (
  context: Context,
  conditions: Json,
  fields: ReadonlyArray<string>,
  after: number | undefined,
  limit: number
): Effect.Effect<{ readonly items: ReadonlyArray<Json> }, ConnectorError.ConnectorError> =>
  read(context.http, methods.find, {
    conditions: after === undefined ? conditions : { ...conditions, after },
    fields,
    order: ["id"],
    limit
  }).pipe(
    Effect.flatMap((body) => {
      const customers = body.customers
      if (!Array.isArray(customers)) {
        return Effect.fail(
          invalidResponse(`${methods.find}: expected "customers" to be an array, got ${describe(customers)}`)
        )
      }
      // the walk goes on from the last id: a customer without one cannot be paged past
      const noId = customers.findIndex((c) => idOf(c) === undefined)
      if (noId >= 0) {
        return Effect.fail(
          invalidResponse(
            `${methods.find}: customer ${noId} of the page has no numeric id, so the read cannot go on past it`
          )
        )
      }
      return Effect.succeed({ items: customers as ReadonlyArray<Json> })
    })
  )

/** Every customer matching `conditions` after `from`, with the id to resume after it. */
const walk = (
  context: Context,
  conditions: Json,
  fields: ReadonlyArray<string>,
  from: number | undefined,
  pageSize: number
) =>
  Pagination.keyset({
    after: from,
    pageSize,
    fetch: (after: number | undefined) => page(context, conditions, fields, after, pageSize),
    keyOf: (item: Json) => idOf(item) ?? 0,
    withResume: true
  }).pipe(Pagination.asConnectorError(connectorName))

export const list = (
  context: Context,
  options: Connector.ListOptions
): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return Stream.fail(opts)
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    return walk(
      context,
      conditionsOf(opts),
      fieldsOf(opts),
      from,
      pageSizeOf(context, options.pageSize)
    ).pipe(
      Stream.map(
        (paged): Connector.ReadItem => ({
          record: context.customer(paged.item),
          checkpoint: Checkpoint.format(paged.resume)
        })
      )
    )
  })

export const count = (
  context: Context,
  options: Connector.ListOptions
): Effect.Effect<number, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return yield* opts
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return yield* from
    const conditions = conditionsOf(opts)
    const body = yield* read(context.http, methods.count, {
      conditions: from === undefined ? conditions : { ...conditions, after: from }
    })
    const n = body.count
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
      return yield* invalidResponse(`${methods.count}: expected "count" to be an integer, got ${describe(n)}`)
    }
    return n
  })

const isId = (id: string): boolean => /^[1-9]\d{0,14}$/.test(id)

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? read(context.http, methods.get, { id: Number(id), fields: readFields }).pipe(
        Effect.flatMap((body) => {
          const customer = body.customer
          if (customer === null || customer === undefined) return Effect.succeed(undefined)
          if (!isObject(customer)) {
            return Effect.fail(
              invalidResponse(
                `${methods.get}: expected "customer" to be an object or null, got ${describe(customer)}`
              )
            )
          }
          return Effect.succeed(context.customer(customer))
        })
      )
    : Effect.succeed(undefined)

/** Match keys that are canonical names of native fields (a pipeline's `match: [email]`). */
const aliases: Readonly<Record<string, string>> = {
  email: "billingAddress.email",
  firstName: "billingAddress.firstName",
  lastName: "billingAddress.lastName",
  company: "billingAddress.companyName"
}

/** Match keys Open2b can find by itself, and the condition each one is. */
const conditionOf: Readonly<Record<string, string>> = {
  "billingAddress.email": "email",
  code: "code",
  "billingAddress.personalCode": "personalCode",
  "billingAddress.companyCode": "companyCode"
}

/** The fields Open2b's `keywords` condition searches. */
const keywordPaths = new Set([
  "code",
  "fullName",
  "billingAddress.firstName",
  "billingAddress.lastName",
  "billingAddress.companyName",
  "billingAddress.personalCode",
  "billingAddress.companyCode"
])

const isEmailPath = (path: string) => path === "billingAddress.email"

const matches = (record: unknown, match: ReadonlyArray<readonly [string, string]>): boolean =>
  Connector.matches(record, Object.fromEntries(match), { ignoreCase: isEmailPath })

/**
 * Customers whose fields equal `match` (native paths, or `email`, `firstName`, `lastName`,
 * `company`): by `id` a get; by email, code, personal code or company code Open2b's own
 * conditions; by a name, Open2b's `keywords` search; by any other field, every customer is read.
 * Every field is then checked on the records found (an email without regard to case).
 */
export const find = (
  context: Context,
  match: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const entries = Object.entries(match).map(([k, v]) => [aliases[k] ?? k, v] as const)
    if (entries.length === 0) return []
    const byId = entries.find(([k]) => k === "id")
    if (byId !== undefined) {
      const found = yield* get(context, byId[1])
      return found !== undefined && matches(found, entries) ? [found] : []
    }
    const conditions: Record<string, unknown> = {}
    for (const [path, value] of entries) {
      const condition = conditionOf[path]
      if (condition !== undefined) conditions[condition] = isEmailPath(path) ? value.trim() : value
    }
    if (Object.keys(conditions).length === 0) {
      // keywords search the code, the name, the personal and company codes and the email; a key
      // they do not cover is looked for in every customer
      const searchable = entries.find(([path, value]) => keywordPaths.has(path) && value.trim().length <= 120)
      if (searchable !== undefined) {
        if (searchable[1].trim() === "") return []
        conditions.keywords = searchable[1].trim()
      }
    }
    const found = yield* Stream.runCollect(walk(context, conditions, readFields, undefined, context.pageSize))
    return found.map((p) => context.customer(p.item)).filter((r) => matches(r, entries))
  })
