import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as VT from "../src/ValueType.ts"

const S: VT.ValueType = { _tag: "String" }
const I: VT.ValueType = { _tag: "Integer" }
const N: VT.ValueType = { _tag: "Number" }
const B: VT.ValueType = { _tag: "Boolean" }
const enumOf = (...values: Array<string>): VT.ValueType => ({ _tag: "String", enum: values })
const fmt = (format: VT.StringFormat): VT.ValueType => ({ _tag: "String", format })

describe("ValueType.fromJsonSchema", () => {
  it("reads objects: properties, required, additionalProperties, descriptions", () => {
    const t = VT.fromJsonSchema({
      type: "object",
      properties: {
        id: { type: "string", description: "the key" },
        age: { type: "integer" },
        score: { type: "number" },
        ok: { type: "boolean" }
      },
      required: ["id"],
      additionalProperties: false
    })
    assert.deepStrictEqual(t, {
      _tag: "Object",
      fields: {
        id: { type: S, required: true, description: "the key" },
        age: { type: I, required: false },
        score: { type: N, required: false },
        ok: { type: B, required: false }
      },
      open: false
    })
  })

  it("treats a missing additionalProperties as open, and an object without type by its keywords", () => {
    assert.deepStrictEqual(VT.fromJsonSchema({ properties: { a: { type: "null" } } }), {
      _tag: "Object",
      fields: { a: { type: VT.Null, required: false } },
      open: true
    })
  })

  it("turns anyOf / oneOf into unions, and type arrays too", () => {
    assert.deepStrictEqual(VT.fromJsonSchema({ anyOf: [{ type: "string" }, { type: "null" }] }), {
      _tag: "Union",
      members: [S, VT.Null]
    })
    assert.deepStrictEqual(VT.fromJsonSchema({ oneOf: [{ type: "integer" }, { type: "boolean" }] }), {
      _tag: "Union",
      members: [I, B]
    })
    assert.deepStrictEqual(VT.fromJsonSchema({ type: ["string", "null"] }), {
      _tag: "Union",
      members: [S, VT.Null]
    })
  })

  it("reads enum and const as string literals, with null members", () => {
    assert.deepStrictEqual(
      VT.fromJsonSchema({ type: "string", enum: ["male", "female"] }),
      enumOf("male", "female")
    )
    assert.deepStrictEqual(VT.fromJsonSchema({ enum: ["a", null] }), {
      _tag: "Union",
      members: [enumOf("a"), VT.Null]
    })
    assert.deepStrictEqual(VT.fromJsonSchema({ const: "billing" }), enumOf("billing"))
    assert.deepStrictEqual(VT.fromJsonSchema({ const: 3 }), I)
  })

  it("reads formats from `format` and from the canonical model's patterns", () => {
    assert.deepStrictEqual(VT.fromJsonSchema({ type: "string", format: "date-time" }), fmt("date-time"))
    assert.deepStrictEqual(VT.fromJsonSchema({ type: "string", format: "uri" }), S)
    assert.deepStrictEqual(VT.fromJsonSchema({ type: "string", pattern: "^\\+[1-9]\\d{1,14}$" }), fmt("e164"))
    assert.deepStrictEqual(VT.fromJsonSchema({ type: "string", pattern: "^[A-Z]{2}$" }), fmt("country"))
    assert.deepStrictEqual(VT.fromJsonSchema({ type: "string", pattern: "^[a-z]+$" }), S)
  })

  it("follows $ref into $defs and definitions, and stops at recursion", () => {
    const doc = {
      type: "object",
      properties: {
        a: { $ref: "#/$defs/A" },
        b: { $ref: "#/definitions/B" },
        list: { type: "array", items: { $ref: "#/$defs/A" } }
      },
      required: ["a", "b", "list"],
      $defs: { A: { type: "string", format: "date" } },
      definitions: { B: { type: "object", properties: { next: { $ref: "#/definitions/B" } } } }
    }
    const t = VT.fromJsonSchema(doc)
    assert.deepStrictEqual(VT.field(t, "a"), fmt("date"))
    assert.deepStrictEqual(VT.field(t, "list"), { _tag: "Array", items: fmt("date") })
    // B refers to itself: the inner reference is Unknown, not an endless type.
    assert.deepStrictEqual(VT.field(t, "b"), {
      _tag: "Object",
      fields: { next: { type: VT.Unknown, required: false } },
      open: true
    })
  })

  it("reads the { schema, definitions } document Effect gives", () => {
    const t = VT.fromJsonSchema({
      dialect: "draft-2020-12",
      schema: { $ref: "#/$defs/X" },
      definitions: { X: { type: "array", items: { type: "boolean" } } }
    })
    assert.deepStrictEqual(t, { _tag: "Array", items: B })
  })

  it("keeps a number a number (Effect's Infinity/NaN strings dropped); {} and true are Unknown, false is never", () => {
    assert.deepStrictEqual(
      VT.fromJsonSchema({
        anyOf: [{ type: "number" }, { type: "string", enum: ["Infinity", "-Infinity", "NaN"] }]
      }),
      N
    )
    assert.deepStrictEqual(VT.fromJsonSchema({}), VT.Unknown)
    assert.deepStrictEqual(VT.fromJsonSchema(true), VT.Unknown)
    assert.deepStrictEqual(VT.fromJsonSchema(false), VT.Never)
  })
})

