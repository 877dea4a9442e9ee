/**
 * The orders stream's operations: list (incremental on `date_upd`), count and get. Each page
 * of orders is joined, with one request per kind, to its customers (`filter[id]=[...]`) and
 * its invoice and delivery addresses (deleted ones too: an order keeps the address it was
 * placed with); the currency and order state tables are read once.
 */
import { type Connector, ConnectorError } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as Checkpoint from "./checkpoint.ts"
import { countOf, isId, pageSizeOf } from "./customers.ts"
import * as Joins from "./joins.ts"
import * as Pages from "./pages.ts"
import { withUtc } from "./times.ts"
import type { Json } from "./wire.ts"
import * as Wire from "./wire.ts"

export interface Context {
  readonly wire: Wire.Wire
  readonly tables: Joins.Tables
  readonly zone: string
  readonly pageSize: number
  readonly project: (record: unknown) => unknown
}

const text = (u: unknown): string => (typeof u === "string" ? u : "")

const byId = (rows: ReadonlyArray<Json>): ReadonlyMap<string, Json> =>
  new Map(rows.map((r) => [text(r.id), r]))

const joined = (context: Context, orders: ReadonlyArray<Json>) =>
  Effect.gen(function* () {
    if (orders.length === 0) return []
    const customers = byId(
      yield* Joins.byField(
        context.wire,
        "customers",
        "id",
        orders.map((o) => text(o.id_customer)),
        { display: "[id,email,firstname,lastname,is_guest]" }
      )
    )
    const countries = yield* context.tables.countries
    const addresses = byId(
      (yield* Joins.byField(
        context.wire,
        "addresses",
        "id",
        orders.flatMap((o) => [text(o.id_address_invoice), text(o.id_address_delivery)])
      )).map((a) => Joins.withCountry(a, countries))
    )
    const currencies = yield* context.tables.currencies
    const states = yield* context.tables.orderStates
    return orders.map((order) => {
      const out: Record<string, unknown> = { ...order }
      const customer = customers.get(text(order.id_customer))
      if (customer !== undefined) out.customer = customer
      const invoice = addresses.get(text(order.id_address_invoice))
      if (invoice !== undefined) out.address_invoice = invoice
      const delivery = addresses.get(text(order.id_address_delivery))
      if (delivery !== undefined) out.address_delivery = delivery
      const currency = currencies.get(text(order.id_currency))
      if (currency !== undefined) out.currency_iso_code = currency
      const state = states.get(text(order.current_state))
      if (state !== undefined) out.current_state_name = state
      return context.project(withUtc(out, context.zone))
    })
  })

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    return Pages.byDateUpd(
      context.wire,
      "orders",
      { display: "full" },
      pageSizeOf(context, options.pageSize),
      from
    ).pipe(
      Stream.mapEffect((page) =>
        Effect.map(
          joined(
            context,
            page.map((p) => p.record)
          ),
          (records) =>
            records.map((record, i): Connector.ReadItem => ({ record, checkpoint: page[i]!.checkpoint }))
        )
      ),
      Stream.flattenIterable
    )
  })

export const count = (context: Context) => countOf(context.wire, "orders")

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? Effect.flatMap(Wire.one(context.wire, "orders", "order", id), (found) =>
        found === undefined ? Effect.succeed(undefined) : Effect.map(joined(context, [found]), (r) => r[0])
      )
    : Effect.succeed(undefined)
