/**
 * Reading GraphQL connections (`customers`, `orders`, `metafieldDefinitions`) with cursor
 * paging (`first`, `after: pageInfo.endCursor`) through core's cursor helper, and reading by
 * `updatedAt` from a checkpoint's position.
 */
import { type ConnectorError, Pagination } from "@mapwright/core"
import { Effect, Result, Stream } from "effect"
import * as Checkpoint from "./checkpoint.ts"
import { at, connectorName, type GraphQL, invalidResponse } from "./graphql.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export interface Connection {
  readonly nodes: ReadonlyArray<unknown>
  readonly hasNextPage: boolean
  readonly endCursor: string | undefined
}

/** One page of the connection at `field` of the answer to `document`. */
export const fetchPage = (
  gql: GraphQL,
  what: string,
  document: string,
  field: string,
  variables: Json
): Effect.Effect<Connection, ConnectorError.ConnectorError> =>
  Effect.flatMap(gql.request(what, document, variables), ({ data }) => {
    const connection = at(data, field)
    const nodes = isObject(connection) ? connection.nodes : undefined
    const pageInfo = isObject(connection) ? connection.pageInfo : undefined
    if (!Array.isArray(nodes) || !isObject(pageInfo) || typeof pageInfo.hasNextPage !== "boolean") {
      return Effect.fail(invalidResponse(`${what}: the answer has no ${field} { nodes pageInfo }`))
    }
    const endCursor = typeof pageInfo.endCursor === "string" ? pageInfo.endCursor : undefined
    return Effect.succeed({ nodes, hasNextPage: pageInfo.hasNextPage, endCursor })
  })

/** Every node of a connection, page after page, as the consumer pulls. */
export const readAll = (
  gql: GraphQL,
  what: string,
  document: string,
  field: string,
  variables: Json,
  pageSize: number
): Stream.Stream<unknown, ConnectorError.ConnectorError> =>
  Pagination.cursor({
    fetch: (after) =>
      Effect.map(
        fetchPage(gql, what, document, field, { ...variables, first: pageSize, after: after ?? null }),
        (page) => ({ items: page.nodes, next: page.hasNextPage ? page.endCursor : undefined })
      )
  }).pipe(Pagination.asConnectorError(connectorName))

/** A record as read by `updatedAt`, with the position a later read resumes after. */
export interface Positioned {
  readonly record: unknown
  readonly position: Checkpoint.Position | undefined
}

/**
 * Every record of a connection sorted by `UPDATED_AT` after `from`: the search asks for
 * `updated_at:>='<from>'` (plus `query`), and the records up to `from` itself are skipped.
 * A record without a readable position (malformed) is yielded as it is, at the position of
 * the record before it.
 */
export const readUpdated = (
  gql: GraphQL,
  what: string,
  document: string,
  field: string,
  options: {
    readonly from: Checkpoint.Position | undefined
    readonly query?: string | undefined
    readonly variables?: Json
    readonly pageSize: number
  }
): Stream.Stream<Positioned, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    const search = [Checkpoint.searchFrom(options.from), options.query].filter((s) => s !== undefined)
    let last = options.from
    return readAll(
      gql,
      what,
      document,
      field,
      { ...options.variables, query: search.length === 0 ? null : search.join(" AND ") },
      options.pageSize
    ).pipe(
      Stream.filterMap((record) => {
        const position = Checkpoint.positionOf(record)
        if (
          position !== undefined &&
          options.from !== undefined &&
          Checkpoint.compare(position, options.from) <= 0
        ) {
          return Result.failVoid
        }
        if (position !== undefined) last = position
        return Result.succeed({ record, position: last })
      })
    )
  })