describe("ValueType.fromSchema", () => {
  it("derives the type of an Effect Schema and caches it per schema", () => {
    const Rec = Schema.Struct({
      id: Schema.String,
      nick: Schema.optionalKey(Schema.String),
      tags: Schema.Array(Schema.String),
      kind: Schema.NullOr(Schema.Literals(["a", "b"]))
    })
    const t = VT.fromSchema(Rec)
    assert.strictEqual(VT.fromSchema(Rec), t)
    assert.deepStrictEqual(t, {
      _tag: "Object",
      fields: {
        id: { type: S, required: true },
        nick: { type: S, required: false },
        tags: { type: { _tag: "Array", items: S }, required: true },
        kind: { type: { _tag: "Union", members: [enumOf("a", "b"), VT.Null] }, required: true }
      },
      open: false
    })
  })

  it("reads the canonical Customer's formats and its open `extra`", () => {
    const t = VT.fromSchema(Canonical.Customer)
    assert.strictEqual(VT.show(VT.field(t, "phone")!), "string (e164) | null")
    assert.strictEqual(VT.show(VT.field(t, "billing.country")!), "string (country) | null")
    assert.strictEqual(VT.show(VT.field(t, "createdAt")!), "string (date-time) | null")
    assert.deepStrictEqual(VT.field(t, "extra"), { _tag: "Object", fields: {}, open: true })
  })
})

describe("ValueType operations", () => {
  it("show", () => {
    assert.strictEqual(VT.show(VT.union([S, VT.Null])), "string | null")
    assert.strictEqual(VT.show(enumOf("male", "female")), '"male" | "female"')
    assert.strictEqual(VT.show({ _tag: "Array", items: S }), "Array<string>")
    assert.strictEqual(
      VT.show({ _tag: "Object", fields: { a: { type: S, required: true } }, open: false }),
      "{ ... }"
    )
    assert.strictEqual(VT.show(VT.Never), "never")
    assert.strictEqual(VT.show(VT.union([VT.Null, I])), "integer | null")
  })

  it("union flattens, merges literals, absorbs into Unknown and Number", () => {
    assert.deepStrictEqual(VT.union([enumOf("a"), enumOf("b"), enumOf("a")]), enumOf("a", "b"))
    assert.deepStrictEqual(VT.union([enumOf("a"), S]), S)
    assert.deepStrictEqual(VT.union([I, N]), N)
    assert.deepStrictEqual(VT.union([S, VT.Unknown]), VT.Unknown)
    assert.deepStrictEqual(VT.union([S]), S)
    assert.deepStrictEqual(VT.union([]), VT.Never)
  })

  it("isNullable and nonNull", () => {
    assert.isTrue(VT.isNullable(VT.union([S, VT.Null])))
    assert.isFalse(VT.isNullable(S))
    assert.isFalse(VT.isNullable(VT.Unknown))
    assert.deepStrictEqual(VT.nonNull(VT.union([S, VT.Null])), S)
    assert.deepStrictEqual(VT.nonNull(VT.Null), VT.Never)
  })

  it("kindOf and accepts", () => {
    assert.strictEqual(VT.kindOf(fmt("date")), "string")
    assert.strictEqual(VT.kindOf(VT.union([S, I])), "unknown")
    assert.strictEqual(VT.kindOf({ _tag: "Array", items: S }), "array")
    assert.isTrue(VT.accepts(["number"], I))
    assert.isFalse(VT.accepts(["integer"], N))
    assert.isFalse(VT.accepts(["string"], VT.union([S, B])))
    assert.isTrue(VT.accepts(["string"], VT.Unknown))
    assert.isTrue(VT.accepts("any", B))
    assert.isFalse(VT.accepts(["string"], VT.union([S, VT.Null])))
  })

  it("field navigates objects and arrays, and is nullable through optional steps", () => {
    const t: VT.ValueType = {
      _tag: "Object",
      fields: {
        a: {
          type: { _tag: "Object", fields: { b: { type: S, required: true } }, open: false },
          required: false
        },
        list: { type: { _tag: "Array", items: I }, required: true }
      },
      open: false
    }
    assert.deepStrictEqual(VT.field(t, "a.b"), VT.union([S, VT.Null]))
    assert.deepStrictEqual(VT.field(t, ["list", "0"]), VT.union([I, VT.Null]))
    assert.isUndefined(VT.field(t, "a.c"))
    assert.isUndefined(VT.field(t, "list.x"))
    assert.deepStrictEqual(VT.field({ _tag: "Object", fields: {}, open: true }, "x.y"), VT.Unknown)
  })
})

