/**
 * The one I/O harness every record-by-record engine runs in, so that engines differ only in
 * their mapping path: read the input file in 64 KiB chunks, split lines, `JSON.parse`,
 * `engine.map(record)`, `JSON.stringify` the value (or write a reject line), buffered
 * synchronous writes. Reject lines have the shape `mapwright map` writes:
 *
 * ```json
 * {"outcome":"rejected","line":7,"mapping":"m","stage":"map","issues":[...],"record":{...}}
 * {"outcome":"kept","line":12,"mapping":"m","issues":[...warnings]}
 * ```
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs"
import type { Counts, Mapper, Result } from "./engines/Engine.ts"

// 64 KiB, as Node's streams and core's NdjsonMap read. The output of each chunk is written
// before the next is read, as NdjsonMap does. Measured: 4 MiB chunks, or output buffers that
// outlive their chunk, give the same throughput with up to 2x the peak RSS, because a reject
// line's `record` is a slice of its chunk's text and keeps that chunk alive until it is written,
// so chunks survive into V8's old space and the old space is sized up.
const READ_CHUNK = 64 << 10

const isBlank = (line: string): boolean => {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13) return false
  }
  return true
}

/**
 * A buffered writer over a file descriptor: `write` appends, `flush` writes what was appended.
 *
 * @since 0.1.0
 * @category models
 */
export interface Writer {
  readonly write: (text: string) => void
  readonly flush: () => void
  readonly close: () => void
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const writer = (path: string): Writer => {
  const fd = Fs.openSync(path, "w")
  let buffer = ""
  const flush = () => {
    if (buffer.length > 0) Fs.writeSync(fd, buffer)
    buffer = ""
  }
  return {
    write: (text) => {
      buffer += text
    },
    flush,
    close: () => {
      flush()
      Fs.closeSync(fd)
    }
  }
}

/**
 * Calls `onLine` for every line of a file (1-based line numbers, `\r\n` tolerated), reading
 * 64 KiB at a time, and `onChunkEnd` after the lines of each chunk. `onLine` may return a
 * promise, which is awaited before the next line.
 *
 * @since 0.1.0
 * @category constructors
 */
export const forEachLine = async (
  path: string,
  onLine: (line: string, lineNumber: number) => void | Promise<void>,
  onChunkEnd: () => void = () => {}
): Promise<void> => {
  const fd = Fs.openSync(path, "r")
  const bytes = Buffer.allocUnsafe(READ_CHUNK)
  const decoder = new TextDecoder("utf-8")
  let carry = ""
  let lineNumber = 0
  const emit = (line: string) => {
    lineNumber++
    const n = line.length
    return onLine(n > 0 && line.charCodeAt(n - 1) === 13 ? line.slice(0, n - 1) : line, lineNumber)
  }
  try {
    for (;;) {
      const n = Fs.readSync(fd, bytes, 0, READ_CHUNK, null)
      const text =
        carry + (n === 0 ? decoder.decode() : decoder.decode(bytes.subarray(0, n), { stream: true }))
      let start = 0
      let newline = text.indexOf("\n")
      while (newline !== -1) {
        const done = emit(text.slice(start, newline))
        if (done !== undefined) await done
        start = newline + 1
        newline = text.indexOf("\n", start)
      }
      carry = text.slice(start)
      onChunkEnd()
      if (n === 0) break
    }
    if (carry.length > 0) {
      const done = emit(carry)
      if (done !== undefined) await done
    }
  } finally {
    Fs.closeSync(fd)
  }
}

/**
 * Runs a mapper over an NDJSON file: mapped records to `output`, reject lines (and `kept`
 * lines for records kept with warnings) to `rejects`.
 *
 * @since 0.1.0
 * @category running
 */
export const runFile = async (
  mapper: Mapper,
  input: string,
  output: string,
  rejects: string
): Promise<Counts> => {
  const out = writer(output)
  const rej = writer(rejects)
  const mappingJson = JSON.stringify(mapper.mapping)
  const map = mapper.map
  let records = 0
  let written = 0
  let rejected = 0
  let warnings = 0
  const onResult = (result: Result, line: string, lineNumber: number) => {
    const issues = result.issues
    if (result.value !== undefined) {
      written++
      out.write(`${JSON.stringify(result.value)}\n`)
      if (issues.length > 0) {
        warnings++
        rej.write(
          `{"outcome":"kept","line":${lineNumber},"mapping":${mappingJson},"issues":${JSON.stringify(issues)}}\n`
        )
      }
      return
    }
    rejected++
    let stage = "map"
    for (const issue of issues) {
      if (issue.severity === "error") {
        stage = issue.stage
        break
      }
    }
    rej.write(
      `{"outcome":"rejected","line":${lineNumber},"mapping":${mappingJson},"stage":${JSON.stringify(stage)},"issues":${JSON.stringify(issues)},"record":${line}}\n`
    )
  }
  try {
    await forEachLine(
      input,
      (line, lineNumber) => {
        if (line.length === 0 || isBlank(line)) return
        records++
        let record: unknown
        try {
          record = JSON.parse(line)
        } catch (error) {
          rejected++
          const message = `the line is not JSON: ${error instanceof Error ? error.message : String(error)}`
          rej.write(
            `{"outcome":"rejected","line":${lineNumber},"mapping":${mappingJson},"stage":"parse","issues":[${JSON.stringify({ severity: "error", stage: "parse", path: "", code: "NotJson", message })}],"raw":${JSON.stringify(line.slice(0, 10_000))}}\n`
          )
          return
        }
        const result = map(record)
        if (result instanceof Promise) return result.then((r) => onResult(r, line, lineNumber))
        onResult(result, line, lineNumber)
      },
      () => {
        out.flush()
        rej.flush()
      }
    )
  } finally {
    out.close()
    rej.close()
  }
  return { records, written, rejected, warnings }
}
