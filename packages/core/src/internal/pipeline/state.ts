/**
 * What the runtime needs of the `StateStore`, for one pipeline run: the checkpoint of the
 * source stream, the cross-reference between the source and target systems, write-ahead
 * intents for creates, and the run log. Every failure of the store becomes the runtime's error
 * through `onError`.
 *
 * The store has no way to forget a checkpoint; an empty string is stored instead, and read
 * back as "none".
 *
 * @internal
 */
import { Effect } from "effect"
import type * as Pipeline from "../../Pipeline.ts"
import type { PipelineError } from "../../Pipeline.ts"
import * as StateStore from "../../StateStore.ts"

/** A cross-reference entry of a source key. */
export interface Xref {
  readonly targetId: string
  readonly hash: string
}

/** A cross-reference entry to record. */
export interface XrefWrite {
  readonly key: string
  readonly targetId: string
  readonly hash: string
}

/** An intent to create, recorded before the create is sent. */
export interface Intent {
  readonly key: string
  readonly match: Readonly<Record<string, string>> | undefined
  readonly hash: string
}

export interface State {
  readonly checkpoint: Effect.Effect<string | undefined, PipelineError>
  readonly setCheckpoint: (checkpoint: string) => Effect.Effect<void, PipelineError>
  readonly clearCheckpoint: Effect.Effect<void, PipelineError>
  readonly lookup: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, Xref>, PipelineError>
  readonly record: (entries: ReadonlyArray<XrefWrite>) => Effect.Effect<void, PipelineError>
  readonly begin: (intents: ReadonlyArray<Intent>) => Effect.Effect<void, PipelineError>
  readonly pending: Effect.Effect<ReadonlyArray<Intent>, PipelineError>
  /** Records the entries and clears their intents; drops the intents of `release` (one transaction). */
  readonly commit: (
    entries: ReadonlyArray<XrefWrite>,
    release: ReadonlyArray<string>
  ) => Effect.Effect<void, PipelineError>
  readonly startRun: (info: unknown) => Effect.Effect<string, PipelineError>
  readonly finishRun: (
    id: string,
    summary: Pipeline.Summary,
    status: "succeeded" | "failed" | "stopped"
  ) => Effect.Effect<void, PipelineError>
  readonly hash: (record: unknown) => string
}

/** The state of one run of `loaded`, over the `StateStore` service. */
export const make = (
  loaded: Pipeline.Loaded,
  onError: (error: unknown) => PipelineError
): Effect.Effect<State, never, StateStore.StateStore> =>
  Effect.map(StateStore.StateStore, (store): State => {
    const pipeline = loaded.name
    const stream = loaded.source.streamName
    const sourceSystem = loaded.source.system
    const targetSystem = loaded.target.system
    const lift = <A>(effect: Effect.Effect<A, StateStore.StateError>) => Effect.mapError(effect, onError)
    const entry = (e: XrefWrite): StateStore.XrefEntry => ({
      sourceSystem,
      sourceId: e.key,
      targetSystem,
      targetId: e.targetId,
      hash: e.hash
    })
    const keyOf = (sourceId: string): StateStore.XrefKey => ({ sourceSystem, sourceId, targetSystem })
    return {
      checkpoint: lift(
        Effect.map(store.getCheckpoint(pipeline, stream), (c) =>
          c === undefined || c === "" ? undefined : c
        )
      ),
      setCheckpoint: (c) => lift(store.setCheckpoint(pipeline, stream, c)),
      clearCheckpoint: lift(
        Effect.flatMap(store.getCheckpoint(pipeline, stream), (c) =>
          c === undefined || c === "" ? Effect.void : store.setCheckpoint(pipeline, stream, "")
        )
      ),
      lookup: (keys) =>
        keys.length === 0
          ? Effect.succeed(new Map())
          : lift(
              Effect.map(store.lookup(sourceSystem, targetSystem, keys), (found) => {
                const out = new Map<string, Xref>()
                for (const [k, v] of found) out.set(k, { targetId: v.targetId, hash: v.hash })
                return out
              })
            ),
      record: (entries) =>
        entries.length === 0 ? Effect.void : lift(store.record(pipeline, entries.map(entry))),
      begin: (intents) =>
        intents.length === 0
          ? Effect.void
          : lift(
              store.begin(
                pipeline,
                intents.map((i) => ({ ...keyOf(i.key), hash: i.hash, match: i.match }))
              )
            ),
      pending: lift(
        Effect.map(store.pending(pipeline), (intents) =>
          intents
            .filter((i) => i.sourceSystem === sourceSystem && i.targetSystem === targetSystem)
            .map((i) => ({ key: i.sourceId, match: i.match, hash: i.hash }))
        )
      ),
      commit: (entries, release) =>
        entries.length === 0 && release.length === 0
          ? Effect.void
          : lift(store.commit(pipeline, entries.map(entry), { release: release.map(keyOf) })),
      startRun: (info) => lift(store.startRun(pipeline, info)),
      finishRun: (id, summary, status) => lift(store.finishRun(id, summary, status)),
      hash: StateStore.contentHash
    }
  })
