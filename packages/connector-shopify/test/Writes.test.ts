/**
 * Writes against the emulator over loopback HTTP: one result per record, in order; a record
 * Shopify refuses (`userErrors`, or a bad variable) is `Rejected` with write issues at the
 * record's field paths and the rest of its document goes on.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect } from "effect"
import type * as Customer from "../src/Customer.ts"
import { customer, graphqlCalls, withClient } from "./helpers.ts"

const data = {
  customers: [
    customer(5, "2024-01-01T00:00:00Z", {
      firstName: "Mere",
      lastName: "Ngata",
      defaultEmailAddress: { emailAddress: "mere@example.nz", marketingState: "SUBSCRIBED" },
      defaultPhoneNumber: { phoneNumber: "+64211234567", marketingState: "NOT_SUBSCRIBED" },
      tags: ["VIP"],
      note: "Keep me",
      defaultAddress: {
        id: "gid://shopify/MailingAddress/50?model_name=CustomerAddress",
        address1: "1 Old Road",
        city: "Rotorua",
        countryCodeV2: "NZ"
      },
      addresses: [
        {
          id: "gid://shopify/MailingAddress/50?model_name=CustomerAddress",
          address1: "1 Old Road",
          city: "Rotorua",
          countryCodeV2: "NZ"
        },
        {
          id: "gid://shopify/MailingAddress/51?model_name=CustomerAddress",
          address1: "2 Spare Street",
          city: "Taupō",
          countryCodeV2: "NZ"
        }
      ]
    }),
    customer(6, "2024-01-01T01:00:00Z", {
      defaultEmailAddress: { emailAddress: "tama@example.nz", marketingState: "NOT_SUBSCRIBED" }
    })
  ],
  orders: [
    {
      id: "gid://shopify/Order/900",
      name: "#1001",
      customer: { id: "gid://shopify/Customer/6" },
      totalPriceSet: { shopMoney: { amount: "10.00", currencyCode: "NZD" } }
    }
  ]
}

const tags = (results: ReadonlyArray<Connector.WriteResult>) => results.map((r) => r._tag)

const issuesOf = (result: Connector.WriteResult | undefined) =>
  result?._tag === "Rejected" ? result.issues.map((i) => [i.stage, i.path, i.code, i.severity]) : []

describe("create (customerCreate)", () => {
  it.live("a taken email, an invalid phone and a good record: one document, one result each", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const results = yield* customers.create!([
          { firstName: "Again", defaultEmailAddress: { emailAddress: "MERE@example.nz" } },
          { firstName: "Dial", defaultPhoneNumber: { phoneNumber: "12345" } },
          {
            firstName: "Aroha",
            defaultEmailAddress: { emailAddress: "aroha@example.nz", marketingState: "SUBSCRIBED" },
            defaultPhoneNumber: { phoneNumber: "+64 21 765 4321", marketingState: "SUBSCRIBED" },
            tags: ["wholesale", " VIP", "vip"],
            defaultAddress: {
              address1: "12 Queen Street",
              city: "Auckland",
              countryCodeV2: "NZ",
              zip: "1010"
            },
            addresses: [
              { address1: "12 Queen Street", city: "Auckland", countryCodeV2: "NZ", zip: "1010" },
              { address1: "5 Beach Road", city: "Whangārei", countryCodeV2: "NZ" }
            ]
          }
        ])
        assert.deepStrictEqual(tags(results), ["Rejected", "Rejected", "Created"])
        assert.deepStrictEqual(issuesOf(results[0]), [
          ["write", "defaultEmailAddress.emailAddress", "AlreadyExists", "error"]
        ])
        assert.deepStrictEqual(issuesOf(results[1]), [
          ["write", "defaultPhoneNumber.phoneNumber", "InvalidValue", "error"]
        ])
        assert.strictEqual(graphqlCalls(running, "CustomersCreate"), 1)
        const created = results[2]
        if (created?._tag !== "Created") return assert.fail("expected Created")
        const read = (yield* customers.get!(created.id)) as Customer.Customer
        assert.deepStrictEqual(read.defaultEmailAddress, {
          emailAddress: "aroha@example.nz",
          marketingState: "SUBSCRIBED"
        })
        assert.deepStrictEqual(read.defaultPhoneNumber, {
          phoneNumber: "+64217654321",
          marketingState: "SUBSCRIBED"
        })
        assert.deepStrictEqual(read.tags, ["VIP", "wholesale"])
        assert.strictEqual(read.state, "DISABLED")
        // the default address is written once, first
        assert.deepStrictEqual(
          read.addresses?.map((a) => a.address1),
          ["12 Queen Street", "5 Beach Road"]
        )
        assert.strictEqual(read.defaultAddress?.address1, "12 Queen Street")
      })
    )
  )

  it.live("a bad country code fails the whole document; it is sent again one record at a time", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const results = yield* client.streams.customers!.create!([
          { firstName: "One", defaultEmailAddress: { emailAddress: "one@example.com" } },
          {
            firstName: "Atlantis",
            defaultAddress: { address1: "1 Deep Street", countryCodeV2: "QQ" },
            addresses: [{ address1: "2 Deeper Street", countryCodeV2: "NZ" }]
          },
          { firstName: "Three", defaultEmailAddress: { emailAddress: "three@example.com" } }
        ])
        assert.deepStrictEqual(tags(results), ["Created", "Rejected", "Created"])
        assert.deepStrictEqual(issuesOf(results[1]), [
          ["write", "defaultAddress.countryCodeV2", "InvalidValue", "error"]
        ])
        assert.strictEqual(graphqlCalls(running, "CustomersCreate"), 4)
      })
    )
  )

  it.live("no name, email or phone; a consent without its email; a record that is not an object", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const results = yield* client.streams.customers!.create!([
          { tags: ["x"] },
          "not a customer",
          { firstName: "Sms", defaultPhoneNumber: { phoneNumber: null, marketingState: "SUBSCRIBED" } }
        ])
        assert.deepStrictEqual(tags(results), ["Rejected", "Rejected", "Created"])
        assert.deepStrictEqual(issuesOf(results[0]), [["write", "", "Rejected", "error"]])
        assert.deepStrictEqual(issuesOf(results[1]), [["write", "", "NotAnObject", "error"]])
        // a consent without its phone is not sent at all
        assert.strictEqual(graphqlCalls(running, "CustomersCreate"), 1)
      })
    )
  )

  it.live("twelve records go in two documents of at most ten", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const records = Array.from({ length: 12 }, (_, i) => ({
          defaultEmailAddress: { emailAddress: `bulk${i}@example.com` }
        }))
        const results = yield* client.streams.customers!.create!(records)
        assert.strictEqual(results.filter((r) => r._tag === "Created").length, 12)
        assert.strictEqual(graphqlCalls(running, "CustomersCreate"), 2)
      })
    )
  )
})

describe("update (customerSet by id, then the consents)", () => {
  it.live("fields given replace Shopify's, others are kept; the address list replaces the book", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const results = yield* customers.update!([
          {
            id: "gid://shopify/Customer/5",
            record: {
              lastName: "Parata",
              defaultEmailAddress: { emailAddress: "mere@example.nz", marketingState: "NOT_SUBSCRIBED" },
              defaultAddress: { address1: "1 Old Road", city: "Rotorua", countryCodeV2: "NZ" },
              addresses: [{ address1: "9 New Road", city: "Rotorua", countryCodeV2: "NZ" }]
            }
          }
        ])
        assert.deepStrictEqual(results, [{ _tag: "Updated", id: "gid://shopify/Customer/5" }])
        const set = running.operations.find((o) => o.operationName === "CustomersSet")
        assert.deepStrictEqual(set?.variables.e0, {
          customerId: "gid://shopify/Customer/5",
          emailMarketingConsent: { marketingState: "UNSUBSCRIBED" }
        })
        const read = (yield* customers.get!("5")) as Customer.Customer
        assert.strictEqual(read.firstName, "Mere")
        assert.strictEqual(read.lastName, "Parata")
        assert.strictEqual(read.note, "Keep me")
        assert.deepStrictEqual(read.tags, ["VIP"])
        assert.strictEqual(read.defaultEmailAddress?.marketingState, "UNSUBSCRIBED")
        // the same address keeps its id, the other is replaced
        assert.deepStrictEqual(
          read.addresses?.map((a) => [a.address1, a.id?.startsWith("gid://shopify/MailingAddress/50?")]),
          [
            ["1 Old Road", true],
            ["9 New Road", false]
          ]
        )
      })
    )
  )

  it.live("an unknown id, a taken email, an id that is not Shopify's", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const results = yield* client.streams.customers!.update!([
          { id: "999", record: { firstName: "Ghost" } },
          { id: "6", record: { defaultEmailAddress: { emailAddress: "mere@example.nz" } } },
          { id: "guest@example.com", record: { firstName: "Guest" } },
          { id: "6", record: { firstName: "Tama" } }
        ])
        assert.deepStrictEqual(tags(results), ["Rejected", "Rejected", "Rejected", "Updated"])
        assert.deepStrictEqual(issuesOf(results[0]), [["write", "id", "NotFound", "error"]])
        assert.deepStrictEqual(issuesOf(results[1]), [
          ["write", "defaultEmailAddress.emailAddress", "AlreadyExists", "error"]
        ])
        assert.deepStrictEqual(issuesOf(results[2]), [["write", "id", "NotFound", "error"]])
        assert.strictEqual(graphqlCalls(running, "CustomersSet"), 1)
      })
    )
  )

  it.live("a consent Shopify cannot set (REDACTED) is left out; a settable one follows the fields", () =>
    withClient({ data }, (client, running) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const first = yield* customers.update!([
          {
            id: "6",
            record: { defaultPhoneNumber: { phoneNumber: "+64 27 555 0101", marketingState: "REDACTED" } }
          }
        ])
        assert.deepStrictEqual(tags(first), ["Updated"])
        assert.isUndefined(running.operations.at(-1)?.variables.s0)
        const afterFirst = (yield* customers.get!("6")) as Customer.Customer
        assert.deepStrictEqual(afterFirst.defaultPhoneNumber, {
          phoneNumber: "+64275550101",
          marketingState: "NOT_SUBSCRIBED"
        })
        const second = yield* customers.update!([
          {
            id: "6",
            record: { defaultPhoneNumber: { phoneNumber: "+64275550101", marketingState: "SUBSCRIBED" } }
          }
        ])
        assert.deepStrictEqual(tags(second), ["Updated"])
        const afterSecond = (yield* customers.get!("6")) as Customer.Customer
        assert.strictEqual(afterSecond.defaultPhoneNumber?.marketingState, "SUBSCRIBED")
      })
    )
  )
})

describe("delete (customerDelete)", () => {
  it.live("a customer with orders cannot be deleted; one without can", () =>
    withClient({ data }, (client) =>
      Effect.gen(function* () {
        const customers = client.streams.customers!
        const results = yield* customers.delete!(["6", "gid://shopify/Customer/5", "nope"])
        assert.deepStrictEqual(tags(results), ["Rejected", "Deleted", "Rejected"])
        assert.deepStrictEqual(issuesOf(results[0]), [["write", "id", "Rejected", "error"]])
        assert.deepStrictEqual(results[1], { _tag: "Deleted", id: "gid://shopify/Customer/5" })
        assert.isUndefined(yield* customers.get!("5"))
        assert.strictEqual(yield* customers.count!({}), 1)
      })
    )
  )
})
