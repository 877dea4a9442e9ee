/**
 * The emulator's GraphQL endpoint, `POST /admin/api/:version/graphql.json`: parse, validate,
 * price (the calculated query cost and the bucket), execute, and answer as Shopify does —
 * HTTP 200 for everything GraphQL itself says (syntax and validation errors, `THROTTLED`,
 * `MAX_COST_EXCEEDED`, a bad variable as `INVALID_VARIABLE` with its `problems`, field errors),
 * every answer with `extensions.cost`, and the `X-Shopify-API-Version` header.
 */

import type * as Emulator from "@mapwright/testkit/Emulator"
import * as Respond from "@mapwright/testkit/Respond"
import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  print,
  validate
} from "graphql"
import * as Cost from "./cost.ts"
import type { Json, Store } from "./model.ts"
import * as Mutations from "./mutations.ts"
import * as Queries from "./queries.ts"

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

export const versionPattern = /^\d{4}-(01|04|07|10)$|^unstable$/

/** A GraphQL request the emulator received. */
export interface Operation {
  readonly operationName: string | undefined
  readonly variables: Json
}

export const restError = (status: number, errors: unknown): Respond.Response =>
  Respond.json({ errors }, { status })

const throttleStatus = (bucket: Cost.Bucket) => ({
  maximumAvailable: bucket.maximumAvailable,
  currentlyAvailable: Math.max(0, Math.floor(bucket.available())),
  restoreRate: bucket.restoreRate
})

const formatError = (e: GraphQLError): Json => ({ ...e.toJSON() })

/** graphql-js's "Variable "$i0" has invalid value at .a[0].b: why" as Shopify's INVALID_VARIABLE. */
const variableError = (e: GraphQLError, document: DocumentNode, variables: Json): Json | undefined => {
  const m =
    /^Variable "\$(\w+)" (?:has invalid value(?: at ([^:]*))?|got invalid value[^:]*): ([\s\S]*)$/.exec(
      e.message
    )
  const missing = /^Variable "\$(\w+)" of (?:required|non-null) type "([^"]+)" was not provided\.?$/.exec(
    e.message
  )
  if (m === null && missing === null) return undefined
  const name = (m?.[1] ?? missing?.[1])!
  let type = missing?.[2] ?? "unknown"
  for (const d of document.definitions) {
    if (d.kind !== "OperationDefinition") continue
    const v = d.variableDefinitions?.find((x) => x.variable.name.value === name)
    if (v !== undefined) type = print(v.type)
  }
  const path = (m?.[2] ?? "")
    .split(/\.|\[|\]/)
    .filter((s) => s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
  const explanation = m?.[3] ?? "Expected value to not be null"
  return {
    message: `Variable $${name} of type ${type} was provided invalid value${path.length > 0 ? ` for ${path.join(".")}` : ""} (${explanation})`,
    locations: e.locations ?? [],
    extensions: {
      code: "INVALID_VARIABLE",
      value: variables[name] ?? null,
      problems: [{ path, explanation }]
    }
  }
}

export const handler =
  (options: {
    readonly schema: GraphQLSchema
    readonly store: Store
    readonly bucket: Cost.Bucket
    /** Called with every request's operation name (or `undefined`) and variables, before anything else. */
    readonly log: (operation: Operation) => void
  }) =>
  async (request: Emulator.Request): Promise<Respond.Response> => {
    const version = request.params.version ?? ""
    if (!versionPattern.test(version)) return restError(404, "Not Found")
    const headers = { "x-shopify-api-version": version }
    const answer = (body: Json) => Respond.json(body, { headers })
    const body = request.json()
    if (!isObject(body) || typeof body.query !== "string" || body.query.trim() === "") {
      return Respond.json(
        { errors: { query: "Required parameter missing or invalid" } },
        { status: 400, headers }
      )
    }
    const variables: Json = isObject(body.variables) ? body.variables : {}
    const named = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1]
    options.log({
      operationName: typeof body.operationName === "string" ? body.operationName : named,
      variables
    })
    let document: DocumentNode
    try {
      document = parse(body.query)
    } catch (e) {
      const error = e as GraphQLError
      return answer({ errors: [{ message: error.message, locations: error.locations ?? [] }] })
    }
    const invalid = validate(options.schema, document)
    if (invalid.length > 0) {
      return answer({
        errors: invalid.map((e) => ({
          ...formatError(e),
          extensions: {
            code: e.message.startsWith("Cannot query field") ? "undefinedField" : "GRAPHQL_VALIDATION_FAILED"
          }
        }))
      })
    }
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined
    const operation = getOperationAST(document, operationName)
    if (operation === null || operation === undefined) {
      return answer({
        errors: [{ message: "An operation name is required", extensions: { code: "BAD_REQUEST" } }]
      })
    }
    const { bucket, schema, store } = options
    const requested = Cost.costOf(schema, document, operation, variables)
    const cost = (actual: number | null) => ({
      cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(bucket) }
    })
    if (requested > bucket.singleQueryMax) {
      return answer({
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${bucket.singleQueryMax}).

See https://shopify.dev/api/usage/rate-limits for more information on how the
cost of a query is calculated.

To query larger amounts of data with fewer limits, bulk operations should be used instead.
See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.
`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: bucket.singleQueryMax }
          }
        ],
        extensions: cost(null)
      })
    }
    if (requested > bucket.available()) {
      return answer({
        errors: [
          {
            message: "Throttled",
            extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" }
          }
        ],
        extensions: cost(null)
      })
    }
    bucket.take(requested)
    const rootValue = { ...Queries.resolvers(store), ...Mutations.resolvers(store) }
    const result = await execute({
      schema,
      document,
      rootValue,
      variableValues: variables,
      ...(operationName === undefined ? {} : { operationName })
    })
    if (result.data === undefined || result.data === null) {
      const errors = result.errors ?? []
      const variableErrors = errors.map((e) => variableError(e, document, variables))
      if (errors.length > 0 && variableErrors.every((e) => e !== undefined)) {
        bucket.give(requested)
        return answer({ errors: variableErrors as ReadonlyArray<Json>, extensions: cost(0) })
      }
    }
    const actual =
      operation.operation === "mutation"
        ? requested
        : Cost.costOf(schema, document, operation, variables, result.data ?? {})
    bucket.give(requested - actual)
    return answer({
      ...(result.errors === undefined ? {} : { errors: result.errors.map(formatError) }),
      data: result.data ?? null,
      extensions: cost(actual)
    })
  }
