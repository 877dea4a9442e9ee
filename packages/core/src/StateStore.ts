/**
 * The state of pipelines between runs: stream checkpoints, the cross-reference of source
 * records to target records with the content hash last written, write-ahead intents, and a
 * run log.
 *
 * ## What is keyed by what
 *
 * - Checkpoints, intents and runs belong to a pipeline (its `name`).
 * - The cross-reference belongs to the systems, not to a pipeline: its key is
 *   `(sourceSystem, sourceId, targetSystem)`. Two pipelines that sync the same source into the
 *   same target (an hourly incremental one and a nightly full one, say) share it, so the second
 *   never creates a record the first already created, even in `create` mode without match keys;
 *   and the hash always describes what the target holds now, whoever wrote it last. The
 *   pipeline that wrote an entry last is kept beside it for diagnosis.
 * - A system id names one instance and one kind of record, e.g.
 *   `woocommerce:https://store.example:customers`. The runtime builds it from the connector,
 *   the stream and the part of the config that identifies the instance (never a secret).
 *   Two stores are two systems; a record's id is only unique within its system.
 * - `hash` is {@link contentHash} of the record as written to the target (after mapping and
 *   encoding), so a change of mapping shows up as a change of hash and the record is updated.
 *
 * ## How the runtime uses it: exactly once across a SIGKILL
 *
 * Reads are at-least-once; writes are made idempotent here. The dangerous window is "the target
 * created the record, we died before recording the cross-reference". Write-ahead intents close
 * it. For each batch of records of one stream:
 *
 * 1. `lookup(sourceSystem, targetSystem, ids)`. Found with the same hash: unchanged, skip.
 *    Found with another hash: update it (step 4). Not found: a create candidate.
 * 2. `begin(pipeline, intents)` for the create candidates, with the values of the pipeline's
 *    match keys. This is durable (SQLite `synchronous=FULL`) before it returns, so it happens
 *    before the create request leaves.
 * 3. `create(records)`, then ONE `commit(pipeline, created, { release: rejected })`: the
 *    cross-reference of every `Created` record is written and its intent cleared in the same
 *    transaction; the intents of `Rejected` records are dropped (nothing was created).
 * 4. Updates are idempotent by nature: `update(items)`, then `record(pipeline, updated)`.
 *    A crash in between repeats the update next time, which is harmless.
 * 5. Advance the checkpoint only when every record read before it has been committed,
 *    recorded or rejected: pass `checkpoint` to the `commit` of the last batch before it (same
 *    transaction) or call `setCheckpoint` then. With concurrent batches, advance in read order.
 *
 * On start, before reading anything, `pending(pipeline)` returns the intents a killed run left.
 * For each one the runtime asks the target with `find(intent.match)`:
 * found means the create went through, so `commit` the cross-reference with the id found;
 * not found means it never happened, so `release` it and the record is created normally when
 * it is read again (the checkpoint did not move past it). A pipeline with no match keys cannot
 * reconcile an intent; the runtime must then refuse to go on and report the pending records
 * rather than risk a duplicate. With this, a run killed mid-way and started again ends with
 * every source record in the target exactly once.
 *
 * Two runs of the same pipeline at once against one store are not supported: the runtime must
 * not start a second one (the run log shows a `running` run; a run killed by SIGKILL stays
 * `running` in the log, as nothing could record its end).
 *
 * ## The embedded store: `node:sqlite`, measured against `better-sqlite3`
 *
 * Node 22.23.3, this 2-core machine; 100,000 cross-reference rows in batches of 100, one
 * transaction per batch (upsert), then looked up in batches of 100 (median of 2 runs):
 *
 * | | node:sqlite (SQLite 3.51.3) | better-sqlite3 13.2.0 (SQLite 3.54.1) |
 * |---|---|---|
 * | insert, `synchronous=NORMAL` | 290 ms (345k rows/s) | 360 ms (275k rows/s) |
 * | insert, `synchronous=FULL` | 410 ms (245k rows/s) | 485 ms (205k rows/s) |
 * | lookup | 120 ms (840k rows/s) | 105 ms (945k rows/s) |
 * | cold open (load driver, open a 100k-row file, first query) | 5 ms | 20–26 ms |
 * | install | nothing (built in) | an 11.6 MB tarball with 8 platform binaries; installs without a build |
 *
 * Both are fast enough by two orders of magnitude (a batch of 100 costs about 0.4 ms here
 * against an HTTP round trip of many milliseconds). `node:sqlite` wins on cold open, on
 * having no dependency and no native addon (no ABI to match, nothing to build or download on
 * any platform), and loses only the experimental warning Node prints when the module is first
 * loaded (no flag is needed on Node ≥ 22.13). Core loads `node:sqlite` lazily, when a SQLite
 * layer is built, so importing core prints nothing; the CLI calls {@link silenceSqliteWarning}
 * at startup to drop exactly that warning.
 *
 * The file is in WAL mode with `synchronous=FULL`: with NORMAL a committed transaction survives
 * the death of the process but not a power cut or a kernel crash, and an intent lost that way
 * reopens the duplicate window. FULL makes every `begin` and `commit` durable on disk before it
 * returns, for one fsync per batch (about 30% of the store's own time above, nothing next to
 * the network). A busy timeout of 5 s lets a second process wait for a lock instead of failing.
 *
 * @since 0.1.0
 */
