/** Contracts of reads: pagination, incremental resume, malformed records, interruption. */
import { Connector, RecordIssue, Validator } from "@mapwright/core"
import { Effect, Fiber, Stream } from "effect"
import type { Options } from "../../ContractSuite.ts"
import * as Internal from "../contract.ts"
import { Failure } from "../contract.ts"
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_RECORDS,
  fail,
  provide,
  setup,
  streamDef,
  streamOptions
} from "./common.ts"

export const pagination = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `pagination reads every record exactly once over several pages (${stream})`
  const so = streamOptions(options, stream)
  const records = so.records ?? DEFAULT_RECORDS
  const pageSize = so.pageSize ?? DEFAULT_PAGE_SIZE
  return provide(
    options,
    Effect.gen(function* () {
      const def = yield* streamDef(options, contract, stream)
      if (records <= pageSize * 2) {
        return yield* fail(contract, `records (${records}) must span at least three pages of ${pageSize}`)
      }
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, records))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const ops = yield* Internal.streamClient(contract, client, stream)
      const list = yield* Internal.op(contract, stream, ops, "list")
      const items = yield* Internal.readAll(contract, list, { pageSize, options: so.listOptions })
      const keys = items.map((i) => Connector.keyOf(def, i.record))
      const noKey = keys.filter((k) => k === undefined).length
      if (noKey > 0) return yield* fail(contract, `${noKey} record(s) have no key at ${def.key.join(", ")}`)
      const seen = new Map<string, number>()
      for (const k of keys) seen.set(k as string, (seen.get(k as string) ?? 0) + 1)
      const twice = [...seen].filter(([, n]) => n > 1).map(([k]) => k)
      if (twice.length > 0) {
        return yield* fail(
          contract,
          `records read more than once: ${twice.slice(0, 10).join(", ")} (does a page get fetched twice, or do pages overlap?)`
        )
      }
      if (items.length !== records) {
        return yield* fail(
          contract,
          `read ${items.length} records, the emulator holds ${records} (does the read stop early or run past the last page?)`
        )
      }
      const requested = new Map<string, number>()
      for (const r of running.stats.requests) {
        const k = `${r.method} ${r.path}${r.search}${r.bodyDigest === "" ? "" : ` (body ${r.bodyDigest})`}`
        requested.set(k, (requested.get(k) ?? 0) + 1)
      }
      const repeated = [...requested].filter(([, n]) => n > 1).map(([k]) => k)
      if (repeated.length > 0)
        return yield* fail(contract, `requested more than once: ${repeated.join("; ")}`)
      const pages = Math.ceil(records / pageSize)
      if (running.stats.total < pages) {
        return yield* fail(
          contract,
          `${running.stats.total} request(s) for ${records} records at ${pageSize} a page; expected at least ${pages} (is pageSize passed to the API?)`
        )
      }
      if (Connector.supports(def, "count")) {
        const count = yield* Internal.op(contract, stream, ops, "count")
        const n = yield* Internal.wrap(contract, "count")(count({ options: so.listOptions }))
        if (n !== records) return yield* fail(contract, `count returned ${n}, the emulator holds ${records}`)
      }
    })
  )
}

export const incrementalResume = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `incremental resume yields no duplicates (${stream})`
  const so = streamOptions(options, stream)
  const records = so.records ?? DEFAULT_RECORDS
  const pageSize = so.pageSize ?? DEFAULT_PAGE_SIZE
  return provide(
    options,
    Effect.gen(function* () {
      const def = yield* streamDef(options, contract, stream)
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, records))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const list = yield* Internal.op(
        contract,
        stream,
        yield* Internal.streamClient(contract, client, stream),
        "list"
      )
      const all = yield* Internal.readAll(contract, list, { pageSize, options: so.listOptions })
      const without = all.filter((i) => i.checkpoint === undefined).length
      if (without > 0) {
        return yield* fail(
          contract,
          `${without} of ${all.length} items carry no checkpoint; a stream with a cursor gives every item one`
        )
      }
      const keys = all.map((i) => Connector.keyOf(def, i.record) ?? "")
      const middle = Math.floor(all.length / 2) - 1
      const resumed = yield* Internal.readAll(contract, list, {
        pageSize,
        since: all[middle]?.checkpoint,
        options: so.listOptions
      })
      const resumedKeys = resumed.map((i) => Connector.keyOf(def, i.record) ?? "")
      const before = new Set(keys.slice(0, middle + 1))
      const again = resumedKeys.filter((k) => before.has(k))
      if (again.length > 0) {
        return yield* fail(
          contract,
          `resuming after record ${middle + 1} of ${all.length} read again: ${again.slice(0, 10).join(", ")}`
        )
      }
      const after = keys.slice(middle + 1)
      const got = new Set(resumedKeys)
      const lost = after.filter((k) => !got.has(k))
      if (lost.length > 0)
        return yield* fail(
          contract,
          `resuming after record ${middle + 1} lost: ${lost.slice(0, 10).join(", ")}`
        )
      if (resumedKeys.length !== got.size)
        return yield* fail(contract, "the resumed read yields a record twice")
      const tail = yield* Internal.readAll(contract, list, {
        pageSize,
        since: all[all.length - 1]?.checkpoint,
        options: so.listOptions
      })
      if (tail.length > 0) {
        return yield* fail(
          contract,
          `resuming from the last checkpoint read ${tail.length} record(s) again; it must read none`
        )
      }
    })
  )
}

