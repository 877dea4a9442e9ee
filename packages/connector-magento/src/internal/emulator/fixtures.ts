/**
 * Exact records given to the emulator (`data`), in Magento's JSON shape, as rows: times read
 * in the server's zone (now when absent), addresses' default flags from `default_billing` /
 * `default_shipping`, ids kept when given.
 */
import { snakeKeys } from "../json.ts"
import { parseIn } from "../times.ts"
import type { CustomerRow, Json, OrderRow } from "./model.ts"

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const time = (u: unknown, zone: string): number =>
  (typeof u === "string" ? parseIn(u, zone) : undefined) ?? Date.now()

const without = (record: Json, keys: ReadonlyArray<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!keys.includes(k)) out[k] = v
  return out
}

export const customerRow = (given: Json, zone: string, nextAddressId: () => number): CustomerRow => {
  const record = snakeKeys(given) as Json
  const addresses = (Array.isArray(record.addresses) ? record.addresses : []).filter(isObject).map((a) => {
    const id = typeof a.id === "number" ? a.id : nextAddressId()
    return {
      ...without(a, ["customer_id"]),
      id,
      default_billing: a.default_billing === true || String(record.default_billing) === String(id),
      default_shipping: a.default_shipping === true || String(record.default_shipping) === String(id)
    }
  })
  return {
    ...(typeof record.id === "number" ? { id: record.id } : {}),
    created: time(record.created_at, zone),
    updated: time(record.updated_at ?? record.created_at, zone),
    data: without(record, [
      "id",
      "created_at",
      "updated_at",
      "default_billing",
      "default_shipping",
      "addresses"
    ]),
    addresses
  } as CustomerRow
}

export const orderRow = (given: Json, zone: string): OrderRow =>
  ({
    ...(typeof given.entity_id === "number" ? { entity_id: given.entity_id } : {}),
    created: time(given.created_at, zone),
    updated: time(given.updated_at ?? given.created_at, zone),
    data: without(given, ["entity_id", "created_at", "updated_at"])
  }) as OrderRow
