/**
 * Paged reads of the webservice (`limit=offset,n`; there are no totals or paging headers, so a
 * page shorter than asked is the last).
 *
 * - {@link byId}: a whole resource in id order (`sort=[id_ASC]`), through core's offset helper.
 * - {@link byDateUpd}: the incremental read of customers and orders, in `(date_upd, id)` order
 *   (`sort=[date_upd_ASC,id_ASC]` with `date=1`), one page at a time. Each page after the
 *   first is anchored at the `date_upd` of the last record read: `filter[date_upd]=[D,...]`
 *   with `limit=k,n`, where `k` counts the records at `D` already read. Plain offsets would
 *   skip a record whenever one read earlier is changed during the read (it leaves its place
 *   and every later record moves up one); anchored, only a change to a record of the very same
 *   second as the anchor can, and the `(date_upd, id)` guard drops any record seen twice.
 */
import { type ConnectorError, Pagination } from "@mapwright/core"
import { Effect, Option, Stream } from "effect"
import * as Checkpoint from "./checkpoint.ts"
import * as WireRead from "./wire.ts"
import { connectorName, type Json, type Query, type Wire } from "./wire.ts"

/** The upper bound of the date filters: PrestaShop's interval filter needs two. */
export const endOfTime = "9999-12-31 23:59:59"

const idOf = (record: Json): number => {
  const id = Number(record.id)
  return Number.isSafeInteger(id) ? id : -1
}

const dateOf = (record: Json): string => (typeof record.date_upd === "string" ? record.date_upd : "")

/** Every record of `resource` matching `query`, by id, `pageSize` a request. */
export const byId = (
  wire: Wire,
  resource: string,
  query: Query,
  pageSize: number,
  start = 0
): Stream.Stream<Json, ConnectorError.ConnectorError> =>
  Pagination.offset({
    start,
    pageSize,
    keyOf: (record: Json) => record.id,
    fetch: (offset, limit) =>
      Effect.map(
        WireRead.list(wire, resource, { ...query, sort: "[id_ASC]", limit: `${offset},${limit}` }),
        (items) => ({
          items
        })
      )
  }).pipe(Pagination.asConnectorError(connectorName))

/** Every record of `resource` matching `query`, collected (small resources: countries, currencies). */
export const all = (wire: Wire, resource: string, query: Query, pageSize = 1000) =>
  Stream.runCollect(byId(wire, resource, query, pageSize)).pipe(
    Effect.map((items): ReadonlyArray<Json> => items)
  )

/** A record read by {@link byDateUpd}, with the checkpoint that resumes right after it. */
export interface Paged {
  readonly record: Json
  readonly checkpoint: string
}

interface State {
  /** The anchor: the `date_upd` of the last record read (none before the first page). */
  readonly anchor: string | undefined
  /** Records at the anchor already read. */
  readonly skip: number
  /** The last `(date_upd, id)` yielded or resumed from. */
  readonly last: Checkpoint.Position | undefined
}

/**
 * The records of `resource` (with `query`'s filters) after `from`, in `(date_upd, id)` order,
 * one page (an array) at a time, each record with its checkpoint.
 */
export const byDateUpd = (
  wire: Wire,
  resource: string,
  query: Query,
  pageSize: number,
  from: Checkpoint.Position | undefined
): Stream.Stream<ReadonlyArray<Paged>, ConnectorError.ConnectorError> =>
  Stream.paginate<State, ReadonlyArray<Paged>, ConnectorError.ConnectorError>(
    { anchor: from?.date, skip: 0, last: from },
    (state) =>
      Effect.map(
        WireRead.list(wire, resource, {
          ...query,
          ...(state.anchor === undefined ? {} : { "filter[date_upd]": `[${state.anchor},${endOfTime}]` }),
          date: 1,
          sort: "[date_upd_ASC,id_ASC]",
          limit: `${state.skip},${pageSize}`
        }),
        (rows) => {
          let last = state.last
          const page: Array<Paged> = []
          for (const record of rows) {
            const date = dateOf(record)
            const id = idOf(record)
            if (!Checkpoint.isAfter(date, id, last)) continue
            last = { date, id }
            page.push({ record, checkpoint: Checkpoint.format(last) })
          }
          const tail = rows.length === 0 ? undefined : dateOf(rows[rows.length - 1]!)
          const next: State =
            tail === undefined
              ? state
              : tail === "" || (state.anchor === undefined && rows.every((r) => dateOf(r) === ""))
                ? { anchor: undefined, skip: state.skip + rows.length, last }
                : tail === state.anchor
                  ? { anchor: tail, skip: state.skip + rows.length, last }
                  : { anchor: tail, skip: rows.filter((r) => dateOf(r) === tail).length, last }
          return [[page], rows.length >= pageSize ? Option.some(next) : Option.none()] as const
        }
      )
  )
