import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as Xml from "../src/Xml.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")

const parsed = (text: string): Xml.Document => {
  const r = Xml.parse(text)
  if (Result.isFailure(r)) assert.fail(`expected the body to parse: ${r.failure}`)
  return r.success
}

const failure = (text: string): string => {
  const r = Xml.parse(text)
  if (Result.isSuccess(r)) assert.fail("expected the body to be refused")
  return r.failure
}

const built = (input: Xml.BuildInput): string => {
  const r = Xml.build(input)
  if (Result.isFailure(r)) assert.fail(`expected the records to build: ${r.failure}`)
  return r.success
}

const customers = (text: string) => Xml.records(parsed(text), "Customer")

describe("Xml.parse: the seed's bodies", () => {
  it("reads the seed's create body: strings, and both UserCustomerGroups as an array", () => {
    const document = parsed(fixture("seed-create-customer.xml"))
    assert.strictEqual(document.root, "ResultSet")
    assert.deepStrictEqual(document.attributes, {})
    assert.deepStrictEqual(document.elements, [
      {
        name: "Customer",
        attributes: {},
        record: {
          username: "peter@parker.nz",
          password: "PETERFOO123",
          email: "peter@parker.nz",
          b_fname: "Peter",
          b_lname: "Parker",
          UserCustomerGroup: [
            { username: "peter@parker.nz", group_code: "dealer" },
            { username: "peter@parker.nz", group_code: "vip" }
          ]
        }
      }
    ])
  })

  it("reads the seed's update body: only the key and the field to change", () => {
    assert.deepStrictEqual(customers(fixture("seed-update-customer.xml")), [
      { username: "peter@parker.nz", b_fname: "Paul" }
    ])
  })

  it("reads the seed's UserGroups body as two records", () => {
    assert.deepStrictEqual(Xml.records(parsed(fixture("seed-create-usergroups.xml")), "UserGroup"), [
      { code: "jedis", title: "Jedis" },
      { code: "storm-troopers", title: "Storm Troopers" }
    ])
  })

  it("gives the same records for the seed's body written on one line", () => {
    const oneLine =
      "<ResultSet><Customer><username>peter@parker.nz</username><password>PETERFOO123</password>" +
      "<email>peter@parker.nz</email><b_fname>Peter</b_fname><b_lname>Parker</b_lname>" +
      "<UserCustomerGroup><username>peter@parker.nz</username><group_code>dealer</group_code></UserCustomerGroup>" +
      "<UserCustomerGroup><username>peter@parker.nz</username><group_code>vip</group_code></UserCustomerGroup>" +
      "</Customer></ResultSet>"
    assert.deepStrictEqual(customers(oneLine), customers(fixture("seed-create-customer.xml")))
  })
})

describe("Xml.parse: leaves", () => {
  it("keeps every leaf a string: a zip of 0800 stays 0800, numbers and booleans stay text", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><zip>0800</zip><discount>20</discount><inactive>true</inactive><b_zip>1e5</b_zip></Customer></ResultSet>"
      ),
      [{ zip: "0800", discount: "20", inactive: "true", b_zip: "1e5" }]
    )
  })

  it("reads empty and self-closing elements as empty strings; a missing one is absent", () => {
    assert.deepStrictEqual(customers("<ResultSet><Customer><a></a><b/><c /></Customer></ResultSet>"), [
      { a: "", b: "", c: "" }
    ])
  })

  it("decodes the predefined entities and character references, and keeps CDATA literally", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><b_company>Smith &amp; Sons &lt;Ltd&gt; &quot;q&quot; &apos;a&apos;</b_company>" +
          "<city>Z&#252;rich &#x1F600;</city><note><![CDATA[a < b & &amp;]]></note></Customer></ResultSet>"
      ),
      [{ b_company: `Smith & Sons <Ltd> "q" 'a'`, city: "Zürich 😀", note: "a < b & &amp;" }]
    )
  })

  it("keeps unicode text as sent", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><b_fname>Zoë</b_fname><b_lname>عبدالله</b_lname><city>東京</city></Customer></ResultSet>"
      ),
      [{ b_fname: "Zoë", b_lname: "عبدالله", city: "東京" }]
    )
  })

  it("keeps a value's own whitespace, inner and surrounding, and drops the indentation between elements", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet>\n  <Customer>\n    <b_fname>  Mary  Jane </b_fname>\n    <b_address1>line\nnext</b_address1>\n  </Customer>\n</ResultSet>"
      ),
      [{ b_fname: "  Mary  Jane ", b_address1: "line\nnext" }]
    )
  })

  it("keeps text beside a record's fields under #text, for its schema to refuse", () => {
    assert.deepStrictEqual(
      customers("<ResultSet><Customer>stray<username>u</username></Customer></ResultSet>"),
      [{ "#text": "stray", username: "u" }]
    )
  })
})

