/**
 * Projection: a payload kept to the fields its record schema documents. Unknown keys go at
 * closed depths and stay in open records; documented values are kept as sent, valid or not.
 */
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as Projection from "../src/Projection.ts"

const Address = Schema.Struct({ city: Schema.String, lines: Schema.Array(Schema.String) })

const Customer = Schema.Struct({
  id: Schema.Number,
  address: Schema.NullOr(Address),
  addresses: Schema.optional(Schema.Array(Address)),
  meta: Schema.Record(Schema.String, Schema.Unknown),
  extra: Schema.StructWithRest(Schema.Struct({ code: Schema.String }), [
    Schema.Record(Schema.String, Schema.Unknown)
  ])
})

const project = Projection.make(Customer)

describe("Projection.make", () => {
  it("drops unknown keys at the top and in nested closed objects", () => {
    assert.deepStrictEqual(
      project({
        id: 1,
        plugin_field: "x",
        address: { city: "Roma", lines: ["Via del Corso 12"], geo: { lat: 41.9 } },
        meta: {},
        extra: { code: "A" }
      }),
      { id: 1, address: { city: "Roma", lines: ["Via del Corso 12"] }, meta: {}, extra: { code: "A" } }
    )
  })

  it("keeps every key of an open record and of a struct with an index signature", () => {
    assert.deepStrictEqual(
      project({
        id: 2,
        address: null,
        meta: { loyalty: { points: 10 }, tier: "gold" },
        extra: { code: "B", note: "vip", flags: [1, 2] }
      }),
      {
        id: 2,
        address: null,
        meta: { loyalty: { points: 10 }, tier: "gold" },
        extra: { code: "B", note: "vip", flags: [1, 2] }
      }
    )
  })

  it("a nullable object: null stays null, an object is projected", () => {
    assert.deepStrictEqual(project({ id: 3, address: null, meta: {}, extra: { code: "C" } }), {
      id: 3,
      address: null,
      meta: {},
      extra: { code: "C" }
    })
    assert.deepStrictEqual(
      project({
        id: 3,
        address: { city: "Milano", lines: [], zip: "20121" },
        meta: {},
        extra: { code: "C" }
      }),
      { id: 3, address: { city: "Milano", lines: [] }, meta: {}, extra: { code: "C" } }
    )
  })

  it("projects each element of an array; an absent optional field stays absent", () => {
    assert.deepStrictEqual(
      project({
        id: 4,
        address: null,
        addresses: [
          { city: "Torino", lines: ["Via Po 1"], default: true },
          { city: "Napoli", lines: [], kind: "shipping" }
        ],
        meta: {},
        extra: { code: "D" }
      }),
      {
        id: 4,
        address: null,
        addresses: [
          { city: "Torino", lines: ["Via Po 1"] },
          { city: "Napoli", lines: [] }
        ],
        meta: {},
        extra: { code: "D" }
      }
    )
    assert.isFalse(
      Object.hasOwn(project({ id: 4, address: null, meta: {}, extra: { code: "D" } }) as object, "addresses")
    )
  })

  it("keeps malformed values as they are, for the decode stage to report", () => {
    assert.deepStrictEqual(
      project({
        id: "four",
        address: "Via Roma 1",
        addresses: { city: "Bari" },
        meta: ["not", "a", "record"],
        extra: null
      }),
      {
        id: "four",
        address: "Via Roma 1",
        addresses: { city: "Bari" },
        meta: ["not", "a", "record"],
        extra: null
      }
    )
    // an element that is not an object, and a documented key missing: both left as they are
    assert.deepStrictEqual(project({ id: 5, address: null, addresses: [42, { city: "Bari" }] }), {
      id: 5,
      address: null,
      addresses: [42, { city: "Bari" }]
    })
  })

  it("a payload that is not an object is returned as it is", () => {
    assert.strictEqual(project("text"), "text")
    assert.strictEqual(project(null), null)
    assert.strictEqual(project(undefined), undefined)
    assert.deepStrictEqual(project([{ id: 1, x: 2 }]), [{ id: 1, x: 2 }])
  })

  it("does not change its input", () => {
    const input = {
      id: 6,
      unknown: true,
      address: { city: "Roma", lines: ["a"], geo: 1 },
      addresses: [{ city: "Roma", lines: [], extra: 1 }],
      meta: { k: "v" },
      extra: { code: "E", more: 1 }
    }
    const copy = structuredClone(input)
    const out = project(input) as Record<string, unknown>
    assert.deepStrictEqual(input, copy)
    assert.notStrictEqual(out, input)
    assert.notStrictEqual(out.address, input.address)
  })

  it("follows references to named schemas", () => {
    const Named = Address.annotate({ identifier: "Address" })
    const Order = Schema.Struct({ billing: Named, shipping: Schema.NullOr(Named) })
    assert.deepStrictEqual(
      Projection.make(Order)({
        billing: { city: "Roma", lines: [], phone: "x" },
        shipping: { city: "Pisa", lines: ["Lungarno 3"], notes: "" },
        total: "10.00"
      }),
      { billing: { city: "Roma", lines: [] }, shipping: { city: "Pisa", lines: ["Lungarno 3"] } }
    )
  })

  it("a union of two object shapes is kept whole", () => {
    const Either = Schema.Struct({
      place: Schema.Union([Address, Schema.Struct({ zip: Schema.String })])
    })
    assert.deepStrictEqual(Projection.make(Either)({ place: { zip: "00100", more: 1 }, drop: 1 }), {
      place: { zip: "00100", more: 1 }
    })
  })
})
