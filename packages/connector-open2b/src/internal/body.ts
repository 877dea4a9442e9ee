/**
 * The body codec of the customers stream, for `mapwright decode` and `encode`.
 *
 * `decode` reads the customers out of what the API sends or takes: a `customers.find` answer
 * (`{"status": "ok", "customers": [...]}`), a `customers.get` or `customers.authenticate`
 * answer (`"customer"`, `null` for none), a `customers.create` or `customers.update` request
 * (`{"customer": {...}}`, with the update's `id`), a bare customer or a list of them. An error
 * answer (`"status": "error"`) is refused with what it says. Decoding has no config, so shop
 * times are read as UTC for the `…Utc` twins.
 *
 * `encode` writes one `customers.create` request per record and line (Open2b creates one
 * customer per call), times in UTC.
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import { createFields } from "../Customer.ts"
import * as ErrorBody from "../ErrorBody.ts"
import { isObject, type Json } from "./api.ts"
import { prepare } from "./prepare.ts"
import { addUtc } from "./times.ts"

const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

/** Whether an object looks like a customer rather than an answer or a request. */
const isCustomer = (value: Json): boolean =>
  !("status" in value) && ("billingAddress" in value || ("id" in value && !("customer" in value)))

export const make = (project: (record: unknown) => unknown): Connector.Body => {
  const read = (record: Json): unknown => addUtc(project(record), "UTC")
  const records = (
    items: ReadonlyArray<unknown>,
    where: string
  ): Result.Result<ReadonlyArray<unknown>, string> => {
    const out: Array<unknown> = []
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (!isObject(item))
        return Result.fail(`${where} item ${i} is ${describeType(item)}, not a customer object`)
      out.push(read(item))
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
      return Result.fail(`the body is ${describeType(value)}, not a customer or an answer`)
    const error = ErrorBody.fromJson(value)
    if (error !== undefined) {
      const where = error.field === undefined ? "" : ` at ${error.field}`
      return Result.fail(
        `the body is an Open2b error (${error.type}${where}${error.description === "" ? "" : `: ${error.description}`}), not customers`
      )
    }
    if (value.status === "ok") {
      if (Array.isArray(value.customers)) return records(value.customers, "the answer's customers")
      if (value.customer === null) return Result.succeed([])
      if (isObject(value.customer)) return Result.succeed([read(value.customer)])
      return Result.fail(
        'the body is an Open2b answer without customers (it has neither "customers" nor "customer": a count, ' +
          "create, update or delete answer?)"
      )
    }
    if (isObject(value.customer)) {
      const id = value.id
      const customer = typeof id === "number" ? { id, ...value.customer } : value.customer
      return Result.succeed([read(customer)])
    }
    if (isCustomer(value)) return Result.succeed([read(value)])
    return Result.fail(
      "the body is an object that is not a customer, a list, an Open2b answer or a create or update request"
    )
  }
  const encode = (items: ReadonlyArray<unknown>): string => {
    const lines: Array<string> = []
    for (const item of items) {
      const prepared = prepare(item, createFields, "UTC")
      lines.push(
        prepared._tag === "Send"
          ? JSON.stringify({ customer: prepared.customer })
          : JSON.stringify({
              error: prepared.issues.map((i) => `${i.path || "(record)"}: ${i.message}`).join("; ")
            })
      )
    }
    return lines.length === 0 ? "" : `${lines.join("\n")}\n`
  }
  return { contentType: "application/json", decode, encode }
}
