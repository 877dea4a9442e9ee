/**
 * The webservice XML codec on the docs' own bodies and on the cases they do not show.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Xml } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")

const parsed = (text: string): Xml.Document => {
  const result = Xml.parse(text)
  if (Result.isFailure(result)) return assert.fail(`parse failed: ${result.failure}`)
  return result.success
}

const failure = (text: string): string => {
  const result = Xml.parse(text)
  if (Result.isSuccess(result)) return assert.fail("expected the body to be refused")
  return result.failure
}

describe("parse", () => {
  it("reads customer_get.xml as one customer, every leaf a string, the groups an association", () => {
    const doc = parsed(fixture("customer_get.xml"))
    assert.strictEqual(doc._tag, "Record")
    if (doc._tag !== "Record") return
    assert.strictEqual(doc.element, "customer")
    assert.strictEqual(doc.record.id, "2")
    // xlink:href is dropped, the CDATA value kept
    assert.strictEqual(doc.record.id_default_group, "3")
    assert.strictEqual(doc.record.email, "pub@prestashop.com")
    assert.strictEqual(doc.record.outstanding_allow_amount, "0.000000")
    assert.strictEqual(doc.record.website, "")
    assert.strictEqual(doc.record.reset_password_validity, "0000-00-00 00:00:00")
    assert.deepStrictEqual(doc.record.associations, { groups: [{ id: "3" }] })
  })

  it("keeps whitespace inside a value: address_get.xml's city is 'Paris '", () => {
    const doc = parsed(fixture("address_get.xml"))
    assert.strictEqual(doc._tag === "Record" && doc.record.city, "Paris ")
    assert.strictEqual(doc._tag === "Record" && doc.record.postcode, "75002")
    assert.strictEqual(doc._tag === "Record" && doc.record.vat_number, "")
  })

  it("reads customers_list.xml as a list of id-only items", () => {
    const doc = parsed(fixture("customers_list.xml"))
    assert.deepStrictEqual(doc, { _tag: "List", resource: "customers", records: [{ id: "1" }, { id: "2" }] })
  })

  it("reads an empty list, whichever way it is written", () => {
    for (const body of [
      '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><customers></customers></prestashop>',
      "<prestashop><customers/></prestashop>",
      "<prestashop>\n<addresses>\n</addresses>\n</prestashop>"
    ]) {
      const doc = parsed(body)
      assert.strictEqual(doc._tag, "List")
      assert.deepStrictEqual(doc._tag === "List" ? doc.records : undefined, [])
    }
  })

  it("reads a list of full records, plurals of every kind", () => {
    const doc = parsed(
      "<prestashop><countries><country><id><![CDATA[8]]></id><iso_code><![CDATA[FR]]></iso_code></country>" +
        "<country><id>17</id><iso_code>GB</iso_code></country></countries></prestashop>"
    )
    assert.deepStrictEqual(doc, {
      _tag: "List",
      resource: "countries",
      records: [
        { id: "8", iso_code: "FR" },
        { id: "17", iso_code: "GB" }
      ]
    })
  })

  it("reads a multilingual field as { id, value } per language", () => {
    const doc = parsed(
      '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><group><id>3</id><name>' +
        '<language id="1" xlink:href="http://shop/api/languages/1"><![CDATA[Customer]]></language>' +
        '<language id="2"><![CDATA[Client]]></language></name></group></prestashop>'
    )
    assert.deepStrictEqual(doc._tag === "Record" ? doc.record.name : undefined, [
      { id: "1", value: "Customer" },
      { id: "2", value: "Client" }
    ])
  })

  it("reads escaped text and CDATA alike, and keeps markup inside CDATA", () => {
    const doc = parsed(
      "<prestashop><customer><company>Smith &amp; Sons</company><note><![CDATA[<b>VIP</b> & co]]></note></customer></prestashop>"
    )
    assert.strictEqual(doc._tag === "Record" && doc.record.company, "Smith & Sons")
    assert.strictEqual(doc._tag === "Record" && doc.record.note, "<b>VIP</b> & co")
  })

  it("reads error_search.xml as errors", () => {
    assert.deepStrictEqual(parsed(fixture("error_search.xml")), {
      _tag: "Errors",
      errors: [
        { code: "100", message: "You have to set both the 'language' and 'query' parameters to get a result" }
      ]
    })
  })

  it("refuses what is not a webservice body, in one sentence", () => {
    assert.include(failure(""), "empty")
    assert.include(failure("<prestashop><customer><id>1</id></prestashop>"), "not well-formed XML")
    assert.include(
      failure("<ResultSet><Customer/></ResultSet>"),
      "expected a <prestashop> root element, found <ResultSet>"
    )
    assert.include(failure('<!DOCTYPE x [<!ENTITY a "b">]><prestashop><customer/></prestashop>'), "DOCTYPE")
    assert.include(failure("<prestashop></prestashop>"), "empty")
  })
})

describe("parseSynopsis", () => {
  it("keeps every attribute of each field, in order, leaving out associations", () => {
    const result = Xml.parseSynopsis(fixture("customer_schema_synopsis.xml"))
    if (Result.isFailure(result) || result.success._tag !== "Synopsis") return assert.fail("not a synopsis")
    const fields = result.success.fields
    assert.strictEqual(result.success.element, "customer")
    assert.strictEqual(fields.length, 32)
    assert.deepStrictEqual(fields[0], { name: "id_default_group", attributes: {} })
    assert.deepStrictEqual(
      fields.find((f) => f.name === "passwd"),
      { name: "passwd", attributes: { required: "true", maxSize: "255", format: "isPasswd" } }
    )
    assert.isUndefined(fields.find((f) => f.name === "associations"))
  })

  it("reads errors as errors, and refuses a list, a DOCTYPE and an empty element", () => {
    const errors = Xml.parseSynopsis(fixture("error_search.xml"))
    assert.isTrue(Result.isSuccess(errors) && errors.success._tag === "Errors")
    const refused = (text: string) => {
      const result = Xml.parseSynopsis(text)
      return Result.isFailure(result) ? result.failure : assert.fail("expected a refusal")
    }
    assert.include(refused(fixture("customers_list.xml")), "a <customers> list")
    assert.include(
      refused('<!DOCTYPE x [<!ENTITY a "b">]><prestashop><customer><email/></customer></prestashop>'),
      "DOCTYPE"
    )
    assert.include(refused("<prestashop><customer></customer></prestashop>"), "has no fields")
  })
})

describe("build", () => {
  it("writes every value in CDATA, in the given order, indented, as a POST body", () => {
    const built = Xml.build({
      element: "customer",
      record: { email: "a@example.com", lastname: "DOE", firstname: "John", passwd: null },
      order: ["id", "lastname", "firstname", "email"]
    })
    assert.deepStrictEqual(
      built,
      Result.succeed(
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">',
          "  <customer>",
          "    <lastname><![CDATA[DOE]]></lastname>",
          "    <firstname><![CDATA[John]]></firstname>",
          "    <email><![CDATA[a@example.com]]></email>",
          "  </customer>",
          "</prestashop>"
        ].join("\n")
      )
    )
  })

  it("splits ]]> across two CDATA sections, so the value reads back the same", () => {
    const value = "odd ]]> value & <tag>"
    const built = Xml.build({ element: "customer", record: { note: value } })
    assert.isTrue(Result.isSuccess(built))
    if (Result.isFailure(built)) return
    assert.include(built.success, "<![CDATA[odd ]]]]><![CDATA[> value & <tag>]]>")
    const back = parsed(built.success)
    assert.strictEqual(back._tag === "Record" && back.record.note, value)
  })

  it("writes multilingual fields and associations as PrestaShop reads them", () => {
    const built = Xml.build({
      element: "customer",
      record: { associations: { groups: [{ id: "3" }, { id: "4" }] }, email: "a@example.com" }
    })
    if (Result.isFailure(built)) return assert.fail(built.failure)
    assert.include(
      built.success,
      "<groups>\n        <group>\n          <id><![CDATA[3]]></id>\n        </group>"
    )
    const back = parsed(built.success)
    assert.deepStrictEqual(back._tag === "Record" ? back.record.associations : undefined, {
      groups: [{ id: "3" }, { id: "4" }]
    })
    const group = Xml.build({ element: "group", record: { name: [{ id: "1", value: "VIP" }] } })
    if (Result.isFailure(group)) return assert.fail(group.failure)
    assert.include(group.success, '<language id="1"><![CDATA[VIP]]></language>')
  })

  it("refuses what XML cannot carry, naming the field", () => {
    assert.deepStrictEqual(
      Xml.build({ element: "customer", record: { note: "bell \u0007" } }),
      Result.fail("the value at note holds a character XML 1.0 does not allow")
    )
    assert.deepStrictEqual(
      Xml.build({ element: "customer", record: { "bad name": "x" } }),
      Result.fail('"bad name" (at bad name) is not an XML element name')
    )
    assert.deepStrictEqual(
      Xml.build({ element: "customer", record: { tags: ["a", "b"] } }),
      Result.fail("the value at tags is a list, which PrestaShop takes only in associations")
    )
  })
})
