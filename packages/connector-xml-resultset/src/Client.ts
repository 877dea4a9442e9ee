/**
 * The connector's client: the stream operations over HTTP.
 *
 * - `customers`: list (`GET /API/V3/Customer+UserCustomerGroups?page=N&limit=M`, or with
 *   `joinUserGroups` `Customer+(UserCustomerGroups+UserGroups)`), count (the `total` of a
 *   one-record page), get (`GET .../Customer+UserCustomerGroups/<username>`), find (by
 *   `username`, or by other Customer fields as exact-match query parameters: `?email=...`),
 *   create (`POST /API/V3/Customer+UserCustomerGroups`, several `<Customer>` per request: an
 *   upsert keyed on `username`, so its result is `Created`, `Updated` or `Unchanged`), update
 *   (`PUT /API/V3/Customer/<username>` with the key and the fields given; the username in the
 *   path wins over one in the record, so an update never renames; when the record carries
 *   `UserCustomerGroup`, `PUT .../Customer+UserCustomerGroups/<username>` replaces the
 *   customer's groups with those given).
 * - `customerGroups`: list, count, get (`/API/V3/UserGroups[/<code>]`) and create
 *   (`POST /API/V3/UserGroups`, keyed on `code`).
 *
 * A record refused by the API (an `<Error>` in its element of the answer), or one that cannot
 * be sent (no key, not writable as XML), is `Rejected` with issues of stage `write`; the other
 * records of its batch go on.
 *
 * @since 0.1.0
 */
import { type Connector, ConnectorError, Pagination } from "@mapwright/core"
import type { Scope } from "effect"
import { Effect, Result, Stream } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "./Config.ts"
import * as ErrorBody from "./ErrorBody.ts"
import * as Api from "./internal/api.ts"
import * as Orders from "./internal/orders.ts"
import * as ResultSet from "./ResultSet.ts"
import * as Xml from "./Xml.ts"

/**
 * The options of the `customers` stream in a pipeline.
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomerOptions {
  /** Read `Customer+(UserCustomerGroups+UserGroups)`: each membership carries its group (default false). */
  readonly joinUserGroups?: boolean | undefined
}

/**
 * The resource specifications and paths the client uses.
 *
 * @since 0.1.0
 * @category constants
 */
export const paths = {
  customers: "Customer+UserCustomerGroups",
  customersWithGroups: "Customer+(UserCustomerGroups+UserGroups)",
  customer: "Customer",
  userGroups: "UserGroups"
} as const

/**
 * The Customer fields `find` can match on (besides `username`); `id` is read as `username`.
 *
 * @since 0.1.0
 * @category constants
 */
export const findableFields: ReadonlyArray<string> = Orders.customer.fields.filter(
  (f) => f !== "password" && f !== "UserCustomerGroup"
)

const connector = Api.connectorName
const concurrency = 4

type Fields = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is Fields => typeof u === "object" && u !== null && !Array.isArray(u)

const rejected = (code: string, path: string, message: string): Connector.WriteResult => ({
  _tag: "Rejected",
  issues: [{ severity: "error", stage: "write", path, code, message }]
})

const invalidResponse = (message: string) =>
  new ConnectorError.ConnectorError({ connector, reason: "InvalidResponse", message, retryable: false })

