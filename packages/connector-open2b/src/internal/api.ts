/**
 * One Open2b call: `POST <apiRoot>/<method>` with a JSON body, the key in `X-Key` (set on the
 * `Http` helper), and the answer's `status` read: `"ok"` gives the body, `"error"` the
 * application error that came with HTTP 200.
 */
import { ConnectorError, type Http } from "@mapwright/core"
import { Effect } from "effect"
import * as ErrorBody from "../ErrorBody.ts"

export const connectorName = "open2b"

export type Json = Readonly<Record<string, unknown>>

export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export const methods = {
  find: "commerce.customers.find",
  get: "commerce.customers.get",
  count: "commerce.customers.count",
  create: "commerce.customers.create",
  update: "commerce.customers.update",
  delete: "commerce.customers.delete"
} as const

export const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable: false
  })

const describe = (u: unknown): string =>
  u === undefined ? "an empty body" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

/** The answer of a call: its body when `status` is `"ok"`, else the application error. */
export type Answer =
  | { readonly _tag: "Ok"; readonly body: Json }
  | { readonly _tag: "Error"; readonly error: ErrorBody.ApiError }

/**
 * Sends a call and reads its `status`. `idempotent` says whether sending it twice does no harm
 * (finds, gets, counts, updates, deletes): only those are retried after a failure that may have
 * reached the server.
 */
export const call = (
  http: Http.Http,
  method: string,
  request: Json,
  idempotent: boolean
): Effect.Effect<Answer, ConnectorError.ConnectorError> =>
  http.json("POST", method, { body: request, idempotent }).pipe(
    Effect.flatMap((response): Effect.Effect<Answer, ConnectorError.ConnectorError> => {
      const body = response.body
      if (!isObject(body)) {
        return Effect.fail(invalidResponse(`${method}: expected a JSON object, got ${describe(body)}`))
      }
      if (body.status === "ok") return Effect.succeed({ _tag: "Ok", body })
      const error = ErrorBody.fromJson(body)
      if (error !== undefined) return Effect.succeed({ _tag: "Error", error })
      return Effect.fail(
        invalidResponse(`${method}: the answer has no "status" of "ok" or "error" (${describe(body.status)})`)
      )
    })
  )

/** A read call: an application error fails it. */
export const read = (
  http: Http.Http,
  method: string,
  request: Json
): Effect.Effect<Json, ConnectorError.ConnectorError> =>
  Effect.flatMap(call(http, method, request, true), (answer) =>
    answer._tag === "Ok"
      ? Effect.succeed(answer.body)
      : Effect.fail(ErrorBody.toConnectorError(method, answer.error))
  )
