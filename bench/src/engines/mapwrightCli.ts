/**
 * The end-to-end path of `mapwright map --mapping … --in … --out … --rejects …`: core's
 * `NdjsonMap.runFiles` (Effect streams over the file system, 64 KiB reads, one write per
 * chunk) around the compiled mapping with validation on. It does its own I/O, so it measures
 * what a user of the CLI gets rather than the mapping path alone.
 *
 * @since 0.1.0
 */
import { NodeFileSystem } from "@effect/platform-node"
import { NdjsonMap } from "@mapwright/core"
import { Effect } from "effect"
import type { Runner } from "./Engine.ts"
import { compile } from "./mapwright.ts"

/**
 * @since 0.1.0
 * @category constructors
 */
export const engine = async (): Promise<Runner> => {
  const mapping = await compile({ validate: true })
  return {
    _tag: "Runner",
    name: "mapwright-cli",
    run: async (input, output, rejects) => {
      const summary = await Effect.runPromise(
        NdjsonMap.runFiles({ mapping, in: input, out: output, rejects }).pipe(
          Effect.provide(NodeFileSystem.layer)
        )
      )
      return {
        records: summary.read,
        written: summary.written,
        rejected: summary.rejected,
        warnings: summary.warnings
      }
    }
  }
}
