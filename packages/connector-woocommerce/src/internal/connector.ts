/**
 * The connector value: config, streams and the client that serves them.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect, Redacted } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Customers from "./customers.ts"
import * as Orders from "./orders.ts"
import { connectorName, fetchPage } from "./pages.ts"
import * as Streams from "./streams.ts"
import { fillGmt } from "./times.ts"

/**
 * The client for a decoded config: Basic auth with the consumer key and secret (or the keys as
 * query parameters with `queryStringAuth`), every answer's error body mapped by `ErrorBody`.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const http = yield* Http.make({
      connector: connectorName,
      baseUrl: resolved.apiRoot,
      ...(resolved.queryStringAuth
        ? {
            query: {
              consumer_key: Redacted.value(resolved.consumerKey),
              consumer_secret: Redacted.value(resolved.consumerSecret)
            }
          }
        : { headers: { authorization: Config.basicAuthorization(resolved) } }),
      errorBody: ErrorBody.mapper
    })
    const zone = resolved.timeZone
    const customers: Customers.Context = {
      http,
      pageSize: resolved.pageSize,
      customer: (raw) => fillGmt(Streams.projectCustomer(raw), zone),
      order: (raw) => fillGmt(Streams.projectOrder(raw), zone)
    }
    const orders: Orders.Context = { http, pageSize: resolved.pageSize, order: customers.order }
    const client: Connector.Client = {
      check: Effect.asVoid(fetchPage(http, "customers", { role: "all" }, 1, 1)),
      streams: {
        customers: {
          list: (options) => Customers.list(customers, options),
          count: (options) => Customers.count(customers, options),
          get: (id) => Customers.get(customers, id),
          find: (match) => Customers.find(customers, match),
          create: (records) => Customers.create(customers, records),
          update: (items) => Customers.update(customers, items),
          delete: (ids) => Customers.remove(customers, ids)
        },
        orders: {
          list: (options) => Orders.list(orders, options),
          count: (options) => Orders.count(orders, options),
          get: (id) => Orders.get(orders, id)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: connectorName,
  description: "WooCommerce (WP REST API wc/v3): customers (and the guests of guest orders) and orders",
  config: Config.Config,
  streams: { customers: Streams.customers, orders: Streams.orders },
  client
})
