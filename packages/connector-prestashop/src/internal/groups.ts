/**
 * The customer groups stream's operations: list (by id), count, get, create, update, delete.
 * Group names are multilingual; a write takes them as `[{ id, value }]`.
 */
import type { Connector, ConnectorError, RecordIssue } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as Group from "../Group.ts"
import { countOf, isId, pageSizeOf } from "./customers.ts"
import * as Pages from "./pages.ts"
import type { Json } from "./wire.ts"
import * as Wire from "./wire.ts"
import * as Writes from "./writes.ts"

export interface Context {
  readonly wire: Wire.Wire
  readonly writer: Writes.Writer
  readonly pageSize: number
  /** The language a name given without one is written in. */
  readonly languageId: number
  readonly project: (record: unknown) => unknown
}

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export const list = (context: Context, options: Connector.ListOptions) =>
  Pages.byId(context.wire, "groups", { display: "full" }, pageSizeOf(context, options.pageSize)).pipe(
    Stream.map((record): Connector.ReadItem => ({ record: context.project(record) }))
  )

export const count = (context: Context) => countOf(context.wire, "groups")

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? Effect.map(Wire.one(context.wire, "groups", "group", id), (found) =>
        found === undefined ? undefined : context.project(found)
      )
    : Effect.succeed(undefined)

const readOnly = new Set(Group.readOnlyFields)

/** The fields a write sends; a translation without a language id is in `languageId`. */
export const prepare = (
  record: unknown,
  languageId: number
): Json | ReadonlyArray<RecordIssue.RecordIssue> => {
  if (!isObject(record)) return [Writes.issue("", "NotAnObject", "a group to write must be an object")]
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record))
    if (!readOnly.has(k) && v !== null && v !== undefined) out[k] = v
  if (Array.isArray(out.name)) {
    out.name = out.name.map((t: unknown) =>
      isObject(t) && (t.id === "" || t.id === undefined || t.id === null)
        ? { ...t, id: String(languageId) }
        : t
    )
  }
  return out
}

const notAnId = (id: string): Connector.WriteResult => ({
  _tag: "Rejected",
  issues: [Writes.issue("id", "NotFound", `${JSON.stringify(id.slice(0, 40))} is not a group id`)]
})

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Effect.forEach(records, (record) => {
    const body = prepare(record, context.languageId)
    if (Array.isArray(body)) return Effect.succeed<Connector.WriteResult>({ _tag: "Rejected", issues: body })
    return Effect.map(
      Writes.create(context.writer, "groups", body as Json),
      (outcome): Connector.WriteResult =>
        outcome._tag === "Refused"
          ? { _tag: "Rejected", issues: outcome.issues }
          : { _tag: "Created", id: String(outcome.record.id ?? "") }
    )
  })

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Effect.forEach(items, (item) =>
    Effect.gen(function* () {
      if (!isId(item.id)) return notAnId(item.id)
      const body = prepare(item.record, context.languageId)
      if (Array.isArray(body)) return { _tag: "Rejected", issues: body } as Connector.WriteResult
      const current = yield* Writes.current(context.writer, "groups", item.id)
      if (current === undefined) {
        return {
          _tag: "Rejected",
          issues: [Writes.issue("id", "NotFound", `PrestaShop has no group ${item.id}`)]
        } as Connector.WriteResult
      }
      const fields = body as Json
      // a name given in some languages keeps the others
      const merged: Record<string, unknown> = { ...current, ...fields }
      const currentNames: ReadonlyArray<unknown> = Array.isArray(current.name) ? current.name : []
      if (Array.isArray(fields.name) && currentNames.length > 0) {
        const given = new Map(fields.name.filter(isObject).map((t) => [String(t.id), t]))
        const known = new Set(currentNames.filter(isObject).map((t) => String(t.id)))
        merged.name = [
          ...currentNames.filter(isObject).map((t) => given.get(String(t.id)) ?? t),
          ...fields.name.filter(isObject).filter((t) => !known.has(String(t.id)))
        ]
      }
      if (Object.keys(merged).every((k) => Writes.same(current[k], merged[k]))) {
        return { _tag: "Unchanged", id: item.id } as Connector.WriteResult
      }
      const outcome = yield* Writes.replace(context.writer, "groups", item.id, merged)
      return (
        outcome._tag === "Refused"
          ? { _tag: "Rejected", issues: outcome.issues }
          : { _tag: "Updated", id: item.id }
      ) as Connector.WriteResult
    })
  )

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  Effect.forEach(ids, (id) =>
    isId(id)
      ? Effect.map(
          Writes.remove(context.writer, "groups", id),
          (outcome): Connector.WriteResult =>
            outcome._tag === "Done" ? { _tag: "Deleted", id } : { _tag: "Rejected", issues: outcome.issues }
        )
      : Effect.succeed(notAnId(id))
  )
