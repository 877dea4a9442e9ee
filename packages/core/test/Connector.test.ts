import { assert, describe, it } from "@effect/vitest"
import * as Connector from "../src/Connector.ts"

const record = {
  id: 7,
  billing: { email: " Ann@Example.NZ " },
  addresses: [{ city: "Nelson" }],
  note: null
}

describe("Connector.valueAt", () => {
  it("follows dotted paths through objects and list indexes, undefined when they end early", () => {
    assert.strictEqual(Connector.valueAt(record, "billing.email"), " Ann@Example.NZ ")
    assert.strictEqual(Connector.valueAt(record, "addresses.0.city"), "Nelson")
    assert.strictEqual(Connector.valueAt(record, "addresses.1.city"), undefined)
    assert.strictEqual(Connector.valueAt(record, "note.text"), undefined)
    assert.strictEqual(Connector.valueAt("text", "length"), undefined)
  })
})

describe("Connector.matches", () => {
  const email = { ignoreCase: (path: string) => path.endsWith("email") }
  it("compares values as strings, the ignoreCase paths trimmed and without case", () => {
    assert.isTrue(Connector.matches(record, { id: "7", "billing.email": "ann@example.nz" }, email))
    assert.isFalse(Connector.matches(record, { id: "8" }, email))
    assert.isFalse(
      Connector.matches(record, { "billing.email": "ann@example.nz" }, { ignoreCase: () => false })
    )
  })
  it("never matches a missing or null value, and reads through pathOf", () => {
    assert.isFalse(Connector.matches(record, { note: "null" }, email))
    assert.isFalse(Connector.matches(record, { phone: "" }, email))
    assert.isTrue(
      Connector.matches(record, { email: "ANN@example.nz" }, { ...email, pathOf: (p) => `billing.${p}` })
    )
  })
})
