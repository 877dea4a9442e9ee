/**
 * The pipeline runtime: read → decode → map → validate → map → encode → write in batches,
 * upserting through the cross-reference and the match keys, with the reject sink, the reject
 * budget, retries counted, progress at a bounded rate, checkpoints that advance only past
 * records whose outcome is final, and write-ahead intents so that a run killed between a
 * create and its cross-reference record never creates the record twice.
 *
 * Memory: the source is pulled as a stream; at most `concurrency` batches (plus the one being
 * filled) are held; nothing collects the stream.
 *
 * @internal
 */
import { basename, dirname, join } from "node:path"
import { Clock, Deferred, Effect, FileSystem, Semaphore, Stream } from "effect"
import type { HttpClient } from "effect/http"
import * as Connector from "../../Connector.ts"
import { ConnectorError } from "../../ConnectorError.ts"
import * as FieldSupport from "../../FieldSupport.ts"
import type * as Pipeline from "../../Pipeline.ts"
import { PipelineError } from "../../Pipeline.ts"
import type { RecordIssue } from "../../RecordIssue.ts"
import * as Redact from "../../Redact.ts"
import * as Retry from "../../Retry.ts"
import type * as StateStore from "../../StateStore.ts"
import * as Validator from "../../Validator.ts"
import { keptLine, rejectedLine, stageOf } from "./rejects.ts"
import * as State from "./state.ts"

interface Counters {
  read: number
  mapped: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  retries: number
  readonly rejectedByStage: Record<string, number>
}

/** A record that passed every stage up to writing. */
interface Ready {
  readonly _tag: "Ready"
  readonly key: string
  /** The native source record, as read (for the reject line). */
  readonly original: unknown
  /** The native target record. */
  readonly record: unknown
  /** The match values, when every match key has one. */
  readonly match: Readonly<Record<string, string>> | undefined
  readonly hash: string
  readonly checkpoint: string | undefined
}

type Item =
  | Ready
  | { readonly _tag: "Done"; readonly checkpoint: string | undefined }
  | { readonly _tag: "Halt" }

const BUDGET_MIN_READ = 100

const issue = (stage: RecordIssue["stage"], code: string, message: string, path = ""): RecordIssue => ({
  severity: "error",
  stage,
  path,
  code,
  message
})

const describe = (error: unknown): string => {
  const message =
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
      ? (error as { message: string }).message
      : String(error)
  const first = message.split("\n")[0] ?? message
  return first.length > 300 ? `${first.slice(0, 300)}…` : first
}

/** `out/rejects.ndjson` → `out/rejects.dry-run.ndjson`: where a dry run writes its reject lines. */
export const dryRunFile = (rejects: string): string => {
  const base = basename(rejects)
  const dot = base.lastIndexOf(".")
  const stem = dot > 0 ? base.slice(0, dot) : base
  const ext = dot > 0 ? base.slice(dot) : ""
  return join(dirname(rejects), `${stem}.dry-run${ext}`)
}

/** Runs a loaded pipeline. */
export const runPipeline = (
  loaded: Pipeline.Loaded,
  options: Pipeline.RunOptions
): Effect.Effect<
  Pipeline.Summary,
  PipelineError,
  HttpClient.HttpClient | StateStore.StateStore | FileSystem.FileSystem
