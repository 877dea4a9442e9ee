/**
 * WooCommerce error bodies, `{"code": "...", "message": "...", "data": {"status": 404}}`, and
 * what they mean: a `ConnectorError` reason for a failed request, or a `RecordIssue` for one
 * record of a write (a batch item, or a single create that the API refused).
 *
 * | status | code (examples) | reason |
 * |---|---|---|
 * | 401 | `woocommerce_rest_cannot_view`, `woocommerce_rest_authentication_error` | `Authentication` |
 * | 403 | `woocommerce_rest_cannot_view`, `_create`, `_edit`, `_delete`, `_batch` | `Authorization` |
 * | 404 | `woocommerce_rest_invalid_id`, `woocommerce_rest_term_invalid`, `rest_no_route` | `NotFound` |
 * | 409 | | `Conflict` |
 * | 429, 503 | (from the host or a WAF; core WooCommerce has no rate limiter) | `RateLimited`, retryable |
 * | other 5xx | | `Unknown`, retryable |
 * | 400 | `registration-error-email-exists`, `rest_invalid_param`, ... | `Unknown`; per batch item, a record issue ({@link recordIssues}) |
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"

/**
 * A WooCommerce (or WordPress core) REST error body.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorBody {
  readonly code: string
  readonly message: string
  readonly status: number | undefined
  /** `data.params` of `rest_invalid_param` / `rest_missing_callback_param`: the fields at fault. */
  readonly params: ReadonlyArray<{ readonly field: string; readonly message: string | undefined }>
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const entities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
  "#039": "'",
  nbsp: " ",
  hellip: "…",
  ndash: "–",
  mdash: "—"
}

/**
 * A message as people should read it: WooCommerce messages may carry HTML (`<a href="#"
 * class="showlogin">Please log in.</a>`) and entities.
 *
 * @since 0.1.0
 * @category formatting
 */
export const plainText = (message: string): string =>
  message
    .replace(/<[^>]*>/g, "")
    .replace(/&(#?\w+);/g, (all, name: string) => entities[name.toLowerCase()] ?? all)
    .replace(/\s+/g, " ")
    .trim()

const paramsOf = (data: Readonly<Record<string, unknown>>): ErrorBody["params"] => {
  const params = data.params
  if (Array.isArray(params)) {
    return params
      .filter((p): p is string => typeof p === "string")
      .map((field) => ({ field, message: undefined }))
  }
  if (isObject(params)) {
    return Object.entries(params).map(([field, message]) => ({
      field,
      message: typeof message === "string" ? plainText(message) : undefined
    }))
  }
  return []
}

/**
 * Reads a parsed JSON value as an error body; `undefined` when it is not one.
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromJson = (value: unknown): ErrorBody | undefined => {
  if (!isObject(value) || typeof value.code !== "string" || value.code === "") return undefined
  const data = isObject(value.data) ? value.data : {}
  const status = typeof data.status === "number" && Number.isInteger(data.status) ? data.status : undefined
  return {
    code: value.code,
    message: typeof value.message === "string" ? plainText(value.message) : "",
    status,
    params: paramsOf(data)
  }
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
 * The reason an error status means. WooCommerce's codes say no more than their statuses (a
 * `woocommerce_rest_cannot_view` is 401 before login and 403 after), so the status decides.
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
  if (status === 429 || status === 503) return "RateLimited"
  return "Unknown"
}

/**
 * Whether trying again may succeed: 408, 429 and every 5xx.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (status: number): boolean => status === 408 || status === 429 || status >= 500

const describe = (body: ErrorBody | undefined, text: string): string => {
  if (body !== undefined) return body.message === "" ? body.code : `${body.code}: ${body.message}`
  return text.trim() === "" ? "no body" : "a body that is not a WooCommerce error"
}

/**
 * The connector's error-body mapper for `Http.make`: the reason from the status,
 * the message and code from the body.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, text) => {
  const body = parse(text)
  return {
    reason: reason(status),
    message: describe(body, text),
    code: body?.code,
    retryable: isRetryable(status)
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
  readonly retryAfter?: string | undefined
}): ConnectorError.ConnectorError => {
  const body = parse(options.body)
  const retryAfterMs = ConnectorError.parseRetryAfter(options.retryAfter)
  return new ConnectorError.ConnectorError({
    connector: "woocommerce",
    reason: reason(options.status),
    message: `WooCommerce answered ${options.status}: ${describe(body, options.body)}`,
    retryable: isRetryable(options.status),
    status: options.status,
    ...(body === undefined ? {} : { code: body.code }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
}

const issueCodes: Readonly<Record<string, { readonly code: string; readonly path: string }>> = {
  "registration-error-email-exists": { code: "AlreadyExists", path: "email" },
  "registration-error-username-exists": { code: "AlreadyExists", path: "username" },
  woocommerce_rest_customer_exists: { code: "AlreadyExists", path: "id" },
  "registration-error-invalid-email": { code: "InvalidEmail", path: "email" },
  "registration-error-invalid-username": { code: "InvalidUsername", path: "username" },
  "registration-error-missing-password": { code: "Required", path: "password" },
  woocommerce_rest_invalid_id: { code: "NotFound", path: "id" },
  woocommerce_rest_trash_not_supported: { code: "NotSupported", path: "" },
  woocommerce_rest_cannot_create: { code: "Refused", path: "" },
  woocommerce_rest_cannot_edit: { code: "Refused", path: "" },
  woocommerce_rest_cannot_delete: { code: "Refused", path: "" }
}

/**
 * The issues of one record a write refused (`stage: "write"`): `registration-error-email-exists`
 * is `AlreadyExists` at `email`, `rest_invalid_param` one `InvalidField` per parameter, and so
 * on; an unknown code is `Rejected` with WooCommerce's own code in the message.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssues = (body: ErrorBody): ReadonlyArray<RecordIssue.RecordIssue> => {
  const said = body.message === "" ? body.code : `${body.message} (${body.code})`
  if (body.code === "rest_invalid_param" || body.code === "rest_missing_callback_param") {
    const code = body.code === "rest_invalid_param" ? "InvalidField" : "Required"
    if (body.params.length > 0) {
      return body.params.map((p) => ({
        severity: "error",
        stage: "write",
        path: p.field,
        code,
        message: `WooCommerce refused the record: ${p.message ?? said}`
      }))
    }
  }
  const known = issueCodes[body.code]
  return [
    {
      severity: "error",
      stage: "write",
      path: known?.path ?? "",
      code: known?.code ?? "Rejected",
      message: `WooCommerce refused the record: ${said}`
    }
  ]
}
