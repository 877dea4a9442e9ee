/**
 * Opening the SQLite state file: the folder, the driver (loaded lazily, so importing core
 * prints no experimental warning), the pragmas, the check that the file is ours, and the
 * migrations. Every failure becomes a StateError naming the file.
 *
 * @internal
 */
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import type { DatabaseSync } from "node:sqlite"
import { Effect, type Scope } from "effect"
import { fail, StateError } from "./error.ts"
import { latestVersion, migrations, schemaTable } from "./migrations.ts"

/** @internal */
export interface OpenOptions {
  readonly busyTimeoutMs?: number | undefined
  /** Open without creating or changing anything (dry runs). */
  readonly readOnly?: boolean | undefined
}

/** @internal */
export const transaction = <A>(db: DatabaseSync, body: () => A): A => {
  db.exec("BEGIN IMMEDIATE")
  try {
    const result = body()
    db.exec("COMMIT")
    return result
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK")
    throw error
  }
}

const closeQuietly = (db: DatabaseSync): void => {
  try {
    if (db.isOpen) db.close()
  } catch {
    // closing can only fail when the handle is already unusable; nothing is left to release
  }
}

const tableNames = (db: DatabaseSync): ReadonlyArray<string> =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((row) => String(row.name))

const currentVersion = (db: DatabaseSync): number => {
  const row = db.prepare(`SELECT max(version) AS version FROM ${schemaTable}`).get()
  return typeof row?.version === "number" ? row.version : 0
}

/** Thrown inside `prepare` for problems that are not SQLite errors. */
class Refused extends Error {}

const prepare = (db: DatabaseSync, path: string, readOnly: boolean, now: number): void => {
  if (!readOnly) {
    const mode = db.prepare("PRAGMA journal_mode = WAL").get()
    if (mode?.journal_mode !== "wal")
      throw new Refused(`cannot open state file ${path}: WAL mode is not available`)
    db.exec("PRAGMA synchronous = FULL")
  }
  const tables = tableNames(db)
  if (!tables.includes(schemaTable)) {
    if (tables.length > 0) {
      throw new Refused(
        `cannot open state file ${path}: it is a SQLite database but not a Mapwright state file`
      )
    }
    if (readOnly) return
  }
  const found = tables.includes(schemaTable) ? currentVersion(db) : 0
  if (found > latestVersion) {
    throw new Refused(
      `cannot open state file ${path}: it was written by a newer Mapwright (schema version ${found}; this one knows up to ${latestVersion})`
    )
  }
  if (found === latestVersion) return
  if (readOnly) {
    throw new Refused(
      `cannot read state file ${path} in a dry run: its schema (version ${found}) needs an upgrade to version ${latestVersion}; run once without --dry-run`
    )
  }
  transaction(db, () => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${schemaTable} (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`
    )
    // read again inside the write lock: another process may have migrated meanwhile
    const version = currentVersion(db)
    const record = db.prepare(`INSERT INTO ${schemaTable} (version, applied_at) VALUES (?, ?)`)
    for (const migration of migrations) {
      if (migration.version <= version) continue
      db.exec(migration.sql)
      record.run(migration.version, now)
    }
  })
}

/**
 * Opens the state file for the scope's lifetime. `readOnly` never creates the file or its
 * folder: the caller checks that it exists.
 *
 * @internal
 */
export const open = (
  path: string,
  options: OpenOptions,
  now: number
): Effect.Effect<DatabaseSync, StateError, Scope.Scope> =>
  Effect.gen(function* () {
    const absolute = resolve(path)
    const readOnly = options.readOnly === true
    if (!readOnly) {
      yield* Effect.try({
        try: () => mkdirSync(dirname(absolute), { recursive: true }),
        catch: (cause) => fail("open", path, `cannot create the folder of state file ${path}`, cause)
      })
    }
    const driver = yield* Effect.tryPromise({
      try: () => import("node:sqlite"),
      catch: (cause) =>
        fail("open", path, `cannot open state file ${path}: node:sqlite is not available`, cause)
    })
    return yield* Effect.acquireRelease(
      Effect.try({
        try: () => {
          const db = new driver.DatabaseSync(absolute, {
            timeout: options.busyTimeoutMs ?? 5000,
            readOnly
          })
          try {
            prepare(db, path, readOnly, now)
          } catch (error) {
            closeQuietly(db)
            throw error
          }
          return db
        },
        catch: (cause) =>
          cause instanceof Refused
            ? new StateError({ message: cause.message, operation: "open", path })
            : fail("open", path, `cannot open state file ${path}`, cause)
      }),
      (db) => Effect.sync(() => closeQuietly(db))
    )
  })
