/**
 * The shared round trip: the shared set of canonical customers (src/customers.ts, every field
 * filled) goes through each connector's emulator and back to canonical.
 *
 * Write: a real pipeline run from the test-only `canonical-ndjson` source (the shared set as
 * NDJSON, its to-canonical mapping the identity) to the connector's customers stream, mode
 * `create`, so the records reach the target's default from-canonical mapping with every field
 * filled (a real platform as the source would hand over only what it carries itself) and the
 * run's `Summary.dropped` is the runtime's own report of what the target does not carry.
 *
 * Read: the connector's client lists the customers back (`includeGuests` where the stream has
 * it), each through its default to-canonical mapping, matched to the written one by email.
 *
 * Checks: every customer written and read back; every `full` field equal after the canonical
 * normalisations of src/compare.ts; every `none` field the set fills listed once in
 * `Summary.dropped` with the number of customers that fill it (src/customers.ts
 * `filledCounts`), and no other field listed.
 */
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Installed } from "@mapwright/cli"
import { Canonical, FieldSupport, Mapping, type Pipeline } from "@mapwright/core"
import { Effect, Schema } from "effect"
import * as Compare from "../src/compare.ts"
import { customers, filledCounts } from "../src/customers.ts"
import * as Harness from "../src/harness.ts"
import * as Targets from "../src/targets.ts"

const dir = Harness.tempDir("round-trip")
const sharedSet = Harness.sharedSetFile()

describe("the shared set", () => {
  it("is 36 canonical customers, 28 registered then 8 guests, each with its own email", () => {
    const decode = Schema.decodeUnknownSync(Canonical.Customer)
    for (const c of customers) decode(c, Canonical.parseOptions)
    assert.strictEqual(customers.length, 36)
    assert.deepStrictEqual(
      customers.map((c) => c.isGuest),
      [...Array.from({ length: 28 }, () => false), ...Array.from({ length: 8 }, () => true)]
    )
    assert.strictEqual(new Set(customers.map((c) => c.email)).size, 36)
    assert.strictEqual(customers[0]!.id, "c-001")
    assert.strictEqual(customers[35]!.id, customers[35]!.email)
  })

  it("fills every canonical field, and holds values a target without them loses as filledCounts says", () => {
    const nothing = Object.fromEntries(
      FieldSupport.customerFields.map((field) => [field, "none"])
    ) as unknown as FieldSupport.Declaration
    for (const field of FieldSupport.customerFields) {
      const filled = customers.filter((c) => FieldSupport.isFilled(c[field])).length
      assert.strictEqual(filled, field === "lastLoginAt" ? 28 : field === "deletedAt" ? 4 : 36, field)
      const lost = customers.filter((c) => FieldSupport.dropped(nothing, c).includes(field)).length
      assert.strictEqual(lost, filledCounts[field], field)
    }
  })

  it("is normal already: the e164, email and country transforms give every value back unchanged", async () => {
    // phones validated by libphonenumber, emails and countries by the built-in transforms
    const mapping = await Effect.runPromise(
      Mapping.loadString(
        [
          "mapwright: mapping/v1",
          "name: normal",
          "source: canonical/Customer",
          "target: canonical/Customer",
          "unmapped: off",
          "fields:",
          "  id: id",
          "  isGuest: isGuest",
          "  source: source",
          "  email: { from: email, pipe: [email] }",
          "  phone: { from: phone, pipe: [e164] }",
          "  phones: { each: phones, fields: { kind: kind, number: { from: number, pipe: [e164] } } }",
          "  addresses:",
          "    each: addresses",
          "    fields:",
          "      country: { from: country, pipe: [country] }",
          "      phone: { from: phone, pipe: [e164] }",
          "      email: { from: email, pipe: [email] }"
        ].join("\n"),
        join(dir, "normal.yaml"),
        Installed.loadOptions
      ).pipe(Effect.provide(NodeFileSystem.layer))
    )
    for (const c of customers) {
      const out = mapping(c)
      assert.deepStrictEqual(out.issues, [], c.email ?? c.id)
      const value = out.value as unknown as Canonical.Customer
      assert.strictEqual(value.email, c.email)
      assert.strictEqual(value.phone, c.phone)
      assert.deepStrictEqual(value.phones, c.phones)
      assert.deepStrictEqual(
        value.addresses.map((a) => [a.country, a.phone, a.email]),
        c.addresses.map((a) => [a.country, a.phone, a.email])
      )
    }
  })
})

const byEmail = new Map(customers.map((c) => [c.email!, c]))

for (const target of Targets.all) {
  const name = target.connector.name
  const declaration = target.connector.streams.customers?.fields
  describe(`round trip through ${name}`, () => {
    let started: Targets.Started | undefined
    let summary: Pipeline.Summary
    let rejected: ReadonlyArray<Harness.Rejected>
    let read: Harness.ReadBack

    beforeAll(async () => {
      started = await target.start()
      ;({ summary, rejected } = await Harness.pushCanonical(sharedSet, name, started.config))
      read = await Harness.readBack(target.connector, started.config, { listOptions: target.listOptions })
    }, 30_000)

    afterAll(async () => {
      await started?.close()
    })

    it("declares its customer fields", () => {
      assert.isDefined(declaration)
      assert.deepStrictEqual(FieldSupport.problems(declaration), [])
    })

    it("creates every customer of the shared set, rejecting none", () => {
      assert.strictEqual(summary.status, "completed", summary.message)
      assert.strictEqual(summary.read, 36)
      const show = (r: Harness.Rejected) =>
        `${r.key} ${r.stage}: ${r.issues.map((i) => `${i.path} ${i.code} ${i.message}`).join("; ")}`
      assert.deepStrictEqual(rejected.map(show), [], "records rejected")
      assert.strictEqual(summary.created, 36)
    })

    it("reads every customer back, each through the default to-canonical mapping", () => {
      assert.deepStrictEqual(
        read.failures.map((f) => f.issues.map((i) => `${i.path}: ${i.message}`)),
        [],
        "records that did not map"
      )
      const emails = read.customers.map((c) => c.email)
      assert.deepStrictEqual([...emails].sort(), [...byEmail.keys()].sort())
    })

    it("brings every `full` field back equal, for every customer", () => {
      const found: Array<string> = []
      for (const back of read.customers) {
        const written = byEmail.get(back.email ?? "")
        if (written === undefined) continue
        for (const d of Compare.differences(declaration!, written, back)) {
          found.push(
            `${written.email} ${d.field}: wrote ${JSON.stringify(d.written)}, read ${JSON.stringify(d.read)}`
          )
        }
      }
      assert.deepStrictEqual(found, [], `${name}: \`full\` fields that did not survive`)
      assert.isAbove(FieldSupport.fieldsAt(declaration!, "full").length, 0)
    })

    it("reports every `none` field the set fills once in Summary.dropped, with its record count", () => {
      const expected = FieldSupport.fieldsAt(declaration!, "none")
        .filter((field) => filledCounts[field] > 0)
        .map((field) => ({ field, records: filledCounts[field] }))
      const order = (field: string) =>
        FieldSupport.customerFields.indexOf(field as FieldSupport.CustomerField)
      const reported = [...summary.dropped]
        .sort((a, b) => order(a.field) - order(b.field))
        .map((d) => ({ field: d.field, records: d.records }))
      assert.deepStrictEqual(reported, expected)
      for (const d of summary.dropped) {
        assert.strictEqual(
          d.message,
          `${name} does not carry ${d.field}: ${d.records} records had a value, not written`
        )
      }
    })
  })
}
