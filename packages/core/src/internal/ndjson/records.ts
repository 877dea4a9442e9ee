/**
 * The synchronous per-record loop of `NdjsonMap`: parse a line, map it, and append the result
 * to the output and reject buffers. No Effect per record; the caller flushes the buffers once
 * per input chunk.
 *
 * @internal
 */
import type { RecordIssue } from "../../RecordIssue.ts"

/** @internal */
export interface MapperLike {
  readonly name: string
  (record: unknown): { readonly value?: unknown; readonly issues: ReadonlyArray<RecordIssue> }
}

/** @internal */
export interface Counters {
  read: number
  written: number
  rejected: number
  warnings: number
  readonly rejectedByStage: Record<string, number>
}

/** @internal */
export interface Buffers {
  output: string
  rejects: string
}

/** The longest `raw` text a parse reject carries. @internal */
export const RAW_LIMIT = 10_000

const truncate = (line: string): string => (line.length > RAW_LIMIT ? line.slice(0, RAW_LIMIT) : line)

const isBlank = (line: string): boolean => {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false
  }
  return true
}

const parseIssue = (code: string, message: string): RecordIssue => ({
  severity: "error",
  stage: "parse",
  path: "",
  code,
  message
})

const encodeIssue = (message: string): RecordIssue => ({
  severity: "error",
  stage: "encode",
  path: "",
  code: "NotSerializable",
  message
})

const describe = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`

/** @internal */
export interface RecordLoop {
  readonly counters: Counters
  readonly buffers: Buffers
  readonly onLine: (line: string, lineNumber: number) => void
  readonly onTooLong: (prefix: string, lineNumber: number) => void
}

/** @internal */
export const makeRecordLoop = (
  mapper: MapperLike,
  writeRejects: boolean,
  maxLineLength: number,
  redact?: (record: Record<string, unknown>) => unknown
): RecordLoop => {
  const counters: Counters = { read: 0, written: 0, rejected: 0, warnings: 0, rejectedByStage: {} }
  const buffers: Buffers = { output: "", rejects: "" }
  const mappingJson = JSON.stringify(mapper.name)

  const countReject = (stage: string): void => {
    counters.rejected++
    counters.rejectedByStage[stage] = (counters.rejectedByStage[stage] ?? 0) + 1
  }

  const rejectRaw = (line: string, lineNumber: number, issue: RecordIssue): void => {
    countReject("parse")
    if (writeRejects) {
      buffers.rejects += `{"outcome":"rejected","line":${lineNumber},"mapping":${mappingJson},"stage":"parse","issues":[${JSON.stringify(
        issue
      )}],"raw":${JSON.stringify(truncate(line))}}\n`
    }
  }

  const onLine = (line: string, lineNumber: number): void => {
    if (line.length === 0) return
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      if (isBlank(line)) return
      counters.read++
      const detail = error instanceof Error ? error.message : String(error)
      rejectRaw(line, lineNumber, parseIssue("NotJson", `the line is not JSON: ${detail}`))
      return
    }
    counters.read++
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      rejectRaw(
        line,
        lineNumber,
        parseIssue("NotAnObject", `the line is ${describe(record)}, not a JSON object`)
      )
      return
    }
    const result = mapper(record)
    let issues = result.issues
    if (result.value !== undefined) {
      let json: string | undefined
      try {
        json = JSON.stringify(result.value)
      } catch (error) {
        // JSON.parse takes any depth, JSON.stringify does not: a mapping that copies a subtree
        // nested thousands of levels deep gets a reject, never a crash of the run.
        const detail = error instanceof Error ? error.message : String(error)
        issues = [...issues, encodeIssue(`the mapped record cannot be written as JSON: ${detail}`)]
      }
      if (json !== undefined) {
        counters.written++
        buffers.output += `${json}\n`
        if (issues.length > 0) {
          counters.warnings++
          if (writeRejects) {
            buffers.rejects += `{"outcome":"kept","line":${lineNumber},"mapping":${mappingJson},"issues":${JSON.stringify(
              issues
            )}}\n`
          }
        }
        return
      }
    }
    let stage: string = "map"
    for (const issue of issues) {
      if (issue.severity === "error") {
        stage = issue.stage
        break
      }
    }
    countReject(stage)
    if (writeRejects) {
      // The line parsed as a JSON object, so its text is the original record, byte for byte.
      const payload = redact === undefined ? line : JSON.stringify(redact(record as Record<string, unknown>))
      buffers.rejects += `{"outcome":"rejected","line":${lineNumber},"mapping":${mappingJson},"stage":${JSON.stringify(
        stage
      )},"issues":${JSON.stringify(issues)},"record":${payload}}\n`
    }
  }

  const onTooLong = (prefix: string, lineNumber: number): void => {
    counters.read++
    rejectRaw(
      prefix,
      lineNumber,
      parseIssue("LineTooLong", `the line is longer than the limit of ${maxLineLength} characters`)
    )
  }

  return { counters, buffers, onLine, onTooLong }
}
