/**
 * The body codecs of the streams, for `mapwright decode` and `encode`: `decode` reads the
 * records out of what the API sends or takes (a search result `{items, ...}`, a list, one
 * record, a create body `{customer: ..., password}` / `{group: ...}`), reading camelCase input
 * keys as snake_case, and refuses an error body with what it says; `encode` writes the bodies
 * the API takes, one JSON document per line (Magento has no batch endpoint).
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import { describeType, isObject, type Json, snakeKeys } from "./json.ts"

export interface Options {
  /** `customer`, `order`, ... for messages. */
  readonly what: string
  /** The key a create body wraps the record in (`customer`, `group`, `entity`). */
  readonly wrapper: string
  /** Tells a record from another object. */
  readonly isRecord: (value: Json) => boolean
  /** Keeps a record to its schema (and adds what the connector adds on read). */
  readonly read: (record: unknown) => unknown
  /** The create body of a record, or `undefined` when it cannot be written. */
  readonly write: (record: unknown) => unknown
}

export const make = (options: Options): Connector.Body => {
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
      out.push(options.read(snakeKeys(item)))
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
    if (!isObject(value)) {
      return Result.fail(`the body is ${describeType(value)}, not a ${options.what} or a list of them`)
    }
    const error = typeof value.message === "string" ? ErrorBody.fromJson(value) : undefined
    if (error !== undefined) {
      return Result.fail(`the body is a Magento error ("${ErrorBody.text(error)}"), not a ${options.what}`)
    }
    if (Array.isArray(value.items)) return records(value.items, "the search result's")
    const wrapped = value[options.wrapper]
    if (isObject(wrapped)) {
      // POST /V1/customers takes the password beside the customer
      const password = typeof value.password === "string" ? { password: value.password } : {}
      return records([{ ...wrapped, ...password }], "the create body's")
    }
    if (options.isRecord(value)) return records([value], "the body's")
    return Result.fail(
      `the body is an object that is not a ${options.what}, a search result {items, total_count}, a create body {${options.wrapper}: ...} or an error`
    )
  }
  const encode = (items: ReadonlyArray<unknown>): string => {
    const lines = items.flatMap((r) => {
      const body = options.write(r)
      return body === undefined ? [] : [JSON.stringify(body)]
    })
    return lines.length === 0 ? "" : `${lines.join("\n")}\n`
  }
  return { contentType: "application/json", decode, encode }
}
