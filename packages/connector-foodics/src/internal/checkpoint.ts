/**
 * Checkpoints of the customers stream, written as query strings so people can read them in the
 * state store. The list is read sorted by `updated_at` (ascending), so a checkpoint names the
 * `updated_at` of the record it was written after and the ids already yielded with exactly that
 * time: `updated_at=2024-05-01 09:29:59&seen=8d831,9a1f2`. A resumed read asks for the records
 * updated from that second on (`filter[updated_after]` one second before it, since Foodics
 * times have whole seconds) and skips the ids already seen at that second, so it yields
 * exactly the records that follow, whatever order Foodics gives records of the same second.
 *
 * `start` is the checkpoint of a record read before any record with an `updated_at`: a read
 * from the beginning.
 */
import { ConnectorError } from "@mapwright/core"
import * as Times from "./times.ts"

export interface Checkpoint {
  /** `undefined`: from the beginning (or the stream options' own `updated_after`). */
  readonly updatedAt: string | undefined
  /** The ids already yielded whose `updated_at` is exactly `updatedAt`. */
  readonly seen: ReadonlyArray<string>
}

export const start: Checkpoint = { updatedAt: undefined, seen: [] }

export const startText = "start"

export const format = (c: Checkpoint): string => {
  if (c.updatedAt === undefined) return startText
  const params = new URLSearchParams({ updated_at: c.updatedAt })
  if (c.seen.length > 0) params.set("seen", c.seen.join(","))
  return params.toString()
}

const invalid = (since: string) =>
  new ConnectorError.ConnectorError({
    connector: "foodics",
    reason: "Unknown",
    message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected start or updated_at=<YYYY-MM-DD HH:MM:SS>&seen=<id,...>)`,
    retryable: false
  })

export const parse = (since: string | undefined): Checkpoint | ConnectorError.ConnectorError => {
  if (since === undefined || since === "" || since === startText) return start
  const params = new URLSearchParams(since)
  const keys = [...params.keys()]
  const updatedAt = params.get("updated_at")
  const seen = params.get("seen")
  if (
    updatedAt === null ||
    !Times.isTime(updatedAt) ||
    keys.some((k) => k !== "updated_at" && k !== "seen") ||
    keys.length !== new Set(keys).size
  ) {
    return invalid(since)
  }
  return {
    updatedAt,
    seen: seen === null || seen === "" ? [] : seen.split(",").filter((id) => id !== "")
  }
}

/**
 * The checkpoint after a record: its `updated_at` with its id among those seen at that second,
 * or the one before when the record has no usable time (or a time before it: a list that is
 * not sorted is read again from the earlier checkpoint).
 */
export const after = (previous: Checkpoint, id: string | undefined, updatedAt: unknown): Checkpoint => {
  if (typeof updatedAt !== "string" || !Times.isTime(updatedAt) || id === undefined) return previous
  if (previous.updatedAt === undefined || updatedAt > previous.updatedAt) return { updatedAt, seen: [id] }
  if (updatedAt === previous.updatedAt) {
    return previous.seen.includes(id) ? previous : { updatedAt, seen: [...previous.seen, id] }
  }
  return previous
}

/** Whether a record read after resuming from `from` was already yielded before it. */
export const alreadyRead = (from: Checkpoint, id: string | undefined, updatedAt: unknown): boolean => {
  if (from.updatedAt === undefined || typeof updatedAt !== "string" || !Times.isTime(updatedAt)) return false
  if (updatedAt < from.updatedAt) return true
  return updatedAt === from.updatedAt && id !== undefined && from.seen.includes(id)
}
