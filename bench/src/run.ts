/**
 * `pnpm bench`: the same mapping (seed 001's Customer to the canonical Customer) run by every
 * engine, each in its own process, in alternating order, at 100k and 1M records; prints
 * records/s, peak RSS and the ratios, and checks the targets.
 *
 * ```
 * pnpm bench                      # 100k and 1M, 3 rounds
 * pnpm bench --quick              # 100k, 1 round
 * pnpm bench --rounds 5 --sizes 100000 --engines handwritten,mapwright
 * pnpm bench --breakdown          # also: where the time goes (bench/src/profile.ts)
 * ```
 *
 * A target that is missed is reported (MISS), not an error: the exit code is 0.
 *
 * @since 0.1.0
 */
import { spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import * as Engine from "./engines/Engine.ts"
import { cachedFile, DEFAULT_SEED, dataDir } from "./generate.ts"
import * as Machine from "./internal/machine.ts"
import type { Measurement } from "./worker.ts"

const here = Path.dirname(fileURLToPath(import.meta.url))
const workerPath = Path.join(here, "worker.ts")
const profilePath = Path.join(here, "profile.ts")

/** Mapwright's throughput, as a share of the hand-written mapper's. */
const THROUGHPUT_TARGET = 0.7
/** Peak RSS at the largest size, as a multiple of the smallest. */
const RSS_TARGET = 1.3

interface Options {
  readonly sizes: ReadonlyArray<number>
  readonly rounds: number
  readonly engines: ReadonlyArray<Engine.Name>
  readonly seed: number
  readonly breakdown: boolean
  readonly keep: boolean
}

const usage = `usage: pnpm bench [--quick] [--rounds N] [--sizes 100000,1000000] [--engines a,b] [--seed S] [--breakdown] [--keep]
engines: ${Engine.names.join(", ")}`

const parseArgs = (argv: ReadonlyArray<string>): Options | string => {
  const quick = argv.includes("--quick")
  let sizes: ReadonlyArray<number> = quick ? [100_000] : [100_000, 1_000_000]
  let rounds = quick ? 1 : 3
  let engines: ReadonlyArray<Engine.Name> = Engine.names
  let seed = DEFAULT_SEED
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    switch (arg) {
      case "--quick":
      case "--breakdown":
      case "--keep":
      case "--":
        break
      case "--rounds":
        rounds = Number(value)
        if (!Number.isInteger(rounds) || rounds < 1) return `--rounds needs a whole number ≥ 1, got ${value}`
        i++
        break
      case "--sizes":
        sizes = (value ?? "").split(",").map(Number)
        if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
          return `--sizes needs whole numbers separated by commas, got ${value}`
        }
        i++
        break
      case "--engines": {
        const list = (value ?? "").split(",")
        const unknown = list.filter((e) => !Engine.isName(e))
        if (unknown.length > 0) return `unknown engine(s): ${unknown.join(", ")}`
        engines = list.filter(Engine.isName)
        i++
        break
      }
      case "--seed":
        seed = Number(value)
        if (!Number.isInteger(seed)) return `--seed needs a whole number, got ${value}`
        i++
        break
      default:
        return `unknown argument ${arg}`
    }
  }
  return {
    sizes,
    rounds,
    engines,
    seed,
    breakdown: argv.includes("--breakdown"),
    keep: argv.includes("--keep")
  }
}

const runWorker = (engine: Engine.Name, input: string, size: number, keep: boolean): Measurement => {
  const outDir = Path.join(dataDir, "out")
  Fs.mkdirSync(outDir, { recursive: true })
  const output = Path.join(outDir, `${engine}-${size}.ndjson`)
  const rejects = Path.join(outDir, `${engine}-${size}.rejects.ndjson`)
  const child = spawnSync(
    process.execPath,
    [workerPath, "--engine", engine, "--in", input, "--out", output, "--rejects", rejects],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 16 << 20
    }
  )
  if (child.status !== 0) {
    throw new Error(`the ${engine} worker failed (exit ${child.status}):\n${child.stderr}`)
  }
  // A deleted file's dirty pages are dropped, not written back while the next engine runs.
  if (!keep) for (const f of [output, rejects]) Fs.rmSync(f, { force: true })
  const line = child.stdout.trim().split("\n").pop() ?? ""
  return JSON.parse(line) as Measurement
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

const rotate = <A>(xs: ReadonlyArray<A>, by: number): ReadonlyArray<A> => {
  const k = by % xs.length
  return [...xs.slice(k), ...xs.slice(0, k)]
}

interface Row {
  readonly engine: Engine.Name
  readonly size: number
  readonly recordsPerSec: number
  readonly peakRssMb: number
  readonly runs: ReadonlyArray<Measurement>
}

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n))
const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US")
const fmtSize = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n))

