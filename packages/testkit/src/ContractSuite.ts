/**
 * The connector contract suite of DESIGN, run by every connector against its own emulator over
 * loopback HTTP, in one call:
 *
 * ```ts
 * ContractSuite.run({ connector, emulator, config, badConfig, wrongCredentials, streams: { customers: {...} } })
 * ```
 *
 * It registers one `describe` per connector, with one test per contract: config validation
 * reports all issues; check maps 401 to Authentication; and per stream, pagination reads every
 * record exactly once over several pages, incremental resume yields no duplicates, a
 * malformed record becomes a RecordIssue and the stream goes on, writes are idempotent,
 * interruption runs finalizers, default mappings pass their tests and round-trip. Each
 * contract is also an Effect of its own in {@link checks}, failing with a {@link ContractFailure}
 * that says what broke and where to look.
 *
 * @since 0.1.0
 */

import { describe, it } from "@effect/vitest"
import type { Connector, RecordSchema, Transform } from "@mapwright/core"
import { Connector as Connectors } from "@mapwright/core"
import type { Effect, Layer } from "effect"
import type { HttpClient } from "effect/http"
import type * as Emulator from "./Emulator.ts"
import type * as Faults from "./Faults.ts"
import { streamOptions } from "./internal/checks/common.ts"
import * as ConnectorChecks from "./internal/checks/connector.ts"
import * as Mappings from "./internal/checks/mappings.ts"
import * as Reads from "./internal/checks/reads.ts"
import * as Writes from "./internal/checks/writes.ts"
import * as Internal from "./internal/contract.ts"

/**
 * A contract the connector broke: which one, and what happened.
 *
 * @since 0.1.0
 * @category errors
 */
export const ContractFailure = Internal.Failure

/**
 * @since 0.1.0
 * @category errors
 */
export type ContractFailure = Internal.Failure

/**
 * What the suite asks of the connector's emulator for one test: a fresh emulator seeded with
 * `seed`, whose stream `stream` holds `records` records, of which those at the `malformed`
 * indexes (0-based, in list order) break the stream's record schema (a number where the schema
 * wants a string, a missing required field...). The suite sets faults itself, at run time,
 * through `running.faults`.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmulatorSetup {
  readonly seed: number
  readonly stream: string
  readonly records: number
  readonly malformed: ReadonlyArray<number>
  readonly faults?: Faults.Config
}

/**
 * Per-stream settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamOptions {
  /** Records the emulator holds for the stream (default 25). Must span at least three pages. */
  readonly records?: number
  /** The page size asked of `list` (default 10). */
  readonly pageSize?: number
  /** The stream's `options` given to `list` (e.g. `{ includeGuests: false }`). */
  readonly listOptions?: unknown
  /** The index of the record the emulator makes malformed (default 3); `false` skips that test. */
  readonly malformed?: false | { readonly index: number }
  /**
   * For streams that can `create` and `update`: `sample(i)` is a native record to create (the
   * i-th of a few, each different from the others and from the seeded data); `invalid`, if
   * given, is a record the platform refuses (the batch must go on around it).
   */
  readonly writable?: {
    readonly sample: (i: number) => unknown
    readonly invalid?: unknown
  }
  readonly roundTrip?: {
    /** Canonical paths the connector cannot carry both ways (`phones`, `billing.id`). */
    readonly ignore?: ReadonlyArray<string>
    /**
     * Native paths the platform assigns (ids, dates), copied from the record as read into the
     * re-encoded one before it is mapped back (default: the stream's key).
     */
    readonly assigned?: ReadonlyArray<string>
    /** How many seeded records to round-trip (default 10). */
    readonly samples?: number
  }
  /** Skip every test of the stream, with the reason. */
  readonly skip?: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The connector under test, from `Connector.define`. */
  readonly connector: Connector.Connector
  /** Starts the connector's own emulator for one test; the suite closes it. */
  readonly emulator: (setup: EmulatorSetup) => Promise<Emulator.Running>
  /** A config that works against a running emulator. */
  readonly config: (running: Emulator.Running) => unknown
  /** A config with several problems, and the paths of the issues it must report (every one). */
  readonly badConfig: { readonly config: unknown; readonly paths: ReadonlyArray<string> }
  /** A well-formed config with credentials the emulator refuses (its 401). */
  readonly wrongCredentials: (running: Emulator.Running) => unknown
  /** Settings per stream; a stream left out runs with the defaults. */
  readonly streams?: Readonly<Record<string, StreamOptions>>
  /** Record schemas the mappings need beyond the canonical ones and the connector's own. */
  readonly schemas?: ReadonlyArray<RecordSchema.RecordSchema>
  /** Transforms beyond the built-in ones the mappings use. */
  readonly transforms?: Transform.TransformRegistry
  /** Seed given to the emulator (default 1). */
  readonly seed?: number
  /** The HTTP client (default `FetchHttpClient.layer`). */
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient>
  /** Timeout of each test, in milliseconds (default 30,000). */
  readonly timeout?: number
}

