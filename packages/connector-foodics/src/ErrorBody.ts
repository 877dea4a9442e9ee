/**
 * Foodics error bodies and what they mean. The seed documents no error body; Foodics' API is a
 * Laravel application and its answers are read as Laravel writes them (third-party knowledge,
 * unverified against developers.foodics.com):
 *
 * ```json
 * {"message": "The given data was invalid.", "errors": {"email": ["The email must be a valid email address."]}}
 * ```
 *
 * | status | body | reason |
 * |---|---|---|
 * | 401 | `{"message": "Unauthenticated."}` | `Authentication` |
 * | 403 | `{"message": "This action is unauthorized."}` (a token without the scope) | `Authorization` |
 * | 404 | `{"message": "..."}` | `NotFound`; on a write, the record's `Rejected` with `NotFound` at `id` |
 * | 422 | `{"message", "errors": {field: [messages]}}` | on a write, the record's `Rejected`, one issue per message at its field ({@link recordIssues}) |
 * | 429 | `{"message": "Too Many Attempts."}` with `Retry-After`, `X-RateLimit-Limit`, `X-RateLimit-Remaining` | `RateLimited`, retryable |
 * | 5xx | | `Unknown`, retryable |
 *
 * An OAuth error (`{"error": "invalid_token", "error_description": "..."}`) is read too.
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"

/**
 * A field Foodics refused, with its messages (`tags.0.id`: `["The selected tags.0.id is invalid."]`).
 *
 * @since 0.1.0
 * @category models
 */
export interface FieldErrors {
  readonly field: string
  readonly messages: ReadonlyArray<string>
}

/**
 * A Foodics error body: its message and, for a validation error, the fields at fault.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorBody {
  readonly message: string
  readonly errors: ReadonlyArray<FieldErrors>
  /** The OAuth error code (`invalid_token`), when the body is an OAuth error. */
  readonly code: string | undefined
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const clean = (s: string): string => s.replace(/\s+/g, " ").trim()

const errorsOf = (value: unknown): ReadonlyArray<FieldErrors> => {
  if (!isObject(value)) return []
  return Object.entries(value).map(([field, messages]) => ({
    field,
    messages: Array.isArray(messages)
      ? messages.filter((m): m is string => typeof m === "string").map(clean)
      : typeof messages === "string"
        ? [clean(messages)]
        : []
  }))
}

/**
 * Reads a parsed JSON value as an error body; `undefined` when it is not one (no `message`,
 * `errors` or OAuth `error`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromJson = (value: unknown): ErrorBody | undefined => {
  if (!isObject(value)) return undefined
  const errors = errorsOf(value.errors)
  const oauth = typeof value.error === "string" && value.error !== "" ? value.error : undefined
  const message =
    typeof value.message === "string"
      ? clean(value.message)
      : typeof value.error_description === "string"
        ? clean(value.error_description)
        : ""
  if (message === "" && errors.length === 0 && oauth === undefined) return undefined
  return { message, errors, code: oauth }
}

/**
 * Reads a response body as an error body; `undefined` when it is not JSON or not one.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): ErrorBody | undefined => {
  try {
    return fromJson(JSON.parse(text))
  } catch {
    return undefined
  }
}

/**
 * The reason an error status means.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reason = (status: number): ConnectorError.Reason => {
  if (status === 401) return "Authentication"
  if (status === 403) return "Authorization"
  if (status === 404 || status === 410) return "NotFound"
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

const intHeader = (value: string | undefined): number | undefined =>
  value !== undefined && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : undefined

/**
 * What the rate-limit headers of an answer say (`X-RateLimit-Limit`, `X-RateLimit-Remaining`,
 * `Retry-After`), as a short text: `limit 60, 0 remaining, retry after 12 s`; `""` when the
 * answer has none.
 *
 * @since 0.1.0
 * @category formatting
 */
