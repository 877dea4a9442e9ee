/**
 * The body codecs of the streams, for `mapwright decode` and `encode`: `decode` reads the
 * records out of what the API sends or takes (a list page, one record, a create body, a batch
 * body) and refuses an error body with what it says; `encode` writes create bodies.
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as ErrorBody from "../ErrorBody.ts"

/** The largest batch WooCommerce takes (`woocommerce_rest_batch_items_limit`, default 100). */
export const batchLimit = 100

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

/** The read-only fields left out of a create body. */
const writable = (record: unknown, readOnly: ReadonlySet<string>): unknown => {
  if (!isObject(record)) return record
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!readOnly.has(k)) out[k] = v
  return out
}

/**
 * A body codec for records of the kind `what` (`customer`, `order`); `isRecord` tells a
 * record from another object (an error body, a batch body), `project` keeps a record to its
 * documented fields, and `readOnly` lists the fields a create body leaves out.
 */
export const make = (options: {
  readonly what: string
  readonly isRecord: (value: Readonly<Record<string, unknown>>) => boolean
  readonly project: (record: unknown) => unknown
  readonly readOnly: ReadonlyArray<string>
}): Connector.Body => {
  const readOnly = new Set(options.readOnly)
  const records = (
    items: ReadonlyArray<unknown>,
    where: string
  ): Result.Result<ReadonlyArray<unknown>, string> => {
    const out: Array<unknown> = []
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (!isObject(item)) {
        return Result.fail(`${where} item ${i} is ${describeType(item)}, not a ${options.what} object`)
      }
      out.push(options.project(item))
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
      return Result.fail(`the body is ${describeType(value)}, not a ${options.what} or a list of them`)
    if (options.isRecord(value)) return Result.succeed([options.project(value)])
    const error = ErrorBody.fromJson(value)
    if (error !== undefined) {
      const status = error.status === undefined ? "" : `${error.status} `
      return Result.fail(
        `the body is a WooCommerce error (${status}${error.code}${error.message === "" ? "" : `: ${error.message}`}), not a ${options.what}`
      )
    }
    if (Array.isArray(value.create) || Array.isArray(value.update)) {
      const create = Array.isArray(value.create) ? value.create : []
      const update = Array.isArray(value.update) ? value.update : []
      const ok = (item: unknown) => !(isObject(item) && isObject(item.error))
      return records([...create, ...update].filter(ok), "the batch body's")
    }
    return Result.fail(
      `the body is an object that is not a ${options.what}, a list, a batch body or an error`
    )
  }
  const encode = (items: ReadonlyArray<unknown>): string => {
    const bodies = items.map((r) => writable(r, readOnly))
    if (bodies.length === 0) return ""
    if (bodies.length === 1) return `${JSON.stringify(bodies[0])}\n`
    const lines: Array<string> = []
    for (let i = 0; i < bodies.length; i += batchLimit) {
      lines.push(JSON.stringify({ create: bodies.slice(i, i + batchLimit) }))
    }
    return `${lines.join("\n")}\n`
  }
  return { contentType: "application/json", decode, encode }
}
