/**
 * The customerAttributes stream: the fields of the customer resource, from its synopsis
 * (`GET /api/customers?schema=synopsis`, one answer, no paging), each with its `format`,
 * `required`, `maxSize` and `readOnly`; `id_gender` and `id_default_group` with their options
 * (`/api/genders`, `/api/groups`, read in the configured format).
 *
 * The synopsis is always read in XML: PrestaShop's JSON output writes a synopsis as the blank
 * schema, every field `""`, with none of its attributes (`WebserviceOutputJSON::renderField`
 * ignores them).
 */
import { type Connector, type ConnectorError, Retry } from "@mapwright/core"
import { Effect, Result, Stream } from "effect"
import * as CustomerAttribute from "../CustomerAttribute.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Xml from "../Xml.ts"
import * as Normalize from "./normalize.ts"
import * as Pages from "./pages.ts"
import * as Wire from "./wire.ts"

export interface Context {
  readonly wire: Wire.Wire
  /** Keeps a record to the fields its schema documents. */
  readonly project: (record: unknown) => unknown
}

type Option = { readonly value: string; readonly label: string }

const where = "GET /customers?schema=synopsis"

const text = (u: unknown): string => (typeof u === "string" ? u : "")

/** The synopsis's fields. A body cut short is retried like any failed read. */
export const synopsis = (
  wire: Wire.Wire
): Effect.Effect<ReadonlyArray<Xml.SynopsisField>, ConnectorError.ConnectorError> =>
  Retry.retry(
    wire.http
      .text("GET", "customers", { query: { schema: "synopsis", output_format: "XML" }, retry: false })
      .pipe(
        Effect.flatMap((response) => {
          // only a body that is not XML (cut short) is tried again; what it holds is checked once
          const parsed = Xml.parse(response.body)
          return Result.isSuccess(parsed)
            ? Effect.succeed(response.body)
            : Effect.fail(Wire.invalidResponse(`${where}: ${parsed.failure}`, true))
        })
      )
  ).pipe(
    Effect.flatMap((body) => {
      const doc = Xml.parseSynopsis(body)
      if (Result.isFailure(doc)) return Effect.fail(Wire.invalidResponse(`${where}: ${doc.failure}`))
      const found = doc.success
      if (found._tag === "Errors") {
        return Effect.fail(
          Wire.invalidResponse(`${where}: PrestaShop answered errors: ${ErrorBody.describe(found)}`)
        )
      }
      if (found.element !== "customer") {
        return Effect.fail(
          Wire.invalidResponse(`${where}: expected the synopsis of <customer>, got <${found.element}>`)
        )
      }
      return Effect.succeed(found.fields)
    })
  )

/** The rows of a table as options: the id, and the name in the connector's language. */
const tableOptions = (
  wire: Wire.Wire,
  resource: string
): Effect.Effect<ReadonlyArray<Option>, ConnectorError.ConnectorError> =>
  Effect.map(Pages.all(wire, resource, { display: "[id,name]" }), (rows) =>
    rows.map((row) => ({ value: text(row.id), label: Normalize.firstTranslation(row.name) }))
  )

/** Every field of the synopsis as a record, with the options of the fields that have a table. */
export const read = (
  context: Context
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const fields = yield* synopsis(context.wire)
    const options = new Map<string, ReadonlyArray<Option>>()
    for (const field of fields) {
      const table = CustomerAttribute.optionTables[field.name]
      if (table !== undefined) options.set(field.name, yield* tableOptions(context.wire, table))
    }
    return fields.map((field) =>
      context.project(CustomerAttribute.fromSynopsis(field.name, field.attributes, options.get(field.name)))
    )
  })

export const list = (context: Context): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> =>
  Stream.unwrap(
    Effect.map(read(context), (records) =>
      Stream.fromIterable(records.map((record): Connector.ReadItem => ({ record })))
    )
  )

/** The number of fields: the synopsis alone, without the tables. */
export const count = (context: Context): Effect.Effect<number, ConnectorError.ConnectorError> =>
  Effect.map(synopsis(context.wire), (fields) => fields.length)
