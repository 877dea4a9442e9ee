/**
 * The emulator speaks WooCommerce as the docs describe it: paging headers and `Link` like
 * WordPress, both auth styles, the error bodies, answers shaped like the official payloads,
 * and deterministic seeded data with guests and defects.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as WooEmulator from "../src/emulator.ts"

const basic = `Basic ${Buffer.from(`${WooEmulator.credentials.consumerKey}:${WooEmulator.credentials.consumerSecret}`).toString("base64")}`

let running: WooEmulator.Running

beforeAll(async () => {
  running = await WooEmulator.start({ seed: 7, customers: 30, orders: 40, guests: 10, defects: 3 })
})
afterAll(() => running.close())

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${running.url}/wp-json/wc/v3/${path}`, {
    ...init,
    headers: { authorization: basic, "content-type": "application/json", ...init.headers }
  })

const json = async (response: Response) => (await response.json()) as unknown

type Json = Record<string, unknown>

describe("paging", () => {
  it("sends X-WP-Total, X-WP-TotalPages and a Link with absolute prev and next URLs", async () => {
    const response = await api("customers?role=all&per_page=4&page=2")
    assert.strictEqual(response.status, 200)
    assert.strictEqual(response.headers.get("x-wp-total"), "30")
    assert.strictEqual(response.headers.get("x-wp-totalpages"), "8")
    const base = `${running.url}/wp-json/wc/v3/customers?role=all&per_page=4`
    assert.strictEqual(
      response.headers.get("link"),
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next"`
    )
    const body = (await json(response)) as Array<Json>
    assert.strictEqual(body.length, 4)
  })

  it("has no next link on the last page and answers a page past the end with an empty list", async () => {
    const last = await api("customers?role=all&per_page=4&page=8")
    assert.notInclude(last.headers.get("link") ?? "", 'rel="next"')
    assert.strictEqual(((await json(last)) as Array<Json>).length, 2)
    const past = await api("customers?role=all&per_page=4&page=9")
    assert.deepStrictEqual(await json(past), [])
  })

  it("lists only the customer role by default, every role with role=all", async () => {
    const customers = (await json(await api("customers?per_page=100"))) as Array<Json>
    const all = (await json(await api("customers?per_page=100&role=all"))) as Array<Json>
    assert.isTrue(customers.every((c) => c.role === "customer"))
    assert.isTrue(all.length > customers.length)
    assert.strictEqual(all.length, 30)
  })

  it("refuses more than 100 a page the way WordPress does", async () => {
    const response = await api("customers?per_page=101")
    assert.strictEqual(response.status, 400)
    assert.strictEqual(((await json(response)) as Json).code, "rest_invalid_param")
  })
})

describe("auth", () => {
  it("without credentials: 401 woocommerce_rest_cannot_view", async () => {
    const response = await fetch(`${running.url}/wp-json/wc/v3/customers`)
    assert.strictEqual(response.status, 401)
    assert.deepStrictEqual(await json(response), {
      code: "woocommerce_rest_cannot_view",
      message: "Sorry, you cannot list resources.",
      data: { status: 401 }
    })
  })

  it("with the keys as query parameters", async () => {
    const { consumerKey, consumerSecret } = WooEmulator.credentials
    const response = await fetch(
      `${running.url}/wp-json/wc/v3/customers?consumer_key=${consumerKey}&consumer_secret=${consumerSecret}`
    )
    assert.strictEqual(response.status, 200)
  })

  it("with a wrong key: 401 woocommerce_rest_authentication_error", async () => {
    const response = await fetch(`${running.url}/wp-json/wc/v3/customers`, {
      headers: { authorization: `Basic ${Buffer.from("ck_x:cs_y").toString("base64")}` }
    })
    assert.strictEqual(response.status, 401)
    assert.strictEqual(((await json(response)) as Json).code, "woocommerce_rest_authentication_error")
  })
})

describe("answers", () => {
  it("a customer has the documented fields, both date forms and _links", async () => {
    const customer = (await json(await api("customers/1"))) as Json
    assert.deepStrictEqual(Object.keys(customer), [
      "id",
      "date_created",
      "date_created_gmt",
      "date_modified",
      "date_modified_gmt",
      "email",
      "first_name",
      "last_name",
      "role",
      "username",
      "billing",
      "shipping",
      "is_paying_customer",
      "avatar_url",
      "meta_data",
      "_links"
    ])
    // America/Sao_Paulo is three hours behind GMT
    const local = Date.parse(`${customer.date_created as string}Z`)
    const gmt = Date.parse(`${customer.date_created_gmt as string}Z`)
    assert.strictEqual(gmt - local, 3 * 3_600_000)
    assert.deepStrictEqual((customer._links as Json).self, [
      { href: `${running.url}/wp-json/wc/v3/customers/1` }
    ])
  })

  it("orders by guests have customer_id 0, and some guests wrote their email in another case", async () => {
    const orders = (await json(await api("orders?per_page=100"))) as Array<Json>
    assert.strictEqual(orders.length, 40)
    const guestEmails = orders
      .filter((o) => o.customer_id === 0)
      .map((o) => (o.billing as { email: string }).email)
    const distinct = new Set(guestEmails.map((e) => e.toLowerCase()))
    assert.strictEqual(distinct.size, 10)
    assert.isTrue(guestEmails.length > distinct.size)
    assert.isTrue(guestEmails.some((e) => e !== e.toLowerCase()))
  })

  it("is deterministic for a seed", async () => {
    const again = await WooEmulator.start({ seed: 7, customers: 30, orders: 40, guests: 10, defects: 3 })
    try {
      const a = (await json(await api("customers?role=all&per_page=100"))) as Array<Json>
      const b = (await (
        await fetch(`${again.url}/wp-json/wc/v3/customers?role=all&per_page=100`, {
          headers: { authorization: basic }
        })
      ).json()) as Array<Json>
      assert.deepStrictEqual(
        a.map((c) => [c.email, c.billing]),
        b.map((c) => [c.email, c.billing])
      )
    } finally {
      await again.close()
    }
  })

  it("holds the defects asked for: a bad country, an invalid email, an invalid phone", async () => {
    const all = (await json(await api("customers?role=all&per_page=100"))) as Array<{
      email: string
      billing: Json
    }>
    assert.strictEqual(all.filter((c) => c.billing.country === "Atlantis").length, 1)
    assert.strictEqual(all.filter((c) => c.email.includes(" at ")).length, 1)
    assert.strictEqual(all.filter((c) => c.billing.phone === "12").length, 1)
  })
})

describe("errors and writes", () => {
  it("an unknown id: 404 woocommerce_rest_invalid_id", async () => {
    const response = await api("customers/99999")
    assert.strictEqual(response.status, 404)
    assert.deepStrictEqual(await json(response), {
      code: "woocommerce_rest_invalid_id",
      message: "Invalid resource ID.",
      data: { status: 404 }
    })
  })

  it("an unknown route: 404 rest_no_route", async () => {
    const response = await api("coupons")
    assert.strictEqual(response.status, 404)
    assert.strictEqual(((await json(response)) as Json).code, "rest_no_route")
  })

  it("creating a customer: 201 with Location; a registered email: 400 registration-error-email-exists", async () => {
    const created = await api("customers", {
      method: "POST",
      body: JSON.stringify({ email: "new.one@example.nz" })
    })
    assert.strictEqual(created.status, 201)
    const body = (await json(created)) as Json
    assert.strictEqual(
      created.headers.get("location"),
      `${running.url}/wp-json/wc/v3/customers/${body.id as number}`
    )
    assert.strictEqual(body.username, "new.one")
    const again = await api("customers", {
      method: "POST",
      body: JSON.stringify({ email: "NEW.ONE@example.nz" })
    })
    assert.strictEqual(again.status, 400)
    assert.strictEqual(((await json(again)) as Json).code, "registration-error-email-exists")
  })

  it("deleting without force: 501; with force=true the customer is gone", async () => {
    const created = (await json(
      await api("customers", { method: "POST", body: JSON.stringify({ email: "short.lived@example.nz" }) })
    )) as Json
    const soft = await api(`customers/${created.id as number}`, { method: "DELETE" })
    assert.strictEqual(soft.status, 501)
    assert.strictEqual(((await json(soft)) as Json).code, "woocommerce_rest_trash_not_supported")
    const hard = await api(`customers/${created.id as number}?force=true`, { method: "DELETE" })
    assert.strictEqual(hard.status, 200)
    assert.strictEqual((await api(`customers/${created.id as number}`)).status, 404)
  })

  it("a batch answers each item, an error item with id 0 and the error body", async () => {
    const response = await api("customers/batch", {
      method: "POST",
      body: JSON.stringify({ create: [{ email: "batch.one@example.nz" }, { email: "no-at-sign" }] })
    })
    const body = (await json(response)) as { create: Array<Json> }
    assert.strictEqual(body.create.length, 2)
    assert.strictEqual(body.create[0]?.email, "batch.one@example.nz")
    assert.deepStrictEqual(body.create[1], {
      id: 0,
      error: {
        code: "registration-error-invalid-email",
        message: "Please provide a valid email address.",
        data: { status: 400 }
      }
    })
  })

  it("a batch of more than 100 items: 413", async () => {
    const create = Array.from({ length: 101 }, (_, i) => ({ email: `many${i}@example.nz` }))
    const response = await api("customers/batch", { method: "POST", body: JSON.stringify({ create }) })
    assert.strictEqual(response.status, 413)
  })
})
