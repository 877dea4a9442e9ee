/**
 * `mapwright test [paths...]`: finds `*.test.yaml` files, runs their cases and prints one line
 * per case, the failures under it, and a final `N passed, M failed` line.
 *
 * @internal
 */
import { resolve } from "node:path"
import { MappingTest, SpecError } from "@mapwright/core"
import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, displayDiagnostics, displayPath, ExitCode, handled } from "../exit.ts"

const indent = (text: string, by: string): string =>
  text
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n")

/** @internal */
export const command = Command.make(
  "test",
  {
    paths: Argument.String("paths").pipe(
      Argument.withDescription("Test files, or directories to search for *.test.yaml (default: .)"),
      Argument.variadic()
    )
  },
  Effect.fnUntraced(function* ({ paths }) {
    const roots = paths.length === 0 ? ["."] : paths
    const files = yield* MappingTest.discover(roots)
    if (files.length === 0) {
      yield* Console.error(`mapwright: no test files (*.test.yaml) found in ${roots.join(", ")}`)
      return yield* new CliExit({ code: ExitCode.failure })
    }
    let passed = 0
    let failed = 0
    let broken = 0
    for (const file of files) {
      const result = yield* Effect.result(MappingTest.runFile(resolve(file), Installed.loadOptions))
      if (result._tag === "Failure") {
        broken++
        yield* Console.log(
          `${displayPath(file)}\n${indent(SpecError.format(displayDiagnostics(result.failure.diagnostics)), "  ")}`
        )
        continue
      }
      const r = result.success
      const lines = [`${displayPath(file)} (${r.mapping})`]
      for (const c of r.cases) {
        if (c.passed) {
          passed++
          lines.push(`  ✓ ${c.name}`)
        } else {
          failed++
          lines.push(`  ✗ ${c.name} (line ${c.line})`)
          for (const f of c.failures) lines.push(indent(f, "      "))
        }
      }
      yield* Console.log(lines.join("\n"))
    }
    yield* Console.log("")
    if (broken > 0) yield* Console.log(`${broken} test file${broken === 1 ? "" : "s"} could not run`)
    yield* Console.log(`${passed} passed, ${failed} failed`)
    if (failed > 0 || broken > 0) return yield* new CliExit({ code: ExitCode.failure })
  }, handled)
).pipe(
  Command.withDescription(
    "Run mapping tests (*.test.yaml). Exit 1 when a case fails or a test file has errors."
  ),
  Command.withExamples([
    { command: "mapwright test", description: "Run every *.test.yaml under the current directory" },
    { command: "mapwright test mappings/customer.test.yaml", description: "Run one test file" }
  ])
)
