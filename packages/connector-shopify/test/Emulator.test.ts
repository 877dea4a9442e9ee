/**
 * The emulator itself, over plain `fetch`: auth and error bodies, API versions, the cost
 * extension and the bucket, GraphQL's own errors, Shopify's quirks (customerCreate's
 * `UserError` has no `code`, customerUpdate refuses consents), the search syntax, bad variables.
 */
import { afterEach, assert, describe, it } from "@effect/vitest"
import * as ShopifyEmulator from "../src/emulator.ts"
import { customer } from "./helpers.ts"

let running: ShopifyEmulator.Running | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
})

const start = async (options: ShopifyEmulator.Options = {}) => {
  running = await ShopifyEmulator.start(options)
  return running
}

const post = async (
  r: ShopifyEmulator.Running,
  body: unknown,
  options: { readonly version?: string; readonly token?: string | null } = {}
) => {
  const headers: Record<string, string> = { "content-type": "application/json" }
  if (options.token !== null) headers["x-shopify-access-token"] = options.token ?? r.config.accessToken
  const response = await fetch(`${r.url}/admin/api/${options.version ?? "2025-04"}/graphql.json`, {
    method: "POST",
    headers,
    body: JSON.stringify(body)
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown }
}

/** The value at a dotted path (numeric segments index lists). */
const pick = (value: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => {
    if (Array.isArray(v)) return v[Number(key)]
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined
  }, value)

const data = {
  customers: [
    customer(1, "2024-01-01T00:00:00Z", {
      tags: ["VIP"],
      defaultAddress: { city: "Auckland", countryCodeV2: "NZ" }
    }),
    customer(2, "2024-01-01T01:00:00Z", { state: "DISABLED" }),
    customer(3, "2024-01-01T02:00:00Z", { tags: ["VIP", "wholesale"] })
  ],
  orders: []
}

describe("auth and versions", () => {
  it("a missing or wrong token is 401 with Shopify's message", async () => {
    const r = await start({ data })
    for (const token of [null, "shpat_wrong"]) {
      const answer = await post(r, { query: "{ shop { name } }" }, { token })
      assert.strictEqual(answer.status, 401)
      assert.deepStrictEqual(answer.body, {
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)"
      })
    }
  })

  it("a version that is not YYYY-MM of a quarter is 404; the version used comes back in a header", async () => {
    const r = await start({ data })
    const wrong = await post(r, { query: "{ shop { name } }" }, { version: "2025-13" })
    assert.strictEqual(wrong.status, 404)
    assert.deepStrictEqual(wrong.body, { errors: "Not Found" })
    const right = await post(r, { query: "{ shop { name } }" }, { version: "2025-07" })
    assert.strictEqual(right.status, 200)
    assert.strictEqual(right.headers.get("x-shopify-api-version"), "2025-07")
    const empty = await post(r, { variables: {} })
    assert.strictEqual(empty.status, 400)
    assert.deepStrictEqual(empty.body, { errors: { query: "Required parameter missing or invalid" } })
  })
})

describe("the calculated query cost", () => {
  it("a connection costs 2 + first × a node; the actual cost counts the nodes returned", async () => {
    const r = await start({ data, throttle: { restoreRate: 0 } })
    const answer = await post(r, {
      query: "{ customers(first: 5) { nodes { id defaultAddress { city } } } }"
    })
    assert.strictEqual((pick(answer.body, "data.customers.nodes") as ReadonlyArray<unknown>).length, 3)
    assert.deepStrictEqual(pick(answer.body, "extensions.cost"), {
      requestedQueryCost: 12,
      actualQueryCost: 8,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1992, restoreRate: 0 }
    })
    const mutation = await post(r, {
      query:
        'mutation { a: customerDelete(input: { id: "gid://shopify/Customer/9" }) { deletedCustomerId } b: customerDelete(input: { id: "gid://shopify/Customer/8" }) { deletedCustomerId } }'
    })
    assert.strictEqual(pick(mutation.body, "extensions.cost.requestedQueryCost"), 20)
  })

  it("a query that costs more than the bucket holds is THROTTLED with HTTP 200 and nothing runs", async () => {
    const r = await start({ data, throttle: { maximumAvailable: 10, restoreRate: 0 } })
    const answer = await post(r, {
      query: "{ customers(first: 5) { nodes { id defaultAddress { city } } } }"
    })
    assert.strictEqual(answer.status, 200)
    assert.deepStrictEqual(answer.body, {
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" }
        }
      ],
      extensions: {
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 10, currentlyAvailable: 10, restoreRate: 0 }
        }
      }
    })
  })

  it("a query over the single-query limit is MAX_COST_EXCEEDED", async () => {
    const r = await start({ data })
    const answer = await post(r, {
      query:
        "{ customers(first: 250) { nodes { id addresses { city } defaultAddress { city } lastOrder { id } } } }"
    })
    assert.strictEqual(pick(answer.body, "errors.0.extensions.code"), "MAX_COST_EXCEEDED")
    assert.match(
      String(pick(answer.body, "errors.0.message")),
      /^Query cost is 1002, which exceeds the single query max cost limit \(1000\)/
    )
    assert.isUndefined(pick(answer.body, "data"))
  })
})

