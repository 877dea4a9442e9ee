/**
 * Checkpoints of the incremental streams (customers, orders), written as query strings so
 * people can read them in the state store: `date_upd=2024-05-01 09:30:00&id=345`, the
 * shop-local `date_upd` and the id of the record it was written after. Records are read in
 * `(date_upd, id)` order, so a read resumed from it asks for `filter[date_upd]=[2024-05-01
 * 09:30:00,...]` and skips the records up to that pair: exactly the records after it, and
 * every record changed since.
 */
import { ConnectorError } from "@mapwright/core"

export interface Position {
  readonly date: string
  readonly id: number
}

const datePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

export const format = (p: Position): string =>
  new URLSearchParams({ date_upd: p.date, id: String(p.id) }).toString()

export const parse = (since: string | undefined): Position | undefined | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") return undefined
  const params = new URLSearchParams(since)
  const date = params.get("date_upd")
  const id = params.get("id")
  const known =
    [...params.keys()].every((k) => k === "date_upd" || k === "id") && [...params.keys()].length === 2
  if (!known || date === null || id === null || !datePattern.test(date) || !/^\d{1,15}$/.test(id)) {
    return new ConnectorError.ConnectorError({
      connector: "prestashop",
      reason: "Unknown",
      message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected date_upd=<YYYY-MM-DD HH:MM:SS>&id=<id>)`,
      retryable: false
    })
  }
  return { date, id: Number(id) }
}

/** Whether `(date, id)` comes after `p` in the read order. */
export const isAfter = (date: string, id: number, p: Position | undefined): boolean =>
  p === undefined || date > p.date || (date === p.date && id > p.id)
