import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as RecordSchema from "../src/RecordSchema.ts"
import * as Redact from "../src/Redact.ts"
import * as ValueType from "../src/ValueType.ts"

const secret = (description: string) => Schema.String.annotate({ description, writeOnly: true })

const Login = Schema.Struct({ user: Schema.String, password: Schema.optionalKey(secret("a password")) })
const Account = Schema.Struct({
  id: Schema.String,
  password: Schema.optionalKey(secret("the password hash")),
  logins: Schema.optionalKey(Schema.Array(Login)),
  profile: Schema.optionalKey(
    Schema.NullOr(Schema.Struct({ apiToken: secret("a token"), name: Schema.String }))
  )
})

describe("Redact", () => {
  it("finds the writeOnly fields of a schema, list items without an index", () => {
    assert.deepStrictEqual(Redact.secretPaths(ValueType.fromSchema(Account)), [
      "password",
      "logins.password",
      "profile.apiToken"
    ])
  })

  it("replaces secrets in a copy and leaves the input untouched", () => {
    const redact = Redact.forSchema(RecordSchema.make("t/Account", Account))
    const input = Object.freeze({
      id: "a1",
      password: "$2y$10$hash",
      logins: Object.freeze([Object.freeze({ user: "x", password: "p1" }), Object.freeze({ user: "y" })]),
      profile: Object.freeze({ apiToken: "tok", name: "N" })
    })
    assert.deepStrictEqual(redact(input), {
      id: "a1",
      password: "<redacted>",
      logins: [{ user: "x", password: "<redacted>" }, { user: "y" }],
      profile: { apiToken: "<redacted>", name: "N" }
    })
    assert.strictEqual(input.password, "$2y$10$hash")
  })

  it("returns a record without secrets as it is, and passes non-objects through", () => {
    const redact = Redact.make(["password"])
    const clean = { id: "a" }
    assert.strictEqual(redact(clean), clean)
    assert.strictEqual(redact("text"), "text")
    assert.strictEqual(redact(null), null)
  })
})
