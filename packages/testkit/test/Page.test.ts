import { assert, describe, it } from "@effect/vitest"
import { Emulator, Page, Respond } from "../src/index.ts"

const items = Array.from({ length: 25 }, (_, i) => ({ id: i + 1 }))
const ids = (body: unknown) => (body as ReadonlyArray<{ id: number }>).map((r) => r.id)

const routes: Emulator.Routes = {
  "GET /wc/customers": (req) => {
    const page = Page.byNumber(items, req, {
      totalHeader: "X-WP-Total",
      totalPagesHeader: "X-WP-TotalPages",
      maxSize: 100,
      invalid: (message) => Respond.json({ code: "rest_invalid_param", message }, { status: 400 })
    })
    return Respond.json(page.items, { headers: page.headers })
  },
  "GET /woo-style": (req) => {
    const page = Page.byNumber(items, req, { link: ["prev", "next"] })
    return Respond.json(page.items, { headers: page.headers })
  },
  "GET /offset": (req) => {
    const page = Page.byOffset(items, req, { totalHeader: "X-Total-Count", link: ["next", "prev"] })
    return Respond.json(page.items, { headers: page.headers })
  },
  "GET /cursor": (req) => {
    const page = Page.byCursor(items, req, { nextHeader: "X-Next-Cursor", defaultSize: 10 })
    return Respond.json({ data: page.items, next_cursor: page.next ?? null }, { headers: page.headers })
  },
  "GET /keyset": (req) => {
    const page = Page.byKeyset(items, req, { key: (i) => i.id, defaultSize: 10 })
    return Respond.json({ data: page.items, last: page.last ?? null, has_more: page.hasMore })
  }
}

const withEmulator = async (f: (url: string) => Promise<void>) => {
  const running = await Emulator.start({ routes })
  try {
    await f(running.url)
  } finally {
    await running.close()
  }
}

