/**
 * Runs a CLI program as the Node process: every failure is reported by `report` (one line, no
 * stack trace) and becomes the exit code; Ctrl-C interrupts the program and exits with 130.
 *
 * @internal
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { report } from "./exit.ts"

/** @internal */
export const runMain = <E>(program: Effect.Effect<void, E, NodeServices.NodeServices>): void =>
  NodeRuntime.runMain(program.pipe(Effect.catchCause(report), Effect.provide(NodeServices.layer)), {
    disableErrorReporting: true
  })
