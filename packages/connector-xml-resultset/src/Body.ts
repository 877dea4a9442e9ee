/**
 * The body codecs of the streams, for `mapwright decode` and `mapwright encode`: `decode` reads
 * the records out of a `<ResultSet>` body (a GET answer, or a request body such as the seed's
 * own examples), `encode` writes records as the `<ResultSet>` body of a create
 * (`POST /API/V3/Customer+UserCustomerGroups`, `POST /API/V3/UserGroups`).
 *
 * @since 0.1.0
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as Orders from "./internal/orders.ts"
import * as ResultSet from "./ResultSet.ts"
import * as Xml from "./Xml.ts"

/**
 * The content type of every body of the API.
 *
 * @since 0.1.0
 * @category constants
 */
export const contentType = "application/xml"

/**
 * The records of the root's `<element>` children of a body. A body that reports errors
 * (`<Error>` under the root) fails with them; a body with no such record gives `[]`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (
  element: string,
  text: string
): Result.Result<ReadonlyArray<Xml.XmlRecord>, string> => {
  const document = Xml.parse(text)
  if (Result.isFailure(document)) return Result.fail(document.failure)
  const errors = ResultSet.errors(document.success)
  if (errors.length > 0) {
    return Result.fail(
      `the body is an error answer: ${errors.map((e) => `${e.code}${e.message === "" ? "" : `: ${e.message}`}`).join("; ")}`
    )
  }
  const others = [...new Set(document.success.elements.map((e) => e.name).filter((n) => n !== element))]
  if (others.length > 0 && document.success.elements.every((e) => e.name !== element)) {
    return Result.fail(`expected <${element}> records, found ${others.map((n) => `<${n}>`).join(", ")}`)
  }
  return Result.succeed(Xml.records(document.success, element))
}

/**
 * A `<ResultSet>` body holding each record as an `<element>`, fields in schema order. Throws an
 * `Error` naming the record and field when a record cannot be written as XML (a key that is
 * not an XML name, a control character): records that passed their schema never do.
 *
 * @since 0.1.0
 * @category constructors
 */
export const encode = (element: string, records: ReadonlyArray<unknown>): string => {
  const built = Xml.build({
    elements: records.map((record) => ({ name: element, record })),
    orders: Orders.byElement
  })
  if (Result.isFailure(built)) throw new Error(`cannot write the records as XML: ${built.failure}`)
  return built.success
}

/**
 * The codec of a stream whose records travel as `<element>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (element: string): Connector.Body => ({
  contentType,
  decode: (text) => decode(element, text),
  encode: (records) => encode(element, records)
})
