/**
 * Reading Magento search endpoints: one page (`{items, search_criteria, total_count}`), and
 * every page of a search as a stream through core's page-number helper, stopping when
 * `pageSize * currentPage >= total_count`: Magento answers a page past the end with the last
 * page again (magento2#3787, #26986), so an empty page never comes to end the read.
 */
import { ConnectorError, type Http, Pagination } from "@mapwright/core"
import { Effect, type Stream } from "effect"
import * as SearchCriteria from "../SearchCriteria.ts"

export const connectorName = "magento"

export const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable: false
  })

export interface SearchPage {
  readonly items: ReadonlyArray<unknown>
  readonly totalCount: number
}

const describe = (u: unknown): string =>
  u === undefined ? "an empty body" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

/** One page of a search endpoint (`customers/search`, `orders`, `customerGroups/search`). */
export const fetchSearch = (
  http: Http.Http,
  path: string,
  criteria: SearchCriteria.SearchCriteria
): Effect.Effect<SearchPage, ConnectorError.ConnectorError> =>
  http.json("GET", path, { query: SearchCriteria.toQuery(criteria) }).pipe(
    Effect.flatMap((response) => {
      const body = response.body
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return Effect.fail(
          invalidResponse(
            `GET /${path}: expected a search result {items, total_count}, got ${describe(body)}`
          )
        )
      }
      const { items, total_count } = body as { readonly items?: unknown; readonly total_count?: unknown }
      const list = items === undefined || items === null ? [] : items
      if (!Array.isArray(list) || typeof total_count !== "number" || !Number.isInteger(total_count)) {
        return Effect.fail(
          invalidResponse(
            `GET /${path}: the search result has no ${Array.isArray(list) ? "integer total_count" : "items list"}`
          )
        )
      }
      return Effect.succeed({ items: list, totalCount: total_count })
    })
  )

/** An item of a paged search, whether it is the read's very last, and the search's total. */
export interface Paged {
  readonly item: unknown
  readonly last: boolean
  readonly totalCount: number
}

/**
 * Every item of a search (its filters and sort orders), page after page from page 1, fetched
 * as the consumer pulls. The read stops after the page for which `pageSize * currentPage >=
 * total_count`, never asking for a page past the end. `keyOf` guards against an API that
 * repeats a page anyway.
 */
export const readAll = (
  http: Http.Http,
  path: string,
  criteria: SearchCriteria.SearchCriteria,
  pageSize: number,
  keyOf: (item: unknown) => unknown
): Stream.Stream<Paged, ConnectorError.ConnectorError> =>
  Pagination.pageNumber({
    first: 1,
    pageSize,
    keyOf: (p: Paged) => keyOf(p.item),
    fetch: (page) =>
      Effect.map(fetchSearch(http, path, { ...criteria, pageSize, currentPage: page }), (result) => {
        const hasNext = pageSize * page < result.totalCount
        const end = result.items.length - 1
        return {
          items: result.items.map(
            (item, i): Paged => ({ item, last: !hasNext && i === end, totalCount: result.totalCount })
          ),
          hasNext
        }
      })
  }).pipe(Pagination.asConnectorError(connectorName))

/** The number of matches of a search (`total_count` of a one-record page). */
export const countOf = (
  http: Http.Http,
  path: string,
  criteria: SearchCriteria.SearchCriteria
): Effect.Effect<number, ConnectorError.ConnectorError> =>
  Effect.map(fetchSearch(http, path, { ...criteria, pageSize: 1, currentPage: 1 }), (p) => p.totalCount)

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The value of a top-level field of a record, or `undefined`. */
export const field = (record: unknown, name: string): unknown => (isObject(record) ? record[name] : undefined)

/** A record's integer id (`id` or `entity_id`), or `undefined`. */
export const intId = (record: unknown, name = "id"): number | undefined => {
  const id = field(record, name)
  return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined
}
