/**
 * Pipelines: load a `pipeline/v1` file, check everything that can be checked before any
 * record moves, and run it.
 *
 * Loading resolves the connectors (registered, or imported by package name), checks the
 * streams and the capabilities the write mode needs, loads and type-checks the mappings
 * against the connectors' record schemas, substitutes `${env:NAME}` / `${file:path}` in the
 * configs and validates them; every problem is a diagnostic with file:line:col, all at once.
 *
 * Running reads the source stream (resuming from the stored checkpoint), then for each record:
 * decode (the native record against its schema) → map to canonical → validate → map to the
 * target → encode (the target record against its schema) → write in batches, upserting
 * through the cross-reference of the `StateStore` and the pipeline's match keys. Records with
 * issues go to the reject file with their original payload; the run stops cleanly when the
 * reject budget is exceeded. Values that came from `${env:…}`/`${file:…}` never appear in a
 * message, a summary or a reject line.
 *
 * ```ts
 * const loaded = yield* Pipeline.load("sync.yaml", { registry })
 * const summary = yield* Pipeline.run(loaded, { dryRun: true })
 * ```
 *
 * @since 0.1.0
 */
import { Data, Effect, type FileSystem, type Layer, type Stream } from "effect"
import type { HttpClient } from "effect/http"
import type * as Connector from "./Connector.ts"
import type * as ConnectorRegistry from "./ConnectorRegistry.ts"
import { analyze, read } from "./internal/pipeline/load.ts"
import { runPipeline } from "./internal/pipeline/run.ts"
import type * as Mapping from "./Mapping.ts"
import type * as PipelineSpec from "./PipelineSpec.ts"
import * as SpecError from "./SpecError.ts"
import type * as StateStore from "./StateStore.ts"
import type * as Transform from "./Transform.ts"

/**
 * One side of a loaded pipeline.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint {
  readonly connector: Connector.Connector
  readonly streamName: string
  readonly stream: Connector.StreamDefinition
  /** The config with its references substituted (it holds secrets: never print it). */
  readonly config: unknown
  /**
   * The system this side's records live in, keying the cross-reference:
   * `<connector>:<instance>:<stream>`, the instance being the config's first http(s) URL that
   * is not a secret (without credentials or a trailing slash), else `default`.
   */
  readonly system: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Source extends Endpoint {
  /** The stream's options, decoded with its `options` schema. */
  readonly options: unknown
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Target extends Endpoint {
  readonly mode: PipelineSpec.Mode
  /** Canonical paths (native target paths with a direct mapping); empty when not given. */
  readonly match: ReadonlyArray<string>
}

/**
 * Through the canonical model (`Hub`), or native to native (`Direct`).
 *
 * @since 0.1.0
 * @category models
 */
export type Mappings =
  | {
      readonly _tag: "Hub"
      readonly toCanonical: Mapping.CompiledMapping
      readonly fromCanonical: Mapping.CompiledMapping
    }
  | { readonly _tag: "Direct"; readonly direct: Mapping.CompiledMapping }

/**
 * A pipeline that passed every load-time check. Paths are absolute.
 *
 * @since 0.1.0
 * @category models
 */
export interface Loaded {
  readonly file: string
  readonly name: string
  readonly description?: string
  readonly source: Source
  readonly target: Target
  readonly mappings: Mappings
  readonly rejects: string
  readonly state: string
  readonly maxRejectRate: number | undefined
  readonly concurrency: number
  readonly batchSize: number
  /** Load-time warnings (of the pipeline and of its mappings). */
  readonly warnings: ReadonlyArray<SpecError.Diagnostic>
  /** Replaces every secret of the configs by `<redacted>`: the filter of every text leaving the runtime. */
  readonly scrub: (text: string) => string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface LoadOptions {
  readonly registry: ConnectorRegistry.ConnectorRegistry
  /** Default: the built-in transforms. */
  readonly transforms?: Transform.TransformRegistry
  /** Where `${env:NAME}` looks; default `process.env`. */
  readonly env?: { readonly [name: string]: string | undefined }
}

/**
 * Loads and checks a pipeline file. Fails with a `SpecError` listing every problem
 * (file:line:col), never with a defect; warnings are in the result's `warnings`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (
  file: string,
  options: LoadOptions
): Effect.Effect<Loaded, SpecError.SpecError, FileSystem.FileSystem> =>
  Effect.flatMap(read(file), (text) =>
    typeof text !== "string"
      ? Effect.fail(text)
      : Effect.flatMap(analyze(text, file, options), ({ diagnostics, loaded }) =>
          loaded === undefined
            ? Effect.fail(new SpecError.SpecError({ diagnostics }))
            : Effect.succeed(loaded)
        )
  )

/**
 * Like {@link load}, for YAML text; `file` names it in diagnostics and is the base of its
 * relative paths.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadString = (
  text: string,
  file: string,
  options: LoadOptions
): Effect.Effect<Loaded, SpecError.SpecError, FileSystem.FileSystem> =>
  Effect.flatMap(analyze(text, file, options), ({ diagnostics, loaded }) =>
    loaded === undefined ? Effect.fail(new SpecError.SpecError({ diagnostics })) : Effect.succeed(loaded)
  )

/**
 * Every diagnostic of a pipeline file (its mappings' included), warnings too; empty when it is
 * clean. Never fails.
 *
 * @since 0.1.0
 * @category constructors
 */
export const check = (
  file: string,
  options: LoadOptions
): Effect.Effect<ReadonlyArray<SpecError.Diagnostic>, never, FileSystem.FileSystem> =>
  Effect.flatMap(read(file), (text) =>
    typeof text !== "string"
      ? Effect.succeed(text.diagnostics)
      : Effect.map(analyze(text, file, options), (a) => a.diagnostics)
  )

/**
 * Counts so far, for progress displays.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly read: number
  readonly mapped: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejected: number
  readonly retries: number
  readonly elapsedMs: number
}

/**
 * How a run ended: `completed` (the source was read to its end, or to `limit`), `stopped`
 * (the reject budget was exceeded: reading stopped, what was in flight was written).
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "completed" | "stopped"

/**
 * The outcome of a run. `read === mapped + rejected before writing`; `mapped === created +
 * updated + unchanged + rejected at write`. In a dry run, created / updated / unchanged are
 * what would have happened.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly pipeline: string
  readonly status: Status
  readonly dryRun: boolean
  readonly read: number
  readonly mapped: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejected: number
  /** Rejected records by the stage of their first error: `decode`, `map`, `validate`, `encode`, `write`. */
  readonly rejectedByStage: Readonly<Record<string, number>>
  /** Records kept with warnings. */
  readonly warnings: number
  /** Retries of connector operations (retryable `ConnectorError`s). */
  readonly retries: number
  /**
   * Canonical fields the target connector does not carry (`none` in its field declaration)
   * that records of this run filled, each listed once with how many records held a value.
   */
  readonly dropped: ReadonlyArray<Dropped>
  readonly durationMs: number
  readonly recordsPerSecond: number
  /** The reject file, when anything was written to it. */
  readonly rejectsFile: string | undefined
  /** Why the run stopped, for `stopped`. */
  readonly message?: string
}

/**
 * A canonical field the target does not carry, and how many records of the run filled it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dropped {
  readonly field: string
  readonly records: number
  /** One sentence for people, e.g. "shopify does not carry gender: 12 records had a value, not written". */
  readonly message: string
}

