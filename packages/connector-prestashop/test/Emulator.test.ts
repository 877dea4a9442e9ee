/**
 * The emulator over plain HTTP (fetch), as PrestaShop's webservice behaves: auth, formats,
 * the list parameters, the schemas, writes and their errors, faults and the rate limit.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { Xml } from "../src/index.ts"

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`
const auth = { authorization: basic(PrestaShopEmulator.key) }

let running: PrestaShopEmulator.Running

beforeAll(async () => {
  running = await PrestaShopEmulator.start({ customers: 10, guests: 2, orders: 3, languages: ["1", "2"] })
})
afterAll(() => running.close())

const get = async (path: string, headers: Record<string, string> = auth) => {
  const response = await fetch(`${running.url}${path}`, { headers })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const send = async (method: string, path: string, body: string) => {
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers: { ...auth, "content-type": "application/xml" },
    body
  })
  return { status: response.status, text: await response.text() }
}

const doc = (text: string): Xml.Document => {
  const result = Xml.parse(text)
  if (Result.isFailure(result)) return assert.fail(result.failure)
  return result.success
}

const ids = (text: string): ReadonlyArray<string> => {
  const d = doc(text)
  return d._tag === "List"
    ? d.records.map((r) => String(r.id))
    : assert.fail(`expected a list, got ${d._tag}`)
}

const errorsOf = (text: string) => {
  const d = doc(text)
  return d._tag === "Errors" ? d.errors : assert.fail(`expected errors, got ${d._tag}`)
}

const customer = (fields: Record<string, string>) =>
  `<prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><customer>${Object.entries(fields)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join("")}</customer></prestashop>`

describe("auth", () => {
  it("asks for the key as the login, with PrestaShop's challenge", async () => {
    const answer = await get("/api/customers", {})
    assert.strictEqual(answer.status, 401)
    assert.include(answer.headers.get("www-authenticate") ?? "", "Basic")
    assert.deepStrictEqual(errorsOf(answer.text), [
      { code: "16", message: "Please enter the authentication key as the login. No password required" }
    ])
  })

  it("tells a key of the wrong format from one the shop does not know, in the format asked", async () => {
    assert.deepStrictEqual(errorsOf((await get("/api/customers", { authorization: basic("short") })).text), [
      { code: "18", message: "Invalid authentication key format" }
    ])
    const json = await get("/api/customers?output_format=JSON", { authorization: basic("X".repeat(32)) })
    assert.strictEqual(json.status, 401)
    assert.deepStrictEqual(JSON.parse(json.text), {
      errors: [{ code: 20, message: "Authentification key is not active" }]
    })
  })

  it("takes the key as ws_key too", async () => {
    assert.strictEqual((await get(`/api/customers?ws_key=${PrestaShopEmulator.key}`, {})).status, 200)
  })
})

describe("lists", () => {
  it("without display, ids with xlink:href; with display=full, whole records", async () => {
    const bare = await get("/api/customers?limit=0,2&sort=[id_ASC]")
    assert.include(bare.text, `<customer id="1" xlink:href="${running.url}/api/customers/1"/>`)
    assert.deepStrictEqual(ids(bare.text), ["1", "2"])
    const full = doc((await get("/api/customers?display=full&limit=0,1&sort=[id_ASC]")).text)
    assert.strictEqual(full._tag === "List" && typeof full.records[0]?.email, "string")
    assert.include((await get("/api/customers?display=full&limit=0,1")).text, "<email><![CDATA[")
  })

  it("JSON: the id a number, an empty list as []", async () => {
    const json = JSON.parse(
      (await get("/api/customers?display=[id,email]&limit=0,1&sort=[id_ASC]&output_format=JSON")).text
    )
    assert.strictEqual(json.customers[0].id, 1)
    assert.deepStrictEqual(Object.keys(json.customers[0]), ["id", "email"])
    const empty = await get("/api/customers?filter[email]=[nobody@example.com]&output_format=JSON")
    assert.strictEqual(empty.text, "[]")
    const emptyXml = doc((await get("/api/customers?filter[email]=[nobody@example.com]")).text)
    assert.deepStrictEqual(emptyXml, { _tag: "List", resource: "customers", records: [] })
  })

  it("the Output-Format header asks for JSON too; a one-language field would collapse, two do not", async () => {
    const json = JSON.parse((await get("/api/groups/3", { ...auth, "output-format": "JSON" })).text)
    assert.deepStrictEqual(json.group.name, [
      { id: "1", value: "Customer" },
      { id: "2", value: "Client" }
    ])
  })

  it("filters: exact (without case), any of, interval, like, not, greater", async () => {
    assert.deepStrictEqual(ids((await get("/api/customers?filter[id]=[2|4|9]&sort=[id_ASC]")).text), [
      "2",
      "4",
      "9"
    ])
    assert.deepStrictEqual(ids((await get("/api/customers?filter[id]=[3,5]&sort=[id_ASC]")).text), [
      "3",
      "4",
      "5"
    ])
    assert.deepStrictEqual(ids((await get("/api/customers?filter[id]=>[8]&sort=[id_ASC]")).text), ["9", "10"])
    assert.strictEqual(ids((await get("/api/customers?filter[id]=![1]")).text).length, 9)
    const first = JSON.parse((await get("/api/customers/1?output_format=JSON")).text).customer
    assert.deepStrictEqual(
      ids((await get(`/api/customers?filter[email]=[${first.email.toUpperCase()}]`)).text),
      ["1"]
    )
    const part = first.email.slice(1, 6)
    assert.include(ids((await get(`/api/customers?filter[email]=%[${part}]%`)).text), "1")
    assert.deepStrictEqual(ids((await get("/api/customers?filter[is_guest]=[1]")).text).length, 2)
  })

  it("date filters and sorts need date=1", async () => {
    const without = await get("/api/customers?filter[date_upd]=[2024-01-01 00:00:00,2025-01-01 00:00:00]")
    assert.strictEqual(without.status, 400)
    assert.strictEqual(errorsOf(without.text)[0]?.code, "32")
    assert.strictEqual(errorsOf((await get("/api/customers?sort=[date_upd_ASC]")).text)[0]?.code, "38")
    const customers = JSON.parse((await get("/api/customers?display=full&output_format=JSON")).text)
      .customers as ReadonlyArray<{
      id: number
      date_upd: string
    }>
    const sorted = [...customers].sort((a, b) => (a.date_upd < b.date_upd ? -1 : 1))
    const from = sorted[5]!.date_upd
    const within = ids(
      (
        await get(
          `/api/customers?filter[date_upd]=[${from},9999-12-31 23:59:59]&date=1&sort=[date_upd_ASC,id_ASC]`
        )
      ).text
    )
    assert.deepStrictEqual(
      within,
      sorted.slice(5).map((c) => String(c.id))
    )
  })

  it("limit=offset,n and limit=n; a bad sort or limit is PrestaShop's error", async () => {
    assert.deepStrictEqual(ids((await get("/api/customers?sort=[id_DESC]&limit=2,3")).text), ["8", "7", "6"])
    assert.deepStrictEqual(ids((await get("/api/customers?sort=[id_ASC]&limit=2")).text), ["1", "2"])
    assert.strictEqual(errorsOf((await get("/api/customers?limit=1,2,3")).text)[0]?.code, "39")
    assert.strictEqual(errorsOf((await get("/api/customers?sort=id")).text)[0]?.code, "37")
    assert.strictEqual(errorsOf((await get("/api/customers?sort=[nickname_ASC]")).text)[0]?.code, "38")
    assert.strictEqual(errorsOf((await get("/api/customers?display=[nickname]")).text)[0]?.code, "35")
    assert.strictEqual(errorsOf((await get("/api/customers?filter[nickname]=[x]")).text)[0]?.code, "32")
  })

  it("an unknown id is 404 without a body; an unknown resource PrestaShop's code 27", async () => {
    const missing = await get("/api/customers/999")
    assert.strictEqual(missing.status, 404)
    assert.strictEqual(missing.text, "")
    const unknown = await get("/api/shoes")
    assert.strictEqual(unknown.status, 400)
    assert.strictEqual(errorsOf(unknown.text)[0]?.code, "27")
  })
})

describe("schemas", () => {
  it("the blank customer has the fields of the docs' customer_schema_blank.xml, in its order", async () => {
    const fixture = readFileSync(join(import.meta.dirname, "fixtures", "customer_schema_blank.xml"), "utf8")
    const documented = doc(fixture)
    const served = doc((await get("/api/customers?schema=blank")).text)
    assert.strictEqual(served._tag, "Record")
    if (served._tag !== "Record" || documented._tag !== "Record") return
    assert.deepStrictEqual(Object.keys(served.record), Object.keys(documented.record))
    assert.deepStrictEqual(served.record.associations, { groups: [{ id: "" }] })
  })

  it("the synopsis says which fields are required, how long, their format and which are read-only", async () => {
    const synopsis = (await get("/api/customers?schema=synopsis")).text
    assert.include(synopsis, '<email required="true" maxSize="255" format="isEmail"></email>')
    assert.include(synopsis, '<birthday format="isBirthDate"></birthday>')
    assert.include(synopsis, '<secure_key format="isMd5" readOnly="true"></secure_key>')
    // PrestaShop's definition names no format for the default group, though it is an id
    assert.include(synopsis, "<id_default_group></id_default_group>")
    // no id: the synopsis leaves it out
    const parsed = Xml.parseSynopsis(synopsis)
    if (Result.isFailure(parsed) || parsed.success._tag !== "Synopsis") return assert.fail("not a synopsis")
    assert.strictEqual(parsed.success.fields.length, 32)
    assert.strictEqual(parsed.success.fields[0]?.name, "id_default_group")
    assert.strictEqual(errorsOf((await get("/api/customers?schema=full")).text)[0]?.code, "28")
  })

  it("a multilingual field's languages carry their format in the synopsis", async () => {
    const synopsis = (await get("/api/groups?schema=synopsis")).text
    assert.include(synopsis, '<name required="true" maxSize="32" format="isGenericName">')
    assert.include(
      synopsis,
      `<language id="2" xlink:href="${running.url}/api/languages/2" format="isUnsignedId"></language>`
    )
  })

  it("in JSON both schemas are the blank form: every field empty, no attributes, the synopsis without id", async () => {
    const synopsis = JSON.parse((await get("/api/customers?schema=synopsis&output_format=JSON")).text)
    assert.strictEqual(synopsis.customer.email, "")
    assert.isFalse("id" in synopsis.customer)
    assert.deepStrictEqual(synopsis.customer.associations, { groups: [{ id: "" }] })
    const blank = JSON.parse((await get("/api/groups?schema=blank&output_format=JSON")).text)
    assert.deepStrictEqual(blank.group, {
      id: "",
      reduction: "",
      price_display_method: "",
      show_prices: "",
      date_add: "",
      date_upd: "",
      name: ""
    })
  })

  it("a synopsis field listed as malformed has a maxSize that is not a number", async () => {
    const broken = await PrestaShopEmulator.start({
      customers: 1,
      orders: 0,
      malformed: { customerAttributes: [1] }
    })
    try {
      const response = await fetch(`${broken.url}/api/customers?schema=synopsis`, { headers: auth })
      const text = await response.text()
      assert.include(text, '<id_lang maxSize="a lot" format="isUnsignedId"></id_lang>')
      assert.include(text, "<id_default_group></id_default_group>")
    } finally {
      await broken.close()
    }
  })
})

describe("genders", () => {
  it("serves the stock titles, Mr. (type 0) and Mrs. (type 1), in every language", async () => {
    const json = JSON.parse((await get("/api/genders?display=full&output_format=JSON")).text)
    assert.deepStrictEqual(json.genders, [
      {
        id: 1,
        type: "0",
        name: [
          { id: "1", value: "Mr." },
          { id: "2", value: "M." }
        ]
      },
      {
        id: 2,
        type: "1",
        name: [
          { id: "1", value: "Mrs." },
          { id: "2", value: "Mme" }
        ]
      }
    ])
    assert.strictEqual((await send("POST", "/api/genders", "<prestashop/>")).status, 405)
  })
})

describe("writes", () => {
  it("POST creates from the filled blank and answers 201 with the record; a POST with an id is refused", async () => {
    const created = await send(
      "POST",
      "/api/customers",
      customer({ id: "", email: "emu@example.com", firstname: "Emu", lastname: "Lator", passwd: "a secret" })
    )
    assert.strictEqual(created.status, 201)
    const record = doc(created.text)
    assert.strictEqual(record._tag === "Record" && record.record.email, "emu@example.com")
    assert.strictEqual(record._tag === "Record" && record.record.id_default_group, "3")
    const withId = await send(
      "POST",
      "/api/customers",
      customer({ id: "5", email: "x@example.com", firstname: "X", lastname: "Y", passwd: "secret" })
    )
    assert.deepStrictEqual(errorsOf(withId.text), [
      { code: "91", message: "id is forbidden when adding a new resource" }
    ])
  })

  it("a required field left out is code 41; an invalid one 85 with the property; a used email 500 with 140 and 46", async () => {
    const missing = await send(
      "POST",
      "/api/customers",
      customer({ email: "m@example.com", firstname: "M", lastname: "N" })
    )
    assert.strictEqual(missing.status, 400)
    assert.deepStrictEqual(errorsOf(missing.text), [{ code: "41", message: 'parameter "passwd" required' }])
    const invalid = await send(
      "POST",
      "/api/customers",
      customer({ email: "m@", firstname: "M", lastname: "N", passwd: "secret" })
    )
    assert.strictEqual(invalid.status, 400)
    assert.deepStrictEqual(errorsOf(invalid.text), [
      { code: "85", message: 'Validation error: "Property Customer->email is not valid"' }
    ])
    const first = JSON.parse((await get("/api/customers/1?output_format=JSON")).text).customer
    const registered =
      first.is_guest === "1"
        ? JSON.parse((await get("/api/customers/2?output_format=JSON")).text).customer
        : first
    const used = await send(
      "POST",
      "/api/customers",
      customer({ email: registered.email, firstname: "M", lastname: "N", passwd: "secret" })
    )
    assert.strictEqual(used.status, 500)
    assert.deepStrictEqual(
      errorsOf(used.text).map((e) => e.code),
      ["140", "46"]
    )
  })

  it("PUT replaces the record: a field it leaves out is emptied, as PrestaShop does", async () => {
    const before = doc((await get("/api/customers/3")).text)
    if (before._tag !== "Record") return assert.fail("no customer 3")
    const { associations: _, ...fields } = before.record as Record<string, unknown>
    const kept = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== "company")) as Record<
      string,
      string
    >
    const put = await send("PUT", "/api/customers/3", customer({ ...kept, company: "" }))
    assert.strictEqual(put.status, 200)
    const dropped = Object.fromEntries(Object.entries(kept).filter(([k]) => k !== "birthday")) as Record<
      string,
      string
    >
    await send("PUT", "/api/customers/3", customer(dropped))
    const after = doc((await get("/api/customers/3")).text)
    assert.strictEqual(after._tag === "Record" && after.record.birthday, "0000-00-00")
    assert.strictEqual(after._tag === "Record" && after.record.email, before.record.email)
    const noId = await send("PUT", "/api/customers", customer({ email: "a@example.com" }))
    assert.deepStrictEqual(errorsOf(noId.text), [
      { code: "90", message: "id is required when modifying a resource" }
    ])
    const unknown = await send("PUT", "/api/customers/999", customer({ id: "999", email: "a@example.com" }))
    assert.strictEqual(unknown.status, 404)
    assert.deepStrictEqual(errorsOf(unknown.text), [{ code: "92", message: "Invalid ID" }])
  })

  it("read-only resources refuse writes; DELETE of an unknown id is code 87", async () => {
    assert.strictEqual((await send("POST", "/api/orders", "<prestashop><order/></prestashop>")).status, 405)
    const gone = await fetch(`${running.url}/api/customers/999`, { method: "DELETE", headers: auth })
    assert.strictEqual(gone.status, 404)
    assert.deepStrictEqual(errorsOf(await gone.text()), [{ code: "87", message: "Id(s) not exists: 999" }])
  })

  it("a body that is not XML is PrestaShop's code 127, with status 500", async () => {
    const bad = await send("POST", "/api/customers", "email=a@example.com")
    assert.strictEqual(bad.status, 500)
    assert.strictEqual(errorsOf(bad.text)[0]?.code, "127")
  })
})

describe("faults and limits", () => {
  it("injected faults through the control endpoint, and the host's error page", async () => {
    await fetch(`${running.url}/__emulator/faults/next`, {
      method: "POST",
      body: JSON.stringify({ count: 1, fault: { kind: "error", status: 503 } })
    })
    const failed = await get("/api/customers")
    assert.strictEqual(failed.status, 503)
    assert.include(failed.text, "Service Unavailable")
    assert.strictEqual((await get("/api/customers")).status, 200)
  })

  it("a rate limit answers 429 with Retry-After", async () => {
    const limited = await PrestaShopEmulator.start({
      customers: 1,
      orders: 0,
      rateLimit: { limit: 2, windowMs: 60_000, retryAfter: 7 }
    })
    try {
      const call = () => fetch(`${limited.url}/api/customers`, { headers: auth })
      assert.strictEqual((await call()).status, 200)
      assert.strictEqual((await call()).status, 200)
      const third = await call()
      assert.strictEqual(third.status, 429)
      assert.strictEqual(third.headers.get("retry-after"), "7")
    } finally {
      await limited.close()
    }
  })

  it("the same seed gives the same shop", async () => {
    const again = await PrestaShopEmulator.start({
      customers: 10,
      guests: 2,
      orders: 3,
      languages: ["1", "2"]
    })
    try {
      const mine = await get("/api/customers/7?output_format=JSON")
      const theirs = await (
        await fetch(`${again.url}/api/customers/7?output_format=JSON`, { headers: auth })
      ).text()
      assert.strictEqual(theirs, mine.text)
    } finally {
      await again.close()
    }
  })
})
