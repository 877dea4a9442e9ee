/**
 * The emulator as a client of the API sees it: raw HTTP, raw XML.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema } from "@mapwright/core"
import { Effect, Result } from "effect"
import * as XmlEmulator from "../src/emulator.ts"
import { mappings, schemas } from "../src/index.ts"
import * as Xml from "../src/Xml.ts"

const auth = { authorization: `Bearer ${XmlEmulator.defaultApiKey}` }

const call = (running: XmlEmulator.Running, method: string, path: string, body?: string) =>
  Effect.promise(async () => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: auth,
      ...(body === undefined ? {} : { body })
    })
    return { status: response.status, text: await response.text() }
  })

const doc = (text: string): Xml.Document => {
  const r = Xml.parse(text)
  if (Result.isFailure(r)) assert.fail(r.failure)
  return r.success
}

describe("emulator: data", () => {
  it.live("gives the same customers for the same seed, and others for another", () =>
    Effect.gen(function* () {
      const a = yield* XmlEmulator.serve({ seed: 42, customers: 5 })
      const b = yield* XmlEmulator.serve({ seed: 42, customers: 5 })
      const c = yield* XmlEmulator.serve({ seed: 43, customers: 5 })
      const path = "/API/V3/Customer+UserCustomerGroups"
      const [ta, tb, tc] = [
        yield* call(a, "GET", path),
        yield* call(b, "GET", path),
        yield* call(c, "GET", path)
      ]
      assert.strictEqual(ta.text, tb.text)
      assert.notStrictEqual(ta.text, tc.text)
      assert.deepStrictEqual(doc(ta.text).attributes, { page: "1", limit: "100", pages: "1", total: "5" })
    }).pipe(Effect.scoped)
  )

  it.live("seeds the defects asked for, which the default mapping then catches", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ seed: 3, customers: 40, defects: 2 })
      assert.deepStrictEqual(running.defects.map((d) => d.kind).sort(), [
        "malformedEmail",
        "malformedEmail",
        "missingUsername",
        "missingUsername",
        "nonNumericDiscount",
        "nonNumericDiscount",
        "unknownCountry",
        "unknownCountry"
      ])
      const records = Xml.records(
        doc((yield* call(running, "GET", "/API/V3/Customer+UserCustomerGroups")).text),
        "Customer"
      )
      assert.strictEqual(records.length, 40)
      const toCanonical = yield* Mapping.load(mappings.customerToCanonical, {
        schemas: RecordSchema.registry([...Canonical.schemas, ...schemas])
      }).pipe(Effect.provide(NodeFileSystem.layer))
      const expected = {
        missingUsername: "Required",
        malformedEmail: "InvalidEmail",
        nonNumericDiscount: "InvalidInt",
        unknownCountry: "InvalidCountry"
      } as const
      for (const d of running.defects) {
        const issues = toCanonical(records[d.index]!).issues.map((i) => i.code)
        assert.include(issues, expected[d.kind], `${d.kind} at ${d.index}`)
      }
      const clean = records.filter((_, i) => !running.defects.some((d) => d.index === i))
      for (const r of clean)
        assert.deepStrictEqual(
          toCanonical(r).issues.filter((i) => i.severity === "error"),
          []
        )
    }).pipe(Effect.scoped)
  )

  it.live("makes the records asked for malformed: a field holding elements instead of text", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 3, malformed: [1] })
      const records = Xml.records(doc((yield* call(running, "GET", "/API/V3/Customer")).text), "Customer")
      assert.strictEqual(typeof records[0]!.phone_day, "string")
      assert.strictEqual(typeof records[1]!.phone_day, "object")
      assert.strictEqual(typeof records[2]!.phone_day, "string")
    }).pipe(Effect.scoped)
  )
})

describe("emulator: the XML it speaks", () => {
  it.live(
    "answers a write and a GET in the seed's shape: every field in order, blanks empty, groups nested",
    () =>
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const created = yield* call(
          running,
          "POST",
          "/API/V3/Customer+UserCustomerGroups",
          "<ResultSet><Customer><username>u1</username><b_zip>0800</b_zip><UserCustomerGroup><group_code>vip</group_code></UserCustomerGroup></Customer></ResultSet>"
        )
        assert.strictEqual(created.status, 200)
        assert.deepStrictEqual(doc(created.text).elements[0]?.attributes, { result: "created" })
        const got = yield* call(running, "GET", "/API/V3/Customer+UserCustomerGroups/u1")
        const blank = (names: ReadonlyArray<string>, indent: string) =>
          names.map((n) => `${indent}<${n}></${n}>`)
        assert.strictEqual(
          got.text,
          [
            "<ResultSet>",
            "    <Customer>",
            "        <username>u1</username>",
            ...blank(
              [
                "password",
                "email",
                "phone_day",
                "phone_night",
                "b_company",
                "b_fname",
                "b_lname",
                "b_address1",
                "b_address2",
                "b_address3",
                "b_city",
                "b_state"
              ],
              "        "
            ),
            "        <b_zip>0800</b_zip>",
            ...blank(
              [
                "b_country",
                "company",
                "fname",
                "lname",
                "address1",
                "address2",
                "address3",
                "city",
                "state",
                "zip",
                "country",
                "inactive",
                "discount",
                "no_email",
                "mv_shipmode",
                "custom_data1",
                "custom_data2",
                "custom_data3",
                "custom_data4"
              ],
              "        "
            ),
            "        <UserCustomerGroup>",
            "            <code>1</code>",
            "            <username>u1</username>",
            "            <group_code>vip</group_code>",
            "            <subscribed>1</subscribed>",
            ...blank(["custom_data1", "custom_data2", "custom_data3", "custom_data4"], "            "),
            "        </UserCustomerGroup>",
            "    </Customer>",
            "</ResultSet>"
          ].join("\n")
        )
        const bare = Xml.records(doc((yield* call(running, "GET", "/API/V3/Customer/u1")).text), "Customer")
        assert.isUndefined(bare[0]?.UserCustomerGroup)
      }).pipe(Effect.scoped)
  )

  it.live("answers refused requests with <Error> bodies and their statuses", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 2 })
      const unauthorized = yield* Effect.promise(() =>
        fetch(`${running.url}/API/V3/Customer`).then(async (r) => ({
          status: r.status,
          challenge: r.headers.get("www-authenticate"),
          text: await r.text()
        }))
      )
      assert.strictEqual(unauthorized.status, 401)
      assert.strictEqual(unauthorized.challenge, "Bearer")
      assert.strictEqual(
        unauthorized.text,
        "<ResultSet>\n    <Error>\n        <Code>Unauthorized</Code>\n        <Message>the API key is missing</Message>\n    </Error>\n</ResultSet>"
      )
      const errorOf = (text: string) => doc(text).elements.map((e) => [e.record.Code, e.record.Message])
      const cases: ReadonlyArray<readonly [string, string, string | undefined, number, string, string]> = [
        [
          "GET",
          "/API/V3/Customers",
          undefined,
          400,
          "InvalidRequest",
          'bad resource specification: unknown resource "Customers" at column 1 (did you mean Customer?)'
        ],
        [
          "GET",
          "/API/V3/Customer?nickname=x",
          undefined,
          400,
          "InvalidRequest",
          'unknown filter "nickname": filter on a field of the resource'
        ],
        [
          "GET",
          "/API/V3/Customer?page=0",
          undefined,
          400,
          "InvalidRequest",
          "page must be at least 1, got 0"
        ],
        [
          "GET",
          "/API/V3/Customer/nobody",
          undefined,
          404,
          "NotFound",
          'there is no Customer with username "nobody"'
        ],
        [
          "GET",
          "/API/V3/UserGroups/none",
          undefined,
          404,
          "NotFound",
          'there is no UserGroup with code "none"'
        ],
        ["GET", "/API/V2/Customer", undefined, 404, "NoSuchResource", "there is no GET /API/V2/Customer"],
        [
          "POST",
          "/API/V3/Customer",
          "<ResultSet><Customer>",
          400,
          "InvalidRequest",
          "the body is not well-formed XML: it ends before </Customer>, </ResultSet>"
        ],
        [
          "POST",
          "/API/V3/Customer",
          "<ResultSet><UserGroup/></ResultSet>",
          400,
          "InvalidRequest",
          "expected <Customer> records, found <UserGroup>"
        ],
        [
          "PUT",
          "/API/V3/Customer/nobody",
          "<ResultSet><Customer><b_fname>x</b_fname></Customer></ResultSet>",
          404,
          "NotFound",
          'there is no Customer with username "nobody"'
        ],
        [
          "GET",
          "/API/V3/UserCustomerGroups",
          undefined,
          400,
          "InvalidRequest",
          "UserCustomerGroups is not served on its own here: read it through Customer"
        ]
      ]
      for (const [method, path, body, status, code, message] of cases) {
        const r = yield* call(running, method, path, body)
        assert.strictEqual(r.status, status, `${method} ${path}`)
        assert.deepStrictEqual(errorOf(r.text), [[code, message]], `${method} ${path}`)
      }
    }).pipe(Effect.scoped)
  )

  it.live('reports a refused record inside the write answer, with result="error"', () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 0 })
      const r = yield* call(
        running,
        "POST",
        "/API/V3/Customer",
        "<ResultSet><Customer><username>u</username><UserCustomerGroup><group_code>vip</group_code></UserCustomerGroup><nickname>x</nickname></Customer><Customer><username>v</username></Customer></ResultSet>"
      )
      assert.strictEqual(r.status, 200)
      const elements = doc(r.text).elements
      assert.deepStrictEqual(
        elements.map((e) => [e.attributes.result, e.record.username]),
        [
          ["error", "u"],
          ["created", "v"]
        ]
      )
      assert.deepStrictEqual(elements[0]!.record.Error, [
        {
          Code: "InvalidField",
          Message:
            "UserCustomerGroup elements need the UserCustomerGroups join (POST /API/V3/Customer+UserCustomerGroups)",
          Field: "UserCustomerGroup"
        },
        { Code: "InvalidField", Message: "Customer has no field nickname", Field: "nickname" }
      ])
      const put = yield* call(
        running,
        "PUT",
        "/API/V3/Customer/v",
        "<ResultSet><Customer><username>w</username></Customer></ResultSet>"
      )
      // one <Error> is an element, not a list: only resources' elements are always arrays
      assert.deepStrictEqual(doc(put.text).elements[0]?.record.Error, {
        Code: "InvalidField",
        Message: "the username in the body is not the one in the path",
        Field: "username"
      })
    }).pipe(Effect.scoped)
  )

  it.live("cuts a page size above the largest down, and says so on the page", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 3, maxLimit: 2 })
      const page = doc((yield* call(running, "GET", "/API/V3/Customer?page=2&limit=500")).text)
      assert.deepStrictEqual(page.attributes, { page: "2", limit: "2", pages: "2", total: "3" })
      assert.strictEqual(page.elements.length, 1)
    }).pipe(Effect.scoped)
  )

  it("refuses options that are not counts", async () => {
    const error = await XmlEmulator.start({ customers: -1 }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, Error)
    assert.strictEqual(
      (error as Error).message,
      "xml-resultset emulator: customers and defects must be whole numbers >= 0, got -1 and 0"
    )
  })
})
