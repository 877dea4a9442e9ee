/**
 * The state store over one SQLite file (`node:sqlite`). Each operation is one synchronous call
 * into SQLite, and each batch operation one transaction, so fibers never interleave inside a
 * transaction.
 *
 * @internal
 */
import { existsSync } from "node:fs"
import type { DatabaseSync, SQLOutputValue } from "node:sqlite"
import { Clock, Effect, type Scope } from "effect"
import type {
  Intent,
  Run,
  RunStatus,
  Service,
  SqliteOptions,
  Xref,
  XrefEntry,
  XrefKey
} from "../../StateStore.ts"
import { finishedRun, fromJsonText, toJsonText, unknownRun } from "./common.ts"
import { fail, type StateError } from "./error.ts"
import * as memory from "./memory.ts"
import { open, transaction } from "./open.ts"

type Row = Record<string, SQLOutputValue>

const text = (row: Row, column: string): string => String(row[column])
const optionalText = (row: Row, column: string): string | undefined => {
  const value = row[column]
  return value === null || value === undefined ? undefined : String(value)
}
const integer = (row: Row, column: string): number => Number(row[column])

const toRun = (row: Row): Run => {
  const finishedAt = row.finished_at
  return {
    id: text(row, "id"),
    pipeline: text(row, "pipeline"),
    status: text(row, "status") as RunStatus,
    startedAt: integer(row, "started_at"),
    finishedAt: finishedAt === null || finishedAt === undefined ? undefined : Number(finishedAt),
    info: fromJsonText(optionalText(row, "info")),
    summary: fromJsonText(optionalText(row, "summary"))
  }
}

const toIntent = (row: Row): Intent => {
  const match = optionalText(row, "match")
  return {
    sourceSystem: text(row, "source_system"),
    sourceId: text(row, "source_id"),
    targetSystem: text(row, "target_system"),
    hash: text(row, "hash"),
    match: match === undefined ? undefined : (JSON.parse(match) as Readonly<Record<string, string>>),
    createdAt: integer(row, "created_at")
  }
}

