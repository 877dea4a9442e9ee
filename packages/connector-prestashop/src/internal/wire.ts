/**
 * Reading the webservice in the configured format. A list answers
 * `{"customers": [...]}` in JSON, or `[]` when it is empty (PrestaShop's quirk: issues #10172,
 * #22760, #26752), and `<prestashop><customers>...</customers></prestashop>` in XML; one
 * record answers `{"customer": {...}}` or `<prestashop><customer>...`. Every record comes
 * back in the one JSON form of `normalize.ts`.
 *
 * An XML body that does not parse (cut short by a proxy or a dropped connection) is a
 * retryable `InvalidResponse`, retried like any other failed read.
 */
import { ConnectorError, type Http, Retry } from "@mapwright/core"
import { Effect, Result } from "effect"
import * as Xml from "../Xml.ts"
import * as Normalize from "./normalize.ts"

export const connectorName = "prestashop"

export type Json = Normalize.Json

export type Query = Readonly<Record<string, Http.QueryValue>>

export interface Wire {
  readonly http: Http.Http
  readonly format: "json" | "xml"
  readonly languageId: number
}

export const invalidResponse = (message: string, retryable = false) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "InvalidResponse",
    message,
    retryable
  })

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const describe = (u: unknown): string =>
  u === undefined ? "an empty body" : u === null ? "null" : Array.isArray(u) ? "an array" : `a ${typeof u}`

const records = (wire: Wire, resource: string, items: ReadonlyArray<unknown>): ReadonlyArray<Json> =>
  items.map((item) => Normalize.record(resource, item, wire.languageId) as Json)

const xmlGet = (wire: Wire, path: string, query: Query) =>
  Retry.retry(
    wire.http.text("GET", path, { query, retry: false }).pipe(
      Effect.flatMap((response) => {
        const doc = Xml.parse(response.body)
        return Result.isSuccess(doc)
          ? Effect.succeed(doc.success)
          : Effect.fail(invalidResponse(`GET /${path}: ${doc.failure}`, true))
      })
    )
  )

/** Every record of one list request of `resource` (`customers`), with `query`. */
export const list = (
  wire: Wire,
  resource: string,
  query: Query
): Effect.Effect<ReadonlyArray<Json>, ConnectorError.ConnectorError> => {
  if (wire.format === "json") {
    return wire.http.json("GET", resource, { query: { ...query, output_format: "JSON" } }).pipe(
      Effect.flatMap((response) => {
        const body = response.body
        // the quirk: an empty list is [] rather than {"customers": []}
        if (Array.isArray(body) && body.length === 0) return Effect.succeed([])
        if (isObject(body) && Array.isArray(body[resource])) {
          return Effect.succeed(records(wire, resource, body[resource] as ReadonlyArray<unknown>))
        }
        if (isObject(body) && Object.keys(body).length === 0) return Effect.succeed([])
        return Effect.fail(
          invalidResponse(`GET /${resource}: expected {"${resource}": [...]} or [], got ${describe(body)}`)
        )
      })
    )
  }
  return xmlGet(wire, resource, query).pipe(
    Effect.flatMap((doc) =>
      doc._tag === "List" && doc.resource === resource
        ? Effect.succeed(records(wire, resource, doc.records))
        : Effect.fail(
            invalidResponse(
              `GET /${resource}: expected a <${resource}> list, got ${doc._tag === "List" ? `a <${doc.resource}> list` : doc._tag === "Record" ? `one <${doc.element}>` : "errors"}`
            )
          )
    )
  )
}

/** One record of `resource` by id, or `undefined` when PrestaShop answers 404. */
export const one = (
  wire: Wire,
  resource: string,
  element: string,
  id: string
): Effect.Effect<Json | undefined, ConnectorError.ConnectorError> => {
  const path = `${resource}/${id}`
  const read: Effect.Effect<Json, ConnectorError.ConnectorError> =
    wire.format === "json"
      ? wire.http.json("GET", path, { query: { output_format: "JSON" } }).pipe(
          Effect.flatMap((response) => {
            const body = response.body
            return isObject(body) && isObject(body[element])
              ? Effect.succeed(Normalize.record(resource, body[element], wire.languageId) as Json)
              : Effect.fail(
                  invalidResponse(`GET /${path}: expected {"${element}": {...}}, got ${describe(body)}`)
                )
          })
        )
      : xmlGet(wire, path, {}).pipe(
          Effect.flatMap((doc) =>
            doc._tag === "Record" && doc.element === element
              ? Effect.succeed(Normalize.record(resource, doc.record, wire.languageId) as Json)
              : Effect.fail(invalidResponse(`GET /${path}: expected one <${element}>`))
          )
        )
  return read.pipe(
    Effect.map((r): Json | undefined => r),
    Effect.catchIf(
      (e) => e.reason === "NotFound",
      () => Effect.succeed(undefined)
    )
  )
}

/** A filter value that lists ids: `[1|2|3]`. */
export const anyOf = (values: ReadonlyArray<string>): string => `[${values.join("|")}]`

/** Whether a value can go inside a filter's brackets as it is. */
export const isFilterSafe = (value: string): boolean => !/[[\]|,%]/.test(value) && value.length <= 255
