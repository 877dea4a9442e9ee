import { assert, describe, it } from "@effect/vitest"
import { Cause, Data, Effect, Exit, Stream } from "effect"
import { ConnectorError } from "../src/ConnectorError.ts"
import * as Pagination from "../src/Pagination.ts"

/** The items 1..n, as records with an id. */
const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }))
const ids = (items: ReadonlyArray<{ readonly id: number }>) => items.map((r) => r.id)

/** A page source that records every request it answers. */
const source = <Req, Page>(answer: (request: Req) => Page) => {
  const requests: Array<Req> = []
  return {
    requests,
    fetch: (request: Req) =>
      Effect.sync(() => {
        requests.push(request)
        return answer(request)
      })
  }
}

const slice = <A>(all: ReadonlyArray<A>, page: number, size: number, first = 1) =>
  all.slice((page - first) * size, (page - first + 1) * size)

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  assert.isTrue(Exit.isFailure(exit), "expected the stream to fail")
  if (Exit.isSuccess(exit)) throw new Error("unreachable")
  const error = exit.cause.reasons.find(Cause.isFailReason)
  if (error === undefined) throw new Error(`expected a failure, got ${Cause.pretty(exit.cause)}`)
  return error.error
}

describe("parseLinkHeader", () => {
  it("reads WooCommerce's prev and next links", () => {
    const links = Pagination.parseLinkHeader(
      '<https://shop.example/wp-json/wc/v3/customers?page=1>; rel="prev", <https://shop.example/wp-json/wc/v3/customers?page=3>; rel="next"'
    )
    assert.deepStrictEqual(
      [...links],
      [
        ["prev", "https://shop.example/wp-json/wc/v3/customers?page=1"],
        ["next", "https://shop.example/wp-json/wc/v3/customers?page=3"]
      ]
    )
  })

  it("keeps commas and semicolons inside URLs and quoted values", () => {
    const links = Pagination.parseLinkHeader(
      '<https://a.example/items?fields=id,name;v=2&page=2>; title="a, b; c"; rel=next, <https://a.example/items?fields=id,name&page=9>; rel="last"'
    )
    assert.strictEqual(links.get("next"), "https://a.example/items?fields=id,name;v=2&page=2")
    assert.strictEqual(links.get("last"), "https://a.example/items?fields=id,name&page=9")
    assert.strictEqual(links.size, 2)
  })

  it("files a link with several relation types under each, case-insensitively", () => {
    const links = Pagination.parseLinkHeader('<https://a.example/p/5>; REL="Next  Last"')
    assert.strictEqual(links.get("next"), "https://a.example/p/5")
    assert.strictEqual(links.get("last"), "https://a.example/p/5")
  })

  it("resolves relative URLs against the base, and keeps them as they are without one", () => {
    const header = '</api/items?page=2>; rel="next", <items?page=1>; rel="first"'
    const resolved = Pagination.parseLinkHeader(header, "https://a.example/api/items?page=1")
    assert.strictEqual(resolved.get("next"), "https://a.example/api/items?page=2")
    assert.strictEqual(resolved.get("first"), "https://a.example/api/items?page=1")
    assert.strictEqual(Pagination.parseLinkHeader(header).get("next"), "/api/items?page=2")
  })

  it("unescapes quoted values, keeps the first link of a relation, ignores links without rel", () => {
    const links = Pagination.parseLinkHeader(
      '<https://a.example/x>; title="say \\"hi\\"", <https://a.example/1>; rel="next", <https://a.example/2>; rel="next"'
    )
    assert.deepStrictEqual([...links], [["next", "https://a.example/1"]])
  })

  it("skips a malformed link and reads the ones after it", () => {
    const links = Pagination.parseLinkHeader('garbage; rel="prev", <https://a.example/3>; rel="next"')
    assert.deepStrictEqual([...links], [["next", "https://a.example/3"]])
  })

  it("gives an empty map for an absent or empty header", () => {
    assert.strictEqual(Pagination.parseLinkHeader(undefined).size, 0)
    assert.strictEqual(Pagination.parseLinkHeader("").size, 0)
  })
})

