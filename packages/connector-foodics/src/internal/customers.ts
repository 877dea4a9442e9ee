/**
 * The customers stream's operations: list (sorted by `updated_at`, resumable), count, get,
 * find, and writes one customer per call: create (`POST /customers`), update
 * (`PUT /customers/{id}`), delete (`DELETE /customers/{id}`, a soft delete) and restore
 * (`PUT /customers/{id}/restore`).
 */
import { Connector, ConnectorError, type Http, type RecordIssue } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import * as Phone from "../Phone.ts"
import { writable } from "./body.ts"
import * as Checkpoint from "./checkpoint.ts"
import * as Options from "./options.ts"
import { connectorName, fetchPage, invalidResponse, isObject, readAll } from "./pages.ts"
import type { Send } from "./send.ts"
import * as Times from "./times.ts"

export interface Context {
  readonly http: Http.Http
  readonly send: Send
  readonly pageSize: number
  /** Keeps a payload to its documented fields. */
  readonly customer: (raw: unknown) => unknown
}

const idOf = (record: unknown): string | undefined =>
  isObject(record) && typeof record.id === "string" && record.id !== "" ? record.id : undefined

const updatedAtOf = (record: unknown): unknown => (isObject(record) ? record.updated_at : undefined)

export const pageSizeOf = (context: Context, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked) ? context.pageSize : Math.min(100, Math.max(1, asked))

export const list = (
  context: Context,
  options: Connector.ListOptions
): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  Stream.suspend(() => {
    const opts = Options.decode(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return Stream.fail(opts)
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    const after = from.updatedAt === undefined ? undefined : Times.secondBefore(from.updatedAt)
    let at = from
    return readAll(context.http, Options.query(opts, after), pageSizeOf(context, options.pageSize)).pipe(
      Stream.filter((raw) => !Checkpoint.alreadyRead(from, idOf(raw), updatedAtOf(raw))),
      Stream.map((raw): Connector.ReadItem => {
        const record = context.customer(raw)
        at = Checkpoint.after(at, idOf(record), updatedAtOf(record))
        return { record, checkpoint: Checkpoint.format(at) }
      })
    )
  })

export const count = (
  context: Context,
  options: Connector.ListOptions
): Effect.Effect<number, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const opts = Options.decode(options.options)
    if (opts instanceof ConnectorError.ConnectorError) return yield* opts
    const page = yield* fetchPage(context.http, Options.query({ ...opts, include: [] }, undefined), 1, 1)
    if (page.total !== undefined) return page.total
    // an answer without `meta.total`: count by reading
    return yield* Stream.runCount(list(context, { ...options, since: undefined }))
  })

const includeQuery = { include: Options.defaultInclude.join(",") }

const customerPath = (id: string) => `customers/${encodeURIComponent(id)}`

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  id.trim() === ""
    ? Effect.succeed(undefined)
    : context.http.json("GET", customerPath(id), { query: includeQuery }).pipe(
        Effect.flatMap((response) =>
          isObject(response.body) && isObject(response.body.data)
            ? Effect.succeed(context.customer(response.body.data))
            : Effect.fail(invalidResponse(`GET /customers/${id.slice(0, 40)}: expected {"data": {...}}`))
        ),
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.succeed(undefined)
        )
      )

const digits = (s: string): string => s.replace(/\D/g, "")

const e164Of = (record: unknown): string | undefined => {
  const dial = Connector.valueAt(record, "dial_code")
  const phone = Connector.valueAt(record, "phone")
  return (typeof dial === "number" || typeof dial === "string") && typeof phone === "string"
    ? `+${digits(String(dial))}${digits(phone)}`
    : undefined
}

/** Whether a native record has the values of a match (canonical or native paths). */
export const matches = (record: unknown, match: Readonly<Record<string, string>>): boolean =>
  Object.entries(match).every(([path, expected]) =>
    path === "phone" && expected.trim().startsWith("+")
      ? e164Of(record) === `+${digits(expected)}`
      : Connector.matches(record, { [path]: expected }, { ignoreCase: (p) => p === "email" })
  )

