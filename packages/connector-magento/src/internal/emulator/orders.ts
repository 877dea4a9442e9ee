/**
 * The emulator's `/V1/orders` routes: search (`GET /V1/orders?searchCriteria...`) and get.
 */
import type { Collection, Emulator } from "@mapwright/testkit"
import { Respond } from "@mapwright/testkit"
import * as Criteria from "./criteria.ts"
import * as Errors from "./errors.ts"
import { type OrderRow, orderSearch, renderOrder } from "./model.ts"

export interface Store {
  readonly orders: Collection.Collection<OrderRow, "entity_id">
  readonly zone: string
  readonly maxPageSize: number
}

export const search = (store: Store) => (request: Emulator.Request) => {
  if (!Criteria.present(request)) return Errors.respond(Errors.required("searchCriteria"))
  const criteria = Criteria.parse(request, store.maxPageSize)
  const result = Criteria.apply(store.orders.list(), criteria, orderSearch(store.zone))
  return Respond.json({
    items: result.items.map((o) => renderOrder(o, store.zone)),
    search_criteria: result.echo,
    total_count: result.totalCount
  })
}

export const get = (store: Store) => (request: Emulator.Request) => {
  const id = request.params.id
  const row = id !== undefined && /^\d+$/.test(id) ? store.orders.get(id) : undefined
  if (row === undefined) {
    return Errors.respond({
      status: 404,
      message: "The entity that was requested doesn't exist. Verify the entity and try again."
    })
  }
  return Respond.json(renderOrder(row, store.zone))
}
