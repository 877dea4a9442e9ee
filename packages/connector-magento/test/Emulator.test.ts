/**
 * The emulator, spoken to with plain fetch: bearer auth, searchCriteria (filters, sorting,
 * paging with Magento's page-past-the-end quirk), error bodies, rate limiting and faults.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as MagentoEmulator from "../src/emulator.ts"

let running: MagentoEmulator.Running

beforeAll(async () => {
  running = await MagentoEmulator.start({ customers: 12, orders: 8, guests: 3 })
})
afterAll(() => running.close())

const auth = { authorization: `Bearer ${MagentoEmulator.token}` }

/** A JSON answer, read loosely: a search result, a record or an error body. */
interface Body {
  readonly [key: string]: unknown
  readonly items?: ReadonlyArray<Readonly<Record<string, unknown>>>
  readonly total_count?: number
  readonly search_criteria?: { readonly filter_groups: ReadonlyArray<unknown> }
  readonly options?: ReadonlyArray<unknown>
  readonly id?: number
  readonly entity_id?: number
  readonly email?: string
}

const get = async (path: string, headers: Record<string, string> = auth) => {
  const response = await fetch(`${running.url}${path}`, { headers })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body }
}

const q = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&")

const search = (path: string, params: Record<string, string | number>) => get(`/rest/V1/${path}?${q(params)}`)

const ids = (body: Body) => (body.items ?? []).map((i) => i.id ?? i.entity_id)

describe("auth", () => {
  it("refuses a request without or with a wrong token, with Magento's 401 body", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }]) {
      const answer = await get("/rest/V1/customers/1", headers)
      assert.strictEqual(answer.status, 401)
      assert.deepStrictEqual(answer.body, {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: "Magento_Customer::customer" }
      })
    }
    assert.strictEqual((await get("/rest/V1/customers/1")).status, 200)
  })

  it("serves the store-code form of the path too", async () => {
    assert.strictEqual((await get("/rest/default/V1/customers/2")).body.id, 2)
    assert.strictEqual((await get("/rest/all/V1/orders/3")).body.entity_id, 3)
  })
})

describe("searchCriteria", () => {
  it("pages with pageSize and currentPage, and answers the LAST page again past the end", async () => {
    const page = (n: number) =>
      search("customers/search", { "searchCriteria[pageSize]": 5, "searchCriteria[currentPage]": n })
    assert.deepStrictEqual(ids((await page(1)).body), [1, 2, 3, 4, 5])
    const last = await page(3)
    assert.deepStrictEqual(ids(last.body), [11, 12])
    assert.strictEqual(last.body.total_count, 12)
    const past = await page(4)
    assert.deepStrictEqual(ids(past.body), [11, 12])
    assert.deepStrictEqual(ids((await page(40)).body), [11, 12])
  })

  it("filters: eq (no condition_type), gteq, like, in; groups ANDed, filters within a group ORed", async () => {
    const one = await search("customers/search", {
      "searchCriteria[filter_groups][0][filters][0][field]": "entity_id",
      "searchCriteria[filter_groups][0][filters][0][value]": 7
    })
    assert.deepStrictEqual(ids(one.body), [7])
    const from = await search("customers/search", {
      "searchCriteria[filter_groups][0][filters][0][field]": "entity_id",
      "searchCriteria[filter_groups][0][filters][0][value]": 10,
      "searchCriteria[filter_groups][0][filters][0][condition_type]": "gteq"
    })
    assert.deepStrictEqual(ids(from.body), [10, 11, 12])
    const email = (await get("/rest/V1/customers/4")).body.email as string
    const like = await search("customers/search", {
      "searchCriteria[filter_groups][0][filters][0][field]": "email",
      "searchCriteria[filter_groups][0][filters][0][value]": `%${email.slice(1, 6).toUpperCase()}%`,
      "searchCriteria[filter_groups][0][filters][0][condition_type]": "like"
    })
    assert.include(ids(like.body), 4)
    const inOr = await search("customers/search", {
      "searchCriteria[filter_groups][0][filters][0][field]": "entity_id",
      "searchCriteria[filter_groups][0][filters][0][value]": "2,5,9",
      "searchCriteria[filter_groups][0][filters][0][condition_type]": "in",
      "searchCriteria[filter_groups][0][filters][1][field]": "entity_id",
      "searchCriteria[filter_groups][0][filters][1][value]": 12,
      "searchCriteria[filter_groups][1][filters][0][field]": "entity_id",
      "searchCriteria[filter_groups][1][filters][0][value]": 5,
      "searchCriteria[filter_groups][1][filters][0][condition_type]": "gt"
    })
    assert.deepStrictEqual(ids(inOr.body), [9, 12])
    assert.strictEqual(inOr.body.total_count, 2)
    assert.deepStrictEqual(inOr.body.search_criteria?.filter_groups[1], {
      filters: [{ field: "entity_id", value: "5", condition_type: "gt" }]
    })
  })

  it("reads camelCase keys, sorts (DESC, several orders), and counts all matches", async () => {
    const sorted = await search("customers/search", {
      "searchCriteria[filterGroups][0][filters][0][field]": "entity_id",
      "searchCriteria[filterGroups][0][filters][0][value]": 8,
      "searchCriteria[filterGroups][0][filters][0][conditionType]": "lteq",
      "searchCriteria[sortOrders][0][field]": "entity_id",
      "searchCriteria[sortOrders][0][direction]": "DESC",
      "searchCriteria[pageSize]": 3
    })
    assert.deepStrictEqual(ids(sorted.body), [8, 7, 6])
    assert.strictEqual(sorted.body.total_count, 8)
    const guests = await search("orders", {
      "searchCriteria[filter_groups][0][filters][0][field]": "customer_is_guest",
      "searchCriteria[filter_groups][0][filters][0][value]": 1,
      "searchCriteria[sortOrders][0][field]": "grand_total",
      "searchCriteria[sortOrders][0][direction]": "ASC",
      "searchCriteria[sortOrders][1][field]": "entity_id",
      "searchCriteria[sortOrders][1][direction]": "DESC"
    })
    const totals = (guests.body.items ?? []).map((o) => o.grand_total as number)
    assert.deepStrictEqual(
      totals,
      [...totals].sort((a, b) => a - b)
    )
    assert.isTrue(
      (guests.body.items ?? []).every((o) => o.customer_is_guest === 1 && o.customer_id === undefined)
    )
  })

  it("answers Magento's 400s: no searchCriteria, a page too large, an unknown condition or field", async () => {
    assert.deepStrictEqual((await get("/rest/V1/customers/search")).body, {
      message: '"%fieldName" is required. Enter and try again.',
      parameters: { fieldName: "searchCriteria" }
    })
    const big = await search("customers/search", { "searchCriteria[pageSize]": 301 })
    assert.strictEqual(big.status, 400)
    assert.deepStrictEqual(big.body, { message: "Maximum SearchCriteria pageSize is %1", parameters: [300] })
    const condition = await search("orders", {
      "searchCriteria[filter_groups][0][filters][0][field]": "entity_id",
      "searchCriteria[filter_groups][0][filters][0][value]": 1,
      "searchCriteria[filter_groups][0][filters][0][condition_type]": "about"
    })
    assert.strictEqual(condition.status, 400)
    const field = await search("customers/search", {
      "searchCriteria[filter_groups][0][filters][0][field]": "shoe_size",
      "searchCriteria[filter_groups][0][filters][0][value]": 44
    })
    assert.deepStrictEqual(field.body, { message: "Invalid attribute name: %1", parameters: ["shoe_size"] })
  })
})

