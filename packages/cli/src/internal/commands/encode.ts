/**
 * `mapwright encode --connector <name> --stream <s> [--in F|-]`: canonical NDJSON → the native
 * request bodies the API takes to create the records, through the stream's default mapping
 * from canonical and its body codec.
 *
 * Each line is mapped, then checked against the stream's record schema (stage `encode`), as a
 * pipeline does. The records that pass are handed to the connector's body codec together, so
 * the codec decides the bodies: one `<ResultSet>` document for XML ResultSet; for WooCommerce
 * one create body for a single record, else batch bodies (`{"create":[...]}`, up to 100
 * records each), one per line. Issues and the count go to stderr. Exit 0 when every record
 * encoded, 1 when a record was rejected (nothing is printed then: a partial body would be
 * mistaken for the whole), 2 when the input cannot be read.
 *
 * @internal
 */
import { Mapping, RecordIssue, Validator } from "@mapwright/core"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, ExitCode, handled } from "../exit.ts"
import { issueLines, readInput, resolveStream } from "../streamArgs.ts"

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** @internal */
export const command = Command.make(
  "encode",
  {
    connector: Flag.String("connector").pipe(
      Flag.withDescription("The connector (its name, or a package that exports `connector`)")
    ),
    stream: Flag.String("stream").pipe(Flag.withDescription("The connector's stream, e.g. customers")),
    input: Flag.String("in").pipe(
      Flag.withDescription("Canonical records, NDJSON (a file), or - for stdin"),
      Flag.withDefault("-")
    )
  },
  Effect.fnUntraced(function* ({ connector, input, stream }) {
    const resolved = yield* resolveStream(connector, stream)
    const mappingFile = resolved.stream.mappings.fromCanonical
    if (mappingFile === undefined) {
      yield* Console.error(
        `mapwright: the stream ${resolved.connector.name}/${resolved.streamName} has no mapping from canonical`
      )
      return yield* new CliExit({ code: ExitCode.failure })
    }
    const mapping = yield* Mapping.load(mappingFile, {
      schemas: resolved.schemas,
      transforms: Installed.transforms,
      validate: false
    })
    const validate = Validator.compile(resolved.stream.record)
    const text = yield* readInput(input)
    const records: Array<unknown> = []
    const errors: Array<string> = []
    let read = 0
    let rejected = 0
    text.split("\n").forEach((line, i) => {
      if (line.trim() === "") return
      read++
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (e) {
        rejected++
        errors.push(
          `line ${i + 1}: error parse NotJson: the line is not JSON: ${e instanceof Error ? e.message : String(e)}`
        )
        return
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        rejected++
        errors.push(`line ${i + 1}: error parse NotAnObject: the line is not a JSON object`)
        return
      }
      const result = mapping(value)
      const issues: Array<RecordIssue.RecordIssue> = [...result.issues]
      if (result.value !== undefined) {
        issues.push(...validate(result.value).map((issue) => ({ ...issue, stage: "encode" as const })))
      }
      const key =
        typeof (value as { id?: unknown }).id === "string" ? (value as { id: string }).id : undefined
      if (issues.length > 0)
        errors.push(issueLines(i, key, issues).replaceAll(`record ${i + 1}`, `line ${i + 1}`))
      if (result.value === undefined || RecordIssue.rejects(issues)) {
        rejected++
        return
      }
      records.push(result.value)
    })
    for (const e of errors) yield* Console.error(e)
    if (rejected > 0) {
      yield* Console.error(`encoded nothing: ${plural(rejected, "record")} of ${read} rejected`)
      return yield* new CliExit({ code: ExitCode.failure })
    }
    let body: string
    try {
      body = records.length === 0 ? "" : resolved.stream.body.encode(records)
    } catch (e) {
      yield* Console.error(
        `mapwright: cannot encode the records: ${e instanceof Error ? e.message : String(e)}`
      )
      return yield* new CliExit({ code: ExitCode.failure })
    }
    if (body !== "") process.stdout.write(body.endsWith("\n") ? body : `${body}\n`)
    yield* Console.error(`encoded ${plural(records.length, "record")} (${resolved.stream.body.contentType})`)
  }, handled)
).pipe(
  Command.withDescription(
    "Encode canonical NDJSON records as the native request bodies that create them, through the stream's default mapping from canonical and its body codec (one <ResultSet> for XML ResultSet; a create body or batch bodies, one per line, for WooCommerce). Issues go to stderr. Exit 0 when every record encoded, 1 when one was rejected (then nothing is printed), 2 on I/O errors."
  ),
  Command.withExamples([
    {
      command: "mapwright encode --connector xml-resultset --stream customers --in canonical.ndjson",
      description: "Canonical customers as an XML ResultSet create body"
    }
  ])
)