describe("pageNumber", () => {
  const all = records(7)

  it("stops at totalPages even when the API would answer further pages", () => {
    // Magento repeats the last page past the end: only totalPages stops it
    const src = source((page: number) => ({ items: slice(all, Math.min(page, 3), 3), totalPages: 3 }))
    const out = Effect.runSync(Stream.runCollect(Pagination.pageNumber({ pageSize: 3, fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [1, 2, 3])
  })

  it("follows totalPages through short pages (an API that caps the page size)", () => {
    // asked for 5 per page, the API gives 2: totalPages says there are 4 pages
    const src = source((page: number) => ({ items: slice(all, page, 2), totalPages: 4 }))
    const out = Effect.runSync(Stream.runCollect(Pagination.pageNumber({ pageSize: 5, fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [1, 2, 3, 4])
  })

  it("stops when hasNext is false", () => {
    const src = source((page: number) => ({ items: slice(all, page, 4), hasNext: page < 2 }))
    const out = Effect.runSync(Stream.runCollect(Pagination.pageNumber({ pageSize: 4, fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [1, 2])
  })

  it("stops after a short page when the API says nothing else", () => {
    const src = source((page: number) => ({ items: slice(all, page, 3) }))
    const out = Effect.runSync(Stream.runCollect(Pagination.pageNumber({ pageSize: 3, fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [1, 2, 3])
  })

  it("stops on the empty page after a last page that was full", () => {
    const six = records(6)
    const src = source((page: number) => ({ items: slice(six, page, 3) }))
    const out = Effect.runSync(Stream.runCollect(Pagination.pageNumber({ pageSize: 3, fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6])
    assert.deepStrictEqual(src.requests, [1, 2, 3])
  })

  it("starts at page 0 for zero-based APIs, and stops at the right page with totalPages", () => {
    const src = source((page: number) => ({ items: slice(all, page, 3, 0), totalPages: 3 }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.pageNumber({ first: 0, pageSize: 3, fetch: src.fetch }))
    )
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [0, 1, 2])
  })

  it("resumes at `start` and still stops at the last page counted from `first`", () => {
    // 7 records, pages of 2: pages 1..4 (totalPages 4); a read resumed at page 3
    const src = source((page: number) => ({ items: slice(all, page, 2), totalPages: 4 }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.pageNumber({ first: 1, start: 3, pageSize: 2, fetch: src.fetch }))
    )
    assert.deepStrictEqual(ids(out), [5, 6, 7])
    assert.deepStrictEqual(src.requests, [3, 4])
    const bad = Effect.runSync(
      Effect.flip(
        Stream.runCollect(Pagination.pageNumber({ first: 1, start: 0, pageSize: 2, fetch: src.fetch }))
      )
    )
    assert.strictEqual(bad.message, "start must be an integer >= first (1), not 0")
  })

  it("fails, instead of looping, when a page repeats the page before (with keyOf)", () => {
    // a full last page, no totals, and the API repeats it past the end
    const six = records(6)
    const src = source((page: number) => ({ items: slice(six, Math.min(page, 2), 3) }))
    const exit = Effect.runSyncExit(
      Stream.runCollect(Pagination.pageNumber({ pageSize: 3, fetch: src.fetch, keyOf: (r) => r.id }))
    )
    const error = failureOf(exit)
    assert.instanceOf(error, Pagination.PaginationError)
    assert.strictEqual(error.reason, "RepeatedPage")
    assert.include(error.message, "page 3 has the same records as page 2")
    assert.deepStrictEqual(src.requests, [1, 2, 3])
  })

  it("gives each item the page to resume from: its own, or the next after a page's last item", () => {
    const five = records(5)
    const src = source((page: number) => ({ items: slice(five, page, 2), totalPages: 3 }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.pageNumber({ pageSize: 2, fetch: src.fetch, withResume: true }))
    )
    assert.deepStrictEqual(
      out.map((r) => [r.item.id, r.resume]),
      [
        [1, 1],
        [2, 2],
        [3, 2],
        [4, 3],
        [5, 3]
      ]
    )
  })

  it("rejects a page size that is not a positive integer", () => {
    const error = failureOf(
      Effect.runSyncExit(
        Stream.runCollect(Pagination.pageNumber({ pageSize: 0, fetch: () => Effect.succeed({ items: [] }) }))
      )
    )
    assert.strictEqual(error.reason, "InvalidOptions")
    assert.strictEqual(error.message, "pageSize must be a positive integer, not 0")
  })
})

describe("offset", () => {
  const all = records(7)

  it("advances by the items received and stops at total", () => {
    const src = source(([at, limit]: readonly [number, number]) => ({
      items: all.slice(at, at + limit),
      total: 7
    }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.offset({ pageSize: 3, fetch: (at, limit) => src.fetch([at, limit]) }))
    )
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [
      [0, 3],
      [3, 3],
      [6, 3]
    ])
  })

  it("follows an API that caps the limit when it gives total", () => {
    const src = source(([at]: readonly [number, number]) => ({ items: all.slice(at, at + 2), total: 7 }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.offset({ pageSize: 5, fetch: (at, limit) => src.fetch([at, limit]) }))
    )
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(
      src.requests.map(([at]) => at),
      [0, 2, 4, 6]
    )
  })

  it("stops after a short page without total, and starts at start", () => {
    const src = source(([at, limit]: readonly [number, number]) => ({ items: all.slice(at, at + limit) }))
    const out = Effect.runSync(
      Stream.runCollect(
        Pagination.offset({ start: 2, pageSize: 3, fetch: (at, limit) => src.fetch([at, limit]) })
      )
    )
    assert.deepStrictEqual(ids(out), [3, 4, 5, 6, 7])
    assert.deepStrictEqual(
      src.requests.map(([at]) => at),
      [2, 5]
    )
  })

  it("stops on an empty page even when total promises more (records deleted meanwhile)", () => {
    const src = source(([at, limit]: readonly [number, number]) => ({
      items: all.slice(at, at + limit),
      total: 50
    }))
    const out = Effect.runSync(
      Stream.runCollect(Pagination.offset({ pageSize: 4, fetch: (at, limit) => src.fetch([at, limit]) }))
    )
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(
      src.requests.map(([at]) => at),
      [0, 4, 7]
    )
  })

  it("gives each item the offset of the next one to resume from", () => {
    const src = source(([at, limit]: readonly [number, number]) => ({
      items: all.slice(at, at + limit),
      total: 7
    }))
    const out = Effect.runSync(
      Stream.runCollect(
        Pagination.offset({
          start: 4,
          pageSize: 2,
          fetch: (at, limit) => src.fetch([at, limit]),
          withResume: true
        })
      )
    )
    assert.deepStrictEqual(
      out.map((r) => [r.item.id, r.resume]),
      [
        [5, 5],
        [6, 6],
        [7, 7]
      ]
    )
  })

  it("fails when a page repeats the one before (with keyOf)", () => {
    const src = source(([at]: readonly [number, number]) => ({
      items: all.slice(Math.min(at, 3), Math.min(at, 3) + 3)
    }))
    const error = failureOf(
      Effect.runSyncExit(
        Stream.runCollect(
          Pagination.offset({ pageSize: 3, fetch: (at, limit) => src.fetch([at, limit]), keyOf: (r) => r.id })
        )
      )
    )
    assert.strictEqual(error.reason, "RepeatedPage")
    assert.include(error.message, "offset 6")
  })
})

describe("cursor", () => {
  // cursor "c<n>" starts at item n (0-based); the first page has no cursor
  const all = records(7)
  const pageAt = (cursor: string | undefined) => {
    const at = cursor === undefined ? 0 : Number(cursor.slice(1))
    const items = all.slice(at, at + 3)
    return { items, next: at + 3 < all.length ? `c${at + 3}` : null }
  }

  it("follows next cursors until there is none, fetching each page once", () => {
    const src = source(pageAt)
    const out = Effect.runSync(Stream.runCollect(Pagination.cursor({ fetch: src.fetch })))
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5, 6, 7])
    assert.deepStrictEqual(src.requests, [undefined, "c3", "c6"])
  })

  it("treats an empty next cursor as the end (Shopify's endCursor when hasNextPage is false)", () => {
    const src = source((cursor: string | undefined) => ({ items: cursor === undefined ? all : [], next: "" }))
    const out = Effect.runSync(Stream.runCollect(Pagination.cursor({ fetch: src.fetch })))
    assert.strictEqual(out.length, 7)
    assert.deepStrictEqual(src.requests, [undefined])
  })

  it("fails instead of bouncing between two pages", () => {
    // the n8n/Shopify bug: page 2 points back to page 1's cursor
    const src = source((cursor: string | undefined) =>
      cursor === "b"
        ? { items: [{ id: 2 }], next: "a" }
        : { items: [{ id: 1 }], next: cursor === undefined ? "a" : "b" }
    )
    const exit = Effect.runSyncExit(Stream.runCollect(Pagination.cursor({ fetch: src.fetch })))
    const error = failureOf(exit)
    assert.strictEqual(error.reason, "RepeatedPage")
    assert.strictEqual(
      error.message,
      'page 3 points to the cursor "a" again, already fetched: the read would loop'
    )
    assert.deepStrictEqual(src.requests, [undefined, "a", "b"])
  })

  it("resumes from a cursor, and never fetches the cursor it resumed from again", () => {
    const resumed = source(pageAt)
    const out = Effect.runSync(Stream.runCollect(Pagination.cursor({ from: "c3", fetch: resumed.fetch })))
    assert.deepStrictEqual(ids(out), [4, 5, 6, 7])
    const looping = source((cursor: string | undefined) => ({
      items: [{ id: 1 }],
      next: cursor === "x" ? "y" : "x"
    }))
    const error = failureOf(
      Effect.runSyncExit(Stream.runCollect(Pagination.cursor({ from: "x", fetch: looping.fetch })))
    )
    assert.strictEqual(error.reason, "RepeatedPage")
    assert.deepStrictEqual(looping.requests, ["x", "y"])
  })

  it("gives each item the cursor to resume from", () => {
    const out = Effect.runSync(
      Stream.runCollect(Pagination.cursor({ fetch: source(pageAt).fetch, withResume: true }))
    )
    assert.deepStrictEqual(
      out.map((r) => [r.item.id, r.resume]),
      [
        [1, undefined],
        [2, undefined],
        [3, "c3"],
        [4, "c3"],
        [5, "c3"],
        [6, "c6"],
        [7, "c6"]
      ]
    )
  })

  it("takes only the pages a Stream.take needs", () => {
    const src = source(pageAt)
    const two = Effect.runSync(
      Stream.runCollect(Pagination.cursor({ fetch: src.fetch }).pipe(Stream.take(2)))
    )
    assert.deepStrictEqual(ids(two), [1, 2])
    assert.deepStrictEqual(src.requests, [undefined])
    const again = source(pageAt)
    const four = Effect.runSync(
      Stream.runCollect(Pagination.cursor({ fetch: again.fetch }).pipe(Stream.take(4)))
    )
    assert.deepStrictEqual(ids(four), [1, 2, 3, 4])
    assert.deepStrictEqual(again.requests, [undefined, "c3"])
    // exactly a page's worth: the next page is not fetched
    const exact = source(pageAt)
    const three = Effect.runSync(
      Stream.runCollect(Pagination.cursor({ fetch: exact.fetch }).pipe(Stream.take(3)))
    )
    assert.deepStrictEqual(ids(three), [1, 2, 3])
    assert.deepStrictEqual(exact.requests, [undefined])
  })

  it("fetches nothing before the stream runs, and starts over on each run", () => {
    const src = source(pageAt)
    const stream = Pagination.cursor({ fetch: src.fetch })
    assert.strictEqual(src.requests.length, 0)
    Effect.runSync(Stream.runDrain(stream))
    Effect.runSync(Stream.runDrain(stream))
    assert.deepStrictEqual(src.requests, [undefined, "c3", "c6", undefined, "c3", "c6"])
  })

  it("propagates the fetch's error after the items before it", () => {
    class Boom extends Data.TaggedError("Boom")<{ readonly page: string }> {}
    const seen: Array<number> = []
    const exit = Effect.runSyncExit(
      Pagination.cursor({
        fetch: (cursor) =>
          cursor === "c3" ? Effect.fail(new Boom({ page: cursor })) : Effect.succeed(pageAt(cursor))
      }).pipe(Stream.runForEach((r) => Effect.sync(() => seen.push(r.id))))
    )
    const error = failureOf(exit)
    assert.instanceOf(error, Boom)
    assert.deepStrictEqual(seen, [1, 2, 3])
  })
})

describe("link", () => {
  const base = "https://shop.example/wp-json/wc/v3/customers"
  const all = records(5)
  const pageOf = (url: string) => Number(new URL(url).searchParams.get("page") ?? "1")
  const woo = (url: string) => {
    const page = pageOf(url)
    return {
      items: slice(all, page, 2),
      next:
        page < 3
          ? Pagination.parseLinkHeader(`<${base}?page=${page + 1}>; rel="next"`, url).get("next")
          : undefined
    }
  }

  it("follows rel=next until a page has none", () => {
    const src = source(woo)
    const out = Effect.runSync(
      Stream.runCollect(Pagination.link({ first: `${base}?page=1`, fetch: src.fetch }))
    )
    assert.deepStrictEqual(ids(out), [1, 2, 3, 4, 5])
    assert.deepStrictEqual(src.requests, [`${base}?page=1`, `${base}?page=2`, `${base}?page=3`])
  })

  it("resolves a relative next link against the current page", () => {
    const src = source((url: string) =>
      pageOf(url) === 1 ? { items: [{ id: 1 }], next: "?page=2" } : { items: [{ id: 2 }] }
    )
    const out = Effect.runSync(
      Stream.runCollect(Pagination.link({ first: `${base}?page=1`, fetch: src.fetch }))
    )
    assert.deepStrictEqual(ids(out), [1, 2])
    assert.deepStrictEqual(src.requests, [`${base}?page=1`, `${base}?page=2`])
  })

  it("fails when a link points back to a page already fetched, without the secrets of its URL", () => {
    const secret = "cs_0123456789abcdef"
    const first = `${base}?consumer_key=ck_1&consumer_secret=${secret}&page=1`
    const src = source((url: string) => ({
      items: [{ id: pageOf(url) }],
      next: pageOf(url) === 1 ? first.replace("page=1", "page=2") : first
    }))
    const error = failureOf(
      Effect.runSyncExit(Stream.runCollect(Pagination.link({ first, fetch: src.fetch })))
    )
    assert.strictEqual(error.reason, "RepeatedPage")
    assert.notInclude(error.message, secret)
    assert.include(error.message, "page 2 links to https://shop.example/wp-json/wc/v3/customers?")
    assert.strictEqual(src.requests.length, 2)
  })

  it("gives each item the URL to resume from", () => {
    const out = Effect.runSync(
      Stream.runCollect(
        Pagination.link({ first: `${base}?page=1`, fetch: source(woo).fetch, withResume: true })
      )
    )
    assert.deepStrictEqual(
      out.map((r) => [r.item.id, r.resume]),
      [
        [1, `${base}?page=1`],
        [2, `${base}?page=2`],
        [3, `${base}?page=2`],
        [4, `${base}?page=3`],
        [5, `${base}?page=3`]
      ]
    )
  })
})

describe("keyset", () => {
  const all = [{ id: 3 }, { id: 8 }, { id: 10 }, { id: 21 }, { id: 40 }]
  const after = (key: number | undefined) => ({
    items: all.filter((r) => key === undefined || r.id > key).slice(0, 2)
  })

  it("asks for the items after the last key of each page and stops on a short page", () => {
    const src = source(after)
    const out = Effect.runSync(
      Stream.runCollect(Pagination.keyset({ pageSize: 2, fetch: src.fetch, keyOf: (r) => r.id }))
    )
    assert.deepStrictEqual(ids(out), [3, 8, 10, 21, 40])
    assert.deepStrictEqual(src.requests, [undefined, 8, 21])
  })

  it("resumes after a key, and gives each item its own key as the resume state", () => {
    const src = source(after)
    const out = Effect.runSync(
      Stream.runCollect(
        Pagination.keyset({ after: 8, pageSize: 2, fetch: src.fetch, keyOf: (r) => r.id, withResume: true })
      )
    )
    assert.deepStrictEqual(
      out.map((r) => [r.item.id, r.resume]),
      [
        [10, 10],
        [21, 21],
        [40, 40]
      ]
    )
    assert.deepStrictEqual(src.requests, [8, 21])
  })

  it("fails when keys do not increase, within a page or across pages", () => {
    const unsorted = source(() => ({ items: [{ id: 5 }, { id: 4 }] }))
    const e1 = failureOf(
      Effect.runSyncExit(
        Stream.runCollect(Pagination.keyset({ pageSize: 2, fetch: unsorted.fetch, keyOf: (r) => r.id }))
      )
    )
    assert.strictEqual(e1.reason, "KeysNotIncreasing")
    assert.strictEqual(e1.message, "the key 4 follows the key 5: keyset pages must be sorted by a unique key")
    // an API that ignores `after` sends the first page again
    const ignoring = source(() => ({ items: [{ id: 1 }, { id: 2 }] }))
    const e2 = failureOf(
      Effect.runSyncExit(
        Stream.runCollect(Pagination.keyset({ pageSize: 2, fetch: ignoring.fetch, keyOf: (r) => r.id }))
      )
    )
    assert.strictEqual(e2.reason, "KeysNotIncreasing")
    assert.deepStrictEqual(ignoring.requests, [undefined, 2])
  })

  it("uses the API's order of keys when given one", () => {
    // case-insensitive string keys: "b" < "C" for this API, not by code unit
    const keys = ["a", "b", "C"]
    const src = source((k: string | undefined) => ({
      items: keys.filter((x) => k === undefined || x.toLowerCase() > k.toLowerCase()).map((id) => ({ id }))
    }))
    const out = Effect.runSync(
      Stream.runCollect(
        Pagination.keyset({
          pageSize: 5,
          fetch: src.fetch,
          keyOf: (r) => r.id,
          compare: (a, b) => a.toLowerCase().localeCompare(b.toLowerCase())
        })
      )
    )
    assert.deepStrictEqual(
      out.map((r) => r.id),
      ["a", "b", "C"]
    )
  })
})

describe("asConnectorError", () => {
  it("turns a PaginationError into a non-retryable InvalidResponse of the connector", () => {
    const src = source((cursor: string | undefined) => ({
      items: [{ id: 1 }],
      next: cursor === undefined ? "a" : "a"
    }))
    const stream = Pagination.cursor({ fetch: src.fetch }).pipe(Pagination.asConnectorError("shopify"))
    const error = failureOf(Effect.runSyncExit(Stream.runCollect(stream)))
    assert.instanceOf(error, ConnectorError)
    assert.strictEqual(error.connector, "shopify")
    assert.strictEqual(error.reason, "InvalidResponse")
    assert.strictEqual(error.retryable, false)
    assert.include(error.message, "already fetched")
  })
})
