/**
 * Writes against the emulator over loopback HTTP: one result per record, in order; a record
 * Foodics refuses (422, 404) is `Rejected` with the issues its answer names, and the others go
 * on; delete and restore; failures of the whole call fail the write.
 */
import { assert, describe, expect, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as FoodicsEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"
import type { Row } from "./support.ts"

const withClient = <A, E>(
  options: FoodicsEmulator.Options,
  f: (
    ops: Connector.StreamClient,
    running: FoodicsEmulator.Running
  ) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>,
  token?: string
) =>
  Effect.gen(function* () {
    const running = yield* FoodicsEmulator.serve(options)
    const client = yield* connector.client({ ...running.config, ...(token === undefined ? {} : { token }) })
    return yield* f(client.streams.customers!, running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const noura = {
  name: "Noura Saleh",
  dial_code: 966,
  phone: "501234567",
  email: "noura@example.com",
  gender: 2
}

const posts = (running: FoodicsEmulator.Running) => running.stats.count({ method: "POST" })

describe("create", () => {
  it.live("creates a customer and answers its id; what Foodics sets itself is not sent", () =>
    withClient({ customers: 1 }, (ops, running) =>
      Effect.gen(function* () {
        const results = yield* ops.create!([
          { ...noura, id: "mine", house_account_balance: 300, order_count: 9 }
        ])
        assert(results.length === 1 && results[0]?._tag === "Created")
        expect(results[0].id).not.toBe("mine")
        const found = (yield* ops.get!(results[0].id)) as Row
        expect(found).toMatchObject({ ...noura, id: results[0].id, house_account_balance: 0, order_count: 0 })
        expect(posts(running)).toBe(1)
      })
    )
  )

  it.live("rejects the records Foodics refuses, with their fields, and creates the others", () =>
    withClient({ customers: 1 }, (ops) =>
      Effect.gen(function* () {
        const results = yield* ops.create!([
          noura,
          { ...noura, phone: "501234568", email: "not an email" },
          { name: "No Phone" },
          { ...noura, phone: "501234569", tags: [{ id: " " }] },
          { ...noura, phone: "501234570", email: "second@example.com" }
        ])
        expect(results.map((r) => r._tag)).toEqual(["Created", "Rejected", "Rejected", "Rejected", "Created"])
        const issues = results.map((r) =>
          r._tag === "Rejected" ? r.issues.map((i) => [i.stage, i.path, i.code]) : []
        )
        expect(issues).toEqual([
          [],
          [["write", "email", "InvalidEmail"]],
          [
            ["write", "dial_code", "Required"],
            ["write", "phone", "Required"]
          ],
          [["write", "tags.0.id", "Required"]],
          []
        ])
        const rejected = results[1]
        assert(rejected?._tag === "Rejected")
        expect(rejected.issues[0]!.message).toBe(
          "Foodics refused the record: The email must be a valid email address."
        )
        expect(yield* ops.count!({})).toBe(3)
      })
    )
  )

  it.live("rejects what is not an object without sending it", () =>
    withClient({ customers: 1 }, (ops, running) =>
      Effect.gen(function* () {
        const results = yield* ops.create!(["Noura", null])
        expect(results.map((r) => (r._tag === "Rejected" ? r.issues.map((i) => i.code) : r._tag))).toEqual([
          ["NotAnObject"],
          ["NotAnObject"]
        ])
        expect(posts(running)).toBe(0)
      })
    )
  )

  it.live("does not retry a create that failed with a 5xx: it may have been made", () =>
    withClient({ customers: 1 }, (ops, running) =>
      Effect.gen(function* () {
        running.faults.failNext(1, { kind: "error", status: 502 })
        const e = yield* Effect.flip(ops.create!([noura]))
        expect([e.reason, e.status, e.retryable]).toEqual(["Unknown", 502, false])
        expect(posts(running)).toBe(1)
      })
    )
  )

  it.live("fails the write when the token lacks the scope (403)", () =>
    withClient(
      { customers: 1 },
      (ops) =>
        Effect.gen(function* () {
          const e = yield* Effect.flip(ops.create!([noura]))
          expect([e.reason, e.status, e.retryable]).toEqual(["Authorization", 403, false])
          expect(e.message).toContain("This action is unauthorized.")
        }),
      FoodicsEmulator.credentials.limitedToken
    )
  )
})

describe("update", () => {
  it.live("updates by id; an unknown id or a refused value is that record's Rejected", () =>
    withClient({ customers: 2 }, (ops) =>
      Effect.gen(function* () {
        const [first, second] = (yield* Stream.runCollect(ops.list!({}))).map(
          (i) => (i.record as Row).id as string
        )
        const results = yield* ops.update!([
          { id: first!, record: { name: "Renamed Customer", is_blacklisted: true } },
          { id: "no-such-customer", record: { name: "X" } },
          { id: second!, record: { birth_date: "1990-13-01" } },
          { id: "", record: {} }
        ])
        expect(
          results.map((r) =>
            r._tag === "Rejected"
              ? r.issues.map((i) => `${i.path}:${i.code}`)
              : `${r._tag}:${"id" in r ? r.id : ""}`
          )
        ).toEqual([`Updated:${first}`, ["id:NotFound"], ["birth_date:InvalidDate"], ["id:NotFound"]])
        expect(yield* ops.get!(first!)).toMatchObject({ name: "Renamed Customer", is_blacklisted: true })
      })
    )
  )
})

describe("delete and restore", () => {
  it.live("deletes softly, restores, and rejects what is not there", () =>
    withClient({ customers: 3 }, (ops) =>
      Effect.gen(function* () {
        const [id] = (yield* Stream.runCollect(ops.list!({}))).map((i) => (i.record as Row).id as string)
        expect(yield* ops.delete!([id!, "no-such-customer"])).toEqual([
          { _tag: "Deleted", id },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "id",
                code: "NotFound",
                message: "Foodics refused the record: No query results for model [App\\Models\\Customer]."
              }
            ]
          }
        ])
        expect(yield* ops.count!({})).toBe(2)
        expect(((yield* ops.get!(id!)) as Row).deleted_at).not.toBeNull()
        const again = yield* ops.delete!([id!])
        expect(again[0]?._tag).toBe("Rejected")
        expect(yield* ops.restore!([id!])).toEqual([{ _tag: "Updated", id }])
        expect(yield* ops.count!({})).toBe(3)
        expect(((yield* ops.get!(id!)) as Row).deleted_at).toBeNull()
        const unknown = yield* ops.restore!(["no-such-customer"])
        expect(unknown[0]?._tag === "Rejected" ? unknown[0].issues.map((i) => i.code) : []).toEqual([
          "NotFound"
        ])
      })
    )
  )
})
