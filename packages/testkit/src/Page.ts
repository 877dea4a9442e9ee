/**
 * Pagination for emulators: given every record and the request, the page to answer with and
 * its headers, in the styles platforms use — page number (`page`/`per_page` with totals and an
 * RFC 8288 `Link` header), offset/limit, opaque cursor tokens, and keyset (`after`). Parameter
 * and header names are options, so each emulator speaks its platform's dialect. A bad parameter
 * throws a `Respond.Failure` with the body of the `invalid` option (default: 400 JSON).
 *
 * @since 0.1.0
 */
import type { Request } from "./Emulator.ts"
import * as Respond from "./Respond.ts"

/**
 * A `Link` relation.
 *
 * @since 0.1.0
 * @category models
 */
export type Rel = "first" | "prev" | "next" | "last"

/**
 * One page of records and the headers that go with it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly headers: Readonly<Record<string, string>>
  readonly total: number
}

/**
 * Options every style shares.
 *
 * @since 0.1.0
 * @category models
 */
export interface Common {
  /** Page size when the request gives none (default 10). */
  readonly defaultSize?: number
  /** Largest page size allowed (default 100); larger is invalid unless `clamp` is set. */
  readonly maxSize?: number
  /** Cut a too-large page size down to `maxSize` instead of refusing it. */
  readonly clamp?: boolean
  /** The platform's answer to a bad parameter (default: 400 `{"error":"bad_request","message":...}`). */
  readonly invalid?: (message: string) => Respond.Response
}

const badRequest = (common: Common, message: string): never => {
  const response =
    common.invalid?.(message) ?? Respond.json({ error: "bad_request", message }, { status: 400 })
  throw new Respond.Failure(response, message)
}

const intParam = (
  common: Common,
  request: Request,
  name: string,
  fallback: number,
  minimum: number
): number => {
  const raw = request.query[name]
  if (raw === undefined || raw === "") return fallback
  if (!/^-?\d+$/.test(raw)) return badRequest(common, `${name} must be an integer, got "${raw}"`)
  const value = Number(raw)
  if (value < minimum) return badRequest(common, `${name} must be at least ${minimum}, got ${value}`)
  return value
}

const sizeParam = (common: Common, request: Request, name: string): number => {
  const size = intParam(common, request, name, common.defaultSize ?? 10, 1)
  const max = common.maxSize ?? 100
  if (size <= max) return size
  return common.clamp === true ? max : badRequest(common, `${name} must be at most ${max}, got ${size}`)
}

/**
 * The request's URL with some query parameters replaced (others kept, in order), absolute.
 *
 * @since 0.1.0
 * @category combinators
 */
export const urlWith = (request: Request, params: Readonly<Record<string, string | number>>): string => {
  const url = new URL(request.url.href)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v))
  return url.href
}

/**
 * An RFC 8288 `Link` header value: `<url>; rel="next", <url>; rel="prev"`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const link = (links: ReadonlyArray<{ readonly rel: Rel; readonly url: string }>): string =>
  links.map((l) => `<${l.url}>; rel="${l.rel}"`).join(", ")

/**
 * @since 0.1.0
 * @category models
 */
export interface NumberOptions extends Common {
  /** Default `page`. */
  readonly pageParam?: string
  /** Default `per_page`. */
  readonly sizeParam?: string
  /** The number of the first page (default 1). */
  readonly firstPage?: number
  /** Header carrying the record count (`X-WP-Total`); none by default. */
  readonly totalHeader?: string
  /** Header carrying the page count (`X-WP-TotalPages`); none by default. */
  readonly totalPagesHeader?: string
  /** Relations of the `Link` header, in this order (default all four; `[]` for no header). */
  readonly link?: ReadonlyArray<Rel>
}

/**
 * Page-number paging (`?page=2&per_page=10`). The `Link` header lists the relations that exist
 * (no `prev` on the first page, no `next` on the last) with absolute URLs that keep the other
 * query parameters. A page past the end is empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const byNumber = <A>(
  items: ReadonlyArray<A>,
  request: Request,
  options: NumberOptions = {}
): Page<A> & { readonly page: number; readonly pageSize: number; readonly totalPages: number } => {
  const pageParam = options.pageParam ?? "page"
  const sizeName = options.sizeParam ?? "per_page"
  const first = options.firstPage ?? 1
  const page = intParam(options, request, pageParam, first, first)
  const pageSize = sizeParam(options, request, sizeName)
  const totalPages = Math.ceil(items.length / pageSize)
  const start = (page - first) * pageSize
  const headers: Record<string, string> = {}
  if (options.totalHeader !== undefined) headers[options.totalHeader] = String(items.length)
  if (options.totalPagesHeader !== undefined) headers[options.totalPagesHeader] = String(totalPages)
  const last = first + Math.max(totalPages, 1) - 1
  const rels = options.link ?? ["first", "prev", "next", "last"]
  const links = rels.flatMap((rel): Array<{ rel: Rel; url: string }> => {
    const to =
      rel === "first"
        ? first
        : rel === "last"
          ? last
          : rel === "prev"
            ? page > first
              ? Math.min(page - 1, last)
              : undefined
            : page < last
              ? page + 1
              : undefined
    return to === undefined ? [] : [{ rel, url: urlWith(request, { [pageParam]: to }) }]
  })
  if (links.length > 0) headers.link = link(links)
  return {
    items: items.slice(start, start + pageSize),
    headers,
    total: items.length,
    page,
    pageSize,
    totalPages
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface OffsetOptions extends Common {
  /** Default `offset`. */
  readonly offsetParam?: string
  /** Default `limit`. */
  readonly limitParam?: string
  /** Header carrying the record count; none by default. */
  readonly totalHeader?: string
  /** Relations of the `Link` header (default none: offset APIs rarely send one). */
  readonly link?: ReadonlyArray<Rel>
}

