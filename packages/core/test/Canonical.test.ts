import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import { Exit, Schema, SchemaIssue } from "effect"
import * as Canonical from "../src/Canonical.ts"

const packageRoot = join(import.meta.dirname, "..")
const committedFile = join(packageRoot, "schema/canonical.schema.json")

const address = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: null,
  kind: "billing",
  isDefault: true,
  firstName: "Peter",
  lastName: "Parker",
  company: null,
  line1: "1 Queen Street",
  line2: null,
  line3: null,
  city: "Auckland",
  region: null,
  postalCode: "0800",
  country: "NZ",
  phone: "+6421555123",
  email: null,
  ...overrides
})

const customer = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "peter@parker.nz",
  email: "peter@parker.nz",
  firstName: "Peter",
  lastName: "Parker",
  company: "Daily Bugle",
  phone: "+6421555123",
  phones: [
    { kind: "primary", number: "+6421555123" },
    { kind: "fax", number: null }
  ],
  gender: "male",
  birthDate: "2000-02-29",
  isGuest: false,
  active: true,
  blocked: false,
  canLogin: null,
  groups: [{ id: null, code: "vip", name: null }],
  tags: ["newsletter"],
  billing: address(),
  shipping: null,
  addresses: [address(), address({ kind: "shipping", isDefault: false })],
  marketing: { emailOptIn: true, smsOptIn: null },
  discountPercent: 12.5,
  orderCount: 3,
  lastOrderAt: "2024-05-01T09:30:00Z",
  createdAt: "2019-12-31T23:59:59.999+13:00",
  updatedAt: null,
  lastLoginAt: null,
  deletedAt: null,
  extra: { xmlResultset: { custom_data1: "blue", nested: { list: [1, "two", null] } } },
  source: { system: "xml-resultset", id: "peter@parker.nz" },
  ...overrides
})

const order = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "1001",
  number: "#1001",
  createdAt: "2024-05-01T09:30:00Z",
  status: "processing",
  currency: "NZD",
  total: "39.00",
  customer: {
    id: null,
    email: "guest@example.com",
    firstName: "Mary",
    lastName: "Jane",
    phone: null,
    isGuest: true
  },
  billing: address(),
  shipping: null,
  ...overrides
})

const without = (record: Record<string, unknown>, key: string): Record<string, unknown> => {
  const { [key]: _, ...rest } = record
  return rest
}

/** The paths Effect Schema reports (dotted), or [] when the value decodes. */
const effectPaths = (schema: Schema.Decoder<unknown>, value: unknown): ReadonlyArray<string> => {
  const exit = Schema.decodeUnknownExit(schema)(value, Canonical.parseOptions)
  if (Exit.isSuccess(exit)) return []
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")
  assert.isDefined(error)
  const issue = (error as { readonly error: Schema.SchemaError }).error.issue
  return SchemaIssue.makeFormatterStandardSchemaV1()(issue).issues.map((i) =>
    (i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".")
  )
}