describe("errors and limits", () => {
  it("answers an unknown route and an unknown customer as Magento does", async () => {
    assert.deepStrictEqual((await get("/rest/V1/products/sku-1")).body, {
      message: "Request does not match any route."
    })
    const missing = await get("/rest/V1/customers/999")
    assert.strictEqual(missing.status, 404)
    assert.deepStrictEqual(missing.body, {
      message: "No such entity with %fieldName = %fieldValue",
      parameters: { fieldName: "customerId", fieldValue: 999 }
    })
  })

  it("rate-limits with the 2.4.7 limiter's body and Retry-After", async () => {
    const limited = await MagentoEmulator.start({
      customers: 1,
      orders: 0,
      rateLimit: { limit: 2, windowMs: 60_000, retryAfter: 3 }
    })
    try {
      const call = () =>
        fetch(`${limited.url}/rest/V1/customers/1`, { headers: auth }).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get("retry-after"),
          body: await r.json()
        }))
      assert.strictEqual((await call()).status, 200)
      assert.strictEqual((await call()).status, 200)
      assert.deepStrictEqual(await call(), {
        status: 429,
        retryAfter: "3",
        body: { message: "Too Many Requests", trace: null }
      })
    } finally {
      await limited.close()
    }
  })

  it("injects faults through the testkit, with Magento-shaped bodies", async () => {
    running.faults.failNext(1, { kind: "error", status: 503 })
    const failed = await get("/rest/V1/customers/1")
    assert.strictEqual(failed.status, 503)
    assert.deepStrictEqual(failed.body, { message: "Service Temporarily Unavailable" })
    assert.strictEqual((await get("/rest/V1/customers/1")).status, 200)
  })
})

describe("metadata and groups", () => {
  it("lists the customer attributes with the gender options, and one by code", async () => {
    const all = await get("/rest/V1/attributeMetadata/customer")
    assert.isTrue(Array.isArray(all.body))
    const gender = await get("/rest/V1/attributeMetadata/customer/attribute/gender")
    assert.deepStrictEqual(gender.body.options?.slice(1), [
      { label: "Male", value: "1" },
      { label: "Female", value: "2" },
      { label: "Not Specified", value: "3" }
    ])
    assert.strictEqual((await get("/rest/V1/attributeMetadata/customer/attribute/shoe_size")).status, 404)
  })

  it("starts with the standard groups, NOT LOGGED IN being 0", async () => {
    const groups = await search("customerGroups/search", { "searchCriteria[pageSize]": 4 })
    assert.deepStrictEqual(
      (groups.body.items ?? []).map((g) => [g.id, g.code]),
      [
        [0, "NOT LOGGED IN"],
        [1, "General"],
        [2, "Wholesale"],
        [3, "Retailer"]
      ]
    )
  })
})
