/**
 * The promise, tested: "a run killed mid-way (SIGKILL) and started again ends with
 * every source record in the target exactly once". The real CLI runs in a child process
 * between the real XML ResultSet and WooCommerce emulators (in this process, so killing the
 * child leaves them up); the child is killed once the target holds some but not all records.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import * as XmlEmulator from "@mapwright/connector-xml-resultset/emulator"
import {
  cli,
  env,
  start,
  validSourceEmails,
  wooCount,
  wooEmails,
  workdir,
  writePipeline
} from "./pipelineKit.ts"

const CUSTOMERS = 300

let xml: XmlEmulator.Running
let woo: WooEmulator.Running

beforeAll(async () => {
  // one defective customer of each kind (4): they are rejected, every other one must arrive
  xml = await XmlEmulator.start({ customers: CUSTOMERS, defects: 1, seed: 42 })
  // batch writes answer slowly, so the kill lands while writes are in flight
  woo = await WooEmulator.start({
    customers: 0,
    orders: 0,
    guests: 0,
    faults: { latency: 40, paths: ["/wp-json/wc/v3/customers/batch"] }
  })
})

afterAll(async () => {
  await xml?.close()
  await woo?.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("mapwright run, killed with SIGKILL and started again", () => {
  it("ends with every valid source record in the target exactly once", { timeout: 120_000 }, async () => {
    const expected = [...(await validSourceEmails(xml))].sort()
    assert.strictEqual(expected.length, CUSTOMERS - 4)
    assert.strictEqual(new Set(expected).size, expected.length)

    const dir = workdir()
    const pipeline = writePipeline(dir, xml, woo, ["batchSize: 10", "concurrency: 3"])
    const first = start(["run", pipeline, "--json"], { cwd: dir, env: env(xml, woo) })
    let killedAt = -1
    let exited = false
    void first.done.then(() => {
      exited = true
    })
    while (!exited) {
      const n = await wooCount(woo)
      if (n >= 40) {
        first.child.kill("SIGKILL")
        killedAt = n
        break
      }
      await sleep(5)
    }
    const killed = await first.done
    assert.strictEqual(
      killed.signal,
      "SIGKILL",
      `the first run ended on its own: ${killed.stdout}${killed.stderr}`
    )
    assert.isTrue(killedAt >= 40 && killedAt < expected.length, `killed at ${killedAt}`)
    // writes already sent may still land after the kill; none of them may be created twice
    await sleep(200)
    const between = await wooCount(woo)
    assert.isTrue(between < expected.length, `the target already held ${between} records`)

    const second = await cli(["run", pipeline, "--json"], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(second.status, 0, second.stderr)
    const summary = JSON.parse(second.stdout) as {
      status: string
      created: number
      rejectedByStage: Record<string, number>
    }
    assert.strictEqual(summary.status, "completed")
    // only the 4 defective records are rejected: no write was refused as a duplicate
    assert.deepStrictEqual(summary.rejectedByStage, { decode: 1, map: 3 })

    const emails = (await wooEmails(woo)).map((e) => e.toLowerCase()).sort()
    assert.deepStrictEqual(emails, expected)

    // and a third run has nothing left to create
    const third = await cli(["run", pipeline, "--json"], { cwd: dir, env: env(xml, woo) })
    assert.strictEqual(third.status, 0, third.stderr)
    const again = JSON.parse(third.stdout) as { created: number; updated: number; unchanged: number }
    assert.strictEqual(again.created, 0)
    assert.strictEqual(again.updated, 0)
    assert.strictEqual(again.unchanged, expected.length)
  })
})
