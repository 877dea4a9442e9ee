/**
 * Deterministic generator of XML ResultSet API customers (seed 001) in their JSON form: every
 * leaf a string, empty as `""` or absent, `UserCustomerGroup` always an array. The same seed
 * and count give the same bytes on every machine.
 *
 * About 2 % of the records are defective, evenly over four kinds: every block of
 * {@link BLOCK} consecutive records holds exactly one record of each kind, at positions the
 * seeded generator draws. So `count` records (a multiple of `BLOCK`) carry exactly
 * `count / BLOCK` defects of each kind.
 *
 * Run directly: `node bench/src/generate.ts --count 100000 [--seed 1] [--out file]`.
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import {
  type Country,
  companies,
  countries,
  emailDomains,
  firstNames,
  groupCodes,
  lastNames,
  streets
} from "./internal/fixtures.ts"
import * as Prng from "./internal/prng.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type Defect = "missingUsername" | "malformedEmail" | "nonNumericDiscount" | "unknownCountry"

/**
 * The four defect kinds, in the order they are assigned within a block.
 *
 * @since 0.1.0
 * @category constants
 */
export const defectKinds: ReadonlyArray<Defect> = [
  "missingUsername",
  "malformedEmail",
  "nonNumericDiscount",
  "unknownCountry"
]

/**
 * Every block of this many consecutive records holds exactly one record of each defect kind.
 *
 * @since 0.1.0
 * @category constants
 */
export const BLOCK = 200

/**
 * The share of defective records: 4 / 200 = 2 %.
 *
 * @since 0.1.0
 * @category constants
 */
export const defectRate = defectKinds.length / BLOCK

/**
 * Bumped whenever the generator's output changes, so cached files are regenerated.
 *
 * @since 0.1.0
 * @category constants
 */
export const VERSION = 1

/**
 * The seed `pnpm bench` uses unless told otherwise.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_SEED = 1

/**
 * A `<UserCustomerGroup>` in JSON form.
 *
 * @since 0.1.0
 * @category models
 */
export type SourceGroup = Record<string, string>

/**
 * A `<Customer>` in JSON form.
 *
 * @since 0.1.0
 * @category models
 */
export type SourceRecord = Record<string, string | ReadonlyArray<SourceGroup>>

/**
 * @since 0.1.0
 * @category models
 */
export interface Generated {
  readonly record: SourceRecord
  readonly defect: Defect | undefined
}

const ascii = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/[^A-Za-z0-9]/g, "")

const weightedCountry = (p: Prng.Prng): Country => {
  const r = p.next()
  const i = r < 0.35 ? 0 : r < 0.6 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 3 : 4
  return countries[i] as Country
}

const countryText = (p: Prng.Prng, c: Country): string => {
  const r = p.next()
  if (r < 0.84) return c.iso2
  if (r < 0.96) return p.pick(c.names)
  return c.iso3
}

const flag = (p: Prng.Prng): string => {
  const r = p.next()
  return r < 0.35 ? "" : r < 0.7 ? "0" : r < 0.85 ? "False" : r < 0.93 ? "1" : "True"
}

const password = (p: Prng.Prng): string => {
  const r = p.next()
  if (r < 0.05) return ""
  if (r < 0.15) {
    let hex = ""
    for (let i = 0; i < 32; i++) hex += "0123456789abcdef"[p.int(16)]
    return hex
  }
  const alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
  let out = "$2y$10$"
  for (let i = 0; i < 53; i++) out += alphabet[p.int(alphabet.length)]
  return out
}

interface Address {
  company: string
  fname: string
  lname: string
  address1: string
  address2: string
  address3: string
  city: string
  state: string
  zip: string
  country: string
}

const blankAddress = (): Address => ({
  company: "",
  fname: "",
  lname: "",
  address1: "",
  address2: "",
  address3: "",
  city: "",
  state: "",
  zip: "",
  country: ""
})

const address = (p: Prng.Prng, c: Country, fname: string, lname: string): Address => {
  const [city, region] = p.pick(c.cities)
  const hasCity = p.chance(0.94)
  return {
    company: p.chance(0.2) ? p.pick(companies) : "",
    fname: p.chance(0.97) ? fname : "",
    lname: p.chance(0.97) ? lname : "",
    address1: p.chance(0.93) ? `${p.int(480) + 1} ${p.pick(streets)}` : "",
    address2: p.chance(0.15) ? p.pick(["Unit 4", "Apt 12", "Level 3", "PO Box 4521", "Flat 2"]) : "",
    address3: p.chance(0.02) ? p.pick(["RD 2", "c/o Reception"]) : "",
    city: hasCity ? city : "",
    state: hasCity ? region : "",
    zip: p.chance(0.92) ? c.postcode(p) : "",
    country: p.chance(0.95) ? countryText(p, c) : ""
  }
}

