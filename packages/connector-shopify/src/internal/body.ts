/**
 * The body codecs of the streams, for `mapwright decode` and `encode`.
 *
 * `decode` reads records out of:
 * - a GraphQL answer (`{"data": {"customers": {"nodes": [...]}}}`, `edges`, `customer`,
 *   the `customer` of a `customerCreate` / `customerUpdate` / `customerSet` payload; for
 *   orders `orders` and `order`), refusing one with top-level `errors`;
 * - a GraphQL request body of `customerCreate` / `customerSet` (`{"query", "variables":
 *   {"input"}}`): what `encode` writes;
 * - a bare node, or a list of them;
 * - the REST shapes of webhooks and the legacy REST API: a bare REST customer or order
 *   (`customers/create`, `orders/create`), `{"customer": {...}}` (a response or a create
 *   body), `{"customers": [...]}`, `{"order": {...}}`, `{"orders": [...]}`, normalised by the
 *   `Rest` module;
 * and refuses an error body (`{"errors": ...}`) with what it says.
 *
 * `encode` writes, per customer, the `customerCreate` request body, one JSON document a line;
 * orders are read-only here, so it writes each order record as it is, one a line.
 */
import type { Connector } from "@mapwright/core"
import { Result } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import * as MetafieldDefinition from "../MetafieldDefinition.ts"
import * as Rest from "../Rest.ts"
import * as Input from "./input.ts"
import { mutationCustomerFields } from "./queries.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

export const createDocument = `mutation customerCreate($input: CustomerInput!) {
  customerCreate(input: $input) { customer { ${mutationCustomerFields} } userErrors { field message } }
}`

interface Kind {
  readonly what: string
  /** Fields of a GraphQL `data` that hold a list connection, a node, or a mutation payload's node. */
  readonly lists: ReadonlyArray<string>
  readonly nodes: ReadonlyArray<string>
  readonly payloads: ReadonlyArray<string>
  readonly fromRest: (rest: Json) => Json
  /** Whether a bare object is a node of this kind. */
  readonly isNode: (value: Json) => boolean
  readonly project: (value: unknown) => unknown
}

const fromConnection = (value: unknown): ReadonlyArray<unknown> | undefined => {
  if (!isObject(value)) return undefined
  if (Array.isArray(value.nodes)) return value.nodes
  if (Array.isArray(value.edges)) return value.edges.map((e) => (isObject(e) ? e.node : e))
  return undefined
}

const make = (kind: Kind): ((text: string) => Result.Result<ReadonlyArray<unknown>, string>) => {
  const one = (item: unknown, where: string): Result.Result<unknown, string> => {
    if (!isObject(item)) return Result.fail(`${where} is ${describeType(item)}, not a ${kind.what} object`)
    return Result.succeed(kind.project(Rest.isRest(item) ? kind.fromRest(item) : item))
  }
  const many = (
    items: ReadonlyArray<unknown>,
    where: string
  ): Result.Result<ReadonlyArray<unknown>, string> => {
    const out: Array<unknown> = []
    for (let i = 0; i < items.length; i++) {
      const r = one(items[i], `${where} item ${i}`)
      if (Result.isFailure(r)) return Result.fail(r.failure)
      out.push(r.success)
    }
    return Result.succeed(out)
  }
  return (text) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      return Result.fail(`the body is not JSON (${e instanceof Error ? e.message : String(e)})`)
    }
    if (Array.isArray(value)) return many(value, "the list's")
    if (!isObject(value))
      return Result.fail(`the body is ${describeType(value)}, not a ${kind.what} or a list of them`)
    if (value.errors !== undefined && !isObject(value.data)) {
      const graphQL = ErrorBody.graphQLErrors(value)
      const message =
        graphQL.length > 0
          ? graphQL.map((e) => e.message).join("; ")
          : (ErrorBody.restMessage(text) ?? "an error")
      return Result.fail(`the body is a Shopify error (${message}), not a ${kind.what}`)
    }
    if (isObject(value.data)) {
      const data = value.data
      const errors = ErrorBody.graphQLErrors(value)
      if (errors.length > 0) {
        return Result.fail(`the GraphQL answer carries errors (${errors.map((e) => e.message).join("; ")})`)
      }
      for (const field of kind.lists) {
        const list = fromConnection(data[field])
        if (list !== undefined) return many(list, `the ${field} connection's`)
      }
      for (const field of kind.nodes) {
        if (isObject(data[field])) return many([data[field]], `the ${field}`)
        if (field in data && data[field] === null) return Result.succeed([])
      }
      for (const field of kind.payloads) {
        const payload = data[field]
        if (isObject(payload)) {
          const node = payload[kind.what]
          return isObject(node) ? many([node], `the ${field} payload's ${kind.what}`) : Result.succeed([])
        }
      }
      return Result.fail(
        `the GraphQL answer holds no ${kind.what} (data has ${Object.keys(data).join(", ") || "nothing"})`
      )
    }
    if (typeof value.query === "string" && isObject(value.variables)) {
      const input = value.variables.input
      if (kind.what === "customer" && isObject(input))
        return Result.succeed([kind.project(Input.fromInput(input))])
      return Result.fail(`the GraphQL request body has no ${kind.what} input`)
    }
    const plural = `${kind.what}s`
    if (Array.isArray(value[plural]))
      return many(value[plural] as ReadonlyArray<unknown>, `the ${plural} list's`)
    if (isObject(value[kind.what])) return many([value[kind.what]], `the ${kind.what}`)
    if (Rest.isRest(value) || kind.isNode(value)) return many([value], `the ${kind.what}`)
    return Result.fail(
      `the body is an object that is not a ${kind.what}, a list of them, a GraphQL answer or request, or an error`
    )
  }
}

export const customers = (project: (value: unknown) => unknown): Connector.Body => ({
  contentType: "application/json",
  decode: make({
    what: "customer",
    lists: ["customers"],
    nodes: ["customer"],
    payloads: ["customerCreate", "customerUpdate", "customerSet"],
    fromRest: Rest.customer,
    isNode: (v) =>
      typeof v.id === "string" ||
      "defaultEmailAddress" in v ||
      "firstName" in v ||
      "lastName" in v ||
      "defaultAddress" in v,
    project
  }),
  encode: (records) =>
    records
      .map(
        (r) =>
          `${JSON.stringify({ query: createDocument, variables: { input: isObject(r) ? Input.createInput(r).input : r } })}\n`
      )
      .join("")
})

export const orders = (project: (value: unknown) => unknown): Connector.Body => ({
  contentType: "application/json",
  decode: make({
    what: "order",
    lists: ["orders"],
    nodes: ["order"],
    payloads: [],
    fromRest: Rest.order,
    isNode: (v) => typeof v.id === "string" && v.id.startsWith("gid://shopify/Order/"),
    project
  }),
  encode: (records) => records.map((r) => `${JSON.stringify(r)}\n`).join("")
})

export const definitions = (project: (value: unknown) => unknown): Connector.Body => {
  const decode: Connector.Body["decode"] = make({
    what: "metafield definition",
    lists: ["metafieldDefinitions"],
    nodes: ["metafieldDefinition"],
    payloads: [],
    fromRest: (rest) => rest,
    isNode: (v) => typeof v.namespace === "string" && typeof v.key === "string",
    project: (v) => project(MetafieldDefinition.withChoices(v))
  })
  return {
    contentType: "application/json",
    decode,
    encode: (records) => records.map((r) => `${JSON.stringify(r)}\n`).join("")
  }
}
