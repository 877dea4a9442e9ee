/**
 * The connector value: config, streams and the client that serves them.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect, Redacted } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Attributes from "./attributes.ts"
import * as Customers from "./customers.ts"
import * as Groups from "./groups.ts"
import * as Orders from "./orders.ts"
import * as Resolve from "./resolve.ts"
import { connectorName, fetchSearch } from "./search.ts"
import * as Streams from "./streams.ts"
import * as Writer from "./writer.ts"

/**
 * The client for a decoded config: the token as `Authorization: Bearer`, every answer's
 * error body mapped by `ErrorBody`.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const options: Http.Options = {
      connector: connectorName,
      baseUrl: resolved.apiRoot,
      headers: { authorization: `Bearer ${Redacted.value(resolved.token)}` },
      errorBody: ErrorBody.mapper
    }
    const http = yield* Http.make(options)
    const writer = yield* Writer.make(options)
    const lookups = yield* Resolve.make(http, { createMissingGroups: resolved.createMissingGroups })
    const zone = resolved.timeZone
    const customers: Customers.Context = {
      http,
      pageSize: resolved.pageSize,
      zone,
      lookups,
      writer,
      concurrency: resolved.concurrency,
      customer: (raw) => Resolve.read(lookups, Streams.projectCustomer(raw))
    }
    const orders: Orders.Context = { http, pageSize: resolved.pageSize, zone, order: Streams.projectOrder }
    const groups: Groups.Context = {
      http,
      pageSize: resolved.pageSize,
      writer,
      concurrency: resolved.concurrency,
      group: Streams.projectGroup
    }
    const attributes: Attributes.Context = { http, attribute: Streams.projectAttribute }
    const client: Connector.Client = {
      check: Effect.asVoid(fetchSearch(http, "customers/search", { pageSize: 1, currentPage: 1 })),
      streams: {
        customers: {
          list: (o) => Customers.list(customers, o),
          count: (o) => Customers.count(customers, o),
          get: (id) => Customers.get(customers, id),
          find: (match) => Customers.find(customers, match),
          create: (records) => Customers.create(customers, records),
          update: (items) => Customers.update(customers, items),
          delete: (ids) => Customers.remove(customers, ids)
        },
        orders: {
          list: (o) => Orders.list(orders, o),
          count: (o) => Orders.count(orders, o),
          get: (id) => Orders.get(orders, id)
        },
        customerGroups: {
          list: (o) => Groups.list(groups, o),
          count: () => Groups.count(groups),
          create: (records) => Groups.create(groups, records)
        },
        customerAttributes: {
          list: () => Attributes.list(attributes)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: connectorName,
  description:
    "Magento 2 / Adobe Commerce (REST /V1, bearer token): customers (and the guests of guest orders), orders, customer groups and customer attribute metadata",
  config: Config.Config,
  streams: {
    customers: Streams.customers,
    orders: Streams.orders,
    customerGroups: Streams.customerGroups,
    customerAttributes: Streams.customerAttributes
  },
  client
})
