import { assert, describe, it } from "@effect/vitest"
import { Exit, Schema } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as RecordSchema from "../src/RecordSchema.ts"
import * as Validator from "../src/Validator.ts"

const address = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "a1",
  kind: "shipping",
  isDefault: false,
  firstName: "Peter",
  lastName: "Parker",
  company: null,
  line1: "20 Ingram Street",
  line2: null,
  line3: null,
  city: "Queens",
  region: "NY",
  postalCode: "11375",
  country: "US",
  phone: null,
  email: "peter@parker.nz",
  ...overrides
})

const customer = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "42",
  email: "peter@parker.nz",
  firstName: "Peter",
  lastName: "Parker",
  company: null,
  phone: "+12125550123",
  phones: [{ kind: "mobile", number: "+12125550123" }],
  gender: null,
  birthDate: "2001-08-10",
  isGuest: false,
  active: true,
  blocked: false,
  canLogin: true,
  groups: [{ id: "1", code: "vip", name: "VIP" }],
  tags: [],
  billing: address({ kind: "billing" }),
  shipping: address(),
  addresses: [],
  marketing: { emailOptIn: null, smsOptIn: false },
  discountPercent: 0,
  orderCount: 0,
  lastOrderAt: null,
  createdAt: "2024-01-15T08:00:00Z",
  updatedAt: "2024-01-16T08:00:00.5-05:00",
  lastLoginAt: null,
  deletedAt: null,
  extra: { xmlResultset: { custom_data1: "x", deep: { a: [1, 2] } } },
  source: { system: "xml-resultset", id: "42" },
  ...overrides
})

const canonicalCustomer = Canonical.schemas.find((s) => s.name === "canonical/Customer")!
const canonicalOrder = Canonical.schemas.find((s) => s.name === "canonical/Order")!

const summary = (issues: ReadonlyArray<{ readonly path: string; readonly code: string }>) =>
  issues.map((i) => `${i.path} ${i.code}`)

