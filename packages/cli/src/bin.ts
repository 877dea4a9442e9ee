/**
 * The `mapwright` executable: runs the CLI on the process's arguments. Errors are printed by
 * the CLI itself (never a stack trace); the exit code comes from the failure.
 *
 * @since 0.1.0
 */
import { Command } from "effect/cli"
import { command, version } from "./Cli.ts"
import { runMain } from "./internal/runMain.ts"

runMain(Command.run(command, { version }))
