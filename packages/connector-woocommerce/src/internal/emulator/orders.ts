/**
 * The emulator's `/orders` routes: list (customer, status, after, before, modified_after,
 * modified_before, dates_are_gmt, orderby, order, page, per_page) and get.
 */
import type { Collection, Emulator } from "@mapwright/testkit"
import { Page, Respond } from "@mapwright/testkit"
import { toUtc } from "../times.ts"
import * as Errors from "./errors.ts"
import { type OrderRow, renderOrder } from "./model.ts"

export interface Store {
  readonly orders: Collection.Collection<OrderRow>
  readonly zone: string
}

type Row = Collection.Stored<OrderRow, "id">

const statuses = [
  "any",
  "pending",
  "processing",
  "on-hold",
  "completed",
  "cancelled",
  "refunded",
  "failed",
  "trash"
]

const fail = (e: Errors.WcError): never => Respond.fail(Errors.respond(e))

const paging: Page.NumberOptions = {
  defaultSize: 10,
  maxSize: 100,
  totalHeader: "X-WP-Total",
  totalPagesHeader: "X-WP-TotalPages",
  link: ["prev", "next"],
  invalid: (message) => Errors.respond(Errors.invalidParam({ [message.split(" ")[0] ?? "page"]: message }))
}

/** An ISO 8601 date parameter as an instant: with its own offset, else UTC or site-local. */
const instant = (request: Emulator.Request, name: string, zone: string): number | undefined => {
  const raw = request.query[name]
  if (raw === undefined || raw === "") return undefined
  const gmt = request.query.dates_are_gmt === "true" || request.query.dates_are_gmt === "1"
  const bare = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(raw)
  const at = bare ? Date.parse(`${gmt ? raw : (toUtc(raw, zone) ?? "")}Z`) : Date.parse(raw)
  return Number.isNaN(at) ? fail(Errors.invalidParam({ [name]: "Invalid date." })) : at
}

export const list = (store: Store) => (request: Emulator.Request) => {
  const status = request.query.status ?? "any"
  if (!statuses.includes(status))
    fail(Errors.invalidParam({ status: `status[0] is not one of ${statuses.join(", ")}.` }))
  const customer = request.query.customer
  if (customer !== undefined && !/^\d+$/.test(customer))
    fail(Errors.invalidParam({ customer: "customer is not of type integer." }))
  const after = instant(request, "after", store.zone)
  const before = instant(request, "before", store.zone)
  const modifiedAfter = instant(request, "modified_after", store.zone)
  const modifiedBefore = instant(request, "modified_before", store.zone)
  const rows = store.orders.find(
    (o) =>
      (status === "any" ? o.status !== "trash" : o.status === status) &&
      (customer === undefined || o.customer_id === Number(customer)) &&
      (after === undefined || o.created > after) &&
      (before === undefined || o.created < before) &&
      (modifiedAfter === undefined || o.modified > modifiedAfter) &&
      (modifiedBefore === undefined || o.modified < modifiedBefore)
  )
  const orderby = request.query.orderby ?? "date"
  const order = request.query.order ?? "desc"
  if (!["date", "id", "include", "title", "slug"].includes(orderby)) {
    fail(Errors.invalidParam({ orderby: "orderby is not one of date, id, include, title, and slug." }))
  }
  if (order !== "asc" && order !== "desc")
    fail(Errors.invalidParam({ order: "order is not one of asc and desc." }))
  const key = (o: Row) => (orderby === "date" ? o.created : o.id)
  const sorted = [...rows].sort((a, b) => key(a) - key(b) || a.id - b.id)
  const page = Page.byNumber(order === "desc" ? sorted.reverse() : sorted, request, paging)
  return Respond.json(
    page.items.map((o) => renderOrder(o.id, o, request.url.origin, store.zone)),
    { headers: page.headers }
  )
}

export const get = (store: Store) => (request: Emulator.Request) => {
  const id = request.params.id
  const row = id !== undefined && /^\d+$/.test(id) ? store.orders.get(id) : undefined
  if (row === undefined) return fail(Errors.invalidOrderId)
  return Respond.json(renderOrder(row.id, row, request.url.origin, store.zone))
}
