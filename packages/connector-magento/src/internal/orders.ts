/**
 * The orders stream's operations: list (every order, by `updated_at` then entity id,
 * incremental from a checkpoint), count and get.
 */
import { type Connector, ConnectorError } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { readChanged, type Source, timeFields } from "./changes.ts"
import * as Checkpoint from "./checkpoint.ts"
import { pageSizeOf } from "./customers.ts"
import { countOf } from "./search.ts"
import { recordToUtc } from "./times.ts"

export interface Context extends Source {
  /** Keeps a payload to its documented fields. */
  readonly order: (raw: unknown) => unknown
}

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    return readChanged(context, "orders", "entity_id", from, pageSizeOf(context, options.pageSize)).pipe(
      Stream.map(
        (changed): Connector.ReadItem => ({
          record: context.order(changed.item),
          checkpoint: Checkpoint.format({ ...changed.position, order: undefined })
        })
      )
    )
  })

export const count = (context: Context, options: Connector.ListOptions) =>
  options.since === undefined || options.since === ""
    ? countOf(context.http, "orders", {})
    : Stream.runCount(list(context, options))

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  /^[1-9]\d{0,15}$/.test(id)
    ? context.http.json("GET", `orders/${id}`).pipe(
        Effect.map((response) => context.order(recordToUtc(response.body, context.zone, timeFields))),
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.succeed(undefined)
        )
      )
    : Effect.succeed(undefined)
