/**
 * WooCommerce error bodies to ConnectorError reasons (one case per mapping) and, per batch
 * item, to write-stage record issues.
 */
import { assert, describe, it } from "@effect/vitest"
import { ErrorBody } from "../src/index.ts"

const wc = (status: number, code: string, message: string, data: Record<string, unknown> = {}) =>
  JSON.stringify({ code, message, data: { status, ...data } })

describe("error responses to ConnectorError reasons", () => {
  const cases: ReadonlyArray<{
    readonly status: number
    readonly code: string
    readonly reason: string
    readonly retryable: boolean
  }> = [
    { status: 401, code: "woocommerce_rest_cannot_view", reason: "Authentication", retryable: false },
    {
      status: 401,
      code: "woocommerce_rest_authentication_error",
      reason: "Authentication",
      retryable: false
    },
    { status: 403, code: "woocommerce_rest_cannot_view", reason: "Authorization", retryable: false },
    { status: 403, code: "woocommerce_rest_cannot_batch", reason: "Authorization", retryable: false },
    { status: 404, code: "woocommerce_rest_invalid_id", reason: "NotFound", retryable: false },
    { status: 404, code: "woocommerce_rest_term_invalid", reason: "NotFound", retryable: false },
    { status: 404, code: "rest_no_route", reason: "NotFound", retryable: false },
    { status: 400, code: "registration-error-email-exists", reason: "Unknown", retryable: false },
    { status: 409, code: "conflict", reason: "Conflict", retryable: false },
    { status: 429, code: "too_many_requests", reason: "RateLimited", retryable: true },
    { status: 503, code: "service_unavailable", reason: "RateLimited", retryable: true },
    { status: 500, code: "internal_server_error", reason: "Unknown", retryable: true }
  ]
  for (const c of cases) {
    it(`${c.status} ${c.code} is ${c.reason}${c.retryable ? ", retryable" : ""}`, () => {
      const error = ErrorBody.toConnectorError({ status: c.status, body: wc(c.status, c.code, "Something.") })
      assert.strictEqual(error.reason, c.reason)
      assert.strictEqual(error.retryable, c.retryable)
      assert.strictEqual(error.code, c.code)
      assert.strictEqual(error.status, c.status)
      const info = ErrorBody.mapper(c.status, wc(c.status, c.code, "Something."), {})
      assert.strictEqual(info?.reason, c.reason)
      assert.strictEqual(info?.code, c.code)
      assert.strictEqual(info?.retryable, c.retryable)
    })
  }

  it("a 429 or 503 carries Retry-After in milliseconds", () => {
    const error = ErrorBody.toConnectorError({ status: 429, body: "", retryAfter: "2" })
    assert.strictEqual(error.reason, "RateLimited")
    assert.strictEqual(error.retryAfterMs, 2000)
    const unavailable = ErrorBody.toConnectorError({
      status: 503,
      body: "<html>busy</html>",
      retryAfter: "1"
    })
    assert.strictEqual(unavailable.reason, "RateLimited")
    assert.strictEqual(unavailable.retryAfterMs, 1000)
    assert.strictEqual(unavailable.code, undefined)
  })

  it("a body that is not a WooCommerce error still gives the status's reason and says so", () => {
    const info = ErrorBody.mapper(502, "<html><body>Bad Gateway</body></html>", {})
    assert.deepStrictEqual(info, {
      reason: "Unknown",
      message: "a body that is not a WooCommerce error",
      code: undefined,
      retryable: true
    })
  })

  it("messages lose WooCommerce's HTML", () => {
    const info = ErrorBody.mapper(
      400,
      wc(
        400,
        "registration-error-email-exists",
        'An account is already registered with your email address. <a href="#" class="showlogin">Please log in.</a>'
      ),
      {}
    )
    assert.strictEqual(
      info?.message,
      "registration-error-email-exists: An account is already registered with your email address. Please log in."
    )
  })
})

describe("batch item errors to record issues", () => {
  const issuesOf = (status: number, code: string, message: string, data: Record<string, unknown> = {}) => {
    const body = ErrorBody.parse(wc(status, code, message, data))
    if (body === undefined) return assert.fail("not an error body")
    return ErrorBody.recordIssues(body)
  }

  it("a registered email is AlreadyExists at email", () => {
    const [issue, ...rest] = issuesOf(
      400,
      "registration-error-email-exists",
      "An account is already registered."
    )
    assert.deepStrictEqual(rest, [])
    assert.strictEqual(issue?.code, "AlreadyExists")
    assert.strictEqual(issue?.path, "email")
    assert.strictEqual(issue?.stage, "write")
    assert.strictEqual(issue?.severity, "error")
  })

  it("an invalid email is InvalidEmail at email", () => {
    const [issue] = issuesOf(400, "registration-error-invalid-email", "Please provide a valid email address.")
    assert.strictEqual(issue?.code, "InvalidEmail")
    assert.strictEqual(issue?.path, "email")
  })

  it("a taken username is AlreadyExists at username", () => {
    const [issue] = issuesOf(400, "registration-error-username-exists", "Taken.")
    assert.strictEqual(issue?.code, "AlreadyExists")
    assert.strictEqual(issue?.path, "username")
  })

  it("an unknown id is NotFound at id", () => {
    const [issue] = issuesOf(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")
    assert.strictEqual(issue?.code, "NotFound")
    assert.strictEqual(issue?.path, "id")
  })

  it("rest_invalid_param gives one InvalidField per parameter, with WordPress's words", () => {
    const issues = issuesOf(400, "rest_invalid_param", "Invalid parameter(s): billing, first_name", {
      params: {
        billing: "billing[country] is not of type string.",
        first_name: "first_name is not of type string."
      }
    })
    assert.deepStrictEqual(
      issues.map((i) => [i.path, i.code, i.message]),
      [
        [
          "billing",
          "InvalidField",
          "WooCommerce refused the record: billing[country] is not of type string."
        ],
        ["first_name", "InvalidField", "WooCommerce refused the record: first_name is not of type string."]
      ]
    )
  })

  it("rest_missing_callback_param gives Required per missing parameter", () => {
    const issues = issuesOf(400, "rest_missing_callback_param", "Missing parameter(s): email", {
      params: ["email"]
    })
    assert.deepStrictEqual(
      issues.map((i) => [i.path, i.code]),
      [["email", "Required"]]
    )
  })

  it("an unknown code is Rejected with WooCommerce's code in the message", () => {
    const [issue] = issuesOf(400, "plugin_says_no", "No &amp; never.")
    assert.strictEqual(issue?.code, "Rejected")
    assert.strictEqual(issue?.path, "")
    assert.strictEqual(issue?.message, "WooCommerce refused the record: No & never. (plugin_says_no)")
  })
})
