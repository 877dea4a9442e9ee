import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { canonicalJson, contentHash, makeMemory, StateStore } from "../src/StateStore.ts"
import { suite, using } from "./StateStoreSuite.ts"

const dirs: Array<string> = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mapwright-state-"))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

suite("memory", () => {
  const store = Effect.runSync(makeMemory)
  return { open: () => Layer.succeed(StateStore, store) }
})

suite("sqlite", () => {
  const file = join(tempDir(), "nested", "state.db")
  return { open: () => StateStore.layerSqlite(file) }
})

describe("StateStore.layerMemory", () => {
  it.effect("is a new, empty store each time it is provided", () =>
    Effect.gen(function* () {
      const first = yield* using(StateStore.layerMemory, (s) =>
        Effect.andThen(s.setCheckpoint("p", "s", "1"), s.getCheckpoint("p", "s"))
      )
      const second = yield* using(StateStore.layerMemory, (s) => s.getCheckpoint("p", "s"))
      assert.strictEqual(first, "1")
      assert.strictEqual(second, undefined)
    })
  )
})

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

describe("contentHash", () => {
  it("is SHA-256 of the JSON with keys sorted at every depth", () => {
    const value = { b: 1, a: { d: [3, { f: true, e: null }], c: "x" } }
    assert.strictEqual(canonicalJson(value), '{"a":{"c":"x","d":[3,{"e":null,"f":true}]},"b":1}')
    assert.strictEqual(contentHash(value), sha256('{"a":{"c":"x","d":[3,{"e":null,"f":true}]},"b":1}'))
    assert.strictEqual(contentHash(value).length, 64)
  })

  it("does not depend on key order", () => {
    const one = { email: "a@x.nz", name: { first: "Ada", last: "L" }, groups: [{ code: "vip", id: 1 }] }
    const two = { groups: [{ id: 1, code: "vip" }], name: { last: "L", first: "Ada" }, email: "a@x.nz" }
    assert.strictEqual(contentHash(one), contentHash(two))
  })

  it("changes when a value changes, anywhere, including its type and array order", () => {
    const base = contentHash({ a: 1, b: [1, 2], c: { d: "x" } })
    assert.notStrictEqual(contentHash({ a: 2, b: [1, 2], c: { d: "x" } }), base)
    assert.notStrictEqual(contentHash({ a: "1", b: [1, 2], c: { d: "x" } }), base)
    assert.notStrictEqual(contentHash({ a: 1, b: [2, 1], c: { d: "x" } }), base)
    assert.notStrictEqual(contentHash({ a: 1, b: [1, 2], c: { d: "y" } }), base)
    assert.notStrictEqual(contentHash({ a: 1, b: [1, 2], c: { d: "x" }, e: null }), base)
  })

  it("follows JSON: undefined members are left out, toJSON is used, non-finite numbers are null", () => {
    assert.strictEqual(canonicalJson({ a: 1, b: undefined }), '{"a":1}')
    assert.strictEqual(canonicalJson([undefined, Number.NaN, -0]), "[null,null,0]")
    assert.strictEqual(
      canonicalJson({ at: new Date(Date.UTC(2024, 0, 2)) }),
      '{"at":"2024-01-02T00:00:00.000Z"}'
    )
    assert.strictEqual(canonicalJson({ n: 12n }), '{"n":"12"}')
    assert.strictEqual(canonicalJson('a"b'), '"a\\"b"')
    assert.strictEqual(contentHash(undefined), sha256("null"))
  })
})

describe("silenceSqliteWarning", () => {
  const child = fileURLToPath(new URL("./StateStoreChild.ts", import.meta.url))
  const runChild = (mode: string) =>
    spawnSync(process.execPath, [child, mode, join(tempDir(), "state.db")], {
      encoding: "utf8",
      timeout: 20_000
    })

  it("drops exactly the node:sqlite ExperimentalWarning and lets others through", () => {
    const plain = runChild("warn-plain")
    assert.strictEqual(plain.status, 0, plain.stderr)
    assert.include(plain.stderr, "ExperimentalWarning: SQLite is an experimental feature")
    assert.include(plain.stderr, "ExperimentalWarning: another experiment")

    const silenced = runChild("warn-silenced")
    assert.strictEqual(silenced.status, 0, silenced.stderr)
    assert.notInclude(silenced.stderr, "SQLite is an experimental feature")
    assert.include(silenced.stderr, "ExperimentalWarning: another experiment")
    assert.strictEqual(silenced.stdout, "done\n")
  })
})
