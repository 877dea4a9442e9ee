/** Write results, one per record. */
import type { Connector, RecordIssue } from "@mapwright/core"

export const rejected = (issues: ReadonlyArray<RecordIssue.RecordIssue>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues
})

export const writeIssue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

export const noId = (what: string): Connector.WriteResult =>
  rejected([writeIssue("", "InvalidResponse", `Magento answered the write without the ${what}'s id`)])

export const notAnId = (what: string, id: unknown): Connector.WriteResult =>
  rejected([writeIssue("id", "NotFound", `"${String(id).slice(0, 40)}" is not a ${what} id`)])
