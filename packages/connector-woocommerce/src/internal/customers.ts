/**
 * The customers stream's operations: list (every role, by id; then, with `includeGuests`, the
 * guests of guest orders), count, get, find, and writes through `/customers/batch`.
 */
import { Connector, ConnectorError, type Http } from "@mapwright/core"
import { Effect, Schema, Stream } from "effect"
import { readOnlyFields } from "../Customer.ts"
import * as Batch from "./batch.ts"
import * as Checkpoint from "./checkpoint.ts"
import * as Guests from "./guests.ts"
import { connectorName, fetchPage, readFrom } from "./pages.ts"
import { CustomersOptions } from "./streams.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export interface Context {
  readonly http: Http.Http
  readonly pageSize: number
  /** Keeps a payload to its documented fields and fills missing `_gmt` dates. */
  readonly customer: (raw: unknown) => unknown
  readonly order: (raw: unknown) => unknown
}

const listQuery = { role: "all", orderby: "id", order: "asc" } as const

const start: Checkpoint.Position = { offset: 0, after: undefined }

/** Guest orders are read in id order too, so the first order of a guest is the one kept. */
const ordersQuery = { orderby: "id", order: "asc" } as const

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

const emailOf = (record: unknown): string | undefined =>
  isObject(record) && typeof record.email === "string" && record.email.trim() !== ""
    ? record.email.trim().toLowerCase()
    : undefined

export const pageSizeOf = (context: { readonly pageSize: number }, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked) ? context.pageSize : Math.min(100, Math.max(1, asked))

const registered = (context: Context, from: Checkpoint.Position, pageSize: number) =>
  readFrom(context.http, "customers", listQuery, from, pageSize)

/**
 * Guests of guest orders from `offset` on, deduplicated against `seen` (lower-cased emails of
 * the registered customers and of the guests already yielded; order ids for guests without
 * an email). Only `seen` grows with the read: orders are not kept.
 */
const guests = (
  context: Context,
  from: Checkpoint.Position,
  pageSize: number,
  seen: Set<string>
): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  readFrom(context.http, "orders", ordersQuery, from, pageSize).pipe(
    Stream.map((paged): Connector.ReadItem | undefined => {
      const guest = Guests.fromOrder(context.order(paged.item))
      if (guest === undefined) return undefined
      const key = String(guest.id)
      if (seen.has(key)) return undefined
      seen.add(key)
      return { record: guest, checkpoint: Checkpoint.formatCustomers({ phase: "guests", ...paged.resume }) }
    }),
    Stream.filter((item): item is Connector.ReadItem => item !== undefined)
  )

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return Stream.fail(opts)
    const from = Checkpoint.parseCustomers(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    const pageSize = pageSizeOf(context, options.pageSize)
    if (opts.includeGuests !== true) {
      if (from.phase === "guests") return Stream.empty
      return registered(context, from, pageSize).pipe(
        Stream.map(
          (paged): Connector.ReadItem => ({
            record: context.customer(paged.item),
            checkpoint: Checkpoint.formatCustomers({ phase: "customers", ...paged.resume })
          })
        )
      )
    }
    // a guest whose email is a registered customer's is that customer: remember their emails
    const seen = new Set<string>()
    const remember = (record: unknown) => {
      const email = emailOf(record)
      if (email !== undefined) seen.add(email)
    }
    const customers: Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =
      from.phase === "customers"
        ? registered(context, from, pageSize).pipe(
            Stream.map((paged): Connector.ReadItem => {
              const record = context.customer(paged.item)
              remember(record)
              return {
                record,
                checkpoint: Checkpoint.formatCustomers({ phase: "customers", ...paged.resume })
              }
            })
          )
        : // resuming among the guests: learn again, yielding nothing, the registered emails and
          // the guests of the orders up to the checkpoint
          Stream.concat(
            registered(context, start, pageSize).pipe(
              Stream.tap((paged) => Effect.sync(() => remember(context.customer(paged.item)))),
              Stream.drain
            ),
            readFrom(context.http, "orders", ordersQuery, start, pageSize).pipe(
              Stream.takeWhile((paged) => {
                const id = Guests.orderId(paged.item)
                return from.after !== undefined && (id === undefined || id <= from.after)
              }),
              Stream.tap((paged) =>
                Effect.sync(() => {
                  const guest = Guests.fromOrder(context.order(paged.item))
                  if (guest !== undefined) seen.add(String(guest.id))
                })
              ),
              Stream.drain
            )
          )
    return Stream.concat(
      customers,
      Stream.suspend(() => guests(context, from.phase === "guests" ? from : start, pageSize, seen))
    )
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  Effect.gen(function* () {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return yield* opts
    if (opts.includeGuests === true) {
      // guests are known only by reading every order
      return yield* Stream.runCount(list(context, { ...options, since: undefined }))
    }
    const page = yield* fetchPage(context.http, "customers", listQuery, 1, 1)
    if (page.total === undefined) {
      return yield* new ConnectorError.ConnectorError({
        connector: connectorName,
        reason: "InvalidResponse",
        message: "GET /customers: the answer has no X-WP-Total header to count with",
        retryable: false
      })
    }
    return page.total
  })

const isId = (id: string): boolean => /^[1-9]\d{0,15}$/.test(id)

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? context.http.json("GET", `customers/${id}`).pipe(
        Effect.map((response) => context.customer(response.body)),
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.succeed(undefined)
        )
      )
    : Effect.succeed(undefined)

