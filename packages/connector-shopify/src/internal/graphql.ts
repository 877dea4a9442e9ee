/**
 * GraphQL over `Http`: one POST of `{ query, variables }` to `graphql.json`, with its
 * top-level errors mapped (`ErrorBody.fromGraphQL`) and one retry loop (core `Retry`) for both
 * the transport's retryable failures and Shopify's `THROTTLED` answers, which wait the time the
 * cost extension gives (`retryAfterMs`).
 *
 * `Http` is asked not to retry itself, so a failure is retried once per attempt of the loop,
 * never twice over. A query is idempotent; a mutation document says whether it is (a throttled
 * mutation never ran, so it is retried whatever it is).
 */
import { ConnectorError, type Http, Retry } from "@mapwright/core"
import { Effect } from "effect"
import * as Cost from "../Cost.ts"
import * as ErrorBody from "../ErrorBody.ts"

export const connectorName = "shopify"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export interface Response {
  /** The `data` of the answer. */
  readonly data: Json
  readonly cost: Cost.QueryCost | undefined
}

export interface GraphQL {
  /**
   * Sends a document. `what` names it in messages (`customers page`); `idempotent` says
   * whether sending it twice does no harm (queries: true).
   */
  readonly request: (
    what: string,
    document: string,
    variables: Json,
    options?: { readonly idempotent?: boolean }
  ) => Effect.Effect<Response, ConnectorError.ConnectorError>
  /**
   * Sends a document once, without retrying: the answer's `data` and its top-level errors as
   * they are (the writes fall back to one record per document on a bad variable).
   */
  readonly attempt: (
    what: string,
    document: string,
    variables: Json,
    options?: { readonly idempotent?: boolean }
  ) => Effect.Effect<
    { readonly data: Json | undefined; readonly body: unknown },
    ConnectorError.ConnectorError
  >
}

export const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable: false
  })

export const make = (http: Http.Http, retry?: Retry.Options | false): GraphQL => {
  const send = (what: string, document: string, variables: Json, idempotent: boolean) =>
    http
      .json("POST", "graphql.json", {
        body: { query: document, variables },
        idempotent,
        retry: false
      })
      .pipe(
        Effect.flatMap((response) => {
          const body = response.body
          if (!isObject(body)) {
            return Effect.fail(
              invalidResponse(`${what}: the answer is not a GraphQL response (no JSON object)`)
            )
          }
          return Effect.succeed(body)
        })
      )

  const attempt: GraphQL["attempt"] = (what, document, variables, options) =>
    send(what, document, variables, options?.idempotent ?? true).pipe(
      Effect.flatMap((body) => {
        const throttled = ErrorBody.graphQLErrors(body).some((e) => e.code === "THROTTLED")
        if (throttled) return Effect.fail(ErrorBody.fromGraphQL(body, what)!)
        return Effect.succeed({ data: isObject(body.data) ? body.data : undefined, body: body as unknown })
      })
    )

  const request: GraphQL["request"] = (what, document, variables, options) => {
    const once = send(what, document, variables, options?.idempotent ?? true).pipe(
      Effect.flatMap((body) => {
        const error = ErrorBody.fromGraphQL(body, what)
        if (error !== undefined) return Effect.fail(error)
        if (!isObject(body.data)) {
          return Effect.fail(invalidResponse(`${what}: the GraphQL answer has neither data nor errors`))
        }
        return Effect.succeed({ data: body.data, cost: Cost.fromResponse(body) })
      })
    )
    return retry === false ? once : Retry.retry(once, retry)
  }

  return {
    request,
    attempt: (what, document, variables, options) => {
      const once = attempt(what, document, variables, options)
      // only a throttled answer (nothing ran) and a failure the transport marks retryable are retried
      return retry === false ? once : Retry.retry(once, retry)
    }
  }
}

/** The value at a path of `data`, or `undefined`. */
export const at = (data: unknown, ...path: ReadonlyArray<string>): unknown => {
  let value = data
  for (const key of path) {
    if (!isObject(value)) return undefined
    value = value[key]
  }
  return value
}
