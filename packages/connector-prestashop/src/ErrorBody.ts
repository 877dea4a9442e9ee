/**
 * PrestaShop webservice error bodies, and what they mean: a `ConnectorError` reason for a
 * failed request, or `RecordIssue`s for a record a write was refused for.
 *
 * PrestaShop answers every error with a body listing one or more errors, in the format the
 * request asked for:
 *
 * ```xml
 * <prestashop><errors><error><code><![CDATA[85]]></code>
 *   <message><![CDATA[Validation error: "Property Customer->email is not valid"]]></message>
 * </error></errors></prestashop>
 * ```
 *
 * or `{"errors":[{"code":85,"message":"..."}]}`. The status is not a reliable guide: field
 * validation answers 400 (codes 84, 85, 41), a duplicate email 500 (code 140, with 46 "Unable to
 * save resource"), and a validation PrestaShop meets inside the object's own save 500 too. So
 * the codes and messages decide:
 *
 * | status | codes (examples) | meaning |
 * |---|---|---|
 * | 401 | 16 no key, 17 empty key, 18 bad format, 20 key not active, 21 no permission, 26 resource not allowed | `Authentication` |
 * | 403 | 132 no permission on this shop | `Authorization` |
 * | 405 | 23, 25 method not allowed (for this key) | `Authorization` |
 * | 404 | 87 ids do not exist, 92 invalid id | `NotFound` |
 * | 400, 500 | 41 required, 84/85 validation, 86, 93, 123, 140/141 email used | a validation error: the record's `Rejected` issues ({@link recordIssues}), never retried |
 * | 429 | (from the host; PrestaShop has no rate limiter) | `RateLimited`, retryable |
 * | 503 | 22 the webservice is disabled | `Unknown`, not retryable |
 * | other 5xx | | `Unknown`, retryable |
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"
import { Result } from "effect"
import * as Xml from "./Xml.ts"

/**
 * An error body: its errors, in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorBody {
  readonly errors: ReadonlyArray<Xml.ErrorEntry>
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const text = (u: unknown): string => (typeof u === "string" ? u : typeof u === "number" ? String(u) : "")

/**
 * Reads a parsed JSON value as an error body (`{"errors": [...]}`); `undefined` when it is not one.
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromJson = (value: unknown): ErrorBody | undefined => {
  if (!isObject(value) || !Array.isArray(value.errors)) return undefined
  const errors = value.errors
    .filter(isObject)
    .map((e) => ({ code: text(e.code).trim(), message: text(e.message) }))
  return errors.length === 0 ? undefined : { errors }
}

/**
 * Reads a response body, XML or JSON, as an error body; `undefined` when it is neither.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (body: string): ErrorBody | undefined => {
  const trimmed = body.trimStart()
  if (trimmed.startsWith("{")) {
    try {
      return fromJson(JSON.parse(trimmed))
    } catch {
      return undefined
    }
  }
  if (!trimmed.startsWith("<")) return undefined
  const doc = Xml.parse(body)
  return Result.isSuccess(doc) && doc.success._tag === "Errors" && doc.success.errors.length > 0
    ? { errors: doc.success.errors }
    : undefined
}

/**
 * The codes of validation errors: the record is refused, nothing is wrong with the request.
 *
 * @since 0.1.0
 * @category constants
 */
export const validationCodes: ReadonlyArray<string> = ["41", "84", "85", "86", "93", "123", "140", "141"]

const validation = new Set(validationCodes)

