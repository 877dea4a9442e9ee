/**
 * What Shopify's errors mean. There are three kinds:
 *
 * 1. HTTP errors, with a REST-style body `{"errors": "..."}` (or `{"errors": {"field": [...]}}`):
 *
 * | status | body (example) | reason |
 * |---|---|---|
 * | 401 | `[API] Invalid API key or access token (unrecognized login or wrong password)` | `Authentication` |
 * | 402 | `Unavailable Shop` (a frozen shop) | `Authorization` |
 * | 403 | `[API] This action requires merchant approval for read_customers scope.` | `Authorization` |
 * | 404 | `Not Found` (a wrong shop or path) | `NotFound` |
 * | 423 | `Locked` (a locked shop) | `Authorization` |
 * | 429 | `Exceeded 2 calls per second for api client...` | `RateLimited`, retryable (`Retry-After`) |
 * | 5xx | `Internal Server Error`, `Service Unavailable` | `Unknown`, retryable |
 *
 * 2. Top-level GraphQL errors, with HTTP 200 (`{"errors": [{"message", "extensions": {"code"}}]}`):
 *    `THROTTLED` is `RateLimited`, retryable after the wait the cost extension gives (see `Cost`);
 *    `ACCESS_DENIED` is `Authorization`; `INTERNAL_SERVER_ERROR` is `Unknown`, retryable;
 *    `MAX_COST_EXCEEDED`, a query Shopify refuses (`undefinedField`, a bad variable, ...) and any
 *    other is `Unknown`, not retryable. See {@link fromGraphQL}.
 *
 * 3. `userErrors { field message code }` of a mutation, with HTTP 200: one record refused, a
 *    `RecordIssue` of the write stage per error, at the field Shopify names. See
 *    {@link userErrorIssues}.
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"
import * as Cost from "./Cost.ts"

const connector = "shopify"

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}...` : s)

/**
 * The message of a REST-style error body: its `errors` string, its field errors joined
 * (`email has already been taken`), or the messages of a GraphQL `errors` list; `undefined`
 * when the text is not such a body.
 *
 * @since 0.1.0
 * @category parsing
 */
export const restMessage = (text: string): string | undefined => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(value)) return undefined
  const errors = value.errors ?? value.error
  if (typeof errors === "string") return clip(errors)
  if (Array.isArray(errors)) {
    const messages = errors.flatMap((e) =>
      isObject(e) && typeof e.message === "string" ? [e.message] : typeof e === "string" ? [e] : []
    )
    return messages.length === 0 ? undefined : clip(messages.join("; "))
  }
  if (isObject(errors)) {
    const parts = Object.entries(errors).map(([field, messages]) =>
      Array.isArray(messages)
        ? `${field} ${messages.filter((m) => typeof m === "string").join(", ")}`
        : `${field} ${String(messages)}`
    )
    return parts.length === 0 ? undefined : clip(parts.join("; "))
  }
  return undefined
}

/**
 * The reason an HTTP error status means.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reason = (status: number): ConnectorError.Reason => {
  if (status === 401) return "Authentication"
  if (status === 402 || status === 403 || status === 423) return "Authorization"
  if (status === 404) return "NotFound"
  if (status === 408) return "Timeout"
  if (status === 409) return "Conflict"
  if (status === 429) return "RateLimited"
  return "Unknown"
}

/**
 * Whether trying again may succeed: 408, 429 and every 5xx.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (status: number): boolean => status === 408 || status === 429 || status >= 500

/**
 * The connector's error-body mapper for `Http.make`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, text) => {
  const message = restMessage(text)
  return {
    reason: reason(status),
    message: message ?? (text.trim() === "" ? "no body" : "a body that is not a Shopify error"),
    retryable: isRetryable(status)
  }
}

/**
 * A top-level GraphQL error, as Shopify sends it.
 *
 * @since 0.1.0
 * @category models
 */
export interface GraphQLError {
  readonly message: string
  readonly code: string | undefined
  readonly path: ReadonlyArray<string | number> | undefined
  /** The problems of an `INVALID_VARIABLE` error: where in the variable, and why. */
  readonly problems: ReadonlyArray<{
    readonly path: ReadonlyArray<string | number>
    readonly explanation: string
  }>
}

/**
 * The top-level `errors` of a parsed GraphQL response (empty when there are none).
 *
 * @since 0.1.0
 * @category parsing
 */
export const graphQLErrors = (body: unknown): ReadonlyArray<GraphQLError> => {
  if (!isObject(body) || !Array.isArray(body.errors)) return []
  return body.errors.map((e): GraphQLError => {
    const ext = isObject(e) && isObject(e.extensions) ? e.extensions : {}
    const problems = Array.isArray(ext.problems)
      ? ext.problems.flatMap((p) =>
          isObject(p) && Array.isArray(p.path) && typeof p.explanation === "string"
            ? [
                {
                  path: p.path.filter(
                    (s): s is string | number => typeof s === "string" || typeof s === "number"
                  ),
                  explanation: p.explanation
                }
              ]
            : []
        )
      : []
    return {
      message: isObject(e) && typeof e.message === "string" ? e.message : "an error without a message",
      code: typeof ext.code === "string" ? ext.code : undefined,
      path:
        isObject(e) && Array.isArray(e.path)
          ? e.path.filter((s): s is string | number => typeof s === "string" || typeof s === "number")
          : undefined,
      problems
    }
  })
}

const graphQLReason = (code: string | undefined): ConnectorError.Reason => {
  if (code === "THROTTLED") return "RateLimited"
  if (code === "ACCESS_DENIED") return "Authorization"
  return "Unknown"
}

