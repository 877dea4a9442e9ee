/**
 * The connector value: config, streams and the client that serves them.
 */
import { Connector, type ConnectorError, Http } from "@mapwright/core"
import { Effect } from "effect"
import type { HttpClient } from "effect/http"
import * as Config from "../Config.ts"
import * as ErrorBody from "../ErrorBody.ts"
import * as Attributes from "./attributes.ts"
import * as Customers from "./customers.ts"
import * as Groups from "./groups.ts"
import * as Joins from "./joins.ts"
import * as Orders from "./orders.ts"
import * as Streams from "./streams.ts"
import * as Wire from "./wire.ts"
import * as Writes from "./writes.ts"

/**
 * The client for a decoded config: Basic auth with the key as the user name, reads in the
 * configured format, every error body mapped by `ErrorBody`.
 */
export const client = (
  config: Config.Config
): Effect.Effect<Connector.Client, ConnectorError.ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const resolved = Config.resolve(config)
    const http = yield* Http.make({
      connector: Wire.connectorName,
      baseUrl: resolved.apiRoot,
      headers: { authorization: Config.basicAuthorization(resolved.key) },
      errorBody: ErrorBody.mapper
    })
    const wire: Wire.Wire = { http, format: resolved.format, languageId: resolved.languageId }
    const writer = Writes.makeWriter(http)
    const tables = Joins.tables(wire)
    const customers: Customers.Context = {
      wire,
      writer,
      tables,
      zone: resolved.timeZone,
      pageSize: resolved.pageSize,
      generatePasswords: resolved.generatePasswords,
      project: Streams.projectCustomer
    }
    const groups: Groups.Context = {
      wire,
      writer,
      pageSize: resolved.pageSize,
      languageId: resolved.languageId,
      project: Streams.projectGroup
    }
    const orders: Orders.Context = {
      wire,
      tables,
      zone: resolved.timeZone,
      pageSize: resolved.pageSize,
      project: Streams.projectOrder
    }
    const attributes: Attributes.Context = { wire, project: Streams.projectAttribute }
    const client: Connector.Client = {
      check: Effect.asVoid(Wire.list(wire, "customers", { display: "[id]", limit: "0,1" })),
      streams: {
        customers: {
          list: (options) => Customers.list(customers, options),
          count: () => Customers.count(customers),
          get: (id) => Customers.get(customers, id),
          find: (match) => Customers.find(customers, match),
          create: (records) => Customers.create(customers, records),
          update: (items) => Customers.update(customers, items),
          delete: (ids) => Customers.remove(customers, ids)
        },
        customerGroups: {
          list: (options) => Groups.list(groups, options),
          count: () => Groups.count(groups),
          get: (id) => Groups.get(groups, id),
          create: (records) => Groups.create(groups, records),
          update: (items) => Groups.update(groups, items),
          delete: (ids) => Groups.remove(groups, ids)
        },
        orders: {
          list: (options) => Orders.list(orders, options),
          count: () => Orders.count(orders),
          get: (id) => Orders.get(orders, id)
        },
        customerAttributes: {
          list: () => Attributes.list(attributes),
          count: () => Attributes.count(attributes)
        }
      }
    }
    return client
  })

export const connector: Connector.Connector = Connector.define({
  name: Wire.connectorName,
  description:
    "PrestaShop (webservice /api): customers with their addresses (guests included), customer groups, orders, and the customer fields (synopsis)",
  config: Config.Config,
  streams: {
    customers: Streams.customers,
    customerGroups: Streams.customerGroups,
    orders: Streams.orders,
    customerAttributes: Streams.customerAttributes
  },
  client
})