/**
 * Whether an error body refuses a record (a validation error) rather than the request.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isValidation = (body: ErrorBody): boolean => body.errors.some((e) => validation.has(e.code))

/**
 * The reason an error status means, given the body.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reason = (status: number, body: ErrorBody | undefined): ConnectorError.Reason => {
  if (status === 401) return "Authentication"
  if (status === 403 || status === 405) return "Authorization"
  if (status === 404) return "NotFound"
  if (status === 408) return "Timeout"
  if (status === 409) return "Conflict"
  if (status === 429) return "RateLimited"
  if (body?.errors.some((e) => e.code === "87" || e.code === "92")) return "NotFound"
  return "Unknown"
}

/**
 * Whether trying again may succeed: 408, 429 and 5xx, except a validation error or a disabled
 * webservice (503, code 22).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (status: number, body: ErrorBody | undefined): boolean => {
  if (body !== undefined && (isValidation(body) || body.errors.some((e) => e.code === "22"))) return false
  return status === 408 || status === 429 || status >= 500
}

/**
 * The errors in one line: `Validation error: "..." (85); Unable to save resource (46)`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (body: ErrorBody): string =>
  body.errors.map((e) => (e.code === "" ? e.message : `${e.message} (${e.code})`)).join("; ")

/**
 * The connector's error-body mapper for `Http.make`: the reason from the status and codes, the
 * messages, the codes joined with commas as the error's `code` (`"140,46"`), and `retryable:
 * false` for what must not be tried again (else `Http` decides from the status and method).
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, body) => {
  const parsed = parse(body)
  return {
    reason: reason(status, parsed),
    message:
      parsed !== undefined
        ? describe(parsed)
        : body.trim() === ""
          ? "no body"
          : "a body that is not a PrestaShop error",
    code: parsed?.errors.map((e) => e.code).join(","),
    // only a "no": a 5xx after a POST may have been processed, and Http keeps such a POST from
    // being sent twice unless the mapper vouches for a retry
    retryable: isRetryable(status, parsed) ? undefined : false
  }
}

/**
 * Whether a failed request's error is a validation error (by the codes the mapper stored).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isValidationError = (error: ConnectorError.ConnectorError): boolean =>
  error.code?.split(",").some((c) => validation.has(c.trim())) === true

const property = /Property\s+\w+->(\w+)\s+(is not valid|is empty|is too long[^"]*|[^"]*)/
const requiredParameter = /parameter\s+"(\w+)"\s+required/i
const notWritable = /(?:parameter|Parameter)\s+"(\w+)"\s+(?:not writable|can't be set)/
const association = /association\s+"(\w+)"\s+does not exist/

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message: `PrestaShop refused the record: ${message}`
})

const issueOf = (entry: Xml.ErrorEntry, prefix: string): RecordIssue.RecordIssue | undefined => {
  const at = (field: string) => `${prefix}${field}`
  switch (entry.code) {
    case "140":
    case "141":
      return issue(at("email"), "AlreadyExists", entry.message)
    case "41": {
      const m = requiredParameter.exec(entry.message)
      return issue(m === null ? prefix.replace(/\.$/, "") : at(m[1]!), "Required", entry.message)
    }
    case "86": {
      const m = association.exec(entry.message)
      return issue(at(`associations${m === null ? "" : `.${m[1]}`}`), "InvalidField", entry.message)
    }
    case "93":
    case "123": {
      const m = notWritable.exec(entry.message)
      return issue(m === null ? prefix.replace(/\.$/, "") : at(m[1]!), "NotWritable", entry.message)
    }
    default: {
      // 84 and 85: Validation error: "Property Customer->email is not valid"
      const m = property.exec(entry.message)
      if (m === null) {
        return validation.has(entry.code)
          ? issue(prefix.replace(/\.$/, ""), "Rejected", entry.message)
          : undefined
      }
      const what = m[2] ?? ""
      const code = what.startsWith("is empty")
        ? "Required"
        : what.startsWith("is too long")
          ? "TooLong"
          : "InvalidField"
      return issue(at(m[1]!), code, entry.message)
    }
  }
}

/**
 * The issues of a record a write was refused for (`stage: "write"`), one per error that names
 * a problem with it: `Validation error: "Property Customer->email is not valid"` is
 * `InvalidField` at `email`, `... is empty` `Required`, `... is too long` `TooLong`, a
 * duplicate email `AlreadyExists` at `email`, and so on. `prefix` is put before each path
 * (`addresses.0.` for an address written with a customer). Errors that only follow another
 * (46 "Unable to save resource") add nothing; a body with no issue of its own gives one
 * `Rejected` issue with PrestaShop's words.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssues = (body: ErrorBody, prefix = ""): ReadonlyArray<RecordIssue.RecordIssue> => {
  const issues = body.errors.flatMap((e) => {
    const found = issueOf(e, prefix)
    return found === undefined ? [] : [found]
  })
  return issues.length > 0 ? issues : [issue(prefix.replace(/\.$/, ""), "Rejected", describe(body))]
}

/**
 * The issues of a record, from the `ConnectorError` a refused write failed with (its `code`
 * holds the codes, its message the messages, as {@link mapper} wrote them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const issuesOfError = (
  error: ConnectorError.ConnectorError,
  prefix = ""
): ReadonlyArray<RecordIssue.RecordIssue> => {
  const codes = (error.code ?? "").split(",").map((c) => c.trim())
  const said = error.message.replace(/^.*? answered \d{3}: /, "")
  const parts = said.split(/; (?=\S)/)
  const errors = codes.map((code, i) => ({
    code,
    message: (parts[i] ?? said).replace(new RegExp(`\\s*\\(${code}\\)$`), "")
  }))
  return recordIssues({ errors }, prefix)
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
  readonly retryAfter?: string | undefined
}): ConnectorError.ConnectorError => {
  const parsed = parse(options.body)
  const retryAfterMs = ConnectorError.parseRetryAfter(options.retryAfter)
  return new ConnectorError.ConnectorError({
    connector: "prestashop",
    reason: reason(options.status, parsed),
    message: `PrestaShop answered ${options.status}: ${parsed === undefined ? "a body that is not a PrestaShop error" : describe(parsed)}`,
    retryable: isRetryable(options.status, parsed),
    status: options.status,
    ...(parsed === undefined ? {} : { code: parsed.errors.map((e) => e.code).join(",") }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
}
