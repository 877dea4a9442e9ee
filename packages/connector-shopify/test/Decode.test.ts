/**
 * `decode` and `encode` of the streams' bodies: Shopify's official REST examples (the webhook
 * shapes) and GraphQL answers decode into the record shape, and through the default mappings to
 * the canonical values a person reads off them; error bodies are refused with what they say;
 * an encoded `customerCreate` body decodes back into the record.
 */
import { readFileSync } from "node:fs"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema } from "@mapwright/core"
import { Effect, Result } from "effect"
import type * as Customer from "../src/Customer.ts"
import { connector, mappings, schemas } from "../src/index.ts"
import type * as Order from "../src/Order.ts"

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")

const customers = connector.streams.customers!.body
const orders = connector.streams.orders!.body

const decoded = <A = Customer.Customer>(body: typeof customers, text: string): ReadonlyArray<A> => {
  const result = body.decode(text)
  if (Result.isFailure(result)) throw new Error(`decode failed: ${result.failure}`)
  return result.success as ReadonlyArray<A>
}

const failure = (body: typeof customers, text: string): string => {
  const result = body.decode(text)
  if (Result.isSuccess(result)) throw new Error("expected the body to be refused")
  return result.failure
}

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])
const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

describe("REST shapes (webhooks customers/create, orders/create)", () => {
  it.effect("rest_customers_list.json: Bob Norman, and his canonical form", () =>
    Effect.gen(function* () {
      const [bob, ...rest] = decoded(customers, fixture("rest_customers_list.json"))
      assert.strictEqual(rest.length, 0)
      assert.strictEqual(bob!.id, "gid://shopify/Customer/207119551")
      assert.strictEqual(bob!.legacyResourceId, "207119551")
      assert.deepStrictEqual(bob!.tags, ["Léon", "Noël"])
      assert.strictEqual(bob!.state, "DISABLED")
      assert.strictEqual(bob!.createdAt, "2024-04-02T14:17:48Z")
      assert.deepStrictEqual(bob!.defaultEmailAddress, {
        emailAddress: "bob.norman@mail.example.com",
        marketingState: "NOT_SUBSCRIBED"
      })
      assert.deepStrictEqual(bob!.defaultPhoneNumber, {
        phoneNumber: "+16136120707",
        marketingState: "NOT_SUBSCRIBED"
      })
      assert.deepStrictEqual(bob!.amountSpent, { amount: "199.65", currencyCode: "USD" })
      assert.deepStrictEqual(bob!.lastOrder, { id: "gid://shopify/Order/450789469", name: "#1001" })
      assert.deepStrictEqual(
        [
          bob!.defaultAddress?.id,
          bob!.defaultAddress?.province,
          bob!.defaultAddress?.provinceCode,
          bob!.defaultAddress?.country,
          bob!.defaultAddress?.countryCodeV2
        ],
        [
          "gid://shopify/MailingAddress/207119551?model_name=CustomerAddress",
          "Kentucky",
          "KY",
          "United States",
          "US"
        ]
      )
      assert.isFalse("multipass_identifier" in bob! || "total_spent" in bob!)
      const toCanonical = yield* load(mappings.customerToCanonical)
      const canonical = toCanonical(bob)
      const value = canonical.value as Canonical.Customer | undefined
      assert.deepStrictEqual(
        {
          id: value?.id,
          email: value?.email,
          phone: value?.phone,
          tags: value?.tags,
          orderCount: value?.orderCount,
          createdAt: value?.createdAt,
          line1: value?.billing?.line1,
          region: value?.billing?.region,
          country: value?.billing?.country,
          marketing: value?.marketing
        },
        {
          id: "gid://shopify/Customer/207119551",
          email: "bob.norman@mail.example.com",
          phone: "+16136120707",
          tags: ["Léon", "Noël"],
          orderCount: 1,
          createdAt: "2024-04-02T14:17:48.000Z",
          line1: "Chestnut Street 92",
          region: "KY",
          country: "US",
          marketing: { emailOptIn: false, smsOptIn: false }
        }
      )
    })
  )

  it("rest_customer_create_request.json: the create body, its address country a code, the password left out", () => {
    const [steve] = decoded(customers, fixture("rest_customer_create_request.json"))
    assert.strictEqual(steve!.firstName, "Steve")
    assert.strictEqual(steve!.lastName, "Lastnameson")
    assert.deepStrictEqual(steve!.defaultEmailAddress, { emailAddress: "steve.lastnameson@example.com" })
    assert.deepStrictEqual(steve!.defaultPhoneNumber, { phoneNumber: "+15142546011" })
    assert.strictEqual(steve!.verifiedEmail, true)
    assert.deepStrictEqual(
      [
        steve!.addresses?.[0]?.firstName,
        steve!.addresses?.[0]?.countryCodeV2,
        steve!.addresses?.[0]?.province,
        steve!.addresses?.[0]?.zip
      ],
      ["Mother", "CA", "ON", "123 ABC"]
    )
    assert.strictEqual(steve!.defaultAddress?.address1, "123 Oak St")
    assert.isFalse(
      "password" in steve! || "password_confirmation" in steve! || "send_email_welcome" in steve!
    )
  })

  it("rest_customer_create_response.json, and the same customer as a bare webhook body", () => {
    const text = fixture("rest_customer_create_response.json")
    const [created] = decoded(customers, text)
    assert.strictEqual(created!.id, "gid://shopify/Customer/1073339470")
    assert.strictEqual(created!.state, "ENABLED")
    assert.strictEqual(created!.updatedAt, "2024-04-02T14:12:20Z")
    assert.deepStrictEqual(
      [
        created!.defaultAddress?.country,
        created!.defaultAddress?.provinceCode,
        created!.defaultAddress?.name
      ],
      ["Canada", "ON", "Mother Lastnameson"]
    )
    const webhook = JSON.stringify((JSON.parse(text) as { customer: unknown }).customer)
    assert.deepStrictEqual(decoded(customers, webhook), [created!])
  })

  it.effect("rest_orders_list_order_without_customer.json: a guest order, and its canonical form", () =>
    Effect.gen(function* () {
      const [order] = decoded<Order.Order>(orders, fixture("rest_orders_list_order_without_customer.json"))
      assert.deepStrictEqual(
        [
          order!.id,
          order!.name,
          order!.email,
          order!.customer,
          order!.displayFinancialStatus,
          order!.displayFulfillmentStatus
        ],
        ["gid://shopify/Order/1073459972", "#1002", null, null, "PAID", "UNFULFILLED"]
      )
      assert.deepStrictEqual(order!.totalPriceSet, { shopMoney: { amount: "199.00", currencyCode: "USD" } })
      const toCanonical = yield* load(mappings.orderToCanonical)
      const canonical = toCanonical(order)
      assert.deepStrictEqual(canonical.issues, [])
      assert.deepStrictEqual(canonical.value, {
        id: "gid://shopify/Order/1073459972",
        number: "#1002",
        createdAt: "2024-04-02T14:04:18.000Z",
        status: "paid",
        currency: "USD",
        total: "199.00",
        customer: { id: null, email: null, firstName: null, lastName: null, phone: null, isGuest: true },
        billing: null,
        shipping: null
      })
    })
  )
})

