/**
 * The API's error bodies (`<ResultSet><Error><Code>...</Code><Message>...</Message></Error>
 * </ResultSet>` with the HTTP status) and what they mean: a `ConnectorError` reason for a
 * failed request, or `RecordIssue`s for one record of a write.
 *
 * | status | `Code` | reason | retried |
 * |---|---|---|---|
 * | 400 | `InvalidRequest` (bad XML, bad resource specification, bad paging parameter) | `Unknown` | no |
 * | 401 | `Unauthorized` (key missing or wrong) | `Authentication` | no |
 * | 403 | `Forbidden` (the key may not do this) | `Authorization` | no |
 * | 404 | `NotFound` (no such resource or record) | `NotFound` | no |
 * | 409 | `Conflict` | `Conflict` | no |
 * | 429 | `RateLimited`, with `Retry-After` (seconds) | `RateLimited` | yes, after `Retry-After` |
 * | 5xx | `InternalError`, `Unavailable`, or no body at all | `Unknown` | yes |
 *
 * A known `Code` decides the reason even when the status says otherwise (a proxy's 400 carrying
 * `Unauthorized` is still an auth problem); an unknown code falls back to the status. A body
 * that is not a `<ResultSet>` error (an HTML page from a proxy) keeps the status's reason, and
 * its message says so.
 *
 * Record-level codes, inside a record of a write response: `Required` and `InvalidField`
 * (with `<Field>`), `NotFound` (a PUT for a username that does not exist); any other code is
 * kept as the issue's code.
 *
 * @since 0.1.0
 */
import type { Http, RecordIssue } from "@mapwright/core"
import { ConnectorError } from "@mapwright/core"
import { Result } from "effect"
import * as ResultSet from "./ResultSet.ts"
import * as Xml from "./Xml.ts"

const codeReasons: Readonly<Record<string, ConnectorError.Reason>> = {
  Unauthorized: "Authentication",
  Forbidden: "Authorization",
  NotFound: "NotFound",
  Conflict: "Conflict",
  RateLimited: "RateLimited"
}

/**
 * The reason a status and (optional) error code mean.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reason = (status: number, code?: string): ConnectorError.Reason =>
  (code === undefined ? undefined : codeReasons[code]) ?? ConnectorError.reasonFromStatus(status)

/**
 * Whether trying again may succeed: 408, 429 (or the `RateLimited` code) and every 5xx.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (status: number, code?: string): boolean =>
  status === 408 || status === 429 || status >= 500 || code === "RateLimited"

/**
 * The errors of a body, or `undefined` when it is not a `<ResultSet>` with `<Error>`s.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): ReadonlyArray<ResultSet.ApiError> | undefined => {
  const document = Xml.parse(text)
  if (Result.isFailure(document)) return undefined
  const errors = ResultSet.errors(document.success)
  return errors.length === 0 ? undefined : errors
}

const describe = (errors: ReadonlyArray<ResultSet.ApiError> | undefined, text: string): string => {
  if (errors === undefined) {
    return text.trim() === "" ? "no body" : "a body that is not a <ResultSet> error"
  }
  return errors
    .map(
      (e) =>
        `${e.code}${e.field === undefined ? "" : ` (${e.field})`}${e.message === "" ? "" : `: ${e.message}`}`
    )
    .join("; ")
}

/**
 * The connector's error-body mapper for core's `Http.make`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapper: Http.ErrorBody = (status, text) => {
  const errors = parse(text)
  const code = errors?.[0]?.code
  return {
    reason: reason(status, code),
    message: describe(errors, text),
    code,
    retryable: isRetryable(status, code)
  }
}

/**
 * A `ConnectorError` for errors the API reported in a body that came with a 2xx status (the
 * API should not, but a proxy or an older version may): the reason from the code, not retried
 * unless the code is `RateLimited`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromOkBody = (
  connector: string,
  label: string,
  errors: ReadonlyArray<ResultSet.ApiError>
): ConnectorError.ConnectorError => {
  const code = errors[0]?.code
  return new ConnectorError.ConnectorError({
    connector,
    reason: (code === undefined ? undefined : codeReasons[code]) ?? "Unknown",
    message: `${label} answered with an error: ${describe(errors, "")}`,
    retryable: code === "RateLimited",
    ...(code === undefined ? {} : { code })
  })
}

const issueCodes: Readonly<Record<string, string>> = {
  Required: "Required",
  InvalidField: "InvalidField",
  NotFound: "NotFound"
}

/**
 * The issues of one record a write refused (`stage: "write"`), one per `<Error>`, at its
 * `<Field>` (the whole record when there is none).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordIssues = (
  errors: ReadonlyArray<ResultSet.ApiError>
): ReadonlyArray<RecordIssue.RecordIssue> =>
  (errors.length === 0 ? [{ code: "Rejected", message: "" }] : errors).map(
    (e: ResultSet.ApiError): RecordIssue.RecordIssue => ({
      severity: "error",
      stage: "write",
      path: e.field ?? "",
      code: issueCodes[e.code] ?? (e.code === "" ? "Rejected" : e.code),
      message: `the API refused the record: ${e.message === "" ? e.code : e.message}`
    })
  )
