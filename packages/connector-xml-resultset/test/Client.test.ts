/**
 * The client against the emulator over loopback HTTP: upserts, updates, reads, paging.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector, ConnectorError } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as XmlEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const clientOf = (running: XmlEmulator.Running, extra: Readonly<Record<string, unknown>> = {}) =>
  connector.client({ ...running.config, ...extra }).pipe(Effect.orDie)

const customers = (client: Connector.Client) => client.streams.customers!
const groups = (client: Connector.Client) => client.streams.customerGroups!

const readAll = (list: Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError>) =>
  Stream.runCollect(list)

const live = <A, E>(effect: Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>) =>
  effect.pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const record = (value: unknown): Readonly<Record<string, unknown>> => {
  assert.isTrue(typeof value === "object" && value !== null)
  return value as Readonly<Record<string, unknown>>
}

const peter = {
  username: "peter@parker.nz",
  password: "PETERFOO123",
  email: "peter@parker.nz",
  b_fname: "Peter",
  b_lname: "Parker",
  UserCustomerGroup: [
    { username: "peter@parker.nz", group_code: "dealer" },
    { username: "peter@parker.nz", group_code: "vip" }
  ]
}

describe("create: an upsert keyed on username", () => {
  it.live("POSTing the same username twice leaves one customer: Created, then Updated, then Unchanged", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 3 })
        const c = customers(yield* clientOf(running))
        assert.deepStrictEqual(yield* c.create!([peter]), [{ _tag: "Created", id: "peter@parker.nz" }])
        assert.deepStrictEqual(yield* c.create!([{ ...peter, b_fname: "Paul" }]), [
          { _tag: "Updated", id: "peter@parker.nz" }
        ])
        assert.deepStrictEqual(yield* c.create!([{ ...peter, b_fname: "Paul" }]), [
          { _tag: "Unchanged", id: "peter@parker.nz" }
        ])
        assert.strictEqual(yield* c.count!({}), 4)
        assert.strictEqual(running.customerCount(), 4)
        const stored = record(yield* c.get!("peter@parker.nz"))
        assert.strictEqual(stored.b_fname, "Paul")
        assert.strictEqual(stored.b_lname, "Parker")
      })
    )
  )

  it.live(
    "hashes the password on store: a GET gives a hash, and sending the plain one again changes nothing",
    () =>
      live(
        Effect.gen(function* () {
          const running = yield* XmlEmulator.serve({ customers: 0 })
          const c = customers(yield* clientOf(running))
          yield* c.create!([peter])
          const stored = record(yield* c.get!("peter@parker.nz"))
          assert.match(String(stored.password), /^\$sha256\$[0-9a-f]{16}\$[0-9a-f]{64}$/)
          assert.deepStrictEqual(
            yield* c.create!([{ username: "peter@parker.nz", password: "PETERFOO123" }]),
            [{ _tag: "Unchanged", id: "peter@parker.nz" }]
          )
          assert.deepStrictEqual(
            yield* c.create!([{ username: "peter@parker.nz", password: String(stored.password) }]),
            [{ _tag: "Unchanged", id: "peter@parker.nz" }]
          )
          assert.deepStrictEqual(yield* c.create!([{ username: "peter@parker.nz", password: "NEWPASS" }]), [
            { _tag: "Updated", id: "peter@parker.nz" }
          ])
          assert.notStrictEqual(record(yield* c.get!("peter@parker.nz")).password, stored.password)
        })
      )
  )

  it.live("stores the groups sent through the join, and gives them back in the seed's shape", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const c = customers(yield* clientOf(running))
        yield* c.create!([peter])
        const stored = record(yield* c.get!("peter@parker.nz"))
        assert.deepStrictEqual(
          (stored.UserCustomerGroup as ReadonlyArray<Record<string, string>>).map((g) => [
            g.username,
            g.group_code,
            g.subscribed
          ]),
          [
            ["peter@parker.nz", "dealer", "1"],
            ["peter@parker.nz", "vip", "1"]
          ]
        )
      })
    )
  )

  it.live("sends several customers per POST, in batches of batchSize, one result per record in order", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const c = customers(yield* clientOf(running, { batchSize: 2 }))
        const results = yield* c.create!([
          { username: "a", email: "a@example.com" },
          { email: "nokey@example.com" },
          { username: "b", discount: "twenty" },
          { username: "c", UserCustomerGroup: [{ group_code: "no-such-group" }] },
          { username: "d", b_fname: "bell\u0007" },
          { username: "e" }
        ])
        assert.deepStrictEqual(results, [
          { _tag: "Created", id: "a" },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "username",
                code: "Required",
                message: "the record has no username, the key the API upserts on"
              }
            ]
          },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "discount",
                code: "InvalidField",
                message:
                  'the API refused the record: discount must be a whole percent from 0 to 100, not "twenty"'
              }
            ]
          },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "UserCustomerGroup.0.group_code",
                code: "InvalidField",
                message: "the API refused the record: there is no UserGroup with code no-such-group"
              }
            ]
          },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "",
                code: "InvalidValue",
                message:
                  "the record cannot be written as XML: the value at Customer[0].b_fname holds the character U+0007, which XML 1.0 does not allow"
              }
            ]
          },
          { _tag: "Created", id: "e" }
        ])
        // a, b, c, e were sent: two POSTs of two
        assert.strictEqual(running.stats.count({ method: "POST" }), 2)
        assert.strictEqual(running.customerCount(), 2)
      })
    )
  )
})

describe("update: PUT with the key and the fields to change", () => {
  it.live("changes only the fields given, and a missing customer is Rejected NotFound", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const c = customers(yield* clientOf(running))
        yield* c.create!([peter])
        const results = yield* c.update!([
          { id: "peter@parker.nz", record: { b_fname: "Paul" } },
          { id: "nobody@example.com", record: { b_fname: "Nobody" } },
          { id: "peter@parker.nz", record: { b_fname: "Paul" } }
        ])
        assert.deepStrictEqual(results, [
          { _tag: "Updated", id: "peter@parker.nz" },
          {
            _tag: "Rejected",
            issues: [
              {
                severity: "error",
                stage: "write",
                path: "username",
                code: "NotFound",
                message: 'there is no customer "nobody@example.com" to update'
              }
            ]
          },
          { _tag: "Unchanged", id: "peter@parker.nz" }
        ])
        const stored = record(yield* c.get!("peter@parker.nz"))
        assert.strictEqual(stored.b_fname, "Paul")
        assert.strictEqual(stored.b_lname, "Parker")
        assert.strictEqual((stored.UserCustomerGroup as ReadonlyArray<unknown>).length, 2)
        assert.deepStrictEqual(
          running.stats.requests.filter((r) => r.method === "PUT").map((r) => r.path),
          [
            "/API/V3/Customer/peter%40parker.nz",
            "/API/V3/Customer/nobody%40example.com",
            "/API/V3/Customer/peter%40parker.nz"
          ]
        )
      })
    )
  )

  it.live("never renames: the username in the path wins; groups given replace the memberships", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const c = customers(yield* clientOf(running))
        yield* c.create!([peter])
        const before = record(yield* c.get!("peter@parker.nz")).UserCustomerGroup as ReadonlyArray<
          Record<string, string>
        >
        const results = yield* c.update!([
          {
            id: "peter@parker.nz",
            record: {
              username: "someone-else",
              UserCustomerGroup: [{ username: "someone-else", group_code: "vip" }, { group_code: "retail" }]
            }
          }
        ])
        assert.deepStrictEqual(results, [{ _tag: "Updated", id: "peter@parker.nz" }])
        assert.strictEqual(yield* c.get!("someone-else"), undefined)
        const after = record(yield* c.get!("peter@parker.nz")).UserCustomerGroup as ReadonlyArray<
          Record<string, string>
        >
        assert.deepStrictEqual(
          after.map((g) => [g.group_code, g.username]),
          [
            ["vip", "peter@parker.nz"],
            ["retail", "peter@parker.nz"]
          ]
        )
        // vip kept its membership code; retail is new
        assert.strictEqual(after[0]!.code, before.find((g) => g.group_code === "vip")!.code)
        assert.strictEqual(
          running.stats.requests.find((r) => r.method === "PUT")?.path,
          "/API/V3/Customer+UserCustomerGroups/peter%40parker.nz"
        )
      })
    )
  )
})

describe("reads", () => {
  it.live("lists every customer once over pages, with the page to resume from as checkpoint", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 23, seed: 7 })
        const c = customers(yield* clientOf(running))
        const items = yield* readAll(c.list!({ pageSize: 10 }))
        assert.strictEqual(items.length, 23)
        assert.strictEqual(new Set(items.map((i) => record(i.record).username)).size, 23)
        assert.deepStrictEqual(
          running.stats.requests.map((r) => r.search),
          ["?page=1&limit=10", "?page=2&limit=10", "?page=3&limit=10"]
        )
        const resumed = yield* readAll(c.list!({ pageSize: 10, since: "3" }))
        assert.deepStrictEqual(
          resumed.map((i) => record(i.record).username),
          items.slice(20).map((i) => record(i.record).username)
        )
      })
    )
  )

  it.live("without totals on the pages, stops at the first short page", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 20, totals: false })
        const c = customers(yield* clientOf(running))
        assert.strictEqual((yield* readAll(c.list!({ pageSize: 10 }))).length, 20)
        // pages 1 and 2 are full; page 3 is empty and ends the read
        assert.strictEqual(running.stats.total, 3)
        const error = yield* Effect.flip(c.count!({}))
        assert.strictEqual(error.reason, "InvalidResponse")
      })
    )
  )

  it.live("refuses a checkpoint that is not a page number", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 2 })
        const c = customers(yield* clientOf(running))
        const error = yield* Effect.flip(readAll(c.list!({ since: "abc" })))
        assert.strictEqual(error.message, 'the checkpoint "abc" is not a page number')
      })
    )
  )

  it.live("with joinUserGroups, each membership carries its UserGroup", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const c = customers(yield* clientOf(running))
        yield* c.create!([peter])
        const [item] = yield* readAll(c.list!({ options: { joinUserGroups: true } }))
        const memberships = record(item?.record).UserCustomerGroup as ReadonlyArray<Record<string, unknown>>
        assert.deepStrictEqual(
          memberships.map((m) =>
            (m.UserGroup as ReadonlyArray<Record<string, string>>).map((g) => [
              g.code,
              g.title,
              g.parent_code
            ])
          ),
          [[["dealer", "Dealers", "wholesale"]], [["vip", "VIP", ""]]]
        )
        assert.strictEqual(
          running.stats.requests[1]?.path,
          "/API/V3/Customer+(UserCustomerGroups+UserGroups)"
        )
      })
    )
  )

  it.live("finds by username through get, and by email ignoring case through a filtered list", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 5 })
        const c = customers(yield* clientOf(running))
        yield* c.create!([peter])
        const byId = yield* c.find!({ id: "peter@parker.nz" })
        const byEmail = yield* c.find!({ email: "Peter@Parker.NZ" })
        assert.deepStrictEqual(
          byId.map((r) => record(r).username),
          ["peter@parker.nz"]
        )
        assert.deepStrictEqual(
          byEmail.map((r) => record(r).username),
          ["peter@parker.nz"]
        )
        assert.deepStrictEqual(yield* c.find!({ email: "nobody@example.com" }), [])
        assert.deepStrictEqual(yield* c.find!({ username: "nobody" }), [])
        assert.strictEqual(yield* c.get!("nobody"), undefined)
      })
    )
  )
})

describe("customer groups", () => {
  it.live("lists, counts, gets and upserts UserGroups on code", () =>
    live(
      Effect.gen(function* () {
        const running = yield* XmlEmulator.serve({ customers: 0 })
        const g = groups(yield* clientOf(running))
        assert.strictEqual(yield* g.count!({}), 5)
        const results = yield* g.create!([
          { code: "jedis", title: "Jedis" },
          { code: "storm-troopers", title: "Storm Troopers" },
          { code: "vip", title: "Very Important" },
          { code: "retail", title: "Retail" },
          { title: "no code" },
          { code: "sith", subscribable: "maybe" }
        ])
        assert.deepStrictEqual(
          results.map((r) =>
            r._tag === "Rejected" ? [r._tag, r.issues.map((i) => `${i.path} ${i.code}`)] : [r._tag, r.id]
          ),
          [
            ["Created", "jedis"],
            ["Created", "storm-troopers"],
            ["Updated", "vip"],
            ["Unchanged", "retail"],
            ["Rejected", ["code Required"]],
            ["Rejected", ["subscribable InvalidField"]]
          ]
        )
        assert.strictEqual(running.stats.count({ method: "POST" }), 1)
        const all = yield* readAll(g.list!({ pageSize: 3 }))
        assert.deepStrictEqual(
          all.map((i) => record(i.record).code),
          ["retail", "wholesale", "vip", "dealer", "newsletter", "jedis", "storm-troopers"]
        )
        assert.deepStrictEqual(yield* g.get!("jedis"), {
          code: "jedis",
          title: "Jedis",
          description: "",
          subscribable: "",
          subscribe_text: "",
          parent_code: ""
        })
      })
    )
  )
})

describe("auth and paging settings", () => {
  it.live(
    "sends the key in the configured header, bare when the scheme is empty, with the configured paging names",
    () =>
      live(
        Effect.gen(function* () {
          const running = yield* XmlEmulator.serve({
            customers: 5,
            apiKey: "k-123",
            authHeader: "X-Api-Key",
            authScheme: "",
            pageParam: "p",
            limitParam: "per"
          })
          assert.deepStrictEqual(running.config, {
            baseUrl: running.url,
            apiKey: "k-123",
            authHeader: "X-Api-Key",
            authScheme: "",
            pageParam: "p",
            limitParam: "per"
          })
          const c = customers(yield* clientOf(running))
          assert.strictEqual((yield* readAll(c.list!({ pageSize: 2 }))).length, 5)
          assert.strictEqual(running.stats.requests[0]?.search, "?p=1&per=2")
          const wrong = yield* connector.client({ baseUrl: running.url, apiKey: "k-123" }).pipe(Effect.orDie)
          assert.strictEqual((yield* Effect.flip(wrong.check)).reason, "Authentication")
        })
      )
  )
})