/**
 * A run that could not go on: a connector failed with a non-retryable error (or ran out of
 * retries), or the state store or reject file failed. `summary` holds the counts up to then.
 *
 * @since 0.1.0
 * @category errors
 */
export class PipelineError extends Data.TaggedError("PipelineError")<{
  /** One sentence, naming the connector and the reason; never holds a secret. */
  readonly message: string
  readonly connector?: string
  readonly reason?: string
  readonly summary: Summary
}> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /**
   * Write nothing to the target and change no state; report what would be created / updated.
   * Reject lines go to `<rejects>.dry-run.ndjson` beside the reject file, which stays as it is.
   */
  readonly dryRun?: boolean | undefined
  /** Stop after this many source records. */
  readonly limit?: number | undefined
  /** Called with the counts at most once per `progressInterval`, and once at the end. */
  readonly onProgress?: ((progress: Progress) => void) | undefined
  /** Default 100 millis. */
  readonly progressInterval?: number | undefined
  /**
   * Native source records to run instead of reading the source (`mapwright replay`): no
   * checkpoint is read or stored.
   */
  readonly records?: Stream.Stream<unknown, unknown> | undefined
  /** The reject file (created or truncated); default the pipeline's `rejects`. */
  readonly rejects?: string | undefined
}

/**
 * Runs a loaded pipeline.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  loaded: Loaded,
  options: RunOptions = {}
): Effect.Effect<
  Summary,
  PipelineError,
  HttpClient.HttpClient | StateStore.StateStore | FileSystem.FileSystem
> => runPipeline(loaded, options)

/**
 * {@link run} as a Promise, for orchestrators that do not use Effect: `services` provides the
 * HTTP client, the state store and the file system (e.g. `FetchHttpClient.layer`,
 * `StateStore.layerSqlite(path)`, `NodeFileSystem.layer`). Rejects with the `PipelineError`.
 *
 * @since 0.1.0
 * @category running
 */
export const runPromise = <E>(
  loaded: Loaded,
  services: Layer.Layer<HttpClient.HttpClient | StateStore.StateStore | FileSystem.FileSystem, E>,
  options: RunOptions = {}
): Promise<Summary> => Effect.runPromise(Effect.provide(run(loaded, options), services))
