/**
 * The customers stream's field support, checked the way it is defined: canonical customers
 * written through the default mapping from canonical (create, against the emulator) and read
 * back through the mapping to canonical. Every `full` field comes back equal; the lossy ones
 * come back as their notes say; the `none` ones a customer fills are the ones reported.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, expect, it } from "@effect/vitest"
import { Canonical, FieldSupport, Mapping, RecordSchema, Transform, Transforms } from "@mapwright/core"
import { Effect } from "effect"
import { FetchHttpClient } from "effect/http"
import * as FoodicsEmulator from "../src/emulator.ts"
import { connector, mappings, schemas, transforms } from "../src/index.ts"

const options: Mapping.LoadOptions = {
  schemas: RecordSchema.registry([...Canonical.schemas, ...schemas]),
  transforms: Transform.registry([...Transforms.builtins, ...transforms])
}

const address = {
  id: null,
  kind: "billing",
  isDefault: true,
  firstName: "Mary Jane",
  lastName: "Watson",
  company: "Daily Bugle",
  line1: "20 Ingram St",
  line2: null,
  line3: null,
  city: "New York",
  region: "NY",
  postalCode: "11375",
  country: "US",
  phone: "+12015550123",
  email: "mary@example.com"
} as const

const customer = (i: number, overrides: Readonly<Record<string, unknown>> = {}) => ({
  id: `c${i}`,
  email: `mary${i}@example.com`,
  firstName: "Mary Jane",
  lastName: "Watson",
  company: "Daily Bugle",
  phone: "+966565445254",
  phones: [
    { kind: "primary", number: "+966565445254" },
    { kind: "mobile", number: "+12015550123" }
  ],
  gender: "female",
  birthDate: "1990-04-23",
  isGuest: false,
  active: true,
  blocked: true,
  canLogin: true,
  groups: [{ id: "1", code: "vip", name: "VIP" }],
  tags: ["fhhsd8r5", "8d06aaa0"],
  billing: address,
  shipping: { ...address, kind: "shipping" },
  addresses: [{ ...address, kind: "other", id: "a1" }],
  marketing: { emailOptIn: true, smsOptIn: false },
  discountPercent: 10,
  orderCount: 5,
  lastOrderAt: "2024-04-01T10:00:00.000Z",
  createdAt: "2020-01-01T00:00:00.000Z",
  updatedAt: "2024-04-02T10:00:00.000Z",
  lastLoginAt: "2024-04-03T10:00:00.000Z",
  deletedAt: null,
  extra: {},
  source: { system: "test", id: `c${i}` },
  ...overrides
})

const declaration = connector.streams.customers!.fields!

describe("field support", () => {
  it("declares every canonical field", () => {
    expect(FieldSupport.problems(declaration)).toEqual([])
    expect(FieldSupport.fieldsAt(declaration, "full")).toEqual(["email", "phone", "birthDate", "blocked"])
  })

  it.live("writes and reads back every full field equal, and the lossy ones as their notes say", () =>
    Effect.gen(function* () {
      const from = yield* Mapping.load(mappings.customerFromCanonical, options)
      const to = yield* Mapping.load(mappings.customerToCanonical, options)
      const running = yield* FoodicsEmulator.serve({ customers: 0 })
      const ops = (yield* connector.client(running.config)).streams.customers!
      const written = [
        customer(1),
        customer(2, { isGuest: true, gender: "other", firstName: "Cher", lastName: null, blocked: false }),
        customer(3, { phone: "+4915112345678", birthDate: null, email: null, tags: [] }),
        customer(4, { source: { system: "foodics", id: "c4" } })
      ]
      const bodies = written.map((c) => {
        const mapped = from(c)
        assert(mapped.value !== undefined, JSON.stringify(mapped.issues))
        return mapped.value
      })
      const results = yield* ops.create!(bodies)
      const back = yield* Effect.forEach(results, (r) => {
        assert(r._tag === "Created", JSON.stringify(r))
        return ops.get!(r.id)
      })
      const read = back.map((record) => {
        const mapped = to(record)
        assert(mapped.value !== undefined, JSON.stringify(mapped.issues))
        return mapped.value as Readonly<Record<string, unknown>>
      })
      written.forEach((w, i) => {
        for (const field of FieldSupport.fieldsAt(declaration, "full")) {
          expect([w.id, field, read[i]![field]]).toEqual([w.id, field, (w as Record<string, unknown>)[field]])
        }
      })
      // one name field: "Mary Jane" + "Watson" comes back "Mary" + "Jane Watson"
      expect([read[0]!.firstName, read[0]!.lastName]).toEqual(["Mary", "Jane Watson"])
      expect([read[1]!.firstName, read[1]!.lastName]).toEqual(["Cher", null])
      // one phone, read back as primary; gender other is not written; no guests
      expect(read[0]!.phones).toEqual([{ kind: "primary", number: "+966565445254" }])
      expect([read[1]!.gender, read[1]!.isGuest]).toEqual([null, false])
      // tags are Foodics tag ids: written for customers read from Foodics only
      expect([read[0]!.tags, read[2]!.tags, read[3]!.tags]).toEqual([[], [], ["fhhsd8r5", "8d06aaa0"]])
      // set by Foodics
      expect([read[0]!.orderCount, read[0]!.lastOrderAt, read[0]!.addresses]).toEqual([0, null, []])
      expect(read[0]!.createdAt).not.toBe("2020-01-01T00:00:00.000Z")
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer), Effect.provide(NodeFileSystem.layer))
  )

  it("reports the none fields a customer fills", () => {
    // active: true says no more than a platform without the field implies, so it is not lost
    expect(FieldSupport.dropped(declaration, customer(1))).toEqual([
      "company",
      "canLogin",
      "groups",
      "billing",
      "shipping",
      "addresses",
      "marketing",
      "discountPercent",
      "lastLoginAt"
    ])
  })
})
