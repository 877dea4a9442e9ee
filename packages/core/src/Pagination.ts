/**
 * Paged reads as `Stream`s. Each builder takes the connector's `fetch` for one page and returns
 * a stream of the items of every page, in order:
 *
 * - pages are fetched lazily, one at a time, when the consumer pulls (memory stays flat; a
 *   `Stream.take` stops the fetching);
 * - a page is never requested twice: a cursor or URL the API hands back again fails the
 *   stream with a {@link PaginationError} instead of looping (the Shopify loop that bounced
 *   between pages 1 and 2), and with `keyOf`, a page-number or offset API that repeats a page
 *   past its end (Magento) fails the same way;
 * - the stream stops exactly at the end the API announces (total pages, total count,
 *   `hasNext`, no next cursor or link), else at the first short page.
 *
 * Every builder also takes `withResume: true`, which turns each item into
 * `{ item, resume }`: `resume` is the state to start a later read from (the builder's
 * `first`, `start`, `from` or `after` option) so that no item after this one is lost. For
 * offsets and keysets it is exact (the next offset; the item's own key); for page numbers,
 * cursors and links it is the item's own page, or the next page after a page's last item,
 * so a resumed read may see a few items again (reads are at-least-once; writes are
 * idempotent). A connector turns `resume` into its `ReadItem.checkpoint`.
 *
 * The `fetch` functions do their own retrying (`Http` does); the helpers never retry a page.
 *
 * @since 0.1.0
 */
import { Data, Effect, Option, Stream } from "effect"
import { ConnectorError } from "./ConnectorError.ts"
import * as LinkHeader from "./internal/linkHeader.ts"
import { redactUrl } from "./internal/redactUrl.ts"

/**
 * Why a paged read stopped with an error of its own:
 * - `RepeatedPage`: the API handed back a cursor or URL already fetched, or (with `keyOf`)
 *   the same records as the page before;
 * - `KeysNotIncreasing`: a keyset read met a key not greater than the one before it;
 * - `InvalidOptions`: the builder was given a bad page size or start.
 *
 * @since 0.1.0
 * @category errors
 */
export class PaginationError extends Data.TaggedError("PaginationError")<{
  readonly reason: "RepeatedPage" | "KeysNotIncreasing" | "InvalidOptions"
  readonly message: string
}> {}

/**
 * An item with the state a later read can start from without losing any item after it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resumable<A, S> {
  readonly item: A
  readonly resume: S
}

/**
 * Parses an RFC 8288 `Link` header into a map from relation type (lower-cased) to URL. Handles
 * several links, quoted parameters, `rel` with several space-separated types (`rel="next
 * last"`), and commas or semicolons inside URLs. With `base`, relative URLs are resolved
 * against it. The first link of a relation wins; links without `rel` are ignored; an absent
 * header gives an empty map.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseLinkHeader = (value: string | undefined, base?: string): ReadonlyMap<string, string> =>
  LinkHeader.parse(value, base)

/**
 * A stream combinator that turns a {@link PaginationError} into a non-retryable
 * `ConnectorError` of the connector (`InvalidResponse`; `Unknown` for bad options), the
 * error type `StreamClient.list` has.
 *
 * @since 0.1.0
 * @category combinators
 */
export const asConnectorError =
  (connector: string) =>
  <A, E, R>(
    self: Stream.Stream<A, E | PaginationError, R>
  ): Stream.Stream<A, Exclude<E, PaginationError> | ConnectorError, R> =>
    Stream.mapError(self, (error): Exclude<E, PaginationError> | ConnectorError =>
      error instanceof PaginationError
        ? new ConnectorError({
            connector,
            reason: error.reason === "InvalidOptions" ? "Unknown" : "InvalidResponse",
            message: error.message,
            retryable: false
          })
        : (error as Exclude<E, PaginationError>)
    )

// ---------------------------------------------------------------------------------------------
// the engine

type Step<A, S, N = S> = readonly [ReadonlyArray<Resumable<A, S>>, Option.Option<N>]

