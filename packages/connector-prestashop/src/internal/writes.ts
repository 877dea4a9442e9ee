/**
 * Writing through the webservice: XML bodies both ways (PrestaShop takes no JSON body), built
 * from the resource's blank schema (`?schema=blank`, read once per client and resource), so the
 * elements come in the order the shop gives them and a field a module adds is sent too.
 *
 * - `create`: POST the blank filled with the record (the blank's other fields empty, as
 *   PrestaShop's own library does; `associations` only when the record has some).
 * - `replace`: PUT a whole record. PrestaShop's PUT sets every field the body leaves out to
 *   null, so an update reads the current record first and sends it with the changes.
 * - `remove`: DELETE.
 *
 * Answers are read as XML. A validation error (see `ErrorBody`) becomes the record's issues;
 * any other failure fails the write.
 */
import { randomBytes } from "node:crypto"
import { ConnectorError, type Http, type RecordIssue, Retry } from "@mapwright/core"
import { Effect, Result } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import * as Xml from "../Xml.ts"
import { invalidResponse, type Json } from "./wire.ts"

export interface Blank {
  /** The element of one record (`customer`). */
  readonly element: string
  /** The fields, in order. */
  readonly fields: ReadonlyArray<string>
  /** The template's values: `""` for a field, `[{id, value: ""}]` for a multilingual one. */
  readonly template: Json
}

export interface Writer {
  readonly http: Http.Http
  readonly blank: (resource: string) => Effect.Effect<Blank, ConnectorError.ConnectorError>
}

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const xmlGet = (http: Http.Http, path: string, query: Readonly<Record<string, string>> = {}) =>
  Retry.retry(
    http.text("GET", path, { query, retry: false }).pipe(
      Effect.flatMap((response) => {
        const doc = Xml.parse(response.body)
        return Result.isSuccess(doc)
          ? Effect.succeed(doc.success)
          : Effect.fail(invalidResponse(`GET /${path}: ${doc.failure}`, true))
      })
    )
  )

/** A blank schema as PrestaShop answers it, as a template. */
export const blankOf = (doc: Xml.Document, resource: string): Blank | ConnectorError.ConnectorError => {
  if (doc._tag !== "Record")
    return invalidResponse(`GET /${resource}?schema=blank: expected one resource template`)
  const template: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc.record)) {
    if (k === "associations") continue
    template[k] = Array.isArray(v) ? v.map((t) => (isObject(t) ? { id: t.id, value: "" } : t)) : ""
  }
  return { element: doc.element, fields: Object.keys(doc.record), template }
}

export const makeWriter = (http: Http.Http): Writer => {
  const kept = new Map<string, Blank>()
  return {
    http,
    blank: (resource) =>
      Effect.suspend(() => {
        const known = kept.get(resource)
        if (known !== undefined) return Effect.succeed(known)
        return xmlGet(http, resource, { schema: "blank" }).pipe(
          Effect.flatMap((doc) => {
            const blank = blankOf(doc, resource)
            if (!("element" in blank)) return Effect.fail(blank)
            kept.set(resource, blank)
            return Effect.succeed(blank)
          })
        )
      })
  }
}

/** The body of a create: the blank, filled with the record. */
export const fill = (blank: Blank, record: Json): Result.Result<string, string> =>
  Xml.build({ element: blank.element, record: { ...blank.template, id: "", ...record }, order: blank.fields })

/** The outcome of one request of a write: the record as PrestaShop answered it, or its issues. */
export type Outcome =
  | { readonly _tag: "Done"; readonly record: Json }
  | { readonly _tag: "Refused"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

const refusedBy =
  (prefix: string) =>
  (e: ConnectorError.ConnectorError): Effect.Effect<Outcome, ConnectorError.ConnectorError> =>
    ErrorBody.isValidationError(e)
      ? Effect.succeed({ _tag: "Refused", issues: ErrorBody.issuesOfError(e, prefix) })
      : e.reason === "NotFound"
        ? Effect.succeed({
            _tag: "Refused",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: `${prefix}id`,
                code: "NotFound",
                message: `PrestaShop has no such record: ${e.message.replace(/^.*? answered \d{3}: /, "")}`
              }
            ]
          })
        : Effect.fail(e)