/** Keys an older export leaves out altogether when they are empty. */
const omittable = new Set(["phone_night", "b_address3", "address3", "custom_data3", "custom_data4"])

const customer = (p: Prng.Prng, index: number, defect: Defect | undefined): SourceRecord => {
  const first = p.pick(firstNames)
  const last = p.pick(lastNames)
  const local = `${ascii(first)}${p.pick([".", "", "_"])}${ascii(last)}${index}`
  const domain = p.pick(emailDomains)
  const cased = p.chance(0.15)
    ? `${local}@${domain[0]?.toUpperCase()}${domain.slice(1)}`
    : `${local}@${domain}`
  let email = p.chance(0.04) ? "" : p.chance(0.85) ? cased.toLowerCase() : cased
  const username =
    p.chance(0.5) && email !== ""
      ? email.toLowerCase()
      : `${ascii(first[0] ?? "")}${ascii(last)}${index}`.toLowerCase()

  const home = weightedCountry(p)
  const hasBilling = p.chance(0.98) || defect === "unknownCountry"
  const billing = hasBilling ? address(p, home, first, last) : blankAddress()
  const hasShipping = p.chance(0.3)
  const shipCountry = p.chance(0.85) ? home : weightedCountry(p)
  const shipping = hasShipping
    ? address(
        p,
        shipCountry,
        p.chance(0.7) ? first : p.pick(firstNames),
        p.chance(0.8) ? last : p.pick(lastNames)
      )
    : blankAddress()

  // A phone of another country than the billing one is written in international format.
  const phoneCountry = p.chance(0.95) ? home : weightedCountry(p)
  const intl = phoneCountry !== home
  const phoneDay = p.chance(0.88) ? phoneCountry.phone(p, intl || p.chance(0.35)) : ""
  const phoneNight = p.chance(0.25) ? phoneCountry.phone(p, intl || p.chance(0.35)) : ""

  const inactive = flag(p)
  const noEmail = flag(p)
  let discount = p.chance(0.2) ? p.pick(["5", "10", "12", "15", "20", "25", "30"]) : ""
  const shipMode = p.chance(0.4) ? p.pick(["standard", "express", "overnight", "pickup"]) : ""
  const custom1 = p.chance(0.1) ? `loyalty:${p.pick(["gold", "silver", "bronze"])}` : ""
  const custom2 = p.chance(0.05) ? `ref:${p.digits(6)}` : ""
  const custom3 = p.chance(0.03) ? `crm-${p.digits(8)}` : ""
  const custom4 = p.chance(0.01) ? `{"source":"pos","till":${p.int(9) + 1}}` : ""

  const r = p.next()
  const groupCount = r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.93 ? 2 : 3
  const groups: Array<SourceGroup> = []
  const codes = new Set<string>()
  for (let g = 0; g < groupCount; g++) {
    let code = p.pick(groupCodes)
    while (codes.has(code)) code = p.pick(groupCodes)
    codes.add(code)
    groups.push({
      code: String(1000 + index * 3 + g),
      username,
      group_code: code,
      subscribed: p.pick(["1", "1", "0", "True", "False"]),
      custom_data1: p.chance(0.05) ? `tier:${p.int(3) + 1}` : "",
      custom_data2: "",
      custom_data3: "",
      custom_data4: ""
    })
  }

  switch (defect) {
    case "malformedEmail": {
      const shape = p.int(3)
      email = shape === 0 ? `${local}.${domain}` : shape === 1 ? `${local}@` : `${local}@@${domain}`
      break
    }
    case "nonNumericDiscount":
      discount = p.pick(["twenty", "fifteen"])
      break
    case "unknownCountry":
      billing.country = p.pick(["Atlantis", "XX"])
      break
    default:
      break
  }

  const full: Array<readonly [string, string]> = [
    ["username", username],
    ["password", password(p)],
    ["email", email],
    ["phone_day", phoneDay],
    ["phone_night", phoneNight],
    ["b_company", billing.company],
    ["b_fname", billing.fname],
    ["b_lname", billing.lname],
    ["b_address1", billing.address1],
    ["b_address2", billing.address2],
    ["b_address3", billing.address3],
    ["b_city", billing.city],
    ["b_state", billing.state],
    ["b_zip", billing.zip],
    ["b_country", billing.country],
    ["company", shipping.company],
    ["fname", shipping.fname],
    ["lname", shipping.lname],
    ["address1", shipping.address1],
    ["address2", shipping.address2],
    ["address3", shipping.address3],
    ["city", shipping.city],
    ["state", shipping.state],
    ["zip", shipping.zip],
    ["country", shipping.country],
    ["inactive", inactive],
    ["discount", discount],
    ["no_email", noEmail],
    ["mv_shipmode", shipMode],
    ["custom_data1", custom1],
    ["custom_data2", custom2],
    ["custom_data3", custom3],
    ["custom_data4", custom4]
  ]
  const sparse = p.chance(0.1)
  const record: SourceRecord = {}
  for (const [key, value] of full) {
    if (key === "username" && defect === "missingUsername") continue
    if (sparse && value === "" && omittable.has(key)) continue
    record[key] = value
  }
  record.UserCustomerGroup = groups
  return record
}