const fail = (reason: PaginationError["reason"], message: string) =>
  Effect.fail(new PaginationError({ reason, message }))

const finish = <A, S, E, R>(stream: Stream.Stream<Resumable<A, S>, E, R>, withResume: boolean | undefined) =>
  withResume === true ? stream : Stream.map(stream, (r) => r.item)

const show = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const isCount = (n: unknown, min: number): n is number =>
  typeof n === "number" && Number.isInteger(n) && n >= min

/**
 * With `keyOf`, the signature of a page's records, to catch an API that repeats a page.
 */
const repeatGuard = <A>(keyOf: ((item: A) => unknown) | undefined) => {
  let previous: string | undefined
  return (items: ReadonlyArray<A>): boolean => {
    if (keyOf === undefined || items.length === 0) return false
    const signature = JSON.stringify(items.map((item) => String(keyOf(item))))
    const repeated = signature === previous
    previous = signature
    return repeated
  }
}

// ---------------------------------------------------------------------------------------------
// page number

/**
 * One page of a page-number API. Give `totalPages` when the API tells it (`X-WP-TotalPages`,
 * Magento's `total_count / pageSize`), else `hasNext` when it tells that.
 *
 * @since 0.1.0
 * @category models
 */
export interface NumberedPage<A> {
  readonly items: ReadonlyArray<A>
  readonly totalPages?: number | undefined
  readonly hasNext?: boolean | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface PageNumberOptions<A, E, R> {
  /** The API's first page number (default 1; 0 for zero-based APIs). */
  readonly first?: number | undefined
  /** The page to begin with (default `first`): a resumed read's state. Pages still count from `first`. */
  readonly start?: number | undefined
  /** The page size asked for; a page with fewer items is the last one (when the API says nothing). */
  readonly pageSize: number
  readonly fetch: (page: number) => Effect.Effect<NumberedPage<A>, E, R>
  /** An item's identity: a page with the same records as the page before fails the read. */
  readonly keyOf?: ((item: A) => unknown) | undefined
  /** Emit `{ item, resume }` (resume: a page number) instead of items. */
  readonly withResume?: boolean | undefined
}

/**
 * Reads a page-number API (`page=1,2,3,...`), from page `start` (default `first`). It stops
 * after page `first + totalPages - 1`
 * when the page gives `totalPages`, else when `hasNext` is `false`, else after a page shorter
 * than `pageSize` (an empty one included). With `totalPages` or `hasNext`, a short page does
 * not end the read (APIs cap the page size silently). Without them, an API that repeats its
 * last page past the end (Magento) can only be caught with `keyOf`; give the totals.
 *
 * @since 0.1.0
 * @category constructors
 */
export function pageNumber<A, E, R>(
  options: PageNumberOptions<A, E, R> & { readonly withResume: true }
): Stream.Stream<Resumable<A, number>, E | PaginationError, R>
export function pageNumber<A, E, R>(
  options: PageNumberOptions<A, E, R>
): Stream.Stream<A, E | PaginationError, R>
export function pageNumber<A, E, R>(
  options: PageNumberOptions<A, E, R>
): Stream.Stream<A | Resumable<A, number>, E | PaginationError, R> {
  const first = options.first ?? 1
  if (!isCount(options.pageSize, 1)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `pageSize must be a positive integer, not ${show(options.pageSize)}`
      })
    )
  }
  if (!isCount(first, 0)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `first must be an integer >= 0, not ${show(first)}`
      })
    )
  }
  const start = options.start ?? first
  if (!isCount(start, first)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `start must be an integer >= first (${first}), not ${show(start)}`
      })
    )
  }
  const pageSize = options.pageSize
  const stream = Stream.suspend(() => {
    const repeated = repeatGuard(options.keyOf)
    return Stream.paginate(start, (page) =>
      Effect.flatMap(options.fetch(page), (result): Effect.Effect<Step<A, number>, PaginationError> => {
        const items = result.items
        if (repeated(items)) {
          return fail(
            "RepeatedPage",
            `page ${page} has the same records as page ${page - 1}: the API repeats pages past its end (give totalPages or hasNext)`
          )
        }
        const more =
          result.totalPages !== undefined
            ? page < first + result.totalPages - 1
            : result.hasNext !== undefined
              ? result.hasNext
              : items.length >= pageSize
        const last = items.length - 1
        return Effect.succeed([
          items.map((item, i) => ({ item, resume: i === last && more ? page + 1 : page })),
          more ? Option.some(page + 1) : Option.none()
        ])
      })
    )
  })
  return finish(stream, options.withResume)
}

