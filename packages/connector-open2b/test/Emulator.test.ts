/**
 * The emulator over plain HTTP: Open2b's calling convention, its answers and errors as the seed
 * and the error-handling page describe them, seeded data, authenticate and rate limiting.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Open2bEmulator from "../src/emulator.ts"

type Json = Record<string, unknown>

const post = async (
  running: Open2bEmulator.Running,
  method: string,
  body: unknown,
  headers: Record<string, string> = { "x-key": Open2bEmulator.apiKey }
) => {
  const response = await fetch(`${running.url}/api/v6/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body)
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text }
}

const call = async (running: Open2bEmulator.Running, method: string, body: unknown): Promise<Json> => {
  const answer = await post(running, method, body)
  assert.strictEqual(answer.status, 200, answer.text)
  return JSON.parse(answer.text) as Json
}

const billing = {
  firstName: "Mere",
  lastName: "Ngata",
  street1: "5 Queen Street",
  city: "Auckland",
  postalCode: "1010",
  country: "NZ",
  email: "mere@example.nz"
}

describe("calling convention", () => {
  let running: Open2bEmulator.Running
  beforeAll(async () => {
    running = await Open2bEmulator.start({
      data: [
        { id: 3, code: "A", billingAddress: { ...billing, email: "a@example.nz" } },
        {
          id: 7,
          code: "B",
          labels: [2],
          billingAddress: { ...billing, firstName: "Tama", email: "b@example.nz" }
        },
        { id: 9, code: "C", billingAddress: { ...billing, firstName: "Aroha", email: "c@example.nz" } }
      ]
    })
  })
  afterAll(() => running.close())

  it("a missing or wrong X-Key is 403 with a page that is not JSON", async () => {
    for (const headers of [{}, { "x-key": "wrong" }]) {
      const answer = await post(running, "commerce.customers.count", {}, headers)
      assert.strictEqual(answer.status, 403)
      assert.include(answer.headers.get("content-type") ?? "", "text/html")
      assert.throws(() => JSON.parse(answer.text))
    }
  })

  it("only POST; unknown methods and versions are 404; a body that is not JSON is 400", async () => {
    const get = await fetch(`${running.url}/api/v6/commerce.customers.find`, {
      headers: { "x-key": Open2bEmulator.apiKey }
    })
    assert.strictEqual(get.status, 405)
    assert.strictEqual(get.headers.get("allow"), "POST")
    assert.strictEqual((await post(running, "commerce.customers.explode", {})).status, 404)
    const v10 = await fetch(`${running.url}/api/v10/commerce.customers.count`, {
      method: "POST",
      headers: { "x-key": Open2bEmulator.apiKey },
      body: "{}"
    })
    assert.strictEqual(v10.status, 404)
    assert.strictEqual((await post(running, "commerce.customers.count", "{ not json")).status, 400)
  })

  it("find answers the fields asked for (the id alone without fields), in order, with keyset and offset paging", async () => {
    assert.deepStrictEqual(await call(running, "commerce.customers.find", {}), {
      status: "ok",
      customers: [{ id: 3 }, { id: 7 }, { id: 9 }]
    })
    assert.deepStrictEqual(
      await call(running, "commerce.customers.find", {
        conditions: { after: 3 },
        fields: ["code", "id"],
        order: ["id"],
        limit: 1
      }),
      { status: "ok", customers: [{ code: "B", id: 7 }] }
    )
    assert.deepStrictEqual(
      await call(running, "commerce.customers.find", { order: ["-id"], first: 1, limit: 1 }),
      {
        status: "ok",
        customers: [{ id: 7 }]
      }
    )
    assert.deepStrictEqual(
      await call(running, "commerce.customers.find", { conditions: { keywords: "TAMA" }, fields: ["id"] }),
      { status: "ok", customers: [{ id: 7 }] }
    )
    assert.deepStrictEqual(
      await call(running, "commerce.customers.count", { conditions: { labels: [2, 5] } }),
      {
        status: "ok",
        count: 1
      }
    )
  })

  it("errors come with HTTP 200 in Open2b's shape", async () => {
    assert.deepStrictEqual(await call(running, "commerce.customers.find", { limit: 101 }), {
      status: "error",
      error: { field: "limit", type: "InvalidValue", description: "limit must be at most 100" }
    })
    assert.deepStrictEqual(await call(running, "commerce.customers.find", { conditions: { color: "red" } }), {
      status: "error",
      error: {
        field: "conditions.color",
        type: "UnknownField",
        description: "Field 'conditions.color' is unknown"
      }
    })
    assert.deepStrictEqual(await call(running, "commerce.customers.find", { fields: ["id", "password"] }), {
      status: "error",
      error: { field: "fields", type: "InvalidValue", description: "Field 'password' does not exist" }
    })
    assert.deepStrictEqual(await call(running, "commerce.customers.get", {}), {
      status: "error",
      error: { field: "id", type: "Missing", description: "id is required" }
    })
    assert.deepStrictEqual(await call(running, "commerce.customers.get", { id: 404 }), {
      status: "ok",
      customer: null
    })
  })

  it("create and update word the email error as the seed's tables do", async () => {
    const bad = { ...billing, email: "mere at example.nz" }
    assert.deepStrictEqual(
      await call(running, "commerce.customers.create", { customer: { billingAddress: bad } }),
      {
        status: "error",
        error: {
          field: "email",
          type: "InvalidValue",
          description: "'mere at example.nz' is not a well formed email address"
        }
      }
    )
    assert.deepStrictEqual(
      await call(running, "commerce.customers.update", { id: 3, customer: { billingAddress: bad } }),
      {
        status: "error",
        error: {
          field: "email",
          type: "InvalidValue",
          description: "Email 'mere at example.nz' is not a well formed email address"
        }
      }
    )
    assert.deepStrictEqual(
      await call(running, "commerce.customers.create", {
        customer: { billingAddress: { ...billing, city: "" } }
      }),
      {
        status: "error",
        error: {
          field: "billingAddress.city",
          type: "Missing",
          description: "city is required"
        }
      }
    )
  })
})

describe("authenticate", () => {
  it("returns the customer with the previous login time and records the new one; fields [] only authenticates", async () => {
    const now = Date.parse("2024-06-01T10:00:00Z")
    const running = await Open2bEmulator.start({
      timeZone: "UTC",
      now: () => now,
      data: [
        {
          id: 1,
          canLogin: true,
          password: { value: "kia-ora-1" },
          creationTime: "2024-01-01 00:00:00",
          loginTime: "2024-05-01 09:00:00",
          billingAddress: billing
        }
      ]
    })
    try {
      const request = { email: "MERE@example.nz", password: "kia-ora-1", fields: ["id", "loginTime"] }
      assert.deepStrictEqual(await call(running, "commerce.customers.authenticate", request), {
        status: "ok",
        customer: { id: 1, loginTime: "2024-05-01 09:00:00" }
      })
      assert.deepStrictEqual(
        await call(running, "commerce.customers.get", { id: 1, fields: ["loginTime"] }),
        {
          status: "ok",
          customer: { loginTime: "2024-06-01 10:00:00" }
        }
      )
      assert.deepStrictEqual(
        await call(running, "commerce.customers.authenticate", { ...request, fields: [] }),
        {
          status: "ok",
          customer: {}
        }
      )
      assert.deepStrictEqual(
        await call(running, "commerce.customers.authenticate", { ...request, password: "wrong-one" }),
        { status: "ok", customer: null }
      )
    } finally {
      await running.close()
    }
  })
})

describe("seeded data and limits", () => {
  it("the same seed gives the same customers; the seeded passwords work; a malformed one breaks canLogin", async () => {
    const a = await Open2bEmulator.start({ seed: 7, customers: 12, malformed: [2] })
    const b = await Open2bEmulator.start({ seed: 7, customers: 12 })
    try {
      const all = [
        "id",
        "code",
        "canLogin",
        "hasPassword",
        "creationTime",
        "billingAddress",
        "shippingAddress"
      ]
      const fromA = (await call(a, "commerce.customers.find", { fields: all }))
        .customers as ReadonlyArray<Json>
      const fromB = (await call(b, "commerce.customers.find", { fields: all }))
        .customers as ReadonlyArray<Json>
      assert.strictEqual(fromA.length, 12)
      assert.strictEqual(fromA[2]?.canLogin, "yes")
      assert.deepStrictEqual(
        fromA.filter((_, i) => i !== 2),
        fromB.filter((_, i) => i !== 2)
      )
      const withPassword = fromB.map((c, index) => ({ c, index })).filter(({ c }) => c.hasPassword === true)
      assert.isAtLeast(withPassword.length, 1)
      for (const { c, index } of withPassword) {
        const email = (c.billingAddress as { email: string }).email
        const answer = await call(b, "commerce.customers.authenticate", {
          email,
          password: Open2bEmulator.seededPassword(index),
          fields: ["id"]
        })
        assert.deepStrictEqual(answer.customer, { id: c.id }, `customer ${String(c.id)} logs in`)
      }
    } finally {
      await a.close()
      await b.close()
    }
  })

  it("past its rate limit, Open2b answers 429 with Retry-After and a page that is not JSON", async () => {
    const running = await Open2bEmulator.start({
      customers: 1,
      rateLimit: { limit: 2, windowMs: 60_000, retryAfter: 3 }
    })
    try {
      assert.strictEqual((await post(running, "commerce.customers.count", {})).status, 200)
      assert.strictEqual((await post(running, "commerce.customers.count", {})).status, 200)
      const limited = await post(running, "commerce.customers.count", {})
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers.get("retry-after"), "3")
      assert.include(limited.text, "Too Many Requests")
    } finally {
      await running.close()
    }
  })
})
