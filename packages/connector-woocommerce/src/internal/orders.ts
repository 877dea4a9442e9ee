/**
 * The orders stream's operations: list (every status, by id), count and get.
 *
 * Incremental reads use `modified_after` with `dates_are_gmt=true`. WooCommerce cannot sort
 * orders by modification date, so the read goes by id and the next read's `modified_after` is
 * the server's clock when this read began, less a second (`Date` of the first answer; the
 * latest `date_modified_gmt` seen when the server sends no `Date`): an order changed while a
 * read is under way is read again next time rather than missed. Only the read's last order
 * carries that mark; the others carry the page to resume at.
 */
import { type Connector, ConnectorError, type Http } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as Checkpoint from "./checkpoint.ts"
import { pageSizeOf } from "./customers.ts"
import { connectorName, fetchPage, readFrom } from "./pages.ts"
import { formatUtc } from "./times.ts"

export interface Context {
  readonly http: Http.Http
  readonly pageSize: number
  readonly order: (raw: unknown) => unknown
}

const baseQuery = { orderby: "id", order: "asc" } as const

const queryFor = (modifiedAfter: string | undefined): Readonly<Record<string, Http.QueryValue>> =>
  modifiedAfter === undefined
    ? baseQuery
    : { ...baseQuery, modified_after: modifiedAfter, dates_are_gmt: true }

const modifiedOf = (record: unknown): string | undefined => {
  if (typeof record !== "object" || record === null) return undefined
  const value = (record as { readonly date_modified_gmt?: unknown }).date_modified_gmt
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? value : undefined
}

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const from = Checkpoint.parseOrders(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    const pageSize = pageSizeOf(context, options.pageSize)
    let started = from.started
    let latest: string | undefined
    return readFrom(context.http, "orders", queryFor(from.modifiedAfter), from, pageSize).pipe(
      Stream.map((paged): Connector.ReadItem => {
        if (started === undefined && paged.page.date !== undefined)
          started = formatUtc(paged.page.date - 1000)
        const record = context.order(paged.item)
        const modified = modifiedOf(record)
        if (modified !== undefined && (latest === undefined || modified > latest)) latest = modified
        if (!paged.last) {
          const checkpoint = Checkpoint.formatOrders({
            modifiedAfter: from.modifiedAfter,
            started,
            ...paged.resume
          })
          return { record, checkpoint }
        }
        const next = started ?? latest ?? from.modifiedAfter
        const checkpoint = Checkpoint.formatOrders({
          modifiedAfter: next,
          started: undefined,
          offset: 0,
          after: undefined
        })
        return { record, checkpoint }
      })
    )
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  Effect.gen(function* () {
    const from = Checkpoint.parseOrders(options.since)
    if (from instanceof ConnectorError.ConnectorError) return yield* from
    const page = yield* fetchPage(context.http, "orders", queryFor(from.modifiedAfter), 1, 1)
    if (page.total === undefined) {
      return yield* new ConnectorError.ConnectorError({
        connector: connectorName,
        reason: "InvalidResponse",
        message: "GET /orders: the answer has no X-WP-Total header to count with",
        retryable: false
      })
    }
    return page.total
  })

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  /^[1-9]\d{0,15}$/.test(id)
    ? context.http.json("GET", `orders/${id}`).pipe(
        Effect.map((response) => context.order(response.body)),
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.succeed(undefined)
        )
      )
    : Effect.succeed(undefined)
