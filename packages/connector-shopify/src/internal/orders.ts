/**
 * The orders stream's operations: list (by `updatedAt`, resumable), count and get; and the
 * customer attributes stream's list (metafield definitions of customers).
 */
import { type Connector, ConnectorError } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as MetafieldDefinition from "../MetafieldDefinition.ts"
import * as Checkpoint from "./checkpoint.ts"
import { at, type GraphQL, invalidResponse } from "./graphql.ts"
import { readAll, readUpdated } from "./pages.ts"
import * as Q from "./queries.ts"
import { projectDefinition, projectOrder } from "./streams.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export interface Context {
  readonly gql: GraphQL
  readonly pageSize: (asked: number | undefined) => number
}

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    return readUpdated(context.gql, "orders page", Q.orders, "orders", {
      from: from.position,
      variables: { sortKey: "UPDATED_AT" },
      pageSize: context.pageSize(options.pageSize)
    }).pipe(
      Stream.map(
        (item): Connector.ReadItem => ({
          record: projectOrder(item.record),
          checkpoint: Checkpoint.format({ position: item.position, order: undefined })
        })
      )
    )
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  Effect.gen(function* () {
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return yield* from
    const query = from.position === undefined ? null : `updated_at:>'${from.position.updatedAt}'`
    const { data } = yield* context.gql.request("orders count", Q.ordersCount, { query })
    const n = at(data, "ordersCount", "count")
    if (typeof n !== "number" || !Number.isInteger(n)) {
      return yield* invalidResponse("orders count: the answer has no ordersCount { count }")
    }
    return n
  })

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> => {
  const gid = /^\d{1,20}$/.test(id)
    ? `gid://shopify/Order/${id}`
    : /^gid:\/\/shopify\/Order\/\d{1,20}$/.test(id)
      ? id
      : undefined
  if (gid === undefined) return Effect.succeed(undefined)
  return Effect.map(context.gql.request("order", Q.order, { id: gid }), ({ data }) =>
    isObject(data.order) ? projectOrder(data.order) : undefined
  )
}

export const definitions = (context: Context, options: Connector.ListOptions) =>
  readAll(
    context.gql,
    "metafield definitions page",
    Q.metafieldDefinitions,
    "metafieldDefinitions",
    {},
    context.pageSize(options.pageSize)
  ).pipe(
    Stream.map(
      (node): Connector.ReadItem => ({ record: projectDefinition(MetafieldDefinition.withChoices(node)) })
    )
  )
