/**
 * The customers stream's field declaration, held to what the connector does: a canonical customer
 * with every field filled is written through the default mapping from canonical (create) and
 * read back through the mapping to canonical (get), against the emulator. Every `full` field
 * comes back equal; every `none` field comes back empty; the `lossy` ones lose what their notes
 * say.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import {
  Canonical,
  FieldSupport,
  Mapping,
  RecordSchema,
  Transform,
  Transforms,
  Validator
} from "@mapwright/core"
import { Effect } from "effect"
import { FetchHttpClient } from "effect/http"
import * as Open2bEmulator from "../src/emulator.ts"
import { connector, mappings, schemas, transforms } from "../src/index.ts"

const declaration = connector.streams.customers!.fields!

const load = (file: string) =>
  Mapping.load(file, {
    schemas: RecordSchema.registry([...Canonical.schemas, ...schemas]),
    transforms: Transform.registry([...Transforms.builtins, ...transforms])
  }).pipe(Effect.provide(NodeFileSystem.layer))

const address = {
  id: "addr-1",
  kind: "billing",
  isDefault: true,
  firstName: "Giulia",
  lastName: "Rossi",
  company: "Rossi Srl",
  line1: "Via del Corso 12",
  line2: "Scala B",
  line3: "Interno 4",
  city: "Roma",
  region: "RM",
  postalCode: "00186",
  country: "IT",
  phone: "+390669881234",
  email: "giulia.rossi@example.it"
}

const customer = {
  id: "shopify-1",
  email: "giulia.rossi@example.it",
  firstName: "Giulia",
  lastName: "Rossi",
  company: "Rossi Srl",
  phone: "+390669881234",
  phones: [
    { kind: "primary", number: "+390669881234" },
    { kind: "mobile", number: "+393471234567" },
    { kind: "day", number: "+390669880000" }
  ],
  gender: "female",
  birthDate: "1990-04-23",
  isGuest: true,
  active: true,
  blocked: false,
  canLogin: true,
  groups: [{ id: "2", code: "wholesale", name: "Wholesale" }],
  tags: ["vip"],
  billing: address,
  shipping: {
    ...address,
    id: "addr-2",
    kind: "shipping",
    firstName: "Marco",
    lastName: "Bianchi",
    line3: null
  },
  addresses: [{ ...address, id: "addr-3", kind: "other" }],
  marketing: { emailOptIn: true, smsOptIn: false },
  discountPercent: 10,
  orderCount: 4,
  lastOrderAt: "2024-03-01T10:00:00Z",
  createdAt: "2023-05-01T08:30:00Z",
  updatedAt: "2024-03-02T09:00:00Z",
  lastLoginAt: "2024-03-01T09:55:00Z",
  deletedAt: "2024-04-01T00:00:00Z",
  extra: {},
  source: { system: "shopify", id: "shopify-1" }
}

describe("field support", () => {
  it("declares every canonical customer field", () => {
    assert.deepStrictEqual(FieldSupport.problems(declaration), [])
  })

  it.live("a filled customer written and read back keeps its full fields, empties its none ones", () =>
    Effect.gen(function* () {
      const canonicalCustomer = Canonical.schemas.find((s) => s.name === "canonical/Customer")!
      assert.deepStrictEqual(Validator.compile(canonicalCustomer)(customer), [], "the customer is canonical")
      const fromCanonical = yield* load(mappings.customerFromCanonical)
      const toCanonical = yield* load(mappings.customerToCanonical)
      const running = yield* Open2bEmulator.serve({ data: [], groups: [1, 2] })
      const customers = (yield* connector.client(running.config)).streams.customers!
      const native = fromCanonical(customer)
      if (native.value === undefined) return assert.fail(JSON.stringify(native.issues))
      const [created] = yield* customers.create!([native.value])
      if (created?._tag !== "Created") return assert.fail(JSON.stringify(created))
      const back = toCanonical(yield* customers.get!(created.id)).value as Record<string, unknown>
      const original = customer as Record<string, unknown>

      for (const field of FieldSupport.fieldsAt(declaration, "full")) {
        assert.deepStrictEqual(back[field], original[field], `${field} is declared full`)
      }
      for (const field of FieldSupport.fieldsAt(declaration, "none")) {
        assert.isFalse(FieldSupport.isFilled(back[field]), `${field} is declared none`)
      }
      // what the lossy notes say
      assert.deepStrictEqual(back.phones, [
        { kind: "primary", number: "+390669881234" },
        { kind: "mobile", number: "+393471234567" }
      ])
      assert.strictEqual(back.isGuest, false)
      assert.strictEqual(back.canLogin, false)
      // a customer from Shopify: its group ids are not Open2b's, so none is written, and Open2b
      // puts the customer in the shop's default group (the emulator's lowest, 1)
      assert.deepStrictEqual(back.groups, [{ id: "1", code: null, name: null }])
      const billing = back.billing as Record<string, unknown>
      assert.strictEqual(billing.line2, "Scala B, Interno 4")
      assert.strictEqual(billing.line3, null)
      assert.strictEqual(billing.id, null)
      const shipping = back.shipping as Record<string, unknown>
      assert.deepStrictEqual([shipping.firstName, shipping.lastName], ["Marco", "Bianchi"])
      assert.deepStrictEqual([shipping.company, shipping.phone, shipping.email], [null, null, null])
      assert.strictEqual(back.createdAt, "2023-05-01T08:30:00.000Z")
      assert.strictEqual(back.lastLoginAt, "2024-03-01T09:55:00.000Z")
      assert.notStrictEqual(back.updatedAt, original.updatedAt)
      assert.strictEqual(FieldSupport.entryOf(declaration, "updatedAt").level, "lossy")
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )
})
