/**
 * The connector value: config, streams and the client that serves them.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect } from "effect"
import { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Customers from "./customers.ts"
import { connectorName, fetchPage } from "./pages.ts"
import * as Send from "./send.ts"
import * as Streams from "./streams.ts"

/**
 * The client for a decoded config: `Authorization: Bearer <token>` on every request, every
 * answer's error body mapped by `ErrorBody`.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const options: Http.Options = {
      connector: connectorName,
      baseUrl: resolved.baseUrl,
      headers: { authorization: Config.authorization(resolved) },
      errorBody: ErrorBody.mapper
    }
    const http = yield* Http.make(options)
    const httpClient = yield* HttpClient.HttpClient
    const context: Customers.Context = {
      http,
      send: Send.make(options, httpClient),
      pageSize: resolved.pageSize,
      customer: Streams.projectCustomer
    }
    const client: Connector.Client = {
      check: Effect.asVoid(fetchPage(http, {}, 1, 1)),
      streams: {
        customers: {
          list: (options) => Customers.list(context, options),
          count: (options) => Customers.count(context, options),
          get: (id) => Customers.get(context, id),
          find: (match) => Customers.find(context, match),
          create: (records) => Customers.create(context, records),
          update: (items) => Customers.update(context, items),
          delete: (ids) => Customers.remove(context, ids),
          restore: (ids) => Customers.restore(context, ids)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: connectorName,
  description:
    "Foodics (REST API v5): customers with their tags and delivery addresses; incremental on updated_at; " +
    "soft delete and restore",
  config: Config.Config,
  streams: { customers: Streams.customers },
  client
})
