/**
 * Checkpoints, written as query strings so people can read them in the state store. Reads go
 * by `updated_at`, then entity id, ascending, so a checkpoint is the position of the record it
 * was written after: `updated_at=2024-05-01 09:30:00&id=345` (the time in UTC). A read from it
 * asks for `updated_at gteq` that time and skips every record up to and including that
 * position, so it yields exactly the records changed after it — the next incremental read is
 * the same request.
 *
 * The customers stream with `includeGuests` adds `order=912`: the last guest order read (by
 * entity id); guests come from the guest orders after it.
 */
import { ConnectorError } from "@mapwright/core"
import { connectorName } from "./search.ts"

/** Where a read by `updated_at` resumes: after this record. */
export interface Position {
  readonly updatedAt: string | undefined
  readonly id: number | undefined
}

export interface Checkpoint extends Position {
  /** The last guest order read (customers with `includeGuests`). */
  readonly order: number | undefined
}

export const start: Checkpoint = { updatedAt: undefined, id: undefined, order: undefined }

const timePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

const invalid = (since: string) =>
  new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "Unknown",
    message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected updated_at=<YYYY-MM-DD HH:MM:SS>&id=<id>, optionally &order=<order id>)`,
    retryable: false
  })

const count = (raw: string | null): number | undefined | null =>
  raw === null ? undefined : /^\d{1,15}$/.test(raw) ? Number(raw) : null

export const parse = (since: string | undefined): Checkpoint | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") return start
  const params = new URLSearchParams(since)
  const keys = [...params.keys()]
  if (
    !keys.every((k) => k === "updated_at" || k === "id" || k === "order") ||
    new Set(keys).size !== keys.length
  ) {
    return invalid(since)
  }
  const updatedAt = params.get("updated_at") ?? undefined
  const id = count(params.get("id"))
  const order = count(params.get("order"))
  if (id === null || order === null || (updatedAt !== undefined && !timePattern.test(updatedAt))) {
    return invalid(since)
  }
  if ((updatedAt === undefined) !== (id === undefined)) return invalid(since)
  return { updatedAt, id, order }
}

export const format = (c: Checkpoint): string => {
  const params = new URLSearchParams()
  if (c.updatedAt !== undefined && c.id !== undefined) {
    params.set("updated_at", c.updatedAt)
    params.set("id", String(c.id))
  }
  if (c.order !== undefined) params.set("order", String(c.order))
  return params.toString()
}

/** Whether a record at (`updatedAt`, `id`) comes after `position`. */
export const isAfter = (position: Position, updatedAt: string, id: number): boolean =>
  position.updatedAt === undefined ||
  position.id === undefined ||
  updatedAt > position.updatedAt ||
  (updatedAt === position.updatedAt && id > position.id)
