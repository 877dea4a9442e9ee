/**
 * PrestaShop's error bodies: what a failed request means, and the issues of a refused record.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { ErrorBody } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")

const xmlError = (code: number, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n<errors>\n<error>\n<code><![CDATA[${code}]]></code>\n<message><![CDATA[${message}]]></message>\n</error>\n</errors>\n</prestashop>\n`

describe("parse", () => {
  it("reads error_search.xml", () => {
    assert.deepStrictEqual(ErrorBody.parse(fixture("error_search.xml")), {
      errors: [
        { code: "100", message: "You have to set both the 'language' and 'query' parameters to get a result" }
      ]
    })
  })

  it("reads the JSON form, codes as numbers", () => {
    assert.deepStrictEqual(
      ErrorBody.parse(
        '{"errors":[{"code":140,"message":"The email is already used, please choose another one"},{"code":46,"message":"Unable to save resource"}]}'
      ),
      {
        errors: [
          { code: "140", message: "The email is already used, please choose another one" },
          { code: "46", message: "Unable to save resource" }
        ]
      }
    )
  })

  it("is undefined for what is not an error body", () => {
    assert.isUndefined(ErrorBody.parse(""))
    assert.isUndefined(ErrorBody.parse("<html><body>Bad gateway</body></html>"))
    assert.isUndefined(ErrorBody.parse('{"customers":[]}'))
    assert.isUndefined(ErrorBody.parse(fixture("customer_get.xml")))
  })
})

describe("mapper", () => {
  it("401 is Authentication, never retried, with PrestaShop's words", () => {
    const info = ErrorBody.mapper(401, xmlError(20, "Authentification key is not active"), {})
    assert.deepStrictEqual(info, {
      reason: "Authentication",
      message: "Authentification key is not active (20)",
      code: "20",
      retryable: false
    })
  })

  it("a validation error is not retried, whatever its status", () => {
    for (const status of [400, 500]) {
      const info = ErrorBody.mapper(
        status,
        xmlError(85, 'Validation error: "Property Customer->email is not valid"'),
        {}
      )
      assert.strictEqual(info?.retryable, false)
      assert.strictEqual(info?.reason, "Unknown")
      assert.strictEqual(info?.code, "85")
    }
  })

  it("other 5xx are retried; a disabled webservice (503, code 22) is not", () => {
    // left to Http, which retries a 5xx unless the request may have been processed (a POST)
    assert.strictEqual(
      ErrorBody.mapper(500, xmlError(46, "Unable to save resource"), {})?.retryable,
      undefined
    )
    assert.strictEqual(ErrorBody.mapper(503, "<html>busy</html>", {})?.retryable, undefined)
    assert.isTrue(ErrorBody.isRetryable(503, undefined))
    const disabled = ErrorBody.mapper(
      503,
      xmlError(22, "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office"),
      {}
    )
    assert.strictEqual(disabled?.retryable, false)
  })

  it("reasons from statuses and codes", () => {
    assert.strictEqual(ErrorBody.mapper(404, "", {})?.reason, "NotFound")
    assert.strictEqual(ErrorBody.mapper(404, "", {})?.message, "no body")
    assert.strictEqual(
      ErrorBody.mapper(405, xmlError(25, "Method PUT is not allowed"), {})?.reason,
      "Authorization"
    )
    assert.strictEqual(ErrorBody.mapper(429, "Too Many Requests", {})?.reason, "RateLimited")
    assert.isTrue(ErrorBody.isRetryable(429, undefined))
    assert.strictEqual(ErrorBody.mapper(400, xmlError(92, "Invalid ID"), {})?.reason, "NotFound")
  })
})

describe("record issues", () => {
  it("a property that is not valid is InvalidField at that field", () => {
    assert.deepStrictEqual(
      ErrorBody.recordIssues({
        errors: [{ code: "85", message: 'Validation error: "Property Customer->email is not valid"' }]
      }),
      [
        {
          severity: "error",
          stage: "write",
          path: "email",
          code: "InvalidField",
          message: 'PrestaShop refused the record: Validation error: "Property Customer->email is not valid"'
        }
      ]
    )
  })

  it("empty is Required, too long TooLong, a missing parameter Required, with a prefix for an address", () => {
    const issues = ErrorBody.recordIssues(
      {
        errors: [
          { code: "85", message: 'Validation error: "Property Address->city is empty"' },
          { code: "84", message: 'Validation error: "Property Group->name is too long (32 chars max)"' },
          { code: "41", message: 'parameter "lastname" required' }
        ]
      },
      "addresses.1."
    )
    assert.deepStrictEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ["addresses.1.city", "Required"],
        ["addresses.1.name", "TooLong"],
        ["addresses.1.lastname", "Required"]
      ]
    )
  })

  it("a used email is AlreadyExists at email; 'Unable to save resource' adds nothing", () => {
    const issues = ErrorBody.recordIssues({
      errors: [
        { code: "140", message: "The email is already used, please choose another one" },
        { code: "46", message: "Unable to save resource" }
      ]
    })
    assert.deepStrictEqual(
      issues.map((i) => [i.path, i.code]),
      [["email", "AlreadyExists"]]
    )
  })

  it("a body with nothing to point at is one Rejected issue with PrestaShop's words", () => {
    assert.deepStrictEqual(
      ErrorBody.recordIssues({ errors: [{ code: "46", message: "Unable to save resource" }] }),
      [
        {
          severity: "error",
          stage: "write",
          path: "",
          code: "Rejected",
          message: "PrestaShop refused the record: Unable to save resource (46)"
        }
      ]
    )
  })

  it("reads the issues back from the ConnectorError of a refused request", () => {
    const error = ErrorBody.toConnectorError({
      status: 500,
      body: '{"errors":[{"code":141,"message":"The email is already used, please choose another one"},{"code":46,"message":"Unable to save resource"}]}'
    })
    assert.isTrue(ErrorBody.isValidationError(error))
    assert.strictEqual(error.retryable, false)
    assert.deepStrictEqual(
      ErrorBody.issuesOfError(error).map((i) => [i.path, i.code, i.message]),
      [
        [
          "email",
          "AlreadyExists",
          "PrestaShop refused the record: The email is already used, please choose another one"
        ]
      ]
    )
  })
})
