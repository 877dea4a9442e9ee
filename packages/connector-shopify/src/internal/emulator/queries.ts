/**
 * The emulator's query resolvers: `customers`, `customer`, `customersCount`, `orders`,
 * `order`, `ordersCount`, `metafieldDefinitions`, `shop`. Connections take `first` (at most
 * 250) and `after`, a cursor that holds the sort key of the last node (so it stays valid while
 * records change), `query` in Shopify's search syntax, `sortKey` and `reverse`.
 */

import type * as Collection from "@mapwright/testkit/Collection"
import { GraphQLError } from "graphql"
import {
  type CustomerRow,
  type DefinitionRow,
  idOf,
  type Json,
  type OrderRow,
  renderCustomer,
  renderDefinition,
  renderOrder,
  type Store
} from "./model.ts"
import * as Search from "./search.ts"

type Key = ReadonlyArray<string | number>

const compareKeys = (a: Key, b: Key): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    return x < y ? -1 : 1
  }
  return 0
}

const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify(key)).toString("base64url")

const decodeCursor = (cursor: string): Key => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
    if (Array.isArray(key) && key.every((k) => typeof k === "string" || typeof k === "number")) return key
  } catch {
    // answered below
  }
  throw new GraphQLError("Invalid cursor for current pagination sort.", {
    extensions: { code: "BAD_REQUEST" }
  })
}

export interface ConnectionArgs {
  readonly first?: number | null
  readonly after?: string | null
  readonly last?: number | null
  readonly before?: string | null
  readonly reverse?: boolean | null
}

/** One page of `rows`, sorted by `key` (ascending, or descending with `reverse`). */
export const connection = <R>(
  rows: ReadonlyArray<R>,
  args: ConnectionArgs,
  key: (row: R) => Key,
  render: (row: R) => Json
): Json => {
  if (typeof args.last === "number" || typeof args.before === "string") {
    throw new GraphQLError("The emulator pages forward only: use first and after.", {
      extensions: { code: "BAD_REQUEST" }
    })
  }
  if (typeof args.first !== "number") {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } })
  }
  if (args.first < 0 || args.first > 250) {
    throw new GraphQLError("The first argument must be between 0 and 250.", {
      extensions: { code: "BAD_REQUEST" }
    })
  }
  const direction = args.reverse === true ? -1 : 1
  const sorted = rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => direction * compareKeys(a.key, b.key))
  const after = typeof args.after === "string" ? decodeCursor(args.after) : undefined
  const rest = after === undefined ? sorted : sorted.filter((r) => direction * compareKeys(r.key, after) > 0)
  const page = rest.slice(0, args.first)
  const edges = page.map((r) => ({ cursor: encodeCursor(r.key), node: render(r.row) }))
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: rest.length > page.length,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    }
  }
}

const second = (at: number) => Math.floor(at / 1000)

type CustomerStored = Collection.Stored<CustomerRow, "id">
type OrderStored = Collection.Stored<OrderRow, "id">

const customerFields =
  (row: CustomerStored) =>
  (name: string): Search.Field | undefined => {
    switch (name) {
      case "email":
        return { kind: "text", value: row.email }
      case "phone":
        return { kind: "text", value: row.phone }
      case "first_name":
        return { kind: "text", value: row.firstName }
      case "last_name":
        return { kind: "text", value: row.lastName }
      case "state":
        return { kind: "text", value: row.state.toLowerCase() }
      case "tag":
        return { kind: "text", value: row.tags }
      case "country":
        return { kind: "text", value: row.addresses[0]?.countryCode ?? null }
      case "id":
        return { kind: "number", value: row.id }
      case "updated_at":
        return { kind: "time", value: row.updated }
      case "created_at":
        return { kind: "time", value: row.created }
      default:
        return undefined
    }
  }

const customerText = (row: CustomerRow) =>
  [row.firstName, row.lastName, row.email, row.phone].filter((s) => s !== null).join(" ")