const service = (db: DatabaseSync, path: string): Service => {
  const sql = {
    getCheckpoint: db.prepare("SELECT value FROM checkpoints WHERE pipeline = ? AND stream = ?"),
    setCheckpoint: db.prepare(
      `INSERT INTO checkpoints (pipeline, stream, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (pipeline, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
    ),
    lookup: db.prepare(
      `SELECT source_id, target_id, hash, pipeline FROM xref
       WHERE source_system = ? AND target_system = ? AND source_id IN (SELECT value FROM json_each(?))`
    ),
    upsertXref: db.prepare(
      `INSERT INTO xref (source_system, target_system, source_id, target_id, hash, pipeline, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_system, target_system, source_id) DO UPDATE SET
         target_id = excluded.target_id, hash = excluded.hash,
         pipeline = excluded.pipeline, updated_at = excluded.updated_at`
    ),
    begin: db.prepare(
      `INSERT INTO intents (pipeline, source_system, target_system, source_id, hash, match, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pipeline, source_system, target_system, source_id) DO UPDATE SET
         hash = excluded.hash, match = excluded.match, created_at = excluded.created_at`
    ),
    pending: db.prepare(
      `SELECT source_system, target_system, source_id, hash, match, created_at FROM intents
       WHERE pipeline = ? ORDER BY seq`
    ),
    dropIntent: db.prepare(
      "DELETE FROM intents WHERE pipeline = ? AND source_system = ? AND target_system = ? AND source_id = ?"
    ),
    startRun: db.prepare(
      "INSERT INTO runs (id, pipeline, status, started_at, info) VALUES (?, ?, 'running', ?, ?)"
    ),
    runStatus: db.prepare("SELECT status FROM runs WHERE id = ?"),
    finishRun: db.prepare("UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?"),
    runs: db.prepare(
      `SELECT id, pipeline, status, started_at, finished_at, info, summary FROM runs
       WHERE pipeline = ? ORDER BY seq DESC LIMIT ?`
    )
  }

  const attempt = <A>(operation: string, verb: string, body: () => A): Effect.Effect<A, StateError> =>
    Effect.try({
      try: body,
      catch: (cause) => fail(operation, path, `cannot ${verb} in state file ${path}`, cause)
    })
  const timed = <A>(
    operation: string,
    verb: string,
    body: (now: number) => A
  ): Effect.Effect<A, StateError> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => attempt(operation, verb, () => body(now)))

  const upsert = (pipeline: string, entries: ReadonlyArray<XrefEntry>, now: number) => {
    for (const e of entries) {
      sql.upsertXref.run(e.sourceSystem, e.targetSystem, e.sourceId, e.targetId, e.hash, pipeline, now)
    }
  }
  const drop = (pipeline: string, keys: ReadonlyArray<XrefKey>) => {
    for (const k of keys) sql.dropIntent.run(pipeline, k.sourceSystem, k.targetSystem, k.sourceId)
  }

  return {
    getCheckpoint: (pipeline, stream) =>
      attempt("getCheckpoint", "read a checkpoint", () => {
        const row = sql.getCheckpoint.get(pipeline, stream)
        return row === undefined ? undefined : text(row, "value")
      }),
    setCheckpoint: (pipeline, stream, value) =>
      timed("setCheckpoint", "write a checkpoint", (now) => {
        sql.setCheckpoint.run(pipeline, stream, value, now)
      }),
    lookup: (sourceSystem, targetSystem, sourceIds) =>
      attempt("lookup", "look up cross-references", () => {
        const found = new Map<string, Xref>()
        if (sourceIds.length === 0) return found
        for (const row of sql.lookup.all(sourceSystem, targetSystem, JSON.stringify(sourceIds))) {
          found.set(text(row, "source_id"), {
            targetSystem,
            targetId: text(row, "target_id"),
            hash: text(row, "hash"),
            pipeline: text(row, "pipeline")
          })
        }
        return found
      }),
    record: (pipeline, entries) =>
      timed("record", "record cross-references", (now) =>
        transaction(db, () => upsert(pipeline, entries, now))
      ),
    begin: (pipeline, intents) =>
      timed("begin", "record write intents", (now) =>
        transaction(db, () => {
          for (const i of intents) {
            const match = i.match === undefined ? null : JSON.stringify(i.match)
            sql.begin.run(pipeline, i.sourceSystem, i.targetSystem, i.sourceId, i.hash, match, now)
          }
        })
      ),
    pending: (pipeline) =>
      attempt("pending", "read pending write intents", () => sql.pending.all(pipeline).map(toIntent)),
    commit: (pipeline, entries, options) =>
      timed("commit", "commit cross-references", (now) =>
        transaction(db, () => {
          upsert(pipeline, entries, now)
          drop(pipeline, entries)
          drop(pipeline, options?.release ?? [])
          const checkpoint = options?.checkpoint
          if (checkpoint !== undefined)
            sql.setCheckpoint.run(pipeline, checkpoint.stream, checkpoint.value, now)
        })
      ),
    release: (pipeline, keys) =>
      attempt("release", "release write intents", () => transaction(db, () => drop(pipeline, keys))),
    startRun: (pipeline, info) =>
      Effect.flatMap(toJsonText("startRun", "info", info), (json) =>
        timed("startRun", "log the start of a run", (now) => {
          const id = crypto.randomUUID()
          sql.startRun.run(id, pipeline, now, json ?? null)
          return id
        })
      ),
    finishRun: (runId, summary, status) =>
      Effect.gen(function* () {
        const json = yield* toJsonText("finishRun", "summary", summary)
        const previous = yield* timed("finishRun", "log the end of a run", (now) =>
          transaction(db, () => {
            const row = sql.runStatus.get(runId)
            if (row === undefined) return undefined
            const current = text(row, "status")
            if (current === "running") sql.finishRun.run(status, now, json ?? null, runId)
            return current
          })
        )
        if (previous === undefined) return yield* unknownRun(runId)
        if (previous !== "running") return yield* finishedRun(runId, previous)
      }),
    runs: (pipeline, limit) =>
      attempt("runs", "read the run log", () =>
        limit <= 0 ? [] : sql.runs.all(pipeline, Math.floor(limit)).map(toRun)
      )
  }
}

/** @internal */
export const make = (
  path: string,
  options?: SqliteOptions
): Effect.Effect<Service, StateError, Scope.Scope> =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const db = yield* open(path, { busyTimeoutMs: options?.busyTimeoutMs }, now)
    return yield* Effect.try({
      try: () => service(db, path),
      catch: (cause) => fail("open", path, `cannot open state file ${path}`, cause)
    })
  })

/** @internal */
export const makeDryRun = (
  path: string,
  options?: SqliteOptions
): Effect.Effect<Service, StateError, Scope.Scope> =>
  Effect.gen(function* () {
    const over = yield* memory.make
    if (!existsSync(path)) return over
    const now = yield* Clock.currentTimeMillis
    const db = yield* open(path, { busyTimeoutMs: options?.busyTimeoutMs, readOnly: true }, now)
    // a file that is empty (no schema yet) has nothing to read
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()
    if (Number(tables?.n ?? 0) === 0) return over
    const base = yield* Effect.try({
      try: () => service(db, path),
      catch: (cause) => fail("open", path, `cannot open state file ${path}`, cause)
    })
    return memory.overlay(base, over)
  })
