/**
 * `mapwright map --mapping m.yaml [--in F|-] [--out F|-] [--rejects F] [--json]`: NDJSON in,
 * mapped NDJSON out, streaming in constant memory.
 *
 * - Progress goes to stderr: a live line on a terminal (redrawn at most 10 times a second),
 *   otherwise a plain line every 5 seconds (none for short runs).
 * - The summary goes to stderr when records go to stdout (so stdout stays valid NDJSON), to
 *   stdout otherwise; `--json` prints it as one JSON object.
 * - Exit 0 when the run completes, even with rejected records (a data outcome, counted in the
 *   summary and written to `--rejects`); 1 when the mapping does not check; 2 on I/O errors.
 *
 * @internal
 */
import { resolve } from "node:path"
import { Mapping, NdjsonMap } from "@mapwright/core"
import { Console, Effect, FileSystem, Option, Stdio } from "effect"
import { Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, displayPath, ExitCode, handled } from "../exit.ts"
import * as NodeWriter from "../nodeWriter.ts"
import * as Summary from "../summary.ts"

const CLEAR_LINE = "\r\x1b[2K"

/** @internal */
export const command = Command.make(
  "map",
  {
    mapping: Flag.String("mapping").pipe(Flag.withDescription("The mapping file (mapwright: mapping/v1)")),
    input: Flag.String("in").pipe(
      Flag.withDescription("The NDJSON input file, or - for stdin"),
      Flag.withDefault("-")
    ),
    output: Flag.String("out").pipe(
      Flag.withDescription("Where to write the mapped records (NDJSON), or - for stdout"),
      Flag.withDefault("-")
    ),
    rejects: Flag.String("rejects").pipe(
      Flag.withDescription("Where to write rejected records and warnings (NDJSON, one line per record)"),
      Flag.optional
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print the summary as one JSON object"),
      Flag.withDefault(false)
    )
  },
  Effect.fnUntraced(
    function* ({ input, json, mapping, output, rejects }) {
      const fs = yield* FileSystem.FileSystem
      const stdio = yield* Stdio.Stdio
      const rejectsFile = Option.getOrUndefined(rejects)
      if (
        rejectsFile === "-" ||
        (rejectsFile !== undefined && output !== "-" && resolve(rejectsFile) === resolve(output))
      ) {
        yield* Console.error("mapwright: --rejects needs a file of its own (not - and not the --out file)")
        return yield* new CliExit({ code: ExitCode.failure })
      }
      if (input !== "-" && output !== "-" && resolve(input) === resolve(output)) {
        yield* Console.error("mapwright: --in and --out are the same file")
        return yield* new CliExit({ code: ExitCode.failure })
      }

      yield* fs.access(mapping, { readable: true })
      const compiled = yield* Mapping.load(resolve(mapping), Installed.loadOptions)
      const warnings = compiled.warnings.length
      if (warnings > 0) {
        yield* Console.error(
          `mapwright: the mapping has ${warnings} warning${warnings === 1 ? "" : "s"}; mapwright check ${mapping} shows ${warnings === 1 ? "it" : "them"}`
        )
      }

      if (input !== "-") yield* fs.access(input, { readable: true })
      const encoder = new TextEncoder()
      const toFile = (path: string) =>
        Effect.map(
          fs.open(path, { flag: "w" }),
          (file) => (chunk: string) => file.writeAll(encoder.encode(chunk))
        )

      const write = output === "-" ? NodeWriter.make(process.stdout, "stdout") : yield* toFile(output)
      const writeRejects = rejectsFile === undefined ? undefined : yield* toFile(rejectsFile)

      const tty = yield* stdio.stderrIsTerminal
      let drawn = false
      const summary = yield* NdjsonMap.run({
        mapping: compiled,
        input: input === "-" ? stdio.stdin : fs.stream(input, { chunkSize: 64 * 1024 }),
        output: write,
        rejects: writeRejects,
        progressInterval: tty ? "100 millis" : "5 seconds",
        onProgress: (p) =>
          Effect.sync(() => {
            drawn = tty
            process.stderr.write(
              tty ? `${CLEAR_LINE}${Summary.progressLine(p)}` : `${Summary.progressLine(p)}\n`
            )
          })
      })
      if (drawn) process.stderr.write(CLEAR_LINE)

      const report = json ? Summary.json(summary) : Summary.human(summary)
      if (output === "-") yield* Console.error(report)
      else yield* Console.log(report)
      if (summary.rejected > 0) {
        yield* Console.error(
          rejectsFile === undefined
            ? `mapwright: ${summary.rejected} record${summary.rejected === 1 ? " was" : "s were"} rejected; run again with --rejects <file> to see why`
            : `mapwright: rejected records are in ${displayPath(rejectsFile)}`
        )
      }
    },
    Effect.scoped,
    handled
  )
).pipe(
  Command.withDescription(
    "Map NDJSON records with a mapping: one JSON object per line in, one mapped object per line out. Rejected records go to --rejects; the summary goes to stderr when records go to stdout. Exit 0 when the run completes (rejects are counted, not failures), 1 when the mapping does not check, 2 on I/O errors."
  ),
  Command.withExamples([
    {
      command:
        "mapwright map --mapping customer.yaml --in customers.ndjson --out canonical.ndjson --rejects rejects.ndjson",
      description: "Map a file"
    },
    {
      command: "cat customers.ndjson | mapwright map --mapping customer.yaml > canonical.ndjson",
      description: "In a pipe"
    }
  ])
)
