/**
 * Single writes (Magento has no batch endpoint for customers): one request per record, through
 * core's `Http`, with the error body of a refused record kept so its issues can name fields.
 * A refusal (400, or a 404/409/422 that names an entity) is an outcome, not a failure; every
 * other error (auth, transport, a route Magento does not have) fails the write.
 */
import { type ConnectorError, Http, type RecordIssue } from "@mapwright/core"
import { Effect } from "effect"
import { HttpClient } from "effect/http"
import * as ErrorBody from "../ErrorBody.ts"

export type Outcome =
  | { readonly _tag: "Ok"; readonly body: unknown }
  | { readonly _tag: "Refused"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

export interface Writer {
  readonly send: (
    method: "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown
  ) => Effect.Effect<Outcome, ConnectorError.ConnectorError>
}

const refusals = new Set([400, 404, 409, 422])

const noRoute = "Request does not match any route."

export const make = (options: Http.Options): Effect.Effect<Writer, never, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const client = yield* HttpClient.HttpClient
    const writer: Writer = {
      send: (method, path, body) =>
        Effect.gen(function* () {
          let captured: ErrorBody.ErrorBody | undefined
          const http = yield* Http.make({
            ...options,
            errorBody: (status, text, headers) => {
              captured = ErrorBody.parse(text)
              return ErrorBody.mapper(status, text, headers)
            }
          }).pipe(Effect.provideService(HttpClient.HttpClient, client))
          return yield* http.json(method, path, body === undefined ? undefined : { body }).pipe(
            Effect.map((response): Outcome => ({ _tag: "Ok", body: response.body })),
            Effect.catchIf(
              (e) =>
                e.status !== undefined &&
                refusals.has(e.status) &&
                captured !== undefined &&
                captured.message !== noRoute,
              (): Effect.Effect<Outcome> =>
                Effect.succeed({ _tag: "Refused", issues: ErrorBody.recordIssues(captured!) })
            )
          )
        })
    }
    return writer
  })
