/**
 * Runs a loaded pipeline for `mapwright run` and `mapwright replay`: the SQLite state store at
 * the pipeline's `state` path, `FetchHttpClient`, progress on stderr (a live line redrawn at
 * most 10 times a second on a terminal, a plain line every 5 seconds otherwise), the summary
 * on stdout, and the exit code:
 *
 * | code | meaning |
 * |---|---|
 * | 0 | the run completed (rejected records are a data outcome, in the summary and the reject file) |
 * | 2 | a connector failed (not retryable, or out of retries), or the state store or reject file failed |
 * | 3 | the run was stopped by the reject budget (`maxRejectRate`) |
 *
 * @internal
 */
import { Pipeline, SpecError, StateStore } from "@mapwright/core"
import { Console, Effect, Layer, Stdio } from "effect"
import { FetchHttpClient } from "effect/http"
import { CliExit, displayDiagnostics, ExitCode } from "./exit.ts"
import * as PipelineSummary from "./pipelineSummary.ts"

const CLEAR_LINE = "\r\x1b[2K"

/** Prints the load-time warnings of a pipeline (and of its mappings) to stderr. @internal */
export const printWarnings = (loaded: Pipeline.Loaded) =>
  loaded.warnings.length === 0
    ? Effect.void
    : Console.error(SpecError.format(displayDiagnostics(loaded.warnings)))

/** @internal */
export interface ExecuteOptions {
  readonly dryRun: boolean
  readonly limit: number | undefined
  readonly json: boolean
  readonly records?: Pipeline.RunOptions["records"]
  readonly rejects?: string | undefined
}

/** @internal */
export const execute = (loaded: Pipeline.Loaded, options: ExecuteOptions) =>
  Effect.gen(function* () {
    const stdio = yield* Stdio.Stdio
    const tty = yield* stdio.stderrIsTerminal
    // A dry run reads the state file when there is one and never writes it.
    const store = options.dryRun
      ? StateStore.StateStore.layerDryRun(loaded.state)
      : StateStore.StateStore.layerSqlite(loaded.state)
    let drawn = false
    const result = yield* Pipeline.run(loaded, {
      dryRun: options.dryRun,
      limit: options.limit,
      records: options.records,
      rejects: options.rejects,
      progressInterval: tty ? 100 : 5000,
      onProgress: (p) => {
        // The last event (at the end) is shown by the summary instead.
        if (!tty && p.elapsedMs < 5000) return
        drawn = tty
        process.stderr.write(
          tty
            ? `${CLEAR_LINE}${PipelineSummary.progressLine(p, options.dryRun)}`
            : `${PipelineSummary.progressLine(p, options.dryRun)}\n`
        )
      }
    }).pipe(Effect.provide(Layer.mergeAll(FetchHttpClient.layer, store)), Effect.result)
    if (drawn) process.stderr.write(CLEAR_LINE)
    if (result._tag === "Failure") {
      const error = result.failure
      if (error._tag === "StateError") {
        yield* Console.error(`mapwright: ${loaded.scrub(error.message)}`)
        return yield* new CliExit({ code: ExitCode.io })
      }
      const summary = error.summary
      yield* Console.log(
        options.json
          ? PipelineSummary.json(summary, error.message)
          : PipelineSummary.human(summary, error.message)
      )
      yield* Console.error(`mapwright: ${error.message}`)
      return yield* new CliExit({ code: ExitCode.io })
    }
    const summary = result.success
    yield* Console.log(options.json ? PipelineSummary.json(summary) : PipelineSummary.human(summary))
    if (summary.status === "stopped") {
      yield* Console.error(`mapwright: ${summary.message ?? "stopped by the reject budget"}`)
      return yield* new CliExit({ code: ExitCode.budget })
    }
  })