export const malformedRecord = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `a malformed record becomes a RecordIssue and the stream goes on (${stream})`
  const so = streamOptions(options, stream)
  const records = so.records ?? DEFAULT_RECORDS
  const index = so.malformed === false ? 3 : (so.malformed?.index ?? 3)
  return provide(
    options,
    Effect.gen(function* () {
      const def = yield* streamDef(options, contract, stream)
      if (index >= records - 1)
        return yield* fail(contract, `the malformed index ${index} must come before the last record`)
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, records, [index]))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const list = yield* Internal.op(
        contract,
        stream,
        yield* Internal.streamClient(contract, client, stream),
        "list"
      )
      const items = yield* Internal.readAll(contract, list, {
        pageSize: so.pageSize ?? DEFAULT_PAGE_SIZE,
        options: so.listOptions
      }).pipe(
        Effect.mapError(
          (f) =>
            new Failure({
              contract,
              message: `${f.message} — a record that does not fit the schema must not fail the read: yield it as read, the pipeline decodes it`
            })
        )
      )
      if (items.length !== records) {
        return yield* fail(
          contract,
          `read ${items.length} records, the emulator holds ${records} (one malformed): the stream must go on past it`
        )
      }
      const validate = Validator.compile(def.record)
      const bad = items
        .map((item, i) => ({ i, issues: validate(item.record) }))
        .filter((r) => RecordIssue.rejects(r.issues))
      if (bad.length !== 1) {
        return yield* fail(
          contract,
          bad.length === 0
            ? `no record fails the ${def.record.name} schema; the emulator's malformed record at index ${index} must break it (or the connector repairs records it should leave alone)`
            : `${bad.length} records fail the ${def.record.name} schema, expected only the malformed one: ${bad
                .slice(0, 3)
                .map((b) => `#${b.i}: ${b.issues.map(RecordIssue.format).join("; ")}`)
                .join(" | ")}`
        )
      }
      const issues = bad[0]?.issues ?? []
      if (issues.some((i) => i.code === "" || i.message === "")) {
        return yield* fail(contract, "every issue needs a code and a message")
      }
    })
  )
}

export const interruption = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `interruption runs finalizers (${stream})`
  const so = streamOptions(options, stream)
  const records = so.records ?? DEFAULT_RECORDS
  return provide(
    options,
    Effect.gen(function* () {
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, records))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const list = yield* Internal.op(
        contract,
        stream,
        yield* Internal.streamClient(contract, client, stream),
        "list"
      )
      running.faults.set({ latency: 20 })
      const taken = yield* Internal.wrap(
        contract,
        "the read"
      )(Stream.runCollect(list({ pageSize: 2, options: so.listOptions }).pipe(Stream.take(3))))
      if (taken.length !== 3) return yield* fail(contract, `take(3) gave ${taken.length} items`)
      const closed = yield* Internal.eventually(() => running.stats.inFlight === 0, 2_000)
      if (!closed) return yield* fail(contract, "after take(3) ended, a request was still open 2 s later")
      const sent = running.stats.total
      yield* Effect.sleep("100 millis")
      if (running.stats.total !== sent) {
        return yield* fail(
          contract,
          `after take(3) ended, ${running.stats.total - sent} more request(s) were sent: something reads ahead in the background`
        )
      }
      running.faults.set({ latency: 3_000 })
      const fiber = yield* Effect.forkChild(Stream.runDrain(list({ pageSize: 2, options: so.listOptions })))
      const started = yield* Internal.eventually(() => running.stats.inFlight > 0, 5_000)
      if (!started) return yield* fail(contract, "the read sent no request within 5 s")
      const interrupted = yield* Effect.timeoutOption(Fiber.interrupt(fiber), "2 seconds")
      if (interrupted._tag === "None") {
        return yield* fail(
          contract,
          "interrupting the read did not finish within 2 s: a finalizer hangs, or the request cannot be interrupted"
        )
      }
      const aborted = yield* Internal.eventually(() => running.stats.inFlight === 0, 2_000)
      if (!aborted) {
        return yield* fail(
          contract,
          "2 s after the read was interrupted its request was still open: the HTTP request must be aborted on interruption"
        )
      }
    })
  )
}
