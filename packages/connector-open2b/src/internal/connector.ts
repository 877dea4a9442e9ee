/**
 * The connector value: config, the customers stream and the client that serves it.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect, Redacted } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import { connectorName, methods, read } from "./api.ts"
import * as Customers from "./customers.ts"
import * as Streams from "./streams.ts"
import { addUtc } from "./times.ts"
import * as Writes from "./writes.ts"

/**
 * The client for a decoded config: every call a POST to `<baseUrl>/api/v<n>/<method>` with the
 * key in `X-Key`, transport errors mapped by `ErrorBody.mapper`.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const http = yield* Http.make({
      connector: connectorName,
      baseUrl: resolved.apiRoot,
      headers: { [Config.keyHeader]: Redacted.value(resolved.apiKey) },
      errorBody: ErrorBody.mapper
    })
    const zone = resolved.timeZone
    const reads: Customers.Context = {
      http,
      pageSize: resolved.pageSize,
      customer: (raw) => addUtc(Streams.projectCustomer(raw), zone)
    }
    const writes: Writes.Context = { http, zone }
    const client: Connector.Client = {
      check: Effect.asVoid(read(http, methods.count, { conditions: {} })),
      streams: {
        customers: {
          list: (options) => Customers.list(reads, options),
          count: (options) => Customers.count(reads, options),
          get: (id) => Customers.get(reads, id),
          find: (match) => Customers.find(reads, match),
          create: (records) => Writes.create(writes, records),
          update: (items) => Writes.update(writes, items),
          delete: (ids) => Writes.remove(writes, ids)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: connectorName,
  description:
    "Open2b (JSON-over-POST API, commerce.customers.*): customers, read as a keyset walk on id, written one per call",
  config: Config.Config,
  streams: { customers: Streams.customers },
  client
})
