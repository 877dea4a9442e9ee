/**
 * The customers stream's `includeGuests` option, against the emulator over loopback HTTP, with
 * orders written by hand: one guest customer per distinct lower-cased billing email, keyed by
 * it (else by the order's id), none for a registered customer's email.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, type Connector, Mapping, RecordSchema } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as WooEmulator from "../src/emulator.ts"
import { connector, mappings, schemas } from "../src/index.ts"

const billing = (email: string, first: string, last: string, city = "Auckland") => ({
  first_name: first,
  last_name: last,
  company: "",
  address_1: "1 Queen Street",
  address_2: "",
  city,
  state: "Auckland",
  postcode: "1010",
  country: "NZ",
  email,
  phone: "021 555 0123"
})

const order = (
  id: number,
  customerId: number,
  email: string,
  first: string,
  last: string,
  city?: string
) => ({
  id,
  customer_id: customerId,
  status: "completed",
  currency: "NZD",
  total: "20.00",
  date_created_gmt: `2024-01-0${(id % 9) + 1}T10:00:00`,
  date_modified_gmt: `2024-01-0${(id % 9) + 1}T11:00:00`,
  billing: billing(email, first, last, city)
})

const data = {
  customers: [
    {
      id: 5,
      email: "Mere.Ngata@example.nz",
      first_name: "Mere",
      last_name: "Ngata",
      role: "customer",
      username: "mere",
      billing: billing("Mere.Ngata@example.nz", "Mere", "Ngata")
    },
    {
      id: 6,
      email: "admin@example.nz",
      first_name: "Ada",
      last_name: "Admin",
      role: "administrator",
      username: "admin"
    }
  ],
  orders: [
    order(701, 0, "john.doe@example.com", "John", "Doe"),
    order(702, 0, "John.Doe@Example.com", "Johnny", "Doe", "Wellington"),
    order(703, 5, "Mere.Ngata@example.nz", "Mere", "Ngata"),
    order(704, 0, "ANA@example.org", "Ana", "Lopez"),
    order(705, 0, "", "Nikau", "Tane"),
    order(706, 0, "mere.ngata@EXAMPLE.nz", "Mere", "Ngata"),
    order(707, 0, "ana@example.org", "Ana", "López")
  ]
}

const withClient = <A, E>(f: (client: Connector.Client) => Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const running = yield* WooEmulator.serve({ data })
    const client = yield* connector.client(running.config)
    return yield* f(client)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const read = (client: Connector.Client, options: Connector.ListOptions) =>
  Stream.runCollect(client.streams.customers!.list!(options))

const idOf = (item: Connector.ReadItem) => (item.record as { readonly id: unknown }).id

describe("customers with includeGuests", () => {
  it.live("yields the registered customers, then one guest per distinct lower-cased email", () =>
    withClient((client) =>
      Effect.gen(function* () {
        const items = yield* read(client, { pageSize: 2, options: { includeGuests: true } })
        assert.deepStrictEqual(items.map(idOf), [5, 6, "john.doe@example.com", "ana@example.org", "705"])
        const john = items[2]?.record as Record<string, unknown>
        // the guest is the one of its first order (701), in the customer shape
        assert.strictEqual(john.role, "guest")
        assert.strictEqual(john.email, "john.doe@example.com")
        assert.strictEqual(john.first_name, "John")
        assert.strictEqual(john.date_created_gmt, "2024-01-09T10:00:00")
        assert.strictEqual((john.billing as { city: string }).city, "Auckland")
        const nameless = items[4]?.record as Record<string, unknown>
        assert.strictEqual(nameless.email, "")
        assert.strictEqual(nameless.first_name, "Nikau")
      })
    )
  )

  it.live("yields no guests by default", () =>
    withClient((client) =>
      Effect.gen(function* () {
        const items = yield* read(client, { pageSize: 2 })
        assert.deepStrictEqual(items.map(idOf), [5, 6])
      })
    )
  )

  it.live("counts the distinct guests with the registered customers", () =>
    withClient((client) =>
      Effect.gen(function* () {
        assert.strictEqual(yield* client.streams.customers!.count!({ options: { includeGuests: true } }), 5)
        assert.strictEqual(yield* client.streams.customers!.count!({}), 2)
      })
    )
  )

  it.live("resumes among the guests without yielding one twice or a registered customer's email", () =>
    withClient((client) =>
      Effect.gen(function* () {
        const all = yield* read(client, { pageSize: 2, options: { includeGuests: true } })
        const resumed = yield* read(client, {
          pageSize: 2,
          since: all[2]?.checkpoint,
          options: { includeGuests: true }
        })
        assert.deepStrictEqual(resumed.map(idOf), ["ana@example.org", "705"])
      })
    )
  )

  it.live("refuses options it does not know", () =>
    withClient((client) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(read(client, { options: { includeGuest: true } }))
        assert.strictEqual(error.reason, "Unknown")
        assert.match(error.message, /includeGuests/)
      })
    )
  )

  it.live("guests map to canonical guests keyed by their email", () =>
    withClient((client) =>
      Effect.gen(function* () {
        const toCanonical = yield* Mapping.load(mappings.customerToCanonical, {
          schemas: RecordSchema.registry([...Canonical.schemas, ...schemas])
        }).pipe(Effect.provide(NodeFileSystem.layer))
        const items = yield* read(client, { options: { includeGuests: true } })
        const mapped = items.map((i) => toCanonical(i.record).value)
        assert.deepStrictEqual(
          mapped.map((c) => [c?.id, c?.isGuest, c?.email]),
          [
            ["5", false, "mere.ngata@example.nz"],
            ["6", false, "admin@example.nz"],
            ["john.doe@example.com", true, "john.doe@example.com"],
            ["ana@example.org", true, "ana@example.org"],
            ["705", true, null]
          ]
        )
        assert.strictEqual(mapped[2]?.phone, "+64215550123")
        assert.deepStrictEqual(mapped[4]?.source, { system: "woocommerce", id: "705" })
      })
    )
  )
})
