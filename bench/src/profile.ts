/**
 * Where the time goes, in one process over the same 100k records (`pnpm bench --breakdown`,
 * or `node bench/src/profile.ts [--count N] [--seed S] [--reps R]`): each phase of the
 * mapping path timed alone over every record, in ns per record, median of R repetitions after
 * one warm-up.
 *
 * - `JSON.parse` of the input line; `JSON.stringify` of the mapped record.
 * - the hand-written mapping; Mapwright's compiled mapping without and with output validation;
 *   output validation alone (core's `Validator` on Mapwright's output); and, for scale, the
 *   same validation through Effect Schema decoding.
 * - the libraries alone: libphonenumber-js (`max` metadata) on the record's phones, once per
 *   phone (`phone_day` feeds `phone`, `phones.0.number` and `billing.phone`).
 * - Mapwright's mapping with `e164` stubbed (a constant): the engine's own cost without the
 *   phone library; and how many times Mapwright calls `e164` per record, against the number of
 *   non-blank phones (the least a mapper needs).
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs"
import { Canonical, Transform, Transforms, Validator } from "@mapwright/core"
import { Schema } from "effect"
import { mapCustomer } from "./engines/handwritten.ts"
import * as L from "./engines/lib.ts"
import * as Mapwright from "./engines/mapwright.ts"
import { cachedFile, DEFAULT_SEED } from "./generate.ts"
import * as Machine from "./internal/machine.ts"

/**
 * One measured phase.
 *
 * @since 0.1.0
 * @category models
 */
export interface Phase {
  readonly name: string
  readonly nsPerRecord: number
  /** How many records the phase ran over. */
  readonly records: number
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1] as number
}

interface Job {
  readonly name: string
  readonly records: number
  /** One pass over every item: ns per item. */
  readonly once: () => number
}

const job = <A>(name: string, items: ReadonlyArray<A>, f: (a: A) => unknown): Job => ({
  name,
  records: items.length,
  once: () => {
    let kept = 0
    const t = performance.now()
    for (const item of items) if (f(item) !== undefined) kept++
    const ns = ((performance.now() - t) * 1e6) / items.length
    if (kept < 0) throw new Error("unreachable")
    return ns
  }
})

/**
 * One warm-up pass of every job, then `reps` rounds in which every job runs once, so a burst
 * of load from elsewhere on the machine touches every phase alike; the median per job.
 */
const measureAll = (jobs: ReadonlyArray<Job>, reps: number): Array<Phase> => {
  for (const j of jobs) j.once()
  const times = jobs.map(() => [] as Array<number>)
  for (let r = 0; r < reps; r++) {
    for (const [i, j] of jobs.entries()) times[i]?.push(j.once())
  }
  return jobs.map((j, i) => ({ name: j.name, nsPerRecord: median(times[i] ?? []), records: j.records }))
}

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(`--${name}`)
    const n = i >= 0 ? Number(args[i + 1]) : fallback
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} needs a whole number ≥ 1, got ${args[i + 1]}`)
    return n
  }
  const count = option("count", 100_000)
  const seed = option("seed", DEFAULT_SEED)
  const reps = option("reps", 5)

  const lines = Fs.readFileSync(cachedFile(count, seed), "utf8").split("\n")
  if (lines[lines.length - 1] === "") lines.pop()
  const records: Array<unknown> = lines.map((l) => JSON.parse(l))

  // e164 counted, and e164 stubbed: registries that differ from the built-ins in that one transform
  let e164Calls = 0
  const withE164 = (wrap: (t: Transform.Transform) => Transform.Transform) =>
    Transform.registry(Transforms.builtins.map((t) => (t.name === "e164" ? wrap(t) : t)))
  const counting = withE164((t) => ({
    ...t,
    compile: (options, context) => {
      const apply = t.compile(options, context)
      return (value, record) => {
        e164Calls++
        return apply(value, record)
      }
    }
  }))
  const stubbed = withE164((t) => ({
    ...t,
    compile: () => (value) => (typeof value === "string" ? "+6421000000" : null)
  }))

  const unvalidated = await Mapwright.compile({ validate: false })
  const validated = await Mapwright.compile({ validate: true })
  const noPhone = await Mapwright.compile({ validate: false, transforms: stubbed })
  const counted = await Mapwright.compile({ validate: false, transforms: counting })
  const outputs: Array<unknown> = []
  for (const r of records) {
    const v = unvalidated(r).value
    if (v !== undefined) outputs.push(v)
    counted(r)
  }
  const validate = Validator.compile(
    Canonical.schemas.find((s) => s.name === "canonical/Customer") ?? Canonical.schemas[0]!
  )
  const decode = Schema.decodeUnknownExit(Canonical.Customer)
  const phones = records.map((r) => {
    const s = r as { readonly [k: string]: unknown }
    return { day: s.phone_day, night: s.phone_night, country: s.b_country }
  })
  const present = (v: unknown) => typeof v === "string" && !L.blank(v)
  const phoneCount = phones.reduce((n, p) => n + (present(p.day) ? 1 : 0) + (present(p.night) ? 1 : 0), 0)

  const phases = measureAll(
    [
      job("JSON.parse (input line)", lines, (l) => JSON.parse(l)),
      job("hand-written mapping", records, mapCustomer),
      job("Mapwright mapping, no validation", records, unvalidated),
      job("Mapwright mapping + validation", records, validated),
      job("Mapwright mapping, no validation, e164 stubbed", records, noPhone),
      job("validation alone (Ajv, core Validator)", outputs, validate),
      job("validation via Effect Schema decode (for scale)", outputs, (v) =>
        decode(v, Canonical.parseOptions)
      ),
      job("JSON.stringify (mapped record)", outputs, (v) => JSON.stringify(v)),
      job("libphonenumber-js alone, once per phone", phones, (p) => {
        const country = L.phoneCountry(p.country)
        const day = present(p.day) ? L.e164(p.day as string, country) : null
        const night = present(p.night) ? L.e164(p.night as string, country) : null
        return [day, night]
      })
    ],
    reps
  )

  const out = (s: string) => process.stdout.write(`${s}\n`)
  out(`machine: ${Machine.format(Machine.describe())}`)
  out(
    `${count.toLocaleString("en-US")} records (seed ${seed}); ns per record, median of ${reps} interleaved rounds after a warm-up\n`
  )
  out("| phase | ns/record |")
  out("|---|---:|")
  for (const p of phases) out(`| ${p.name} | ${Math.round(p.nsPerRecord).toLocaleString("en-US")} |`)
  const ns = (name: string) => phases.find((p) => p.name.startsWith(name))?.nsPerRecord ?? 0
  const io = ns("JSON.parse") + ns("JSON.stringify")
  out("")
  out(`parse + stringify:                          ${Math.round(io).toLocaleString("en-US")} ns/record`)
  out(
    `hand-written path (parse + map + stringify): ${Math.round(io + ns("hand-written")).toLocaleString("en-US")} ns/record`
  )
  out(
    `Mapwright path (parse + map + validate + stringify): ${Math.round(io + ns("Mapwright mapping + validation")).toLocaleString("en-US")} ns/record`
  )
  out(
    `e164 calls per record: Mapwright ${(e164Calls / records.length).toFixed(2)}, non-blank phones ${(phoneCount / records.length).toFixed(2)}`
  )
  out(
    `validation share of Mapwright's mapping: ${((100 * ns("validation alone")) / ns("Mapwright mapping + validation")).toFixed(0)} %`
  )
}

main().catch((error: unknown) => {
  process.stderr.write(
    `profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
