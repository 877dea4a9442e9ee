/**
 * The body codecs of the streams, for `mapwright decode` and `encode`. `decode` reads the
 * records out of what the webservice sends or takes, in XML or JSON: a list (with
 * `display=full`, or the bare `<customer id=".."/>` items without it), one record, a create
 * body, and JSON's `[]` for an empty list; an error body is refused with what it says. For the
 * customers stream an address body (`GET /api/addresses/1`, or a list of them) decodes as the
 * customers it belongs to, each with its addresses and nothing else known. `encode` writes
 * create bodies: XML, one `<prestashop>` document per record, filled into the blank schema;
 * a customer's addresses follow it, one document each (their `id_customer` is the new
 * customer's id, known only once it is created).
 *
 * Working offline, these resolve `id_country` with the countries of a stock PrestaShop
 * install, and read `date_add` / `date_upd` as UTC (the connector's default `timeZone`).
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import * as Xml from "../Xml.ts"
import * as Joins from "./joins.ts"
import * as Normalize from "./normalize.ts"
import * as StockCountries from "./stockCountries.ts"
import { withUtc } from "./times.ts"
import type { Json } from "./wire.ts"
import * as Writes from "./writes.ts"

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

/** What a body holds: records of one resource (its element name), in the raw JSON form. */
interface Found {
  readonly element: string
  readonly records: ReadonlyArray<unknown>
}

const singularOf = (resource: string, candidates: ReadonlyArray<string>): string | undefined =>
  candidates.find((c) => Xml.isPluralOf(resource, c))

/** Reads a body, JSON or XML, as the records of one of `elements` (`customer`, `address`). */
const read = (text: string, elements: ReadonlyArray<string>): Result.Result<Found, string> => {
  const trimmed = text.trimStart()
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch (e) {
      return Result.fail(`the body is not JSON (${e instanceof Error ? e.message : String(e)})`)
    }
    // PrestaShop's empty list
    if (Array.isArray(value) && value.length === 0)
      return Result.succeed({ element: elements[0]!, records: [] })
    if (!isObject(value)) return Result.fail(`the body is ${describeType(value)}, not a PrestaShop answer`)
    const error = ErrorBody.fromJson(value)
    if (error !== undefined)
      return Result.fail(`the body is a PrestaShop error: ${ErrorBody.describe(error)}`)
    const keys = Object.keys(value)
    if (keys.length === 1) {
      const key = keys[0]!
      const list = value[key]
      const singular = singularOf(key, elements)
      if (singular !== undefined && Array.isArray(list))
        return Result.succeed({ element: singular, records: list })
      if (elements.includes(key) && isObject(list)) return Result.succeed({ element: key, records: [list] })
    }
    return Result.fail(
      `the body is a JSON object that is not a ${elements.join(" or ")}, a list of them or an error (keys: ${keys.slice(0, 5).join(", ") || "none"})`
    )
  }
  const doc = Xml.parse(text)
  if (Result.isFailure(doc)) return Result.fail(doc.failure)
  const d = doc.success
  if (d._tag === "Errors") {
    return Result.fail(`the body is a PrestaShop error: ${ErrorBody.describe({ errors: d.errors })}`)
  }
  if (d._tag === "List") {
    const singular = singularOf(d.resource, elements)
    if (singular !== undefined) return Result.succeed({ element: singular, records: d.records })
    return Result.fail(
      `the body is a <${d.resource}> list, not ${elements.map((e) => `<${e}>`).join(" or ")} records`
    )
  }
  if (elements.includes(d.element)) return Result.succeed({ element: d.element, records: [d.record] })
  return Result.fail(`the body is one <${d.element}>, not ${elements.map((e) => `<${e}>`).join(" or ")}`)
}

const resourceOf: Readonly<Record<string, string>> = {
  customer: "customers",
  address: "addresses",
  group: "groups",
  order: "orders"
}

const normalized = (element: string, records: ReadonlyArray<unknown>, languageId: number) =>
  records.map((r, i) => {
    if (!isObject(r)) throw new Error(`item ${i} is ${describeType(r)}, not a ${element} object`)
    return Normalize.record(resourceOf[element] ?? element, r, languageId) as Json
  })