const matches = (record: unknown, match: Readonly<Record<string, string>>): boolean =>
  Connector.matches(record, match, { ignoreCase: (path) => path === "email" || path.endsWith(".email") })

/**
 * Customers whose fields equal `match`: by `id` (a get), by `email` (`?email=`, exact), else
 * by WooCommerce's `search` on the first value, kept when every field matches.
 */
export const find = (
  context: Context,
  match: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const entries = Object.entries(match)
    if (entries.length === 0) return []
    if (match.id !== undefined) {
      const found = yield* get(context, match.id)
      return found !== undefined && matches(found, match) ? [found] : []
    }
    const query =
      match.email !== undefined
        ? { ...listQuery, email: match.email.trim() }
        : { ...listQuery, search: entries[0]![1] }
    const found = yield* Stream.runCollect(
      readFrom(context.http, "customers", query, start, context.pageSize)
    )
    return found.map((p) => context.customer(p.item)).filter((r) => matches(r, match))
  })

const readOnly = new Set(readOnlyFields)

const notAnObject = Batch.writeIssue("", "NotAnObject", "a customer to write must be an object")

const prepareCreate = (record: unknown): Batch.Prepared => {
  if (!isObject(record)) return { _tag: "Refuse", issues: [notAnObject] }
  const item: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!readOnly.has(k)) item[k] = v
  return { _tag: "Send", item }
}

const prepareUpdate = (update: unknown): Batch.Prepared => {
  const { id, record } = update as Connector.UpdateItem
  if (!isId(id)) {
    return {
      _tag: "Refuse",
      issues: [Batch.writeIssue("id", "NotFound", `"${id.slice(0, 40)}" is not a customer id`)]
    }
  }
  const prepared = prepareCreate(record)
  return prepared._tag === "Refuse"
    ? prepared
    : { _tag: "Send", item: { ...(prepared.item as Json), id: Number(id) } }
}

const prepareDelete = (id: unknown): Batch.Prepared =>
  typeof id === "string" && isId(id)
    ? { _tag: "Send", item: Number(id) }
    : {
        _tag: "Refuse",
        issues: [Batch.writeIssue("id", "NotFound", `"${String(id).slice(0, 40)}" is not a customer id`)]
      }

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Batch.write(context.http, "customers/batch", "create", records, prepareCreate)

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Batch.write(context.http, "customers/batch", "update", items, prepareUpdate)

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  Batch.write(context.http, "customers/batch", "delete", ids, prepareDelete)
