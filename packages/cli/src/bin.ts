/**
 * The `mapwright` executable: runs the CLI on the process's arguments. Errors are printed by
 * the CLI itself (never a stack trace); the exit code comes from the failure.
 *
 * @since 0.1.0
 */
import { StateStore } from "@mapwright/core"
import { Command } from "effect/cli"
import { command, version } from "./Cli.ts"
import { runMain } from "./internal/runMain.ts"

// `run` keeps its state in node:sqlite; Node's warning that it is experimental is noise here.
StateStore.silenceSqliteWarning()
runMain(Command.run(command, { version }))