// ---------------------------------------------------------------------------------------------
// offset

/**
 * One page of an offset API, with the total count of records when the API tells it.
 *
 * @since 0.1.0
 * @category models
 */
export interface OffsetPage<A> {
  readonly items: ReadonlyArray<A>
  readonly total?: number | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface OffsetOptions<A, E, R> {
  /** The first offset (default 0; a resume state). */
  readonly start?: number | undefined
  /** The limit asked for; a page with fewer items is the last one (when `total` is unknown). */
  readonly pageSize: number
  readonly fetch: (offset: number, limit: number) => Effect.Effect<OffsetPage<A>, E, R>
  /** An item's identity: a page with the same records as the page before fails the read. */
  readonly keyOf?: ((item: A) => unknown) | undefined
  /** Emit `{ item, resume }` (resume: the offset of the next item) instead of items. */
  readonly withResume?: boolean | undefined
}

/**
 * Reads an offset/limit API. The next offset is the current one plus the number of items the
 * page had (not `pageSize`, in case the API caps it). It stops when the next offset reaches
 * `total` (when given), on an empty page, else after a page shorter than `pageSize`.
 *
 * @since 0.1.0
 * @category constructors
 */
export function offset<A, E, R>(
  options: OffsetOptions<A, E, R> & { readonly withResume: true }
): Stream.Stream<Resumable<A, number>, E | PaginationError, R>
export function offset<A, E, R>(options: OffsetOptions<A, E, R>): Stream.Stream<A, E | PaginationError, R>
export function offset<A, E, R>(
  options: OffsetOptions<A, E, R>
): Stream.Stream<A | Resumable<A, number>, E | PaginationError, R> {
  const start = options.start ?? 0
  if (!isCount(options.pageSize, 1)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `pageSize must be a positive integer, not ${show(options.pageSize)}`
      })
    )
  }
  if (!isCount(start, 0)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `start must be an integer >= 0, not ${show(start)}`
      })
    )
  }
  const pageSize = options.pageSize
  const stream = Stream.suspend(() => {
    const repeated = repeatGuard(options.keyOf)
    return Stream.paginate(start, (at) =>
      Effect.flatMap(
        options.fetch(at, pageSize),
        (result): Effect.Effect<Step<A, number>, PaginationError> => {
          const items = result.items
          if (repeated(items)) {
            return fail(
              "RepeatedPage",
              `the page at offset ${at} has the same records as the page before: the API repeats pages past its end (give total)`
            )
          }
          const next = at + items.length
          const more =
            items.length > 0 && (result.total !== undefined ? next < result.total : items.length >= pageSize)
          return Effect.succeed([
            items.map((item, i) => ({ item, resume: at + i + 1 })),
            more ? Option.some(next) : Option.none()
          ])
        }
      )
    )
  })
  return finish(stream, options.withResume)
}

// ---------------------------------------------------------------------------------------------
// cursor

/**
 * One page of a cursor API: its items and the cursor of the next page (`undefined`, `null`
 * or `""` at the end). Shopify: `pageInfo.hasNextPage ? pageInfo.endCursor : undefined`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CursorPage<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | undefined | null
}

/**
 * @since 0.1.0
 * @category models
 */
