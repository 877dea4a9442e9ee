/**
 * Writes one request per record: creates, updates and deletes, a refused record Rejected with
 * issues that name its field while the others go on, and `resolved` folded back into
 * addresses, gender and group by this installation's labels and codes.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect } from "effect"
import { clientFor, type Json, list, records, withEmulator } from "./helpers.ts"

const customer = (i: number, extra: Json = {}): Json => ({
  email: `writer${i}@example.com`,
  firstname: `Writer${i}`,
  lastname: "Test",
  ...extra
})

const address = (city: string, extra: Json = {}): Json => ({
  firstname: "Writer",
  lastname: "Test",
  street: [`${city.length} Main St`],
  city,
  postcode: "1010",
  country_id: "NZ",
  telephone: "021 555 0123",
  ...extra
})

const issuesOf = (result: Connector.WriteResult | undefined) =>
  result?._tag === "Rejected" ? result.issues.map((i) => ({ path: i.path, code: i.code })) : result

describe("create", () => {
  it.live("sends one POST /V1/customers per record and gives one result per record, in order", () =>
    withEmulator({ customers: 2, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const results = yield* client.streams.customers!.create!([
          customer(1, { password: "Long-enough-1" }),
          customer(2, { email: "not an email" }),
          { email: "writer3@example.com" },
          customer(4, { email: "WRITER1@example.com" }),
          customer(5, { password: "short" }),
          customer(6)
        ])
        assert.deepStrictEqual(results[0], { _tag: "Created", id: "3" })
        assert.deepStrictEqual(issuesOf(results[1]), [{ path: "email", code: "InvalidEmail" }])
        // several problems of one InputException: one issue each
        assert.deepStrictEqual(issuesOf(results[2]), [
          { path: "firstname", code: "Required" },
          { path: "lastname", code: "Required" }
        ])
        assert.deepStrictEqual(issuesOf(results[3]), [{ path: "email", code: "AlreadyExists" }])
        assert.deepStrictEqual(issuesOf(results[4]), [{ path: "password", code: "InvalidPassword" }])
        assert.deepStrictEqual(results[5], { _tag: "Created", id: "4" })
        assert.strictEqual(running.stats.count({ method: "POST" }), 6)
        const rejected = results[1]
        assert.strictEqual(
          rejected?._tag === "Rejected" ? rejected.issues[0]?.message : "",
          'Magento refused the record: "Email" is not a valid email address.'
        )
      })
    )
  )

  it.live("folds resolved: default addresses into the book, gender by label, group by code", () =>
    withEmulator(
      {
        customers: 0,
        orders: 0,
        // an installation whose gender options are not the standard ids
        genderOptions: [
          { label: "Female", value: "4" },
          { label: "Male", value: "5" }
        ],
        groupCodes: ["VIP Club"]
      },
      (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          const billing = address("Auckland")
          const results = yield* client.streams.customers!.create!([
            customer(1, {
              resolved: {
                gender_label: "male",
                group_code: "vip club",
                billing_address: billing,
                shipping_address: address("Wellington")
              },
              addresses: [address("Hamilton"), { ...billing }]
            })
          ])
          assert.strictEqual(results[0]?._tag, "Created")
          const read = records(yield* list(client, "customers"))[0]!
          assert.strictEqual(read.gender, 5)
          assert.strictEqual(read.group_id, 6)
          const book = (read.addresses as ReadonlyArray<Json>).map((a) => [
            a.city,
            a.default_billing ?? false,
            a.default_shipping ?? false
          ])
          // the billing address was already in the book: marked there, not added again
          assert.deepStrictEqual(book, [
            ["Hamilton", false, false],
            ["Auckland", true, false],
            ["Wellington", false, true]
          ])
          const resolved = read.resolved as Json
          assert.strictEqual(resolved.gender_label, "Male")
          assert.strictEqual(resolved.group_code, "VIP Club")
          assert.strictEqual((resolved.shipping_address as Json).city, "Wellington")
        })
    )
  )

  it.live(
    "refuses an unknown gender label or group code before sending; createMissingGroups creates the group",
    () =>
      withEmulator({ customers: 0, orders: 0 }, (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          const results = yield* client.streams.customers!.create!([
            customer(1, { resolved: { gender_label: "Nonbinary", group_code: "Partners Plus" } })
          ])
          assert.deepStrictEqual(issuesOf(results[0]), [
            { path: "gender", code: "UnknownGender" },
            { path: "group_id", code: "UnknownGroup" }
          ])
          assert.strictEqual(running.stats.count({ method: "POST" }), 0)
          const creating = yield* clientFor(running, { createMissingGroups: true })
          const created = yield* creating.streams.customers!.create!([
            customer(2, { resolved: { group_code: "Partners Plus" } }),
            customer(3, { resolved: { group_code: "partners plus" } })
          ])
          assert.deepStrictEqual(
            created.map((r) => r._tag),
            ["Created", "Created"]
          )
          const groups = records(yield* list(creating, "customerGroups"))
          assert.deepStrictEqual(
            groups.filter((g) => g.code === "Partners Plus").map((g) => g.tax_class_id),
            [3]
          )
          const partners = groups.find((g) => g.code === "Partners Plus")?.id
          const customers = records(yield* list(creating, "customers"))
          assert.deepStrictEqual(
            customers.map((c) => c.group_id),
            [partners, partners]
          )
        })
      )
  )
})

describe("update and delete", () => {
  it.live("PUT keeps the fields not sent, replaces the address book when sent, Rejects an unknown id", () =>
    withEmulator({ customers: 3, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const before = (yield* client.streams.customers!.get!("2")) as Json
        const results = yield* client.streams.customers!.update!([
          { id: "2", record: { lastname: "Changed" } },
          { id: "3", record: { resolved: { billing_address: address("Nelson") } } },
          { id: "77", record: { lastname: "Nobody" } },
          { id: "guest@example.com", record: { lastname: "Nobody" } }
        ])
        assert.deepStrictEqual(results[0], { _tag: "Updated", id: "2" })
        assert.deepStrictEqual(results[1], { _tag: "Updated", id: "3" })
        assert.deepStrictEqual(issuesOf(results[2]), [{ path: "id", code: "NotFound" }])
        assert.deepStrictEqual(issuesOf(results[3]), [{ path: "id", code: "NotFound" }])
        const after = (yield* client.streams.customers!.get!("2")) as Json
        assert.strictEqual(after.lastname, "Changed")
        assert.strictEqual(after.firstname, before.firstname)
        assert.deepStrictEqual(after.addresses, before.addresses)
        const third = (yield* client.streams.customers!.get!("3")) as Json
        assert.deepStrictEqual(
          (third.addresses as ReadonlyArray<Json>).map((a) => [a.city, a.default_billing]),
          [["Nelson", true]]
        )
      })
    )
  )

  it.live(
    "an update that sends the address book again keeps the ids of the addresses that did not change",
    () =>
      withEmulator({ customers: 3, orders: 0 }, (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          // customer 2 of the seed: a billing and a separate shipping address
          const before = (yield* client.streams.customers!.get!("2")) as Json
          const [billing, shipping] = before.addresses as ReadonlyArray<Json>
          const strip = (a: Json | undefined): Json => {
            const {
              id: _id,
              customer_id: _customer,
              default_billing: _b,
              default_shipping: _s,
              ...rest
            } = a ?? {}
            return rest
          }
          const results = yield* client.streams.customers!.update!([
            {
              id: "2",
              record: {
                resolved: {
                  billing_address: strip(billing),
                  shipping_address: { ...strip(shipping), city: "Napier" }
                }
              }
            }
          ])
          assert.deepStrictEqual(results[0], { _tag: "Updated", id: "2" })
          const after = (yield* client.streams.customers!.get!("2")) as Json
          const book = after.addresses as ReadonlyArray<Json>
          assert.deepStrictEqual(
            book.map((a) => [
              a.id === billing?.id,
              a.city,
              a.default_billing ?? false,
              a.default_shipping ?? false
            ]),
            [
              [true, billing?.city, true, false],
              [false, "Napier", false, true]
            ]
          )
        })
      )
  )

  it.live("DELETE answers true: Deleted, then the customer is gone", () =>
    withEmulator({ customers: 2, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const results = yield* client.streams.customers!.delete!(["1", "1"])
        assert.deepStrictEqual(results[0], { _tag: "Deleted", id: "1" })
        assert.deepStrictEqual(issuesOf(results[1]), [{ path: "id", code: "NotFound" }])
        assert.strictEqual(yield* client.streams.customers!.get!("1"), undefined)
        assert.strictEqual(yield* client.streams.customers!.count!({}), 1)
      })
    )
  )

  it.live("an expired token fails the write as a whole (Authentication), not one record", () =>
    withEmulator({ customers: 0, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running, { token: "expired-admin-token" })
        const error = yield* Effect.flip(client.streams.customers!.create!([customer(1)]))
        assert.strictEqual(error.reason, "Authentication")
        assert.include(error.message, "Magento_Customer::manage")
      })
    )
  )
})

describe("customer groups", () => {
  it.live("creates groups one request each; a duplicate or too long code is Rejected", () =>
    withEmulator({ customers: 0, orders: 0, groups: 4 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const results = yield* client.streams.customerGroups!.create!([
          { code: "Trade", tax_class_id: 3 },
          { code: "general", tax_class_id: 3 },
          { code: "A".repeat(33), tax_class_id: 3 },
          { code: "Staff", tax_class_id: 9 }
        ])
        assert.deepStrictEqual(results[0], { _tag: "Created", id: "4" })
        assert.deepStrictEqual(issuesOf(results[1]), [{ path: "", code: "AlreadyExists" }])
        assert.deepStrictEqual(issuesOf(results[2]), [{ path: "code", code: "Rejected" }])
        assert.deepStrictEqual(issuesOf(results[3]), [{ path: "tax_class_id", code: "InvalidValue" }])
        assert.deepStrictEqual(
          records(yield* list(client, "customerGroups")).map((g) => g.code),
          ["NOT LOGGED IN", "General", "Wholesale", "Retailer", "Trade"]
        )
        assert.strictEqual(yield* client.streams.customerGroups!.count!({}), 5)
      })
    )
  )
})
