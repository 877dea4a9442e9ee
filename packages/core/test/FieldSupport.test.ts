import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as Connector from "../src/Connector.ts"
import * as FieldSupport from "../src/FieldSupport.ts"
import * as RecordSchema from "../src/RecordSchema.ts"

const allNone = (): Record<string, FieldSupport.Level | FieldSupport.Entry> =>
  Object.fromEntries(FieldSupport.customerFields.map((f) => [f, "none"]))

describe("FieldSupport", () => {
  it("declares every canonical customer field except id, extra and source", () => {
    const canonical = Object.keys(Canonical.Customer.fields).sort()
    const declared = [...FieldSupport.customerFields, "id", "extra", "source"].sort()
    assert.deepStrictEqual(declared, canonical)
  })

  it("problems: unknown fields, missing fields and bad levels, all at once", () => {
    const declaration: Record<string, unknown> = allNone()
    delete declaration.gender
    declaration.email = "most"
    declaration.shoeSize = "full"
    declaration.tags = { level: "lossy", note: "lower-cased" }
    assert.deepStrictEqual(FieldSupport.problems(declaration), [
      "`email`: the level must be full, lossy or none",
      "`shoeSize` is not a canonical customer field",
      "`gender` is not declared"
    ])
    assert.deepStrictEqual(FieldSupport.problems(allNone()), [])
    assert.deepStrictEqual(FieldSupport.problems([]), [
      "the field declaration must be an object of canonical customer fields"
    ])
  })

  it("dropped: the none fields a customer fills, empty values and empty objects not counted", () => {
    const declaration = {
      ...allNone(),
      email: "full",
      firstName: { level: "lossy", note: "one name" }
    } as FieldSupport.Declaration
    const customer = {
      email: "a@b.nz",
      firstName: "Ann",
      lastName: "",
      gender: "female",
      tags: [],
      phones: [{ kind: "mobile", number: "+6421555123" }],
      billing: { line1: null, city: "" },
      marketing: { emailOptIn: false, smsOptIn: null },
      discountPercent: 0,
      isGuest: false,
      active: true,
      blocked: false,
      canLogin: false,
      orderCount: 0
    }
    // `false` and `0` are values, but not where they say only what a platform without the
    // field implies (a registered, active, unblocked customer, no consent, no orders);
    // "" / [] / objects of empty leaves are not values
    assert.deepStrictEqual(FieldSupport.dropped(declaration, customer), [
      "phones",
      "gender",
      "canLogin",
      "discountPercent"
    ])
    // the opposite values are lost where the target has no place for them
    assert.deepStrictEqual(
      FieldSupport.dropped(declaration, {
        active: false,
        blocked: true,
        marketing: { emailOptIn: true, smsOptIn: false },
        orderCount: 3
      }),
      ["active", "blocked", "marketing", "orderCount"]
    )
    assert.deepStrictEqual(FieldSupport.dropped(declaration, null), [])
    // the dropper a run builds once, applied to record after record
    const drop = FieldSupport.dropper(declaration)
    assert.deepStrictEqual(drop(customer), ["phones", "gender", "canLogin", "discountPercent"])
    assert.deepStrictEqual(drop({ email: "b@c.nz", gender: "male" }), ["gender"])
    // a guest loses what it is where the target has no guests
    assert.deepStrictEqual(FieldSupport.dropped(declaration, { isGuest: true }), ["isGuest"])
    assert.deepStrictEqual(FieldSupport.fieldsAt(declaration, "lossy"), ["firstName"])
    assert.deepStrictEqual(FieldSupport.entryOf(declaration, "firstName"), {
      level: "lossy",
      note: "one name"
    })
    assert.deepStrictEqual(FieldSupport.entryOf(declaration, "email"), { level: "full" })
  })

  it("Connector.define refuses a Customer stream without a complete declaration", () => {
    const body = {
      contentType: "application/json",
      decode: () => {
        throw new Error("unused")
      },
      encode: () => ""
    }
    const stream = {
      description: "Customers",
      record: RecordSchema.make("t/Customer", Schema.Struct({ id: Schema.String })),
      canonical: "Customer" as const,
      key: ["id"],
      capabilities: ["list" as const],
      mappings: {},
      body
    }
    const make = (fields: unknown) =>
      Connector.define({
        name: "t",
        description: "test",
        config: Schema.Struct({}),
        streams: {
          customers: {
            ...stream,
            ...(fields === undefined ? {} : { fields: fields as FieldSupport.Declaration })
          }
        },
        client: () => {
          throw new Error("unused")
        }
      })
    assert.throws(
      () => make(undefined),
      /connector t, stream customers: a Customer stream must declare `fields`/
    )
    const partial: Record<string, unknown> = allNone()
    delete partial.tags
    assert.throws(() => make(partial), /`tags` is not declared/)
    assert.strictEqual(make(allNone()).name, "t")
  })
})