export interface CursorOptions<A, E, R> {
  /** The cursor to start from (a resume state); the first page has `undefined`. */
  readonly from?: string | undefined
  readonly fetch: (cursor: string | undefined) => Effect.Effect<CursorPage<A>, E, R>
  /** Emit `{ item, resume }` (resume: the cursor to start from) instead of items. */
  readonly withResume?: boolean | undefined
}

/**
 * Reads a cursor API (Shopify `endCursor`, Foodics `links.next`): it stops when a page has no
 * next cursor, and fails when a next cursor is one already fetched (the read would loop).
 * The cursors seen are remembered for the guard: a few bytes per page.
 *
 * @since 0.1.0
 * @category constructors
 */
export function cursor<A, E, R>(
  options: CursorOptions<A, E, R> & { readonly withResume: true }
): Stream.Stream<Resumable<A, string | undefined>, E | PaginationError, R>
export function cursor<A, E, R>(options: CursorOptions<A, E, R>): Stream.Stream<A, E | PaginationError, R>
export function cursor<A, E, R>(
  options: CursorOptions<A, E, R>
): Stream.Stream<A | Resumable<A, string | undefined>, E | PaginationError, R> {
  const stream = Stream.suspend(() => {
    const seen = new Set<string>()
    if (options.from !== undefined) seen.add(options.from)
    let pages = 0
    return Stream.paginate(options.from, (current: string | undefined) =>
      Effect.flatMap(
        options.fetch(current),
        (result): Effect.Effect<Step<A, string | undefined>, PaginationError> => {
          pages++
          const next = result.next === null || result.next === "" ? undefined : result.next
          if (next !== undefined) {
            if (seen.has(next)) {
              return fail(
                "RepeatedPage",
                `page ${pages} points to the cursor ${show(next)} again, already fetched: the read would loop`
              )
            }
            seen.add(next)
          }
          const last = result.items.length - 1
          return Effect.succeed([
            result.items.map((item, i) => ({
              item,
              resume: i === last && next !== undefined ? next : current
            })),
            next === undefined ? Option.none() : Option.some<string | undefined>(next)
          ])
        }
      )
    )
  })
  return finish(stream, options.withResume)
}

// ---------------------------------------------------------------------------------------------
// link

/**
 * One page of a link-driven API: its items and the URL of the next page (`undefined`, `null`
 * or `""` at the end), typically `parseLinkHeader(headers.link, url).get("next")`.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkPage<A> {
  readonly items: ReadonlyArray<A>
  readonly next?: string | undefined | null
}

/**
 * @since 0.1.0
 * @category models
 */
export interface LinkOptions<A, E, R> {
  /** The first page's URL (or a resume state). */
  readonly first: string
  readonly fetch: (url: string) => Effect.Effect<LinkPage<A>, E, R>
  /** Emit `{ item, resume }` (resume: the URL to start from) instead of items. */
  readonly withResume?: boolean | undefined
}

const normalizeUrl = (url: string, base: string): string => {
  try {
    return new URL(url, base).href
  } catch {
    try {
      return new URL(url).href
    } catch {
      return url
    }
  }
}

/**
 * Reads an API that links each page to the next (WooCommerce and WordPress `Link: <...>;
 * rel="next"`). A relative next URL is resolved against the current page's URL. It stops when
 * a page has no next link, and fails when a next URL is one already fetched (the read would
 * loop). Error messages show URLs with their credentials redacted.
 *
 * @since 0.1.0
 * @category constructors
 */
