/**
 * The behaviour every StateStore implementation shares, as a function each layer calls with a
 * harness. `open()` opens the same store again each time it is called (for SQLite the same
 * file, for memory the same instance), so a test can close the store and reopen it.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, type Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { type StateError, StateStore, type XrefEntry } from "../src/StateStore.ts"

export interface Harness {
  readonly open: () => Layer.Layer<StateStore, StateError>
}

/** Runs `body` with a store opened from `layer`, and closes it afterwards. */
export const using = <A, E>(
  layer: Layer.Layer<StateStore, StateError>,
  body: (store: StateStore["Service"]) => Effect.Effect<A, E>
): Effect.Effect<A, E | StateError> => Effect.provide(Effect.flatMap(StateStore, body), layer)

const src = "resultset:https://shop.example:customers"
const woo = "woocommerce:https://store.example:customers"
const other = "woocommerce:https://other.example:customers"

const entry = (sourceId: string, targetId: string, hash: string, targetSystem = woo): XrefEntry => ({
  sourceSystem: src,
  sourceId,
  targetSystem,
  targetId,
  hash
})

export const suite = (name: string, makeHarness: () => Harness): void => {
  describe(`StateStore (${name})`, () => {
    it.effect("checkpoints round-trip per pipeline and per stream", () =>
      Effect.gen(function* () {
        const h = makeHarness()
        yield* using(h.open(), (s) =>
          Effect.gen(function* () {
            assert.strictEqual(yield* s.getCheckpoint("p1", "customers"), undefined)
            yield* s.setCheckpoint("p1", "customers", "2024-01-01T00:00:00Z")
            yield* s.setCheckpoint("p1", "orders", "page:7")
            yield* s.setCheckpoint("p2", "customers", "42")
            yield* s.setCheckpoint("p1", "customers", "2024-02-01T00:00:00Z")
          })
        )
        const read = yield* using(h.open(), (s) =>
          Effect.all([
            s.getCheckpoint("p1", "customers"),
            s.getCheckpoint("p1", "orders"),
            s.getCheckpoint("p2", "customers"),
            s.getCheckpoint("p2", "orders")
          ])
        )
        assert.deepStrictEqual(read, ["2024-02-01T00:00:00Z", "page:7", "42", undefined])
      })
    )

    it.effect("looks up many ids at once: the found ones, not the missing ones", () =>
      Effect.gen(function* () {
        const h = makeHarness()
        const found = yield* using(h.open(), (s) =>
          Effect.gen(function* () {
            yield* s.record("p1", [entry("a", "101", "ha"), entry("b", "102", "hb"), entry("c", "103", "hc")])
            yield* s.record("p1", [entry("d", "901", "hd", other)])
            return yield* s.lookup(src, woo, ["a", "x", "c", "b", "d"])
          })
        )
        assert.deepStrictEqual(
          new Map(found),
          new Map([
            ["a", { targetSystem: woo, targetId: "101", hash: "ha", pipeline: "p1" }],
            ["b", { targetSystem: woo, targetId: "102", hash: "hb", pipeline: "p1" }],
            ["c", { targetSystem: woo, targetId: "103", hash: "hc", pipeline: "p1" }]
          ])
        )
        const none = yield* using(h.open(), (s) => s.lookup(src, woo, []))
        assert.strictEqual(none.size, 0)
        const inOther = yield* using(h.open(), (s) => s.lookup(src, other, ["a", "d"]))
        assert.deepStrictEqual([...inOther.keys()], ["d"])
      })
    )

    it.effect("an upsert replaces the hash and the target id, and keeps the last writer", () =>
      Effect.gen(function* () {
        const h = makeHarness()
        yield* using(h.open(), (s) => s.record("p1", [entry("a", "101", "h1"), entry("b", "102", "hb")]))
        yield* using(h.open(), (s) => s.record("p2", [entry("a", "555", "h2")]))
        const found = yield* using(h.open(), (s) => s.lookup(src, woo, ["a", "b"]))
        assert.deepStrictEqual(found.get("a"), {
          targetSystem: woo,
          targetId: "555",
          hash: "h2",
          pipeline: "p2"
        })
        assert.deepStrictEqual(found.get("b"), {
          targetSystem: woo,
          targetId: "102",
          hash: "hb",
          pipeline: "p1"
        })
      })
    )

    it.effect(
      "intents are pending until committed or released, survive a reopen, and belong to a pipeline",
      () =>
        Effect.gen(function* () {
          const h = makeHarness()
          yield* TestClock.adjust(1000)
          yield* using(h.open(), (s) =>
            s.begin("p1", [
              { sourceSystem: src, sourceId: "a", targetSystem: woo, hash: "ha", match: { email: "a@x.nz" } },
              { sourceSystem: src, sourceId: "b", targetSystem: woo, hash: "hb", match: { email: "b@x.nz" } },
              { sourceSystem: src, sourceId: "c", targetSystem: woo, hash: "hc" }
            ])
          )
          yield* TestClock.adjust(500)
          // begun again with another hash: still one intent, in its first place
          yield* using(h.open(), (s) =>
            s.begin("p1", [
              { sourceSystem: src, sourceId: "a", targetSystem: woo, hash: "ha2", match: { email: "a@x.nz" } }
            ])
          )
          const pending = yield* using(h.open(), (s) => s.pending("p1"))
          assert.deepStrictEqual(pending, [
            {
              sourceSystem: src,
              sourceId: "a",
              targetSystem: woo,
              hash: "ha2",
              match: { email: "a@x.nz" },
              createdAt: 1500
            },
            {
              sourceSystem: src,
              sourceId: "b",
              targetSystem: woo,
              hash: "hb",
              match: { email: "b@x.nz" },
              createdAt: 1000
            },
            {
              sourceSystem: src,
              sourceId: "c",
              targetSystem: woo,
              hash: "hc",
              match: undefined,
              createdAt: 1000
            }
          ])
          assert.deepStrictEqual(yield* using(h.open(), (s) => s.pending("p2")), [])
          // nothing is in the cross-reference before the commit
          assert.strictEqual((yield* using(h.open(), (s) => s.lookup(src, woo, ["a", "b", "c"]))).size, 0)
        })
    )

    it.effect(
      "commit writes the cross-reference and clears the intents, releases and checkpoints together",
      () =>
        Effect.gen(function* () {
          const h = makeHarness()
          yield* using(h.open(), (s) =>
            s.begin(
              "p1",
              ["a", "b", "c", "d"].map((id) => ({
                sourceSystem: src,
                sourceId: id,
                targetSystem: woo,
                hash: `h${id}`
              }))
            )
          )
          yield* using(h.open(), (s) =>
            s.commit("p1", [entry("a", "201", "ha"), entry("b", "202", "hb")], {
              release: [{ sourceSystem: src, sourceId: "c", targetSystem: woo }],
              checkpoint: { stream: "customers", value: "cursor-9" }
            })
          )
          const after = yield* using(h.open(), (s) =>
            Effect.all([
              s.pending("p1"),
              s.lookup(src, woo, ["a", "b", "c", "d"]),
              s.getCheckpoint("p1", "customers")
            ])
          )
          assert.deepStrictEqual(
            after[0].map((i) => i.sourceId),
            ["d"]
          )
          assert.deepStrictEqual([...after[1].entries()].map(([id, x]) => [id, x.targetId, x.hash]).sort(), [
            ["a", "201", "ha"],
            ["b", "202", "hb"]
          ])
          assert.strictEqual(after[2], "cursor-9")
          // another pipeline's commit of the same keys does not clear p1's intents
          yield* using(h.open(), (s) => s.commit("p2", [entry("d", "204", "hd")]))
          assert.deepStrictEqual(
            (yield* using(h.open(), (s) => s.pending("p1"))).map((i) => i.sourceId),
            ["d"]
          )
          yield* using(h.open(), (s) =>
            s.release("p1", [{ sourceSystem: src, sourceId: "d", targetSystem: woo }])
          )
          assert.deepStrictEqual(yield* using(h.open(), (s) => s.pending("p1")), [])
          // the cross-reference is shared: p1 sees the entry p2 wrote
          const d = yield* using(h.open(), (s) => s.lookup(src, woo, ["d"]))
          assert.deepStrictEqual(d.get("d"), {
            targetSystem: woo,
            targetId: "204",
            hash: "hd",
            pipeline: "p2"
          })
        })
    )

    it.effect("logs runs, newest first, per pipeline, with their info and summary", () =>
      Effect.gen(function* () {
        const h = makeHarness()
        yield* TestClock.adjust(10_000)
        const first = yield* using(h.open(), (s) => s.startRun("p1", { dryRun: false, limit: null }))
        yield* TestClock.adjust(2_000)
        yield* using(h.open(), (s) =>
          s.finishRun(first, { read: 3, created: 2, rejected: { map: 1 } }, "succeeded")
        )
        yield* TestClock.adjust(1_000)
        const second = yield* using(h.open(), (s) => s.startRun("p1"))
        const elsewhere = yield* using(h.open(), (s) => s.startRun("p2", { n: 1 }))
        assert.notStrictEqual(first, second)
        const runs = yield* using(h.open(), (s) => s.runs("p1", 10))
        assert.deepStrictEqual(runs, [
          {
            id: second,
            pipeline: "p1",
            status: "running",
            startedAt: 13_000,
            finishedAt: undefined,
            info: undefined,
            summary: undefined
          },
          {
            id: first,
            pipeline: "p1",
            status: "succeeded",
            startedAt: 10_000,
            finishedAt: 12_000,
            info: { dryRun: false, limit: null },
            summary: { read: 3, created: 2, rejected: { map: 1 } }
          }
        ])
        assert.deepStrictEqual(
          (yield* using(h.open(), (s) => s.runs("p1", 1))).map((r) => r.id),
          [second]
        )
        assert.deepStrictEqual(
          (yield* using(h.open(), (s) => s.runs("p2", 5))).map((r) => r.id),
          [elsewhere]
        )
        assert.deepStrictEqual(yield* using(h.open(), (s) => s.runs("p1", 0)), [])
        yield* using(h.open(), (s) => s.finishRun(second, { read: 0 }, "stopped"))
        assert.strictEqual((yield* using(h.open(), (s) => s.runs("p1", 1)))[0]?.status, "stopped")
      })
    )

    it.effect(
      "finishing an unknown or finished run, or logging a value that is not JSON, is a StateError",
      () =>
        Effect.gen(function* () {
          const h = makeHarness()
          const id = yield* using(h.open(), (s) => s.startRun("p1"))
          yield* using(h.open(), (s) => s.finishRun(id, {}, "failed"))
          const again = yield* Effect.result(using(h.open(), (s) => s.finishRun(id, {}, "succeeded")))
          assert.isTrue(Result.isFailure(again))
          if (Result.isFailure(again)) {
            assert.strictEqual(again.failure._tag, "StateError")
            assert.strictEqual(again.failure.message, `run ${id} has already finished (failed)`)
          }
          const unknown = yield* Effect.flip(using(h.open(), (s) => s.finishRun("nope", {}, "failed")))
          assert.strictEqual(unknown.message, "no run nope in the state store")
          const bad = yield* Effect.flip(using(h.open(), (s) => s.startRun("p1", { n: 10n })))
          assert.match(bad.message, /^the info of a run must be a JSON value: /)
          // the failed start logged nothing
          assert.strictEqual((yield* using(h.open(), (s) => s.runs("p1", 10))).length, 1)
        })
    )
  })
}
