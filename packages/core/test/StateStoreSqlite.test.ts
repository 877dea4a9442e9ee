import { spawn } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { fileURLToPath } from "node:url"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { type StateError, StateStore, type XrefEntry } from "../src/StateStore.ts"
import { using } from "./StateStoreSuite.ts"

const dirs: Array<string> = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mapwright-state-"))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) {
    chmodSync(dir, 0o700)
    rmSync(dir, { recursive: true, force: true })
  }
})

const entry = (sourceId: string, targetId: string, hash: string): XrefEntry => ({
  sourceSystem: "src",
  sourceId,
  targetSystem: "dst",
  targetId,
  hash
})
const key = (sourceId: string) => ({ sourceSystem: "src", sourceId, targetSystem: "dst" })
const range = (from: number, to: number, prefix: string) =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`)

const openError = (path: string): Effect.Effect<StateError, string | undefined> =>
  Effect.flip(using(StateStore.layerSqlite(path), (s) => s.getCheckpoint("p", "s")))

const child = fileURLToPath(new URL("./StateStoreChild.ts", import.meta.url))

/** Starts the child, SIGKILLs it once it printed a line matching `when`, and waits for its death. */
const killWhen = (mode: string, file: string, when: RegExp) =>
  Effect.promise(
    () =>
      new Promise<{
        readonly signal: NodeJS.Signals | null
        readonly stdout: string
        readonly stderr: string
      }>((resolve) => {
        const proc = spawn(process.execPath, [child, mode, file], { stdio: ["ignore", "pipe", "pipe"] })
        let stdout = ""
        let stderr = ""
        proc.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          stdout += chunk
          if (when.test(stdout)) proc.kill("SIGKILL")
        })
        proc.stderr.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk
        })
        proc.on("close", (_code, signal) => resolve({ signal, stdout, stderr }))
      })
  )

describe("StateStore.layerSqlite", () => {
  it.effect("creates the file and its folders, in WAL mode, with a schema version", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "a", "b", ".mapwright", "state.db")
      yield* using(StateStore.layerSqlite(file), (s) => s.setCheckpoint("p", "s", "1"))
      assert.isTrue(existsSync(file))
      const db = new DatabaseSync(file, { readOnly: true })
      assert.strictEqual(db.prepare("PRAGMA journal_mode").get()?.journal_mode, "wal")
      assert.deepStrictEqual(
        db
          .prepare("SELECT version FROM mapwright_schema")
          .all()
          .map((r) => r.version),
        [1]
      )
      assert.strictEqual(db.prepare("SELECT value FROM checkpoints").get()?.value, "1")
      db.close()
    })
  )

  it.effect("a commit that fails half-way leaves neither its entries nor its cleared intents", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "state.db")
      const layer = StateStore.layerSqlite(file)
      yield* using(layer, (s) =>
        s.begin("p", [
          { ...key("a"), hash: "ha" },
          { ...key("b"), hash: "hb" }
        ])
      )
      // the second entry breaks a NOT NULL constraint after the first one was written
      const broken = { ...entry("b", "x", "hb"), targetId: null } as unknown as XrefEntry
      const error = yield* Effect.flip(
        using(layer, (s) =>
          s.commit("p", [entry("a", "1", "ha"), broken], { checkpoint: { stream: "s", value: "9" } })
        )
      )
      assert.strictEqual(error.operation, "commit")
      assert.isTrue(error.message.startsWith(`cannot commit cross-references in state file ${file}: `))
      const after = yield* using(layer, (s) =>
        Effect.all([s.lookup("src", "dst", ["a", "b"]), s.pending("p"), s.getCheckpoint("p", "s")])
      )
      assert.strictEqual(after[0].size, 0)
      assert.deepStrictEqual(
        after[1].map((i) => i.sourceId),
        ["a", "b"]
      )
      assert.strictEqual(after[2], undefined)
    })
  )

  it.effect("a path under a file gives a StateError that says so", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      writeFileSync(join(dir, "plain"), "x")
      const path = join(dir, "plain", "state.db")
      const error = yield* openError(path)
      assert.strictEqual(error._tag, "StateError")
      assert.strictEqual(
        error.message,
        `cannot create the folder of state file ${path}: a part of the path is a file, not a folder`
      )
      assert.strictEqual(error.path, path)
    })
  )

  // root may write anywhere, so only another user can see a permission error
  it.effect.skipIf(process.getuid?.() === 0)("a folder without write permission gives a StateError", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      chmodSync(dir, 0o500)
      const nested = join(dir, "sub", "state.db")
      assert.strictEqual(
        (yield* openError(nested)).message,
        `cannot create the folder of state file ${nested}: permission denied`
      )
      const direct = join(dir, "state.db")
      assert.strictEqual(
        (yield* openError(direct)).message,
        `cannot open state file ${direct}: unable to open the file (check that its folder exists and is writable)`
      )
    })
  )

  it.effect("a file that is not ours is refused with a clear message", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const text = join(dir, "notes.txt")
      writeFileSync(text, "these are notes, not a database\n".repeat(200))
      assert.strictEqual(
        (yield* openError(text)).message,
        `cannot open state file ${text}: the file is not a SQLite database`
      )

      const foreign = join(dir, "shop.db")
      const db = new DatabaseSync(foreign)
      db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
      db.close()
      assert.strictEqual(
        (yield* openError(foreign)).message,
        `cannot open state file ${foreign}: it is a SQLite database but not a Mapwright state file`
      )
    })
  )

  it.effect("a state file from a newer version is refused, not rewritten", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "state.db")
      yield* using(StateStore.layerSqlite(file), (s) => s.setCheckpoint("p", "s", "1"))
      const db = new DatabaseSync(file)
      db.exec("INSERT INTO mapwright_schema (version, applied_at) VALUES (7, 0)")
      db.close()
      const error = yield* openError(file)
      assert.strictEqual(
        error.message,
        `cannot open state file ${file}: it was written by a newer Mapwright (schema version 7; this one knows up to 1)`
      )
      assert.notInclude(error.message, "\n")
    })
  )
})

describe("StateStore.layerSqlite after a SIGKILL", () => {
  it.effect("a transaction cut short is absent, everything committed before it is present", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "state.db")
      const killed = yield* killWhen("half", file, /^ready$/m)
      assert.strictEqual(killed.signal, "SIGKILL", killed.stderr)
      const [found, pending] = yield* using(StateStore.layerSqlite(file), (s) =>
        Effect.all([s.lookup("src", "dst", range(0, 10, "a")), s.pending("p")])
      )
      assert.deepStrictEqual([...found.entries()].map(([id, x]) => `${id}=${x.targetId}`).sort(), [
        "a0=t-a0",
        "a1=t-a1",
        "a2=t-a2",
        "a3=t-a3",
        "a4=t-a4"
      ])
      assert.deepStrictEqual(
        pending.map((i) => i.sourceId),
        ["a5", "a6", "a7", "a8", "a9"]
      )
      const db = new DatabaseSync(file, { readOnly: true })
      assert.strictEqual(db.prepare("PRAGMA integrity_check").get()?.integrity_check, "ok")
      db.close()
    })
  )

  it.effect("killed during a stream of begin/commit batches, every batch is whole or absent", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "state.db")
      const killed = yield* killWhen("loop", file, /^committed 5$/m)
      assert.strictEqual(killed.signal, "SIGKILL", killed.stderr)
      const printed = killed.stdout.trim().split("\n")
      const last = Number(printed[printed.length - 1]?.replace("committed ", ""))
      const [checkpoint, found, pending] = yield* using(StateStore.layerSqlite(file), (s) =>
        Effect.all([s.getCheckpoint("p", "s"), s.lookup("src", "dst", range(0, 30_000, "r")), s.pending("p")])
      )
      // the checkpoint went with its batch: it names the last batch committed
      const done = Number(checkpoint)
      assert.isAtLeast(done, last)
      assert.isBelow(done, 2999, "the child finished before it was killed")
      assert.deepStrictEqual([...found.keys()].sort(), range(0, (done + 1) * 10, "r").sort())
      for (const [id, x] of found) assert.strictEqual(x.targetId, `t-${id}`)
      // at most the batch after it was begun and not committed
      const open = pending.map((i) => i.sourceId)
      assert.isTrue(
        open.length === 0 ||
          JSON.stringify(open) === JSON.stringify(range((done + 1) * 10, (done + 2) * 10, "r")),
        `pending after batch ${done}: ${open.join(",")}`
      )
    })
  )
})

describe("StateStore.layerDryRun", () => {
  it.effect("reads the state file and keeps every write in memory", () =>
    Effect.gen(function* () {
      const file = join(tempDir(), "state.db")
      const real = StateStore.layerSqlite(file)
      const runId = yield* using(real, (s) =>
        Effect.gen(function* () {
          yield* s.setCheckpoint("p", "s", "old")
          yield* s.record("p", [entry("a", "1", "ha")])
          yield* s.begin("p", [
            { ...key("b"), hash: "hb" },
            { ...key("c"), hash: "hc" }
          ])
          return yield* s.startRun("p", { first: true })
        })
      )
      const seen = yield* using(StateStore.layerDryRun(file), (s) =>
        Effect.gen(function* () {
          const before = yield* s.lookup("src", "dst", ["a", "b"])
          yield* s.commit("p", [entry("b", "2", "hb")], { checkpoint: { stream: "s", value: "new" } })
          yield* s.record("p", [entry("a", "1", "ha2")])
          const dryRunId = yield* s.startRun("p", { dryRun: true })
          return {
            before: [...before.keys()],
            after: [...(yield* s.lookup("src", "dst", ["a", "b"])).entries()].map(
              ([id, x]) => `${id}=${x.hash}`
            ),
            pending: (yield* s.pending("p")).map((i) => i.sourceId),
            checkpoint: yield* s.getCheckpoint("p", "s"),
            runs: (yield* s.runs("p", 5)).map((r) => r.id === runId || r.id === dryRunId)
          }
        })
      )
      assert.deepStrictEqual(seen, {
        before: ["a"],
        after: ["a=ha2", "b=hb"],
        pending: ["c"],
        checkpoint: "new",
        runs: [true, true]
      })
      const left = yield* using(real, (s) =>
        Effect.all([
          s.lookup("src", "dst", ["a", "b"]),
          s.pending("p"),
          s.getCheckpoint("p", "s"),
          s.runs("p", 5)
        ])
      )
      assert.deepStrictEqual(
        [...left[0].entries()].map(([id, x]) => `${id}=${x.hash}`),
        ["a=ha"]
      )
      assert.deepStrictEqual(
        left[1].map((i) => i.sourceId),
        ["b", "c"]
      )
      assert.strictEqual(left[2], "old")
      assert.deepStrictEqual(
        left[3].map((r) => r.id),
        [runId]
      )
    })
  )

  it.effect("creates nothing when the state file does not exist", () =>
    Effect.gen(function* () {
      const dir = join(tempDir(), "missing")
      const file = join(dir, "state.db")
      const checkpoint = yield* using(StateStore.layerDryRun(file), (s) =>
        Effect.andThen(s.setCheckpoint("p", "s", "x"), s.getCheckpoint("p", "s"))
      )
      assert.strictEqual(checkpoint, "x")
      assert.isFalse(existsSync(dir))
      mkdirSync(dir)
    })
  )
})