const safely = <A>(f: () => A): Result.Result<A, string> => {
  try {
    return Result.succeed(f())
  } catch (e) {
    return Result.fail(e instanceof Error ? e.message : String(e))
  }
}

/** The customers an address body belongs to, each with its addresses. */
const customersOfAddresses = (addresses: ReadonlyArray<Json>): ReadonlyArray<Json> => {
  const byCustomer = new Map<string, Array<Json>>()
  for (const address of addresses) {
    const owner = typeof address.id_customer === "string" ? address.id_customer : ""
    const list = byCustomer.get(owner) ?? []
    list.push(Joins.withCountry(address, StockCountries.table))
    byCustomer.set(owner, list)
  }
  return [...byCustomer].map(([id, list]) => ({ id, addresses: list }))
}

const strip = (record: unknown, fields: ReadonlySet<string>): Json => {
  const out: Record<string, unknown> = {}
  if (!isObject(record)) return out
  for (const [k, v] of Object.entries(record)) if (!fields.has(k) && v !== null && v !== undefined) out[k] = v
  return out
}

/** The offline blank of a resource: its documented fields, each `""`. */
const blank = (
  element: string,
  fields: ReadonlyArray<string>,
  multilingual: ReadonlyArray<string>,
  languageId: number
) => ({
  element,
  fields,
  template: Object.fromEntries(
    fields
      .filter((f) => f !== "associations")
      .map((f) => [f, multilingual.includes(f) ? [{ id: String(languageId), value: "" }] : ""])
  )
})

const built = (result: Result.Result<string, string>, what: string): string => {
  if (Result.isFailure(result)) throw new Error(`cannot write the ${what} as XML: ${result.failure}`)
  return result.success
}

export interface Options {
  /** The record's element (`customer`). */
  readonly element: string
  /** The element order of a create body (the blank schema's fields). */
  readonly fields: ReadonlyArray<string>
  /** Fields a create body leaves out (read-only and joined). */
  readonly leaveOut: ReadonlyArray<string>
  readonly multilingual?: ReadonlyArray<string>
  /** Keeps a record to its documented fields. */
  readonly project: (record: unknown) => unknown
  /** For customers: the address body order and its writable fields. */
  readonly addresses?: { readonly fields: ReadonlyArray<string>; readonly leaveOut: ReadonlyArray<string> }
  readonly languageId?: number
}

export const make = (options: Options): Connector.Body => {
  const languageId = options.languageId ?? 1
  const leaveOut = new Set(options.leaveOut)
  const recordBlank = blank(options.element, options.fields, options.multilingual ?? [], languageId)
  const accepted = options.addresses === undefined ? [options.element] : [options.element, "address"]
  const decode = (text: string): Result.Result<ReadonlyArray<unknown>, string> => {
    const found = read(text, accepted)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    return safely(() => {
      const records = normalized(found.success.element, found.success.records, languageId)
      const own = found.success.element === "address" ? customersOfAddresses(records) : records
      return own.map((r) => options.project(withUtc(r, "UTC")))
    })
  }
  const encode = (records: ReadonlyArray<unknown>): string => {
    const documents: Array<string> = []
    records.forEach((record, i) => {
      documents.push(built(Writes.fill(recordBlank, strip(record, leaveOut)), `${options.element} ${i}`))
      const addresses = options.addresses
      if (addresses === undefined || !isObject(record) || !Array.isArray(record.addresses)) return
      const addressBlank = blank("address", addresses.fields, [], languageId)
      const addressLeaveOut = new Set(addresses.leaveOut)
      record.addresses.forEach((address: unknown, j: number) => {
        const body = strip(address, addressLeaveOut)
        const iso =
          isObject(address) && typeof address.country_iso_code === "string" ? address.country_iso_code : ""
        const id =
          body.id_country === undefined || body.id_country === "" ? StockCountries.idOf(iso) : undefined
        documents.push(
          built(
            Writes.fill(addressBlank, id === undefined ? body : { ...body, id_country: id }),
            `${options.element} ${i}'s address ${j}`
          )
        )
      })
    })
    return documents.length === 0 ? "" : `${documents.join("\n\n")}\n`
  }
  return { contentType: "application/xml", decode, encode }
}
