/**
 * The connector value: config, streams and the client that serves them.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect, Redacted } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Customers from "./customers.ts"
import { connectorName, make as makeGraphQL } from "./graphql.ts"
import * as Orders from "./orders.ts"
import * as Q from "./queries.ts"
import * as Streams from "./streams.ts"

/**
 * The client for a decoded config: every request a POST to `<shop>/admin/api/<version>/graphql.json`
 * with the `X-Shopify-Access-Token` header.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const http = yield* Http.make({
      connector: connectorName,
      baseUrl: resolved.apiRoot,
      headers: { [Config.tokenHeader.toLowerCase()]: Redacted.value(resolved.accessToken) },
      errorBody: ErrorBody.mapper
    })
    const gql = makeGraphQL(http)
    const customers: Customers.Context = {
      gql,
      pageSize: resolved.pageSize,
      maxPageSize: Config.maxPageSize
    }
    const orders: Orders.Context = { gql, pageSize: (asked) => Customers.pageSizeOf(customers, asked) }
    const client: Connector.Client = {
      check: Effect.asVoid(gql.request("check", Q.check, {})),
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
        },
        customerAttributes: {
          list: (options) => Orders.definitions(orders, options)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: connectorName,
  description:
    "Shopify (GraphQL Admin API): customers (and the guests of orders without a customer), orders, and the metafield definitions of customers",
  config: Config.Config,
  streams: {
    customers: Streams.customers,
    orders: Streams.orders,
    customerAttributes: Streams.customerAttributes
  },
  client
})
