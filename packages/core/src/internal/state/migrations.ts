/**
 * The schema of the SQLite state file, as numbered migrations. A migration is never edited
 * once released: a change of schema is a new migration with the next number.
 *
 * @internal
 */

/** @internal */
export interface Migration {
  readonly version: number
  readonly sql: string
}

/** @internal */
export const schemaTable = "mapwright_schema"

/** @internal */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    sql: `
CREATE TABLE checkpoints (
  pipeline TEXT NOT NULL,
  stream TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (pipeline, stream)
) WITHOUT ROWID;
CREATE TABLE xref (
  source_system TEXT NOT NULL,
  target_system TEXT NOT NULL,
  source_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (source_system, target_system, source_id)
) WITHOUT ROWID;
CREATE TABLE intents (
  seq INTEGER PRIMARY KEY,
  pipeline TEXT NOT NULL,
  source_system TEXT NOT NULL,
  target_system TEXT NOT NULL,
  source_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  match TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (pipeline, source_system, target_system, source_id)
);
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pipeline TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'stopped')),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  info TEXT,
  summary TEXT
);
CREATE INDEX runs_by_pipeline ON runs (pipeline, seq);
`
  }
]

/** @internal */
export const latestVersion: number = migrations[migrations.length - 1]!.version