/**
 * Config validation reports all issues: the good config has none; the bad one reports an issue
 * at each of `badConfig.paths`; `client(badConfig)` fails with a `ConfigError` before any request.
 *
 * @since 0.1.0
 * @category checks
 */
export const configValidation: (options: Options) => Effect.Effect<void, ContractFailure> =
  ConnectorChecks.configValidation

/**
 * Check maps 401 to Authentication: `check` passes with the working config, and fails with a
 * non-retryable `ConnectorError` of reason `Authentication` with the wrong credentials, whose
 * message does not repeat them.
 *
 * @since 0.1.0
 * @category checks
 */
export const authentication: (options: Options) => Effect.Effect<void, ContractFailure> =
  ConnectorChecks.authentication

/**
 * Pagination reads every record exactly once over several pages: `list` with the page size
 * yields `records` records with distinct keys, over at least three requests, none repeated;
 * `count`, when the stream has it, agrees.
 *
 * @since 0.1.0
 * @category checks
 */
export const pagination: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Reads.pagination

/**
 * Incremental resume yields no duplicates: for a stream with a cursor, every item carries a
 * checkpoint; a read resumed from the checkpoint of a middle record yields exactly the records
 * after it, and a read resumed from the last checkpoint yields none.
 *
 * @since 0.1.0
 * @category checks
 */
export const incrementalResume: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Reads.incrementalResume

/**
 * A malformed record becomes a RecordIssue and the stream goes on: with one record the
 * emulator breaks, the read still yields every record; decoding each with the stream's record
 * schema gives error issues for that record alone.
 *
 * @since 0.1.0
 * @category checks
 */
export const malformedRecord: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Reads.malformedRecord

/**
 * Writes are idempotent: creating a sample gives `Created` with an id and one more record;
 * updating that id with the same record gives `Updated` or `Unchanged` and no new record; a
 * batch gives one result per record, in order, and an invalid record is `Rejected` without
 * failing its batch.
 *
 * @since 0.1.0
 * @category checks
 */
export const idempotentWrites: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Writes.idempotentWrites

/**
 * Interruption runs finalizers: taking 3 items from a slow read stops it with no request left
 * open and none sent later; interrupting a read while a request is in flight closes that
 * request promptly.
 *
 * @since 0.1.0
 * @category checks
 */
export const interruption: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Reads.interruption

/**
 * Default mappings pass their tests: each of the stream's mappings has a `.test.yaml` next to
 * it, and every case passes.
 *
 * @since 0.1.0
 * @category checks
 */
export const mappingTests: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Mappings.mappingTests

/**
 * Default mappings round-trip: seeded native records → toCanonical → fromCanonical (with the
 * platform-assigned fields copied back) → toCanonical give the same canonical records, except
 * for the paths `roundTrip.ignore` names.
 *
 * @since 0.1.0
 * @category checks
 */
export const roundTrip: (options: Options, stream: string) => Effect.Effect<void, ContractFailure> =
  Mappings.roundTrip

/**
 * Every contract as an Effect, for running one on its own (or testing the suite itself).
 *
 * @since 0.1.0
 * @category checks
 */
export const checks = {
  configValidation,
  authentication,
  pagination,
  incrementalResume,
  malformedRecord,
  idempotentWrites,
  interruption,
  mappingTests,
  roundTrip
} as const

/**
 * Registers the contract suite with vitest: one `describe` for the connector, one test per
 * contract and stream. A test whose capability or cursor the stream lacks is skipped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (options: Options): void => {
  const timeout = options.timeout ?? 30_000
  const connector = options.connector
  describe(`${connector.name} connector contract`, () => {
    it.live("config validation reports all issues", () => configValidation(options), timeout)
    it.live("check maps 401 to Authentication", () => authentication(options), timeout)
    for (const [name, def] of Object.entries(connector.streams)) {
      const so = streamOptions(options, name)
      describe(`stream ${name}`, () => {
        const test = (title: string, enabled: boolean, body: () => Effect.Effect<void, ContractFailure>) =>
          so.skip === undefined && enabled
            ? it.live(title, body, timeout)
            : it.skip(so.skip === undefined ? title : `${title} (${so.skip})`, () => {})
        const can = (c: Connector.Capability) => Connectors.supports(def, c)
        test("pagination reads every record exactly once over several pages", can("list"), () =>
          pagination(options, name)
        )
        test("incremental resume yields no duplicates", can("list") && def.cursor !== undefined, () =>
          incrementalResume(options, name)
        )
        test(
          "a malformed record becomes a RecordIssue and the stream goes on",
          can("list") && so.malformed !== false,
          () => malformedRecord(options, name)
        )
        test("writes are idempotent", can("create") && can("update"), () => idempotentWrites(options, name))
        test("interruption runs finalizers", can("list"), () => interruption(options, name))
        test(
          "default mappings pass their tests",
          def.mappings.toCanonical !== undefined || def.mappings.fromCanonical !== undefined,
          () => mappingTests(options, name)
        )
        test(
          "default mappings round-trip",
          can("list") && def.mappings.toCanonical !== undefined && def.mappings.fromCanonical !== undefined,
          () => roundTrip(options, name)
        )
      })
    }
  })
}