const main = (): void => {
  const options = parseArgs(process.argv.slice(2))
  if (typeof options === "string") {
    process.stderr.write(`${options}\n${usage}\n`)
    process.exitCode = 2
    return
  }
  const machine = Machine.describe()
  const log = (s: string) => process.stdout.write(`${s}\n`)
  log(`machine: ${Machine.format(machine)}`)
  log(
    `command: pnpm bench ${process.argv.slice(2).join(" ")}`.trimEnd() +
      `  (sizes ${options.sizes.map(fmtSize).join(", ")}; ${options.rounds} round(s); seed ${options.seed})`
  )

  const rows: Array<Row> = []
  for (const size of options.sizes) {
    const started = performance.now()
    const input = cachedFile(size, options.seed)
    const mb = Fs.statSync(input).size / 2 ** 20
    log(
      `\ninput: ${Path.relative(process.cwd(), input)} (${fmtInt(mb)} MiB, ready in ${fmtInt(performance.now() - started)} ms)`
    )
    const runs = new Map<Engine.Name, Array<Measurement>>(options.engines.map((e) => [e, []]))
    for (let round = 0; round < options.rounds; round++) {
      const order = rotate(options.engines, round)
      for (const engine of order) {
        const m = runWorker(engine, input, size, options.keep)
        runs.get(engine)?.push(m)
        log(
          `  ${fmtSize(size)} round ${round + 1}/${options.rounds} ${pad(engine, 14)} ${pad(fmtInt(m.recordsPerSec), 9, true)} rec/s  ${pad(m.peakRssMb.toFixed(0), 5, true)} MB  written ${m.written} rejected ${m.rejected} warnings ${m.warnings}  load ${Os.loadavg()[0]?.toFixed(2)}`
        )
      }
    }
    for (const engine of options.engines) {
      const ms = runs.get(engine) ?? []
      rows.push({
        engine,
        size,
        recordsPerSec: median(ms.map((m) => m.recordsPerSec)),
        peakRssMb: Math.max(...ms.map((m) => m.peakRssMb)),
        runs: ms
      })
    }
    // Every engine that maps must agree on what it wrote and rejected.
    const mapping = options.engines.filter((e) => e !== "identity")
    const counts = new Set(
      mapping.map((e) => {
        const m = runs.get(e)?.[0]
        return m === undefined ? "" : `${m.written}/${m.rejected}`
      })
    )
    if (counts.size > 1) {
      log(
        `  WARNING: engines disagree on written/rejected: ${mapping.map((e) => `${e} ${runs.get(e)?.[0]?.written}/${runs.get(e)?.[0]?.rejected}`).join(", ")}`
      )
    }
  }

  const find = (engine: Engine.Name, size: number) => rows.find((r) => r.engine === engine && r.size === size)
  const smallest = Math.min(...options.sizes)
  const largest = Math.max(...options.sizes)
  const both = largest !== smallest
  const rssHead = both ? ` RSS ${fmtSize(largest)}/${fmtSize(smallest)} |` : ""
  log(`\n| engine | records | records/s | × hand-written | peak RSS MB |${rssHead}`)
  log(`|---|---:|---:|---:|---:|${both ? "---:|" : ""}`)
  for (const size of options.sizes) {
    for (const engine of options.engines) {
      const row = find(engine, size)
      if (row === undefined) continue
      const hand = find("handwritten", size)
      const ratio = hand === undefined ? "" : `${(row.recordsPerSec / hand.recordsPerSec).toFixed(2)}×`
      const small = find(engine, smallest)
      const rss = !both
        ? ""
        : size === largest && small !== undefined
          ? ` ${(row.peakRssMb / small.peakRssMb).toFixed(2)}× |`
          : "  |"
      log(
        `| ${engine} | ${fmtSize(size)} | ${fmtInt(row.recordsPerSec)} | ${ratio} | ${row.peakRssMb.toFixed(0)} |${rss}`
      )
    }
  }

  log("\ntargets:")
  for (const size of options.sizes) {
    const mw = find("mapwright", size)
    const hand = find("handwritten", size)
    if (mw === undefined || hand === undefined) continue
    const ratio = mw.recordsPerSec / hand.recordsPerSec
    log(
      `  ${ratio >= THROUGHPUT_TARGET ? "PASS" : "MISS"}  mapwright at ${fmtSize(size)}: ${ratio.toFixed(2)}× hand-written (target ≥ ${THROUGHPUT_TARGET}×)`
    )
  }
  if (both) {
    for (const engine of ["mapwright", "mapwright-cli"] as const) {
      const big = find(engine, largest)
      const small = find(engine, smallest)
      if (big === undefined || small === undefined) continue
      const ratio = big.peakRssMb / small.peakRssMb
      log(
        `  ${ratio <= RSS_TARGET ? "PASS" : "MISS"}  ${engine} peak RSS ${fmtSize(largest)}/${fmtSize(smallest)}: ${ratio.toFixed(2)}× (${big.peakRssMb.toFixed(0)} / ${small.peakRssMb.toFixed(0)} MB; target ≤ ${RSS_TARGET}×)`
      )
    }
  }

  const resultsPath = Path.join(dataDir, `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  Fs.mkdirSync(dataDir, { recursive: true })
  Fs.writeFileSync(resultsPath, `${JSON.stringify({ machine, options, rows }, null, 2)}\n`)
  log(`\nresults: ${Path.relative(process.cwd(), resultsPath)}`)

  if (options.breakdown) {
    log("\nwhere the time goes (100k records, in-process):")
    const child = spawnSync(process.execPath, [profilePath, "--seed", String(options.seed)], {
      stdio: "inherit"
    })
    if (child.status !== 0) process.stderr.write(`profile failed (exit ${child.status})\n`)
  }
}

main()