describe("Xml.parse: repeated children", () => {
  it("makes one UserCustomerGroup an array of one", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><username>u</username><UserCustomerGroup><group_code>vip</group_code></UserCustomerGroup></Customer></ResultSet>"
      ),
      [{ username: "u", UserCustomerGroup: [{ group_code: "vip" }] }]
    )
  })

  it("makes a joined UserGroup inside a UserCustomerGroup an array too, and an empty membership {}", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><UserCustomerGroup><group_code>vip</group_code><UserGroup><code>vip</code><title>VIP</title></UserGroup></UserCustomerGroup><UserCustomerGroup/></Customer></ResultSet>"
      ),
      [{ UserCustomerGroup: [{ group_code: "vip", UserGroup: [{ code: "vip", title: "VIP" }] }, {}] }]
    )
  })

  it("makes every child of the root a record, even a single empty one", () => {
    const document = parsed("<ResultSet><Customer/></ResultSet>")
    assert.deepStrictEqual(document.elements, [{ name: "Customer", attributes: {}, record: {} }])
  })

  it("reads an element with children that is not a resource as a nested object", () => {
    assert.deepStrictEqual(
      customers(
        "<ResultSet><Customer><Error><Code>X</Code><Message>m</Message></Error></Customer></ResultSet>"
      ),
      [{ Error: { Code: "X", Message: "m" } }]
    )
  })

  it("gives an empty list for an empty ResultSet", () => {
    assert.deepStrictEqual(parsed("<ResultSet/>").elements, [])
    assert.deepStrictEqual(parsed("<ResultSet>\n</ResultSet>").elements, [])
  })
})

describe("Xml.parse: attributes", () => {
  it("returns the root's and each record's attributes, and ignores those on fields", () => {
    const document = parsed(
      `<?xml version="1.0" encoding="UTF-8"?><ResultSet page="2" total="650"><Customer result="created"><zip kind="po">0800</zip><a x="1"/></Customer></ResultSet>`
    )
    assert.deepStrictEqual(document.attributes, { page: "2", total: "650" })
    assert.deepStrictEqual(document.elements, [
      { name: "Customer", attributes: { result: "created" }, record: { zip: "0800", a: "" } }
    ])
  })
})

describe("Xml.parse: refusals", () => {
  it("refuses a body that is not well-formed, with line and column", () => {
    assert.strictEqual(
      failure("<ResultSet>\n<Customer></ResultSet>"),
      "the body is not well-formed XML: Expected closing tag 'Customer' (opened in line 2, col 1) instead of closing tag 'ResultSet'. (line 2, column 11)"
    )
  })

  it("refuses a cut-short body, naming the elements left open", () => {
    assert.strictEqual(
      failure("<ResultSet><Customer><username>pet</username>"),
      "the body is not well-formed XML: it ends before </Customer>, </ResultSet>"
    )
    assert.match(failure("<ResultSet><Customer><username>pet"), /^the body is not well-formed XML: /)
  })

  it("refuses a DOCTYPE, so entity expansion never happens", () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      "<ResultSet><Customer><b_fname>&lol2;</b_fname></Customer></ResultSet>"
    assert.strictEqual(failure(laughs), "the body has a DOCTYPE or ENTITY declaration, which is not accepted")
    assert.strictEqual(
      failure('<!DOCTYPE ResultSet SYSTEM "file:///etc/passwd"><ResultSet/>'),
      "the body has a DOCTYPE or ENTITY declaration, which is not accepted"
    )
  })

  it("refuses an entity that is not defined, and a reference to a character XML does not allow", () => {
    assert.strictEqual(
      failure("<ResultSet><Customer><a>&nbsp;</a></Customer></ResultSet>"),
      "the body is not well-formed XML: the entity &nbsp; is not defined (only &amp; &lt; &gt; &quot; &apos; and &#...; are)"
    )
    assert.strictEqual(
      failure("<ResultSet><Customer><a>&#1;</a></Customer></ResultSet>"),
      "the body is not well-formed XML: the character reference &#1; is not a character XML allows"
    )
  })

  it("refuses a control character", () => {
    assert.strictEqual(
      failure("<ResultSet><Customer><a>\u0007</a></Customer></ResultSet>"),
      "the body holds the character U+0007, which XML 1.0 does not allow"
    )
  })

  it("refuses another root, an empty body and text after the root", () => {
    assert.strictEqual(
      failure("<Customers><Customer/></Customers>"),
      "expected a <ResultSet> root element, found <Customers>"
    )
    assert.strictEqual(failure("   "), "the body is empty, not XML")
    assert.strictEqual(failure("<ResultSet/> trailing"), "the body has text after its root element")
    assert.strictEqual(failure('{"customers":[]}').startsWith("the body is not well-formed XML"), true)
  })
})

