/**
 * Magento error bodies: parameters put into messages, reasons by status, and the issues of a
 * record a write refused.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { ErrorBody } from "../src/index.ts"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")

describe("substitute", () => {
  it("puts list parameters in for %1, %2 (1-based)", () => {
    assert.strictEqual(
      ErrorBody.substitute("Street Address cannot contain more than %1 lines.", [2]),
      "Street Address cannot contain more than 2 lines."
    )
    assert.strictEqual(ErrorBody.substitute('"%1" is %2', ["Email", "wrong"]), '"Email" is wrong')
  })

  it("puts named parameters in, the longest name first, and leaves unknown ones", () => {
    assert.strictEqual(
      ErrorBody.substitute("No such entity with %fieldName = %fieldValue, %field2Name = %field2Value", {
        fieldName: "entityType",
        fieldValue: "customer",
        field2Name: "attributeCode",
        field2Value: "shoe_size"
      }),
      "No such entity with entityType = customer, attributeCode = shoe_size"
    )
    assert.strictEqual(ErrorBody.substitute("%missing and %1", { other: 1 }), "%missing and %1")
    assert.strictEqual(ErrorBody.substitute("%3 of %1", ["a"]), "%3 of a")
  })

  it("reads the docs' error example (error_response.json)", () => {
    const body = ErrorBody.parse(fixture("error_response.json"))
    assert.isDefined(body)
    assert.strictEqual(ErrorBody.text(body!), "Invalid product data: Invalid attribute set entity type")
  })

  it("joins the problems an InputException gathered", () => {
    const body = ErrorBody.fromJson({
      message: "One or more input exceptions have occurred.",
      errors: [
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "firstname" } },
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "lastname" } }
      ]
    })
    assert.strictEqual(
      ErrorBody.text(body!),
      'One or more input exceptions have occurred. "firstname" is required. Enter and try again. "lastname" is required. Enter and try again.'
    )
  })

  it("is not an error body without a string message", () => {
    assert.isUndefined(ErrorBody.parse("[]"))
    assert.isUndefined(ErrorBody.parse('{"code": 5}'))
    assert.isUndefined(ErrorBody.parse("<html>Bad gateway</html>"))
  })
})

describe("mapper", () => {
  it("maps statuses to reasons, retrying 429 and 5xx only", () => {
    assert.deepStrictEqual(
      ErrorBody.mapper(
        401,
        '{"message":"The consumer isn\'t authorized to access %resources.","parameters":{"resources":"Magento_Customer::customer"}}',
        {}
      ),
      {
        reason: "Authentication",
        message: "The consumer isn't authorized to access Magento_Customer::customer.",
        retryable: false
      }
    )
    assert.deepStrictEqual(ErrorBody.mapper(429, fixture("error_429_too_many_requests.json"), {}), {
      reason: "RateLimited",
      message: "Too Many Requests",
      retryable: true
    })
    assert.strictEqual(
      ErrorBody.mapper(404, '{"message":"Request does not match any route."}', {})?.reason,
      "NotFound"
    )
    assert.strictEqual(ErrorBody.mapper(403, "", {})?.reason, "Authorization")
    assert.deepStrictEqual(ErrorBody.mapper(502, "<html>bad gateway</html>", {}), {
      reason: "Unknown",
      message: "a body that is not a Magento error",
      retryable: true
    })
    assert.isFalse(ErrorBody.mapper(400, '{"message":"x"}', {})?.retryable)
  })

  it("makes a ConnectorError with the wait Retry-After asks for", () => {
    const error = ErrorBody.toConnectorError({
      status: 429,
      body: fixture("error_429_too_many_requests.json"),
      retryAfter: "2"
    })
    assert.strictEqual(error.reason, "RateLimited")
    assert.strictEqual(error.retryAfterMs, 2000)
    assert.strictEqual(error.message, "Magento answered 429: Too Many Requests")
  })
})

describe("recordIssues", () => {
  const issues = (value: unknown) =>
    ErrorBody.recordIssues(ErrorBody.fromJson(value)!).map((i) => ({
      path: i.path,
      code: i.code,
      message: i.message
    }))

  it("names the field of a required value, one issue per gathered problem", () => {
    assert.deepStrictEqual(
      issues({
        message: "One or more input exceptions have occurred.",
        errors: [
          {
            message: '"%fieldName" is required. Enter and try again.',
            parameters: { fieldName: "firstname" }
          },
          {
            message: '"%fieldName" is required. Enter and try again.',
            parameters: { fieldName: "telephone" }
          }
        ]
      }),
      [
        {
          path: "firstname",
          code: "Required",
          message: 'Magento refused the record: "firstname" is required. Enter and try again.'
        },
        {
          path: "addresses.telephone",
          code: "Required",
          message: 'Magento refused the record: "telephone" is required. Enter and try again.'
        }
      ]
    )
  })

  it("reads the field from an attribute label, a duplicate email, an entity and a value", () => {
    assert.deepStrictEqual(
      issues({ message: '"%1" is not a valid email address.', parameters: ["Email"] })[0],
      {
        path: "email",
        code: "InvalidEmail",
        message: 'Magento refused the record: "Email" is not a valid email address.'
      }
    )
    assert.deepStrictEqual(
      issues({
        message: "A customer with the same email address already exists in an associated website."
      })[0]?.path,
      "email"
    )
    assert.deepStrictEqual(
      issues({
        message: "No such entity with %fieldName = %fieldValue",
        parameters: { fieldName: "groupId", fieldValue: 99 }
      }),
      [
        {
          path: "group_id",
          code: "NotFound",
          message: "Magento refused the record: No such entity with groupId = 99"
        }
      ]
    )
    assert.deepStrictEqual(
      issues({
        message: 'Invalid value of "%value" provided for the %fieldName field.',
        parameters: { value: "XX", fieldName: "countryId" }
      })[0],
      {
        path: "addresses.country_id",
        code: "InvalidValue",
        message: 'Magento refused the record: Invalid value of "XX" provided for the countryId field.'
      }
    )
    assert.deepStrictEqual(
      issues({
        message: "The password needs at least %1 characters. Create a new password and try again.",
        parameters: [8]
      })[0]?.path,
      "password"
    )
    assert.deepStrictEqual(issues({ message: "Something else broke." })[0], {
      path: "",
      code: "Rejected",
      message: "Magento refused the record: Something else broke."
    })
  })
})