export const rateLimitText = (headers: Readonly<Record<string, string>>): string => {
  const limit = intHeader(headers["x-ratelimit-limit"])
  const remaining = intHeader(headers["x-ratelimit-remaining"])
  const retryAfter = ConnectorError.parseRetryAfter(headers["retry-after"])
  const parts = [
    ...(limit === undefined ? [] : [`limit ${limit}`]),
    ...(remaining === undefined ? [] : [`${remaining} remaining`]),
    ...(retryAfter === undefined ? [] : [`retry after ${Math.ceil(retryAfter / 1000)} s`])
  ]
  return parts.join(", ")
}

const summary = (body: ErrorBody): string => {
  const fields = body.errors.map((e) => `${e.field}: ${e.messages.join(" ")}`.trim())
  const head = body.message !== "" ? body.message : (body.code ?? "")
  return fields.length === 0 ? head : `${head}${head === "" ? "" : " "}(${fields.join("; ")})`
}

const describe = (body: ErrorBody | undefined, text: string): string => {
  if (body !== undefined) return summary(body)
  return text.trim() === "" ? "no body" : "a body that is not a Foodics error"
}

/**
 * The connector's error-body mapper for `Http.make`: the reason from the status, the message
 * from the body (with the fields of a validation error and what the rate-limit headers say).
 * It leaves `retryable` to `Http` (408, 429 and 5xx), which then retries a failed `POST` only
 * when it cannot have created anything (a 429): a mapper that says `retryable` would have a
 * create retried after a 5xx that may have created the customer.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, text, headers) => {
  const body = parse(text)
  const limits = status === 429 ? rateLimitText(headers) : ""
  const said = describe(body, text)
  return {
    reason: reason(status),
    message: limits === "" ? said : `${said} (${limits})`,
    code: body?.code
  }
}

/**
 * A `ConnectorError` for an error response: what {@link mapper} gives `Http`, as an error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toConnectorError = (options: {
  readonly status: number
  readonly body: string
  readonly headers?: Readonly<Record<string, string>> | undefined
}): ConnectorError.ConnectorError => {
  const headers = options.headers ?? {}
  const info = mapper(options.status, options.body, headers)
  const retryAfterMs = ConnectorError.parseRetryAfter(headers["retry-after"])
  return new ConnectorError.ConnectorError({
    connector: "foodics",
    reason: info?.reason ?? reason(options.status),
    message: `Foodics answered ${options.status}: ${info?.message ?? ""}`,
    retryable: isRetryable(options.status),
    status: options.status,
    ...(info?.code === undefined ? {} : { code: info.code }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
}

/**
 * The issue code a Laravel validation message means: `Required`, `AlreadyExists`,
 * `InvalidEmail`, `InvalidDate`, `TooLong`, else `InvalidValue`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const issueCode = (message: string): string => {
  const m = message.toLowerCase()
  if (/\bfield is required\b|\bis required\b/.test(m)) return "Required"
  if (m.includes("has already been taken")) return "AlreadyExists"
  if (m.includes("valid email")) return "InvalidEmail"
  if (m.includes("valid date") || m.includes("does not match the format")) return "InvalidDate"
  if (/may not be greater than \d+ characters|must not be greater than \d+ characters/.test(m))
    return "TooLong"
  return "InvalidValue"
}

/**
 * The issues of one record a write refused (`stage: "write"`): one per message of each field
 * of a validation error, at that field (Laravel's dotted paths, `tags.0.id`, are the record's
 * paths); a body without fields gives one `Rejected` issue for the whole record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssues = (
  body: ErrorBody | undefined,
  status: number
): ReadonlyArray<RecordIssue.RecordIssue> => {
  const fields = body?.errors.filter((e) => e.messages.length > 0) ?? []
  if (fields.length > 0) {
    return fields.flatMap((e) =>
      e.messages.map(
        (message): RecordIssue.RecordIssue => ({
          severity: "error",
          stage: "write",
          path: e.field,
          code: issueCode(message),
          message: `Foodics refused the record: ${message}`
        })
      )
    )
  }
  const said = body === undefined || summary(body) === "" ? `HTTP ${status}` : summary(body)
  return [
    {
      severity: "error",
      stage: "write",
      path: status === 404 ? "id" : "",
      code: status === 404 ? "NotFound" : "Rejected",
      message: `Foodics refused the record: ${said}`
    }
  ]
}
