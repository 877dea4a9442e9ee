/**
 * Requests to the API: core's `Http` (auth, timeout, error bodies) with the body parsed as a
 * `<ResultSet>`, retried as a whole so a body cut short is fetched again.
 *
 * Every request is idempotent: GETs and PUTs are, and the API's POSTs are upserts keyed on
 * `username` (customers) or `code` (groups), so sending one again leaves the same state.
 *
 * @internal
 */
import { ConnectorError, Http, Retry } from "@mapwright/core"
import { Effect, Result } from "effect"
import type { HttpClient } from "effect/http"
import type * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as ResultSet from "../ResultSet.ts"
import * as Xml from "../Xml.ts"

export const connectorName = "xml-resultset"

export interface Api {
  readonly request: (
    method: "GET" | "POST" | "PUT",
    path: string,
    options?: {
      readonly query?: Readonly<Record<string, string | number>>
      readonly body?: string
    }
  ) => Effect.Effect<Xml.Document, ConnectorError.ConnectorError>
}

export const make = (
  config: Config.Resolved,
  authHeaders: Readonly<Record<string, string>>,
  retry: Retry.Options | undefined
): Effect.Effect<Api, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const http = yield* Http.make({
      connector: connectorName,
      baseUrl: config.apiRoot,
      headers: { accept: "application/xml, text/xml", ...authHeaders },
      timeout: config.timeoutMs,
      retry: false,
      errorBody: ErrorBody.mapper
    })
    const request: Api["request"] = (method, path, options) => {
      const label = `${method} ${path}`
      const once = http
        .text(method, path, {
          query: options?.query,
          idempotent: true,
          ...(options?.body === undefined
            ? {}
            : { body: options.body, contentType: "application/xml; charset=utf-8" })
        })
        .pipe(
          Effect.flatMap((response) => {
            const document = Xml.parse(response.body)
            if (Result.isFailure(document)) {
              return Effect.fail(
                new ConnectorError.ConnectorError({
                  connector: connectorName,
                  reason: "InvalidResponse",
                  message: `${label} answered ${response.status} with a body that is not a <ResultSet>: ${document.failure}`,
                  // a body cut short by a dropped connection or a proxy: another try usually gets it whole
                  retryable: true,
                  status: response.status
                })
              )
            }
            const errors = ResultSet.errors(document.success)
            if (errors.length > 0) return Effect.fail(ErrorBody.fromOkBody(connectorName, label, errors))
            return Effect.succeed(document.success)
          })
        )
      return retry?.times === 0 ? once : Retry.retry(once, retry)
    }
    return { request }
  })
