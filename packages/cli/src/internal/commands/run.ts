/**
 * `mapwright run <pipeline.yaml> [--dry-run] [--limit N] [--json]`: loads and checks a
 * pipeline (every problem with file:line:col, exit 1), then runs it with the SQLite state
 * store at its `state` path. Progress goes to stderr, the summary to stdout (`--json`: one
 * JSON object). Exit 0 when the run completes, 2 when a connector fails, 3 when the reject
 * budget stops it.
 *
 * @internal
 */
import { resolve } from "node:path"
import { Pipeline } from "@mapwright/core"
import { Console, Effect, FileSystem, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { execute, printWarnings } from "../execute.ts"
import { CliExit, ExitCode, handled } from "../exit.ts"

/** @internal */
export const command = Command.make(
  "run",
  {
    pipeline: Argument.String("pipeline").pipe(
      Argument.withDescription("The pipeline file (mapwright: pipeline/v1)")
    ),
    dryRun: Flag.Boolean("dry-run").pipe(
      Flag.withDescription("Write nothing and change no state; report what would be created and updated"),
      Flag.withDefault(false)
    ),
    limit: Flag.Int("limit").pipe(Flag.withDescription("Stop after N source records"), Flag.optional),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print the summary as one JSON object"),
      Flag.withDefault(false)
    )
  },
  Effect.fnUntraced(
    function* ({ dryRun, json, limit, pipeline }) {
      const fs = yield* FileSystem.FileSystem
      const n = Option.getOrUndefined(limit)
      if (n !== undefined && n < 1) {
        yield* Console.error("mapwright: --limit must be at least 1")
        return yield* new CliExit({ code: ExitCode.failure })
      }
      yield* fs.access(pipeline, { readable: true })
      const loaded = yield* Pipeline.load(resolve(pipeline), Installed.pipelineOptions)
      yield* printWarnings(loaded)
      yield* execute(loaded, { dryRun, limit: n, json })
    },
    Effect.scoped,
    handled
  )
).pipe(
  Command.withDescription(
    "Run a pipeline: read the source stream, map every record, write to the target in batches (upserting through the state store's cross-reference and the match keys). Rejected records go to the pipeline's reject file. Exit 0 when the run completes (rejects are counted, not failures), 1 when the pipeline does not check, 2 when a connector fails, 3 when the reject budget (maxRejectRate) stops the run."
  ),
  Command.withExamples([
    { command: "mapwright run sync.yaml", description: "Run a pipeline" },
    {
      command: "mapwright run sync.yaml --dry-run --limit 100",
      description: "See what the first 100 records would do"
    },
    { command: "mapwright run sync.yaml --json", description: "Print the summary as JSON" }
  ])
)
