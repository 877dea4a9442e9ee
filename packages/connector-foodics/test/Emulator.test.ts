/**
 * The emulator over loopback HTTP, as a Foodics client sees it: bearer auth and scopes, the
 * seed's filters, Laravel's paging envelope, includes, validation errors, soft delete and
 * restore, the rate limiter and the testkit's faults.
 */
import { afterEach, describe, expect, it } from "@effect/vitest"
import * as FoodicsEmulator from "../src/emulator.ts"
import { one, type Page, type Row } from "./support.ts"

const open: Array<FoodicsEmulator.Running> = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

const start = async (options: FoodicsEmulator.Options = {}) => {
  const running = await FoodicsEmulator.start(options)
  open.push(running)
  return running
}

const call = async (
  running: FoodicsEmulator.Running,
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly token?: string | null } = {}
) => {
  const token = options.token === undefined ? FoodicsEmulator.credentials.token : options.token
  const response = await fetch(`${running.url}/v5${path}`, {
    method,
    headers: {
      accept: "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { "content-type": "application/json" })
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: (text === "" ? undefined : JSON.parse(text)) as Page
  }
}

const sample = { name: "Noura Saleh", dial_code: 966, phone: "501234567", email: "noura@example.com" }

describe("auth and scopes", () => {
  it("answers a missing or unknown token with 401 Unauthenticated and a Bearer challenge", async () => {
    const running = await start({ customers: 2 })
    for (const token of [null, "wrong"]) {
      const r = await call(running, "GET", "/customers", { token })
      expect([r.status, r.body, r.headers.get("www-authenticate")]).toEqual([
        401,
        { message: "Unauthenticated." },
        "Bearer"
      ])
    }
  })

  it("lets the limited token read without the house account and loyalty fields, and refuses its writes with 403", async () => {
    const running = await start({ customers: 2 })
    const token = FoodicsEmulator.credentials.limitedToken
    const list = await call(running, "GET", "/customers", { token })
    expect(list.status).toBe(200)
    const keys = Object.keys(list.body.data[0]!)
    expect(
      ["house_account_balance", "house_account_limit", "loyalty_balance"].filter((k) => keys.includes(k))
    ).toEqual([])
    const write = await call(running, "POST", "/customers", { token, body: sample })
    expect([write.status, write.body]).toEqual([403, { message: "This action is unauthorized." }])
  })
})

describe("listing", () => {
  it("pages with page and per_page, and Laravel's links and meta", async () => {
    const running = await start({ customers: 7 })
    const first = await call(running, "GET", "/customers?per_page=3&sort=updated_at")
    expect(first.body.data.length).toBe(3)
    expect(first.body.meta).toEqual({
      current_page: 1,
      from: 1,
      last_page: 3,
      path: `${running.url}/v5/customers`,
      per_page: 3,
      to: 3,
      total: 7
    })
    expect(first.body.links.prev).toBeNull()
    expect(new URL(first.body.links.next ?? "").searchParams.get("page")).toBe("2")
    const last = await call(running, "GET", "/customers?per_page=3&sort=updated_at&page=3")
    expect([last.body.data.length, last.body.links.next, last.body.meta.from, last.body.meta.to]).toEqual([
      1,
      null,
      7,
      7
    ])
    const past = await call(running, "GET", "/customers?per_page=3&page=9")
    expect([past.body.data, past.body.links.next]).toEqual([[], null])
  })

  it("answers only data, as the seed's example, with paging: data", async () => {
    const running = await start({ customers: 3, paging: "data" })
    const r = await call(running, "GET", "/customers")
    expect(Object.keys(r.body)).toEqual(["data"])
    expect(r.body.data.length).toBe(3)
  })

  it("sorts by updated_at, both ways", async () => {
    const running = await start({ customers: 6 })
    const up = (await call(running, "GET", "/customers?sort=updated_at")).body.data.map(
      (c: Row) => c.updated_at
    )
    const down = (await call(running, "GET", "/customers?sort=-updated_at")).body.data.map(
      (c: Row) => c.updated_at
    )
    expect(up).toEqual([...up].sort())
    expect(down).toEqual([...up].reverse())
  })

  it("includes tags, addresses and delivery zones only when asked", async () => {
    const running = await start({ customers: 8 })
    const plain = (await call(running, "GET", "/customers")).body.data[0]!
    expect(["tags", "addresses"].filter((k) => k in plain)).toEqual([])
    const withAddresses = (await call(running, "GET", "/customers?include=addresses")).body.data
    const someAddress = withAddresses.flatMap((c) => c.addresses)[0]
    expect(someAddress).toBeDefined()
    expect(someAddress !== undefined && "delivery_zone" in someAddress).toBe(false)
    const all = (await call(running, "GET", "/customers?include=tags,addresses.delivery_zone")).body.data
    expect(all.every((c) => Array.isArray(c.tags) && Array.isArray(c.addresses))).toBe(true)
    expect(
      all.flatMap((c) => c.addresses).every((a: Readonly<Record<string, unknown>>) => "delivery_zone" in a)
    ).toBe(true)
  })

  it("refuses a filter, sort or include it does not allow, naming the allowed ones", async () => {
    const running = await start({ customers: 1 })
    const filter = await call(running, "GET", "/customers?filter[city]=Riyadh")
    expect([filter.status, filter.body.message]).toEqual([
      400,
      "Requested filter(s) `city` is not allowed. Allowed filter(s) are `name, email, phone, dial_code, tags.id, is_blacklisted, is_house_account_enabled, is_loyalty_enabled, has_orders, updated_after, is_deleted`."
    ])
    expect((await call(running, "GET", "/customers?sort=name")).status).toBe(400)
    expect((await call(running, "GET", "/customers?include=orders")).status).toBe(400)
    const flag = await call(running, "GET", "/customers?filter[is_blacklisted]=maybe")
    expect([flag.status, Object.keys(flag.body.errors)]).toEqual([422, ["filter.is_blacklisted"]])
  })

  it("filters by the seed's filters", async () => {
    const running = await start({ customers: 20 })
    const all = (await call(running, "GET", "/customers?per_page=100&include=tags")).body.data
    const target = all[4]!
    const byPhone = await call(
      running,
      "GET",
      `/customers?filter[phone]=${target.phone}&filter[dial_code]=${target.dial_code}`
    )
    expect(byPhone.body.data.map((c: Row) => c.id)).toEqual([target.id])
    const blacklisted = (await call(running, "GET", "/customers?filter[is_blacklisted]=true")).body.data
    expect(blacklisted.map((c) => c.id)).toEqual(
      all.filter((c) => c.is_blacklisted === true).map((c) => c.id)
    )
    expect(blacklisted.length).toBeGreaterThan(0)
    const tag = "fhhsd8r5"
    const tagged = (await call(running, "GET", `/customers?filter[tags.id]=${tag}`)).body.data
    expect(tagged.map((c) => c.id)).toEqual(
      all.filter((c) => c.tags.some((t: { readonly id: string }) => t.id === tag)).map((c) => c.id)
    )
    const noOrders = (await call(running, "GET", "/customers?filter[has_orders]=false")).body.data
    expect(noOrders.every((c) => c.order_count === 0)).toBe(true)
    expect(noOrders.length).toBe(all.filter((c) => c.order_count === 0).length)
  })

  it("filters updated_after strictly after the time given", async () => {
    const running = await start({ customers: 5 })
    const all = (await call(running, "GET", "/customers?sort=updated_at")).body.data
    const at = encodeURIComponent(all[2]!.updated_at)
    const after = (await call(running, "GET", `/customers?sort=updated_at&filter[updated_after]=${at}`)).body
      .data
    expect(after.map((c: Row) => c.id)).toEqual([all[3]!.id, all[4]!.id])
    const bad = await call(running, "GET", "/customers?filter[updated_after]=yesterday")
    expect(bad.status).toBe(422)
  })
})

describe("writes", () => {
  it("creates a customer, echoing what it created; read-only fields are ignored", async () => {
    const running = await start({ customers: 1 })
    const created = await call(running, "POST", "/customers", {
      body: { ...sample, house_account_balance: 300, tags: [{ id: "8d06aaa0" }, { id: "8d06aaa0" }] }
    })
    expect(created.status).toBe(200)
    expect(one(created.body)).toMatchObject({
      ...sample,
      house_account_balance: 0,
      tags: [{ id: "8d06aaa0" }],
      addresses: [],
      deleted_at: null,
      order_count: 0
    })
    const got = await call(running, "GET", `/customers/${one(created.body).id}`)
    expect(one(got.body).name).toBe("Noura Saleh")
  })

  it("answers invalid data with 422 and the fields' messages", async () => {
    const running = await start({ customers: 1 })
    const r = await call(running, "POST", "/customers", {
      body: { name: "X", dial_code: "966", email: "nope", gender: 3, birth_date: "1990-02-30", tags: [{}] }
    })
    expect(r.status).toBe(422)
    expect(r.body).toEqual({
      message: "The dial code must be an integer between 1 and 9999. (and 5 more errors)",
      errors: {
        dial_code: ["The dial code must be an integer between 1 and 9999."],
        phone: ["The phone field is required."],
        email: ["The email must be a valid email address."],
        gender: ["The selected gender is invalid."],
        birth_date: ["The birth date does not match the format Y-m-d."],
        "tags.0.id": ["The tags.0.id field is required."]
      }
    })
  })

  it("updates only what the body gives", async () => {
    const running = await start({ customers: 1 })
    const id = one((await call(running, "POST", "/customers", { body: sample })).body).id
    const updated = await call(running, "PUT", `/customers/${id}`, {
      body: { email: null, is_blacklisted: 1 }
    })
    expect(one(updated.body)).toMatchObject({
      name: "Noura Saleh",
      phone: "501234567",
      email: null,
      is_blacklisted: true
    })
    expect((await call(running, "PUT", "/customers/no-such-id", { body: {} })).status).toBe(404)
  })

  it("deletes softly and restores", async () => {
    const running = await start({ customers: 2 })
    const id = (await call(running, "GET", "/customers")).body.data[0]!.id
    const deleted = await call(running, "DELETE", `/customers/${id}`)
    expect([deleted.status, deleted.body]).toEqual([204, undefined])
    const live = (await call(running, "GET", "/customers")).body.data.map((c: Row) => c.id)
    expect(live).not.toContain(id)
    const gone = (await call(running, "GET", "/customers?filter[is_deleted]=true")).body.data
    expect(gone.map((c) => c.id)).toEqual([id])
    expect(gone[0]!.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(one((await call(running, "GET", `/customers/${id}`)).body).deleted_at).toBe(gone[0]!.deleted_at)
    expect((await call(running, "DELETE", `/customers/${id}`)).status).toBe(404)
    const restored = await call(running, "PUT", `/customers/${id}/restore`)
    expect([restored.status, one(restored.body).deleted_at]).toEqual([200, null])
    expect((await call(running, "GET", "/customers")).body.data.map((c: Row) => c.id)).toContain(id)
  })
})

describe("seeded data", () => {
  it("is the same for the same seed and differs for another", async () => {
    const a = await start({ seed: 7, customers: 3 })
    const b = await start({ seed: 7, customers: 3 })
    const c = await start({ seed: 8, customers: 3 })
    const ids = async (r: FoodicsEmulator.Running) =>
      (await call(r, "GET", "/customers?include=tags,addresses.delivery_zone")).body.data
    expect(await ids(a)).toEqual(await ids(b))
    expect((await ids(a)).map((x: Row) => x.id)).not.toEqual((await ids(c)).map((x: Row) => x.id))
  })

  it("breaks the malformed customer's dial_code, and keeps deleted ones apart", async () => {
    const running = await start({ customers: 4, deleted: 2, malformed: [1] })
    const data = (await call(running, "GET", "/customers?sort=updated_at")).body.data
    expect(data.map((c) => typeof c.dial_code)).toEqual(["number", "string", "number", "number"])
    expect((await call(running, "GET", "/customers?filter[is_deleted]=1")).body.data.length).toBe(2)
  })
})

describe("rate limiting and faults", () => {
  it("counts requests down in X-RateLimit headers and answers 429 past the limit", async () => {
    const running = await start({ customers: 1, rateLimit: { limit: 2, windowMs: 60_000 } })
    const first = await call(running, "GET", "/customers")
    const second = await call(running, "GET", "/customers")
    const third = await call(running, "GET", "/customers")
    expect([first.headers.get("x-ratelimit-remaining"), second.headers.get("x-ratelimit-remaining")]).toEqual(
      ["1", "0"]
    )
    expect([third.status, third.body, third.headers.get("x-ratelimit-limit")]).toEqual([
      429,
      { message: "Too Many Attempts." },
      "2"
    ])
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0)
    expect(Number(third.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000)
  })

  it("injects faults with the platform's bodies", async () => {
    const running = await start({ customers: 1 })
    running.faults.failNext(1, { kind: "error", status: 503 })
    const failed = await call(running, "GET", "/customers")
    expect([failed.status, failed.body]).toEqual([503, { message: "Service Unavailable" }])
    running.faults.failNext(1, { kind: "rateLimited", retryAfter: 2 })
    const limited = await call(running, "GET", "/customers")
    expect([limited.status, limited.headers.get("retry-after"), limited.body]).toEqual([
      429,
      "2",
      { message: "Too Many Attempts." }
    ])
    expect((await call(running, "GET", "/customers")).status).toBe(200)
  })

  it("answers an unknown route as Laravel does", async () => {
    const running = await start({ customers: 1 })
    const r = await call(running, "GET", "/customerz")
    expect([r.status, r.body]).toEqual([404, { message: "The route v5/customerz could not be found." }])
  })
})