/** The list filters that narrow a find down (the rest is checked on the records). */
const filtersOf = (match: Readonly<Record<string, string>>): Options.Filter => {
  const filter: { -readonly [K in keyof Options.Filter]?: Options.Filter[K] } = {}
  if (match.email !== undefined) filter.email = match.email.trim()
  if (match.name !== undefined) filter.name = match.name
  if (match.phone !== undefined) {
    const split = match.phone.trim().startsWith("+") ? Phone.split(match.phone) : undefined
    if (split !== undefined) {
      filter.phone = split.nationalNumber
      filter.dial_code = split.dialCode
    } else if (!match.phone.trim().startsWith("+")) {
      filter.phone = match.phone.trim()
    }
  }
  if (match.dial_code !== undefined && /^\d{1,4}$/.test(match.dial_code))
    filter.dial_code = Number(match.dial_code)
  return filter
}

/**
 * Customers whose fields equal `match`: by `id` (a get), else through the list filters that
 * apply (`email`, `name`, `phone` given in E.164 or national form, `dial_code`), every field
 * then checked on the records read.
 */
export const find = (
  context: Context,
  match: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    if (Object.keys(match).length === 0) return []
    if (match.id !== undefined) {
      const found = yield* get(context, match.id)
      return found !== undefined && matches(found, match) ? [found] : []
    }
    const query = Options.query({ filter: filtersOf(match) }, undefined)
    const found = yield* Stream.runCollect(readAll(context.http, query, context.pageSize))
    return found.map(context.customer).filter((r) => matches(r, match))
  })

// ---------------------------------------------------------------------------------------------
// writes

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

const rejected = (issues: ReadonlyArray<RecordIssue.RecordIssue>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues
})

const notAnObject = rejected([issue("", "NotAnObject", "a customer to write must be an object")])

const badId = (id: unknown) =>
  rejected([issue("id", "NotFound", `${JSON.stringify(String(id).slice(0, 40))} is not a customer id`)])

const isId = (id: unknown): id is string => typeof id === "string" && id.trim() !== ""

/** The id of the customer an answer `{"data": {...}}` holds. */
const answeredId = (body: unknown): string | undefined =>
  isObject(body) && isObject(body.data) ? idOf(body.data) : undefined

const write = (
  context: Context,
  method: Http.Method,
  path: string,
  body: unknown,
  done: (answer: unknown) => Connector.WriteResult
): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> =>
  Effect.map(context.send(method, path, body), (sent) =>
    sent._tag === "Ok" ? done(sent.body) : rejected(ErrorBody.recordIssues(sent.error, sent.status))
  )

const withId =
  (tag: "Created" | "Updated", fallback: string | undefined) =>
  (answer: unknown): Connector.WriteResult => {
    const id = answeredId(answer) ?? fallback
    return id === undefined
      ? rejected([issue("", "InvalidResponse", "Foodics answered the write without the customer's id")])
      : { _tag: tag, id }
  }

const each = <A>(
  items: ReadonlyArray<A>,
  one: (item: A) => Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError>
) => Effect.forEach(items, one, { concurrency: 1 })

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  each(records, (record) =>
    isObject(record)
      ? write(context, "POST", "customers", writable(record), withId("Created", undefined))
      : Effect.succeed(notAnObject)
  )

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  each(items, ({ id, record }) =>
    !isId(id)
      ? Effect.succeed(badId(id))
      : isObject(record)
        ? write(context, "PUT", customerPath(id), writable(record), withId("Updated", id))
        : Effect.succeed(notAnObject)
  )

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  each(ids, (id) =>
    isId(id)
      ? write(context, "DELETE", customerPath(id), undefined, () => ({ _tag: "Deleted", id }))
      : Effect.succeed(badId(id))
  )

export const restore = (context: Context, ids: ReadonlyArray<string>) =>
  each(ids, (id) =>
    isId(id)
      ? write(context, "PUT", `${customerPath(id)}/restore`, undefined, withId("Updated", id))
      : Effect.succeed(badId(id))
  )

export { connectorName }
