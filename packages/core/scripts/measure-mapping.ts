/**
 * Measures the compiled acceptance mapping (not a test): the XML ResultSet Customer mapping
 * (`packages/connector-xml-resultset/mappings/customer.to-canonical.yaml`) over generated
 * records, with and without output validation, against `JSON.parse` + `JSON.stringify` of the
 * same records (and of the outputs) as a yardstick. It also runs the mapping with a
 * constant-time stand-in for `e164`, whose libphonenumber-js parse dominates the real run, to
 * show what the engine itself costs. Prints nanoseconds per record (median of 5 rounds after a
 * warm-up).
 *
 *   node packages/core/scripts/measure-mapping.ts [records]
 *
 * @since 0.1.0
 */
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as Mapping from "../src/Mapping.ts"
import * as RecordSchema from "../src/RecordSchema.ts"
import * as Transform from "../src/Transform.ts"
import * as Transforms from "../src/Transforms.ts"

const count = Number(process.argv[2] ?? 200_000)
const connector = join(import.meta.dirname, "../../connector-xml-resultset")
const connectorModule: { readonly schemas: ReadonlyArray<RecordSchema.RecordSchema> } = await import(
  join(connector, "src/index.ts")
)
const schemas = RecordSchema.registry([...Canonical.schemas, ...connectorModule.schemas])
const file = join(connector, "mappings/customer.to-canonical.yaml")

// The same mapping with a constant-time stand-in for `e164` (libphonenumber-js parses a number in
// microseconds): what the engine itself costs, apart from that one transform.
const realE164 = Transforms.registry.get("e164")!
const cheapE164: Transform.Transform = {
  ...realE164,
  compile: () => (value) => (typeof value === "string" && value.trim() !== "" ? "+64215550123" : null)
}
const cheap = Transform.registry([...Transforms.builtins.filter((t) => t.name !== "e164"), cheapE164])

const load = (validate: boolean, transforms: Transform.TransformRegistry = Transforms.registry) =>
  Effect.runPromise(
    Mapping.load(file, { schemas, validate, transforms }).pipe(Effect.provide(NodeFileSystem.layer))
  )

const countries = ["NZ", "New Zealand", "AU", "United States", "GBR"]

const record = (i: number): Record<string, unknown> => ({
  username: `user${i}@example.co.nz`,
  password: "$2y$10$abcdefghijklmnopqrstuv",
  email: ` User${i}@Example.co.nz `,
  phone_day: `021 ${String(100 + (i % 900))} ${String(1000 + (i % 9000))}`,
  phone_night: i % 3 === 0 ? "" : `09 ${String(300 + (i % 600))} ${String(1000 + (i % 9000))}`,
  b_company: i % 4 === 0 ? `Company ${i}` : "",
  b_fname: `First${i}`,
  b_lname: `Last${i}`,
  b_address1: `${i} Queen Street`,
  b_address2: i % 2 === 0 ? "Level 2" : "",
  b_address3: "",
  b_city: "Auckland",
  b_state: "",
  b_zip: String(1000 + (i % 9000)).padStart(4, "0"),
  b_country: countries[i % countries.length],
  company: "",
  fname: i % 2 === 0 ? `Ship${i}` : "",
  lname: i % 2 === 0 ? `Last${i}` : "",
  address1: i % 2 === 0 ? `${i} Lambton Quay` : "",
  address2: "",
  address3: "",
  city: i % 2 === 0 ? "Wellington" : "",
  state: "",
  zip: i % 2 === 0 ? "6011" : "",
  country: i % 2 === 0 ? "NZ" : "",
  inactive: i % 10 === 0 ? "1" : "0",
  discount: String(i % 30),
  no_email: i % 5 === 0 ? "1" : "0",
  mv_shipmode: "courier",
  custom_data1: "",
  custom_data2: "",
  custom_data3: "",
  custom_data4: "",
  UserCustomerGroup: [
    { code: String(i * 2), username: `user${i}@example.co.nz`, group_code: "retail", subscribed: "1" },
    ...(i % 5 === 0
      ? [{ code: String(i * 2 + 1), username: `user${i}@example.co.nz`, group_code: "vip", subscribed: "0" }]
      : [])
  ]
})

const records = Array.from({ length: count }, (_, i) => record(i))
const texts = records.map((r) => JSON.stringify(r))

const median = (xs: ReadonlyArray<number>): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const measure = (name: string, run: (i: number) => unknown): number => {
  let sink = 0
  for (let i = 0; i < Math.min(count, 20_000); i++) if (run(i) !== undefined) sink++
  const rounds: Array<number> = []
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < count; i++) if (run(i) !== undefined) sink++
    rounds.push(Number(process.hrtime.bigint() - t0) / count)
  }
  const ns = median(rounds)
  process.stdout.write(`${name.padEnd(36)} ${ns.toFixed(0).padStart(6)} ns/record (sink ${sink % 7})\n`)
  return ns
}

const withValidation = await load(true)
const withoutValidation = await load(false)
const cheapWithValidation = await load(true, cheap)
const cheapWithoutValidation = await load(false, cheap)
let rejected = 0
for (const r of records) if (withValidation(r).value === undefined) rejected++
process.stdout.write(`${count} records, ${rejected} rejected by the mapping\n`)

const outputs = records.map((r) => JSON.stringify(withValidation(r).value))
const yardstick = measure("JSON.parse + JSON.stringify", (i) => JSON.stringify(JSON.parse(texts[i]!)))
const outputYardstick = measure("  the same, of the canonical output", (i) =>
  JSON.stringify(JSON.parse(outputs[i]!))
)
const mapOnly = measure("mapping, no validation", (i) => withoutValidation(records[i]))
const mapValidate = measure("mapping + validation", (i) => withValidation(records[i]))
const cheapOnly = measure("engine (cheap e164), no validation", (i) => cheapWithoutValidation(records[i]))
const cheapValidate = measure("engine (cheap e164) + validation", (i) => cheapWithValidation(records[i]))
const ratio = (x: number) => (x / yardstick).toFixed(2)
process.stdout.write(
  `ratio to parse+stringify of the input: ${ratio(mapOnly)} without validation, ${ratio(mapValidate)} with; ` +
    `engine alone ${ratio(cheapOnly)} without validation, ${ratio(cheapValidate)} with\n` +
    `(parse+stringify of the output costs ${(outputYardstick / yardstick).toFixed(2)}× that of the input)\n`
)
