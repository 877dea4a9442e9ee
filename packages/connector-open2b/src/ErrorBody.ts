/**
 * Open2b's errors, and what they mean here.
 *
 * Application errors come with **HTTP 200**: `{"status": "error", "error": {"field": "…",
 * "type": "…", "description": "…"}}`, one error per answer. The seed's error tables name, per
 * method, the field and the type (`AlreadyExists`, `InvalidValue`, `Malformed`, `Missing`,
 * `NotFound`). An error about a field of the customer (or the `id` of an update) is that
 * record's: the write gives `Rejected` with an issue at the field's path in the record, its code
 * the Open2b type. Any other error (no field, a field of the request such as `limit`, an
 * `AccessDenied`) is a `ConnectorError`.
 *
 * Transport-level failures come with another status and a body that is not JSON:
 *
 * | status | when | reason |
 * |---|---|---|
 * | 403 | a missing or malformed `X-Key` (Open2b's answer to a bad key) | `Authentication` |
 * | 401 | (a proxy in front of the shop) | `Authentication` |
 * | 404 | an unknown method, or no API at the base URL | `NotFound` |
 * | 405 | a request that is not a POST | `Unknown` |
 * | 429 | more than 1000 calls in 5 minutes | `RateLimited`, retried after `Retry-After` |
 * | 5xx | | `Unknown`, retried |
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"

/**
 * An application error, as Open2b sends it with HTTP 200.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiError {
  /** The field at fault (`billingAddress.email`, `password`, `id`), when the error names one. */
  readonly field: string | undefined
  /** `AlreadyExists`, `InvalidValue`, `Malformed`, `Missing`, `NotFound`, `AccessDenied`, ... */
  readonly type: string
  readonly description: string
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Reads a parsed answer as an application error; `undefined` when it is not one
 * (`status` is not `"error"`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromJson = (value: unknown): ApiError | undefined => {
  if (!isObject(value) || value.status !== "error") return undefined
  const error = isObject(value.error) ? value.error : {}
  const field = typeof error.field === "string" && error.field.trim() !== "" ? error.field.trim() : undefined
  return {
    field,
    type: typeof error.type === "string" && error.type !== "" ? error.type : "Error",
    description: typeof error.description === "string" ? error.description.trim() : ""
  }
}

/**
 * Reads a response body as an application error; `undefined` when it is not JSON or not one.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): ApiError | undefined => {
  try {
    return fromJson(JSON.parse(text))
  } catch {
    return undefined
  }
}

/** The customer fields an error may name (paths of the record start with one of these). */
const recordFields = new Set([
  "code",
  "canLogin",
  "password",
  "creationTime",
  "loginTime",
  "group",
  "wishList",
  "cart",
  "invoiceRecipient",
  "billingAddress",
  "shippingAddress",
  "email"
])

/** Error types that describe a value, not the request or the caller. */
const valueTypes = new Set([
  "AlreadyExists",
  "InvalidValue",
  "Malformed",
  "Missing",
  "NotFound",
  "MissingCombination",
  "InvalidCombination",
  "UnknownField"
])

/**
 * The path in the record of a field an error names, or `undefined` when it is not a field of
 * the customer: `customer.` is dropped, `email` (the customer's email, which lives in the billing
 * address) is `billingAddress.email`, and the `id` of an update is `id`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const recordPath = (field: string | undefined): string | undefined => {
  if (field === undefined) return undefined
  const path = field.replace(/^customer\./, "")
  if (path === "id") return "id"
  if (path === "email") return "billingAddress.email"
  const head = path.split(".")[0] ?? ""
  return recordFields.has(head) ? path : undefined
}

/**
 * Whether an error is about one record (a field of the customer, or the id of an update),
 * rather than the request or the caller.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRecordError = (error: ApiError): boolean =>
  valueTypes.has(error.type) && recordPath(error.field) !== undefined

const said = (error: ApiError): string => {
  const where = error.field === undefined ? error.type : `${error.type} at ${error.field}`
  return error.description === "" ? where : `${error.description} (${where})`
}

/**
 * The issue of a record a write refused (`stage: "write"`): at the field's path in the record,
 * with Open2b's type as its code. `hide` are values never to repeat (a password sent in clear).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssue = (error: ApiError, hide: ReadonlyArray<string> = []): RecordIssue.RecordIssue => {
  let message = `Open2b refused the customer: ${said(error)}`
  for (const secret of hide) if (secret !== "") message = message.split(secret).join("<redacted>")
  return {
    severity: "error",
    stage: "write",
    path: recordPath(error.field) ?? "",
    code: error.type,
    message
  }
}

/**
 * The reason of an application error that is not about one record.
 *
 * @since 0.1.0
 * @category combinators
 */
export const apiReason = (error: ApiError): ConnectorError.Reason => {
  if (error.type === "AccessDenied") return "Authorization"
  if (error.type === "NotFound") return "NotFound"
  return "Unknown"
}

/**
 * A `ConnectorError` for an application error of a call (`commerce.customers.find`): the
 * reason from its type, never retryable, Open2b's type as the code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toConnectorError = (method: string, error: ApiError): ConnectorError.ConnectorError =>
  new ConnectorError.ConnectorError({
    connector: "open2b",
    reason: apiReason(error),
    message: `Open2b answered ${method} with an error: ${said(error)}`,
    retryable: false,
    status: 200,
    code: error.type
  })

/**
 * The reason of a transport-level failure, from its status: Open2b answers a missing or
 * malformed key with 403, so 403 is `Authentication` (an `AccessDenied` error, with HTTP 200, is
 * `Authorization`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const reason = (status: number): ConnectorError.Reason => {
  if (status === 401 || status === 403) return "Authentication"
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

const textOf = (body: string): string => {
  const plain = body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain
}

const meaning: Readonly<Record<number, string>> = {
  403: "the API key (X-Key) is missing or not valid",
  404: "no such API method at this URL (check baseUrl and apiVersion)",
  405: "the API takes only POST",
  429: "more than 1000 calls in 5 minutes"
}

/**
 * The connector's mapper of non-2xx answers for `Http.make`: the reason from the status, a
 * message from what the status means and the (plain-text) body.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, text) => {
  const api = parse(text)
  const body = api === undefined ? textOf(text) : said(api)
  const known = meaning[status]
  const message =
    known === undefined ? (body === "" ? "no body" : body) : body === "" ? known : `${known} (${body})`
  return {
    reason: reason(status),
    message,
    code: api?.type,
    retryable: isRetryable(status)
  }
}
