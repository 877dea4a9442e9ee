/**
 * Measures output validation of canonical Customers (not a test): Effect Schema decoding
 * against the Ajv validator compiled by `Validator.compile`, with `JSON.stringify` of the same
 * records as a yardstick. Prints nanoseconds per record (median of 5 rounds after a warm-up).
 *
 *   node packages/core/scripts/measure-validator.ts [records]
 *
 * @since 0.1.0
 */
import { Exit, Schema } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as Validator from "../src/Validator.ts"

const count = Number(process.argv[2] ?? 100_000)

const address = (i: number, kind: "billing" | "shipping"): Canonical.Address => ({
  id: null,
  kind,
  isDefault: kind === "billing",
  firstName: `First${i}`,
  lastName: `Last${i}`,
  company: i % 3 === 0 ? `Company ${i}` : null,
  line1: `${i} Queen Street`,
  line2: i % 2 === 0 ? "Level 2" : null,
  line3: null,
  city: "Auckland",
  region: null,
  postalCode: String(1000 + (i % 9000)).padStart(4, "0"),
  country: "NZ",
  phone: `+6421${String(100000 + (i % 900000))}`,
  email: null
})

const customer = (i: number): Canonical.Customer => ({
  id: String(i),
  email: `user${i}@example.co.nz`,
  firstName: `First${i}`,
  lastName: `Last${i}`,
  company: i % 3 === 0 ? `Company ${i}` : null,
  phone: `+6421${String(100000 + (i % 900000))}`,
  phones: [{ kind: "mobile", number: `+6421${String(100000 + (i % 900000))}` }],
  gender: i % 2 === 0 ? "female" : "male",
  birthDate: `19${String(50 + (i % 50))}-0${1 + (i % 9)}-1${i % 10}`,
  isGuest: false,
  active: true,
  blocked: false,
  canLogin: true,
  groups: [{ id: null, code: i % 5 === 0 ? "vip" : "retail", name: null }],
  tags: i % 4 === 0 ? ["newsletter"] : [],
  billing: address(i, "billing"),
  shipping: i % 2 === 0 ? address(i, "shipping") : null,
  addresses: [address(i, "billing")],
  marketing: { emailOptIn: i % 2 === 0, smsOptIn: null },
  discountPercent: i % 20,
  orderCount: i % 50,
  lastOrderAt: "2024-05-01T09:30:00Z",
  createdAt: `2020-0${1 + (i % 9)}-1${i % 10}T08:15:30Z`,
  updatedAt: "2024-05-02T10:00:00.125+12:00",
  lastLoginAt: null,
  deletedAt: null,
  extra: { xmlResultset: { custom_data1: `c${i}` } },
  source: { system: "xml-resultset", id: String(i) }
})

const records = Array.from({ length: count }, (_, i) => customer(i))

const decode = Schema.decodeUnknownExit(Canonical.Customer)
const validate = Validator.compile(Canonical.schemas[0]!)

const cases: ReadonlyArray<readonly [string, (r: unknown) => boolean]> = [
  [
    "Effect Schema decodeUnknownExit (errors all, excess error)",
    (r) => Exit.isSuccess(decode(r, Canonical.parseOptions))
  ],
  ["Effect Schema decodeUnknownExit (default options)", (r) => Exit.isSuccess(decode(r))],
  ["Ajv validator (Validator.compile)", (r) => validate(r).length === 0],
  ["JSON.stringify (yardstick)", (r) => JSON.stringify(r).length > 0]
]

const round = (run: (r: unknown) => boolean): number => {
  const start = process.hrtime.bigint()
  for (const r of records) if (!run(r)) throw new Error("a generated record did not validate")
  return Number(process.hrtime.bigint() - start) / records.length
}

process.stdout.write(`${count} canonical Customers, Node ${process.version}\n`)
for (const [name, run] of cases) {
  round(run)
  const rounds = Array.from({ length: 5 }, () => round(run)).sort((a, b) => a - b)
  process.stdout.write(`${name.padEnd(60)} ${rounds[2]!.toFixed(0).padStart(7)} ns/record\n`)
}
