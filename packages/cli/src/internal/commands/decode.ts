/**
 * `mapwright decode --connector <name> --stream <s> [--in F|-] [--native]`: a native API body
 * (JSON or XML, whatever the stream's body codec reads: a list page, one record, a create or
 * batch body) → canonical NDJSON on stdout, through the stream's default mapping to canonical.
 * `--native` prints the records in their native JSON form instead, secret fields (the record
 * schema's `writeOnly` ones, a password or its hash) as `"<redacted>"`.
 *
 * Every record is checked against the stream's record schema first (stage `decode`), as a
 * pipeline does; issues go to stderr, one line each, and so does the count. Exit 0 when every
 * record decoded (warnings allowed), 1 when the body cannot be read as the stream's records or
 * any record was rejected (decode is how a payload shape is checked, so a rejected record is a
 * failure here, unlike in `map` and `run`), 2 when the input cannot be read.
 *
 * @internal
 */
import { Connector, Mapping, RecordIssue, Redact, Validator } from "@mapwright/core"
import { Console, Effect, Result } from "effect"
import { Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, ExitCode, handled } from "../exit.ts"
import { issueLines, readInput, resolveStream } from "../streamArgs.ts"

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** @internal */
export const command = Command.make(
  "decode",
  {
    connector: Flag.String("connector").pipe(
      Flag.withDescription("The connector (its name, or a package that exports `connector`)")
    ),
    stream: Flag.String("stream").pipe(Flag.withDescription("The connector's stream, e.g. customers")),
    input: Flag.String("in").pipe(
      Flag.withDescription("The body to decode (a file), or - for stdin"),
      Flag.withDefault("-")
    ),
    native: Flag.Boolean("native").pipe(
      Flag.withDescription("Print the native records (JSON form) instead of canonical ones"),
      Flag.withDefault(false)
    )
  },
  Effect.fnUntraced(function* ({ connector, input, native, stream }) {
    const resolved = yield* resolveStream(connector, stream)
    const text = yield* readInput(input)
    const decoded = resolved.stream.body.decode(text)
    if (Result.isFailure(decoded)) {
      yield* Console.error(
        `mapwright: cannot read the body as ${resolved.connector.name} ${resolved.streamName}: ${decoded.failure}`
      )
      return yield* new CliExit({ code: ExitCode.failure })
    }
    const records = decoded.success
    const mappingFile = resolved.stream.mappings.toCanonical
    if (!native && mappingFile === undefined) {
      yield* Console.error(
        `mapwright: the stream ${resolved.connector.name}/${resolved.streamName} has no mapping to canonical; use --native`
      )
      return yield* new CliExit({ code: ExitCode.failure })
    }
    const mapping = native
      ? undefined
      : yield* Mapping.load(mappingFile!, { schemas: resolved.schemas, transforms: Installed.transforms })
    const validate = Validator.compile(resolved.stream.record)
    const redact = Redact.forSchema(resolved.stream.record)
    let out = ""
    let rejected = 0
    let warned = 0
    const errors: Array<string> = []
    records.forEach((record, i) => {
      const key = Connector.keyOf(resolved.stream, record)
      const issues: Array<RecordIssue.RecordIssue> = validate(record).map((issue) => ({
        ...issue,
        stage: "decode"
      }))
      if (RecordIssue.rejects(issues)) {
        rejected++
        errors.push(issueLines(i, key, issues))
        return
      }
      if (mapping === undefined) {
        out += `${JSON.stringify(redact(record))}\n`
        return
      }
      const result = mapping(record)
      if (result.issues.length > 0) errors.push(issueLines(i, key, result.issues))
      if (result.value === undefined) {
        rejected++
        return
      }
      if (result.issues.length > 0) warned++
      out += `${JSON.stringify(result.value)}\n`
    })
    if (out !== "") process.stdout.write(out)
    for (const e of errors) yield* Console.error(e)
    yield* Console.error(
      `${native ? "decoded" : "decoded and mapped"} ${plural(records.length, "record")}: ${records.length - rejected} written, ${rejected} rejected${warned > 0 ? `, ${warned} with warnings` : ""}`
    )
    if (rejected > 0) return yield* new CliExit({ code: ExitCode.failure })
  }, handled)
).pipe(
  Command.withDescription(
    "Decode a native API body (JSON or XML: a list page, one record, a create or batch body) and print its records as canonical NDJSON through the stream's default mapping (--native: the native records). Issues and counts go to stderr. Exit 0 when every record decoded, 1 when the body cannot be read or a record was rejected, 2 on I/O errors."
  ),
  Command.withExamples([
    {
      command: "mapwright decode --connector woocommerce --stream customers --in customers_list.json",
      description: "A WooCommerce list page as canonical customers"
    },
    {
      command:
        "curl -s $URL/API/V3/Customer | mapwright decode --connector xml-resultset --stream customers --native",
      description: "An XML ResultSet body as native JSON records"
    }
  ])
)
