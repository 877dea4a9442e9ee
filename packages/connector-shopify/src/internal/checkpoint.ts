/**
 * Checkpoints, written as query strings people can read in the state store. Customers and
 * orders are read sorted by `updatedAt` (Shopify's `sortKey: UPDATED_AT`, ties by id), so a
 * checkpoint is the position of the last record yielded: its `updated_at` and numeric `id`. A
 * read resumed from it asks for `updated_at:>='<updated_at>'` and skips the records up to and
 * including that position, so it yields exactly the records after it, and a read resumed from
 * the last checkpoint of a read yields only what changed since.
 *
 * With `includeGuests`, the customers' checkpoint also carries `order`, the numeric id of the
 * last order whose guest was considered: the guests are read from the orders after it.
 *
 * - `updated_at=2024-04-02T14:17:48Z&id=207119551`
 * - `updated_at=2024-04-02T14:17:48Z&id=207119551&order=450789469`
 */
import { ConnectorError } from "@mapwright/core"

export interface Position {
  /** ISO 8601 instant in UTC. */
  readonly updatedAt: string
  /** The record's numeric id, as a string. */
  readonly id: string
}

export interface Checkpoint {
  readonly position: Position | undefined
  /** With `includeGuests`: the last order considered for guests (numeric id). */
  readonly order: string | undefined
}

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const digits = /^\d{1,20}$/

const invalid = (since: string) =>
  new ConnectorError.ConnectorError({
    connector: "shopify",
    reason: "Unknown",
    message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected updated_at=<UTC instant>&id=<n>[&order=<n>])`,
    retryable: false
  })

export const empty: Checkpoint = { position: undefined, order: undefined }

export const format = (c: Checkpoint): string =>
  [
    ...(c.position === undefined ? [] : [`updated_at=${c.position.updatedAt}`, `id=${c.position.id}`]),
    ...(c.order === undefined ? [] : [`order=${c.order}`])
  ].join("&")

export const parse = (since: string | undefined): Checkpoint | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") return empty
  const params = new URLSearchParams(since)
  const keys = [...params.keys()]
  if (keys.some((k) => !["updated_at", "id", "order"].includes(k)) || keys.length !== new Set(keys).size) {
    return invalid(since)
  }
  const updatedAt = params.get("updated_at")
  const id = params.get("id")
  const order = params.get("order")
  if ((updatedAt === null) !== (id === null)) return invalid(since)
  if (updatedAt !== null && (!instant.test(updatedAt) || Number.isNaN(Date.parse(updatedAt)))) {
    return invalid(since)
  }
  if ((id !== null && !digits.test(id)) || (order !== null && !digits.test(order))) return invalid(since)
  return {
    position: updatedAt === null || id === null ? undefined : { updatedAt, id },
    order: order ?? undefined
  }
}

/** The numeric part of a GID (`gid://shopify/Customer/207119551` → `207119551`). */
export const numericId = (gid: unknown): string | undefined => {
  if (typeof gid !== "string") return undefined
  const m = /^gid:\/\/shopify\/[A-Za-z]+\/(\d{1,20})(\?.*)?$/.exec(gid)
  return m?.[1]
}

const compareIds = (a: string, b: string): number => {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Compares two positions: by instant, then by id. */
export const compare = (a: Position, b: Position): number => {
  const ta = Date.parse(a.updatedAt)
  const tb = Date.parse(b.updatedAt)
  if (ta !== tb) return ta < tb ? -1 : 1
  return compareIds(a.id, b.id)
}

/** Whether the numeric id `a` comes after `b`. */
export const isAfterId = (a: string, b: string): boolean => compareIds(a, b) > 0

/** The position of a record (`updatedAt`, and the number of its GID `id`), if it has one. */
export const positionOf = (record: unknown): Position | undefined => {
  if (typeof record !== "object" || record === null) return undefined
  const r = record as { readonly updatedAt?: unknown; readonly id?: unknown }
  const id = numericId(r.id)
  if (typeof r.updatedAt !== "string" || id === undefined) return undefined
  const at = Date.parse(r.updatedAt)
  if (Number.isNaN(at)) return undefined
  return { updatedAt: new Date(at).toISOString().replace(/\.000Z$/, "Z"), id }
}

/** The search condition of a read resumed at `position`: `updated_at:>='<instant>'`. */
export const searchFrom = (position: Position | undefined): string | undefined =>
  position === undefined ? undefined : `updated_at:>='${position.updatedAt}'`
