import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import * as XmlEmulator from "@mapwright/connector-xml-resultset/emulator"
import { cli, env, validSourceEmails, wooCount, wooEmails, workdir, writePipeline } from "./pipelineKit.ts"

const payloads = "/work/shared/platform-payloads/woocommerce"
const payloadsHere = existsSync(payloads)

/** The seed's own create body (seed 001, "Example - creating a customer"). */
const seedCreate = `<ResultSet>
    <Customer>
        <username>peter@parker.nz</username>
        <password>PETERFOO123</password>
        <email>peter@parker.nz</email>
        <b_fname>Peter</b_fname>
        <b_lname>Parker</b_lname>
        <UserCustomerGroup>
            <username>peter@parker.nz</username>
            <group_code>dealer</group_code>
        </UserCustomerGroup>
        <UserCustomerGroup>
            <username>peter@parker.nz</username>
            <group_code>vip</group_code>
        </UserCustomerGroup>
    </Customer>
</ResultSet>
`

const lines = (text: string): ReadonlyArray<Record<string, unknown>> =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>)

const noStackTrace = (r: { stdout: string; stderr: string }): void => {
  assert.notInclude(r.stderr, "    at ")
  assert.notInclude(r.stdout, "    at ")
}

describe("mapwright run and replay, between the two emulators", () => {
  let xml: XmlEmulator.Running
  let woo: WooEmulator.Running

  beforeAll(async () => {
    // 30 customers, one defective of each kind (4): 26 valid
    xml = await XmlEmulator.start({ customers: 30, defects: 1, seed: 5 })
    woo = await WooEmulator.start({ customers: 0, orders: 0, guests: 0 })
  })
  afterAll(async () => {
    await xml?.close()
    await woo?.close()
  })

  it("a dry run writes nothing; the run creates every valid record; a second run creates nothing", async () => {
    const dir = workdir()
    const pipeline = writePipeline(dir, xml, woo)
    const dry = await cli(["run", pipeline, "--dry-run", "--json"], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(dry.status, 0, dry.stderr)
    const drySummary = JSON.parse(dry.stdout) as Record<string, unknown>
    assert.strictEqual(drySummary.dryRun, true)
    assert.strictEqual(drySummary.created, 26)
    assert.strictEqual(await wooCount(woo), 0)
    assert.isFalse(existsSync(join(dir, "state/state.db")), "a dry run creates no state file")

    const first = await cli(["run", pipeline, "--json"], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(first.status, 0, first.stderr)
    const summary = JSON.parse(first.stdout) as Record<string, unknown>
    assert.strictEqual(summary.pipeline, "resultset-to-woocommerce")
    assert.strictEqual(summary.status, "completed")
    assert.strictEqual(summary.dryRun, false)
    assert.strictEqual(summary.read, 30)
    assert.strictEqual(summary.mapped, 26)
    assert.strictEqual(summary.created, 26)
    assert.strictEqual(summary.updated, 0)
    assert.strictEqual(summary.rejected, 4)
    assert.deepStrictEqual(summary.rejectedByStage, { decode: 1, map: 3 })
    assert.strictEqual(summary.rejectsFile, join(dir, "out/rejects.ndjson"))
    assert.deepStrictEqual([...(await wooEmails(woo))].sort(), [...(await validSourceEmails(xml))].sort())
    const rejects = lines(readFileSync(join(dir, "out/rejects.ndjson"), "utf8"))
    assert.strictEqual(rejects.length, 4)
    for (const r of rejects) {
      assert.strictEqual(r.outcome, "rejected")
      assert.strictEqual(r.pipeline, "resultset-to-woocommerce")
      assert.strictEqual(r.stream, "customers")
      // the original payload, its password hash redacted
      assert.strictEqual((r.record as Record<string, unknown>).password, "<redacted>")
    }

    const second = await cli(["run", pipeline], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(second.status, 0, second.stderr)
    assert.match(second.stdout, /^created: {3}0$/m)
    assert.match(second.stdout, /^unchanged: 26$/m)
    assert.match(second.stdout, /^rejected: {2}4 \(decode 1, map 3\)$/m)
    assert.strictEqual(await wooCount(woo), 26)

    // replay: the 4 rejects still fail (the mapping was not fixed); a kept line is skipped
    writeFileSync(
      join(dir, "out/rejects.ndjson"),
      `${readFileSync(join(dir, "out/rejects.ndjson"), "utf8")}{"outcome":"kept","pipeline":"resultset-to-woocommerce","stream":"customers","key":"x","issues":[]}\n`
    )
    const replay = await cli(["replay", "out/rejects.ndjson", "--pipeline", pipeline, "--json"], {
      cwd: dir,
      env: env(xml, woo)
    })
    assert.strictEqual(replay.status, 0, replay.stderr)
    const replayed = JSON.parse(replay.stdout) as Record<string, unknown>
    assert.strictEqual(replayed.read, 4)
    assert.strictEqual(replayed.rejected, 4)
    assert.strictEqual(replayed.rejectsFile, join(dir, "out/rejects.replay.ndjson"))
    assert.strictEqual(lines(readFileSync(join(dir, "out/rejects.replay.ndjson"), "utf8")).length, 4)
    assert.include(replay.stderr, "skipped 1 kept line (warnings only)")
    assert.strictEqual(await wooCount(woo), 26)
  })

  it("a connector failure exits 2 naming the connector and the reason, never the secret", async () => {
    const dir = workdir()
    const pipeline = writePipeline(dir, xml, woo)
    const r = await cli(["run", pipeline], {
      cwd: dir,
      env: { ...env(xml, woo), WC_SECRET: "cs_wrong_secret_value" }
    })
    assert.strictEqual(r.status, 2)
    assert.match(r.stderr, /^mapwright: woocommerce failed \(Authentication, HTTP 401\)/m)
    assert.notInclude(r.stdout + r.stderr, "cs_wrong_secret_value")
    assert.match(r.stdout, /^status: {4}failed$/m)
    noStackTrace(r)
  })

  it("the reject budget stops the run with exit 3", async () => {
    const dir = workdir()
    const many = await XmlEmulator.start({ customers: 120, defects: 2, seed: 9 })
    try {
      const pipeline = writePipeline(dir, many, woo, ["maxRejectRate: 0.01", "batchSize: 20"])
      const r = await cli(["run", pipeline, "--json"], { cwd: dir, env: env(many, woo) })
      assert.strictEqual(r.status, 3, r.stderr)
      const summary = JSON.parse(r.stdout) as Record<string, unknown>
      assert.strictEqual(summary.status, "stopped")
      assert.strictEqual(summary.read, 100)
      assert.include(String(summary.message), "maxRejectRate 0.01")
      assert.include(r.stderr, "maxRejectRate 0.01")
    } finally {
      await many.close()
    }
  })

  it("a pipeline that does not check exits 1 with file:line:col", async () => {
    const dir = workdir()
    const pipeline = writePipeline(dir, xml, woo)
    writeFileSync(
      pipeline,
      readFileSync(pipeline, "utf8").replace("  stream: customers\ntarget", "  stream: customer\ntarget")
    )
    const r = await cli(["run", "pipeline.yaml"], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(r.status, 1)
    assert.include(
      r.stderr,
      'pipeline.yaml:6:11: error UnknownStream: the connector xml-resultset has no stream "customer" (at source.stream)'
    )
    assert.include(r.stderr, 'hint: did you mean "customers"?')
    noStackTrace(r)
  })
})

describe.concurrent("mapwright decode", () => {
  it.runIf(payloadsHere)(
    "decodes WooCommerce's documented list of customers to canonical NDJSON",
    async () => {
      const r = await cli(
        [
          "decode",
          "--connector",
          "woocommerce",
          "--stream",
          "customers",
          "--in",
          `${payloads}/customers_list.json`
        ],
        {
          cwd: workdir()
        }
      )
      assert.strictEqual(r.status, 0, r.stderr)
      const out = lines(r.stdout)
      assert.deepStrictEqual(
        out.map((c) => [c.id, c.email, c.firstName]),
        [
          ["26", "joao.silva@example.com", "João"],
          ["25", "john.doe@example.com", "John"]
        ]
      )
      assert.include(r.stderr, "decoded and mapped 2 records: 2 written, 0 rejected")
    }
  )

  it.runIf(payloadsHere)(
    "decode --stream orders prints Orders, a guest order's customer as a guest",
    async () => {
      const r = await cli(
        [
          "decode",
          "--connector",
          "woocommerce",
          "--stream",
          "orders",
          "--in",
          `${payloads}/orders_list_guest_and_registered.json`
        ],
        { cwd: workdir() }
      )
      assert.strictEqual(r.status, 0, r.stderr)
      const out = lines(r.stdout)
      assert.strictEqual(out.length, 2)
      const guests = out.map((o) => (o.customer as Record<string, unknown>).isGuest)
      assert.include(guests, true)
      assert.include(guests, false)
    }
  )

  it.runIf(payloadsHere)("an error body is refused with what it says, exit 1", async () => {
    const r = await cli(
      [
        "decode",
        "--connector",
        "woocommerce",
        "--stream",
        "customers",
        "--in",
        `${payloads}/error_resource_not_found.json`
      ],
      { cwd: workdir() }
    )
    assert.strictEqual(r.status, 1)
    assert.include(r.stderr, "woocommerce_rest_term_invalid")
    assert.strictEqual(r.stdout, "")
  })

  it("decodes the seed's XML body from stdin; --native shows the native record with its password redacted", async () => {
    const cwd = workdir()
    const r = await cli(["decode", "--connector", "xml-resultset", "--stream", "customers"], {
      cwd,
      input: seedCreate
    })
    assert.strictEqual(r.status, 0, r.stderr)
    const [customer] = lines(r.stdout)
    assert.strictEqual(customer!.id, "peter@parker.nz")
    assert.strictEqual(customer!.lastName, "Parker")
    assert.deepStrictEqual(
      (customer!.groups as ReadonlyArray<{ code: string }>).map((g) => g.code),
      ["dealer", "vip"]
    )
    assert.notInclude(r.stdout, "PETERFOO123")
    const native = await cli(
      ["decode", "--connector", "xml-resultset", "--stream", "customers", "--native"],
      {
        cwd,
        input: seedCreate
      }
    )
    assert.strictEqual(native.status, 0, native.stderr)
    const [record] = lines(native.stdout)
    assert.strictEqual(record!.username, "peter@parker.nz")
    assert.strictEqual(record!.password, "<redacted>")
  })

  it("an unknown connector or stream is a usage error", async () => {
    const cwd = workdir()
    const connector = await cli(["decode", "--connector", "nope", "--stream", "customers"], { cwd })
    assert.strictEqual(connector.status, 1)
    assert.include(connector.stderr, "cannot find connector package @mapwright/connector-nope: install it")
    const stream = await cli(["decode", "--connector", "woocommerce", "--stream", "custmers"], { cwd })
    assert.strictEqual(stream.status, 1)
    assert.include(
      stream.stderr,
      'the connector woocommerce has no stream "custmers"; its streams: customers, orders'
    )
  })
})

describe.concurrent("mapwright encode", () => {
  const canonical = JSON.stringify({
    id: "peter@parker.nz",
    email: "peter@parker.nz",
    firstName: "Peter",
    lastName: "Parker",
    company: null,
    phone: null,
    phones: [],
    gender: null,
    birthDate: null,
    isGuest: false,
    active: true,
    blocked: null,
    canLogin: null,
    groups: [{ id: "vip", code: "vip", name: null }],
    tags: [],
    billing: null,
    shipping: null,
    addresses: [],
    marketing: null,
    discountPercent: 10,
    orderCount: null,
    lastOrderAt: null,
    createdAt: null,
    updatedAt: null,
    lastLoginAt: null,
    deletedAt: null,
    extra: {},
    source: { system: "test", id: "peter@parker.nz" }
  })

  it("writes canonical customers as an XML ResultSet create body", async () => {
    const r = await cli(["encode", "--connector", "xml-resultset", "--stream", "customers"], {
      cwd: workdir(),
      input: `${canonical}\n`
    })
    assert.strictEqual(r.status, 0, r.stderr)
    assert.match(r.stdout, /^<ResultSet>/)
    assert.include(r.stdout, "<username>peter@parker.nz</username>")
    assert.include(r.stdout, "<group_code>vip</group_code>")
    assert.include(r.stdout, "<discount>10</discount>")
  })

  it("writes one canonical customer as a WooCommerce create body", async () => {
    const r = await cli(["encode", "--connector", "woocommerce", "--stream", "customers"], {
      cwd: workdir(),
      input: `${canonical}\n`
    })
    assert.strictEqual(r.status, 0, r.stderr)
    const body = JSON.parse(r.stdout) as Record<string, unknown>
    assert.strictEqual(body.email, "peter@parker.nz")
    assert.strictEqual(body.first_name, "Peter")
    assert.strictEqual(body.last_name, "Parker")
  })

  it("a line that is not a canonical customer is rejected, nothing is printed, exit 1", async () => {
    const r = await cli(["encode", "--connector", "xml-resultset", "--stream", "customers"], {
      cwd: workdir(),
      input: `${canonical}\nnot json\n`
    })
    assert.strictEqual(r.status, 1)
    assert.strictEqual(r.stdout, "")
    assert.include(r.stderr, "line 2: error parse NotJson")
  })
})

describe.concurrent("mapwright schema pipeline", () => {
  it("prints the pipeline JSON Schema", async () => {
    const r = await cli(["schema", "pipeline"], { cwd: workdir() })
    assert.strictEqual(r.status, 0)
    const schema = JSON.parse(r.stdout) as { $id: string; required: ReadonlyArray<string> }
    assert.strictEqual(schema.$id, "https://mapwright.dev/schema/pipeline.schema.json")
    assert.deepStrictEqual(schema.required, ["mapwright", "name", "source", "target"])
  })
})