describe("Page", () => {
  it("byNumber: slices pages, sends totals and an RFC 8288 Link header with absolute URLs", async () => {
    await withEmulator(async (url) => {
      const first = await fetch(`${url}/wc/customers?per_page=10&role=all`)
      assert.deepStrictEqual(ids(await first.json()), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      assert.strictEqual(first.headers.get("x-wp-total"), "25")
      assert.strictEqual(first.headers.get("x-wp-totalpages"), "3")
      assert.strictEqual(
        first.headers.get("link"),
        `<${url}/wc/customers?per_page=10&role=all&page=1>; rel="first", ` +
          `<${url}/wc/customers?per_page=10&role=all&page=2>; rel="next", ` +
          `<${url}/wc/customers?per_page=10&role=all&page=3>; rel="last"`
      )
      const second = await fetch(`${url}/wc/customers?page=2&per_page=10`)
      assert.deepStrictEqual(ids(await second.json()), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
      assert.strictEqual(
        second.headers.get("link"),
        `<${url}/wc/customers?page=1&per_page=10>; rel="first", ` +
          `<${url}/wc/customers?page=1&per_page=10>; rel="prev", ` +
          `<${url}/wc/customers?page=3&per_page=10>; rel="next", ` +
          `<${url}/wc/customers?page=3&per_page=10>; rel="last"`
      )
      const last = await fetch(`${url}/wc/customers?page=3&per_page=10`)
      assert.deepStrictEqual(ids(await last.json()), [21, 22, 23, 24, 25])
      assert.strictEqual(
        last.headers.get("link"),
        `<${url}/wc/customers?page=1&per_page=10>; rel="first", ` +
          `<${url}/wc/customers?page=2&per_page=10>; rel="prev", ` +
          `<${url}/wc/customers?page=3&per_page=10>; rel="last"`
      )
      const beyond = await fetch(`${url}/wc/customers?page=4&per_page=10`)
      assert.deepStrictEqual(await beyond.json(), [])
    })
  })

  it("byNumber: only the relations asked for, and the platform's body for bad parameters", async () => {
    await withEmulator(async (url) => {
      const woo = await fetch(`${url}/woo-style?page=2&per_page=10`)
      await woo.arrayBuffer()
      assert.strictEqual(
        woo.headers.get("link"),
        `<${url}/woo-style?page=1&per_page=10>; rel="prev", <${url}/woo-style?page=3&per_page=10>; rel="next"`
      )
      const defaults = await fetch(`${url}/woo-style`)
      assert.strictEqual(ids(await defaults.json()).length, 10)
      const bad = await fetch(`${url}/wc/customers?per_page=abc`)
      assert.strictEqual(bad.status, 400)
      assert.deepStrictEqual(await bad.json(), {
        code: "rest_invalid_param",
        message: 'per_page must be an integer, got "abc"'
      })
      const tooBig = await fetch(`${url}/wc/customers?per_page=101`)
      assert.deepStrictEqual(await tooBig.json(), {
        code: "rest_invalid_param",
        message: "per_page must be at most 100, got 101"
      })
      const zero = await fetch(`${url}/wc/customers?page=0`)
      assert.deepStrictEqual(await zero.json(), {
        code: "rest_invalid_param",
        message: "page must be at least 1, got 0"
      })
    })
  })

  it("byOffset: slices from the offset, sends the total and next/prev links", async () => {
    await withEmulator(async (url) => {
      const res = await fetch(`${url}/offset?offset=10&limit=10`)
      assert.deepStrictEqual(ids(await res.json()), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
      assert.strictEqual(res.headers.get("x-total-count"), "25")
      assert.strictEqual(
        res.headers.get("link"),
        `<${url}/offset?offset=20&limit=10>; rel="next", <${url}/offset?offset=0&limit=10>; rel="prev"`
      )
      const end = await fetch(`${url}/offset?offset=20&limit=10`)
      assert.deepStrictEqual(ids(await end.json()), [21, 22, 23, 24, 25])
      assert.strictEqual(end.headers.get("link"), `<${url}/offset?offset=10&limit=10>; rel="prev"`)
    })
  })

  it("byCursor: opaque tokens lead through every record once; a foreign token is refused", async () => {
    await withEmulator(async (url) => {
      const seen: Array<number> = []
      let cursor: string | null = null
      let pages = 0
      do {
        const q: string = cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`
        const res = await fetch(`${url}/cursor${q}`)
        const body = (await res.json()) as { data: Array<{ id: number }>; next_cursor: string | null }
        assert.strictEqual(res.headers.get("x-next-cursor"), body.next_cursor)
        seen.push(...body.data.map((r) => r.id))
        cursor = body.next_cursor
        pages++
      } while (cursor !== null)
      assert.strictEqual(pages, 3)
      assert.deepStrictEqual(
        seen,
        items.map((i) => i.id)
      )
      const bad = await fetch(`${url}/cursor?cursor=not-a-cursor`)
      assert.strictEqual(bad.status, 400)
      assert.deepStrictEqual(await bad.json(), {
        error: "bad_request",
        message: 'cursor "not-a-cursor" is not a cursor this API issued'
      })
    })
  })

  it("byKeyset: records after the given key", async () => {
    await withEmulator(async (url) => {
      const first = (await (await fetch(`${url}/keyset`)).json()) as {
        data: unknown
        last: number
        has_more: boolean
      }
      assert.deepStrictEqual(ids(first.data), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      assert.strictEqual(first.last, 10)
      assert.isTrue(first.has_more)
      const next = (await (await fetch(`${url}/keyset?after=20`)).json()) as {
        data: unknown
        last: number
        has_more: boolean
      }
      assert.deepStrictEqual(ids(next.data), [21, 22, 23, 24, 25])
      assert.strictEqual(next.last, 25)
      assert.isFalse(next.has_more)
    })
  })

  it("link formats relations as RFC 8288 says", () => {
    assert.strictEqual(
      Page.link([
        { rel: "next", url: "http://127.0.0.1:1/x?page=2" },
        { rel: "last", url: "http://127.0.0.1:1/x?page=9" }
      ]),
      '<http://127.0.0.1:1/x?page=2>; rel="next", <http://127.0.0.1:1/x?page=9>; rel="last"'
    )
  })
})
