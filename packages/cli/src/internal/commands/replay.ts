/**
 * `mapwright replay <rejects.ndjson> --pipeline <p.yaml> [--rejects F] [--dry-run] [--json]`:
 * runs the rejected records of a reject file through the pipeline again (after its mapping was
 * fixed), writing the records that still fail to a new reject file (default
 * `<rejects>.replay.ndjson` beside the input), and prints the summary like `run`.
 *
 * - Only `rejected` lines are replayed: `kept` lines (records written with warnings) are
 *   skipped, and so are lines of another pipeline or stream and lines without a record.
 * - A secret field appears in a reject file as `"<redacted>"`; such fields are left out of the
 *   replayed record, so a placeholder is never written to the target.
 * - The file is streamed: memory stays flat. No checkpoint is read or stored.
 * - Exit codes as `run`: 0, 1 (spec errors, bad arguments), 2 (I/O, connector failure), 3 (reject budget).
 *
 * @internal
 */
import { basename, dirname, join, resolve } from "node:path"
import { Pipeline, Redact } from "@mapwright/core"
import { Console, Effect, FileSystem, Option, Result, Stream } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { execute, printWarnings } from "../execute.ts"
import { CliExit, displayPath, ExitCode, handled } from "../exit.ts"

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** A copy of a value without the fields whose value is the redaction placeholder. */
const withoutRedacted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutRedacted)
  if (value === null || typeof value !== "object") return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (v === Redact.placeholder) continue
    const next = withoutRedacted(v)
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true })
    else out[k] = next
  }
  return out
}

/** The default file for the records that still fail: `rejects.ndjson` → `rejects.replay.ndjson`. */
const replayFile = (input: string): string => {
  const base = basename(input)
  const stem = base.endsWith(".ndjson") ? base.slice(0, -".ndjson".length) : base
  return join(dirname(input), `${stem}.replay.ndjson`)
}

/** @internal */
export const command = Command.make(
  "replay",
  {
    rejectsFile: Argument.String("rejects").pipe(
      Argument.withDescription("A reject file written by `mapwright run` (NDJSON)")
    ),
    pipeline: Flag.String("pipeline").pipe(Flag.withDescription("The pipeline to run the records through")),
    out: Flag.String("rejects").pipe(
      Flag.withDescription("Where to write the records that still fail (default <rejects>.replay.ndjson)"),
      Flag.optional
    ),
    dryRun: Flag.Boolean("dry-run").pipe(
      Flag.withDescription("Write nothing; report what would be created and updated"),
      Flag.withDefault(false)
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print the summary as one JSON object"),
      Flag.withDefault(false)
    )
  },
  Effect.fnUntraced(
    function* ({ dryRun, json, out, pipeline, rejectsFile }) {
      const fs = yield* FileSystem.FileSystem
      const input = resolve(rejectsFile)
      const output = resolve(Option.getOrElse(out, () => replayFile(input)))
      if (output === input) {
        yield* Console.error("mapwright: --rejects must not be the reject file being replayed")
        return yield* new CliExit({ code: ExitCode.failure })
      }
      yield* fs.access(input, { readable: true })
      yield* fs.access(pipeline, { readable: true })
      const loaded = yield* Pipeline.load(resolve(pipeline), Installed.pipelineOptions)
      if (output === loaded.rejects) {
        yield* Console.error(
          `mapwright: --rejects must not be the pipeline's own reject file (${displayPath(loaded.rejects)})`
        )
        return yield* new CliExit({ code: ExitCode.failure })
      }
      yield* printWarnings(loaded)
      const skipped = { kept: 0, other: 0, noRecord: 0, invalid: 0 }
      const records = fs.stream(input, { chunkSize: 64 * 1024 }).pipe(
        Stream.decodeText(),
        Stream.splitLines,
        Stream.filterMap((line: string): Result.Result<unknown, undefined> => {
          if (line.trim() === "") return Result.fail(undefined)
          let value: unknown
          try {
            value = JSON.parse(line)
          } catch {
            skipped.invalid++
            return Result.fail(undefined)
          }
          if (typeof value !== "object" || value === null || Array.isArray(value)) {
            skipped.invalid++
            return Result.fail(undefined)
          }
          const o = value as Record<string, unknown>
          if (o.outcome === "kept") {
            skipped.kept++
            return Result.fail(undefined)
          }
          if (o.outcome !== "rejected") {
            skipped.invalid++
            return Result.fail(undefined)
          }
          if (
            (typeof o.pipeline === "string" && o.pipeline !== loaded.name) ||
            (typeof o.stream === "string" && o.stream !== loaded.source.streamName)
          ) {
            skipped.other++
            return Result.fail(undefined)
          }
          if (o.record === undefined || o.record === null) {
            skipped.noRecord++
            return Result.fail(undefined)
          }
          return Result.succeed(withoutRedacted(o.record))
        })
      )
      yield* execute(loaded, { dryRun, json, limit: undefined, records, rejects: output }).pipe(
        Effect.ensuring(
          Effect.suspend(() => {
            const notes = [
              skipped.kept > 0 ? `${plural(skipped.kept, "kept line")} (warnings only)` : "",
              skipped.other > 0 ? `${plural(skipped.other, "line")} of another pipeline or stream` : "",
              skipped.noRecord > 0 ? `${plural(skipped.noRecord, "line")} without a record` : "",
              skipped.invalid > 0 ? `${plural(skipped.invalid, "line")} that are not reject lines` : ""
            ].filter((s) => s !== "")
            return notes.length === 0 ? Effect.void : Console.error(`mapwright: skipped ${notes.join(", ")}`)
          })
        )
      )
    },
    Effect.scoped,
    handled
  )
).pipe(
  Command.withDescription(
    "Run the rejected records of a reject file through a pipeline again (after fixing its mapping). Records that still fail go to a new reject file (default <rejects>.replay.ndjson). Exit codes as run."
  ),
  Command.withExamples([
    {
      command: "mapwright replay out/rejects.ndjson --pipeline sync.yaml",
      description: "Replay the rejects of the last run"
    }
  ])
)
