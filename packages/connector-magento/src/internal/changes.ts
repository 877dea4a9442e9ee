/**
 * Reads by `updated_at`: a search sorted by `updated_at`, then entity id, ascending, from the
 * position of a checkpoint on (`updated_at gteq` its time, skipping the records up to and
 * including it), page by page until `total_count`. Times are read from the server's zone to
 * UTC before anything compares them.
 */
import type { ConnectorError, Http } from "@mapwright/core"
import { Stream } from "effect"
import * as SearchCriteria from "../SearchCriteria.ts"
import { isAfter, type Position } from "./checkpoint.ts"
import { field, readAll } from "./search.ts"
import { fromUtc, recordToUtc } from "./times.ts"

export interface Source {
  readonly http: Http.Http
  readonly pageSize: number
  /** The zone the server writes its times in (`UTC` unless it is misconfigured). */
  readonly zone: string
}

export interface Changed {
  /** The record as sent, its times in UTC. */
  readonly item: unknown
  /** Its own position (for a record without a valid time or id, the one before it). */
  readonly position: Position
  readonly last: boolean
}

const timePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

export const timeFields: ReadonlyArray<string> = ["created_at", "updated_at"]

/**
 * Every record of `path` changed after `from`, in (`updated_at`, id) order. `idField` is the
 * record's id field (`id`, `entity_id`); the sort and filter use `entity_id`. `filterGroups`
 * are ANDed with the time filter.
 */
export const readChanged = (
  source: Source,
  path: string,
  idField: string,
  from: Position,
  pageSize: number,
  filterGroups: ReadonlyArray<ReadonlyArray<SearchCriteria.Filter>> = []
): Stream.Stream<Changed, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    let position = from
    const since =
      from.updatedAt === undefined
        ? []
        : [SearchCriteria.where("updated_at", "gteq", fromUtc(from.updatedAt, source.zone))]
    const criteria: SearchCriteria.SearchCriteria = {
      filterGroups: [...since, ...filterGroups],
      sortOrders: [
        { field: "updated_at", direction: "ASC" },
        { field: "entity_id", direction: "ASC" }
      ]
    }
    return readAll(source.http, path, criteria, pageSize, (item) => field(item, idField)).pipe(
      Stream.map((paged): Changed | undefined => {
        const item = recordToUtc(paged.item, source.zone, timeFields)
        const updatedAt = field(item, "updated_at")
        const id = field(item, idField)
        if (typeof updatedAt === "string" && timePattern.test(updatedAt) && typeof id === "number") {
          if (!isAfter(from, updatedAt, id)) return undefined
          position = { updatedAt, id }
        }
        return { item, position, last: paged.last }
      }),
      Stream.filter((c): c is Changed => c !== undefined)
    )
  })
