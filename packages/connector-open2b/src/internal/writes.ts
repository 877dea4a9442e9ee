/**
 * The writes of the customers stream. Open2b creates and updates one customer per call
 * (`customers.create` answers the new `id`; `customers.update` changes only the fields sent)
 * and deletes by ids. Each record gets its own result: an application error about one of its
 * fields (HTTP 200, `status: "error"`) is that record's `Rejected`, with an issue at the field's
 * path; an error that is not about the record (`AccessDenied`, a transport failure) fails the
 * write.
 */
import type { Connector, ConnectorError, Http } from "@mapwright/core"
import { Effect } from "effect"
import { createFields, updateFields } from "../Customer.ts"
import * as ErrorBody from "../ErrorBody.ts"
import { call, invalidResponse, isObject, methods, read } from "./api.ts"
import { issue, prepare } from "./prepare.ts"

export interface Context {
  readonly http: Http.Http
  readonly zone: string
}

type Result = Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError>

const rejected = (...issues: ReadonlyArray<ReturnType<typeof issue>>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues
})

const isId = (id: string): boolean => /^[1-9]\d{0,14}$/.test(id)

const notAnId = (id: unknown) =>
  rejected(issue("id", "NotFound", `${JSON.stringify(String(id).slice(0, 40))} is not an Open2b customer id`))

/** The result of an application error: the record's `Rejected`, or the write's failure. */
const refused = (method: string, error: ErrorBody.ApiError, secrets: ReadonlyArray<string>): Result =>
  ErrorBody.isRecordError(error)
    ? Effect.succeed(rejected(ErrorBody.recordIssue(error, secrets)))
    : Effect.fail(ErrorBody.toConnectorError(method, error))

const createOne = (context: Context, record: unknown): Result => {
  const prepared = prepare(record, createFields, context.zone)
  if (prepared._tag === "Refuse") return Effect.succeed({ _tag: "Rejected", issues: prepared.issues })
  // a create is not repeated after a failure that may have reached Open2b (it would create twice)
  return Effect.flatMap(
    call(context.http, methods.create, { customer: prepared.customer }, false),
    (answer): Result => {
      if (answer._tag === "Error") return refused(methods.create, answer.error, prepared.secrets)
      const id = answer.body.id
      if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) {
        return Effect.fail(invalidResponse(`${methods.create}: the answer has no "id" of the new customer`))
      }
      return Effect.succeed({ _tag: "Created", id: String(id) })
    }
  )
}

const updateOne = (context: Context, item: Connector.UpdateItem): Result => {
  if (typeof item?.id !== "string" || !isId(item.id)) return Effect.succeed(notAnId(item?.id))
  const prepared = prepare(item.record, updateFields, context.zone)
  if (prepared._tag === "Refuse") return Effect.succeed({ _tag: "Rejected", issues: prepared.issues })
  return Effect.flatMap(
    call(context.http, methods.update, { id: Number(item.id), customer: prepared.customer }, true),
    (answer): Result =>
      answer._tag === "Error"
        ? refused(methods.update, answer.error, prepared.secrets)
        : Effect.succeed({ _tag: "Updated", id: item.id })
  )
}

/** Creates each record, one call each, in order. */
export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Effect.forEach(records, (record) => createOne(context, record))

/** Updates each record by its id, one call each, in order. */
export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Effect.forEach(items, (item) => updateOne(context, item))

const chunk = 100

/** The ids among `ids` that exist (one find call per hundred ids). */
const existing = (context: Context, ids: ReadonlyArray<number>) =>
  Effect.gen(function* () {
    const found = new Set<number>()
    for (let start = 0; start < ids.length; start += chunk) {
      const part = ids.slice(start, start + chunk)
      const body = yield* read(context.http, methods.find, {
        conditions: { ids: part },
        fields: ["id"],
        order: ["id"],
        limit: part.length
      })
      const customers = body.customers
      if (!Array.isArray(customers)) {
        return yield* invalidResponse(`${methods.find}: expected "customers" to be an array`)
      }
      for (const c of customers) if (isObject(c) && typeof c.id === "number") found.add(c.id)
    }
    return found
  })

/**
 * Deletes customers by id: `customers.delete` says nothing about ids it does not know, so the
 * ids are looked up first and an id with no customer is `Rejected` (`NotFound` at `id`); the
 * others are deleted in calls of a hundred.
 */
export const remove = (
  context: Context,
  ids: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<Connector.WriteResult>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const valid = [...new Set(ids.filter((id) => typeof id === "string" && isId(id)).map(Number))]
    const found = yield* existing(context, valid)
    const doomed = valid.filter((id) => found.has(id))
    for (let start = 0; start < doomed.length; start += chunk) {
      const answer = yield* call(
        context.http,
        methods.delete,
        { ids: doomed.slice(start, start + chunk) },
        true
      )
      if (answer._tag === "Error") return yield* ErrorBody.toConnectorError(methods.delete, answer.error)
    }
    const deleted = new Set<string>()
    return ids.map((id): Connector.WriteResult => {
      if (typeof id !== "string" || !isId(id)) return notAnId(id)
      if (!found.has(Number(id))) {
        return rejected(issue("id", "NotFound", `Customer '${id}' does not exist`))
      }
      // the same id twice: the second was already deleted by the first
      if (deleted.has(id)) return rejected(issue("id", "NotFound", `Customer '${id}' does not exist`))
      deleted.add(id)
      return { _tag: "Deleted", id }
    })
  })