describe("ValueType.assignable", () => {
  it("Integer is a Number, not the other way round", () => {
    assert.isTrue(VT.assignable(I, N))
    assert.strictEqual(VT.assignable(N, I), "number is not assignable to integer (it may have a fraction)")
  })

  it("a string with an enum or a format is a string", () => {
    assert.isTrue(VT.assignable(enumOf("a"), S))
    assert.isTrue(VT.assignable(fmt("email"), S))
  })

  it("a plain string is not a string of a format, and the reason names the transform", () => {
    assert.strictEqual(
      VT.assignable(S, fmt("date-time")),
      "string is not assignable to string (date-time): add `datetime` to the pipe"
    )
    assert.strictEqual(
      VT.assignable(S, fmt("date")),
      "string is not assignable to string (date): add `date` to the pipe"
    )
    assert.strictEqual(
      VT.assignable(S, fmt("e164")),
      "string is not assignable to string (e164): add `e164` to the pipe"
    )
    assert.strictEqual(
      VT.assignable(S, fmt("country")),
      "string is not assignable to string (country): add `country` to the pipe"
    )
    assert.strictEqual(
      VT.assignable(S, fmt("decimal")),
      "string is not assignable to string (decimal): add `decimal` to the pipe"
    )
    assert.isTrue(VT.assignable(fmt("e164"), fmt("e164")))
  })

  it("enums must be subsets", () => {
    assert.isTrue(VT.assignable(enumOf("male"), enumOf("male", "female")))
    assert.strictEqual(
      VT.assignable(enumOf("male", "x"), enumOf("male", "female")),
      '"x" is not one of "male" | "female"'
    )
    assert.strictEqual(
      VT.assignable(S, enumOf("male", "female")),
      'string is not assignable to "male" | "female"'
    )
  })

  it("Unknown goes both ways; null only to nullable types", () => {
    assert.isTrue(VT.assignable(VT.Unknown, fmt("e164")))
    assert.isTrue(VT.assignable(B, VT.Unknown))
    assert.isTrue(VT.assignable(VT.Null, VT.union([S, VT.Null])))
    assert.strictEqual(VT.assignable(VT.Null, S), "null is not assignable to string")
    assert.strictEqual(VT.assignable(VT.union([S, VT.Null]), S), "null is not assignable to string")
  })

  it("compares arrays by items and objects field by field", () => {
    assert.isTrue(VT.assignable({ _tag: "Array", items: I }, { _tag: "Array", items: N }))
    assert.strictEqual(
      VT.assignable({ _tag: "Array", items: S }, { _tag: "Array", items: I }),
      "its items: string is not assignable to integer"
    )
    const to: VT.ValueType = {
      _tag: "Object",
      fields: { a: { type: S, required: true }, b: { type: VT.union([S, VT.Null]), required: true } },
      open: false
    }
    assert.isTrue(
      VT.assignable({ _tag: "Object", fields: { a: { type: enumOf("x"), required: true } }, open: false }, to)
    )
    assert.strictEqual(VT.assignable({ _tag: "Object", fields: {}, open: false }, to), 'field "a" is missing')
    assert.strictEqual(
      VT.assignable(
        {
          _tag: "Object",
          fields: { a: { type: S, required: true }, z: { type: S, required: true } },
          open: false
        },
        to
      ),
      'field "z" is not expected'
    )
  })

  it("a union is assignable when every member is, to a union when some member takes it", () => {
    assert.isTrue(VT.assignable(VT.union([I, N]), VT.union([N, S])))
    assert.strictEqual(VT.assignable(VT.union([S, B]), S), "boolean is not assignable to string")
    assert.strictEqual(
      VT.assignable(S, VT.union([fmt("country"), VT.Null])),
      "string is not assignable to string (country): add `country` to the pipe"
    )
  })
})
