/**
 * Runs a compiled mapping over NDJSON: bytes in, one mapped JSON object per line out, in
 * constant memory.
 *
 * - Every non-blank line is a record. A line that is not JSON, or is JSON but not an object
 *   (`[]`, `"x"`, `3`, `null`), is a reject of stage `parse` (`NotJson`, `NotAnObject`), and so
 *   is a line longer than `maxLineLength` (`LineTooLong`), which is never held in memory whole.
 * - Blank lines (empty or whitespace only) are skipped: they count neither as read nor as
 *   rejected, but they do count in the line numbers, which are those of the input file.
 * - A record the mapping rejects is written to the rejects with its stage, all its issues and
 *   its original payload; a record kept with warnings is written to the output, and a `kept`
 *   line with its warnings goes to the rejects ("written beside the rejects").
 * - Input is decoded as UTF-8 (invalid bytes become U+FFFD, a leading BOM is dropped); lines
 *   end with `\n` or `\r\n`, and the last one needs no newline.
 *
 * Rejects are NDJSON, one object per line:
 *
 * ```json
 * {"outcome":"rejected","line":7,"mapping":"m","stage":"map","issues":[...],"record":{...}}
 * {"outcome":"rejected","line":9,"mapping":"m","stage":"parse","issues":[{"code":"NotJson",...}],"raw":"{oops"}
 * {"outcome":"kept","line":12,"mapping":"m","issues":[...warnings]}
 * ```
 *
 * The hot path runs no Effect per record: each input chunk's lines are parsed, mapped and
 * serialized in one synchronous loop, and the output of the chunk is written once, waiting for
 * the write before the next chunk is pulled (backpressure).
 *
 * @since 0.1.0
 */
import { Duration, Effect, FileSystem, type PlatformError, Stream } from "effect"
import { makeLineSplitter } from "./internal/ndjson/lines.ts"
import { makeRecordLoop, RAW_LIMIT } from "./internal/ndjson/records.ts"
import type { RecordIssue } from "./RecordIssue.ts"

/**
 * What the runner needs of a mapping: a compiled mapping (`Mapping.CompiledMapping`) fits, and
 * so does any function of the same shape.
 *
 * @since 0.1.0
 * @category models
 */
export interface Mapper {
  readonly name: string
  (record: unknown): { readonly value?: unknown; readonly issues: ReadonlyArray<RecordIssue> }
  /** Redacts the secrets of a source record; a `CompiledMapping` has it, from its source schema. */
  readonly redact?: ((record: unknown) => unknown) | undefined
}

/**
 * The outcome of a run. `read` counts every non-blank line; `read === written + rejected`.
 * `warnings` counts records kept with warnings (they are in `written` too).
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly read: number
  readonly written: number
  readonly rejected: number
  readonly warnings: number
  /** Rejected records by the stage of their first error: `parse`, `map`, `validate`, ... */
  readonly rejectedByStage: Readonly<Record<string, number>>
  readonly durationMs: number
  readonly recordsPerSecond: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly read: number
  readonly written: number
  readonly rejected: number
  readonly elapsedMs: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options<E, R, E2, R2, E3, R3> {
  readonly mapping: Mapper
  /** NDJSON bytes, in chunks of any size. */
  readonly input: Stream.Stream<Uint8Array, E, R>
  /** Receives the mapped records, as NDJSON text, one call per input chunk at most. */
  readonly output: (chunk: string) => Effect.Effect<void, E2, R2>
  /** Receives the reject lines; without it rejects are only counted. */
  readonly rejects?: ((chunk: string) => Effect.Effect<void, E3, R3>) | undefined
  /** Called between chunks, at most once per `progressInterval`. */
  readonly onProgress?: ((progress: Progress) => Effect.Effect<void>) | undefined
  /** Default 100 millis. */
  readonly progressInterval?: Duration.Input | undefined
  /** The longest line, in UTF-16 code units, before it becomes a `LineTooLong` reject. Default {@link defaultMaxLineLength}. */
  readonly maxLineLength?: number | undefined
  /**
   * Applied to a rejected record before it is written to the rejects, to hide secrets (a
   * password or its hash): returns the record to write, without mutating its input. Without
   * it the original line is written as it came.
   */
  readonly redact?: ((record: Record<string, unknown>) => unknown) | undefined
}

/**
 * 64 Mi characters.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxLineLength = 64 * 1024 * 1024

/**
 * The longest `raw` text a parse reject carries: longer lines are cut to this many characters.
 *
 * @since 0.1.0
 * @category constants
 */
export const rawLimit = RAW_LIMIT

/**
 * Maps an NDJSON byte stream and writes the results as it goes.
 *
 * @since 0.1.0
 * @category running
 */
