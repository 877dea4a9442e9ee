/**
 * The `<ResultSet>` envelope as this connector and its emulator speak it. The seed shows
 * request bodies only; what it leaves open is decided here, in the same style:
 *
 * - Paging: `GET /API/V3/<spec>?page=1&limit=100` (1-based), answered with the page on the
 *   root: `<ResultSet page="1" limit="100" pages="7" total="650">`. Without `pages`/`total`,
 *   a page shorter than `limit` is the last.
 * - Write results: a POST or PUT answers with the records as stored (the password hashed), in
 *   the order sent, each element carrying `result="created|updated|unchanged|error"`; a record
 *   that was refused holds its key and an `<Error>` instead.
 * - Errors: `<ResultSet><Error><Code>NotFound</Code><Message>...</Message></Error></ResultSet>`
 *   with the HTTP status (see `ErrorBody`); a field-level error adds `<Field>discount</Field>`.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as Xml from "./Xml.ts"

/**
 * The root attributes of a page.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageInfo {
  readonly page: number | undefined
  readonly limit: number | undefined
  readonly pages: number | undefined
  readonly total: number | undefined
}

/**
 * The attribute names of the paging envelope.
 *
 * @since 0.1.0
 * @category constants
 */
export const pageAttributes = { page: "page", limit: "limit", pages: "pages", total: "total" } as const

const count = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined

/**
 * The paging attributes of a document; each `undefined` when absent or not a whole number.
 *
 * @since 0.1.0
 * @category combinators
 */
export const pageInfo = (document: Xml.Document): PageInfo => ({
  page: count(document.attributes[pageAttributes.page]),
  limit: count(document.attributes[pageAttributes.limit]),
  pages: count(document.attributes[pageAttributes.pages]),
  total: count(document.attributes[pageAttributes.total])
})

/**
 * What a write did to one record.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "created" | "updated" | "unchanged" | "error"

/**
 * The attribute of a record element in a write response that says what happened to it.
 *
 * @since 0.1.0
 * @category constants
 */
export const resultAttribute = "result"

/**
 * An error the API reports: for the request (a root `<Error>`) or for one record (an `<Error>`
 * inside the record's element, with the `Field` at fault when there is one).
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiError {
  readonly code: string
  readonly message: string
  readonly field?: string | undefined
}

const text = (value: Xml.Value | undefined): string | undefined =>
  typeof value === "string" ? value.trim() : undefined

const errorOf = (value: Xml.Value): ApiError | undefined => {
  if (typeof value !== "object" || Array.isArray(value)) return undefined
  const record = value as Xml.XmlRecord
  const code = text(record.Code) ?? ""
  const message = text(record.Message) ?? ""
  if (code === "" && message === "") return undefined
  const field = text(record.Field)
  return {
    code: code === "" ? "Error" : code,
    message,
    ...(field === undefined || field === "" ? {} : { field })
  }
}

/**
 * The `<Error>` elements under the root of a document.
 *
 * @since 0.1.0
 * @category combinators
 */
export const errors = (document: Xml.Document): ReadonlyArray<ApiError> =>
  Xml.records(document, "Error").flatMap((r) => {
    const e = errorOf(r)
    return e === undefined ? [] : [e]
  })

/**
 * The `<Error>` elements inside one record of a write response.
 *
 * @since 0.1.0
 * @category combinators
 */
export const recordErrors = (record: Xml.XmlRecord): ReadonlyArray<ApiError> => {
  const value = record.Error
  if (value === undefined) return []
  const items = Array.isArray(value) ? (value as ReadonlyArray<Xml.Value>) : [value]
  return items.flatMap((v) => {
    const e = errorOf(v)
    return e === undefined ? [] : [e]
  })
}

/**
 * The outcome a record element of a write response carries; `undefined` when it has none or an
 * unknown one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const outcomeOf = (element: Xml.Element): Outcome | undefined => {
  const value = element.attributes[resultAttribute]?.trim().toLowerCase()
  return value === "created" || value === "updated" || value === "unchanged" || value === "error"
    ? value
    : undefined
}

const errorOrder: Xml.Order = { fields: ["Code", "Message", "Field"] }

const errorRecord = (error: ApiError): Xml.XmlRecord => ({
  Code: error.code,
  Message: error.message,
  ...(error.field === undefined ? {} : { Field: error.field })
})

/**
 * An error body: `<ResultSet>` with one `<Error>` per error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorBody = (errors: ReadonlyArray<ApiError>): string =>
  Result.getOrThrow(
    Xml.build({
      elements: errors.map((e) => ({ name: "Error", record: errorRecord(e) })),
      orders: { Error: errorOrder }
    })
  )

/**
 * A record element of a write response that reports an error: the record's key and its errors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const failedRecord = (
  key: Readonly<Record<string, string>>,
  errors: ReadonlyArray<ApiError>
): Xml.XmlRecord => ({
  ...key,
  Error: errors.map(errorRecord)
})

/**
 * The element order of an `<Error>`.
 *
 * @since 0.1.0
 * @category constants
 */
export const errorElementOrder: Xml.Order = errorOrder
