import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as ConnectorError from "../src/ConnectorError.ts"
import * as ConnectorRegistry from "../src/ConnectorRegistry.ts"
import * as Pipeline from "../src/Pipeline.ts"
import * as StateStore from "../src/StateStore.ts"
import { crm, makeWorld, shop, type World } from "./fixtures/pipeline/connectors.ts"

/** `${kind:name}`, a reference as a pipeline writes it. */
const ref = (kind: string, name: string): string => `\${${kind}:${name}}`

const SHOP_TOKEN = "shop-token-5f1e2d"
const CRM_TOKEN = "crm-token-9a8b7c"
const env = { SHOP_TOKEN, CRM_TOKEN }

const customer = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `c${i}`,
  email: `user${i}@example.com`,
  name: `User ${i}`,
  ...extra
})

const pipelineText = (settings: ReadonlyArray<string> = []) =>
  [
    "mapwright: pipeline/v1",
    "name: shop-to-crm",
    "source:",
    "  connector: shop",
    `  config: { token: "${ref("env", "SHOP_TOKEN")}", region: eu }`,
    "  stream: customers",
    "target:",
    "  connector: crm",
    `  config: { token: "${ref("env", "CRM_TOKEN")}", region: us }`,
    "  stream: contacts",
    "  mode: upsert",
    "  match: [email]",
    "rejects: ./rejects.ndjson",
    "batchSize: 7",
    "concurrency: 3",
    ...settings
  ].join("\n")

interface Setup {
  readonly world: World
  readonly dir: string
  readonly load: (settings?: ReadonlyArray<string>) => Effect.Effect<Pipeline.Loaded, unknown>
}

const setup = (
  customers: Array<Record<string, unknown>>,
  options: { readonly cursor?: boolean } = {}
): Setup => {
  const world = makeWorld(customers)
  const dir = mkdtempSync(join(tmpdir(), "mapwright-run-"))
  const registry = ConnectorRegistry.make([shop(world, options), crm(world)])
  const load = (settings: ReadonlyArray<string> = []) =>
    Effect.suspend(() => {
      const file = join(dir, "p.yaml")
      writeFileSync(file, pipelineText(settings))
      return Pipeline.load(file, { registry, env })
    }).pipe(Effect.provide(NodeFileSystem.layer))
  return { world, dir, load }
}

const services = (store: StateStore.Service) =>
  Layer.mergeAll(NodeFileSystem.layer, FetchHttpClient.layer, Layer.succeed(StateStore.StateStore, store))

/** Runs with the given store (shared between runs of one test, like one state file). */
const run = (loaded: Pipeline.Loaded, store: StateStore.Service, options: Pipeline.RunOptions = {}) =>
  Pipeline.run(loaded, options).pipe(Effect.provide(services(store)))

const rejectLines = (file: string): ReadonlyArray<Record<string, unknown>> =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : []

const emails = (world: World): ReadonlyArray<string> =>
  [...world.contacts.values()].map((c) => c.email).sort()

