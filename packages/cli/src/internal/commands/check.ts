/**
 * `mapwright check <files...>`: loads and type-checks pipelines, mappings and test files without
 * running anything (a pipeline's connectors are resolved and its mappings and configs checked,
 * no network I/O), and prints every diagnostic, compiler style.
 *
 * @internal
 */
import { resolve } from "node:path"
import { Mapping, MappingTest, Pipeline, SpecError } from "@mapwright/core"
import { Console, Effect, FileSystem } from "effect"
import { Argument, Command } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, describePlatformError, displayDiagnostics, ExitCode, handled } from "../exit.ts"

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** @internal */
export const command = Command.make(
  "check",
  {
    files: Argument.String("files").pipe(
      Argument.withDescription(
        "Pipeline files (mapwright: pipeline/v1), mapping files (mapping/v1) and test files (test/v1)"
      ),
      Argument.variadic({ min: 1 })
    )
  },
  Effect.fnUntraced(function* ({ files }) {
    const fs = yield* FileSystem.FileSystem
    const diagnostics: Array<SpecError.Diagnostic> = []
    let mappings = 0
    let tests = 0
    let pipelines = 0
    let unreadable = 0
    for (const file of files) {
      const text = yield* Effect.result(fs.readFileString(file))
      if (text._tag === "Failure") {
        unreadable++
        yield* Console.error(`mapwright: ${describePlatformError(text.failure, "read")}`)
        continue
      }
      const path = resolve(file)
      if (/^mapwright:\s*["']?pipeline\/v1/m.test(text.success)) {
        pipelines++
        diagnostics.push(...(yield* Pipeline.check(path, Installed.pipelineOptions)))
      } else if (MappingTest.isTestText(text.success)) {
        tests++
        diagnostics.push(...(yield* MappingTest.check(path, Installed.loadOptions)))
      } else {
        mappings++
        diagnostics.push(...(yield* Mapping.check(path, Installed.loadOptions)))
      }
    }
    // A mapping named on the command line and by a test file is reported once.
    const unique = new Map<string, SpecError.Diagnostic>()
    for (const d of displayDiagnostics(diagnostics)) unique.set(JSON.stringify(d), d)
    const shown = [...unique.values()]
    if (shown.length > 0) yield* Console.log(SpecError.format(shown))
    const errors = shown.filter((d) => d.severity === "error").length
    if (unreadable > 0) return yield* new CliExit({ code: ExitCode.io })
    if (errors > 0) return yield* new CliExit({ code: ExitCode.failure })
    const what = [
      pipelines > 0 ? plural(pipelines, "pipeline") : "",
      mappings > 0 ? plural(mappings, "mapping") : "",
      tests > 0 ? plural(tests, "test file") : ""
    ]
      .filter((s) => s !== "")
      .join(", ")
    yield* Console.log(`ok: ${what} checked`)
  }, handled)
).pipe(
  Command.withDescription(
    "Load and type-check pipelines, mappings and test files; print every error with file:line:col. Exit 1 on any error."
  ),
  Command.withExamples([
    { command: "mapwright check mappings/customer.yaml", description: "Check one mapping" },
    { command: "mapwright check mappings/*.yaml", description: "Check mappings and their tests" }
  ])
)
