/**
 * Runs ONE engine over an input file, in its own process, and prints one JSON line:
 * `{engine, records, written, rejected, warnings, loadMs, ms, recordsPerSec, peakRssMb}`.
 *
 * `node bench/src/worker.ts --engine handwritten --in in.ndjson --out out.ndjson --rejects rejects.ndjson`
 *
 * `ms` covers the whole file run (read, parse, map, stringify, write), not the engine's load;
 * `peakRssMb` is the process's peak resident set (`process.resourceUsage().maxRSS`), load
 * included.
 *
 * @since 0.1.0
 */
import * as Engine from "./engines/Engine.ts"
import { runFile } from "./harness.ts"

/**
 * The line a worker prints.
 *
 * @since 0.1.0
 * @category models
 */
export interface Measurement extends Engine.Counts {
  readonly engine: string
  readonly loadMs: number
  readonly ms: number
  readonly recordsPerSec: number
  readonly peakRssMb: number
}

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

const main = async (): Promise<void> => {
  const name = option("engine")
  const input = option("in")
  const output = option("out")
  const rejects = option("rejects")
  if (name === undefined || input === undefined || output === undefined || rejects === undefined) {
    process.stderr.write(
      "usage: node bench/src/worker.ts --engine NAME --in FILE --out FILE --rejects FILE\n" +
        `engines: ${Engine.names.join(", ")}\n`
    )
    process.exitCode = 2
    return
  }
  if (!Engine.isName(name)) {
    process.stderr.write(`unknown engine "${name}"; engines: ${Engine.names.join(", ")}\n`)
    process.exitCode = 2
    return
  }
  const loadStart = performance.now()
  const engine = await Engine.load(name)
  const loadMs = performance.now() - loadStart
  const start = performance.now()
  const counts =
    engine._tag === "Mapper"
      ? await runFile(engine, input, output, rejects)
      : await engine.run(input, output, rejects)
  const ms = performance.now() - start
  const measurement: Measurement = {
    engine: name,
    ...counts,
    loadMs: Math.round(loadMs),
    ms: Math.round(ms),
    recordsPerSec: Math.round((counts.records * 1000) / ms),
    peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10
  }
  process.stdout.write(`${JSON.stringify(measurement)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