const orderFields =
  (row: OrderStored) =>
  (name: string): Search.Field | undefined => {
    switch (name) {
      case "id":
        return { kind: "number", value: row.id }
      case "customer_id":
        return { kind: "number", value: row.customerId }
      case "email":
        return { kind: "text", value: row.email }
      case "name":
        return { kind: "text", value: `#${row.number}` }
      case "financial_status":
        return { kind: "text", value: row.financialStatus.toLowerCase() }
      case "fulfillment_status":
        return { kind: "text", value: row.fulfillmentStatus.toLowerCase() }
      case "updated_at":
        return { kind: "time", value: row.updated }
      case "created_at":
      case "processed_at":
        return { kind: "time", value: row.created }
      default:
        return undefined
    }
  }

const customerKey =
  (sortKey: string) =>
  (row: CustomerStored): Key => {
    switch (sortKey) {
      case "UPDATED_AT":
        return [second(row.updated), row.id]
      case "CREATED_AT":
        return [second(row.created), row.id]
      case "NAME":
        return [`${row.firstName ?? ""} ${row.lastName ?? ""}`.trim().toLowerCase(), row.id]
      default:
        return [row.id]
    }
  }

const orderKey =
  (sortKey: string) =>
  (row: OrderStored): Key => {
    switch (sortKey) {
      case "UPDATED_AT":
        return [second(row.updated), row.id]
      case "CREATED_AT":
      case "PROCESSED_AT":
        return [second(row.created), row.id]
      case "NUMBER":
        return [row.number, row.id]
      case "TOTAL_PRICE":
        return [Number(row.total), row.id]
      default:
        return [row.id]
    }
  }

const invalidId = (id: unknown) =>
  new GraphQLError(`Invalid global id '${String(id).slice(0, 80)}'`, {
    extensions: { code: "argumentLiteralsIncompatible" }
  })

const count = (n: number, limit: number | null | undefined) =>
  typeof limit === "number" && n > limit
    ? { count: limit, precision: "AT_LEAST" }
    : { count: n, precision: "EXACT" }

interface ListArgs extends ConnectionArgs {
  readonly query?: string | null
  readonly sortKey?: string | null
}

export const resolvers = (store: Store): Json => ({
  shop: () => ({ id: "gid://shopify/Shop/1", name: "Mapwright Emulator", currencyCode: store.shopCurrency }),
  customers: (args: ListArgs) => {
    const query = Search.parse(args.query)
    const rows = store.customers.find((r) => Search.matches(query, customerFields(r), customerText(r)))
    return connection(rows, args, customerKey(args.sortKey ?? "ID"), (r) => renderCustomer(store, r))
  },
  customer: (args: { readonly id: string }) => {
    const id = idOf("Customer", args.id)
    if (id === undefined) throw invalidId(args.id)
    const row = store.customers.get(id)
    return row === undefined ? null : renderCustomer(store, row)
  },
  customersCount: (args: { readonly query?: string | null; readonly limit?: number | null }) => {
    const query = Search.parse(args.query)
    return count(
      store.customers.find((r) => Search.matches(query, customerFields(r), customerText(r))).length,
      args.limit
    )
  },
  orders: (args: ListArgs) => {
    const query = Search.parse(args.query)
    const rows = store.orders.find((r) =>
      Search.matches(query, orderFields(r), `${r.email ?? ""} #${r.number}`)
    )
    return connection(rows, args, orderKey(args.sortKey ?? "PROCESSED_AT"), (r) => renderOrder(store, r))
  },
  order: (args: { readonly id: string }) => {
    const id = idOf("Order", args.id)
    if (id === undefined) throw invalidId(args.id)
    const row = store.orders.get(id)
    return row === undefined ? null : renderOrder(store, row)
  },
  ordersCount: (args: { readonly query?: string | null; readonly limit?: number | null }) => {
    const query = Search.parse(args.query)
    return count(
      store.orders.find((r) => Search.matches(query, orderFields(r), `${r.email ?? ""} #${r.number}`)).length,
      args.limit
    )
  },
  metafieldDefinitions: (args: ConnectionArgs & { readonly ownerType: string }) => {
    const rows: ReadonlyArray<Collection.Stored<DefinitionRow, "id">> =
      args.ownerType === "CUSTOMER" ? store.definitions.list() : []
    return connection(rows, args, (r) => [r.id], renderDefinition)
  }
})
