/**
 * Magento 2 error bodies, `{"message": "...%1...", "parameters": [...] | {name: value},
 * "errors"?: [...], "trace"?: ...}` (OpenAPI `error-response`), and what they mean: the message
 * with its parameters put in, a `ConnectorError` reason for a failed request, and the
 * `RecordIssue`s of a record a write refused.
 *
 * Parameters come as a list (`%1`, `%2`, ... are its items, 1-based) or as an object
 * (`%fieldName`, `%fieldValue` are its keys). An `InputException` that gathers several
 * problems answers `"One or more input exceptions have occurred."` with each one in `errors`.
 *
 * | status | example message | reason |
 * |---|---|---|
 * | 400 | `"%fieldName" is required. Enter and try again.`, `A customer with the same email address already exists in an associated website.` | `Unknown`; for a write, the record's issues ({@link recordIssues}) |
 * | 401 | `The consumer isn't authorized to access %resources.` | `Authentication` |
 * | 403 | | `Authorization` |
 * | 404 | `No such entity with %fieldName = %fieldValue`, `Request does not match any route.` | `NotFound` |
 * | 429 | `Too Many Requests` (2.4.7+ limiter, or the host) | `RateLimited`, retryable |
 * | 5xx | `Internal Error. Details are available in Magento log file. Report ID: ...` | `Unknown`, retryable |
 *
 * @since 0.1.0
 */
import { ConnectorError, type Http, type RecordIssue } from "@mapwright/core"

/**
 * A Magento error body.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorBody {
  /** The message as sent, with its placeholders. */
  readonly message: string
  readonly parameters: ReadonlyArray<unknown> | Readonly<Record<string, unknown>> | undefined
  /** The problems an `InputException` gathered, each a body of its own. */
  readonly errors: ReadonlyArray<ErrorBody>
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const parametersOf = (u: unknown): ErrorBody["parameters"] =>
  Array.isArray(u) ? u : isObject(u) ? u : undefined

/**
 * Reads a parsed JSON value as an error body; `undefined` when it is not one (no string
 * `message`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromJson = (value: unknown): ErrorBody | undefined => {
  if (!isObject(value) || typeof value.message !== "string") return undefined
  const errors = Array.isArray(value.errors)
    ? value.errors.flatMap((e) => {
        const body = fromJson(e)
        return body === undefined ? [] : [body]
      })
    : []
  return { message: value.message, parameters: parametersOf(value.parameters), errors }
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

const show = (value: unknown): string =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean" || typeof value === "bigint"
      ? String(value)
      : value === null || value === undefined
        ? ""
        : JSON.stringify(value)

/**
 * A message with its parameters put in: `%1`, `%2`, ... from a list (1-based), `%name` from an
 * object (the longest name that fits wins, so `%field2Name` is not read as `%field`). A
 * placeholder without a value stays as written.
 *
 * @since 0.1.0
 * @category formatting
 */
