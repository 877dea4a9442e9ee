/**
 * The customers stream's `includeGuests` option, against the emulator over loopback HTTP: the
 * guests of orders without a customer come after the registered customers, one per distinct
 * lower-cased email (else per order), never one whose email is a registered customer's, and a
 * read resumes among them.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { customer, withClient } from "./helpers.ts"

const order = (id: number, fields: Readonly<Record<string, unknown>>) => ({
  id: `gid://shopify/Order/${id}`,
  name: `#${id + 100}`,
  createdAt: "2024-03-01T10:00:00Z",
  updatedAt: "2024-03-01T10:05:00Z",
  totalPriceSet: { shopMoney: { amount: "20.00", currencyCode: "AUD" } },
  customer: null,
  ...fields
})

const kiri = {
  firstName: "Kiri",
  lastName: "Walker",
  address1: "1 Main St",
  city: "Sydney",
  provinceCode: "NSW",
  countryCodeV2: "AU",
  zip: "2000"
}

const data = {
  customers: [
    customer(1, "2024-01-01T00:00:00Z", {
      defaultEmailAddress: { emailAddress: "reg@example.com", marketingState: "SUBSCRIBED" }
    })
  ],
  orders: [
    order(901, {
      email: "Kiri@Example.com",
      billingAddress: kiri,
      shippingAddress: kiri,
      customerAcceptsMarketing: true
    }),
    order(902, { email: "reg@example.com", customer: { id: "gid://shopify/Customer/1" } }),
    order(903, { email: "reg@example.com", billingAddress: { firstName: "Reg", countryCodeV2: "NZ" } }),
    order(904, { email: "KIRI@example.com", billingAddress: kiri }),
    order(905, {
      email: null,
      phone: "+61412345678",
      billingAddress: { firstName: "Sam", lastName: "Lee", countryCodeV2: "AU" }
    }),
    order(906, {
      email: "ana@example.com",
      billingAddress: { firstName: "Ana", lastName: "Silva", address1: "Rua Velha 9", countryCodeV2: "BR" },
      shippingAddress: { firstName: "Ana", lastName: "Silva", address1: "Rua Nova 1", countryCodeV2: "BR" }
    }),
    order(907, { email: "reg@example.com", customer: { id: "gid://shopify/Customer/1" } })
  ]
}

const keys = (items: ReadonlyArray<{ readonly record: unknown }>) =>
  items.map((i) => (i.record as { id: string }).id)

describe("includeGuests", () => {
  it.live("registered customers, then one guest per new email (or order), never a registered email", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const items = yield* Stream.runCollect(
          client.streams.customers!.list!({ pageSize: 10, options: { includeGuests: true } })
        )
        assert.deepStrictEqual(keys(items), [
          "gid://shopify/Customer/1",
          "kiri@example.com",
          "gid://shopify/Order/905",
          "ana@example.com"
        ])
        const position = "updated_at=2024-01-01T00:00:00Z&id=1"
        assert.deepStrictEqual(
          items.map((i) => i.checkpoint),
          [position, `${position}&order=904`, `${position}&order=905`, `${position}&order=907`]
        )
        const guest = items[1]!.record as Record<string, unknown>
        assert.deepStrictEqual(guest.defaultEmailAddress, {
          emailAddress: "kiri@example.com",
          marketingState: "SUBSCRIBED"
        })
        assert.deepStrictEqual(guest.guestOrder, { id: "gid://shopify/Order/901", name: "#1001" })
        assert.strictEqual(guest.firstName, "Kiri")
        assert.strictEqual((guest.addresses as ReadonlyArray<unknown>).length, 1)
        const ana = items[3]!.record as {
          addresses: ReadonlyArray<{ address1: string }>
          defaultAddress: { address1: string }
        }
        assert.deepStrictEqual(
          ana.addresses.map((a) => a.address1),
          ["Rua Velha 9", "Rua Nova 1"]
        )
        assert.strictEqual(ana.defaultAddress.address1, "Rua Velha 9")
        // the guests' emails of the page were looked up among registered customers in one query
        const lookups = running.operations.filter((o) => o.operationName === "RegisteredEmails")
        assert.deepStrictEqual(
          lookups.map((o) => o.variables.query),
          ['email:"kiri@example.com" OR email:"reg@example.com" OR email:"ana@example.com"']
        )
      })
    )
  )

  it.live("a read resumes among the guests, after the orders already considered", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const list = client.streams.customers!.list!
        const options = { includeGuests: true }
        const resumed = yield* Stream.runCollect(
          list({ pageSize: 10, options, since: "updated_at=2024-01-01T00:00:00Z&id=1&order=904" })
        )
        assert.deepStrictEqual(keys(resumed), ["gid://shopify/Order/905", "ana@example.com"])
        const done = yield* Stream.runCollect(
          list({ pageSize: 10, options, since: "updated_at=2024-01-01T00:00:00Z&id=1&order=907" })
        )
        assert.deepStrictEqual(keys(done), [])
      })
    )
  )

  it.live("without the option there are no guests; count counts them with it", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        assert.deepStrictEqual(keys(yield* Stream.runCollect(customers.list!({}))), [
          "gid://shopify/Customer/1"
        ])
        assert.strictEqual(yield* customers.count!({}), 1)
        assert.strictEqual(yield* customers.count!({ options: { includeGuests: true } }), 4)
      })
    )
  )

  it.live("an option the stream does not take fails the read with what it takes", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const result = yield* Effect.result(
          Stream.runCollect(client.streams.customers!.list!({ options: { includeGuest: true } }))
        )
        assert.isTrue(result._tag === "Failure")
        if (result._tag === "Failure") assert.include(result.failure.message, "{ includeGuests?: boolean }")
      })
    )
  )
})