/**
 * The `ConnectorError` of a GraphQL response that carries top-level errors, or `undefined`
 * when it carries none. `THROTTLED` is retryable after the wait its cost extension gives
 * (`retryAfterMs`); `INTERNAL_SERVER_ERROR` is retryable; the others are not.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromGraphQL = (body: unknown, what: string): ConnectorError.ConnectorError | undefined => {
  const errors = graphQLErrors(body)
  if (errors.length === 0) return undefined
  const throttled = errors.find((e) => e.code === "THROTTLED")
  if (throttled !== undefined) {
    const cost = Cost.fromResponse(body)
    const wait = cost === undefined ? undefined : Cost.waitMillis(cost)
    if (cost !== undefined && cost.requestedQueryCost > cost.throttleStatus.maximumAvailable) {
      return new ConnectorError.ConnectorError({
        connector,
        reason: "RateLimited",
        message: `${what}: the query costs ${cost.requestedQueryCost} points, more than the ${cost.throttleStatus.maximumAvailable} the bucket holds; a smaller pageSize in the connector config lowers the cost`,
        retryable: false,
        code: "THROTTLED"
      })
    }
    return new ConnectorError.ConnectorError({
      connector,
      reason: "RateLimited",
      message:
        cost === undefined
          ? `${what}: Shopify throttled the query`
          : `${what}: Shopify throttled the query (cost ${cost.requestedQueryCost}, ${cost.throttleStatus.currentlyAvailable} of ${cost.throttleStatus.maximumAvailable} points available, ${cost.throttleStatus.restoreRate} restored a second)`,
      retryable: true,
      code: "THROTTLED",
      ...(wait === undefined ? {} : { retryAfterMs: wait })
    })
  }
  const first = errors[0]!
  const codes = [...new Set(errors.flatMap((e) => (e.code === undefined ? [] : [e.code])))]
  const hint =
    first.code === "MAX_COST_EXCEEDED" ? " (a smaller pageSize in the connector config lowers the cost)" : ""
  return new ConnectorError.ConnectorError({
    connector,
    reason: graphQLReason(first.code),
    message: clip(
      `${what}: Shopify answered with ${errors.length === 1 ? "an error" : `${errors.length} errors`}: ${errors
        .map((e) => e.message)
        .join("; ")}${codes.length > 0 ? ` (${codes.join(", ")})` : ""}${hint}`,
      600
    ),
    retryable: first.code === "INTERNAL_SERVER_ERROR",
    ...(first.code === undefined ? {} : { code: first.code })
  })
}

/**
 * One entry of a mutation's `userErrors`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserError {
  readonly field: ReadonlyArray<string> | null
  readonly message: string
  readonly code: string | undefined
}

/**
 * Reads a `userErrors` list (entries that are not objects are skipped).
 *
 * @since 0.1.0
 * @category parsing
 */
export const userErrors = (value: unknown): ReadonlyArray<UserError> =>
  Array.isArray(value)
    ? value.flatMap((e) =>
        isObject(e)
          ? [
              {
                field: Array.isArray(e.field) ? e.field.map(String) : null,
                message: typeof e.message === "string" ? e.message : "no message",
                code: typeof e.code === "string" ? e.code : undefined
              }
            ]
          : []
      )
    : []

const codes: Readonly<Record<string, string>> = {
  TAKEN: "AlreadyExists",
  INVALID: "InvalidValue",
  BLANK: "Required",
  PRESENT: "NotAllowed",
  TOO_LONG: "TooLong",
  TOO_SHORT: "TooShort",
  NOT_FOUND: "NotFound",
  CUSTOMER_DOES_NOT_EXIST: "NotFound",
  INCLUSION: "InvalidValue"
}

/**
 * The issue code of a user error: from its `code` when it has one (`TAKEN` is
 * `AlreadyExists`, `INVALID` is `InvalidValue`, `BLANK` is `Required`, ...), else from its
 * message (`customerCreate`'s `UserError` has no code): "has already been taken",
 * "is invalid", "can't be blank", "does not exist"; else `Rejected`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const issueCode = (error: UserError): string => {
  if (error.code !== undefined && codes[error.code] !== undefined) return codes[error.code]!
  const m = error.message.toLowerCase()
  if (m.includes("already been taken")) return "AlreadyExists"
  if (m.includes("can't be blank") || m.includes("can’t be blank") || m.includes("must be present"))
    return "Required"
  if (m.includes("does not exist") || m.includes("not found")) return "NotFound"
  if (m.includes("is invalid") || m.includes("is not valid") || m.includes("invalid")) return "InvalidValue"
  return "Rejected"
}

/**
 * The path of a user error's field in the record the connector wrote: Shopify names the
 * input's fields (`["input", "addresses", "0", "zip"]`); `translate` turns the input path
 * (without its leading `input`) into the record's (the default joins it with dots).
 *
 * @since 0.1.0
 * @category combinators
 */
export const fieldPath = (
  field: ReadonlyArray<string> | null,
  translate: (path: ReadonlyArray<string>) => string = (p) => p.join(".")
): string => {
  if (field === null || field.length === 0) return ""
  const path = field[0] === "input" || field[0] === "identifier" ? field.slice(1) : field
  return path.length === 0 ? "" : translate(path)
}

/**
 * The issues of one record a mutation refused: one `write` issue per user error, at its
 * field, with Shopify's message and code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const userErrorIssues = (
  errors: ReadonlyArray<UserError>,
  translate?: (path: ReadonlyArray<string>) => string
): ReadonlyArray<RecordIssue.RecordIssue> =>
  errors.map((e) => ({
    severity: "error",
    stage: "write",
    path: fieldPath(e.field, translate),
    code: issueCode(e),
    message: clip(`Shopify refused the record: ${e.message}${e.code === undefined ? "" : ` (${e.code})`}`)
  }))