const chunks = <A>(items: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const keyText = (record: Fields, key: string): string | undefined => {
  const value = record[key]
  return typeof value === "string" && value.trim() !== "" ? value : undefined
}

/** The result a record element of a write answer carries. */
const resultOf = (
  element: Xml.Element,
  key: string,
  sentKey: string,
  label: string
): Connector.WriteResult | ConnectorError.ConnectorError => {
  const answeredKey = element.record[key]
  if (typeof answeredKey === "string" && answeredKey !== sentKey) {
    return invalidResponse(
      `${label}: the answer lists ${key} ${JSON.stringify(answeredKey)} where ${JSON.stringify(sentKey)} was sent`
    )
  }
  const outcome = ResultSet.outcomeOf(element)
  switch (outcome) {
    case "created":
      return { _tag: "Created", id: sentKey }
    case "updated":
      return { _tag: "Updated", id: sentKey }
    case "unchanged":
      return { _tag: "Unchanged", id: sentKey }
    case "error":
      return { _tag: "Rejected", issues: ErrorBody.recordIssues(ResultSet.recordErrors(element.record)) }
    case undefined:
      return invalidResponse(
        `${label}: the answer's <${element.name}> for ${JSON.stringify(sentKey)} has no ${ResultSet.resultAttribute}="created|updated|unchanged|error"`
      )
  }
}

/**
 * Builds the client for a decoded config.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const api = yield* Api.make(resolved, Config.authHeaders(resolved), { times: resolved.maxRetries })
    const enc = encodeURIComponent

    const firstPage = (since: string | undefined): number | ConnectorError.ConnectorError => {
      if (since === undefined || since === "") return 1
      return /^[1-9]\d*$/.test(since)
        ? Number(since)
        : new ConnectorError.ConnectorError({
            connector,
            reason: "Unknown",
            message: `the checkpoint ${JSON.stringify(since)} is not a page number`,
            retryable: false
          })
    }

    /** Every record of a paged read, as `ReadItem`s whose checkpoint is the page to resume from. */
    const paged = (
      path: string,
      element: string,
      key: string,
      list: Connector.ListOptions,
      filters: Readonly<Record<string, string>> = {}
    ): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
      const first = firstPage(list.since)
      if (first instanceof ConnectorError.ConnectorError) return Stream.fail(first)
      const pageSize = list.pageSize ?? resolved.pageSize
      return Pagination.pageNumber({
        first,
        pageSize,
        withResume: true,
        keyOf: (record: Xml.XmlRecord) => record[key],
        fetch: (page) =>
          Effect.map(
            api.request("GET", path, {
              query: { ...filters, [resolved.pageParam]: page, [resolved.limitParam]: pageSize }
            }),
            (document) => {
              const info = ResultSet.pageInfo(document)
              const items = Xml.records(document, element)
              const limit = info.limit ?? pageSize
              // the API gives its page count, else its total, else a short page ends the read
              const hasNext =
                info.pages !== undefined
                  ? page < info.pages
                  : info.total !== undefined
                    ? page * limit < info.total
                    : items.length > 0 && items.length >= limit
              return { items, hasNext }
            }
          )
      }).pipe(
        Pagination.asConnectorError(connector),
        Stream.map(({ item, resume }): Connector.ReadItem => ({ record: item, checkpoint: String(resume) }))
      )
    }

    const count = (path: string) =>
      Effect.flatMap(
        api.request("GET", path, { query: { [resolved.pageParam]: 1, [resolved.limitParam]: 1 } }),
        (document) => {
          const total = ResultSet.pageInfo(document).total
          return total === undefined
            ? Effect.fail(
                invalidResponse(
                  `GET ${path}: the answer has no total="..." on its <ResultSet>, so it cannot be counted`
                )
              )
            : Effect.succeed(total)
        }
      )

    const getOne = (path: string, element: string, id: string) =>
      api.request("GET", `${path}/${enc(id)}`).pipe(
        Effect.map((document): unknown => Xml.records(document, element)[0]),
        Effect.catchIf(
          (e) => e.reason === "NotFound" && e.code === "NotFound",
          () => Effect.succeed(undefined)
        )
      )

    /** One POST per batch; a record that cannot be sent is rejected before it. */
    const upsert = (path: string, element: string, key: string, records: ReadonlyArray<unknown>) =>
      Effect.gen(function* () {
        const results: Array<Connector.WriteResult | undefined> = records.map(() => undefined)
        const ready: Array<{ readonly index: number; readonly record: Fields; readonly key: string }> = []
        records.forEach((record, index) => {
          if (!isRecord(record)) {
            results[index] = rejected("InvalidRecord", "", `a ${element} record must be an object`)
            return
          }
          const id = keyText(record, key)
          if (id === undefined) {
            results[index] = rejected("Required", key, `the record has no ${key}, the key the API upserts on`)
            return
          }
          const alone = Xml.build({ elements: [{ name: element, record }], orders: Orders.byElement })
          if (Result.isFailure(alone)) {
            results[index] = rejected(
              "InvalidValue",
              "",
              `the record cannot be written as XML: ${alone.failure}`
            )
            return
          }
          ready.push({ index, record, key: id })
        })
        for (const batch of chunks(ready, resolved.batchSize)) {
          const body = Xml.build({
            elements: batch.map((r) => ({ name: element, record: r.record })),
            orders: Orders.byElement
          })
          if (Result.isFailure(body)) return yield* invalidResponse(`cannot write the batch: ${body.failure}`)
          const label = `POST ${path}`
          const document = yield* api.request("POST", path, { body: body.success })
          const answered = document.elements.filter((e) => e.name === element)
          if (answered.length !== batch.length) {
            return yield* invalidResponse(
              `${label}: the answer has ${answered.length} <${element}> records for the ${batch.length} sent`
            )
          }
          for (const [i, r] of batch.entries()) {
            const result = resultOf(answered[i]!, key, r.key, label)
            if (result instanceof ConnectorError.ConnectorError) return yield* result
            results[r.index] = result
          }
        }
        return results.map((r) => r!)
      })

    // ---- customers ----------------------------------------------------------------------------

    const customerPath = (options: unknown): string =>
      isRecord(options) && options.joinUserGroups === true ? paths.customersWithGroups : paths.customers

    const updateCustomer = (
      item: Connector.UpdateItem
    ): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> => {
      if (!isRecord(item.record))
        return Effect.succeed(rejected("InvalidRecord", "", "a Customer record must be an object"))
      if (item.id === "")
        return Effect.succeed(rejected("Required", "username", "an update needs the username"))
      const groups = item.record.UserCustomerGroup
      const record: Fields = {
        ...item.record,
        username: item.id,
        ...(Array.isArray(groups)
          ? { UserCustomerGroup: groups.map((g: unknown) => (isRecord(g) ? { ...g, username: item.id } : g)) }
          : {})
      }
      const body = Xml.build({ elements: [{ name: "Customer", record }], orders: Orders.byElement })
      if (Result.isFailure(body)) {
        return Effect.succeed(
          rejected("InvalidValue", "", `the record cannot be written as XML: ${body.failure}`)
        )
      }
      const path = `${Array.isArray(groups) ? paths.customers : paths.customer}/${enc(item.id)}`
      const label = `PUT ${path}`
      return api.request("PUT", path, { body: body.success }).pipe(
        Effect.flatMap((document) => {
          const element = document.elements.find((e) => e.name === "Customer")
          if (element === undefined)
            return Effect.fail(invalidResponse(`${label}: the answer has no <Customer>`))
          const result = resultOf(element, "username", item.id, label)
          return result instanceof ConnectorError.ConnectorError
            ? Effect.fail(result)
            : Effect.succeed(result)
        }),
        Effect.catchIf(
          (e) => e.reason === "NotFound" && e.code === "NotFound",
          () =>
            Effect.succeed(
              rejected("NotFound", "username", `there is no customer ${JSON.stringify(item.id)} to update`)
            )
        )
      )
    }

    const findCustomers = (match: Readonly<Record<string, string>>) => {
      const filters: Record<string, string> = {}
      for (const [name, value] of Object.entries(match)) {
        const field = name === "id" ? "username" : name
        if (!findableFields.includes(field)) {
          return Effect.fail(
            new ConnectorError.ConnectorError({
              connector,
              reason: "Unknown",
              message: `customers cannot be found by ${JSON.stringify(name)}: match on username (or id), email or another Customer field`,
              retryable: false
            })
          )
        }
        filters[field] = value
      }
      const keys = Object.keys(filters)
      if (keys.length === 1 && keys[0] === "username") {
        return Effect.map(getOne(paths.customers, "Customer", filters.username!), (r) =>
          r === undefined ? [] : [r]
        )
      }
      return paged(paths.customers, "Customer", "username", {}, filters).pipe(
        Stream.map((item) => item.record),
        Stream.runCollect
      )
    }

    const customers: Connector.StreamClient = {
      list: (options) => paged(customerPath(options.options), "Customer", "username", options),
      count: () => count(paths.customer),
      get: (id) => getOne(paths.customers, "Customer", id),
      find: findCustomers,
      create: (records) => upsert(paths.customers, "Customer", "username", records),
      update: (items) => Effect.forEach(items, updateCustomer, { concurrency })
    }

    // ---- customer groups ----------------------------------------------------------------------

    const customerGroups: Connector.StreamClient = {
      list: (options) => paged(paths.userGroups, "UserGroup", "code", options),
      count: () => count(paths.userGroups),
      get: (id) => getOne(paths.userGroups, "UserGroup", id),
      create: (records) => upsert(paths.userGroups, "UserGroup", "code", records)
    }

    const check = Effect.asVoid(
      api.request("GET", paths.customer, { query: { [resolved.pageParam]: 1, [resolved.limitParam]: 1 } })
    )

    return { check, streams: { customers, customerGroups } }
  })
