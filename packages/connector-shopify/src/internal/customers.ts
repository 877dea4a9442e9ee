/**
 * The customers stream's operations: list (by `updatedAt`, resumable; then, with
 * `includeGuests`, the guests of orders without a customer), count, get, find, and the writes.
 */
import { Connector, ConnectorError, Pagination } from "@mapwright/core"
import { Effect, Schema, Stream } from "effect"
import * as Checkpoint from "./checkpoint.ts"
import { at, connectorName, type GraphQL, invalidResponse } from "./graphql.ts"
import * as Guests from "./guests.ts"
import { fetchPage, readUpdated } from "./pages.ts"
import * as Q from "./queries.ts"
import { CustomersOptions, projectCustomer, projectOrder } from "./streams.ts"
import * as Writes from "./writes.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export interface Context {
  readonly gql: GraphQL
  readonly pageSize: number
  readonly maxPageSize: number
}

const optionsOf = (raw: unknown): CustomersOptions | ConnectorError.ConnectorError => {
  const exit = Schema.decodeUnknownExit(CustomersOptions)(raw ?? {}, { onExcessProperty: "error" })
  if (exit._tag === "Success") return exit.value
  return new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "Unknown",
    message: "the customers stream's options are invalid: it takes { includeGuests?: boolean }",
    retryable: false
  })
}

export const pageSizeOf = (context: Context, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked)
    ? context.pageSize
    : Math.min(context.maxPageSize, Math.max(1, asked))

const registered = (context: Context, from: Checkpoint.Position | undefined, pageSize: number) =>
  readUpdated(context.gql, "customers page", Q.customers, "customers", { from, pageSize })

/** The lower-cased emails among `emails` that registered customers have. */
const registeredAmong = (
  context: Context,
  emails: ReadonlyArray<string>
): Effect.Effect<ReadonlySet<string>, ConnectorError.ConnectorError> =>
  emails.length === 0
    ? Effect.succeed(new Set())
    : Effect.map(
        context.gql.request("registered emails", Q.registeredEmails, {
          first: Math.min(250, emails.length * 2),
          query: emails.map((e) => `email:${Q.quote(e)}`).join(" OR ")
        }),
        ({ data }) => {
          const nodes = at(data, "customers", "nodes")
          const out = new Set<string>()
          if (Array.isArray(nodes)) {
            for (const n of nodes) {
              const email = at(n, "defaultEmailAddress", "emailAddress")
              if (typeof email === "string") out.add(email.trim().toLowerCase())
            }
          }
          return out
        }
      )

/**
 * The guests of the orders after `after` (numeric order id), by id. A page of orders is read,
 * the emails of its guests looked up among registered customers (one query), and each new
 * guest yielded with a checkpoint that skips the orders up to the next guest yielded.
 */
const guests = (
  context: Context,
  after: string | undefined,
  pageSize: number,
  position: () => Checkpoint.Position | undefined
): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    const seen = new Set<string>()
    const query = after === undefined ? null : `id:>${after}`
    return Pagination.cursor({
      fetch: (cursor) =>
        Effect.map(
          fetchPage(context.gql, "orders page (guests)", Q.orders, "orders", {
            first: pageSize,
            after: cursor ?? null,
            query,
            sortKey: "ID"
          }),
          (page) => ({ items: [page.nodes], next: page.hasNextPage ? page.endCursor : undefined })
        )
    }).pipe(
      Pagination.asConnectorError(connectorName),
      Stream.mapEffect((nodes) =>
        Effect.gen(function* () {
          const orders = nodes.map((n) => projectOrder(n))
          const candidates = new Set<string>()
          for (const order of orders) {
            if (!Guests.isGuestOrder(order)) continue
            const email = Guests.emailOf(order)
            if (email !== undefined && !seen.has(email)) candidates.add(email)
          }
          const known = yield* registeredAmong(context, [...candidates])
          const picked: Array<{ readonly index: number; readonly guest: Json }> = []
          orders.forEach((order, index) => {
            const guest = Guests.fromOrder(order)
            if (guest === undefined) return
            const key = String(guest.id)
            if (seen.has(key) || known.has(key)) return
            seen.add(key)
            picked.push({ index, guest })
          })
          return picked.map(({ guest }, k): Connector.ReadItem => {
            // the orders up to the next guest yielded are considered once this one is
            const until = (picked[k + 1]?.index ?? orders.length) - 1
            const order = Checkpoint.numericId(isObject(orders[until]) ? orders[until].id : undefined)
            return {
              record: projectCustomer(guest),
              checkpoint: Checkpoint.format({ position: position(), order: order ?? after })
            }
          })
        })
      ),
      Stream.flatMap((items) => Stream.fromIterable(items))
    )
  })

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return Stream.fail(opts)
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    const pageSize = pageSizeOf(context, options.pageSize)
    const withGuests = opts.includeGuests === true
    let last = from.position
    const customers = registered(context, from.position, pageSize).pipe(
      Stream.map((item): Connector.ReadItem => {
        last = item.position
        return {
          record: projectCustomer(item.record),
          checkpoint: Checkpoint.format({
            position: item.position,
            order: withGuests ? from.order : undefined
          })
        }
      })
    )
    if (!withGuests) return customers
    return Stream.concat(
      customers,
      guests(context, from.order, pageSize, () => last)
    )
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  Effect.gen(function* () {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return yield* opts
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return yield* from
    if (opts.includeGuests === true) {
      // guests are known only by reading the orders
      return yield* Stream.runCount(list(context, options))
    }
    const query = from.position === undefined ? null : `updated_at:>'${from.position.updatedAt}'`
    const { data } = yield* context.gql.request("customers count", Q.customersCount, { query })
    const n = at(data, "customersCount", "count")
    if (typeof n !== "number" || !Number.isInteger(n)) {
      return yield* invalidResponse("customers count: the answer has no customersCount { count }")
    }
    return n
  })