describe("Pipeline.run", () => {
  it.live("upserts: a target record found by the match keys is updated, the others created", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2), customer(3)])
      s.world.contacts.set("500", { id: "500", email: "user2@example.com", fullName: "Old", discount: null })
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(), store)
      assert.strictEqual(summary.status, "completed")
      assert.strictEqual(summary.read, 3)
      assert.strictEqual(summary.mapped, 3)
      assert.strictEqual(summary.created, 2)
      assert.strictEqual(summary.updated, 1)
      assert.strictEqual(summary.unchanged, 0)
      assert.strictEqual(summary.rejected, 0)
      assert.strictEqual(s.world.contacts.size, 3)
      assert.deepStrictEqual(s.world.contacts.get("500"), {
        id: "500",
        email: "user2@example.com",
        fullName: "User 2",
        discount: null
      })
      assert.deepStrictEqual(emails(s.world), ["user1@example.com", "user2@example.com", "user3@example.com"])
    })
  )

  it.live("a canonical field the target does not carry is reported once, with its record count", () =>
    Effect.gen(function* () {
      // crm declares `phone` none; two of four customers have one
      const s = setup([
        customer(1, { phone: "021 555 0101" }),
        customer(2),
        customer(3, { phone: "+64 9 555 0103" }),
        customer(4)
      ])
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(), store)
      assert.strictEqual(summary.created, 4)
      assert.deepStrictEqual(summary.dropped, [
        {
          field: "phone",
          records: 2,
          message: "crm does not carry phone: 2 records had a value, not written"
        }
      ])
      // a run whose records fill no `none` field reports nothing
      const clean = setup([customer(5), customer(6)])
      const cleanSummary = yield* run(yield* clean.load(), yield* StateStore.makeMemory)
      assert.deepStrictEqual(cleanSummary.dropped, [])
    })
  )

  it.live("a second run creates nothing: every record is unchanged; a changed record is updated once", () =>
    Effect.gen(function* () {
      const s = setup(Array.from({ length: 20 }, (_, i) => customer(i)))
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      const first = yield* run(loaded, store)
      assert.strictEqual(first.created, 20)
      const creates = s.world.calls.createdRecords
      const second = yield* run(loaded, store)
      assert.strictEqual(second.read, 20)
      assert.strictEqual(second.created, 0)
      assert.strictEqual(second.updated, 0)
      assert.strictEqual(second.unchanged, 20)
      assert.strictEqual(s.world.calls.createdRecords, creates)
      assert.strictEqual(s.world.calls.update, 0)
      // one source record changes
      s.world.customers[4] = customer(4, { name: "Renamed" })
      const third = yield* run(loaded, store)
      assert.strictEqual(third.updated, 1)
      assert.strictEqual(third.unchanged, 19)
      assert.strictEqual(
        [...s.world.contacts.values()].find((c) => c.email === "user4@example.com")?.fullName,
        "Renamed"
      )
      const fourth = yield* run(loaded, store)
      assert.strictEqual(fourth.updated, 0)
      assert.strictEqual(fourth.unchanged, 20)
      assert.strictEqual(s.world.contacts.size, 20)
    })
  )

  it.live("a record read twice (in one batch or in batches in flight together) is created once", () =>
    Effect.gen(function* () {
      const list = Array.from({ length: 30 }, (_, i) => customer(i % 10))
      // another source key with an email already used: found by the match keys, not created
      list.push({ id: "other", email: "user3@example.com", name: "Twin" })
      const s = setup(list)
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(), store)
      assert.strictEqual(summary.read, 31)
      assert.strictEqual(summary.created, 10)
      assert.strictEqual(s.world.contacts.size, 10)
      assert.deepStrictEqual(
        emails(s.world),
        Array.from({ length: 10 }, (_, i) => `user${i}@example.com`).sort()
      )
    })
  )

  it.live("rejects every stage with the original payload, secrets redacted, warnings as kept lines", () =>
    Effect.gen(function* () {
      const s = setup([
        customer(1),
        { id: 7, email: "x@example.com", password: "hunter2" }, // decode: id is not a string
        customer(3, { discount: "twenty", password: "hunter3" }), // map: not an int
        customer(4, { discount: "150" }), // validate: canonical discount is 0..100
        customer(5, { name: "A name far too long for the crm" }), // encode: fullName max 20
        customer(6, { email: "refused@example.com" }), // write: the crm refuses it
        customer(7, { note: SHOP_TOKEN }) // decode: unknown field holding a secret
      ])
      s.world.refuseEmails.add("refused@example.com")
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      const summary = yield* run(loaded, store)
      assert.strictEqual(summary.read, 7)
      assert.strictEqual(summary.created, 1)
      assert.strictEqual(summary.rejected, 6)
      assert.deepStrictEqual(summary.rejectedByStage, { decode: 2, map: 1, validate: 1, encode: 1, write: 1 })
      assert.strictEqual(summary.rejectsFile, join(s.dir, "rejects.ndjson"))
      const lines = rejectLines(join(s.dir, "rejects.ndjson"))
      const byKey = new Map(lines.map((l) => [String(l.key), l]))
      const decode = byKey.get("7")!
      assert.strictEqual(decode.stage, "decode")
      assert.deepStrictEqual(decode.record, { id: 7, email: "x@example.com", password: "<redacted>" })
      assert.strictEqual(decode.pipeline, "shop-to-crm")
      assert.strictEqual(decode.stream, "customers")
      const map = byKey.get("c3")!
      assert.strictEqual(map.outcome, "rejected")
      assert.strictEqual(map.stage, "map")
      assert.deepStrictEqual(map.record, {
        id: "c3",
        email: "user3@example.com",
        name: "User 3",
        discount: "twenty",
        password: "<redacted>"
      })
      const mapIssue = (map.issues as ReadonlyArray<Record<string, unknown>>)[0]!
      assert.strictEqual(mapIssue.sourcePath, "discount")
      assert.strictEqual(mapIssue.code, "InvalidInt")
      assert.strictEqual(byKey.get("c4")!.stage, "validate")
      assert.strictEqual(byKey.get("c5")!.stage, "encode")
      assert.strictEqual((byKey.get("c5")!.issues as ReadonlyArray<{ path: string }>)[0]!.path, "fullName")
      const write = byKey.get("c6")!
      assert.strictEqual(write.stage, "write")
      assert.strictEqual((write.issues as ReadonlyArray<{ code: string }>)[0]!.code, "EmailRefused")
      const secret = byKey.get("c7")!
      assert.strictEqual(secret.stage, "decode")
      assert.deepStrictEqual(secret.record, { ...customer(7), note: "<redacted>" })
      const text = readFileSync(join(s.dir, "rejects.ndjson"), "utf8")
      assert.notInclude(text, SHOP_TOKEN)
      assert.notInclude(text, "hunter")
      assert.notInclude(JSON.stringify(summary), SHOP_TOKEN)
      // a refused record is not in the cross-reference: the next run offers it again
      s.world.refuseEmails.clear()
      const again = yield* run(loaded, store)
      assert.strictEqual(again.created, 1)
      assert.strictEqual(again.unchanged, 1)
    })
  )

  it.live(
    "a record kept with warnings is written and has a kept line; a clean run leaves an empty file",
    () =>
      Effect.gen(function* () {
        const s = setup([customer(1, { phone: "not a phone" }), customer(2, { phone: "021 555 123" })])
        const store = yield* StateStore.makeMemory
        const loaded = yield* s.load()
        const summary = yield* run(loaded, store)
        assert.strictEqual(summary.created, 2)
        assert.strictEqual(summary.warnings, 1)
        assert.strictEqual(summary.rejected, 0)
        const lines = rejectLines(join(s.dir, "rejects.ndjson"))
        assert.strictEqual(lines.length, 1)
        assert.strictEqual(lines[0]!.outcome, "kept")
        assert.strictEqual(lines[0]!.key, "c1")
        assert.strictEqual(
          (lines[0]!.issues as ReadonlyArray<{ severity: string; path: string }>)[0]!.severity,
          "warning"
        )
        assert.strictEqual(
          (lines[0]!.issues as ReadonlyArray<{ severity: string; path: string }>)[0]!.path,
          "phone"
        )
        // the next run writes nothing new and truncates the reject file
        s.world.customers = [customer(1), customer(2)]
        const again = yield* run(loaded, store)
        assert.strictEqual(again.warnings, 0)
        assert.strictEqual(again.rejectsFile, undefined)
        assert.strictEqual(readFileSync(join(s.dir, "rejects.ndjson"), "utf8"), "")
      })
  )

  it.live("the reject budget stops the run cleanly: reading stops, what was mapped is written", () =>
    Effect.gen(function* () {
      const customers = Array.from({ length: 400 }, (_, i) =>
        i < 90 ? customer(i) : customer(i, { discount: "not a number" })
      )
      const s = setup(customers)
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(["maxRejectRate: 0.05"]), store)
      assert.strictEqual(summary.status, "stopped")
      // at 100 read, 10 were rejected (10% > 5%): the 101st record is never read
      assert.strictEqual(summary.read, 100)
      assert.strictEqual(summary.rejected, 10)
      assert.strictEqual(summary.mapped, 90)
      assert.strictEqual(summary.created, 90)
      assert.strictEqual(s.world.contacts.size, 90)
      assert.include(summary.message!, "maxRejectRate 0.05")
      assert.strictEqual(rejectLines(join(s.dir, "rejects.ndjson")).length, 10)
    })
  )

  it.live("the budget is not checked before 100 records were read", () =>
    Effect.gen(function* () {
      const s = setup(Array.from({ length: 99 }, (_, i) => customer(i, { discount: "bad" })))
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(["maxRejectRate: 0.01"]), store)
      assert.strictEqual(summary.status, "completed")
      assert.strictEqual(summary.rejected, 99)
    })
  )

  it.live("retries of a retryable connector error are counted", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2)])
      s.world.failCreates = 2
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(), store)
      assert.strictEqual(summary.retries, 2)
      assert.strictEqual(summary.created, 2)
      assert.strictEqual(s.world.calls.create, 3)
    })
  )

  it.live("a non-retryable connector error fails the run with the connector and the reason, no secret", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2)])
      s.world.createError = new ConnectorError.ConnectorError({
        connector: "crm",
        reason: "Authentication",
        message: `the key ${CRM_TOKEN} was refused`,
        retryable: false,
        status: 401
      })
      const store = yield* StateStore.makeMemory
      const error = yield* Effect.flip(run(yield* s.load(), store))
      assert.strictEqual(error._tag, "PipelineError")
      assert.strictEqual(error.connector, "crm")
      assert.strictEqual(error.reason, "Authentication")
      assert.strictEqual(
        error.message,
        "crm failed (Authentication, HTTP 401): the key <redacted> was refused"
      )
      assert.strictEqual(error.summary.read, 2)
      assert.notInclude(JSON.stringify(error), CRM_TOKEN)
      // the failed run is in the run log
      const runs = yield* store.runs("shop-to-crm", 5)
      assert.strictEqual(runs[0]?.status, "failed")
    })
  )

  it.live("a dry run writes nothing and changes no state, and reports what would happen", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2), customer(3)])
      s.world.contacts.set("900", { id: "900", email: "user3@example.com", fullName: "Old", discount: null })
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      writeFileSync(join(s.dir, "rejects.ndjson"), "kept from an earlier run\n")
      s.world.customers.push(customer(4, { discount: "x" }))
      const dry = yield* run(loaded, store, { dryRun: true })
      assert.isTrue(dry.dryRun)
      assert.strictEqual(dry.rejected, 1)
      assert.strictEqual(dry.rejectsFile, join(s.dir, "rejects.dry-run.ndjson"))
      assert.strictEqual(rejectLines(join(s.dir, "rejects.dry-run.ndjson")).length, 1)
      assert.strictEqual(readFileSync(join(s.dir, "rejects.ndjson"), "utf8"), "kept from an earlier run\n")
      assert.strictEqual(dry.created, 2)
      assert.strictEqual(dry.updated, 1)
      assert.strictEqual(s.world.calls.create, 0)
      assert.strictEqual(s.world.calls.update, 0)
      assert.strictEqual(s.world.contacts.size, 1)
      assert.strictEqual(yield* store.getCheckpoint("shop-to-crm", "customers"), undefined)
      assert.deepStrictEqual(yield* store.runs("shop-to-crm", 5), [])
      const real = yield* run(loaded, store)
      assert.strictEqual(real.created, 2)
      assert.strictEqual(real.updated, 1)
    })
  )

  it.live("limit stops after N records; the next run resumes from the checkpoint", () =>
    Effect.gen(function* () {
      const s = setup(Array.from({ length: 30 }, (_, i) => customer(i)))
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      const first = yield* run(loaded, store, { limit: 12 })
      assert.strictEqual(first.read, 12)
      assert.strictEqual(first.created, 12)
      assert.strictEqual(yield* store.getCheckpoint("shop-to-crm", "customers"), "11")
      const second = yield* run(loaded, store)
      assert.strictEqual(second.read, 18)
      assert.strictEqual(second.created, 18)
      assert.deepStrictEqual(
        emails(s.world),
        Array.from({ length: 30 }, (_, i) => `user${i}@example.com`).sort()
      )
    })
  )

  it.live(
    "an incremental stream (with a cursor) keeps its checkpoint: the next run reads only what is new",
    () =>
      Effect.gen(function* () {
        const s = setup([customer(1), customer(2)], { cursor: true })
        const store = yield* StateStore.makeMemory
        const loaded = yield* s.load()
        assert.strictEqual((yield* run(loaded, store)).created, 2)
        s.world.customers.push(customer(3))
        const next = yield* run(loaded, store)
        assert.strictEqual(next.read, 1)
        assert.strictEqual(next.created, 1)
        assert.strictEqual(yield* store.getCheckpoint("shop-to-crm", "customers"), "2")
      })
  )

  it.live("a full-scan stream (no cursor) forgets its checkpoint once read to the end", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2)])
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      yield* run(loaded, store)
      const next = yield* run(loaded, store)
      assert.strictEqual(next.read, 2)
      assert.strictEqual(next.unchanged, 2)
    })
  )

  it.live("progress events are bounded in rate and the last one carries the final counts", () =>
    Effect.gen(function* () {
      const s = setup(Array.from({ length: 50 }, (_, i) => customer(i)))
      const store = yield* StateStore.makeMemory
      const events: Array<Pipeline.Progress> = []
      const summary = yield* run(yield* s.load(), store, {
        onProgress: (p) => events.push(p),
        progressInterval: 60_000
      })
      // the first event (at once), then only the final one: the interval is a minute
      assert.strictEqual(events.length, 2)
      const last = events[events.length - 1]!
      assert.strictEqual(last.read, summary.read)
      assert.strictEqual(last.created, 50)
    })
  )

  it.live("records given instead of the source (replay) skip the checkpoint", () =>
    Effect.gen(function* () {
      const s = setup([customer(1)])
      const store = yield* StateStore.makeMemory
      const summary = yield* run(yield* s.load(), store, {
        records: Stream.fromIterable([customer(8), customer(9, { discount: "x" })]),
        rejects: join(s.dir, "again.ndjson")
      })
      assert.strictEqual(summary.read, 2)
      assert.strictEqual(summary.created, 1)
      assert.strictEqual(summary.rejected, 1)
      assert.strictEqual(s.world.calls.list, 0)
      assert.strictEqual(rejectLines(join(s.dir, "again.ndjson")).length, 1)
      assert.strictEqual(yield* store.getCheckpoint("shop-to-crm", "customers"), undefined)
    })
  )

  it.live("a pending intent of a killed run is reconciled through find, never created twice", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2)])
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      // a killed run: intents begun for both, the crm created only user1 before the kill
      yield* store.begin("shop-to-crm", [
        {
          sourceSystem: loaded.source.system,
          sourceId: "c1",
          targetSystem: loaded.target.system,
          hash: "h1",
          match: { email: "user1@example.com" }
        },
        {
          sourceSystem: loaded.source.system,
          sourceId: "c2",
          targetSystem: loaded.target.system,
          hash: "h2",
          match: { email: "user2@example.com" }
        }
      ])
      s.world.contacts.set("77", { id: "77", email: "user1@example.com", fullName: "User 1", discount: null })
      const summary = yield* run(loaded, store)
      assert.deepStrictEqual(yield* store.pending("shop-to-crm"), [])
      assert.strictEqual(s.world.contacts.size, 2)
      assert.deepStrictEqual(emails(s.world), ["user1@example.com", "user2@example.com"])
      assert.strictEqual(summary.created, 1)
      // c1's entry came from the intent (hash h1), so it is updated to the mapped record
      assert.strictEqual(summary.updated, 1)
      assert.strictEqual(s.world.contacts.get("77")?.fullName, "User 1")
    })
  )

  it.live("a pending intent without match keys stops the run instead of risking a duplicate", () =>
    Effect.gen(function* () {
      const s = setup([customer(1)])
      const store = yield* StateStore.makeMemory
      const loaded = yield* s.load()
      const noMatch = { ...loaded, target: { ...loaded.target, match: [] } }
      yield* store.begin("shop-to-crm", [
        { sourceSystem: loaded.source.system, sourceId: "c1", targetSystem: loaded.target.system, hash: "h" }
      ])
      const error = yield* Effect.flip(run(noMatch, store))
      assert.strictEqual(error.reason, "PendingIntents")
      assert.include(error.message, '"c1"')
      assert.strictEqual(s.world.calls.create, 0)
    })
  )

  it.live("runPromise runs a pipeline for callers without Effect", () =>
    Effect.gen(function* () {
      const s = setup([customer(1), customer(2)])
      const loaded = yield* s.load()
      const layer = Layer.mergeAll(
        NodeFileSystem.layer,
        FetchHttpClient.layer,
        StateStore.StateStore.layerMemory
      )
      const summary = yield* Effect.promise(() => Pipeline.runPromise(loaded, layer, { limit: 1 }))
      assert.strictEqual(summary.read, 1)
      assert.strictEqual(summary.created, 1)
      assert.strictEqual(s.world.contacts.size, 1)
    })
  )

  it.live("systems name the connector, the instance URL (never a secret) and the stream", () =>
    Effect.gen(function* () {
      const s = setup([])
      const loaded = yield* s.load()
      assert.strictEqual(loaded.source.system, "shop:default:customers")
      assert.strictEqual(loaded.target.system, "crm:default:contacts")
    })
  )
})