import { Context, type Effect, Layer, type Scope } from "effect"
import type { StateError as StateErrorType } from "./internal/state/error.ts"
import * as error from "./internal/state/error.ts"
import * as hash from "./internal/state/hash.ts"
import * as memory from "./internal/state/memory.ts"
import * as sqlite from "./internal/state/sqlite.ts"
import * as warning from "./internal/state/warning.ts"

/**
 * A failure of the state store, with one clear sentence in `message`, e.g.
 * `cannot open state file .mapwright/state.db: permission denied`.
 *
 * @since 0.1.0
 * @category errors
 */
export const StateError = error.StateError

/**
 * @since 0.1.0
 * @category errors
 */
export type StateError = StateErrorType

/**
 * Identifies one cross-reference entry and one intent (with the pipeline).
 *
 * @since 0.1.0
 * @category models
 */
export interface XrefKey {
  readonly sourceSystem: string
  readonly sourceId: string
  readonly targetSystem: string
}

/**
 * One cross-reference entry to write: the source record and the target record it became, with
 * the content hash of what was written.
 *
 * @since 0.1.0
 * @category models
 */
export interface XrefEntry extends XrefKey {
  readonly targetId: string
  readonly hash: string
}

/**
 * What `lookup` finds for one source id.
 *
 * @since 0.1.0
 * @category models
 */
export interface Xref {
  readonly targetSystem: string
  readonly targetId: string
  readonly hash: string
  /** The pipeline that wrote this entry last. */
  readonly pipeline: string
}

/**
 * A create about to be sent to the target.
 *
 * @since 0.1.0
 * @category models
 */
export interface IntentInput extends XrefKey {
  readonly hash: string
  /** The values of the pipeline's match keys, to `find` the record if the run is killed. */
  readonly match?: Readonly<Record<string, string>> | undefined
}

/**
 * An intent as stored, returned by `pending`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Intent extends XrefKey {
  readonly hash: string
  readonly match: Readonly<Record<string, string>> | undefined
  /** When `begin` recorded it, in epoch milliseconds. */
  readonly createdAt: number
}

/**
 * A checkpoint of one stream.
 *
 * @since 0.1.0
 * @category models
 */
export interface Checkpoint {
  readonly stream: string
  readonly value: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type RunStatus = "running" | "succeeded" | "failed" | "stopped"

/**
 * One entry of the run log. `info` and `summary` are the JSON values given to `startRun` and
 * `finishRun`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly id: string
  readonly pipeline: string
  readonly status: RunStatus
  /** Epoch milliseconds. */
  readonly startedAt: number
  readonly finishedAt: number | undefined
  readonly info: unknown
  readonly summary: unknown
}