/**
 * The records for `seed`, in order, each with the defect it was given (if any).
 *
 * @since 0.1.0
 * @category constructors
 */
export function* records(seed: number, count: number): Generator<Generated> {
  const data = Prng.make(seed)
  const placement = Prng.make(seed ^ 0x5bd1e995)
  const slots = new Map<number, Defect>()
  for (let index = 0; index < count; index++) {
    const offset = index % BLOCK
    if (offset === 0) {
      slots.clear()
      for (const kind of defectKinds) {
        let at = placement.int(BLOCK)
        while (slots.has(at)) at = placement.int(BLOCK)
        slots.set(at, kind)
      }
    }
    const defect = slots.get(offset)
    yield { record: customer(data, index, defect), defect }
  }
}

/**
 * What {@link writeFile} wrote.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly records: number
  readonly bytes: number
  readonly defects: Readonly<Record<Defect, number>>
}

/**
 * Writes `count` records as NDJSON to `path`, streamed in 1 MiB batches (constant memory), via
 * a temporary file renamed at the end so an interrupted run never leaves a partial file.
 *
 * @since 0.1.0
 * @category constructors
 */
export const writeFile = (path: string, seed: number, count: number): Summary => {
  Fs.mkdirSync(Path.dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  const fd = Fs.openSync(tmp, "w")
  const defects: Record<Defect, number> = {
    missingUsername: 0,
    malformedEmail: 0,
    nonNumericDiscount: 0,
    unknownCountry: 0
  }
  let bytes = 0
  let batch = ""
  try {
    for (const { record, defect } of records(seed, count)) {
      if (defect !== undefined) defects[defect]++
      batch += `${JSON.stringify(record)}\n`
      if (batch.length >= 1 << 20) {
        bytes += Fs.writeSync(fd, batch)
        batch = ""
      }
    }
    if (batch.length > 0) bytes += Fs.writeSync(fd, batch)
  } finally {
    Fs.closeSync(fd)
  }
  Fs.renameSync(tmp, path)
  return { records: count, bytes, defects }
}

/**
 * The cache folder for generated files and run outputs (git-ignored).
 *
 * @since 0.1.0
 * @category constants
 */
export const dataDir = fileURLToPath(new URL("../.data/", import.meta.url))

/**
 * The path of the cached input file for `count` records of `seed`, generating it first when
 * it is missing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const cachedFile = (count: number, seed: number = DEFAULT_SEED): string => {
  const path = Path.join(dataDir, `customers-v${VERSION}-seed${seed}-n${count}.ndjson`)
  if (!Fs.existsSync(path)) writeFile(path, seed, count)
  return path
}

const main = () => {
  const args = process.argv.slice(2)
  const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const count = Number(option("count") ?? "100000")
  const seed = Number(option("seed") ?? String(DEFAULT_SEED))
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    process.stderr.write("usage: node bench/src/generate.ts --count N [--seed S] [--out FILE]\n")
    process.exitCode = 2
    return
  }
  const out = option("out")
  const started = performance.now()
  if (out === undefined) {
    const path = cachedFile(count, seed)
    process.stdout.write(`${path}\n`)
  } else {
    const summary = writeFile(out, seed, count)
    process.stdout.write(`${JSON.stringify(summary)}\n`)
  }
  process.stderr.write(`generated in ${Math.round(performance.now() - started)} ms\n`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
