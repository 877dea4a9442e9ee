/**
 * What makes the benchmark honest: the generator is deterministic and has the defect rate it
 * claims, and every engine maps the generated records to the same bytes and rejects the same
 * records, so the benchmark compares equal work.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { afterAll, assert, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Mapper } from "../src/engines/Engine.ts"
import * as Handwritten from "../src/engines/handwritten.ts"
import * as Jsonata from "../src/engines/jsonata.ts"
import * as Mapwright from "../src/engines/mapwright.ts"
import * as MapwrightCli from "../src/engines/mapwrightCli.ts"
import { BLOCK, type Defect, defectKinds, defectRate, records, writeFile } from "../src/generate.ts"
import { runFile } from "../src/harness.ts"

const N = 2000
const SEED = 1

let dir = ""
let input = ""

beforeAll(() => {
  dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "mapwright-bench-"))
  input = Path.join(dir, "in.ndjson")
  writeFile(input, SEED, N)
})

afterAll(() => {
  Fs.rmSync(dir, { recursive: true, force: true })
})

const readLines = (path: string): Array<string> => {
  const lines = Fs.readFileSync(path, "utf8").split("\n")
  if (lines[lines.length - 1] === "") lines.pop()
  return lines
}

/** The defect of a record, read from the record itself (not from the generator's label). */
const observedDefect = (r: Record<string, unknown>): Defect | undefined => {
  if (!("username" in r)) return "missingUsername"
  const email = String(r.email)
  if (email !== "" && (!email.includes("@") || email.endsWith("@") || email.includes("@@")))
    return "malformedEmail"
  if (r.discount !== "" && !/^\d+$/.test(String(r.discount))) return "nonNumericDiscount"
  if (r.b_country === "Atlantis" || r.b_country === "XX") return "unknownCountry"
  return undefined
}

describe("generator", () => {
  it("gives the same bytes for the same seed, and other bytes for another seed", () => {
    const again = Path.join(dir, "again.ndjson")
    const other = Path.join(dir, "other.ndjson")
    writeFile(again, SEED, N)
    writeFile(other, SEED + 1, N)
    const a = Fs.readFileSync(input)
    expect(Fs.readFileSync(again).equals(a)).toBe(true)
    expect(Fs.readFileSync(other).equals(a)).toBe(false)
    expect(readLines(input)).toHaveLength(N)
  })

  it("puts exactly one defect of each kind in every block of 200 records: 2 %", () => {
    expect(BLOCK).toBe(200)
    expect(defectRate).toBe(0.02)
    const lines = readLines(input)
    const perBlock: Array<Record<Defect, number>> = []
    lines.forEach((line, i) => {
      const block = Math.floor(i / BLOCK)
      perBlock[block] ??= { missingUsername: 0, malformedEmail: 0, nonNumericDiscount: 0, unknownCountry: 0 }
      const defect = observedDefect(JSON.parse(line))
      if (defect !== undefined) perBlock[block][defect]++
    })
    expect(perBlock).toHaveLength(10)
    for (const counts of perBlock) {
      expect(counts).toEqual({
        missingUsername: 1,
        malformedEmail: 1,
        nonNumericDiscount: 1,
        unknownCountry: 1
      })
    }
    // 2000 records: 10 of each kind, 40 in all
    const labelled = [...records(SEED, N)].filter((g) => g.defect !== undefined)
    expect(labelled).toHaveLength(40)
    for (const kind of defectKinds)
      expect(labelled.filter((g) => g.defect === kind)).toHaveLength(10)
      // the generator's labels are what the records show
    ;[...records(SEED, N)].forEach((g, i) => {
      expect(observedDefect(JSON.parse(lines[i] as string))).toBe(g.defect)
    })
  })

  it("writes records in the seed's JSON form: strings, and UserCustomerGroup always an array", () => {
    for (const line of readLines(input)) {
      const r = JSON.parse(line) as Record<string, unknown>
      for (const [key, value] of Object.entries(r)) {
        if (key === "UserCustomerGroup") {
          assert.isTrue(Array.isArray(value))
          for (const g of value as Array<Record<string, unknown>>) {
            for (const v of Object.values(g)) expect(typeof v).toBe("string")
          }
        } else expect(typeof value).toBe("string")
      }
    }
  })
})

