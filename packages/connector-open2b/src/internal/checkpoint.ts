/**
 * Checkpoints of the customers stream: `after=<id>`, the id of the last customer read. Reads
 * walk the ids in order (`conditions.after` with `order: ["id"]`), so a read resumed from a
 * checkpoint yields exactly the customers created after it. Open2b has no "updated after"
 * condition: a change to a customer read before is not seen by an incremental read.
 */
import { ConnectorError } from "@mapwright/core"
import { connectorName } from "./api.ts"

export const format = (id: number): string => `after=${id}`

/** The id to read after, `undefined` to read from the start, or an error for a foreign checkpoint. */
export const parse = (since: string | undefined): number | undefined | ConnectorError.ConnectorError => {
  if (since === undefined || since === "") return undefined
  const m = /^after=(\d{1,15})$/.exec(since)
  if (m !== null) return Number(m[1])
  return new ConnectorError.ConnectorError({
    connector: connectorName,
    reason: "Unknown",
    message: `the checkpoint ${JSON.stringify(since.slice(0, 120))} is not one this connector writes (expected after=<customer id>)`,
    retryable: false
  })
}