export const run = <E, R, E2, R2, E3 = never, R3 = never>(
  options: Options<E, R, E2, R2, E3, R3>
): Effect.Effect<Summary, E | E2 | E3, R | R2 | R3> =>
  Effect.clockWith((clock) =>
    Effect.suspend(() => {
      const maxLineLength = options.maxLineLength ?? defaultMaxLineLength
      const intervalNanos = BigInt(
        Math.max(
          0,
          Math.round(
            Duration.toMillis(Duration.fromInputUnsafe(options.progressInterval ?? "100 millis")) * 1e6
          )
        )
      )
      const writeRejects = options.rejects
      const loop = makeRecordLoop(
        options.mapping,
        writeRejects !== undefined,
        maxLineLength,
        options.redact ?? options.mapping.redact
      )
      const splitter = makeLineSplitter(loop, maxLineLength, RAW_LIMIT)
      const { buffers, counters } = loop
      const onProgress = options.onProgress
      const started = clock.monotonicTimeNanosUnsafe()
      let lastProgress = started

      const flush: Effect.Effect<void, E2 | E3, R2 | R3> = Effect.suspend(() => {
        const out = buffers.output
        const rej = buffers.rejects
        buffers.output = ""
        buffers.rejects = ""
        const writes: Array<Effect.Effect<void, E2 | E3, R2 | R3>> = []
        if (out.length > 0) writes.push(options.output(out))
        if (rej.length > 0 && writeRejects !== undefined) writes.push(writeRejects(rej))
        if (onProgress !== undefined) {
          const now = clock.monotonicTimeNanosUnsafe()
          if (now - lastProgress >= intervalNanos) {
            lastProgress = now
            writes.push(
              onProgress({
                read: counters.read,
                written: counters.written,
                rejected: counters.rejected,
                elapsedMs: Number(now - started) / 1e6
              })
            )
          }
        }
        return writes.length === 0
          ? Effect.void
          : writes.length === 1
            ? (writes[0] as Effect.Effect<void, E2 | E3, R2 | R3>)
            : Effect.all(writes, { discard: true })
      })

      return Stream.runForEachArray(options.input, (chunks) => {
        for (const chunk of chunks) splitter.push(chunk)
        return flush
      }).pipe(
        Effect.andThen(
          Effect.suspend(() => {
            splitter.end()
            return flush
          })
        ),
        Effect.map((): Summary => {
          const elapsed = Number(clock.monotonicTimeNanosUnsafe() - started)
          return {
            read: counters.read,
            written: counters.written,
            rejected: counters.rejected,
            warnings: counters.warnings,
            rejectedByStage: { ...counters.rejectedByStage },
            durationMs: Math.round(elapsed / 1e6),
            recordsPerSecond: elapsed > 0 ? Math.round((counters.read * 1e9) / elapsed) : 0
          }
        })
      )
    })
  )

/**
 * @since 0.1.0
 * @category models
 */
export interface FileOptions {
  readonly mapping: Mapper
  /** The NDJSON file to read. */
  readonly in: string
  /** The file to write the mapped records to (created or truncated). */
  readonly out: string
  /** The file to write the reject lines to (created or truncated); without it rejects are only counted. */
  readonly rejects?: string | undefined
  readonly onProgress?: ((progress: Progress) => Effect.Effect<void>) | undefined
  readonly progressInterval?: Duration.Input | undefined
  readonly maxLineLength?: number | undefined
  readonly redact?: ((record: Record<string, unknown>) => unknown) | undefined
  /** Bytes per read. Default 64 KiB. */
  readonly chunkSize?: number | undefined
}

/**
 * {@link run} between files. The input is checked before any output file is created, so a
 * missing input never truncates an output.
 *
 * @since 0.1.0
 * @category running
 */
export const runFiles = (
  options: FileOptions
): Effect.Effect<Summary, PlatformError.PlatformError, FileSystem.FileSystem> =>
  Effect.scoped(
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      yield* fs.access(options.in, { readable: true })
      const encoder = new TextEncoder()
      const out = yield* fs.open(options.out, { flag: "w" })
      const rejects =
        options.rejects === undefined ? undefined : yield* fs.open(options.rejects, { flag: "w" })
      return yield* run({
        mapping: options.mapping,
        input: fs.stream(options.in, { chunkSize: options.chunkSize ?? 64 * 1024 }),
        output: (chunk) => out.writeAll(encoder.encode(chunk)),
        rejects:
          rejects === undefined ? undefined : (chunk: string) => rejects.writeAll(encoder.encode(chunk)),
        onProgress: options.onProgress,
        progressInterval: options.progressInterval,
        maxLineLength: options.maxLineLength,
        redact: options.redact
      })
    })
  )