describe("Validator.compile", () => {
  const validate = Validator.compile(canonicalCustomer)

  it("returns one shared, frozen empty array for valid records", () => {
    const first = validate(customer())
    const second = validate(customer({ billing: null, shipping: null }))
    assert.deepStrictEqual(first, [])
    assert.strictEqual(first, second)
    assert.isTrue(Object.isFrozen(first))
  })

  it("compiles a schema once: the same schema gives the same function", () => {
    assert.strictEqual(Validator.compile(canonicalCustomer), validate)
    assert.strictEqual(Validator.compile(RecordSchema.make("other/Name", Canonical.Customer)), validate)
  })

  it("reports three bad fields as three issues with dotted paths", () => {
    const issues = validate(
      customer({
        billing: address({ country: "nz" }),
        groups: [{ id: null, code: 7, name: null }],
        birthDate: "2001-02-29"
      })
    )
    assert.deepStrictEqual(summary(issues), [
      "birthDate InvalidFormat",
      "groups.0.code InvalidType",
      "billing.country Pattern"
    ])
    for (const issue of issues) {
      assert.strictEqual(issue.severity, "error")
      assert.strictEqual(issue.stage, "validate")
    }
    const byPath = new Map(issues.map((i) => [i.path, i.message]))
    assert.strictEqual(byPath.get("birthDate"), 'expected a date YYYY-MM-DD, got "2001-02-29"')
    assert.strictEqual(byPath.get("groups.0.code"), "expected string or null, got number 7")
    assert.strictEqual(
      byPath.get("billing.country"),
      'expected ISO 3166-1 alpha-2 country code, upper case, e.g. NZ, got "nz"'
    )
  })

  it("names missing and unknown keys by their own path", () => {
    const { company: _, ...noCompany } = customer({ shipping: address({ zip: "11375" }), nickname: "Spidey" })
    assert.deepStrictEqual(summary(validate(noCompany)), [
      "company Required",
      "nickname NotAllowed",
      "shipping.zip NotAllowed"
    ])
  })

  it("gives the expected codes for enums, types, ranges and formats", () => {
    assert.deepStrictEqual(summary(validate(customer({ gender: "m" }))), ["gender InvalidEnum"])
    assert.deepStrictEqual(summary(validate(customer({ isGuest: null }))), ["isGuest InvalidType"])
    assert.deepStrictEqual(summary(validate(customer({ marketing: "yes" }))), ["marketing InvalidType"])
    assert.deepStrictEqual(summary(validate(customer({ discountPercent: 101 }))), [
      "discountPercent TooLarge"
    ])
    assert.deepStrictEqual(summary(validate(customer({ orderCount: -2 }))), ["orderCount TooSmall"])
    assert.deepStrictEqual(summary(validate(customer({ createdAt: "yesterday" }))), [
      "createdAt InvalidFormat"
    ])
    assert.deepStrictEqual(summary(validate(customer({ phones: [{ kind: "mobile", number: "555" }] }))), [
      "phones.0.number Pattern"
    ])
    assert.deepStrictEqual(summary(validate(customer({ source: { system: "x" } }))), ["source.id Required"])
    assert.deepStrictEqual(summary(validate(customer({ extra: "none" }))), ["extra InvalidType"])
    assert.deepStrictEqual(summary(validate("not a record")), [" InvalidType"])
  })

  it("rejects a float total in an Order", () => {
    const validateOrder = Validator.compile(canonicalOrder)
    const order = {
      id: "1001",
      number: "1001",
      createdAt: null,
      status: null,
      currency: "NZD",
      total: 39.5,
      customer: null,
      billing: null,
      shipping: null
    }
    const issues = validateOrder(order)
    assert.deepStrictEqual(summary(issues), ["total InvalidType"])
    assert.strictEqual(issues[0]?.message, "expected string or null, got number 39.5")
    assert.deepStrictEqual(validateOrder({ ...order, total: "39.50" }), [])
  })

  it("truncates a huge bad value in the message", () => {
    const huge = `+64${"9".repeat(100_000)}`
    const issues = validate(customer({ phone: huge }))
    assert.deepStrictEqual(summary(issues), ["phone Pattern"])
    const message = issues[0]!.message
    assert.isBelow(message.length, 200)
    assert.include(message, `"+64${"9".repeat(57)}…"`)
  })

  it("agrees with Effect Schema on valid and invalid canonical records", () => {
    const decode = Schema.decodeUnknownExit(Canonical.Customer)
    const samples = [
      customer(),
      customer({ email: "Peter@parker.nz" }),
      customer({ birthDate: "2000-02-29" }),
      customer({ birthDate: "1900-02-29" }),
      customer({ createdAt: "2024-01-15T08:00:00.123456789Z" }),
      customer({ createdAt: "2024-01-15T08:00:00+1200" }),
      customer({ extra: {} }),
      customer({ shipping: address({ country: null, phone: "+6421555123" }) }),
      customer({ shipping: address({ kind: null }) }),
      customer({ addresses: [address({ email: "PETER@parker.nz" })] })
    ]
    const verdicts = samples.map((s) => [
      Exit.isSuccess(decode(s, Canonical.parseOptions)),
      validate(s).length === 0
    ])
    assert.deepStrictEqual(verdicts, [
      [true, true],
      [false, false],
      [true, true],
      [false, false],
      [true, true],
      [false, false],
      [true, true],
      [true, true],
      [true, true],
      [false, false]
    ])
  })

  describe("a connector's native schema", () => {
    const Product = Schema.Struct({
      sku: Schema.String.check(Schema.isMinLength(1)),
      qty: Schema.Int,
      status: Schema.Literals(["draft", "active"]),
      price: Schema.optionalKey(Schema.NullOr(Schema.String)),
      variants: Schema.Array(Schema.Struct({ sku: Schema.String, weight: Schema.NullOr(Schema.Finite) }))
    })
    const validateProduct = Validator.compile(RecordSchema.make("shop/Product", Product))

    it("accepts a valid record, with or without an optional key", () => {
      const product = { sku: "A-1", qty: 3, status: "active", variants: [{ sku: "A-1-red", weight: null }] }
      assert.deepStrictEqual(validateProduct(product), [])
      assert.deepStrictEqual(validateProduct({ ...product, price: "9.90" }), [])
    })

    it("reports its issues with paths into arrays", () => {
      const issues = validateProduct({
        sku: "",
        qty: "3",
        status: "live",
        variants: [
          { sku: "A-1-red", weight: null },
          { sku: 5, weight: "1kg" }
        ]
      })
      assert.deepStrictEqual(summary(issues), [
        "sku TooSmall",
        "qty InvalidType",
        "status InvalidEnum",
        "variants.1.sku InvalidType",
        "variants.1.weight InvalidType"
      ])
      assert.strictEqual(issues[2]?.message, 'expected one of "draft", "active", got "live"')
    })
  })

  it("throws a clear error when a schema's JSON Schema cannot be compiled", () => {
    const Odd = Schema.Struct({ when: Schema.String.annotate({ format: "no-such-format" }) })
    assert.throws(
      () => Validator.compile(RecordSchema.make("shop/Odd", Odd)),
      /cannot compile a validator for record schema "shop\/Odd": .*no-such-format/
    )
  })
})

describe("Validator and Effect's JSON Schema export", () => {
  // Effect exports a pattern only from a RegExp with the `u` flag (JSON Schema patterns are
  // Unicode); record schemas write their patterns with it, and this keeps that true.
  it("checks a `u` pattern of a record schema, and does not see one without the flag", () => {
    const withFlag = Validator.compile(
      RecordSchema.make(
        "t/WithFlag",
        Schema.Struct({ at: Schema.String.check(Schema.isPattern(/^\d{4}$/u)) })
      )
    )
    assert.deepStrictEqual(withFlag({ at: "2024" }), [])
    assert.strictEqual(withFlag({ at: "24" }).length, 1)
    const withoutFlag = Validator.compile(
      RecordSchema.make(
        "t/WithoutFlag",
        Schema.Struct({ at: Schema.String.check(Schema.isPattern(/^\d{4}$/)) })
      )
    )
    assert.deepStrictEqual(withoutFlag({ at: "24" }), [])
  })
})
