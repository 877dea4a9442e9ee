/**
 * The body codec of the customerAttributes stream, for `mapwright decode` and `encode`.
 * `decode` reads the customer resource's synopsis (`GET /api/customers?schema=synopsis`) in
 * XML, one record per field; working offline, `id_gender` and `id_default_group` get the
 * options of a stock install (`CustomerAttribute.stockOptions`). A JSON synopsis is refused:
 * PrestaShop writes it without the fields' attributes, so it says nothing of their rules. So
 * are an error body, a blank schema and a record. `encode` writes the records back as one
 * synopsis document (the options, which come from other resources, left out).
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as CustomerAttribute from "../CustomerAttribute.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Xml from "../Xml.ts"

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const attr = (value: string): string =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")

const isName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)

/** The attributes a synopsis writes, in PrestaShop's order. */
const attributeOrder = ["required", "maxSize", "format", "readOnly"] as const

const jsonRefusal =
  "the body is JSON: PrestaShop writes a JSON synopsis without the fields' attributes (format, required, maxSize), " +
  "so it says nothing of their rules; decode the XML synopsis (?schema=synopsis without output_format=JSON)"

export const make = (project: (record: unknown) => unknown): Connector.Body => {
  const decode = (text: string): Result.Result<ReadonlyArray<unknown>, string> => {
    const trimmed = text.trimStart()
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        const error = ErrorBody.fromJson(JSON.parse(trimmed))
        if (error !== undefined)
          return Result.fail(`the body is a PrestaShop error: ${ErrorBody.describe(error)}`)
      } catch {
        return Result.fail("the body is neither XML nor JSON")
      }
      return Result.fail(jsonRefusal)
    }
    const doc = Xml.parseSynopsis(text)
    if (Result.isFailure(doc)) return Result.fail(doc.failure)
    const found = doc.success
    if (found._tag === "Errors") {
      return Result.fail(`the body is a PrestaShop error: ${ErrorBody.describe({ errors: found.errors })}`)
    }
    if (found.element !== "customer") {
      return Result.fail(`the body is the synopsis of <${found.element}>, not of <customer>`)
    }
    return Result.succeed(
      found.fields.map((field) =>
        project(
          CustomerAttribute.fromSynopsis(
            field.name,
            field.attributes,
            CustomerAttribute.stockOptions[field.name] ?? []
          )
        )
      )
    )
  }
  const encode = (records: ReadonlyArray<unknown>): string => {
    const lines = records.map((record, i) => {
      if (!isObject(record) || typeof record.name !== "string" || !isName(record.name)) {
        throw new Error(`cannot write customer attribute ${i} as XML: its name is not a field name`)
      }
      const attributes = attributeOrder
        .filter((k) => typeof record[k] === "string")
        .map((k) => ` ${k}="${attr(record[k] as string)}"`)
        .join("")
      return `    <${record.name}${attributes}></${record.name}>`
    })
    if (lines.length === 0) return ""
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">',
      "  <customer>",
      ...lines,
      "  </customer>",
      "</prestashop>",
      ""
    ].join("\n")
  }
  return { contentType: "application/xml", decode, encode }
}
