/**
 * Every official payload of the PrestaShop docs (test/fixtures, see SOURCES.md) through the
 * streams' body codecs and the default mappings, to the values a person reads off it; the
 * JSON forms PrestaShop's WebserviceOutputJSON writes; and encode, whose bodies follow the
 * blank schema.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Validator } from "@mapwright/core"
import { Effect, Result } from "effect"
import { connector, mappings, schemas, Xml } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const customers = connector.streams.customers!
const groups = connector.streams.customerGroups!
const orders = connector.streams.orders!
const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])

const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const decoded = (body: typeof customers.body, text: string): ReadonlyArray<Record<string, unknown>> => {
  const result = body.decode(text)
  if (Result.isFailure(result)) return assert.fail(`decode failed: ${result.failure}`)
  return result.success as ReadonlyArray<Record<string, unknown>>
}

const refused = (body: typeof customers.body, text: string): string => {
  const result = body.decode(text)
  if (Result.isSuccess(result)) return assert.fail("expected the body to be refused")
  return result.failure
}

describe("customer_get.xml", () => {
  it.effect("decodes to John DOE, who fits the record schema and maps as the payload reads", () =>
    Effect.gen(function* () {
      const records = decoded(customers.body, fixture("customer_get.xml"))
      assert.strictEqual(records.length, 1)
      assert.deepStrictEqual(Validator.compile(customers.record)(records[0]), [])
      // decode works offline: the shop-local dates are taken as UTC (the default timeZone)
      assert.strictEqual(records[0]?.date_add_utc, "2020-04-09 19:31:19")
      const customer = (yield* load(mappings.customerToCanonical))(records[0]).value
      assert.strictEqual(customer?.id, "2")
      assert.strictEqual(customer?.email, "pub@prestashop.com")
      assert.strictEqual(customer?.firstName, "John")
      assert.strictEqual(customer?.lastName, "DOE")
      assert.strictEqual(customer?.gender, "male")
      assert.strictEqual(customer?.birthDate, "1970-01-15")
      assert.strictEqual(customer?.isGuest, false)
      assert.strictEqual(customer?.active, true)
      assert.deepStrictEqual(customer?.groups, [{ id: "3", code: null, name: null }])
      assert.deepStrictEqual(customer?.marketing, { emailOptIn: true, smsOptIn: null })
      assert.strictEqual(customer?.createdAt, "2020-04-09T19:31:19.000Z")
      assert.deepStrictEqual(customer?.source, { system: "prestashop", id: "2" })
    })
  )
})

describe("customers_list.xml", () => {
  it("decodes to the two ids of a list without display", () => {
    const records = decoded(customers.body, fixture("customers_list.xml"))
    assert.deepStrictEqual(
      records.map((r) => r.id),
      ["1", "2"]
    )
    const validate = Validator.compile(customers.record)
    for (const r of records) assert.deepStrictEqual(validate(r), [])
  })
})

describe("address_get.xml", () => {
  it.effect("decodes as customer 1 with that address, its country resolved from the stock id 8 (FR)", () =>
    Effect.gen(function* () {
      const records = decoded(customers.body, fixture("address_get.xml"))
      assert.strictEqual(records.length, 1)
      assert.strictEqual(records[0]?.id, "1")
      const addresses = records[0]?.addresses as ReadonlyArray<Record<string, unknown>>
      assert.strictEqual(addresses[0]?.country_iso_code, "FR")
      assert.strictEqual(addresses[0]?.city, "Paris ")
      assert.deepStrictEqual(Validator.compile(customers.record)(records[0]), [])
      const customer = (yield* load(mappings.customerToCanonical))(records[0]).value
      assert.deepStrictEqual(customer?.billing, {
        id: "1",
        kind: "billing",
        isDefault: true,
        firstName: "John",
        lastName: "DOE",
        company: "My Company",
        line1: "16, Main street",
        line2: "2nd floor",
        line3: null,
        city: "Paris",
        region: null,
        postalCode: "75002",
        country: "FR",
        phone: "+33102030405",
        email: null
      })
      assert.strictEqual(customer?.email, null)
    })
  )
})

describe("error_search.xml", () => {
  it("is refused with PrestaShop's code and message, by every stream", () => {
    for (const body of [customers.body, groups.body, orders.body]) {
      assert.strictEqual(
        refused(body, fixture("error_search.xml")),
        "the body is a PrestaShop error: You have to set both the 'language' and 'query' parameters to get a result (100)"
      )
    }
  })
})

describe("JSON bodies", () => {
  it("the empty list is [] (PrestaShop's quirk) as well as an empty object list", () => {
    assert.deepStrictEqual(decoded(customers.body, "[]"), [])
    assert.deepStrictEqual(decoded(customers.body, '{"customers":[]}'), [])
  })

  it("numbers and nulls become the strings the XML would give", () => {
    const [customer] = decoded(
      customers.body,
      '{"customers":[{"id":7,"email":"ana@example.com","active":"1","reset_password_validity":null,"associations":{"groups":[{"id":"3"}]}}]}'
    )
    assert.deepStrictEqual(customer, {
      id: "7",
      email: "ana@example.com",
      active: "1",
      reset_password_validity: "",
      associations: { groups: [{ id: "3" }] }
    })
  })

  it("a one-language group name collapsed to a string is the language-1 entry", () => {
    assert.deepStrictEqual(decoded(groups.body, '{"group":{"id":4,"reduction":"10.00","name":"VIP"}}'), [
      { id: "4", reduction: "10.00", name: [{ id: "1", value: "VIP" }] }
    ])
    assert.deepStrictEqual(
      decoded(
        groups.body,
        '{"groups":[{"id":1,"name":[{"id":"1","value":"Visitor"},{"id":"2","value":"Visiteur"}]}]}'
      ),
      [
        {
          id: "1",
          name: [
            { id: "1", value: "Visitor" },
            { id: "2", value: "Visiteur" }
          ]
        }
      ]
    )
  })

  it("a JSON error body is refused", () => {
    assert.strictEqual(
      refused(customers.body, '{"errors":[{"code":18,"message":"Invalid authentication key format"}]}'),
      "the body is a PrestaShop error: Invalid authentication key format (18)"
    )
  })

  it("a body of another resource, or not JSON at all, is refused", () => {
    assert.strictEqual(
      refused(groups.body, fixture("customer_get.xml")),
      "the body is one <customer>, not <group>"
    )
    assert.include(refused(customers.body, "{not json"), "the body is not JSON")
  })
})

describe("encode", () => {
  it.effect(
    "fills the blank schema: the customer's elements in customer_schema_blank.xml's order, then its addresses",
    () =>
      Effect.gen(function* () {
        const fromCanonical = yield* load(mappings.customerFromCanonical)
        const native = fromCanonical({
          id: "x1",
          email: "ana.ngata@example.com",
          firstName: "Ana",
          lastName: "Ngata",
          isGuest: false,
          phone: "+64211234567",
          billing: {
            kind: "billing",
            line1: "1 Queen Street",
            city: "Auckland",
            postalCode: "1010",
            country: "NZ"
          },
          groups: [],
          phones: [],
          tags: [],
          addresses: [],
          extra: {},
          source: { system: "woocommerce", id: "x1" }
        }).value
        assert.isDefined(native)
        const text = customers.body.encode([native])
        const documents = text.trim().split(/\n\n(?=<\?xml)/)
        assert.strictEqual(documents.length, 2)
        const customer = Xml.parse(documents[0]!)
        const blank = Xml.parse(fixture("customer_schema_blank.xml"))
        if (Result.isFailure(customer) || Result.isFailure(blank))
          return assert.fail("the bodies do not parse")
        if (customer.success._tag !== "Record" || blank.success._tag !== "Record")
          return assert.fail("not records")
        const blankFields = Object.keys(blank.success.record).filter((k) => k !== "associations")
        assert.deepStrictEqual(Object.keys(customer.success.record), blankFields)
        assert.strictEqual(customer.success.record.email, "ana.ngata@example.com")
        assert.strictEqual(customer.success.record.active, "1")
        assert.strictEqual(customer.success.record.passwd, "")
        assert.strictEqual(customer.success.record.id, "")
        assert.include(documents[0]!, "<email><![CDATA[ana.ngata@example.com]]></email>")
        const address = Xml.parse(documents[1]!)
        if (Result.isFailure(address) || address.success._tag !== "Record")
          return assert.fail("the address does not parse")
        assert.strictEqual(address.success.element, "address")
        assert.strictEqual(address.success.record.alias, "Billing")
        // NZ is the stock country 27
        assert.strictEqual(address.success.record.id_country, "27")
        assert.strictEqual(address.success.record.phone, "+64211234567")
        assert.strictEqual(address.success.record.id_customer, "")
      })
  )

  it("encodes a group's multilingual name and decodes it back", () => {
    const text = groups.body.encode([{ name: [{ id: "", value: "Gold" }], price_display_method: "0" }])
    assert.include(text, '<language id=""><![CDATA[Gold]]></language>')
    assert.deepStrictEqual(decoded(groups.body, text)[0]?.name, [{ id: "", value: "Gold" }])
  })
})

describe("customer_schema_synopsis.xml", () => {
  const attributes = connector.streams.customerAttributes!

  it.effect("decodes to one record per field, with the stock titles and groups as options", () =>
    Effect.gen(function* () {
      const records = decoded(attributes.body, fixture("customer_schema_synopsis.xml"))
      assert.strictEqual(records.length, 32)
      assert.deepStrictEqual(
        records.slice(0, 3).map((r) => r.name),
        ["id_default_group", "id_lang", "newsletter_date_add"]
      )
      const validate = Validator.compile(attributes.record)
      for (const r of records) assert.deepStrictEqual(validate(r), [], String(r.name))
      const named = (name: string) => records.find((r) => r.name === name)
      assert.deepStrictEqual(named("lastname"), {
        name: "lastname",
        format: "isCustomerName",
        required: "true",
        maxSize: "255",
        options: []
      })
      assert.deepStrictEqual(named("last_passwd_gen"), {
        name: "last_passwd_gen",
        readOnly: "true",
        options: []
      })
      assert.deepStrictEqual(named("reset_password_token"), {
        name: "reset_password_token",
        format: "isSha1",
        maxSize: "40",
        options: []
      })
      // offline: a stock install's titles and groups
      assert.deepStrictEqual(named("id_gender")?.options, [
        { value: "1", label: "Mr." },
        { value: "2", label: "Mrs." }
      ])
      assert.deepStrictEqual(named("id_default_group")?.options, [
        { value: "1", label: "Visitor" },
        { value: "2", label: "Guest" },
        { value: "3", label: "Customer" }
      ])
      const toCanonical = yield* load(mappings.customerAttributeToCanonical)
      assert.deepStrictEqual(toCanonical(named("birthday")).value, {
        code: "birthday",
        label: null,
        type: "isBirthDate",
        required: false,
        options: []
      })
      assert.deepStrictEqual(toCanonical(named("passwd")).value, {
        code: "passwd",
        label: null,
        type: "isPasswd",
        required: true,
        options: []
      })
    })
  )

  it("encodes the records back into a synopsis that decodes to them", () => {
    const records = decoded(attributes.body, fixture("customer_schema_synopsis.xml"))
    const text = attributes.body.encode(records)
    assert.include(text, '<email required="true" maxSize="255" format="isEmail"></email>')
    assert.include(text, '<secure_key format="isMd5" readOnly="true"></secure_key>')
    assert.deepStrictEqual(decoded(attributes.body, text), records)
  })

  it("refuses what is not an XML synopsis of customers, saying why", () => {
    assert.include(refused(attributes.body, fixture("customer_schema_blank.xml")), "has an <id>")
    assert.include(refused(attributes.body, fixture("customer_get.xml")), "has an <id>")
    assert.strictEqual(
      refused(attributes.body, fixture("error_search.xml")),
      "the body is a PrestaShop error: You have to set both the 'language' and 'query' parameters to get a result (100)"
    )
    // PrestaShop's JSON synopsis is the blank form: no attributes
    assert.include(
      refused(
        attributes.body,
        '{"customer":{"id_default_group":"","email":"","associations":{"groups":[{"id":""}]}}}'
      ),
      "decode the XML synopsis"
    )
    assert.include(
      refused(
        attributes.body,
        '<prestashop><group><name required="true" maxSize="32" format="isGenericName"></name></group></prestashop>'
      ),
      "the synopsis of <group>, not of <customer>"
    )
    assert.include(
      refused(
        attributes.body,
        '<prestashop><customer><email format="isEmail">a@b.example</email></customer></prestashop>'
      ),
      "has a value"
    )
  })
})