/**
 * Offset/limit paging (`?offset=20&limit=10`). An offset past the end gives an empty page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const byOffset = <A>(
  items: ReadonlyArray<A>,
  request: Request,
  options: OffsetOptions = {}
): Page<A> & { readonly offset: number; readonly limit: number } => {
  const offsetParam = options.offsetParam ?? "offset"
  const limitParam = options.limitParam ?? "limit"
  const offset = intParam(options, request, offsetParam, 0, 0)
  const limit = sizeParam(options, request, limitParam)
  const headers: Record<string, string> = {}
  if (options.totalHeader !== undefined) headers[options.totalHeader] = String(items.length)
  const lastOffset = items.length === 0 ? 0 : Math.floor((items.length - 1) / limit) * limit
  const links = (options.link ?? []).flatMap((rel): Array<{ rel: Rel; url: string }> => {
    const to =
      rel === "first"
        ? 0
        : rel === "last"
          ? lastOffset
          : rel === "prev"
            ? offset > 0
              ? Math.max(0, offset - limit)
              : undefined
            : offset + limit < items.length
              ? offset + limit
              : undefined
    return to === undefined
      ? []
      : [{ rel, url: urlWith(request, { [offsetParam]: to, [limitParam]: limit }) }]
  })
  if (links.length > 0) headers.link = link(links)
  return { items: items.slice(offset, offset + limit), headers, total: items.length, offset, limit }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface CursorOptions extends Common {
  /** Default `cursor`. */
  readonly cursorParam?: string
  /** Default `limit`. */
  readonly sizeParam?: string
  /** Also send the next cursor in this header (e.g. `X-Next-Cursor`); none by default. */
  readonly nextHeader?: string
  /** Send a `Link: <...>; rel="next"` header with the next cursor (default false). */
  readonly link?: boolean
}

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`, "utf8").toString("base64url")
const decodeCursor = (token: string): number | undefined => {
  const text = Buffer.from(token, "base64url").toString("utf8")
  const match = /^o:(\d+)$/.exec(text)
  return match === null ? undefined : Number(match[1])
}

/**
 * Cursor paging with opaque tokens (`?cursor=...&limit=10`): no cursor is the first page;
 * `next` is the token of the following page, `undefined` on the last. Put `next` in the body
 * the way the platform does; `nextHeader` and `link` send it in headers too. A token the
 * emulator did not issue is invalid.
 *
 * @since 0.1.0
 * @category constructors
 */
export const byCursor = <A>(
  items: ReadonlyArray<A>,
  request: Request,
  options: CursorOptions = {}
): Page<A> & { readonly next: string | undefined } => {
  const cursorParam = options.cursorParam ?? "cursor"
  const sizeName = options.sizeParam ?? "limit"
  const raw = request.query[cursorParam]
  const offset = raw === undefined || raw === "" ? 0 : decodeCursor(raw)
  if (offset === undefined)
    return badRequest(options, `${cursorParam} "${raw}" is not a cursor this API issued`)
  const size = sizeParam(options, request, sizeName)
  const end = offset + size
  const next = end < items.length ? encodeCursor(end) : undefined
  const headers: Record<string, string> = {}
  if (next !== undefined && options.nextHeader !== undefined) headers[options.nextHeader] = next
  if (next !== undefined && options.link === true) {
    headers.link = link([{ rel: "next", url: urlWith(request, { [cursorParam]: next }) }])
  }
  return { items: items.slice(offset, end), headers, total: items.length, next }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface KeysetOptions<A> extends Common {
  /** The sort key of a record (records must be sorted by it, ascending). */
  readonly key: (item: A) => string | number
  /** Default `after`. */
  readonly afterParam?: string
  /** Default `limit`. */
  readonly sizeParam?: string
}

const compareKeys = (a: string | number, b: string | number): number => {
  const na = typeof a === "number" ? a : /^-?\d+(\.\d+)?$/.test(a) ? Number(a) : Number.NaN
  const nb = typeof b === "number" ? b : /^-?\d+(\.\d+)?$/.test(b) ? Number(b) : Number.NaN
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb
  const sa = String(a)
  const sb = String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * Keyset paging (`?after=<last key>&limit=10`): the records whose key is greater than `after`.
 * `last` is the key of the page's last record; `hasMore` tells whether records follow it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const byKeyset = <A>(
  items: ReadonlyArray<A>,
  request: Request,
  options: KeysetOptions<A>
): Page<A> & { readonly last: string | number | undefined; readonly hasMore: boolean } => {
  const afterParam = options.afterParam ?? "after"
  const size = sizeParam(options, request, options.sizeParam ?? "limit")
  const after = request.query[afterParam]
  const rest =
    after === undefined || after === "" ? items : items.filter((i) => compareKeys(options.key(i), after) > 0)
  const page = rest.slice(0, size)
  const lastItem = page[page.length - 1]
  return {
    items: page,
    headers: {},
    total: items.length,
    last: lastItem === undefined ? undefined : options.key(lastItem),
    hasMore: rest.length > size
  }
}
