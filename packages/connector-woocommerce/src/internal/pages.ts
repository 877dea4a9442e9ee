/**
 * Reading WooCommerce list endpoints: one page (`page`/`per_page`, a bare JSON array, the
 * totals in `X-WP-Total` / `X-WP-TotalPages`, the next page in `Link`), and every page from a
 * starting offset as a stream through core's page-number helper.
 */
import { ConnectorError, type Http, Pagination } from "@mapwright/core"
import { Effect, Stream } from "effect"
import type { Position } from "./checkpoint.ts"

export const connectorName = "woocommerce"

export interface ListPage {
  readonly items: ReadonlyArray<unknown>
  /** Whether a page follows: from `X-WP-TotalPages`, else from `Link: rel="next"`, else from a full page. */
  readonly hasNext: boolean
  /** `X-WP-Total`, when sent. */
  readonly total: number | undefined
  /** The server's clock (`Date`) when it answered, epoch milliseconds. */
  readonly date: number | undefined
}

/**
 * An item of a paged read: the raw record, where a read resumes to yield exactly the records
 * after it, whether it is the read's very last, and its page.
 */
export interface PagedItem {
  readonly item: unknown
  readonly resume: Position
  readonly last: boolean
  readonly page: ListPage
}

const intHeader = (value: string | undefined): number | undefined =>
  value !== undefined && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : undefined

/** WordPress answers a page past the end of a post collection with 400 and one of these. */
const pastTheEnd = new Set(["rest_post_invalid_page_number", "woocommerce_rest_invalid_page_number"])

export const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable: false
  })

const describe = (u: unknown): string =>
  u === undefined ? "an empty body" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

/**
 * One page of `path` (relative to the API root): the items, and whether another page follows.
 */
export const fetchPage = (
  http: Http.Http,
  path: string,
  query: Readonly<Record<string, Http.QueryValue>>,
  page: number,
  pageSize: number
): Effect.Effect<ListPage, ConnectorError.ConnectorError> =>
  http.json("GET", path, { query: { ...query, page, per_page: pageSize } }).pipe(
    Effect.flatMap((response) => {
      if (!Array.isArray(response.body)) {
        return Effect.fail(
          invalidResponse(
            `GET /${path} page ${page}: expected a JSON array (a list page), got ${describe(response.body)}`
          )
        )
      }
      const totalPages = intHeader(response.headers["x-wp-totalpages"])
      const next = Pagination.parseLinkHeader(response.headers.link, response.url).get("next")
      const hasNext =
        totalPages !== undefined
          ? page < totalPages
          : response.headers.link !== undefined
            ? next !== undefined
            : response.body.length >= pageSize
      const date = response.headers.date === undefined ? Number.NaN : Date.parse(response.headers.date)
      return Effect.succeed({
        items: response.body,
        hasNext,
        total: intHeader(response.headers["x-wp-total"]),
        date: Number.isNaN(date) ? undefined : date
      })
    }),
    Effect.catchIf(
      (e) => e.status === 400 && e.code !== undefined && pastTheEnd.has(e.code),
      () => Effect.succeed({ items: [], hasNext: false, total: undefined, date: undefined })
    )
  )

const idOf = (item: unknown): unknown =>
  typeof item === "object" && item !== null ? (item as { readonly id?: unknown }).id : undefined

const numericId = (item: unknown): number | undefined => {
  const id = idOf(item)
  return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined
}

/**
 * Every item of `path` (sorted by id, ascending) after `from`: from the page holding
 * `from.offset` on, without the ids up to `from.after`. Pages are fetched one at a time, as
 * the consumer pulls. A record without a numeric id (malformed) is yielded as it is.
 */
export const readFrom = (
  http: Http.Http,
  path: string,
  query: Readonly<Record<string, Http.QueryValue>>,
  from: Position,
  pageSize: number
): Stream.Stream<PagedItem, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    let lastId = from.after
    const first = Math.floor(from.offset / pageSize) + 1
    return Pagination.pageNumber({
      first,
      pageSize,
      keyOf: (p: PagedItem) => idOf(p.item),
      fetch: (page) =>
        Effect.map(fetchPage(http, path, query, page, pageSize), (result) => {
          const offset = (page - 1) * pageSize
          const end = result.items.length - 1
          const items: Array<PagedItem> = []
          result.items.forEach((item, i) => {
            const id = numericId(item)
            if (id !== undefined && from.after !== undefined && id <= from.after) return
            if (id !== undefined) lastId = id
            const next = i === end && result.hasNext ? offset + pageSize : offset
            items.push({
              item,
              resume: { offset: next, after: lastId },
              last: !result.hasNext && i === end,
              page: result
            })
          })
          return { items, hasNext: result.hasNext }
        })
    }).pipe(Pagination.asConnectorError(connectorName))
  })