export const substitute = (message: string, parameters: ErrorBody["parameters"]): string => {
  if (parameters === undefined) return message
  if (Array.isArray(parameters)) {
    return message.replace(/%(\d+)/g, (all, n: string) => {
      const index = Number(n) - 1
      return index >= 0 && index < parameters.length ? show(parameters[index]) : all
    })
  }
  const named = parameters as Readonly<Record<string, unknown>>
  const names = Object.keys(named).sort((a, b) => b.length - a.length)
  if (names.length === 0) return message
  const pattern = new RegExp(
    `%(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
    "g"
  )
  return message.replace(pattern, (_all, name: string) => show(named[name]))
}

/**
 * The body's message for people: its own, substituted, followed by those of its `errors`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const text = (body: ErrorBody): string => {
  const own = substitute(body.message, body.parameters)
  if (body.errors.length === 0) return own
  return `${own} ${body.errors.map((e) => substitute(e.message, e.parameters)).join(" ")}`
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

const describe = (body: ErrorBody | undefined, raw: string): string => {
  if (body !== undefined) return text(body)
  return raw.trim() === "" ? "no body" : "a body that is not a Magento error"
}

/**
 * The connector's error-body mapper for `Http.make`: the reason from the status, the message
 * from the body with its parameters put in.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, raw) => ({
  reason: reason(status),
  message: describe(parse(raw), raw),
  retryable: isRetryable(status)
})

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
  const retryAfterMs = ConnectorError.parseRetryAfter(options.retryAfter)
  return new ConnectorError.ConnectorError({
    connector: "magento",
    reason: reason(options.status),
    message: `Magento answered ${options.status}: ${describe(parse(options.body), options.body)}`,
    retryable: isRetryable(options.status),
    status: options.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
}

/** Magento's field names (data-interface camelCase, or snake_case) → the record's paths. */
const fieldPaths: Readonly<Record<string, string>> = {
  email: "email",
  firstname: "firstname",
  lastname: "lastname",
  middlename: "middlename",
  dob: "dob",
  gender: "gender",
  taxvat: "taxvat",
  password: "password",
  customer: "",
  customerid: "id",
  id: "id",
  groupid: "group_id",
  websiteid: "website_id",
  storeid: "store_id",
  street: "addresses.street",
  city: "addresses.city",
  countryid: "addresses.country_id",
  postcode: "addresses.postcode",
  telephone: "addresses.telephone",
  region: "addresses.region",
  regionid: "addresses.region_id",
  addressid: "addresses.id",
  code: "code",
  taxclassid: "tax_class_id"
}

/** The labels of the `"%1" is ...` messages of attribute validation → the record's paths. */
const labelPaths: Readonly<Record<string, string>> = {
  email: "email",
  "first name": "firstname",
  "last name": "lastname",
  "middle name/initial": "middlename",
  "date of birth": "dob",
  gender: "gender",
  "tax/vat number": "taxvat"
}

const pathOfField = (name: unknown): string | undefined => {
  if (typeof name !== "string") return undefined
  const key = name.replace(/_/g, "").toLowerCase()
  return fieldPaths[key]
}

const codeOf = (message: string): string => {
  if (message.includes("is required") || message.includes("is a required value")) return "Required"
  if (message.includes("is not a valid email address")) return "InvalidEmail"
  if (message.includes("same email address already exists")) return "AlreadyExists"
  if (message.includes("already exists")) return "AlreadyExists"
  if (message.startsWith("No such entity")) return "NotFound"
  if (message.startsWith("Invalid value of")) return "InvalidValue"
  if (/password/i.test(message)) return "InvalidPassword"
  if (message.includes("cannot contain more than")) return "TooManyLines"
  return "Rejected"
}

const pathOf = (body: ErrorBody): string => {
  const params = body.parameters
  if (body.message.includes("same email address already exists")) return "email"
  if (/password/i.test(body.message)) return "password"
  if (body.message.startsWith("Street Address")) return "addresses.street"
  if (params !== undefined && !Array.isArray(params)) {
    const named = params as Readonly<Record<string, unknown>>
    return pathOfField(named.fieldName) ?? ""
  }
  if (Array.isArray(params) && typeof params[0] === "string" && body.message.startsWith('"%1"')) {
    return labelPaths[params[0].trim().toLowerCase()] ?? ""
  }
  return ""
}

const issueOf = (body: ErrorBody): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path: pathOf(body),
  code: codeOf(body.message),
  message: `Magento refused the record: ${substitute(body.message, body.parameters)}`
})

/**
 * The issues of one record a write refused (`stage: "write"`): one per problem of an
 * `InputException` (its `errors`), else one for the body. The path comes from the body's
 * `fieldName` parameter, the attribute label of a `"%1" is ...` message, or the message
 * itself (a duplicate email is `AlreadyExists` at `email`); the code from the message
 * (`Required`, `InvalidEmail`, `AlreadyExists`, `NotFound`, `InvalidValue`, `InvalidPassword`,
 * else `Rejected`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssues = (body: ErrorBody): ReadonlyArray<RecordIssue.RecordIssue> =>
  body.errors.length > 0 ? body.errors.map(issueOf) : [issueOf(body)]
