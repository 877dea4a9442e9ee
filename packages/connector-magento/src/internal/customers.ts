/**
 * The customers stream's operations: list (by `updated_at`, then id; incremental from a
 * checkpoint; then, with `includeGuests`, the guests of guest orders), count, get, find, and
 * writes one request per record (`POST /V1/customers`, `PUT /V1/customers/{id}`,
 * `DELETE /V1/customers/{id}`), a few at a time.
 */
import { Connector, ConnectorError } from "@mapwright/core"
import { Effect, Schema, Stream } from "effect"
import { maxPageSize } from "../Config.ts"
import * as SearchCriteria from "../SearchCriteria.ts"
import { readChanged, type Source, timeFields } from "./changes.ts"
import * as Checkpoint from "./checkpoint.ts"
import * as Guests from "./guests.ts"
import { isObject, nonEmpty } from "./json.ts"
import * as Resolve from "./resolve.ts"
import { noId, notAnId, rejected } from "./results.ts"
import { connectorName, countOf, field, readAll } from "./search.ts"
import { CustomersOptions } from "./streams.ts"
import { recordToUtc } from "./times.ts"
import type * as Writer from "./writer.ts"

export interface Context extends Source {
  readonly lookups: Resolve.Lookups
  readonly writer: Writer.Writer
  readonly concurrency: number
  /** Keeps a payload (its times in UTC) to its documented fields, and adds `resolved`. */
  readonly customer: (raw: unknown) => Effect.Effect<unknown, ConnectorError.ConnectorError>
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

export const pageSizeOf = (context: { readonly pageSize: number }, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked)
    ? context.pageSize
    : Math.min(maxPageSize, Math.max(1, asked))

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return Stream.fail(opts)
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    const pageSize = pageSizeOf(context, options.pageSize)
    let position: Checkpoint.Position = from
    // the registered emails read, so the guests read after them need no lookup
    const seen = new Set<string>()
    const customers = readChanged(context, "customers/search", "id", from, pageSize).pipe(
      Stream.mapEffect((changed) =>
        Effect.map(context.customer(changed.item), (record): Connector.ReadItem => {
          position = changed.position
          const email = nonEmpty(field(record, "email"))
          if (email !== undefined) seen.add(email.toLowerCase())
          return { record, checkpoint: Checkpoint.format({ ...position, order: from.order }) }
        })
      )
    )
    if (opts.includeGuests !== true) return customers
    const guests = Stream.suspend(() =>
      Guests.read({ ...context, pageSize }, from.order, seen).pipe(
        Stream.map(
          (guest): Connector.ReadItem => ({
            record: guest.record,
            checkpoint: Checkpoint.format({ ...position, order: guest.order })
          })
        )
      )
    )
    return Stream.concat(customers, guests)
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  Effect.gen(function* () {
    const opts = optionsOf(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return yield* opts
    // guests are known only by reading the orders; a position only by reading past it
    if (opts.includeGuests === true || (options.since !== undefined && options.since !== "")) {
      return yield* Stream.runCount(list(context, options))
    }
    return yield* countOf(context.http, "customers/search", {})
  })

const isId = (id: string): boolean => /^[1-9]\d{0,15}$/.test(id)

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? context.http.json("GET", `customers/${id}`).pipe(
        Effect.flatMap((response) => context.customer(recordToUtc(response.body, context.zone, timeFields))),
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.succeed(undefined)
        )
      )
    : Effect.succeed(undefined)

/** Record paths `find` can ask Magento to filter on, and the field it filters. */
const searchable: Readonly<Record<string, string>> = {
  email: "email",
  firstname: "firstname",
  lastname: "lastname",
  middlename: "middlename",
  prefix: "prefix",
  suffix: "suffix",
  group_id: "group_id",
  dob: "dob",
  gender: "gender",
  taxvat: "taxvat",
  website_id: "website_id",
  store_id: "store_id",
  created_in: "created_in"
}

const matches = (record: unknown, match: Readonly<Record<string, string>>): boolean =>
  Connector.matches(record, match, { ignoreCase: (path) => path === "email" || path.endsWith(".email") })

/**
 * Customers whose fields equal `match`: by `id` (a get); else Magento filters on the fields it
 * can (`email`, names, `group_id`, ...; each an `eq` group) and the others are compared here.
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
    const filters = entries.flatMap(([path, value]) => {
      const f = searchable[path]
      return f === undefined ? [] : [SearchCriteria.where(f, "eq", path === "email" ? value.trim() : value)]
    })
    if (filters.length === 0) {
      return yield* new ConnectorError.ConnectorError({
        connector: connectorName,
        reason: "Unknown",
        message: `find needs one of id, ${Object.keys(searchable).join(", ")} among its keys, got ${entries
          .map(([k]) => k)
          .join(", ")}`,
        retryable: false
      })
    }
    const found = yield* Stream.runCollect(
      readAll(context.http, "customers/search", { filterGroups: filters }, context.pageSize, (c) =>
        field(c, "id")
      )
    )
    const records = yield* Effect.forEach(found, (p) =>
      context.customer(recordToUtc(p.item, context.zone, timeFields))
    )
    return records.filter((r) => matches(r, match))
  })

const idOfAnswer = (body: unknown): string | undefined => {
  const id = field(body, "id")
  return typeof id === "number" ? String(id) : undefined
}

const createOne = (context: Context, record: unknown) =>
  Effect.gen(function* () {
    const prepared = yield* Resolve.prepare(context.lookups, record)
    if (prepared._tag === "Refuse") return rejected(prepared.issues)
    const outcome = yield* context.writer.send("POST", "customers", {
      customer: prepared.customer,
      ...(prepared.password === undefined ? {} : { password: prepared.password })
    })
    if (outcome._tag === "Refused") return rejected(outcome.issues)
    const id = idOfAnswer(outcome.body)
    return id === undefined ? noId("customer") : ({ _tag: "Created", id } as const)
  })

/**
 * The addresses to send with their ids where the customer's book already has the same address:
 * an update that sends the book again keeps the entries (and their ids) that did not change,
 * instead of Magento replacing every one with a new entry.
 */
const keepIds = (sent: ReadonlyArray<unknown>, book: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  const taken = new Set<unknown>()
  return sent.map((a) => {
    if (!isObject(a) || a.id !== undefined) return a
    const same = book.find(
      (e) => isObject(e) && !taken.has(e.id) && Resolve.sameAddress({ ...e, id: undefined }, a)
    )
    if (!isObject(same) || typeof same.id !== "number") return a
    taken.add(same.id)
    return { ...a, id: same.id }
  })
}

const updateOne = (context: Context, item: Connector.UpdateItem) =>
  Effect.gen(function* () {
    if (!isId(item.id)) return notAnId("customer", item.id)
    const prepared = yield* Resolve.prepare(context.lookups, item.record)
    if (prepared._tag === "Refuse") return rejected(prepared.issues)
    let customer = prepared.customer
    if (
      Array.isArray(customer.addresses) &&
      customer.addresses.some((a) => isObject(a) && a.id === undefined)
    ) {
      const current = yield* get(context, item.id)
      const book = field(current, "addresses")
      if (Array.isArray(book)) customer = { ...customer, addresses: keepIds(customer.addresses, book) }
    }
    const outcome = yield* context.writer.send("PUT", `customers/${item.id}`, {
      customer: { ...customer, id: Number(item.id) },
      ...(prepared.password === undefined ? {} : { password: prepared.password })
    })
    if (outcome._tag === "Refused") return rejected(outcome.issues)
    return { _tag: "Updated", id: idOfAnswer(outcome.body) ?? item.id } as const
  })

const deleteOne = (context: Context, id: string) =>
  Effect.gen(function* () {
    if (!isId(id)) return notAnId("customer", id)
    const outcome = yield* context.writer.send("DELETE", `customers/${id}`)
    if (outcome._tag === "Refused") return rejected(outcome.issues)
    return { _tag: "Deleted", id } as const
  })

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Effect.forEach(
    records,
    (r): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> => createOne(context, r),
    {
      concurrency: context.concurrency
    }
  )

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Effect.forEach(
    items,
    (i): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> => updateOne(context, i),
    {
      concurrency: context.concurrency
    }
  )

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  Effect.forEach(
    ids,
    (id): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> => deleteOne(context, id),
    {
      concurrency: context.concurrency
    }
  )