describe("GraphQL's errors and Shopify's quirks", () => {
  it("an unknown field is an error with HTTP 200 and no data; customerCreate's UserError has no code", async () => {
    const r = await start({ data })
    const unknown = await post(r, { query: "{ customers(first: 1) { nodes { emial } } }" })
    assert.strictEqual(unknown.status, 200)
    assert.isUndefined(pick(unknown.body, "data"))
    assert.strictEqual(
      pick(unknown.body, "errors.0.message"),
      'Cannot query field "emial" on type "Customer". Did you mean "email"?'
    )
    assert.strictEqual(pick(unknown.body, "errors.0.extensions.code"), "undefinedField")
    const coded = await post(r, {
      query: 'mutation { customerCreate(input: { firstName: "A" }) { userErrors { code } } }'
    })
    assert.strictEqual(pick(coded.body, "errors.0.message"), 'Cannot query field "code" on type "UserError".')
  })

  it("customerUpdate refuses consents: Shopify wants the consent mutations", async () => {
    const r = await start({ data })
    const answer = await post(r, {
      query:
        "mutation U($input: CustomerInput!) { customerUpdate(input: $input) { customer { id } userErrors { field message } } }",
      variables: {
        input: { id: "gid://shopify/Customer/1", emailMarketingConsent: { marketingState: "SUBSCRIBED" } }
      }
    })
    assert.deepStrictEqual(pick(answer.body, "data.customerUpdate"), {
      customer: null,
      userErrors: [
        {
          field: ["emailMarketingConsent"],
          message:
            "To update emailMarketingConsent, please use the customerEmailMarketingConsentUpdate Mutation instead"
        }
      ]
    })
  })

  it("a bad variable is INVALID_VARIABLE with the problem's path, and costs nothing", async () => {
    const r = await start({ data, throttle: { restoreRate: 0 } })
    const answer = await post(r, {
      query:
        "mutation C($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }",
      variables: { input: { firstName: "A", addresses: [{ countryCode: "NZ" }, { countryCode: "QQ" }] } }
    })
    assert.isUndefined(pick(answer.body, "data"))
    const error = pick(answer.body, "errors.0")
    assert.strictEqual(pick(error, "extensions.code"), "INVALID_VARIABLE")
    assert.deepStrictEqual(pick(error, "extensions.problems.0.path"), ["addresses", 1, "countryCode"])
    assert.match(
      String(pick(error, "message")),
      /^Variable \$input of type CustomerInput! was provided invalid value for addresses\.1\.countryCode \(/
    )
    assert.strictEqual(pick(answer.body, "extensions.cost.throttleStatus.currentlyAvailable"), 2000)
  })

  it("customerSet normalises the phone and the tags; an email that is taken is TAKEN", async () => {
    const r = await start({ data })
    const set = (input: unknown) =>
      post(r, {
        query:
          "mutation S($id: CustomerSetIdentifiers, $input: CustomerSetInput!) { customerSet(identifier: $id, input: $input) { customer { tags defaultPhoneNumber { phoneNumber } } userErrors { field message code } } }",
        variables: { id: { id: "gid://shopify/Customer/2" }, input }
      })
    const ok = await set({ phone: "+64 (21) 123-4567", tags: ["b", " a", "B", ""] })
    assert.deepStrictEqual(pick(ok.body, "data.customerSet"), {
      customer: { tags: ["a", "b"], defaultPhoneNumber: { phoneNumber: "+64211234567" } },
      userErrors: []
    })
    const taken = await set({ email: "C1@example.com" })
    assert.deepStrictEqual(pick(taken.body, "data.customerSet.userErrors"), [
      { field: ["input", "email"], message: "Email has already been taken", code: "TAKEN" }
    ])
  })
})

describe("search", () => {
  it("terms, OR, negation, tags and time ranges", async () => {
    const r = await start({ data })
    const ids = async (query: string) => {
      const answer = await post(r, {
        query:
          "query Q($q: String) { customers(first: 10, query: $q, sortKey: ID) { nodes { legacyResourceId } } }",
        variables: { q: query }
      })
      const nodes = pick(answer.body, "data.customers.nodes") as ReadonlyArray<{ legacyResourceId: string }>
      return nodes.map((n) => n.legacyResourceId)
    }
    assert.deepStrictEqual(await ids('email:"c1@example.com" OR email:c3@example.com'), ["1", "3"])
    assert.deepStrictEqual(await ids("tag:VIP -tag:wholesale"), ["1"])
    assert.deepStrictEqual(await ids("updated_at:>='2024-01-01T01:00:00Z'"), ["2", "3"])
    assert.deepStrictEqual(await ids("updated_at:>'2024-01-01T01:00:00Z' AND state:enabled"), ["3"])
    assert.deepStrictEqual(await ids("email:*@example.com country:NZ"), ["1"])
  })
})
