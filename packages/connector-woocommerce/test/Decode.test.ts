/**
 * Every official payload of the WooCommerce docs (test/fixtures, copied from
 * woocommerce-rest-api-docs, see SOURCES.md) decodes through the streams' body codecs and the
 * default mappings to the values a person reads off it.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Validator } from "@mapwright/core"
import { Effect, Result } from "effect"
import { connector, ErrorBody, mappings, schemas } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const customers = connector.streams.customers!
const orders = connector.streams.orders!
const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])

const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const decoded = (body: typeof customers.body, text: string): ReadonlyArray<unknown> => {
  const result = body.decode(text)
  if (Result.isFailure(result)) assert.fail(`decode failed: ${result.failure}`)
  return result.success
}

describe("customers_list.json", () => {
  it.effect("decodes to two customers that fit the record schema", () =>
    Effect.sync(() => {
      const records = decoded(customers.body, fixture("customers_list.json"))
      assert.strictEqual(records.length, 2)
      const validate = Validator.compile(customers.record)
      for (const r of records) assert.deepStrictEqual(validate(r), [])
    })
  )

  it.effect("maps to João Silva (26) and John Doe (25) as the payload reads", () =>
    Effect.gen(function* () {
      const toCanonical = yield* load(mappings.customerToCanonical)
      const [joao, john] = decoded(customers.body, fixture("customers_list.json")).map(
        (r) => toCanonical(r).value
      )
      assert.strictEqual(joao?.id, "26")
      assert.strictEqual(joao?.email, "joao.silva@example.com")
      assert.strictEqual(joao?.firstName, "João")
      assert.strictEqual(joao?.lastName, "Silva")
      assert.strictEqual(joao?.isGuest, false)
      // "(55) 5555-5555" in Brazil: area code 55, number 5555-5555
      assert.strictEqual(joao?.phone, "+555555555555")
      assert.deepStrictEqual(joao?.source, { system: "woocommerce", id: "26" })
      // the _gmt field (19:11:14), not the site-local one (16:11:14)
      assert.strictEqual(joao?.createdAt, "2017-03-21T19:11:14.000Z")
      assert.strictEqual(joao?.updatedAt, "2017-03-21T19:11:16.000Z")
      const billing = joao?.billing as Canonical.Address
      assert.strictEqual(billing.line1, "Av. Brasil, 432")
      assert.strictEqual(billing.city, "Rio de Janeiro")
      assert.strictEqual(billing.region, "RJ")
      assert.strictEqual(billing.postalCode, "12345-000")
      assert.strictEqual(billing.country, "BR")
      assert.strictEqual(billing.company, null)

      assert.strictEqual(john?.id, "25")
      assert.strictEqual(john?.email, "john.doe@example.com")
      assert.strictEqual(john?.firstName, "John")
      assert.strictEqual(john?.createdAt, "2017-03-21T19:09:28.000Z")
      assert.strictEqual((john?.shipping as Canonical.Address | undefined)?.postalCode, "94103")
      assert.deepStrictEqual(john?.extra, {
        woocommerce: {
          role: "customer",
          username: "john.doe",
          isPayingCustomer: false,
          avatarUrl: "https://secure.gravatar.com/avatar/8eb1b522f60d11fa897de1dc6351b7e8?s=96",
          metaData: []
        }
      })
    })
  )
})

describe("customer_create_response.json and customer_create_request.json", () => {
  it.effect("the create response is customer 25", () =>
    Effect.gen(function* () {
      const records = decoded(customers.body, fixture("customer_create_response.json"))
      assert.strictEqual(records.length, 1)
      const toCanonical = yield* load(mappings.customerToCanonical)
      const c = toCanonical(records[0]).value
      assert.strictEqual(c?.id, "25")
      assert.strictEqual(c?.email, "john.doe@example.com")
      assert.strictEqual(c?.updatedAt, "2017-03-21T19:09:30.000Z")
    })
  )

  it("the create request decodes to one record and encodes back to the same body", () => {
    const records = decoded(customers.body, fixture("customer_create_request.json"))
    assert.strictEqual(records.length, 1)
    assert.deepStrictEqual(Validator.compile(customers.record)(records[0]), [])
    const encoded = customers.body.encode(records)
    assert.deepStrictEqual(JSON.parse(encoded), JSON.parse(fixture("customer_create_request.json")))
  })

  it("encoding a read customer leaves out what WooCommerce sets itself", () => {
    const [response] = decoded(customers.body, fixture("customer_create_response.json"))
    const body = JSON.parse(customers.body.encode([response])) as Record<string, unknown>
    for (const key of [
      "id",
      "date_created",
      "date_created_gmt",
      "role",
      "is_paying_customer",
      "avatar_url",
      "_links"
    ]) {
      assert.isFalse(key in body, key)
    }
    assert.strictEqual(body.email, "john.doe@example.com")
    assert.strictEqual(body.username, "john.doe")
  })

  it("encoding several customers writes batch bodies of at most 100", () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ email: `c${i}@example.com` }))
    const lines = customers.body.encode(many).trim().split("\n")
    assert.strictEqual(lines.length, 2)
    const first = JSON.parse(lines[0]!) as { create: Array<{ email: string }> }
    const second = JSON.parse(lines[1]!) as { create: Array<{ email: string }> }
    assert.strictEqual(first.create.length, 100)
    assert.strictEqual(second.create.length, 50)
    assert.strictEqual(second.create[49]?.email, "c149@example.com")
  })
})

describe("orders_list_guest_and_registered.json", () => {
  it.effect("decodes to a guest order (727) and a registered one (723)", () =>
    Effect.gen(function* () {
      const records = decoded(orders.body, fixture("orders_list_guest_and_registered.json"))
      assert.strictEqual(records.length, 2)
      const validate = Validator.compile(orders.record)
      for (const r of records) assert.deepStrictEqual(validate(r), [])
      const toCanonical = yield* load(mappings.orderToCanonical)
      const [guest, registered] = records.map(
        (r) => toCanonical(r).value ?? assert.fail("an order was rejected")
      )
      assert.strictEqual(guest?.id, "727")
      assert.strictEqual(guest?.total, "29.35")
      assert.strictEqual(guest?.status, "processing")
      assert.strictEqual(guest?.createdAt, "2017-03-22T19:28:02.000Z")
      assert.deepStrictEqual(guest?.customer, {
        id: null,
        email: "john.doe@example.com",
        firstName: "John",
        lastName: "Doe",
        phone: null,
        isGuest: true
      })
      assert.strictEqual(registered?.id, "723")
      assert.strictEqual(registered?.total, "39.00")
      assert.strictEqual(registered?.currency, "USD")
      assert.strictEqual((registered?.customer as { id: string } | undefined)?.id, "26")
      assert.strictEqual((registered?.customer as { isGuest: boolean } | undefined)?.isGuest, false)
      assert.strictEqual((registered?.billing as Canonical.Address | undefined)?.city, "Rio de Janeiro")
    })
  )

  it("keeps an order to its documented fields: what newer versions or plugins add is left out", () => {
    const [order] = JSON.parse(fixture("orders_list_guest_and_registered.json")) as Array<
      Record<string, unknown>
    >
    const text = JSON.stringify([
      {
        ...order,
        payment_url: "https://example.com/pay",
        billing: { ...(order?.billing as object), vat: "X" }
      }
    ])
    const [record] = decoded(orders.body, text) as Array<Record<string, unknown>>
    assert.isFalse("payment_url" in (record ?? {}))
    assert.isFalse("vat" in ((record?.billing as object) ?? {}))
    assert.deepStrictEqual(Validator.compile(orders.record)(record), [])
  })
})

describe("error_resource_not_found.json", () => {
  it("is not a customer: decode says what the error says", () => {
    const result = customers.body.decode(fixture("error_resource_not_found.json"))
    assert.deepStrictEqual(
      result,
      Result.fail(
        "the body is a WooCommerce error (404 woocommerce_rest_term_invalid: Resource doesn't exist.), not a customer"
      )
    )
  })

  it("maps to NotFound, not retryable", () => {
    const error = ErrorBody.toConnectorError({ status: 404, body: fixture("error_resource_not_found.json") })
    assert.strictEqual(error.reason, "NotFound")
    assert.strictEqual(error.retryable, false)
    assert.strictEqual(error.code, "woocommerce_rest_term_invalid")
    assert.strictEqual(error.status, 404)
  })
})

describe("bodies that are not WooCommerce records", () => {
  it("a body that is not JSON", () => {
    const result = customers.body.decode("<html>502 Bad Gateway</html>")
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) assert.match(result.failure, /^the body is not JSON/)
  })

  it("a list with something else than objects", () => {
    assert.deepStrictEqual(
      customers.body.decode('[{"email":"a@example.com"}, 7]'),
      Result.fail("the list's item 1 is number, not a customer object")
    )
  })

  it("a batch answer gives its records, not its refused items", () => {
    const text = JSON.stringify({
      create: [
        { id: 31, email: "a@example.com" },
        { id: 0, error: { code: "registration-error-email-exists", message: "x", data: { status: 400 } } }
      ]
    })
    assert.deepStrictEqual(customers.body.decode(text), Result.succeed([{ id: 31, email: "a@example.com" }]))
  })
})
