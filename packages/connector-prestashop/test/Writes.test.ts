/**
 * Writes against the emulator: XML bodies from the blank schema, one result per record, PUT as
 * a whole record, addresses after their customer, PrestaShop's refusals (HTTP 400 or 500) as
 * record issues, and everything else as a failure of the write.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, type Scope } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const withClient = <A, E>(
  options: PrestaShopEmulator.Options,
  f: (
    client: Connector.Client,
    running: PrestaShopEmulator.Running
  ) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>,
  config: Record<string, unknown> = {}
) =>
  Effect.gen(function* () {
    const running = yield* PrestaShopEmulator.serve({ customers: 2, orders: 0, ...options })
    const client = yield* connector.client({ ...running.config, ...config })
    return yield* f(client, running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

type Json = Record<string, unknown>

const ana = {
  email: "ana.ngata@example.com",
  firstname: "Ana",
  lastname: "Ngata",
  birthday: "1990-04-23",
  active: "1",
  addresses: [
    {
      alias: "Billing",
      firstname: "Ana",
      lastname: "Ngata",
      address1: "1 Queen Street",
      city: "Auckland",
      postcode: "1010",
      country_iso_code: "NZ",
      phone: "+64211234567"
    }
  ]
}

const idOf = (result: Connector.WriteResult | undefined): string =>
  result !== undefined && "id" in result
    ? result.id
    : assert.fail(`expected an id, got ${JSON.stringify(result)}`)

const issuesOf = (result: Connector.WriteResult | undefined) =>
  result?._tag === "Rejected"
    ? result.issues.map((i) => [i.path, i.code])
    : assert.fail(`expected Rejected, got ${JSON.stringify(result)}`)

describe("create", () => {
  it.live("creates the customer, then its address, with a password it did not have", () =>
    withClient({}, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const [created] = yield* customers.create!([ana])
        assert.strictEqual(created?._tag, "Created")
        const read = (yield* customers.get!(idOf(created))) as Json
        assert.strictEqual(read.email, "ana.ngata@example.com")
        assert.strictEqual(read.birthday, "1990-04-23")
        assert.strictEqual(read.is_guest, "0")
        // PrestaShop stores a hash; the connector gave a password since the record had none
        assert.match(String(read.passwd), /^\$2y\$10\$/)
        // Customer::add puts a new customer in the Customer group
        assert.deepStrictEqual(read.associations, { groups: [{ id: "3" }] })
        const addresses = read.addresses as ReadonlyArray<Json>
        assert.strictEqual(addresses.length, 1)
        // NZ resolved to the shop's country id
        assert.strictEqual(addresses[0]?.id_country, "27")
        assert.strictEqual(addresses[0]?.country_iso_code, "NZ")
        assert.strictEqual(addresses[0]?.id_customer, idOf(created))
      })
    )
  )

  it.live("a guest is created as one: is_guest 1 and the Guest group", () =>
    withClient({}, (client) =>
      Effect.gen(function* () {
        const [created] = yield* client.streams.customers!.create!([
          { ...ana, email: "guest@example.com", is_guest: "1", addresses: [] }
        ])
        const read = (yield* client.streams.customers!.get!(idOf(created))) as Json
        assert.strictEqual(read.is_guest, "1")
        assert.strictEqual(read.id_default_group, "2")
      })
    )
  )

  it.live(
    "one result per record, in order: refused records are Rejected with the field PrestaShop names",
    () =>
      withClient({}, (client) =>
        Effect.gen(function* () {
          const results = yield* client.streams.customers!.create!([
            ana,
            { ...ana, email: "not an email", addresses: [] },
            { ...ana, addresses: [] },
            { ...ana, email: "r2d2@example.com", firstname: "R2D2", addresses: [] },
            "not a customer",
            { ...ana, email: "kim@example.com", lastname: "", addresses: [] }
          ])
          assert.deepStrictEqual(
            results.map((r) => r._tag),
            ["Created", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected"]
          )
          assert.deepStrictEqual(issuesOf(results[1]), [["email", "InvalidField"]])
          // the same email again: HTTP 500, codes 140 and 46
          assert.deepStrictEqual(issuesOf(results[2]), [["email", "AlreadyExists"]])
          // PrestaShop's names take no digits
          assert.deepStrictEqual(issuesOf(results[3]), [["firstname", "InvalidField"]])
          assert.deepStrictEqual(issuesOf(results[4]), [["", "NotAnObject"]])
          assert.deepStrictEqual(issuesOf(results[5]), [["lastname", "Required"]])
        })
      )
  )

  it.live("validation errors answered with HTTP 500 are record issues too", () =>
    withClient({ validationStatus: 500 }, (client, running) =>
      Effect.gen(function* () {
        const [result] = yield* client.streams.customers!.create!([{ ...ana, email: "bad@", addresses: [] }])
        assert.deepStrictEqual(issuesOf(result), [["email", "InvalidField"]])
        assert.strictEqual(running.stats.count({ method: "POST", status: 500 }), 1)
      })
    )
  )

  it.live("without generated passwords, PrestaShop refuses a customer without one", () =>
    withClient(
      {},
      (client) =>
        Effect.gen(function* () {
          const [result] = yield* client.streams.customers!.create!([{ ...ana, addresses: [] }])
          assert.deepStrictEqual(issuesOf(result), [["passwd", "Required"]])
          const [given] = yield* client.streams.customers!.create!([
            { ...ana, passwd: "a long secret", addresses: [] }
          ])
          assert.strictEqual(given?._tag, "Created")
        }),
      { generatePasswords: false }
    )
  )

  it.live(
    "an address PrestaShop refuses rejects the record, at that address, saying the customer was written",
    () =>
      withClient({}, (client) =>
        Effect.gen(function* () {
          const [result] = yield* client.streams.customers!.create!([
            {
              ...ana,
              addresses: [
                { ...ana.addresses[0], postcode: "10@10" },
                { ...ana.addresses[0], alias: "Elsewhere", country_iso_code: "XX" }
              ]
            }
          ])
          assert.deepStrictEqual(issuesOf(result), [
            ["addresses.0.postcode", "InvalidField"],
            ["addresses.1.country_iso_code", "InvalidCountry"]
          ])
          assert.include(
            result?._tag === "Rejected" ? result.issues[0]?.message : "",
            "the customer itself was written: id 3"
          )
        })
      )
  )

  it.live("a failure that is not a refusal fails the write", () =>
    withClient({}, (client, running) =>
      Effect.gen(function* () {
        // the first write reads the blank schema
        yield* client.streams.customers!.create!([{ ...ana, addresses: [] }])
        running.faults.failNext(1, { kind: "error", status: 502 })
        const error = yield* Effect.flip(
          client.streams.customers!.create!([{ ...ana, email: "two@example.com", addresses: [] }])
        )
        assert.strictEqual(error.status, 502)
        // a POST that may have been processed is never retried
        assert.isFalse(error.retryable)
        assert.strictEqual(running.stats.count({ method: "POST" }), 2)
      })
    )
  )
})

describe("update", () => {
  it.live("sends the whole record, so the fields the update leaves out keep their values", () =>
    withClient({}, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const id = idOf((yield* customers.create!([ana]))[0])
        const before = (yield* customers.get!(id)) as Json
        const [updated] = yield* customers.update!([{ id, record: { firstname: "Anahera" } }])
        assert.deepStrictEqual(updated, { _tag: "Updated", id })
        const after = (yield* customers.get!(id)) as Json
        assert.strictEqual(after.firstname, "Anahera")
        assert.strictEqual(after.birthday, "1990-04-23")
        assert.strictEqual(after.email, before.email)
        assert.strictEqual(after.passwd, before.passwd)
        assert.deepStrictEqual(after.associations, before.associations)
        assert.deepStrictEqual(after.addresses, before.addresses)
      })
    )
  )

  it.live(
    "the same record again is Unchanged and sends nothing; an address of the same alias is updated, not added",
    () =>
      withClient({}, (client, running) =>
        Effect.gen(function* () {
          const customers = client.streams.customers!
          const id = idOf((yield* customers.create!([ana]))[0])
          const puts = () => running.stats.count({ method: "PUT" }) + running.stats.count({ method: "POST" })
          const sent = puts()
          assert.deepStrictEqual(yield* customers.update!([{ id, record: ana }]), [{ _tag: "Unchanged", id }])
          assert.strictEqual(puts(), sent)
          const moved = { ...ana, addresses: [{ ...ana.addresses[0], city: "Wellington", postcode: "6011" }] }
          assert.deepStrictEqual(yield* customers.update!([{ id, record: moved }]), [{ _tag: "Updated", id }])
          const addresses = ((yield* customers.get!(id)) as Json).addresses as ReadonlyArray<Json>
          assert.deepStrictEqual(
            addresses.map((a) => [a.alias, a.city]),
            [["Billing", "Wellington"]]
          )
        })
      )
  )

  it.live("an unknown id is NotFound; a refused change is Rejected", () =>
    withClient({}, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const results = yield* customers.update!([
          { id: "999", record: { firstname: "Nobody" } },
          { id: "abc", record: { firstname: "Nobody" } },
          { id: "1", record: { email: "broken" } }
        ])
        assert.deepStrictEqual(issuesOf(results[0]), [["id", "NotFound"]])
        assert.deepStrictEqual(issuesOf(results[1]), [["id", "NotFound"]])
        assert.deepStrictEqual(issuesOf(results[2]), [["email", "InvalidField"]])
      })
    )
  )
})

describe("delete", () => {
  it.live("deletes, and an unknown id is NotFound", () =>
    withClient({}, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const results = yield* customers.delete!(["1", "999"])
        assert.deepStrictEqual(results[0], { _tag: "Deleted", id: "1" })
        assert.deepStrictEqual(issuesOf(results[1]), [["id", "NotFound"]])
        assert.isUndefined(yield* customers.get!("1"))
      })
    )
  )
})

describe("customer groups", () => {
  it.live("creates with the name in the configured language, updates it, refuses a name too long", () =>
    withClient(
      { languages: ["1", "2"] },
      (client) =>
        Effect.gen(function* () {
          const groups = client.streams.customerGroups!
          const results = yield* groups.create!([
            { name: [{ id: "", value: "Or" }], price_display_method: "0" },
            {
              name: [{ id: "", value: "Un nom de groupe beaucoup trop long pour PrestaShop" }],
              price_display_method: "0"
            }
          ])
          assert.strictEqual(results[0]?._tag, "Created")
          assert.deepStrictEqual(issuesOf(results[1]), [["name", "TooLong"]])
          const id = idOf(results[0])
          const created = (yield* groups.get!(id)) as Json
          // written in language 2; PrestaShop fills the shop's other languages with it
          assert.deepStrictEqual(created.name, [
            { id: "2", value: "Or" },
            { id: "1", value: "Or" }
          ])
          assert.deepStrictEqual(
            yield* groups.update!([{ id, record: { name: [{ id: "1", value: "Gold" }] } }]),
            [{ _tag: "Updated", id }]
          )
          assert.deepStrictEqual(((yield* groups.get!(id)) as Json).name, [
            { id: "2", value: "Or" },
            { id: "1", value: "Gold" }
          ])
          assert.deepStrictEqual(
            yield* groups.update!([{ id, record: { name: [{ id: "1", value: "Gold" }] } }]),
            [{ _tag: "Unchanged", id }]
          )
          assert.deepStrictEqual(yield* groups.delete!([id]), [{ _tag: "Deleted", id }])
        }),
      { languageId: 2 }
    )
  )
})