> =>
  Effect.scoped(
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const clock = yield* Clock.Clock
      const dryRun = options.dryRun === true
      const replay = options.records !== undefined
      const scrub = loaded.scrub
      const { source, target } = loaded
      const started = clock.currentTimeMillisUnsafe()
      const counters: Counters = {
        read: 0,
        mapped: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        warnings: 0,
        retries: 0,
        rejectedByStage: {}
      }
      let stopMessage: string | undefined
      // canonical fields the target declares `none`, by how many records filled them
      const droppedCounts = new Map<string, number>()
      const droppedOf =
        target.stream.fields === undefined ? undefined : FieldSupport.dropper(target.stream.fields)
      let rejectsWritten = false
      // A dry run leaves the pipeline's reject file alone (it may be waiting for a replay).
      const rejectsPath = options.rejects ?? (dryRun ? dryRunFile(loaded.rejects) : loaded.rejects)

      const summary = (): Pipeline.Summary => {
        const durationMs = Math.max(0, clock.currentTimeMillisUnsafe() - started)
        return {
          pipeline: loaded.name,
          status: stopMessage === undefined ? "completed" : "stopped",
          dryRun,
          read: counters.read,
          mapped: counters.mapped,
          created: counters.created,
          updated: counters.updated,
          unchanged: counters.unchanged,
          rejected: counters.rejected,
          rejectedByStage: { ...counters.rejectedByStage },
          warnings: counters.warnings,
          retries: counters.retries,
          // in the canonical order of the fields
          dropped: FieldSupport.customerFields.flatMap((field) => {
            const records = droppedCounts.get(field)
            if (records === undefined) return []
            const message = `${target.connector.name} does not carry ${field}: ${records} record${records === 1 ? "" : "s"} had a value, not written`
            return [{ field, records, message }]
          }),
          durationMs,
          recordsPerSecond: durationMs > 0 ? Math.round((counters.read * 1000) / durationMs) : 0,
          rejectsFile: rejectsWritten ? rejectsPath : undefined,
          ...(stopMessage === undefined ? {} : { message: stopMessage })
        }
      }

      const failWith = (message: string, extra: { connector?: string; reason?: string } = {}) =>
        new PipelineError({ message: scrub(message), ...extra, summary: summary() })

      const fromConnector = (error: unknown): PipelineError => {
        if (error instanceof ConnectorError) {
          return failWith(
            `${error.connector} failed (${error.reason}${error.status === undefined ? "" : `, HTTP ${error.status}`}): ${error.message}${error.retryable ? " (after retries)" : ""}`,
            { connector: error.connector, reason: error.reason }
          )
        }
        if (
          typeof error === "object" &&
          error !== null &&
          (error as { _tag?: unknown })._tag === "ConfigError"
        ) {
          return failWith(describe(error), { reason: "Config" })
        }
        return failWith(`a connector failed: ${describe(error)}`)
      }

      // ---- state -----------------------------------------------------------------------------
      const state = yield* State.make(loaded, (error) =>
        failWith(`the state store failed: ${describe(error)}`)
      )

      // ---- rejects ---------------------------------------------------------------------------
      const encoder = new TextEncoder()
      const rejectsFile = yield* fs.makeDirectory(dirname(rejectsPath), { recursive: true }).pipe(
        Effect.andThen(fs.open(rejectsPath, { flag: "w" })),
        Effect.mapError((e) => failWith(`cannot write the reject file: ${describe(e)}`))
      )
      const writeLock = yield* Semaphore.make(1)
      let buffer = ""
      const flushRejects = Effect.suspend(() => {
        if (buffer === "") return Effect.void
        const text = buffer
        buffer = ""
        rejectsWritten = true
        return writeLock.withPermits(1)(
          rejectsFile
            .writeAll(encoder.encode(scrub(text)))
            .pipe(Effect.mapError((e) => failWith(`cannot write the reject file: ${describe(e)}`)))
        )
      })
      const redactSource = Redact.forSchema(source.stream.record)

      // ---- progress --------------------------------------------------------------------------
      const interval = options.progressInterval ?? 100
      let lastProgress = Number.NEGATIVE_INFINITY
      const progress = (force: boolean): void => {
        const onProgress = options.onProgress
        if (onProgress === undefined) return
        const now = clock.currentTimeMillisUnsafe()
        if (!force && now - lastProgress < interval) return
        lastProgress = now
        onProgress({
          read: counters.read,
          mapped: counters.mapped,
          created: counters.created,
          updated: counters.updated,
          unchanged: counters.unchanged,
          rejected: counters.rejected,
          retries: counters.retries,
          elapsedMs: now - started
        })
      }

      // ---- rejecting -------------------------------------------------------------------------
      const checkBudget = (): void => {
        const rate = loaded.maxRejectRate
        if (rate === undefined || stopMessage !== undefined || counters.read < BUDGET_MIN_READ) return
        if (counters.rejected / counters.read > rate) {
          stopMessage = `stopped: ${counters.rejected} of ${counters.read} records were rejected (${(
            (100 * counters.rejected) / counters.read
          ).toFixed(1)}%), more than maxRejectRate ${rate} (${(100 * rate).toFixed(1)}%)`
        }
      }
      const reject = (
        original: unknown,
        key: string | undefined,
        issues: ReadonlyArray<RecordIssue>,
        fallbackStage: string
      ): void => {
        const stage = stageOf(issues, fallbackStage)
        counters.rejected++
        counters.rejectedByStage[stage] = (counters.rejectedByStage[stage] ?? 0) + 1
        buffer += rejectedLine({
          pipeline: loaded.name,
          stream: source.streamName,
          stage,
          key,
          issues,
          record: redactSource(original)
        })
        checkBudget()
      }

      // ---- per record: decode → map → validate → map → encode --------------------------------
      const validateSource = Validator.compile(source.stream.record)
      const validateTarget = Validator.compile(target.stream.record)
      const relabel = (issues: ReadonlyArray<RecordIssue>, stage: RecordIssue["stage"]) =>
        issues.map((i) => ({ ...i, stage }))

      const prepare = (record: unknown, checkpoint: string | undefined): Item => {
        if (stopMessage !== undefined) return { _tag: "Halt" }
        counters.read++
        const done: Item = { _tag: "Done", checkpoint }
        const isObject = typeof record === "object" && record !== null && !Array.isArray(record)
        const key = isObject ? Connector.keyOf(source.stream, record) : undefined
        const decodeIssues: Array<RecordIssue> = isObject
          ? relabel(validateSource(record), "decode")
          : [issue("decode", "NotAnObject", "the source record is not a JSON object")]
        if (isObject && key === undefined) {
          decodeIssues.push(
            issue(
              "decode",
              "MissingKey",
              `the record has no key (${source.stream.key.join(", ")})`,
              source.stream.key.join(",")
            )
          )
        }
        if (decodeIssues.some((i) => i.severity === "error")) {
          reject(record, key, decodeIssues, "decode")
          return done
        }
        const kept: Array<RecordIssue> = [...decodeIssues]
        let out: unknown
        let canonical: unknown
        if (loaded.mappings._tag === "Hub") {
          const first = loaded.mappings.toCanonical(record)
          kept.push(...first.issues)
          if (first.value === undefined) {
            reject(record, key, kept, "map")
            return done
          }
          canonical = first.value
          if (droppedOf !== undefined) {
            for (const field of droppedOf(canonical)) {
              droppedCounts.set(field, (droppedCounts.get(field) ?? 0) + 1)
            }
          }
          const second = loaded.mappings.fromCanonical(first.value)
          kept.push(...second.issues)
          if (second.value === undefined) {
            reject(record, key, kept, "map")
            return done
          }
          out = second.value
        } else {
          const only = loaded.mappings.direct(record)
          kept.push(...only.issues)
          if (only.value === undefined) {
            reject(record, key, kept, "map")
            return done
          }
          out = only.value
        }
        const encodeIssues = relabel(validateTarget(out), "encode")
        if (encodeIssues.length > 0) {
          reject(record, key, [...kept, ...encodeIssues], "encode")
          return done
        }
        let match: Record<string, string> | undefined
        if (target.match.length > 0) {
          const from = loaded.mappings._tag === "Hub" ? canonical : out
          match = {}
          for (const path of target.match) {
            const v = Connector.valueAt(from, path)
            if (v === undefined || v === null || v === "" || typeof v === "object") {
              match = undefined
              break
            }
            match[path] = String(v)
          }
        }
        counters.mapped++
        if (kept.length > 0) {
          counters.warnings++
          buffer += keptLine({ pipeline: loaded.name, stream: source.streamName, key, issues: kept })
        }
        return {
          _tag: "Ready",
          key: key!,
          original: record,
          record: out,
          match,
          hash: state.hash(out),
          checkpoint
        }
      }

      // ---- clients ---------------------------------------------------------------------------
      const countRetries = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        Effect.provideService(effect, Retry.Observer, () =>
          Effect.sync(() => {
            counters.retries++
          })
        )
      const sourceClient = yield* countRetries(source.connector.client(source.config)).pipe(
        Effect.mapError(fromConnector)
      )
      const targetClient = yield* countRetries(target.connector.client(target.config)).pipe(
        Effect.mapError(fromConnector)
      )
      const sourceOps = sourceClient.streams[source.streamName]
      const targetOps = targetClient.streams[target.streamName]
      if (sourceOps?.list === undefined) {
        return yield* failWith(
          `${source.connector.name}: the client has no \`list\` for the stream ${source.streamName}`
        )
      }
      if (targetOps === undefined) {
        return yield* failWith(`${target.connector.name}: the client has no stream ${target.streamName}`)
      }
      const ops = {
        find: targetOps.find,
        create: targetOps.create,
        update: targetOps.update
      }
      const lacking = [
        ...(target.mode !== "update" && ops.create === undefined ? ["create"] : []),
        ...(target.mode !== "create" && ops.update === undefined ? ["update"] : [])
      ]
      if (lacking.length > 0) {
        return yield* failWith(
          `${target.connector.name}: the client of ${target.streamName} has no ${lacking.map((c) => `\`${c}\``).join(" or ")}, though the stream declares it`
        )
      }
      const canFind = target.match.length > 0 && ops.find !== undefined
      const idOf = (found: unknown): string | undefined => Connector.keyOf(target.stream, found)
      // Connectors retry their own retryable failures (through `Retry`, as `Http` does); the
      // engine counts those retries and fails on what reaches it.
      const call = <A>(effect: Effect.Effect<A, ConnectorError>): Effect.Effect<A, PipelineError> =>
        countRetries(effect).pipe(Effect.mapError(fromConnector))

      // ---- reconcile intents of a run that was killed ----------------------------------------
      // A create whose intent is still pending may or may not have reached the target: find it
      // by its match values; found, its cross-reference is recorded; not found, it never
      // happened and the record is created again when it is read.
      if (!dryRun) {
        const pending = yield* state.pending
        if (pending.length > 0) {
          const unmatched = pending.filter((i) => !canFind || i.match === undefined)
          if (unmatched.length > 0) {
            return yield* failWith(
              `${unmatched.length} record${unmatched.length === 1 ? "" : "s"} (e.g. source key ${JSON.stringify(unmatched[0]!.key)}) may have been created in ${target.connector.name}/${target.streamName} by a run that was killed, and cannot be looked up there without match keys; check the target, then give the pipeline \`match\` keys (its target stream needs \`find\`) so they can be reconciled`,
              { reason: "PendingIntents" }
            )
          }
          const found: Array<State.XrefWrite> = []
          const release: Array<string> = []
          yield* Effect.forEach(
            pending,
            (intent) =>
              Effect.map(call(ops.find!(intent.match!)), (records) => {
                const id = records.length === 1 ? idOf(records[0]) : undefined
                if (id !== undefined) found.push({ key: intent.key, targetId: id, hash: intent.hash })
                else release.push(intent.key)
              }),
            { concurrency: loaded.concurrency, discard: true }
          )
          yield* state.commit(found, release)
        }
      }

      const runId = dryRun
        ? undefined
        : yield* state.startRun({
            source: source.system,
            target: target.system,
            mode: target.mode,
            replay,
            limit: options.limit ?? null
          })

      // ---- writing ---------------------------------------------------------------------------
      const inflight = new Map<string, Deferred.Deferred<void>>()
      const namesOf = (r: Ready): ReadonlyArray<string> =>
        r.match === undefined ? [`k:${r.key}`] : [`k:${r.key}`, `m:${JSON.stringify(r.match)}`]

      /** Splits a batch into rounds in which no key (or match) appears twice. */
      const roundsOf = (ready: ReadonlyArray<Ready>): ReadonlyArray<ReadonlyArray<Ready>> => {
        const rounds: Array<{ items: Array<Ready>; names: Set<string> }> = []
        for (const r of ready) {
          const names = namesOf(r)
          let round = rounds.find((x) => names.every((n) => !x.names.has(n)))
          if (round === undefined) {
            round = { items: [], names: new Set() }
            rounds.push(round)
          }
          round.items.push(r)
          for (const n of names) round.names.add(n)
        }
        return rounds.map((r) => r.items)
      }

      /** Runs `body` once no other batch in flight holds one of the same keys or match values. */
      const exclusive = <A, E>(ready: ReadonlyArray<Ready>, body: Effect.Effect<A, E>) =>
        Effect.gen(function* () {
          const mine = yield* Deferred.make<void>()
          const names = new Set(ready.flatMap(namesOf))
          const waits = new Set<Deferred.Deferred<void>>()
          for (const n of names) {
            const other = inflight.get(n)
            if (other !== undefined) waits.add(other)
            inflight.set(n, mine)
          }
          yield* Effect.forEach(waits, (d) => Deferred.await(d), { discard: true })
          return yield* body.pipe(
            Effect.ensuring(
              Effect.suspend(() => {
                for (const n of names) if (inflight.get(n) === mine) inflight.delete(n)
                return Deferred.succeed(mine, undefined)
              })
            )
          )
        })

      const writeIssues = (issues: ReadonlyArray<RecordIssue>): ReadonlyArray<RecordIssue> =>
        issues.length === 0
          ? [issue("write", "Rejected", `${target.connector.name} rejected the record without a reason`)]
          : relabel(issues, "write")

      const invalidCount = (what: string, got: number, expected: number) =>
        failWith(
          `${target.connector.name} answered ${what} of ${expected} records with ${got} results: the connector breaks its contract`,
          { connector: target.connector.name, reason: "InvalidResponse" }
        )

      const round = (ready: ReadonlyArray<Ready>) =>
        Effect.gen(function* () {
          const xref = yield* state.lookup(ready.map((r) => r.key))
          const creates: Array<Ready> = []
          const updates: Array<{ readonly item: Ready; readonly id: string }> = []
          const toFind: Array<Ready> = []
          const xrefs: Array<State.XrefWrite> = []
          for (const r of ready) {
            const known = xref.get(r.key)
            if (known !== undefined) {
              if (known.hash === r.hash || target.mode === "create") counters.unchanged++
              else updates.push({ item: r, id: known.targetId })
            } else if (canFind && r.match !== undefined) toFind.push(r)
            else if (target.mode === "update") reject(r.original, r.key, [notInTarget(r)], "write")
            else creates.push(r)
          }
          const found = yield* Effect.forEach(
            toFind,
            (r) => Effect.map(call(ops.find!(r.match!)), (records) => [r, records] as const),
            { concurrency: loaded.concurrency }
          )
          for (const [r, records] of found) {
            if (records.length === 0) {
              if (target.mode === "update") reject(r.original, r.key, [notInTarget(r)], "write")
              else creates.push(r)
              continue
            }
            const id = records.length === 1 ? idOf(records[0]) : undefined
            if (id === undefined) {
              reject(
                r.original,
                r.key,
                [
                  issue(
                    "write",
                    records.length > 1 ? "AmbiguousMatch" : "InvalidResponse",
                    records.length > 1
                      ? `${records.length} records of ${target.connector.name}/${target.streamName} match ${matchText(r)}`
                      : `the ${target.connector.name} record that matches ${matchText(r)} has no key`
                  )
                ],
                "write"
              )
              continue
            }
            if (target.mode === "create") {
              counters.unchanged++
              xrefs.push({ key: r.key, targetId: id, hash: r.hash })
            } else updates.push({ item: r, id })
          }
          if (dryRun) {
            counters.created += creates.length
            counters.updated += updates.length
            return
          }
          if (creates.length > 0) {
            yield* state.begin(creates.map((r) => ({ key: r.key, match: r.match, hash: r.hash })))
            const results = yield* call(ops.create!(creates.map((r) => r.record)))
            const release: Array<string> = []
            if (results.length !== creates.length)
              return yield* invalidCount("a create", results.length, creates.length)
            results.forEach((result, i) => {
              const r = creates[i]!
              switch (result._tag) {
                case "Created":
                case "Updated":
                case "Unchanged":
                  if (result._tag === "Created") counters.created++
                  else if (result._tag === "Updated") counters.updated++
                  else counters.unchanged++
                  xrefs.push({ key: r.key, targetId: result.id, hash: r.hash })
                  return
                case "Rejected":
                  release.push(r.key)
                  reject(r.original, r.key, writeIssues(result.issues), "write")
                  return
                case "Deleted":
                  release.push(r.key)
                  reject(
                    r.original,
                    r.key,
                    [
                      issue(
                        "write",
                        "InvalidResponse",
                        `${target.connector.name} answered a create with Deleted`
                      )
                    ],
                    "write"
                  )
              }
            })
            yield* state.commit(xrefs.splice(0), release)
          }
          if (updates.length > 0) {
            const results = yield* call(
              ops.update!(updates.map(({ id, item }) => ({ id, record: item.record })))
            )
            if (results.length !== updates.length)
              return yield* invalidCount("an update", results.length, updates.length)
            results.forEach((result, i) => {
              const { id, item } = updates[i]!
              switch (result._tag) {
                case "Created":
                case "Updated":
                case "Unchanged":
                  if (result._tag === "Unchanged") counters.unchanged++
                  else if (result._tag === "Created") counters.created++
                  else counters.updated++
                  xrefs.push({ key: item.key, targetId: result.id === "" ? id : result.id, hash: item.hash })
                  return
                case "Rejected":
                  reject(item.original, item.key, writeIssues(result.issues), "write")
                  return
                case "Deleted":
                  reject(
                    item.original,
                    item.key,
                    [
                      issue(
                        "write",
                        "InvalidResponse",
                        `${target.connector.name} answered an update with Deleted`
                      )
                    ],
                    "write"
                  )
              }
            })
          }
          yield* state.record(xrefs)
        })

      const matchText = (r: Ready): string =>
        Object.entries(r.match ?? {})
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(", ")
      const notInTarget = (r: Ready): RecordIssue =>
        issue(
          "write",
          "NotInTarget",
          r.match === undefined
            ? `mode update: the record is not in ${target.connector.name}/${target.streamName} (no cross-reference${target.match.length > 0 ? " and no match values" : ""})`
            : `mode update: no record of ${target.connector.name}/${target.streamName} matches ${matchText(r)}`
        )

      const batch = (items: ReadonlyArray<Item>) =>
        Effect.gen(function* () {
          const ready = items.filter((i): i is Ready => i._tag === "Ready")
          if (ready.length > 0) {
            yield* exclusive(ready, Effect.forEach(roundsOf(ready), round, { discard: true }))
          }
          yield* flushRejects
          let checkpoint: string | undefined
          for (const i of items)
            if (i._tag !== "Halt" && i.checkpoint !== undefined) checkpoint = i.checkpoint
          return checkpoint
        })

      // ---- the stream ------------------------------------------------------------------------
      const stored = dryRun || replay ? undefined : yield* state.checkpoint
      const input: Stream.Stream<Connector.ReadItem, PipelineError> =
        options.records !== undefined
          ? Stream.map(
              Stream.mapError(options.records, (e) =>
                e instanceof PipelineError ? e : failWith(`cannot read the records: ${describe(e)}`)
              ),
              (record): Connector.ReadItem => ({ record })
            )
          : Stream.mapError(
              sourceClient.streams[source.streamName]!.list!({
                ...(stored === undefined ? {} : { since: stored }),
                ...(source.options === undefined ? {} : { options: source.options })
              }),
              fromConnector
            )
      let pulled = 0
      const limited =
        options.limit === undefined
          ? input
          : Stream.take(
              Stream.tap(input, () =>
                Effect.sync(() => {
                  pulled++
                })
              ),
              options.limit
            )
      let exhausted = false
      yield* countRetries(
        limited.pipe(
          Stream.map((item) => {
            const out = prepare(item.record, item.checkpoint)
            progress(false)
            return out
          }),
          Stream.takeWhile((item) => item._tag !== "Halt"),
          Stream.groupedWithin(loaded.batchSize, "1 second"),
          Stream.mapEffect(batch, { concurrency: loaded.concurrency }),
          Stream.runForEach((checkpoint) =>
            Effect.gen(function* () {
              if (checkpoint !== undefined && !dryRun && !replay) yield* state.setCheckpoint(checkpoint)
              checkBudget()
              progress(false)
            })
          ),
          Effect.andThen(
            Effect.sync(() => {
              exhausted = stopMessage === undefined && (options.limit === undefined || pulled < options.limit)
            })
          ),
          Effect.ensuring(Effect.ignore(flushRejects))
        )
      ).pipe(
        // a failure or an interruption (Ctrl-C) ends the run in the log too
        Effect.onError(() =>
          runId === undefined ? Effect.void : Effect.ignore(state.finishRun(runId, summary(), "failed"))
        )
      )
      if (exhausted && source.stream.cursor === undefined && !dryRun && !replay) yield* state.clearCheckpoint
      const result = summary()
      if (runId !== undefined)
        yield* state.finishRun(runId, result, result.status === "completed" ? "succeeded" : "stopped")
      progress(true)
      return result
    })
  )
