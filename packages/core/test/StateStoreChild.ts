/**
 * A child process for the StateStore tests: it is killed with SIGKILL mid-way (crash
 * simulations) or checked for the warnings it prints. Run as `node StateStoreChild.ts MODE FILE`.
 *
 * - `half`: begins intents a0..a9 and commits a0..a4 through the store; then, on a second
 *   connection, starts the commit of a5..a9 (xref written, intents deleted) without finishing
 *   it, prints `ready`, and waits to be killed.
 * - `loop`: batch after batch of 10 records (begin, then commit with the batch number as the
 *   checkpoint), printing `committed N` after each, until killed (seconds before it could end).
 * - `warn-plain` / `warn-silenced`: opens the store (loading node:sqlite) with or without
 *   `silenceSqliteWarning`, then emits another ExperimentalWarning that must still show.
 */
import { Effect } from "effect"
import { StateStore, silenceSqliteWarning } from "../src/StateStore.ts"

const [mode, file] = process.argv.slice(2) as [string, string]
const src = "src"
const dst = "dst"
// never outlive a parent that died before killing us
setTimeout(() => process.exit(3), 30_000).unref()

const run = <A>(body: (s: StateStore["Service"]) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(Effect.provide(Effect.flatMap(StateStore, body), StateStore.layerSqlite(file)))

const ids = (from: number, to: number, prefix: string) =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`)

if (mode === "half") {
  await run((s) =>
    Effect.gen(function* () {
      yield* s.begin(
        "p",
        ids(0, 10, "a").map((id) => ({ sourceSystem: src, sourceId: id, targetSystem: dst, hash: `h-${id}` }))
      )
      yield* s.commit(
        "p",
        ids(0, 5, "a").map((id) => ({
          sourceSystem: src,
          sourceId: id,
          targetSystem: dst,
          targetId: `t-${id}`,
          hash: `h-${id}`
        }))
      )
    })
  )
  // loaded here, not at the top: the warn modes must load node:sqlite only through the store
  const { DatabaseSync } = await import("node:sqlite")
  const db = new DatabaseSync(file)
  db.exec("BEGIN IMMEDIATE")
  for (const id of ids(5, 10, "a")) {
    db.prepare(
      "INSERT INTO xref (source_system, target_system, source_id, target_id, hash, pipeline, updated_at) VALUES (?, ?, ?, ?, ?, 'p', 0)"
    ).run(src, dst, id, `t-${id}`, `h-${id}`)
    db.prepare("DELETE FROM intents WHERE pipeline = 'p' AND source_id = ?").run(id)
  }
  process.stdout.write("ready\n")
  setInterval(() => {}, 1000)
} else if (mode === "loop") {
  await run((s) =>
    Effect.gen(function* () {
      for (let batch = 0; batch < 3000; batch++) {
        const batchIds = ids(batch * 10, batch * 10 + 10, "r")
        yield* s.begin(
          "p",
          batchIds.map((id) => ({ sourceSystem: src, sourceId: id, targetSystem: dst, hash: `h-${id}` }))
        )
        yield* s.commit(
          "p",
          batchIds.map((id) => ({
            sourceSystem: src,
            sourceId: id,
            targetSystem: dst,
            targetId: `t-${id}`,
            hash: `h-${id}`
          })),
          { checkpoint: { stream: "s", value: String(batch) } }
        )
        process.stdout.write(`committed ${batch}\n`)
      }
    })
  )
} else if (mode === "warn-plain" || mode === "warn-silenced") {
  if (mode === "warn-silenced") silenceSqliteWarning()
  await run((s) => s.setCheckpoint("p", "s", "1"))
  process.emitWarning("another experiment", "ExperimentalWarning")
  process.stdout.write("done\n")
} else {
  process.stderr.write(`unknown mode ${mode}\n`)
  process.exit(2)
}
