/**
 * The customerAttributes stream: `GET /V1/attributeMetadata/customer`, every customer
 * attribute in one answer (the endpoint has no paging).
 */
import type { Connector, ConnectorError, Http } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { describeType } from "./json.ts"
import { invalidResponse } from "./search.ts"

export interface Context {
  readonly http: Http.Http
  readonly attribute: (raw: unknown) => unknown
}

export const list = (context: Context): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  Stream.unwrap(
    context.http
      .json("GET", "attributeMetadata/customer")
      .pipe(
        Effect.flatMap((response) =>
          Array.isArray(response.body)
            ? Effect.succeed(
                Stream.fromIterable(
                  response.body.map((a): Connector.ReadItem => ({ record: context.attribute(a) }))
                )
              )
            : Effect.fail(
                invalidResponse(
                  `GET /attributeMetadata/customer: expected a list of attributes, got ${describeType(response.body)}`
                )
              )
        )
      )
  )