/** A record and its canonical form, written by hand from the mapping. */
const sample = {
  username: "peter@parker.nz",
  password: "$2y$10$abcdefghijklmnopqrstuv",
  email: " Peter@Parker.NZ ",
  phone_day: "021 123 4567",
  phone_night: "",
  b_company: "",
  b_fname: "Peter",
  b_lname: "Parker",
  b_address1: "1 Queen Street",
  b_address2: "",
  b_city: "Auckland",
  b_state: "",
  b_zip: "0800",
  b_country: "New Zealand",
  company: "",
  fname: "",
  lname: "",
  address1: "",
  city: "",
  zip: "",
  country: "",
  inactive: "True",
  discount: "20",
  no_email: "",
  mv_shipmode: "express",
  custom_data1: "",
  UserCustomerGroup: [{ code: "7", username: "peter@parker.nz", group_code: "vip", subscribed: "0" }]
}

const billing = {
  id: null,
  kind: "billing",
  isDefault: true,
  firstName: "Peter",
  lastName: "Parker",
  company: null,
  line1: "1 Queen Street",
  line2: null,
  line3: null,
  city: "Auckland",
  region: null,
  postalCode: "0800",
  country: "NZ",
  phone: "+64211234567",
  email: "peter@parker.nz"
}

const expected = {
  id: "peter@parker.nz",
  email: "peter@parker.nz",
  firstName: "Peter",
  lastName: "Parker",
  company: null,
  phone: "+64211234567",
  phones: [{ kind: "day", number: "+64211234567" }],
  gender: null,
  birthDate: null,
  isGuest: false,
  active: false,
  blocked: null,
  canLogin: null,
  groups: [{ id: "vip", code: "vip", name: null }],
  tags: [],
  billing,
  shipping: { ...billing, kind: "shipping" },
  addresses: [],
  marketing: { emailOptIn: true, smsOptIn: null },
  discountPercent: 20,
  orderCount: null,
  lastOrderAt: null,
  createdAt: null,
  updatedAt: null,
  lastLoginAt: null,
  deletedAt: null,
  extra: {
    xmlResultset: {
      shipMode: "express",
      customData1: null,
      customData2: null,
      customData3: null,
      customData4: null,
      groupMemberships: [
        {
          code: "7",
          groupCode: "vip",
          subscribed: false,
          customData1: null,
          customData2: null,
          customData3: null,
          customData4: null
        }
      ]
    }
  },
  source: { system: "xml-resultset", id: "peter@parker.nz" }
}

describe("engines", () => {
  const mappers: Array<() => Promise<Mapper>> = [
    async () => Handwritten.engine(),
    async () => Jsonata.engine(),
    () => Mapwright.engine()
  ]

  it("map a hand-checked record to the canonical Customer the mapping describes, key order included", async () => {
    for (const make of mappers) {
      const mapper = await make()
      const result = await mapper.map(sample)
      expect(result.issues, mapper.name).toEqual([])
      expect(JSON.stringify(result.value), mapper.name).toBe(JSON.stringify(expected))
    }
  })

  it("write identical output and reject the same records: those missing a username or with a bad discount or country", async () => {
    const defects = [...records(SEED, N)].map((g) => g.defect)
    const rejecting = new Set<Defect>(["missingUsername", "nonNumericDiscount", "unknownCountry"])
    const expectedRejects = defects.flatMap((d, i) => (d !== undefined && rejecting.has(d) ? [i + 1] : []))
    expect(expectedRejects).toHaveLength(30)

    const results: Array<{ name: string; output: Buffer; rejected: Array<number>; written: number }> = []
    const collect = (name: string, out: string, rej: string, written: number) => {
      const rejected = readLines(rej)
        .map((l) => JSON.parse(l) as { outcome: string; line: number })
        .filter((l) => l.outcome === "rejected")
        .map((l) => l.line)
      results.push({ name, output: Fs.readFileSync(out), rejected, written })
    }
    for (const make of mappers) {
      const mapper = await make()
      const out = Path.join(dir, `${mapper.name}.out.ndjson`)
      const rej = Path.join(dir, `${mapper.name}.rejects.ndjson`)
      const counts = await runFile(mapper, input, out, rej)
      expect(counts.records).toBe(N)
      collect(mapper.name, out, rej, counts.written)
    }
    const cli = await MapwrightCli.engine()
    const out = Path.join(dir, "cli.out.ndjson")
    const rej = Path.join(dir, "cli.rejects.ndjson")
    const counts = await cli.run(input, out, rej)
    collect(cli.name, out, rej, counts.written)

    const [first, ...rest] = results
    assert.isDefined(first)
    expect(first.rejected).toEqual(expectedRejects)
    expect(first.written).toBe(N - 30)
    for (const r of rest) {
      expect(r.rejected, r.name).toEqual(expectedRejects)
      expect(r.written, r.name).toBe(N - 30)
      expect(r.output.equals(first.output), `${r.name} output differs from ${first.name}`).toBe(true)
    }
  })
})
