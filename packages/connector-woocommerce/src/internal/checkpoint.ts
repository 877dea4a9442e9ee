/**
 * Checkpoints, written as query strings so people can read them in the state store. Lists are
 * read by id, ascending, so a checkpoint names the page to go back to (`offset`, the position
 * of its first record, whatever the page size) and the id of the record it was written after
 * (`after`): a resumed read starts at that page and skips the ids up to `after`, so it yields
 * exactly the records that follow.
 *
 * - customers: `phase=customers&offset=200&after=345`, or `phase=guests&offset=300&after=912`
 *   among the guest orders of `includeGuests`;
 * - orders: `started=2024-05-01T09:29:59&offset=200&after=912` during a full read begun (by the
 *   server's clock) at `started`; `modified_after=...&started=...&offset=...&after=...` during
 *   an incremental one; `modified_after=2024-05-01T09:29:59` alone after a read's last order:
 *   the next read asks for the orders modified since this one began.
 */
import { ConnectorError } from "@mapwright/core"

export type Phase = "customers" | "guests"

/** Where a read resumes: the page holding `offset`, skipping ids up to `after`. */
export interface Position {
  readonly offset: number
  readonly after: number | undefined
}

export interface CustomersCheckpoint extends Position {
  readonly phase: Phase
}

export interface OrdersCheckpoint extends Position {
  readonly modifiedAfter: string | undefined
  /** When the read that wrote it began, UTC: the next read's `modified_after`. */
  readonly started: string | undefined
}

const datePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

const invalid = (since: string, expected: string) =>
  new ConnectorError.ConnectorError({
    connector: "woocommerce",
    reason: "Unknown",
    message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected ${expected})`,
    retryable: false
  })

const count = (raw: string | null, fallback: number | undefined): number | undefined | null =>
  raw === null ? fallback : /^\d{1,15}$/.test(raw) ? Number(raw) : null

const onlyKnown = (params: URLSearchParams, known: ReadonlyArray<string>): boolean =>
  [...params.keys()].every((k) => known.includes(k)) &&
  [...params.keys()].length === new Set(params.keys()).size

const position = (params: URLSearchParams): Position | undefined => {
  const offset = count(params.get("offset"), 0)
  const after = count(params.get("after"), undefined)
  if (offset === null || offset === undefined || after === null) return undefined
  return { offset, after }
}

const positionText = (p: Position): ReadonlyArray<string> => [
  `offset=${p.offset}`,
  ...(p.after === undefined ? [] : [`after=${p.after}`])
]

export const formatCustomers = (c: CustomersCheckpoint): string =>
  [`phase=${c.phase}`, ...positionText(c)].join("&")

export const parseCustomers = (
  since: string | undefined
): CustomersCheckpoint | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") return { phase: "customers", offset: 0, after: undefined }
  const params = new URLSearchParams(since)
  const phase = params.get("phase")
  const at = position(params)
  if (
    (phase !== "customers" && phase !== "guests") ||
    at === undefined ||
    !onlyKnown(params, ["phase", "offset", "after"])
  ) {
    return invalid(since, "phase=customers|guests&offset=<n>&after=<id>")
  }
  return { phase, ...at }
}

export const formatOrders = (c: OrdersCheckpoint): string =>
  [
    ...(c.modifiedAfter === undefined ? [] : [`modified_after=${c.modifiedAfter}`]),
    ...(c.started === undefined ? [] : [`started=${c.started}`]),
    ...(c.offset === 0 && c.after === undefined && c.modifiedAfter !== undefined ? [] : positionText(c))
  ].join("&")

export const parseOrders = (since: string | undefined): OrdersCheckpoint | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") {
    return { modifiedAfter: undefined, started: undefined, offset: 0, after: undefined }
  }
  const params = new URLSearchParams(since)
  const modifiedAfter = params.get("modified_after") ?? undefined
  const started = params.get("started") ?? undefined
  const at = position(params)
  const isDate = (d: string | undefined) => d === undefined || datePattern.test(d)
  const known = onlyKnown(params, ["modified_after", "started", "offset", "after"])
  if (at === undefined || !known || !isDate(modifiedAfter) || !isDate(started)) {
    return invalid(since, "modified_after=<YYYY-MM-DDTHH:MM:SS, UTC>&started=<...>&offset=<n>&after=<id>")
  }
  return { modifiedAfter, started, ...at }
}
