/**
 * What `decode` and `encode` share: resolving `--connector` and `--stream`, reading `--in`
 * (a file or stdin) whole, the schema registry of the connector, and issue lines for stderr.
 *
 * @internal
 */
import { join } from "node:path"
import { type Connector, ConnectorRegistry, RecordIssue, type RecordSchema } from "@mapwright/core"
import { Console, Effect, FileSystem, Result, Stdio, Stream } from "effect"
import * as Installed from "../Installed.ts"
import { CliExit, ExitCode } from "./exit.ts"

/** @internal */
export interface Resolved {
  readonly connector: Connector.Connector
  readonly streamName: string
  readonly stream: Connector.StreamDefinition
  readonly schemas: RecordSchema.SchemaRegistry
}

/** The connector and stream named on the command line; a usage error (exit 1) when either is unknown. @internal */
export const resolveStream = (connectorName: string, streamName: string) =>
  Effect.gen(function* () {
    const resolved = yield* Effect.result(
      ConnectorRegistry.resolve(Installed.registry, connectorName, join(process.cwd(), "package.json"))
    )
    if (Result.isFailure(resolved)) {
      const installed = Installed.registry.connectors.map((c) => c.name).join(", ")
      yield* Console.error(`mapwright: ${resolved.failure.message} (installed: ${installed})`)
      return yield* new CliExit({ code: ExitCode.failure })
    }
    const connector = resolved.success
    const stream = Object.hasOwn(connector.streams, streamName) ? connector.streams[streamName] : undefined
    if (stream === undefined) {
      yield* Console.error(
        `mapwright: the connector ${connector.name} has no stream "${streamName}"; its streams: ${Object.keys(connector.streams).join(", ")}`
      )
      return yield* new CliExit({ code: ExitCode.failure })
    }
    return {
      connector,
      streamName,
      stream,
      schemas: ConnectorRegistry.schemas(Installed.registry, [connector])
    } satisfies Resolved
  })

/** The whole input as text: a file, or stdin for `-`. @internal */
export const readInput = (input: string) =>
  Effect.gen(function* () {
    if (input !== "-") return yield* (yield* FileSystem.FileSystem).readFileString(input)
    const stdio = yield* Stdio.Stdio
    return yield* stdio.stdin.pipe(Stream.decodeText(), Stream.mkString)
  })

/** `record 3 (key "ann"): error map discountPercent <- discount InvalidInt: ...` @internal */
export const issueLines = (
  index: number,
  key: string | undefined,
  issues: ReadonlyArray<RecordIssue.RecordIssue>
): string =>
  issues
    .map(
      (i) =>
        `record ${index + 1}${key === undefined ? "" : ` (key ${JSON.stringify(key)})`}: ${RecordIssue.format(i)}`
    )
    .join("\n")
