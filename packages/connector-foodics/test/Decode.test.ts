/**
 * `decode` and `encode` on the seed's example bodies (test/fixtures, see SOURCES.md), and the
 * decoded records through the default mapping to canonical.
 */
import { readFileSync } from "node:fs"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, expect, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Transform, Transforms, Validator } from "@mapwright/core"
import { Effect, Result } from "effect"
import { connector, mappings, schemas, transforms } from "../src/index.ts"

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8")

const body = connector.streams.customers!.body

const decoded = (name: string): ReadonlyArray<unknown> => {
  const result = body.decode(fixture(name))
  if (Result.isFailure(result)) throw new Error(`${name}: ${result.failure}`)
  return result.success
}

const options: Mapping.LoadOptions = {
  schemas: RecordSchema.registry([...Canonical.schemas, ...schemas]),
  transforms: Transform.registry([...Transforms.builtins, ...transforms])
}

const load = (file: string) =>
  Effect.runPromise(Mapping.load(file, options).pipe(Effect.provide(NodeFileSystem.layer)))

const validate = Validator.compile(schemas[0]!)

/** The customer of the seed's examples, as it is written there. */
const james = {
  house_account_balance: 0,
  loyalty_balance: 0,
  tags: [{ id: "fhhsd8r5" }],
  id: "8d831",
  name: "James Lapda",
  dial_code: 966,
  phone: "565445254",
  email: "m.steuber@ecs.net",
  gender: 1,
  birth_date: "1986-09-17",
  is_blacklisted: false,
  is_house_account_enabled: true,
  house_account_limit: 1000,
  is_loyalty_enabled: 1,
  created_at: "2019-04-22 14:18:54",
  updated_at: "2019-05-02 10:14:49",
  deleted_at: null,
  last_order_at: "2019-11-27 09:40:35",
  order_count: 3,
  addresses: [{ id: "8d92cc27", delivery_zone: { id: "8d86ac81" } }]
}

describe("decode", () => {
  it("reads the customer object, the get answer and the create and update answers as the seed's customer", () => {
    for (const name of [
      "customer_object.json",
      "customer_get.json",
      "customer_create_response.json",
      "customer_update_response.json"
    ]) {
      expect([name, decoded(name)]).toEqual([name, [james]])
    }
  })

  it("reads the list page, whose address has no delivery zone", () => {
    expect(decoded("customers_list.json")).toEqual([{ ...james, addresses: [{ id: "8d92cc27" }] }])
  })

  it("reads the create and update request bodies", () => {
    const simona = {
      name: "Simona",
      dial_code: 1,
      phone: "1234567890",
      email: "simona@example.net",
      gender: 1,
      birth_date: "2016-09-17",
      house_account_limit: 100,
      house_account_balance: 300,
      is_loyalty_enabled: false,
      is_blacklisted: false,
      is_house_account_enabled: true,
      tags: [{ id: "8d06aaa0" }]
    }
    expect(decoded("customer_create_request.json")).toEqual([simona])
    expect(decoded("customer_update_request.json")).toEqual([simona])
  })

  it("gives records that fit the record schema", () => {
    for (const name of ["customer_object.json", "customers_list.json", "customer_create_request.json"]) {
      for (const record of decoded(name)) expect([name, validate(record)]).toEqual([name, []])
    }
  })

  it("keeps a record to its documented fields, at every depth", () => {
    const result = body.decode(
      JSON.stringify({
        data: [
          {
            id: "x1",
            name: "A",
            name_localized: "أ",
            addresses: [{ id: "a1", city_id: 3, delivery_zone: { id: "z", reference: "N" } }]
          }
        ]
      })
    )
    assert(Result.isSuccess(result))
    expect(result.success).toEqual([
      { id: "x1", name: "A", addresses: [{ id: "a1", delivery_zone: { id: "z" } }] }
    ])
  })

  it("refuses an error body with what it says, and what is not a body", () => {
    const error = body.decode(
      JSON.stringify({
        message: "The given data was invalid.",
        errors: { email: ["The email must be a valid email address."] }
      })
    )
    expect(Result.isFailure(error) ? error.failure : "").toBe(
      "the body is a Foodics error (The given data was invalid.; email: The email must be a valid email address.), not a customer"
    )
    const notJson = body.decode("<html>")
    expect(Result.isFailure(notJson) && notJson.failure.startsWith("the body is not JSON")).toBe(true)
    const list = body.decode('{"data": [1]}')
    expect(Result.isFailure(list) ? list.failure : "").toBe(
      "the page's data item 0 is number, not a customer object"
    )
  })
})

