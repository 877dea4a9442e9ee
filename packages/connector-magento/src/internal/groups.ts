/**
 * The customerGroups stream's operations: list (`/V1/customerGroups/search`, by id), count and
 * create (`POST /V1/customerGroups` with `{group: {code, tax_class_id}}`, one per record).
 */
import type { Connector, ConnectorError, Http } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { pageSizeOf } from "./customers.ts"
import { isObject, omit } from "./json.ts"
import { noId, rejected, writeIssue } from "./results.ts"
import { countOf, field, readAll } from "./search.ts"
import type * as Writer from "./writer.ts"

export interface Context {
  readonly http: Http.Http
  readonly pageSize: number
  readonly writer: Writer.Writer
  readonly concurrency: number
  readonly group: (raw: unknown) => unknown
}

export const list = (context: Context, options: Connector.ListOptions) =>
  readAll(
    context.http,
    "customerGroups/search",
    { sortOrders: [{ field: "id", direction: "ASC" }] },
    pageSizeOf(context, options.pageSize),
    (g) => field(g, "id")
  ).pipe(Stream.map((paged): Connector.ReadItem => ({ record: context.group(paged.item) })))

export const count = (context: Context) => countOf(context.http, "customerGroups/search", {})

const readOnly = new Set(["id", "tax_class_name"])

const createOne = (context: Context, record: unknown) =>
  Effect.gen(function* () {
    if (!isObject(record))
      return rejected([writeIssue("", "NotAnObject", "a group to write must be an object")])
    const outcome = yield* context.writer.send("POST", "customerGroups", { group: omit(record, readOnly) })
    if (outcome._tag === "Refused") return rejected(outcome.issues)
    const id = field(outcome.body, "id")
    return typeof id === "number" ? ({ _tag: "Created", id: String(id) } as const) : noId("group")
  })

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Effect.forEach(
    records,
    (r): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> => createOne(context, r),
    { concurrency: context.concurrency }
  )
