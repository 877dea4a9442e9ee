/**
 * The body codec of the customers stream, for `mapwright decode` and `encode`: `decode` reads
 * the customers out of what the API sends or takes (a list page `{"data": [...]}`, one customer
 * `{"data": {...}}`, a create or update body, a bare list) and refuses an error body with what
 * it says; `encode` writes create bodies, one JSON object per line (`POST /customers` takes one
 * customer at a time), without the fields Foodics sets itself.
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as Customer from "../Customer.ts"
import * as ErrorBody from "../ErrorBody.ts"
import { isObject } from "./pages.ts"

const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

const customerKeys = ["id", "name", "dial_code", "phone", "email"]

const isCustomer = (value: Readonly<Record<string, unknown>>): boolean =>
  !("message" in value) && !("errors" in value) && customerKeys.some((k) => k in value)

const readOnly = new Set(Customer.readOnlyFields)

/** A record without the fields Foodics sets itself. */
export const writable = (record: unknown): unknown => {
  if (!isObject(record)) return record
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!readOnly.has(k)) out[k] = v
  return out
}

export const make = (project: (record: unknown) => unknown): Connector.Body => {
  const records = (
    items: ReadonlyArray<unknown>,
    where: string
  ): Result.Result<ReadonlyArray<unknown>, string> => {
    const out: Array<unknown> = []
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (!isObject(item))
        return Result.fail(`${where} item ${i} is ${describeType(item)}, not a customer object`)
      out.push(project(item))
    }
    return Result.succeed(out)
  }
  const decode = (text: string): Result.Result<ReadonlyArray<unknown>, string> => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      return Result.fail(`the body is not JSON (${e instanceof Error ? e.message : String(e)})`)
    }
    if (Array.isArray(value)) return records(value, "the list's")
    if (!isObject(value))
      return Result.fail(`the body is ${describeType(value)}, not a customer or a list of them`)
    if ("data" in value) {
      const data = value.data
      if (Array.isArray(data)) return records(data, "the page's data")
      if (isObject(data)) return Result.succeed([project(data)])
      return Result.fail(`the body's data is ${describeType(data)}, not a customer or a list of them`)
    }
    if (isCustomer(value)) return Result.succeed([project(value)])
    const error = ErrorBody.fromJson(value)
    if (error !== undefined) {
      const fields = error.errors.map((e) => `${e.field}: ${e.messages.join(" ")}`).join("; ")
      return Result.fail(
        `the body is a Foodics error (${error.message || error.code || "no message"}${fields === "" ? "" : `; ${fields}`}), not a customer`
      )
    }
    return Result.fail('the body is an object that is not a customer, a page ({"data": [...]}) or an error')
  }
  const encode = (items: ReadonlyArray<unknown>): string =>
    items.length === 0 ? "" : `${items.map((r) => JSON.stringify(writable(r))).join("\n")}\n`
  return { contentType: "application/json", decode, encode }
}