describe("encode", () => {
  it("writes create bodies without the fields Foodics sets itself", () => {
    const text = body.encode(decoded("customer_create_request.json"))
    expect(text).toBe(
      `${JSON.stringify({
        name: "Simona",
        dial_code: 1,
        phone: "1234567890",
        email: "simona@example.net",
        gender: 1,
        birth_date: "2016-09-17",
        house_account_limit: 100,
        is_loyalty_enabled: false,
        is_blacklisted: false,
        is_house_account_enabled: true,
        tags: [{ id: "8d06aaa0" }]
      })}\n`
    )
  })

  it("writes one body per line, and nothing for no records", () => {
    const lines = body.encode(decoded("customer_get.json").concat(decoded("customers_list.json"))).split("\n")
    expect(lines.length).toBe(3)
    expect(lines[2]).toBe("")
    expect(JSON.parse(lines[0]!)).toEqual({
      tags: [{ id: "fhhsd8r5" }],
      name: "James Lapda",
      dial_code: 966,
      phone: "565445254",
      email: "m.steuber@ecs.net",
      gender: 1,
      birth_date: "1986-09-17",
      is_blacklisted: false,
      is_house_account_enabled: true,
      house_account_limit: 1000,
      is_loyalty_enabled: 1
    })
    expect(body.encode([])).toBe("")
  })
})

describe("decoded bodies through the default mappings", () => {
  it("maps the seed's customer to canonical and back to the body it came from", async () => {
    const to = await load(mappings.customerToCanonical)
    const from = await load(mappings.customerFromCanonical)
    const canonical = to(decoded("customer_get.json")[0])
    expect(canonical.issues).toEqual([])
    expect(canonical.value).toMatchObject({
      id: "8d831",
      firstName: "James",
      lastName: "Lapda",
      phone: "+966565445254",
      gender: "male",
      tags: ["fhhsd8r5"],
      updatedAt: "2019-05-02T10:14:49.000Z"
    })
    const native = from(canonical.value)
    expect(native.issues).toEqual([])
    expect(native.value).toEqual({
      name: "James Lapda",
      dial_code: 966,
      phone: "565445254",
      email: "m.steuber@ecs.net",
      gender: 1,
      birth_date: "1986-09-17",
      is_blacklisted: false,
      tags: [{ id: "fhhsd8r5" }],
      is_house_account_enabled: true,
      house_account_limit: 1000,
      is_loyalty_enabled: true
    })
  })

  it("refuses the create example to canonical for its missing id, and warns that its phone is not valid", async () => {
    const to = await load(mappings.customerToCanonical)
    const request = decoded("customer_create_request.json")[0] as Readonly<Record<string, unknown>>
    const withoutId = to(request)
    expect(withoutId.value).toBeUndefined()
    expect(withoutId.issues.filter((i) => i.severity === "error").map((i) => [i.path, i.code])).toEqual([
      ["id", "Required"],
      ["source.id", "Required"]
    ])
    // +1 123 456 7890: 123 is not a US area code
    const canonical = to({ ...request, id: "c1" })
    expect(canonical.value?.phone).toBeNull()
    expect(canonical.issues.map((i) => [i.severity, i.path, i.code])).toEqual([
      ["warning", "phone", "InvalidPhone"],
      ["warning", "phones.0.number", "InvalidPhone"]
    ])
  })
})
