/**
 * Writes through WooCommerce's batch endpoint (`POST /customers/batch` with `{create: [...]}`,
 * `{update: [...]}` or `{delete: [ids]}`, at most 100 per call). The answer lists one entry per
 * item, in order: the resource, or `{"id": ..., "error": {code, message, data}}` for an item
 * WooCommerce refused, which becomes that record's `Rejected` with write-stage issues. A
 * failure of the whole call (auth, transport) fails the write.
 */
import type { Connector, ConnectorError, Http, RecordIssue } from "@mapwright/core"
import { Effect } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import { batchLimit } from "./body.ts"
import { invalidResponse } from "./pages.ts"

export type Operation = "create" | "update" | "delete"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const rejected = (issues: ReadonlyArray<RecordIssue.RecordIssue>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues
})

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

const done: Readonly<Record<Operation, "Created" | "Updated" | "Deleted">> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted"
}

/** One entry of a batch answer as the result of its record. */
const resultOf = (operation: Operation, entry: unknown): Connector.WriteResult => {
  if (isObject(entry) && isObject(entry.error)) {
    const body = ErrorBody.fromJson(entry.error)
    return rejected(
      body === undefined
        ? [issue("", "Rejected", "WooCommerce refused the record without saying why")]
        : ErrorBody.recordIssues(body)
    )
  }
  if (isObject(entry) && (typeof entry.id === "number" || typeof entry.id === "string") && entry.id !== 0) {
    return { _tag: done[operation], id: String(entry.id) }
  }
  return rejected([
    issue("", "InvalidResponse", "WooCommerce answered this record with neither a resource nor an error")
  ])
}

/**
 * Sends one call of at most {@link batchLimit} prepared items and returns one result per item.
 */
const call = (
  http: Http.Http,
  path: string,
  operation: Operation,
  items: ReadonlyArray<unknown>
): Effect.Effect<ReadonlyArray<Connector.WriteResult>, ConnectorError.ConnectorError> =>
  http.json("POST", path, { body: { [operation]: items } }).pipe(
    Effect.flatMap((response) => {
      const answers = isObject(response.body) ? response.body[operation] : undefined
      if (!Array.isArray(answers) || answers.length !== items.length) {
        return Effect.fail(
          invalidResponse(
            `POST /${path}: expected "${operation}" with ${items.length} entries in the answer, got ${
              Array.isArray(answers) ? `${answers.length}` : "none"
            }`
          )
        )
      }
      return Effect.succeed(answers.map((entry) => resultOf(operation, entry)))
    })
  )

/**
 * A record made ready to send, or the issues that keep it from being sent.
 */
export type Prepared =
  | { readonly _tag: "Send"; readonly item: unknown }
  | { readonly _tag: "Refuse"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

/**
 * Writes `records` through `path` (`customers/batch`), 100 per call, one call after the other.
 * `prepare` turns a record into the item to send; a record it refuses (not an object, no
 * usable id) is `Rejected` without a call.
 */
export const write = (
  http: Http.Http,
  path: string,
  operation: Operation,
  records: ReadonlyArray<unknown>,
  prepare: (record: unknown) => Prepared
): Effect.Effect<ReadonlyArray<Connector.WriteResult>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const results: Array<Connector.WriteResult | undefined> = records.map(() => undefined)
    const pending: Array<{ readonly index: number; readonly item: unknown }> = []
    records.forEach((record, index) => {
      const prepared = prepare(record)
      if (prepared._tag === "Refuse") results[index] = rejected(prepared.issues)
      else pending.push({ index, item: prepared.item })
    })
    for (let start = 0; start < pending.length; start += batchLimit) {
      const chunk = pending.slice(start, start + batchLimit)
      const answers = yield* call(
        http,
        path,
        operation,
        chunk.map((p) => p.item)
      )
      chunk.forEach((p, i) => {
        results[p.index] = answers[i]
      })
    }
    return results.map(
      (r) =>
        r ??
        rejected([issue("", "Internal", "the record got no result (a bug in the WooCommerce connector)")])
    )
  })

/** A write-stage issue of one record. */
export const writeIssue = issue