const answered = (
  method: string,
  path: string,
  element: string,
  body: string
): Json | ConnectorError.ConnectorError => {
  const doc = Xml.parse(body)
  if (Result.isFailure(doc))
    return invalidResponse(`${method} /${path}: the answer is not PrestaShop XML: ${doc.failure}`)
  if (doc.success._tag !== "Record" || doc.success.element !== element) {
    return invalidResponse(`${method} /${path}: expected the <${element}> written in the answer`)
  }
  return doc.success.record
}

const send = (
  writer: Writer,
  method: "POST" | "PUT",
  path: string,
  element: string,
  body: Result.Result<string, string>,
  prefix: string
): Effect.Effect<Outcome, ConnectorError.ConnectorError> => {
  if (Result.isFailure(body)) {
    return Effect.succeed({
      _tag: "Refused",
      issues: [
        {
          severity: "error",
          stage: "encode",
          path: prefix.replace(/\.$/, ""),
          code: "NotXml",
          message: body.failure
        }
      ]
    })
  }
  return writer.http
    .text(method, path, { body: body.success, contentType: "application/xml; charset=utf-8" })
    .pipe(
      Effect.flatMap((response): Effect.Effect<Outcome, ConnectorError.ConnectorError> => {
        const record = answered(method, path, element, response.body)
        return record instanceof ConnectorError.ConnectorError
          ? Effect.fail(record)
          : Effect.succeed({ _tag: "Done", record })
      }),
      Effect.catch(refusedBy(prefix))
    )
}

/** POSTs a record of `resource`, built from its blank. */
export const create = (writer: Writer, resource: string, record: Json, prefix = "") =>
  Effect.flatMap(writer.blank(resource), (blank) =>
    send(writer, "POST", resource, blank.element, fill(blank, record), prefix)
  )

/** PUTs a whole record of `resource` (it carries its `id`). */
export const replace = (writer: Writer, resource: string, id: string, record: Json, prefix = "") =>
  Effect.flatMap(writer.blank(resource), (blank) =>
    send(
      writer,
      "PUT",
      `${resource}/${id}`,
      blank.element,
      Xml.build({ element: blank.element, record: { ...record, id }, order: blank.fields }),
      prefix
    )
  )

/** The record of `resource` by id as the webservice holds it (XML), or `undefined`. */
export const current = (writer: Writer, resource: string, id: string) =>
  Effect.flatMap(writer.blank(resource), (blank) =>
    xmlGet(writer.http, `${resource}/${id}`).pipe(
      Effect.map((doc) => (doc._tag === "Record" && doc.element === blank.element ? doc.record : undefined)),
      Effect.catchIf(
        (e) => e.reason === "NotFound",
        () => Effect.succeed(undefined)
      )
    )
  )

/** DELETEs a record; a 404 is the record's `NotFound` issue. */
export const remove = (writer: Writer, resource: string, id: string) =>
  writer.http.text("DELETE", `${resource}/${id}`).pipe(
    Effect.map((): Outcome => ({ _tag: "Done", record: { id } })),
    Effect.catch(refusedBy(""))
  )

/** A password for a customer created without one, as PrestaShop's guest checkout makes. */
export const randomPassword = (): string => randomBytes(18).toString("base64url")

/** Whether two values are the same as PrestaShop stores them (strings; group lists by id). */
export const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    const key = (v: unknown) => JSON.stringify(v)
    const left = a.map(key).sort()
    const right = b.map(key).sort()
    return left.every((v, i) => v === right[i])
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((k) => same(a[k] ?? "", b[k] ?? ""))
  }
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v))
  return text(a) === text(b)
}

/** A write-stage issue. */
export const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})