export function link<A, E, R>(
  options: LinkOptions<A, E, R> & { readonly withResume: true }
): Stream.Stream<Resumable<A, string>, E | PaginationError, R>
export function link<A, E, R>(options: LinkOptions<A, E, R>): Stream.Stream<A, E | PaginationError, R>
export function link<A, E, R>(
  options: LinkOptions<A, E, R>
): Stream.Stream<A | Resumable<A, string>, E | PaginationError, R> {
  const stream = Stream.suspend(() => {
    const seen = new Set<string>([normalizeUrl(options.first, options.first)])
    let pages = 0
    return Stream.paginate(options.first, (url: string) =>
      Effect.flatMap(options.fetch(url), (result): Effect.Effect<Step<A, string>, PaginationError> => {
        pages++
        const raw = result.next === null || result.next === "" ? undefined : result.next
        const next = raw === undefined ? undefined : normalizeUrl(raw, url)
        if (next !== undefined) {
          if (seen.has(next)) {
            return fail(
              "RepeatedPage",
              `page ${pages} links to ${redactUrl(next)} again, already fetched: the read would loop`
            )
          }
          seen.add(next)
        }
        const last = result.items.length - 1
        return Effect.succeed([
          result.items.map((item, i) => ({ item, resume: i === last && next !== undefined ? next : url })),
          next === undefined ? Option.none() : Option.some(next)
        ])
      })
    )
  })
  return finish(stream, options.withResume)
}

// ---------------------------------------------------------------------------------------------
// keyset

/**
 * @since 0.1.0
 * @category models
 */
export interface KeysetOptions<A, K, E, R> {
  /** Start after this key (a resume state); the first page has `undefined`. */
  readonly after?: K | undefined
  /** The page size asked for; a page with fewer items is the last one. */
  readonly pageSize: number
  /** The next page: items whose key is greater than `after`, sorted by key. */
  readonly fetch: (after: K | undefined) => Effect.Effect<{ readonly items: ReadonlyArray<A> }, E, R>
  readonly keyOf: (item: A) => K
  /** The API's order of keys (default: `<` on numbers, bigints, or strings by code unit). */
  readonly compare?: ((a: K, b: K) => number) | undefined
  /** Emit `{ item, resume }` (resume: the item's key) instead of items. */
  readonly withResume?: boolean | undefined
}

const natural = <K extends string | number | bigint>(a: K, b: K): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Reads a keyset API (Open2b's `after` with `order: ["id"]`): each page asks for the items
 * after the last key of the page before, and a page shorter than `pageSize` is the last. Keys
 * must strictly increase (from `after`, across pages): a key that does not fails the read,
 * since the next request would skip or repeat records.
 *
 * @since 0.1.0
 * @category constructors
 */
export function keyset<A, K extends string | number | bigint, E, R>(
  options: KeysetOptions<A, K, E, R> & { readonly withResume: true }
): Stream.Stream<Resumable<A, K>, E | PaginationError, R>
export function keyset<A, K extends string | number | bigint, E, R>(
  options: KeysetOptions<A, K, E, R>
): Stream.Stream<A, E | PaginationError, R>
export function keyset<A, K extends string | number | bigint, E, R>(
  options: KeysetOptions<A, K, E, R>
): Stream.Stream<A | Resumable<A, K>, E | PaginationError, R> {
  if (!isCount(options.pageSize, 1)) {
    return Stream.fail(
      new PaginationError({
        reason: "InvalidOptions",
        message: `pageSize must be a positive integer, not ${show(options.pageSize)}`
      })
    )
  }
  const pageSize = options.pageSize
  const compare = options.compare ?? natural
  const stream = Stream.paginate(options.after, (after: K | undefined) =>
    Effect.flatMap(
      options.fetch(after),
      (result): Effect.Effect<Step<A, K, K | undefined>, PaginationError> => {
        const out: Array<Resumable<A, K>> = []
        let previous = after
        for (const item of result.items) {
          const key = options.keyOf(item)
          if (previous !== undefined && compare(previous, key) >= 0) {
            return fail(
              "KeysNotIncreasing",
              `the key ${show(key)} follows the key ${show(previous)}: keyset pages must be sorted by a unique key`
            )
          }
          out.push({ item, resume: key })
          previous = key
        }
        return Effect.succeed([
          out,
          result.items.length >= pageSize && previous !== undefined
            ? Option.some<K | undefined>(previous)
            : Option.none()
        ])
      }
    )
  )
  return finish(stream, options.withResume)
}
