/**
 * The `mapwright` command: `run`, `check`, `test`, `map`, `decode`, `encode`, `replay`,
 * `connectors`, `emulate` and `schema`, as an `effect/cli` command to run or embed.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Command } from "effect/cli"
import * as Check from "./internal/commands/check.ts"
import * as ConnectorsCommand from "./internal/commands/connectors.ts"
import * as DecodeCommand from "./internal/commands/decode.ts"
import * as EmulateCommand from "./internal/commands/emulate.ts"
import * as EncodeCommand from "./internal/commands/encode.ts"
import * as MapCommand from "./internal/commands/map.ts"
import * as ReplayCommand from "./internal/commands/replay.ts"
import * as RunCommand from "./internal/commands/run.ts"
import * as SchemaCommand from "./internal/commands/schema.ts"
import * as TestCommand from "./internal/commands/test.ts"
import { report } from "./internal/exit.ts"

/**
 * The CLI's version; a test keeps it equal to the package's.
 *
 * @since 0.1.0
 * @category constants
 */
export const version = "0.1.0"

/**
 * The root command with its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make("mapwright").pipe(
  Command.withDescription("Declarative mapping and ETL for commerce customer data"),
  Command.withSubcommands([
    RunCommand.command,
    Check.command,
    TestCommand.command,
    MapCommand.command,
    DecodeCommand.command,
    EncodeCommand.command,
    ReplayCommand.command,
    ConnectorsCommand.command,
    EmulateCommand.command,
    SchemaCommand.command
  ])
)

/**
 * Runs the command on `args` (without the `node` and script parts). Every outcome is printed
 * here; the effect fails only with a `CliExit` carrying the exit code (its
 * `Runtime.errorExitCode`), or is interrupted.
 *
 * Exit codes: 0 success (`map` and `run` included when records were rejected), 1 spec errors,
 * failing tests, usage errors and records `decode`/`encode` reject, 2 I/O errors and
 * connector failures, 3 a run stopped by its reject budget, 70 internal errors, 130
 * interrupted.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (args: ReadonlyArray<string>) =>
  Command.runWith(command, { version })(args).pipe(Effect.catchCause(report))
