/**
 * Every official payload of the Magento docs (test/fixtures, see SOURCES.md) decodes through the
 * streams' body codecs to records that fit the record schemas and map to the values a person
 * reads off them; error bodies are refused with what they say; encode writes the bodies
 * Magento takes.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Validator } from "@mapwright/core"
import { Effect, Result } from "effect"
import { connector, mappings, schemas } from "../src/index.ts"
import type { Json } from "./helpers.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const customers = connector.streams.customers!
const groups = connector.streams.customerGroups!
const orders = connector.streams.orders!
const attributes = connector.streams.customerAttributes!
const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])

const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const decoded = (body: typeof customers.body, text: string): ReadonlyArray<Json> => {
  const result = body.decode(text)
  if (Result.isFailure(result)) assert.fail(`decode failed: ${result.failure}`)
  return result.success as ReadonlyArray<Json>
}

const failure = (body: typeof customers.body, text: string): string => {
  const result = body.decode(text)
  return Result.isFailure(result) ? result.failure : "(decoded)"
}

describe("customers_search_response.json", () => {
  it.effect("decodes the items to one customer that fits the schema, its defaults and gender resolved", () =>
    Effect.sync(() => {
      const [veronica, ...rest] = decoded(customers.body, fixture("customers_search_response.json"))
      assert.strictEqual(rest.length, 0)
      assert.deepStrictEqual(Validator.compile(customers.record)(veronica), [])
      const resolved = veronica?.resolved as Json
      assert.strictEqual((resolved.billing_address as Json).id, 1)
      assert.strictEqual((resolved.shipping_address as Json).id, 1)
      // offline, the standard install's tables: gender 2 is Female, group 1 General
      assert.strictEqual(resolved.gender_label, "Female")
      assert.strictEqual(resolved.group_code, "General")
    })
  )

  it.effect("maps to Veronica Costello as the payload reads", () =>
    Effect.gen(function* () {
      const toCanonical = yield* load(mappings.customerToCanonical)
      const [veronica] = decoded(customers.body, fixture("customers_search_response.json"))
      const result = toCanonical(veronica)
      const c = result.value as Canonical.Customer
      assert.strictEqual(c.id, "1")
      assert.strictEqual(c.email, "roni_cost@example.com")
      assert.strictEqual(c.gender, "female")
      assert.strictEqual(c.birthDate, "1973-12-15")
      assert.strictEqual(c.createdAt, "2017-12-05T09:50:11.000Z")
      assert.deepStrictEqual(c.groups, [{ id: "1", code: "General", name: "General" }])
      assert.strictEqual(c.billing?.line1, "6146 Honey Bluff Parkway")
      assert.strictEqual(c.billing?.region, "Michigan")
      assert.deepStrictEqual(
        c.addresses.map((a) => [a.id, a.kind, a.country]),
        [
          ["1", "billing", "US"],
          ["19", "other", "GB"]
        ]
      )
      // (555) is not an area code in use: a warning, not a rejection
      assert.strictEqual(c.phone, null)
      assert.isTrue(result.issues.every((i) => i.severity === "warning" && i.code === "InvalidPhone"))
    })
  )
})

describe("customer_create_request.json and customer_create_response.json", () => {
  it.effect("reads the camelCase input keys as snake_case and keeps the password, write-only", () =>
    Effect.sync(() => {
      const jane = decoded(customers.body, fixture("customer_create_request.json"))[0]!
      assert.deepStrictEqual(Validator.compile(customers.record)(jane), [])
      assert.strictEqual(jane.password, "Password1")
      const [entry] = jane.addresses as ReadonlyArray<Json>
      assert.deepStrictEqual(entry?.region, { region_code: "NY", region: "New York", region_id: 43 })
      assert.strictEqual(entry?.country_id, "US")
      assert.strictEqual(entry?.default_billing, true)
      assert.strictEqual(((jane.resolved as Json).billing_address as Json).city, "Purchase")
    })
  )

  it.effect("the created customer (id 2) decodes and maps, its one address both defaults", () =>
    Effect.gen(function* () {
      const toCanonical = yield* load(mappings.customerToCanonical)
      const [jane] = decoded(customers.body, fixture("customer_create_response.json"))
      assert.deepStrictEqual(Validator.compile(customers.record)(jane), [])
      const c = toCanonical(jane).value as Canonical.Customer
      assert.strictEqual(c.id, "2")
      assert.strictEqual(c.phone, "+15125551111")
      assert.strictEqual(c.billing?.id, "2")
      assert.strictEqual(c.shipping?.id, "2")
      assert.strictEqual(c.gender, null)
    })
  )

  it("encodes a record as the create body {customer, password}: defaults marked, gender and group by label", () => {
    const [jane] = decoded(customers.body, fixture("customer_create_request.json"))
    const text = customers.body.encode([
      { ...jane, resolved: { ...(jane?.resolved as Json), gender_label: "Female", group_code: "Wholesale" } }
    ])
    const lines = text.trim().split("\n")
    assert.strictEqual(lines.length, 1)
    assert.deepStrictEqual(JSON.parse(lines[0]!), {
      customer: {
        email: "jdoe@example.com",
        firstname: "Jane",
        lastname: "Doe",
        addresses: [
          {
            default_shipping: true,
            default_billing: true,
            firstname: "Jane",
            lastname: "Doe",
            region: { region_code: "NY", region: "New York", region_id: 43 },
            postcode: "10755",
            street: ["123 Oak Ave"],
            city: "Purchase",
            telephone: "512-555-1111",
            country_id: "US"
          }
        ],
        gender: 2,
        group_id: 2
      },
      password: "Password1"
    })
  })
})

describe("error bodies", () => {
  it("refuses an error body with its message, parameters put in", () => {
    assert.strictEqual(
      failure(customers.body, fixture("error_response.json")),
      'the body is a Magento error ("Invalid product data: Invalid attribute set entity type"), not a customer'
    )
    assert.strictEqual(
      failure(customers.body, fixture("error_429_too_many_requests.json")),
      'the body is a Magento error ("Too Many Requests"), not a customer'
    )
    assert.include(failure(customers.body, "<html>"), "the body is not JSON")
    assert.strictEqual(
      failure(customers.body, '{"items": [1]}'),
      "the search result's item 0 is number, not a customer object"
    )
  })
})

describe("groups, orders and attributes", () => {
  it("decodes a group create body and encodes it back", () => {
    const [group] = decoded(groups.body, '{"group": {"code": "VIP", "taxClassId": 3}}')
    assert.deepStrictEqual(group, { code: "VIP", tax_class_id: 3 })
    assert.strictEqual(
      groups.body.encode([{ id: 9, code: "VIP", tax_class_id: 3, tax_class_name: "Retail Customer" }]),
      '{"group":{"code":"VIP","tax_class_id":3}}\n'
    )
  })

  it.effect("decodes an orders search result (the order tutorial's registered order, shortened)", () =>
    Effect.gen(function* () {
      const body = JSON.stringify({
        items: [
          {
            entity_id: 3,
            increment_id: "000000003",
            customer_email: "jdoe@example.com",
            customer_id: 3,
            customer_is_guest: 0,
            customer_group_id: 1,
            grand_total: 106,
            order_currency_code: "USD",
            status: "pending",
            created_at: "2017-02-09 21:46:34",
            some_extension_field: "dropped"
          }
        ],
        total_count: 1
      })
      const [order] = decoded(orders.body, body)
      assert.isUndefined(order?.some_extension_field)
      assert.deepStrictEqual(Validator.compile(orders.record)(order), [])
      const toCanonical = yield* load(mappings.orderToCanonical)
      const o = toCanonical(order).value as Canonical.Order
      assert.deepStrictEqual([o.id, o.total, o.customer?.id, o.customer?.isGuest], ["3", "106", "3", false])
    })
  )

  it("decodes the attribute metadata list", () => {
    const list = decoded(
      attributes.body,
      '[{"attribute_code":"gender","frontend_input":"select","options":[{"label":"Male","value":"1"}]}]'
    )
    assert.deepStrictEqual(list, [
      { attribute_code: "gender", frontend_input: "select", options: [{ label: "Male", value: "1" }] }
    ])
  })
})