/** A customer id as a GID: a GID as it is, a number as `gid://shopify/Customer/<n>`. */
export const toGid = (id: string): string | undefined => {
  if (/^\d{1,20}$/.test(id)) return `gid://shopify/Customer/${id}`
  return /^gid:\/\/shopify\/Customer\/\d{1,20}$/.test(id) ? id : undefined
}

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> => {
  const gid = toGid(id)
  if (gid === undefined) return Effect.succeed(undefined)
  return Effect.map(context.gql.request("customer", Q.customer, { id: gid }), ({ data }) =>
    isObject(data.customer) ? projectCustomer(data.customer) : undefined
  )
}

/** Canonical match paths, as the customer record has them. */
const nativePath: Readonly<Record<string, string>> = {
  email: "defaultEmailAddress.emailAddress",
  phone: "defaultPhoneNumber.phoneNumber"
}

const matches = (record: unknown, match: Readonly<Record<string, string>>): boolean =>
  Connector.matches(record, match, {
    ignoreCase: (path) => path === "email" || path.endsWith("emailAddress"),
    pathOf: (path) => nativePath[path] ?? path
  })

/** The most customers a find reads: an email or phone matches one, a text search a few. */
const findLimit = 25

const searchFor = (match: Readonly<Record<string, string>>): string => {
  const email = match.email ?? match["defaultEmailAddress.emailAddress"]
  if (email !== undefined) return `email:${Q.quote(email.trim())}`
  const phone = match.phone ?? match["defaultPhoneNumber.phoneNumber"]
  if (phone !== undefined) return `phone:${Q.quote(phone.trim())}`
  return Q.quote(Object.values(match)[0] ?? "")
}

/**
 * Customers whose fields equal `match`: by `id` (a get), else by a search (`email:"..."`,
 * `phone:"..."`, else the first value as text), kept when every field matches (`email` and
 * `phone` are the record's `defaultEmailAddress.emailAddress` and `defaultPhoneNumber.phoneNumber`).
 */
export const find = (
  context: Context,
  match: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    if (Object.keys(match).length === 0) return []
    if (match.id !== undefined) {
      const { id, ...others } = match
      const found = yield* get(context, id)
      return found !== undefined && matches(found, others) ? [found] : []
    }
    const { data } = yield* context.gql.request("customers search", Q.customers, {
      first: findLimit,
      after: null,
      query: searchFor(match)
    })
    const nodes = at(data, "customers", "nodes")
    if (!Array.isArray(nodes))
      return yield* invalidResponse("customers search: the answer has no customers { nodes }")
    return nodes.map((n) => projectCustomer(n)).filter((r) => matches(r, match))
  })

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Writes.write(context.gql, "create", records, Writes.prepareCreate, {
    idempotent: false,
    translateVariable: Writes.variableTranslator("create")
  })

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Writes.write(context.gql, "update", items, Writes.prepareUpdate, {
    idempotent: true,
    translateVariable: Writes.variableTranslator("update")
  })

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  Writes.write(context.gql, "delete", ids, Writes.prepareDelete, {
    idempotent: false,
    translateVariable: Writes.variableTranslator("delete")
  })
