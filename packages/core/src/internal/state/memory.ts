/**
 * The state store in memory (tests), and the overlay that keeps a dry run's writes in memory
 * over a store it only reads.
 *
 * @internal
 */
import { Clock, Effect } from "effect"
import type { Intent, Run, RunStatus, Service, Xref, XrefKey } from "../../StateStore.ts"
import { finishedRun, fromJsonText, intentKey, toJsonText, unknownRun, xrefKey } from "./common.ts"

interface RunRow {
  readonly id: string
  readonly pipeline: string
  status: RunStatus
  readonly startedAt: number
  finishedAt: number | undefined
  readonly info: string | undefined
  summary: string | undefined
}

const toRun = (row: RunRow): Run => ({
  id: row.id,
  pipeline: row.pipeline,
  status: row.status,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  info: fromJsonText(row.info),
  summary: fromJsonText(row.summary)
})

/** @internal */
export const make: Effect.Effect<Service> = Effect.sync(() => {
  const checkpoints = new Map<string, string>()
  const xrefs = new Map<string, Xref>()
  const intents = new Map<string, Intent & { readonly pipeline: string }>()
  const runs: Array<RunRow> = []

  const checkpointKey = (pipeline: string, stream: string) => JSON.stringify([pipeline, stream])
  const dropIntents = (pipeline: string, keys: ReadonlyArray<XrefKey>) => {
    for (const key of keys) intents.delete(intentKey(pipeline, key))
  }

  const service: Service = {
    getCheckpoint: (pipeline, stream) => Effect.sync(() => checkpoints.get(checkpointKey(pipeline, stream))),
    setCheckpoint: (pipeline, stream, value) =>
      Effect.sync(() => {
        checkpoints.set(checkpointKey(pipeline, stream), value)
      }),
    lookup: (sourceSystem, targetSystem, sourceIds) =>
      Effect.sync(() => {
        const found = new Map<string, Xref>()
        for (const sourceId of sourceIds) {
          const xref = xrefs.get(xrefKey({ sourceSystem, sourceId, targetSystem }))
          if (xref !== undefined) found.set(sourceId, xref)
        }
        return found
      }),
    record: (pipeline, entries) =>
      Effect.sync(() => {
        for (const e of entries) {
          xrefs.set(xrefKey(e), {
            targetSystem: e.targetSystem,
            targetId: e.targetId,
            hash: e.hash,
            pipeline
          })
        }
      }),
    begin: (pipeline, input) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.sync(() => {
          for (const i of input) {
            intents.set(intentKey(pipeline, i), {
              pipeline,
              sourceSystem: i.sourceSystem,
              sourceId: i.sourceId,
              targetSystem: i.targetSystem,
              hash: i.hash,
              match: i.match === undefined ? undefined : { ...i.match },
              createdAt: now
            })
          }
        })
      ),
    pending: (pipeline) =>
      Effect.sync(() =>
        Array.from(intents.values())
          .filter((i) => i.pipeline === pipeline)
          .map(
            (i): Intent => ({
              sourceSystem: i.sourceSystem,
              sourceId: i.sourceId,
              targetSystem: i.targetSystem,
              hash: i.hash,
              match: i.match,
              createdAt: i.createdAt
            })
          )
      ),
    commit: (pipeline, entries, options) =>
      Effect.sync(() => {
        for (const e of entries) {
          xrefs.set(xrefKey(e), {
            targetSystem: e.targetSystem,
            targetId: e.targetId,
            hash: e.hash,
            pipeline
          })
        }
        dropIntents(pipeline, entries)
        dropIntents(pipeline, options?.release ?? [])
        if (options?.checkpoint !== undefined) {
          checkpoints.set(checkpointKey(pipeline, options.checkpoint.stream), options.checkpoint.value)
        }
      }),
    release: (pipeline, keys) => Effect.sync(() => dropIntents(pipeline, keys)),
    startRun: (pipeline, info) =>
      Effect.gen(function* () {
        const text = yield* toJsonText("startRun", "info", info)
        const now = yield* Clock.currentTimeMillis
        const id = crypto.randomUUID()
        runs.push({
          id,
          pipeline,
          status: "running",
          startedAt: now,
          finishedAt: undefined,
          info: text,
          summary: undefined
        })
        return id
      }),
    finishRun: (runId, summary, status) =>
      Effect.gen(function* () {
        const text = yield* toJsonText("finishRun", "summary", summary)
        const now = yield* Clock.currentTimeMillis
        const run = runs.find((r) => r.id === runId)
        if (run === undefined) return yield* unknownRun(runId)
        if (run.status !== "running") return yield* finishedRun(runId, run.status)
        run.status = status
        run.finishedAt = now
        run.summary = text
      }),
    runs: (pipeline, limit) =>
      Effect.sync(() =>
        runs
          .filter((r) => r.pipeline === pipeline)
          .reverse()
          .slice(0, Math.max(0, limit))
          .map(toRun)
      )
  }
  return service
})

/**
 * A store that reads `base` and writes into `over`: what `over` holds wins, intents released
 * or committed in `over` hide those of `base`. `base` is only ever read.
 *
 * @internal
 */
export const overlay = (base: Service, over: Service): Service => {
  const hidden = new Set<string>()
  const hide = (pipeline: string, keys: ReadonlyArray<XrefKey>) => {
    for (const key of keys) hidden.add(intentKey(pipeline, key))
  }
  return {
    getCheckpoint: (pipeline, stream) =>
      Effect.flatMap(over.getCheckpoint(pipeline, stream), (value) =>
        value === undefined ? base.getCheckpoint(pipeline, stream) : Effect.succeed(value)
      ),
    setCheckpoint: over.setCheckpoint,
    lookup: (sourceSystem, targetSystem, sourceIds) =>
      Effect.map(
        Effect.all([
          base.lookup(sourceSystem, targetSystem, sourceIds),
          over.lookup(sourceSystem, targetSystem, sourceIds)
        ]),
        ([below, above]) => new Map([...below, ...above])
      ),
    record: over.record,
    begin: over.begin,
    pending: (pipeline) =>
      Effect.map(Effect.all([base.pending(pipeline), over.pending(pipeline)]), ([below, above]) => {
        const mine = new Set(above.map((i) => intentKey(pipeline, i)))
        const kept = below.filter((i) => {
          const key = intentKey(pipeline, i)
          return !hidden.has(key) && !mine.has(key)
        })
        return [...kept, ...above]
      }),
    commit: (pipeline, entries, options) =>
      Effect.tap(over.commit(pipeline, entries, options), () =>
        Effect.sync(() => {
          hide(pipeline, entries)
          hide(pipeline, options?.release ?? [])
        })
      ),
    release: (pipeline, keys) =>
      Effect.tap(over.release(pipeline, keys), () => Effect.sync(() => hide(pipeline, keys))),
    startRun: over.startRun,
    finishRun: over.finishRun,
    runs: (pipeline, limit) =>
      Effect.map(Effect.all([over.runs(pipeline, limit), base.runs(pipeline, limit)]), ([above, below]) =>
        [...above, ...below].slice(0, Math.max(0, limit))
      )
  }
}