const order: Xml.Order = {
  fields: ["username", "email", "zip", "UserCustomerGroup"],
  children: { UserCustomerGroup: { fields: ["username", "group_code"] } }
}

describe("Xml.build", () => {
  it("writes the seed's create body from its record, element for element", () => {
    const record = customers(fixture("seed-create-customer.xml"))[0]!
    assert.strictEqual(
      built({ elements: [{ name: "Customer", record }] }),
      fixture("seed-create-customer.xml").trimEnd()
    )
  })

  it("writes fields in the schema's order, unknown ones after; arrays repeat; null and undefined are left out", () => {
    assert.strictEqual(
      built({
        attributes: { page: "1" },
        elements: [
          {
            name: "Customer",
            attributes: { result: "updated" },
            record: {
              extra: "x",
              UserCustomerGroup: [{ group_code: "vip", username: "u" }, { group_code: "dealer" }],
              zip: "0800",
              email: null,
              username: "u",
              skipped: undefined,
              empty: ""
            }
          }
        ],
        orders: { Customer: order }
      }),
      [
        '<ResultSet page="1">',
        '    <Customer result="updated">',
        "        <username>u</username>",
        "        <zip>0800</zip>",
        "        <UserCustomerGroup>",
        "            <username>u</username>",
        "            <group_code>vip</group_code>",
        "        </UserCustomerGroup>",
        "        <UserCustomerGroup>",
        "            <group_code>dealer</group_code>",
        "        </UserCustomerGroup>",
        "        <extra>x</extra>",
        "        <empty></empty>",
        "    </Customer>",
        "</ResultSet>"
      ].join("\n")
    )
  })

  it("escapes markup characters in text and attributes", () => {
    assert.strictEqual(
      built({
        attributes: { note: `a"b<c` },
        elements: [{ name: "Customer", record: { b_company: `Smith & Sons <Ltd> "q" 'a'` } }]
      }),
      [
        '<ResultSet note="a&quot;b&lt;c">',
        "    <Customer>",
        "        <b_company>Smith &amp; Sons &lt;Ltd&gt; &quot;q&quot; &apos;a&apos;</b_company>",
        "    </Customer>",
        "</ResultSet>"
      ].join("\n")
    )
  })

  it("writes numbers and booleans as text and an empty ResultSet as one element", () => {
    assert.strictEqual(
      built({ elements: [{ name: "Customer", record: { discount: 20, inactive: false } }] }),
      "<ResultSet>\n    <Customer>\n        <discount>20</discount>\n        <inactive>false</inactive>\n    </Customer>\n</ResultSet>"
    )
    assert.strictEqual(built({ elements: [] }), "<ResultSet></ResultSet>")
  })

  it("refuses a key that is not an XML name and a character XML cannot carry", () => {
    assert.deepStrictEqual(
      Xml.build({ elements: [{ name: "Customer", record: { "first name": "x" } }] }),
      Result.fail('"first name" (at Customer[0].first name) is not an XML name')
    )
    assert.deepStrictEqual(
      Xml.build({ elements: [{ name: "Customer", record: { b_fname: "bell\u0007" } }] }),
      Result.fail("the value at Customer[0].b_fname holds the character U+0007, which XML 1.0 does not allow")
    )
    assert.deepStrictEqual(
      Xml.build({ elements: [{ name: "Customer", record: "text" }] }),
      Result.fail("Customer[0] is not an object")
    )
  })
})

describe("Xml round trip", () => {
  const records: ReadonlyArray<Xml.XmlRecord> = [
    { username: "peter@parker.nz", zip: "0800", b_company: "A & B <C>", b_fname: "Zoë 😀", b_address3: "" },
    { username: "one", UserCustomerGroup: [{ username: "one", group_code: "vip" }] },
    {
      username: "several",
      UserCustomerGroup: [
        { username: "several", group_code: "dealer", UserGroup: [{ code: "dealer", title: "Dealers & Co" }] },
        { username: "several", group_code: "vip" }
      ]
    },
    { username: "  spaced  ", b_address1: "line 1\nline 2" }
  ]

  it("parses what it builds back to the same records", () => {
    const body = built({ elements: records.map((record) => ({ name: "Customer", record })) })
    assert.deepStrictEqual(customers(body), records)
  })

  it("builds what it parses back to the same body", () => {
    const body = fixture("seed-create-usergroups.xml").trimEnd()
    assert.strictEqual(built({ elements: parsed(body).elements }), body)
  })
})