describe("GraphQL bodies", () => {
  it("an answer's nodes or edges, a single customer, a mutation payload; null is no record", () => {
    const node = { id: "gid://shopify/Customer/1", firstName: "Ada", unknownNewField: 1 }
    assert.deepStrictEqual(decoded(customers, JSON.stringify({ data: { customers: { nodes: [node] } } })), [
      { id: "gid://shopify/Customer/1", firstName: "Ada" }
    ])
    assert.deepStrictEqual(
      decoded(customers, JSON.stringify({ data: { customers: { edges: [{ cursor: "x", node }] } } })).length,
      1
    )
    assert.deepStrictEqual(decoded(customers, JSON.stringify({ data: { customer: null } })), [])
    assert.deepStrictEqual(
      decoded(
        customers,
        JSON.stringify({ data: { customerCreate: { customer: node, userErrors: [] } } })
      ).map((r) => r.id),
      ["gid://shopify/Customer/1"]
    )
  })

  it("errors are refused with what they say", () => {
    assert.include(
      failure(
        customers,
        JSON.stringify({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] })
      ),
      "Shopify error (Throttled)"
    )
    assert.include(failure(customers, '{"errors":"Not Found"}'), "Shopify error (Not Found)")
    assert.include(failure(customers, "<html>"), "not JSON")
    assert.include(failure(customers, '{"hello":"world"}'), "not a customer")
  })

  it("an encoded customerCreate body decodes back into the record", () => {
    const record: Customer.Customer = {
      firstName: "Aroha",
      lastName: "Ngata",
      defaultEmailAddress: { emailAddress: "aroha@example.nz", marketingState: "SUBSCRIBED" },
      defaultPhoneNumber: { phoneNumber: "+64211234567", marketingState: "NOT_SUBSCRIBED" },
      tags: ["VIP"],
      defaultAddress: { address1: "12 Queen Street", city: "Auckland", countryCodeV2: "NZ" },
      addresses: [
        { address1: "12 Queen Street", city: "Auckland", countryCodeV2: "NZ" },
        { address1: "5 Beach Road", city: "Whangārei", countryCodeV2: "NZ" }
      ]
    }
    const text = customers.encode([record])
    const line = JSON.parse(text) as { query: string; variables: { input: Record<string, unknown> } }
    assert.include(line.query, "customerCreate(input: $input)")
    assert.deepStrictEqual(line.variables.input, {
      firstName: "Aroha",
      lastName: "Ngata",
      tags: ["VIP"],
      email: "aroha@example.nz",
      phone: "+64211234567",
      addresses: [
        { address1: "12 Queen Street", city: "Auckland", countryCode: "NZ" },
        { address1: "5 Beach Road", city: "Whangārei", countryCode: "NZ" }
      ],
      emailMarketingConsent: { marketingState: "SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN" },
      smsMarketingConsent: { marketingState: "NOT_SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN" }
    })
    assert.deepStrictEqual(decoded(customers, text), [record])
  })
})
