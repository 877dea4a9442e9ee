/**
 * Foodics error bodies (Laravel's shape: the seed has none, see `ErrorBody`) to reasons,
 * messages and record issues. The bodies below are written by hand in that shape.
 */
import { describe, expect, it } from "@effect/vitest"
import * as ErrorBody from "../src/ErrorBody.ts"

const validation = JSON.stringify({
  message: "The email must be a valid email address. (and 2 more errors)",
  errors: {
    email: ["The email must be a valid email address."],
    name: ["The name field is required."],
    "tags.0.id": ["The selected tags.0.id is invalid."]
  }
})

describe("ErrorBody.parse", () => {
  it("reads a validation error with its fields", () => {
    expect(ErrorBody.parse(validation)).toEqual({
      message: "The email must be a valid email address. (and 2 more errors)",
      errors: [
        { field: "email", messages: ["The email must be a valid email address."] },
        { field: "name", messages: ["The name field is required."] },
        { field: "tags.0.id", messages: ["The selected tags.0.id is invalid."] }
      ],
      code: undefined
    })
  })

  it("reads a message-only body and an OAuth error", () => {
    expect(ErrorBody.parse('{"message":"Unauthenticated."}')).toEqual({
      message: "Unauthenticated.",
      errors: [],
      code: undefined
    })
    expect(
      ErrorBody.parse('{"error":"invalid_token","error_description":"The access token expired"}')
    ).toEqual({ message: "The access token expired", errors: [], code: "invalid_token" })
  })

  it("is undefined for what is not an error body", () => {
    expect(ErrorBody.parse("<html>Bad gateway</html>")).toBeUndefined()
    expect(ErrorBody.parse('{"data":[]}')).toBeUndefined()
    expect(ErrorBody.parse("[]")).toBeUndefined()
  })
})

describe("ErrorBody.mapper", () => {
  it("maps statuses to reasons, and leaves retrying to Http", () => {
    const cases: ReadonlyArray<readonly [number, string]> = [
      [401, "Authentication"],
      [403, "Authorization"],
      [404, "NotFound"],
      [409, "Conflict"],
      [422, "Unknown"],
      [429, "RateLimited"],
      [500, "Unknown"],
      [503, "Unknown"]
    ]
    for (const [status, reason] of cases) {
      const info = ErrorBody.mapper(status, '{"message":"x"}', {})
      expect([status, info?.reason, info?.retryable]).toEqual([status, reason, undefined])
    }
  })

  it("retries 408, 429 and 5xx", () => {
    expect([400, 401, 403, 404, 408, 422, 429, 500, 502, 503].filter(ErrorBody.isRetryable)).toEqual([
      408, 429, 500, 502, 503
    ])
  })

  it("says which fields a 422 refused", () => {
    expect(ErrorBody.mapper(422, validation, {})?.message).toBe(
      "The email must be a valid email address. (and 2 more errors) (email: The email must be a valid email address.; " +
        "name: The name field is required.; tags.0.id: The selected tags.0.id is invalid.)"
    )
  })

  it("tells what the rate-limit headers of a 429 say", () => {
    const info = ErrorBody.mapper(429, '{"message":"Too Many Attempts."}', {
      "retry-after": "12",
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "0"
    })
    expect(info?.message).toBe("Too Many Attempts. (limit 60, 0 remaining, retry after 12 s)")
  })

  it("describes a body that is not a Foodics error without quoting it", () => {
    expect(ErrorBody.mapper(502, "<html><body>token=abc</body></html>", {})?.message).toBe(
      "a body that is not a Foodics error"
    )
    expect(ErrorBody.mapper(500, "", {})?.message).toBe("no body")
  })
})

describe("ErrorBody.toConnectorError", () => {
  it("carries the status, the reason and Retry-After", () => {
    const e = ErrorBody.toConnectorError({
      status: 429,
      body: '{"message":"Too Many Attempts."}',
      headers: { "retry-after": "3" }
    })
    expect([e.connector, e.reason, e.retryable, e.status, e.retryAfterMs]).toEqual([
      "foodics",
      "RateLimited",
      true,
      429,
      3000
    ])
    expect(e.message).toBe("Foodics answered 429: Too Many Attempts. (retry after 3 s)")
  })
})

describe("ErrorBody.recordIssues", () => {
  it("gives one write issue per message, at its field", () => {
    expect(ErrorBody.recordIssues(ErrorBody.parse(validation), 422)).toEqual([
      {
        severity: "error",
        stage: "write",
        path: "email",
        code: "InvalidEmail",
        message: "Foodics refused the record: The email must be a valid email address."
      },
      {
        severity: "error",
        stage: "write",
        path: "name",
        code: "Required",
        message: "Foodics refused the record: The name field is required."
      },
      {
        severity: "error",
        stage: "write",
        path: "tags.0.id",
        code: "InvalidValue",
        message: "Foodics refused the record: The selected tags.0.id is invalid."
      }
    ])
  })

  it("gives NotFound at id for a 404 and Rejected for a body without fields", () => {
    expect(ErrorBody.recordIssues(ErrorBody.parse('{"message":"No query results."}'), 404)).toEqual([
      {
        severity: "error",
        stage: "write",
        path: "id",
        code: "NotFound",
        message: "Foodics refused the record: No query results."
      }
    ])
    expect(ErrorBody.recordIssues(undefined, 400)).toEqual([
      {
        severity: "error",
        stage: "write",
        path: "",
        code: "Rejected",
        message: "Foodics refused the record: HTTP 400"
      }
    ])
  })

  it("names the issue codes of Laravel's messages", () => {
    expect(ErrorBody.issueCode("The phone has already been taken.")).toBe("AlreadyExists")
    expect(ErrorBody.issueCode("The birth date does not match the format Y-m-d.")).toBe("InvalidDate")
    expect(ErrorBody.issueCode("The name may not be greater than 255 characters.")).toBe("TooLong")
    expect(ErrorBody.issueCode("The selected gender is invalid.")).toBe("InvalidValue")
  })
})
