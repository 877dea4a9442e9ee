/**
 * The seed's example bodies (test/fixtures, see SOURCES.md) through the customers stream's body
 * codec and the default mappings: `mapwright decode` and `encode` on the documented shapes.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Transform, Transforms, Validator } from "@mapwright/core"
import { Effect, Result } from "effect"
import { connector, mappings, schemas, transforms } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const customers = connector.streams.customers!
const body = customers.body
const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])
const transformRegistry = Transform.registry([...Transforms.builtins, ...transforms])

const load = (file: string) =>
  Mapping.load(file, { schemas: registry, transforms: transformRegistry }).pipe(
    Effect.provide(NodeFileSystem.layer)
  )

const decoded = (text: string): ReadonlyArray<Record<string, unknown>> => {
  const result = body.decode(text)
  if (Result.isFailure(result)) return assert.fail(`decode failed: ${result.failure}`)
  return result.success as ReadonlyArray<Record<string, unknown>>
}

const failure = (text: string): string => {
  const result = body.decode(text)
  if (Result.isSuccess(result)) return assert.fail("decode should fail")
  return result.failure
}

describe("decode", () => {
  it("customers.find: one customer, Sherlock Holmes, that fits the record schema", () => {
    const records = decoded(fixture("customers_find_response.json"))
    assert.strictEqual(records.length, 1)
    const validate = Validator.compile(customers.record)
    assert.deepStrictEqual(validate(records[0]), [])
    const holmes = records[0]!
    assert.strictEqual(holmes.id, 37091)
    assert.strictEqual(holmes.creationTime, "2009-05-21 16:49:13")
    // decode has no config: shop times are read as UTC for the twins
    assert.strictEqual(holmes.creationTimeUtc, "2009-05-21T16:49:13Z")
    assert.strictEqual(holmes.loginTimeUtc, "2010-12-13T12:05:44Z")
    assert.strictEqual(holmes.updateTimeUtc, "2010-12-05T09:24:01Z")
  })

  it("customers.get and customers.authenticate answers hold the same customer as the find", () => {
    const found = decoded(fixture("customers_find_response.json"))
    assert.deepStrictEqual(decoded(fixture("customers_get_response.json")), found)
    assert.deepStrictEqual(decoded(fixture("customers_authenticate_response.json")), found)
    assert.deepStrictEqual(decoded('{"status": "ok", "customer": null}'), [])
  })

  it.effect("maps to the customer the seed describes", () =>
    Effect.gen(function* () {
      const toCanonical = yield* load(mappings.customerToCanonical)
      const { value, issues } = toCanonical(decoded(fixture("customers_get_response.json"))[0])
      if (value === undefined) return assert.fail("the customer was rejected")
      const c = value as Canonical.Customer
      assert.strictEqual(c.id, "37091")
      assert.strictEqual(c.email, "holmes@inv-london.com")
      assert.strictEqual(c.firstName, "Sherlock")
      assert.strictEqual(c.lastName, "Holmes")
      assert.strictEqual(c.company, "Investigations Inc")
      assert.strictEqual(c.canLogin, true)
      assert.deepStrictEqual(c.groups, [{ id: "3", code: null, name: null }])
      assert.strictEqual(c.createdAt, "2009-05-21T16:49:13.000Z")
      assert.strictEqual(c.billing?.region, "LND")
      assert.strictEqual(c.billing?.postalCode, "NW1 6XE")
      assert.strictEqual(c.shipping?.firstName, "John")
      // "+44+207 2243688": not a phone number, a warning, never a rejection
      assert.strictEqual(c.phone, null)
      assert.deepStrictEqual(
        issues.map((i) => [i.severity, i.code, i.path]),
        [
          ["warning", "InvalidPhone", "phone"],
          ["warning", "InvalidPhone", "phones.0.number"],
          ["warning", "InvalidPhone", "billing.phone"]
        ]
      )
    })
  )

  it("a create request is the customer it creates; an update request carries its id", () => {
    const [created] = decoded(fixture("customers_create_request.json"))
    assert.strictEqual(created?.id, undefined)
    assert.deepStrictEqual(created?.password, { value: "I9bV2crS", cryptedBy: "Open2b" })
    assert.strictEqual(created?.group, 3)
    const [updated] = decoded(fixture("customers_update_request.json"))
    assert.strictEqual(updated?.id, 37091)
    assert.strictEqual(updated?.cart, null)
    const validate = Validator.compile(customers.record)
    assert.deepStrictEqual(validate(created), [])
    assert.deepStrictEqual(validate(updated), [])
  })

  it("answers without customers and error answers are refused with what they are", () => {
    assert.include(failure(fixture("customers_count_response.json")), "without customers")
    assert.include(failure(fixture("customers_create_response.json")), "without customers")
    assert.include(failure(fixture("customers_delete_response.json")), "without customers")
    const error = failure(
      JSON.stringify({
        status: "error",
        error: {
          field: "email",
          type: "AlreadyExists",
          description: "Email 'holmes@inv-london.com' already exists for a customer that can login"
        }
      })
    )
    assert.strictEqual(
      error,
      "the body is an Open2b error (AlreadyExists at email: Email 'holmes@inv-london.com' already exists for a customer that can login), not customers"
    )
    assert.include(failure("{ not json"), "not JSON")
    assert.include(failure(fixture("customers_find_request.json")), "not a customer")
  })
})

describe("encode", () => {
  it("the seed's create request, decoded and encoded, is the seed's create request", () => {
    const records = decoded(fixture("customers_create_request.json"))
    const lines = body.encode(records).trim().split("\n")
    assert.strictEqual(lines.length, 1)
    assert.deepStrictEqual(JSON.parse(lines[0]!), JSON.parse(fixture("customers_create_request.json")))
  })

  it("a customer read with its hash is created with the hash crypted by Open2b, without read-only fields", () => {
    const [holmes] = decoded(fixture("customers_get_response.json"))
    const request = JSON.parse(body.encode([holmes]).trim()) as { customer: Record<string, unknown> }
    assert.deepStrictEqual(request.customer.password, { value: "foY5/eLc93Wu5…", cryptedBy: "Open2b" })
    for (const readOnly of ["id", "hasPassword", "encryptedPassword", "updateTime", "fullName", "cart"]) {
      assert.isFalse(readOnly in request.customer, `${readOnly} is not sent`)
    }
    assert.isFalse("creationTimeUtc" in request.customer)
    assert.strictEqual(request.customer.creationTime, "2009-05-21 16:49:13")
  })

  it.effect("canonical customers become create requests, one per line, times in UTC", () =>
    Effect.gen(function* () {
      const fromCanonical = yield* load(mappings.customerFromCanonical)
      const canonical = {
        id: "5",
        email: "mere@example.nz",
        firstName: "Mere",
        lastName: "Ngata",
        isGuest: false,
        createdAt: "2024-01-15T09:00:00.500Z",
        lastLoginAt: null,
        billing: { line1: "5 Queen Street", city: "Auckland", postalCode: "1010", country: "NZ" },
        source: { system: "woocommerce", id: "5" }
      }
      const native = [
        fromCanonical(canonical).value,
        fromCanonical({ ...canonical, email: "tama@example.nz" }).value
      ]
      const lines = body.encode(native).trim().split("\n")
      assert.strictEqual(lines.length, 2)
      assert.deepStrictEqual(JSON.parse(lines[0]!), {
        customer: {
          // the fraction of a second is dropped; a null lastLoginAt leaves loginTime out
          creationTime: "2024-01-15 09:00:00",
          billingAddress: {
            firstName: "Mere",
            lastName: "Ngata",
            street1: "5 Queen Street",
            city: "Auckland",
            postalCode: "1010",
            country: "NZ",
            email: "mere@example.nz"
          }
        }
      })
      assert.strictEqual(
        (JSON.parse(lines[1]!) as { customer: { billingAddress: { email: string } } }).customer.billingAddress
          .email,
        "tama@example.nz"
      )
    })
  )
})
