import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { connector } from "../src/index.ts"
import * as ResultSet from "../src/ResultSet.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const customers = connector.streams.customers!.body
const groups = connector.streams.customerGroups!.body

describe("customers body: decode", () => {
  it("reads the seed's create body", () => {
    assert.deepStrictEqual(
      customers.decode(fixture("seed-create-customer.xml")),
      Result.succeed([
        {
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
      ])
    )
  })

  it("reads the seed's update body", () => {
    assert.deepStrictEqual(
      customers.decode(fixture("seed-update-customer.xml")),
      Result.succeed([{ username: "peter@parker.nz", b_fname: "Paul" }])
    )
  })

  it("reads a GET page, paging attributes and all", () => {
    assert.deepStrictEqual(
      customers.decode(
        '<ResultSet page="1" limit="100" pages="1" total="2"><Customer><username>a</username></Customer><Customer><username>b</username><b_zip>0800</b_zip></Customer></ResultSet>'
      ),
      Result.succeed([{ username: "a" }, { username: "b", b_zip: "0800" }])
    )
  })

  it("says what is wrong with a body it cannot read", () => {
    assert.deepStrictEqual(
      customers.decode(ResultSet.errorBody([{ code: "NotFound", message: "no such customer" }])),
      Result.fail("the body is an error answer: NotFound: no such customer")
    )
    assert.deepStrictEqual(
      customers.decode(fixture("seed-create-usergroups.xml")),
      Result.fail("expected <Customer> records, found <UserGroup>")
    )
    assert.deepStrictEqual(customers.decode("<ResultSet/>"), Result.succeed([]))
    assert.isTrue(Result.isFailure(customers.decode("<ResultSet><Customer>")))
  })
})

describe("customers body: encode", () => {
  it("writes the seed's create body from the seed's record", () => {
    const records = Result.getOrThrow(customers.decode(fixture("seed-create-customer.xml")))
    assert.strictEqual(customers.encode(records), fixture("seed-create-customer.xml").trimEnd())
    assert.strictEqual(customers.contentType, "application/xml")
  })

  it("writes fields in schema order whatever the record's order", () => {
    assert.strictEqual(
      customers.encode([
        {
          UserCustomerGroup: [{ group_code: "vip", username: "u" }],
          b_zip: "0800",
          email: "u@example.com",
          username: "u"
        }
      ]),
      [
        "<ResultSet>",
        "    <Customer>",
        "        <username>u</username>",
        "        <email>u@example.com</email>",
        "        <b_zip>0800</b_zip>",
        "        <UserCustomerGroup>",
        "            <username>u</username>",
        "            <group_code>vip</group_code>",
        "        </UserCustomerGroup>",
        "    </Customer>",
        "</ResultSet>"
      ].join("\n")
    )
  })

  it("throws a clear error for a record XML cannot carry", () => {
    assert.throws(
      () => customers.encode([{ "first name": "x" }]),
      'cannot write the records as XML: "first name" (at Customer[0].first name) is not an XML name'
    )
  })
})

describe("customerGroups body", () => {
  it("reads the seed's UserGroups body and writes it back", () => {
    const decoded = groups.decode(fixture("seed-create-usergroups.xml"))
    assert.deepStrictEqual(
      decoded,
      Result.succeed([
        { code: "jedis", title: "Jedis" },
        { code: "storm-troopers", title: "Storm Troopers" }
      ])
    )
    assert.strictEqual(
      groups.encode(Result.getOrThrow(decoded)),
      fixture("seed-create-usergroups.xml").trimEnd()
    )
  })
})
