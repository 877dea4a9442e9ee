/**
 * Shopify's error bodies: HTTP errors, top-level GraphQL errors and `userErrors`, and the
 * config's checks.
 */
import { assert, describe, it } from "@effect/vitest"
import type { ConnectorError } from "@mapwright/core"
import { Redacted } from "effect"
import * as Config from "../src/Config.ts"
import * as ErrorBody from "../src/ErrorBody.ts"
import { connector } from "../src/index.ts"

describe("HTTP errors", () => {
  it("the status gives the reason; the body's errors the message", () => {
    const cases: ReadonlyArray<readonly [number, string, ConnectorError.Reason, string, boolean]> = [
      [
        401,
        '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}',
        "Authentication",
        "[API] Invalid API key or access token (unrecognized login or wrong password)",
        false
      ],
      [402, '{"errors":"Unavailable Shop"}', "Authorization", "Unavailable Shop", false],
      [
        403,
        '{"errors":"[API] This action requires merchant approval for read_customers scope."}',
        "Authorization",
        "[API] This action requires merchant approval for read_customers scope.",
        false
      ],
      [404, '{"errors":"Not Found"}', "NotFound", "Not Found", false],
      [
        422,
        '{"errors":{"email":["has already been taken"],"phone":["is invalid"]}}',
        "Unknown",
        "email has already been taken; phone is invalid",
        false
      ],
      [423, '{"errors":"Locked"}', "Authorization", "Locked", false],
      [
        429,
        '{"errors":"Exceeded 2 calls per second for api client."}',
        "RateLimited",
        "Exceeded 2 calls per second for api client.",
        true
      ],
      [503, "", "Unknown", "no body", true],
      [500, "<html>oops</html>", "Unknown", "a body that is not a Shopify error", true]
    ]
    for (const [status, body, reason, message, retryable] of cases) {
      assert.deepStrictEqual(
        ErrorBody.mapper(status, body, {}),
        { reason, message, retryable },
        `${status} ${body}`
      )
    }
  })
})

describe("GraphQL errors", () => {
  it("THROTTLED is retryable after the wait the cost gives", () => {
    const error = ErrorBody.fromGraphQL(
      {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
        extensions: {
          cost: {
            requestedQueryCost: 702,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 152, restoreRate: 100 }
          }
        }
      },
      "customers page"
    )
    assert.strictEqual(error?.reason, "RateLimited")
    assert.isTrue(error?.retryable)
    assert.strictEqual(error?.retryAfterMs, 5500)
    assert.strictEqual(
      error?.message,
      "customers page: Shopify throttled the query (cost 702, 152 of 2000 points available, 100 restored a second)"
    )
  })

  it("ACCESS_DENIED is Authorization; a refused query is not retryable and says why", () => {
    const denied = ErrorBody.fromGraphQL(
      { errors: [{ message: "Access denied for customers field.", extensions: { code: "ACCESS_DENIED" } }] },
      "customers page"
    )
    assert.strictEqual(denied?.reason, "Authorization")
    assert.isFalse(denied?.retryable)
    const invalid = ErrorBody.fromGraphQL(
      {
        errors: [
          {
            message: "Field 'emial' doesn't exist on type 'Customer'",
            extensions: { code: "undefinedField" }
          },
          { message: "Variable $x is declared by Q but not used" }
        ]
      },
      "customers page"
    )
    assert.strictEqual(
      invalid?.message,
      "customers page: Shopify answered with 2 errors: Field 'emial' doesn't exist on type 'Customer'; Variable $x is declared by Q but not used (undefinedField)"
    )
    assert.strictEqual(
      ErrorBody.fromGraphQL(
        { errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
        "x"
      )?.retryable,
      true
    )
    assert.isUndefined(ErrorBody.fromGraphQL({ data: { customers: null } }, "x"))
  })
})

describe("userErrors", () => {
  it("each error is a write issue at the record's field, its code from Shopify's code or message", () => {
    const errors = ErrorBody.userErrors([
      { field: ["email"], message: "Email has already been taken" },
      { field: ["input", "phone"], message: "Phone is invalid", code: "INVALID" },
      { field: ["input", "addresses", "1", "zip"], message: "Zip can't be blank" },
      { field: null, message: "Customer must have a name, phone number or email address" },
      "not an error"
    ])
    const translate = (path: ReadonlyArray<string>) =>
      path[0] === "phone" ? "defaultPhoneNumber.phoneNumber" : path.join(".")
    assert.deepStrictEqual(
      ErrorBody.userErrorIssues(errors, translate).map((i) => [
        i.stage,
        i.severity,
        i.path,
        i.code,
        i.message
      ]),
      [
        [
          "write",
          "error",
          "email",
          "AlreadyExists",
          "Shopify refused the record: Email has already been taken"
        ],
        [
          "write",
          "error",
          "defaultPhoneNumber.phoneNumber",
          "InvalidValue",
          "Shopify refused the record: Phone is invalid (INVALID)"
        ],
        ["write", "error", "addresses.1.zip", "Required", "Shopify refused the record: Zip can't be blank"],
        [
          "write",
          "error",
          "",
          "Rejected",
          "Shopify refused the record: Customer must have a name, phone number or email address"
        ]
      ]
    )
  })
})

describe("config", () => {
  it("API versions: quarterly, 2025-04 or later", () => {
    assert.deepStrictEqual(
      ["2025-04", "2025-07", "2026-01", "2025-01", "2025-05", "2025-4", "unstable", "latest"].map(
        Config.isApiVersion
      ),
      [true, true, true, false, false, false, false, false]
    )
  })

  it("every bad field is reported at once, and the token never quoted", () => {
    const issues = connector.validateConfig({
      shop: "https://example.myshopify.com?x=1",
      accessToken: 12345,
      apiVersion: "2024-10",
      pageSize: 0
    })
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), [
      "accessToken",
      "apiVersion",
      "pageSize",
      "shop"
    ])
    assert.isFalse(issues.some((i) => i.message.includes("12345")))
    assert.deepStrictEqual(
      connector.validateConfig({ shop: "https://example.myshopify.com", accessToken: "shpat_x" }),
      []
    )
  })

  it("the defaults: API version 2025-04, 50 a page", () => {
    const resolved = Config.resolve({
      shop: "https://example.myshopify.com/",
      accessToken: Redacted.make("shpat_x")
    })
    assert.strictEqual(resolved.apiRoot, "https://example.myshopify.com/admin/api/2025-04")
    assert.strictEqual(resolved.pageSize, 50)
  })
})
