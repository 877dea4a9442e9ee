/**
 * Requests whose refusal belongs to one record: a write answered 400, 404, 409 or 422 is that
 * record's `Rejected`, with the issues its body names (a 422's `errors` per field).
 *
 * Core's `Http` turns an error status into a `ConnectorError` that keeps the mapped message but
 * not the body, so each write builds its own `Http` whose error-body mapper also keeps the
 * parsed body of that one request (a variable local to the request, never shared), and reads
 * it back when the status is a refusal.
 */
import { type ConnectorError, Http } from "@mapwright/core"
import { Effect } from "effect"
import { HttpClient } from "effect/http"
import * as ErrorBody from "../ErrorBody.ts"

export type Sent =
  | { readonly _tag: "Ok"; readonly body: unknown }
  | { readonly _tag: "Refused"; readonly status: number; readonly error: ErrorBody.ErrorBody | undefined }

export type Send = (
  method: Http.Method,
  path: string,
  body?: unknown
) => Effect.Effect<Sent, ConnectorError.ConnectorError>

/** Statuses that refuse the record, not the call. */
const refusals = new Set([400, 404, 409, 422])

export const make =
  (options: Http.Options, client: HttpClient.HttpClient): Send =>
  (method, path, body) =>
    Effect.suspend(() => {
      let refused: ErrorBody.ErrorBody | undefined
      return Http.make({
        ...options,
        errorBody: (status, text, headers) => {
          refused = ErrorBody.parse(text)
          return ErrorBody.mapper(status, text, headers)
        }
      }).pipe(
        Effect.provideService(HttpClient.HttpClient, client),
        Effect.flatMap((http) => http.json(method, path, body === undefined ? undefined : { body })),
        Effect.map((response): Sent => ({ _tag: "Ok", body: response.body })),
        Effect.catchIf(
          (e): e is ConnectorError.ConnectorError & { readonly status: number } =>
            e.status !== undefined && refusals.has(e.status),
          (e) => Effect.succeed<Sent>({ _tag: "Refused", status: e.status, error: refused })
        )
      )
    })