/**
 * The operations of a state store. Every batch operation is one transaction: it happens whole
 * or not at all.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The checkpoint of a stream, or `undefined` before the first one. */
  readonly getCheckpoint: (pipeline: string, stream: string) => Effect.Effect<string | undefined, StateError>
  readonly setCheckpoint: (pipeline: string, stream: string, value: string) => Effect.Effect<void, StateError>
  /** The entries of the given source ids in one target system; missing ids are absent from the map. */
  readonly lookup: (
    sourceSystem: string,
    targetSystem: string,
    sourceIds: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyMap<string, Xref>, StateError>
  /** Upserts cross-reference entries (a new target id or hash replaces the old one). */
  readonly record: (pipeline: string, entries: ReadonlyArray<XrefEntry>) => Effect.Effect<void, StateError>
  /** Records write-ahead intents before a create batch (an intent with the same key is replaced). */
  readonly begin: (pipeline: string, intents: ReadonlyArray<IntentInput>) => Effect.Effect<void, StateError>
  /** The intents of a pipeline not yet committed or released, oldest first. */
  readonly pending: (pipeline: string) => Effect.Effect<ReadonlyArray<Intent>, StateError>
  /**
   * In ONE transaction: upserts the entries, clears their intents, drops the intents in
   * `release`, and sets the checkpoint when one is given.
   */
  readonly commit: (
    pipeline: string,
    entries: ReadonlyArray<XrefEntry>,
    options?: {
      readonly release?: ReadonlyArray<XrefKey> | undefined
      readonly checkpoint?: Checkpoint | undefined
    }
  ) => Effect.Effect<void, StateError>
  /** Drops intents whose create did not happen (rejected, or not found when reconciling). */
  readonly release: (pipeline: string, keys: ReadonlyArray<XrefKey>) => Effect.Effect<void, StateError>
  /** Logs the start of a run (status `running`) and returns its id. `info` must be JSON. */
  readonly startRun: (pipeline: string, info?: unknown) => Effect.Effect<string, StateError>
  /** Logs the end of a `running` run; fails for an unknown run or one already finished. */
  readonly finishRun: (
    runId: string,
    summary: unknown,
    status: Exclude<RunStatus, "running">
  ) => Effect.Effect<void, StateError>
  /** The last `limit` runs of a pipeline, the newest first. */
  readonly runs: (pipeline: string, limit: number) => Effect.Effect<ReadonlyArray<Run>, StateError>
}

/**
 * Options of the SQLite store.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqliteOptions {
  /** How long to wait for a lock held by another process, in milliseconds (default 5000). */
  readonly busyTimeoutMs?: number | undefined
}

/**
 * A new, empty store in memory. Providing the same one twice (`Layer.succeed`) reopens it. For
 * tests.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory: Effect.Effect<Service> = memory.make

/**
 * Opens (or creates, with its parent folders) the SQLite state file at `path`, migrates its
 * schema, and closes it when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeSqlite: (
  path: string,
  options?: SqliteOptions
) => Effect.Effect<Service, StateError, Scope.Scope> = sqlite.make

/**
 * A store for dry runs: reads the state file at `path` when it exists (read-only, never
 * creating or changing it) and keeps every write in memory, so a dry run sees what a real run
 * would (unchanged, update, create) and leaves no trace.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeDryRun: (
  path: string,
  options?: SqliteOptions
) => Effect.Effect<Service, StateError, Scope.Scope> = sqlite.makeDryRun

/**
 * The state store service.
 *
 * @since 0.1.0
 * @category models
 */
export class StateStore extends Context.Service<StateStore, Service>()("@mapwright/core/StateStore") {
  /**
   * The embedded store in one SQLite file (see the module doc).
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layerSqlite = (
    path: string,
    options?: SqliteOptions
  ): Layer.Layer<StateStore, StateError> => Layer.effect(StateStore, sqlite.make(path, options))

  /**
   * A fresh store in memory each time the layer is built. For tests.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layerMemory: Layer.Layer<StateStore> = Layer.effect(StateStore, memory.make)

  /**
   * Reads the state file, writes nothing to it (`--dry-run`).
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layerDryRun = (
    path: string,
    options?: SqliteOptions
  ): Layer.Layer<StateStore, StateError> => Layer.effect(StateStore, sqlite.makeDryRun(path, options))
}

/**
 * A stable hash of a JSON value: SHA-256 (hex) of its canonical JSON, with object keys sorted at
 * every depth, so key order does not matter and any change of a value does. `toJSON` is
 * honoured, `undefined` members are left out, non-finite numbers are `null`, bigints are their
 * decimal string (as JSON.stringify would, where it can). A cyclic value is a defect: it throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const contentHash: (value: unknown) => string = hash.contentHash

/**
 * The canonical JSON text {@link contentHash} hashes.
 *
 * @since 0.1.0
 * @category formatting
 */
export const canonicalJson: (value: unknown) => string = hash.canonicalJson

/**
 * Drops exactly the `ExperimentalWarning` Node 22 prints when `node:sqlite` is first loaded
 * ("SQLite is an experimental feature and might change at any time"); every other warning is
 * printed as before. For the CLI to call once at startup (core never changes process state on
 * its own). Returns a function that puts things back.
 *
 * @since 0.1.0
 * @category running
 */
export const silenceSqliteWarning: () => () => void = warning.silenceSqliteWarning