describe("Canonical", () => {
  describe("generated JSON Schema", () => {
    it("the committed schema/canonical.schema.json is current", () => {
      const expected = `${JSON.stringify(Canonical.jsonSchema(), null, 2)}\n`
      const committed = readFileSync(committedFile, "utf8")
      assert.isTrue(committed === expected, "stale generated file: run pnpm generate")
    })

    it("the generator's --check mode finds every committed file current", () => {
      const run = spawnSync(process.execPath, [join(packageRoot, "scripts/generate-schemas.ts"), "--check"], {
        encoding: "utf8"
      })
      assert.strictEqual(run.stderr, "")
      assert.strictEqual(run.status, 0)
    })

    it("is one draft 2020-12 document with the five records", () => {
      const doc = Canonical.jsonSchema() as Record<string, unknown>
      assert.strictEqual(doc.$schema, "https://json-schema.org/draft/2020-12/schema")
      assert.strictEqual(doc.$id, "https://mapwright.dev/schema/canonical.schema.json")
      assert.deepStrictEqual(doc.oneOf, [
        { $ref: "#/$defs/Customer" },
        { $ref: "#/$defs/Address" },
        { $ref: "#/$defs/CustomerGroup" },
        { $ref: "#/$defs/Order" },
        { $ref: "#/$defs/CustomerAttribute" }
      ])
      const defs = doc.$defs as Record<string, Record<string, unknown>>
      for (const name of [
        "Customer",
        "Address",
        "CustomerGroup",
        "Order",
        "CustomerAttribute",
        "CustomerGroupRef",
        "Phone",
        "Marketing",
        "SourceRef",
        "OrderCustomer"
      ]) {
        assert.strictEqual(defs[name]?.type, "object", name)
      }
      assert.deepStrictEqual(defs.Instant?.format, "date-time")
      assert.deepStrictEqual(defs.LocalDate?.format, "date")
      assert.deepStrictEqual(defs.Email?.format, "email")
      assert.strictEqual(defs.CountryCode?.pattern, "^[A-Z]{2}$")
      assert.strictEqual(defs.E164?.pattern, "^\\+[1-9]\\d{1,14}$")
    })

    it("closes every object except extra, requires every key, and describes every field", () => {
      const defs = (Canonical.jsonSchema() as { $defs: Record<string, Record<string, unknown>> }).$defs
      const objects = Object.entries(defs).filter(([, d]) => d.type === "object")
      assert.strictEqual(objects.length, 11)
      for (const [name, def] of objects) {
        assert.strictEqual(def.additionalProperties, false, name)
        const properties = def.properties as Record<string, Record<string, unknown>>
        assert.deepStrictEqual(def.required, Object.keys(properties), name)
        for (const [key, property] of Object.entries(properties)) {
          const described =
            typeof property.description === "string" ||
            (typeof property.$ref === "string" &&
              typeof defs[property.$ref.slice("#/$defs/".length)]?.description === "string")
          assert.isTrue(described, `${name}.${key} has no description`)
        }
      }
      const extra = ((defs.Customer?.properties ?? {}) as Record<string, Record<string, unknown>>).extra
      assert.strictEqual(extra?.type, "object")
      assert.isUndefined(extra?.additionalProperties)
    })

    it("makes exactly id, isGuest, source, extra and the arrays non-nullable on Customer", () => {
      const defs = (Canonical.jsonSchema() as { $defs: Record<string, Record<string, unknown>> }).$defs
      const properties = defs.Customer?.properties as Record<string, Record<string, unknown>>
      const nonNullable = Object.entries(properties)
        .filter(([, p]) => !(Array.isArray(p.anyOf) && p.anyOf.some((b) => b.type === "null")))
        .map(([k]) => k)
      assert.deepStrictEqual(nonNullable, [
        "id",
        "phones",
        "isGuest",
        "groups",
        "tags",
        "addresses",
        "extra",
        "source"
      ])
    })
  })

  describe("Effect Schema", () => {
    it("decodes a full Customer to the same plain JSON", () => {
      const input = customer()
      const decoded = Schema.decodeUnknownSync(Canonical.Customer)(input, Canonical.parseOptions)
      assert.deepStrictEqual(decoded, input as unknown as Canonical.Customer)
    })

    it("decodes a guest with every nullable field null", () => {
      const guest = customer({
        id: "mary@jane.nz",
        email: null,
        firstName: null,
        lastName: null,
        company: null,
        phone: null,
        phones: [],
        gender: null,
        birthDate: null,
        isGuest: true,
        active: null,
        blocked: null,
        groups: [],
        tags: [],
        billing: null,
        addresses: [],
        marketing: null,
        discountPercent: null,
        orderCount: null,
        lastOrderAt: null,
        createdAt: null,
        extra: {},
        source: { system: "woocommerce", id: "mary@jane.nz" }
      })
      assert.deepStrictEqual(effectPaths(Canonical.Customer, guest), [])
    })

    it("rejects a nullable key that is absent: unknown is null, never absent", () => {
      assert.deepStrictEqual(effectPaths(Canonical.Customer, without(customer(), "company")), ["company"])
      assert.deepStrictEqual(
        effectPaths(Canonical.Customer, customer({ billing: without(address(), "line3") })),
        ["billing.line3"]
      )
    })

    it("rejects null where the model does not allow it", () => {
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ id: null })), ["id"])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ isGuest: null })), ["isGuest"])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ source: null })), ["source"])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ extra: null })), ["extra"])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ tags: null })), ["tags"])
    })

    it("rejects keys the model does not have, anywhere but extra", () => {
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ nickname: "Spidey" })), ["nickname"])
      assert.deepStrictEqual(
        effectPaths(Canonical.Customer, customer({ billing: address({ zip: "1010" }) })),
        ["billing.zip"]
      )
    })

    it("checks countries, phones, dates, instants and emails", () => {
      const paths = (overrides: Record<string, unknown>) =>
        effectPaths(Canonical.Customer, customer(overrides))
      assert.deepStrictEqual(paths({ billing: address({ country: "nz" }) }), ["billing.country"])
      assert.deepStrictEqual(paths({ billing: address({ country: "NZL" }) }), ["billing.country"])
      assert.deepStrictEqual(paths({ phone: "021555123" }), ["phone"])
      assert.deepStrictEqual(paths({ phone: "+0215551234" }), ["phone"])
      assert.deepStrictEqual(paths({ phone: "+1234567890123456" }), ["phone"])
      assert.deepStrictEqual(paths({ phones: [{ kind: "cell", number: "+6421555123" }] }), ["phones.0.kind"])
      assert.deepStrictEqual(paths({ birthDate: "1990-02-30" }), ["birthDate"])
      assert.deepStrictEqual(paths({ birthDate: "2023-02-29" }), ["birthDate"])
      assert.deepStrictEqual(paths({ birthDate: "1990-4-23" }), ["birthDate"])
      assert.deepStrictEqual(paths({ birthDate: "23/04/1990" }), ["birthDate"])
      assert.deepStrictEqual(paths({ createdAt: "2024-05-01 09:30:00" }), ["createdAt"])
      assert.deepStrictEqual(paths({ createdAt: "2024-05-01T09:30:00" }), ["createdAt"])
      assert.deepStrictEqual(paths({ createdAt: "2024-04-31T09:30:00Z" }), ["createdAt"])
      assert.deepStrictEqual(paths({ createdAt: "2024-05-01T24:00:00Z" }), ["createdAt"])
      assert.deepStrictEqual(paths({ email: "Peter@Parker.nz" }), ["email"])
      assert.deepStrictEqual(paths({ email: " peter@parker.nz" }), ["email"])
      assert.deepStrictEqual(paths({ email: "peter.parker.nz" }), ["email"])
      assert.deepStrictEqual(paths({ gender: "m" }), ["gender"])
      assert.deepStrictEqual(paths({ discountPercent: 150 }), ["discountPercent"])
      assert.deepStrictEqual(paths({ orderCount: 1.5 }), ["orderCount"])
      assert.deepStrictEqual(paths({ orderCount: -1 }), ["orderCount"])
    })

    it("reports every bad field of a record, not only the first", () => {
      const bad = customer({ billing: address({ country: "nz" }), phone: "12", birthDate: "1990-13-01" })
      assert.deepStrictEqual([...effectPaths(Canonical.Customer, bad)].sort(), [
        "billing.country",
        "birthDate",
        "phone"
      ])
    })

    it("accepts group refs that carry only a code", () => {
      const groups = [
        { id: null, code: "vip", name: null },
        { id: "7", code: null, name: null }
      ]
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ groups })), [])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ groups: [{ code: "vip" }] })), [
        "groups.0.id",
        "groups.0.name"
      ])
    })

    it("keeps extra open: nested objects and any keys", () => {
      const extra = {
        foodics: { loyaltyBalance: "12.50", tiers: [{ name: "gold", since: null }] },
        "odd key": 1
      }
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ extra })), [])
      assert.deepStrictEqual(effectPaths(Canonical.Customer, customer({ extra: [] })), ["extra"])
    })

    it("Order: total is a decimal string exactly as given, never a float", () => {
      assert.deepStrictEqual(effectPaths(Canonical.Order, order()), [])
      assert.deepStrictEqual(effectPaths(Canonical.Order, order({ total: "-5.5" })), [])
      assert.deepStrictEqual(effectPaths(Canonical.Order, order({ total: 39 })), ["total"])
      assert.deepStrictEqual(effectPaths(Canonical.Order, order({ total: 39.5 })), ["total"])
      assert.deepStrictEqual(effectPaths(Canonical.Order, order({ total: "39,00" })), ["total"])
      assert.deepStrictEqual(effectPaths(Canonical.Order, order({ currency: "nzd" })), ["currency"])
      assert.deepStrictEqual(
        effectPaths(Canonical.Order, order({ customer: { ...(order().customer as object), isGuest: null } })),
        ["customer.isGuest"]
      )
    })

    it("CustomerGroup and CustomerAttribute", () => {
      const group = { id: "3", code: "wholesale", name: "Wholesale", description: null, parentId: null }
      assert.deepStrictEqual(effectPaths(Canonical.CustomerGroup, group), [])
      assert.deepStrictEqual(effectPaths(Canonical.CustomerGroup, { ...group, id: null }), ["id"])
      const attribute = {
        code: "shoe_size",
        label: "Shoe size",
        type: "select",
        required: false,
        options: [{ value: "42", label: "EU 42" }]
      }
      assert.deepStrictEqual(effectPaths(Canonical.CustomerAttribute, attribute), [])
      assert.deepStrictEqual(effectPaths(Canonical.CustomerAttribute, { ...attribute, required: "no" }), [
        "required"
      ])
    })

    it("registers the five records under canonical/ names", () => {
      assert.deepStrictEqual(
        Canonical.schemas.map((s) => s.name),
        [
          "canonical/Customer",
          "canonical/Address",
          "canonical/CustomerGroup",
          "canonical/Order",
          "canonical/CustomerAttribute"
        ]
      )
      assert.strictEqual(Canonical.schemas[0]?.schema, Canonical.Customer)
    })
  })

  describe("the JSON Schema agrees with Effect Schema (Ajv 2020)", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
    addFormats.default(ajv)
    ajv.addSchema(Canonical.jsonSchema())
    const validator = (name: string) => {
      const validate = ajv.getSchema(`${Canonical.jsonSchemaId}#/$defs/${name}`)
      assert.isDefined(validate)
      return (value: unknown) => validate(value) === true
    }
    const document = ajv.getSchema(Canonical.jsonSchemaId)

    const cases: ReadonlyArray<readonly [string, string, Schema.Decoder<unknown>, unknown, boolean]> = [
      ["full customer", "Customer", Canonical.Customer, customer(), true],
      [
        "guest, nulls",
        "Customer",
        Canonical.Customer,
        customer({ billing: null, marketing: null, phones: [] }),
        true
      ],
      [
        "nested extra",
        "Customer",
        Canonical.Customer,
        customer({ extra: { a: { b: { c: [1, {}] } } } }),
        true
      ],
      ["missing company", "Customer", Canonical.Customer, without(customer(), "company"), false],
      ["unknown key", "Customer", Canonical.Customer, customer({ nickname: "x" }), false],
      [
        "country nz",
        "Customer",
        Canonical.Customer,
        customer({ billing: address({ country: "nz" }) }),
        false
      ],
      [
        "country NZL",
        "Customer",
        Canonical.Customer,
        customer({ billing: address({ country: "NZL" }) }),
        false
      ],
      ["phone not E.164", "Customer", Canonical.Customer, customer({ phone: "021 555 123" }), false],
      ["Feb 30", "Customer", Canonical.Customer, customer({ birthDate: "1990-02-30" }), false],
      ["leap day", "Customer", Canonical.Customer, customer({ birthDate: "2024-02-29" }), true],
      [
        "instant, offset",
        "Customer",
        Canonical.Customer,
        customer({ createdAt: "2024-05-01T21:30:00+12:00" }),
        true
      ],
      [
        "instant, no zone",
        "Customer",
        Canonical.Customer,
        customer({ createdAt: "2024-05-01T21:30:00" }),
        false
      ],
      [
        "instant, Apr 31",
        "Customer",
        Canonical.Customer,
        customer({ createdAt: "2024-04-31T00:00:00Z" }),
        false
      ],
      ["upper-case email", "Customer", Canonical.Customer, customer({ email: "Peter@Parker.nz" }), false],
      ["email without @", "Customer", Canonical.Customer, customer({ email: "peter.parker.nz" }), false],
      ["orderCount 1.5", "Customer", Canonical.Customer, customer({ orderCount: 1.5 }), false],
      ["source null", "Customer", Canonical.Customer, customer({ source: null }), false],
      ["order", "Order", Canonical.Order, order(), true],
      ["float total", "Order", Canonical.Order, order({ total: 39.5 }), false],
      ["address", "Address", Canonical.Address, address(), true],
      ["address, bad kind", "Address", Canonical.Address, address({ kind: "home" }), false]
    ]

    it("the document compiles under Ajv 2020 in strict mode", () => {
      assert.isDefined(document)
    })

    for (const [name, record, schema, value, valid] of cases) {
      it(`${valid ? "accepts" : "rejects"}: ${name}`, () => {
        assert.strictEqual(effectPaths(schema, value).length === 0, valid, "Effect Schema")
        assert.strictEqual(validator(record)(value), valid, "JSON Schema")
        if (document !== undefined) assert.strictEqual(document(value) === true, valid, "JSON Schema oneOf")
      })
    }
  })
})
