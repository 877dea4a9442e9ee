/**
 * Open2b's errors: every row of the seed's error tables (customers.create and customers.update)
 * is an issue of the record at the field's path, with Open2b's type as its code; errors that
 * are not about a record are ConnectorErrors; transport failures map by status.
 */
import { assert, describe, it } from "@effect/vitest"
import { ErrorBody } from "../src/index.ts"

/** The seed's tables: field, type, description (the email rows' field cell is empty in the seed). */
const createTable: ReadonlyArray<readonly [string, string, string]> = [
  ["canLogin", "InvalidValue", "canLogin can be true only if password is defined"],
  ["creationTime", "InvalidValue", "Creation time '2030-01-01 00:00:00' is in the future"],
  ["code", "AlreadyExists", "Code 'TF78123' already exists"],
  ["email", "AlreadyExists", "Email 'holmes@inv-london.com' already exists for a customer that can login"],
  ["email", "InvalidValue", "'holmes at inv-london.com' is not a well formed email address"],
  ["group", "NotFound", "Customer group 9 does not exist"],
  ["invoiceRecipient", "Malformed", "'AB7' is not a recipient code or email address"],
  ["loginTime", "InvalidValue", "Login time '2008-01-01 00:00:00' is before the creation time"],
  ["loginTime", "InvalidValue", "Login time '2030-01-01 00:00:00' is in the future"],
  ["password", "Malformed", "Password is not a 'Open2b' crypted password"],
  ["password", "Malformed", "Password must have between 6 and 16 characters"],
  ["password", "Missing", "Password is required if customer is active"]
]

const updateOnly: ReadonlyArray<readonly [string, string, string]> = [
  ["cart", "NotFound", "Cart 501741697 does not exist"],
  ["id", "NotFound", "Customer '37091' does not exist"]
]

const pathOf: Readonly<Record<string, string>> = { email: "billingAddress.email" }

describe("the seed's error tables", () => {
  for (const [field, type, description] of [...createTable, ...updateOnly]) {
    it(`${field} ${type}: ${description}`, () => {
      const error = ErrorBody.fromJson({ status: "error", error: { field, type, description } })
      if (error === undefined) return assert.fail("not read as an error")
      assert.isTrue(ErrorBody.isRecordError(error))
      const issue = ErrorBody.recordIssue(error)
      assert.strictEqual(issue.severity, "error")
      assert.strictEqual(issue.stage, "write")
      assert.strictEqual(issue.path, pathOf[field] ?? field)
      assert.strictEqual(issue.code, type)
      assert.strictEqual(issue.message, `Open2b refused the customer: ${description} (${type} at ${field})`)
    })
  }

  it("AlreadyExists on email is the record's issue at billingAddress.email", () => {
    const issue = ErrorBody.recordIssue({
      field: "email",
      type: "AlreadyExists",
      description: "Email 'mere@example.nz' already exists for a customer that can login"
    })
    assert.deepStrictEqual(issue, {
      severity: "error",
      stage: "write",
      path: "billingAddress.email",
      code: "AlreadyExists",
      message:
        "Open2b refused the customer: Email 'mere@example.nz' already exists for a customer that can login (AlreadyExists at email)"
    })
  })

  it("fields named from the request root or inside the addresses keep their path in the record", () => {
    assert.strictEqual(ErrorBody.recordPath("customer.billingAddress.city"), "billingAddress.city")
    assert.strictEqual(ErrorBody.recordPath("shippingAddress.name"), "shippingAddress.name")
    assert.strictEqual(ErrorBody.recordPath("billingAddress.email"), "billingAddress.email")
    assert.strictEqual(ErrorBody.recordPath("limit"), undefined)
    assert.strictEqual(ErrorBody.recordPath("conditions.after"), undefined)
    assert.strictEqual(ErrorBody.recordPath(undefined), undefined)
  })

  it("a message never repeats a secret the record sent", () => {
    const issue = ErrorBody.recordIssue(
      {
        field: "password",
        type: "Malformed",
        description: "Password 'hunter2' must have between 6 and 16 characters"
      },
      ["hunter2"]
    )
    assert.notInclude(issue.message, "hunter2")
    assert.include(issue.message, "Password '<redacted>' must have")
  })
})

describe("errors that are not about one record", () => {
  it("AccessDenied is Authorization, not retried, Open2b's type as the code", () => {
    const error = ErrorBody.fromJson({
      status: "error",
      error: { type: "AccessDenied", description: "The key cannot call commerce.customers.update" }
    })
    if (error === undefined) return assert.fail("not read as an error")
    assert.isFalse(ErrorBody.isRecordError(error))
    const e = ErrorBody.toConnectorError("commerce.customers.update", error)
    assert.strictEqual(e.reason, "Authorization")
    assert.isFalse(e.retryable)
    assert.strictEqual(e.code, "AccessDenied")
    assert.strictEqual(e.status, 200)
    assert.strictEqual(
      e.message,
      "Open2b answered commerce.customers.update with an error: The key cannot call commerce.customers.update (AccessDenied)"
    )
  })

  it("an error about a field of the request (limit, conditions) is Unknown", () => {
    const error = ErrorBody.fromJson({
      status: "error",
      error: { field: "limit", type: "InvalidValue", description: "limit must be at most 100" }
    })
    if (error === undefined) return assert.fail("not read as an error")
    assert.isFalse(ErrorBody.isRecordError(error))
    assert.strictEqual(ErrorBody.toConnectorError("commerce.customers.find", error).reason, "Unknown")
  })

  it("an answer that is not an error is not read as one", () => {
    assert.strictEqual(ErrorBody.fromJson({ status: "ok", customers: [] }), undefined)
    assert.strictEqual(ErrorBody.parse("<html>403 Forbidden</html>"), undefined)
    assert.deepStrictEqual(ErrorBody.fromJson({ status: "error" }), {
      field: undefined,
      type: "Error",
      description: ""
    })
  })
})

describe("transport failures", () => {
  it("403 (a missing or malformed key) is Authentication, not retried", () => {
    const info = ErrorBody.mapper(
      403,
      "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>",
      {}
    )
    assert.strictEqual(info?.reason, "Authentication")
    assert.strictEqual(info?.retryable, false)
    assert.strictEqual(info?.message, "the API key (X-Key) is missing or not valid (403 Forbidden Forbidden)")
  })

  it("429 is RateLimited and 5xx Unknown, both retried; 404 NotFound; 405 Unknown", () => {
    assert.deepStrictEqual(
      [429, 503, 404, 405].map((s) => [ErrorBody.reason(s), ErrorBody.isRetryable(s)]),
      [
        ["RateLimited", true],
        ["Unknown", true],
        ["NotFound", false],
        ["Unknown", false]
      ]
    )
    assert.strictEqual(ErrorBody.mapper(502, "", {})?.message, "no body")
  })
})
