/**
 * Reading `GET /customers` page by page: `page` (from 1) and `per_page`, the records in
 * `data`. Third-party clients show Laravel's paging envelope (`links` with `next`, `meta` with
 * `total`); the seed's own example has only `data`. So a page is the last one when its
 * `links.next` is null, when the answer has `links`, and else when it is short.
 */
import { ConnectorError, type Http, Pagination } from "@mapwright/core"
import { Effect, type Stream } from "effect"

export const connectorName = "foodics"

export interface ListPage {
  readonly items: ReadonlyArray<unknown>
  /** From `links.next`, when the answer has `links`; else unknown (a short page ends the read). */
  readonly hasNext: boolean | undefined
  /** `meta.total`, when sent. */
  readonly total: number | undefined
}

type Json = Readonly<Record<string, unknown>>

export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable: false
  })

const describe = (u: unknown): string =>
  u === undefined ? "an empty body" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

/** Reads one answer of a list as a page. */
export const readPage = (body: unknown, label: string): ListPage | ConnectorError.ConnectorError => {
  if (!isObject(body) || !Array.isArray(body.data)) {
    return invalidResponse(`${label}: expected {"data": [...]} (a list page), got ${describe(body)}`)
  }
  const links = isObject(body.links) ? body.links : undefined
  const next = links?.next
  const meta = isObject(body.meta) ? body.meta : undefined
  const total = meta?.total
  return {
    items: body.data,
    hasNext: links === undefined ? undefined : typeof next === "string" && next !== "",
    total: typeof total === "number" && Number.isSafeInteger(total) && total >= 0 ? total : undefined
  }
}

/** One page of `GET /customers` with the query. */
export const fetchPage = (
  http: Http.Http,
  query: Readonly<Record<string, Http.QueryValue>>,
  page: number,
  pageSize: number
): Effect.Effect<ListPage, ConnectorError.ConnectorError> =>
  http.json("GET", "customers", { query: { ...query, page, per_page: pageSize } }).pipe(
    Effect.flatMap((response) => {
      const parsed = readPage(response.body, `GET /customers page ${page}`)
      return parsed instanceof ConnectorError.ConnectorError ? Effect.fail(parsed) : Effect.succeed(parsed)
    })
  )

const idOf = (item: unknown): unknown => (isObject(item) ? item.id : undefined)

/**
 * Every record of `GET /customers` with the query, from page 1, fetched one page at a time as
 * the consumer pulls.
 */
export const readAll = (
  http: Http.Http,
  query: Readonly<Record<string, Http.QueryValue>>,
  pageSize: number
): Stream.Stream<unknown, ConnectorError.ConnectorError> =>
  Pagination.pageNumber({
    pageSize,
    keyOf: idOf,
    fetch: (page) =>
      Effect.map(fetchPage(http, query, page, pageSize), (result) => ({
        items: result.items,
        hasNext: result.hasNext
      }))
  }).pipe(Pagination.asConnectorError(connectorName))
