/**
 * Writes against the emulator over loopback HTTP: one call per created or updated customer,
 * Open2b's errors (HTTP 200) as the record's `Rejected` with the field's path, passwords in
 * clear or crypted by a named application, deletes by id.
 */
import { createHash } from "node:crypto"
import { assert, describe, it } from "@effect/vitest"
import type { Connector } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as Open2bEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const billing = (email: string, firstName = "Mere") => ({
  firstName,
  lastName: "Ngata",
  street1: "5 Queen Street",
  city: "Auckland",
  postalCode: "1010",
  country: "NZ",
  email
})

const data = [
  {
    id: 5,
    code: "C-5",
    canLogin: true,
    password: { value: "kia-ora-5" },
    creationTime: "2024-01-10 10:00:00",
    updateTime: "2024-01-10 10:00:00",
    group: 2,
    billingAddress: billing("mere@example.nz")
  },
  { id: 6, group: 1, billingAddress: billing("tama@example.nz", "Tama") }
]

const withClient = <A, E>(
  f: (
    customers: Connector.StreamClient,
    running: Open2bEmulator.Running
  ) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>,
  options: Open2bEmulator.Options = {}
) =>
  Effect.gen(function* () {
    const running = yield* Open2bEmulator.serve({ data, ...options })
    const client = yield* connector.client(running.config)
    return yield* f(client.streams.customers!, running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

/** Open2b's customers.authenticate, which the connector does not expose: whether the password works. */
const authenticates = (running: Open2bEmulator.Running, email: string, password: string) =>
  Effect.promise(async () => {
    const response = await fetch(`${running.url}/api/v6/commerce.customers.authenticate`, {
      method: "POST",
      headers: { "x-key": Open2bEmulator.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ email, password, fields: ["id"] })
    })
    const body = (await response.json()) as { customer: { id: number } | null }
    return body.customer?.id
  })

const only = (results: ReadonlyArray<Connector.WriteResult>): Connector.WriteResult => {
  assert.strictEqual(results.length, 1)
  return results[0]!
}

const issuesOf = (result: Connector.WriteResult) => {
  if (result._tag !== "Rejected") return assert.fail(`expected Rejected, got ${JSON.stringify(result)}`)
  return result.issues.map((i) => [i.stage, i.path, i.code, i.message])
}

const calls = (running: Open2bEmulator.Running, method: string) =>
  running.calls().filter((c) => c.method === method)

describe("create", () => {
  it.live("one call per customer; a refused one is Rejected at its field and the others are created", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.create!([
          { billingAddress: billing("aroha@example.nz", "Aroha") },
          { canLogin: true, password: { value: "another-1" }, billingAddress: billing("MERE@example.nz") },
          { code: "C-5", billingAddress: billing("nikau@example.nz", "Nikau") },
          { group: 9, billingAddress: billing("rangi@example.nz", "Rangi") },
          { billingAddress: billing("hemi@example.nz", "Hemi") }
        ])
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Created", "Rejected", "Rejected", "Rejected", "Created"]
        )
        assert.deepStrictEqual(issuesOf(results[1]!), [
          [
            "write",
            "billingAddress.email",
            "AlreadyExists",
            "Open2b refused the customer: Email 'MERE@example.nz' already exists for a customer that can login (AlreadyExists at email)"
          ]
        ])
        assert.deepStrictEqual(issuesOf(results[2]!), [
          [
            "write",
            "code",
            "AlreadyExists",
            "Open2b refused the customer: Code 'C-5' already exists (AlreadyExists at code)"
          ]
        ])
        assert.deepStrictEqual(issuesOf(results[3]!), [
          [
            "write",
            "group",
            "NotFound",
            "Open2b refused the customer: Customer group 9 does not exist (NotFound at group)"
          ]
        ])
        assert.strictEqual(calls(running, "commerce.customers.create").length, 5)
        const created = results[0]
        if (created?._tag !== "Created") return assert.fail("expected Created")
        const read = (yield* customers.get!(created.id)) as {
          billingAddress: { email: string }
          canLogin: boolean
        }
        assert.strictEqual(read.billingAddress.email, "aroha@example.nz")
        assert.strictEqual(read.canLogin, false)
      })
    )
  )

  it.live("a customer without a password cannot log in: Missing at password", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const result = only(
          yield* customers.create!([{ canLogin: true, billingAddress: billing("kahu@example.nz") }])
        )
        assert.deepStrictEqual(issuesOf(result), [
          [
            "write",
            "password",
            "Missing",
            "Open2b refused the customer: Password is required if customer is active (Missing at password)"
          ]
        ])
      })
    )
  )

  it.live("the read-only fields of a record read from Open2b are not sent", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const tama = yield* customers.get!("6")
        const result = only(
          yield* customers.create!([{ ...(tama as object), billingAddress: billing("tama.two@example.nz") }])
        )
        assert.strictEqual(result._tag, "Created")
        const sent = calls(running, "commerce.customers.create")[0]?.request as { customer: object }
        // no id, hasPassword, updateTime, fullName, cart (update only) nor the UTC twins
        assert.deepStrictEqual(Object.keys(sent.customer).sort(), [
          "billingAddress",
          "canLogin",
          "code",
          "creationTime",
          "group",
          "invoiceRecipient",
          "loginTime",
          "shippingAddress",
          "wishList"
        ])
      })
    )
  )
})

describe("passwords", () => {
  it.live("a password in clear is sent without cryptedBy (None as given) and then works", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.create!([
          {
            canLogin: true,
            password: { value: "hunter-22", cryptedBy: null },
            billingAddress: billing("a@example.nz")
          },
          {
            canLogin: true,
            password: { value: "hunter-33", cryptedBy: "None" },
            billingAddress: billing("b@example.nz")
          }
        ])
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Created", "Created"]
        )
        const sent = calls(running, "commerce.customers.create").map(
          (c) => (c.request as { customer: { password: unknown } }).customer.password
        )
        assert.deepStrictEqual(sent, [{ value: "hunter-22" }, { value: "hunter-33", cryptedBy: "None" }])
        assert.isDefined(yield* authenticates(running, "a@example.nz", "hunter-22"))
        assert.isDefined(yield* authenticates(running, "b@example.nz", "hunter-33"))
        assert.isUndefined(yield* authenticates(running, "b@example.nz", "hunter-22"))
      })
    )
  )

  it.live(
    "a password crypted by osCommerce is kept as crypted, and the customer logs in with the clear one",
    () =>
      withClient((customers, running) =>
        Effect.gen(function* () {
          // osCommerce: md5(salt + password) in hex, a colon, the 2-character salt
          const crypted = `${createHash("md5").update("x9oldpass").digest("hex")}:x9`
          const result = only(
            yield* customers.create!([
              {
                canLogin: true,
                password: { value: crypted, cryptedBy: "osCommerce" },
                billingAddress: billing("c@example.nz")
              }
            ])
          )
          assert.strictEqual(result._tag, "Created")
          assert.isDefined(yield* authenticates(running, "c@example.nz", "oldpass"))
        })
      )
  )

  it.live("a hash read from one Open2b shop is written to another as crypted by Open2b", () =>
    Effect.gen(function* () {
      const source = yield* Open2bEmulator.serve({ data })
      const target = yield* Open2bEmulator.serve({ data: [] })
      const from = (yield* connector.client(source.config)).streams.customers!
      const to = (yield* connector.client(target.config)).streams.customers!
      const plain = (yield* from.get!("5")) as Record<string, unknown>
      assert.isFalse("encryptedPassword" in plain, "hashes are read only on request")
      const items = yield* Stream.runCollect(from.list!({ options: { readPasswordHashes: true } }))
      const mere = items[0]!.record as Record<string, unknown>
      assert.strictEqual(only(yield* to.create!([mere]))._tag, "Created")
      const sent = target.calls()[0]?.request as { customer: { password: unknown } }
      assert.deepStrictEqual(sent.customer.password, { value: mere.encryptedPassword, cryptedBy: "Open2b" })
      assert.isDefined(yield* authenticates(target, "mere@example.nz", "kia-ora-5"))
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live(
    "the seed's example (I9bV2crS crypted by Open2b) is not an Open2b hash: Malformed at password",
    () =>
      withClient((customers) =>
        Effect.gen(function* () {
          const result = only(
            yield* customers.create!([
              {
                canLogin: true,
                password: { value: "I9bV2crS", cryptedBy: "Open2b" },
                billingAddress: billing("d@example.nz")
              }
            ])
          )
          assert.deepStrictEqual(issuesOf(result), [
            [
              "write",
              "password",
              "Malformed",
              "Open2b refused the customer: Password is not a 'Open2b' crypted password (Malformed at password)"
            ]
          ])
        })
      )
  )

  it.live("a clear password of the wrong length is Malformed, and no message repeats it", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const result = only(
          yield* customers.create!([
            {
              canLogin: true,
              password: { value: "much-too-long-password" },
              billingAddress: billing("e@example.nz")
            }
          ])
        )
        assert.deepStrictEqual(issuesOf(result), [
          [
            "write",
            "password",
            "Malformed",
            "Open2b refused the customer: Password must have between 6 and 16 characters (Malformed at password)"
          ]
        ])
      })
    )
  )

  it.live("an application Open2b does not know is refused before anything is sent", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const result = only(
          yield* customers.create!([
            {
              password: { value: "$2y$10$abcdefghijk", cryptedBy: "Magento" },
              billingAddress: billing("f@example.nz")
            }
          ])
        )
        assert.deepStrictEqual(
          issuesOf(result).map((i) => i.slice(0, 3)),
          [["write", "password.cryptedBy", "InvalidValue"]]
        )
        assert.strictEqual(calls(running, "commerce.customers.create").length, 0)
      })
    )
  )
})

describe("update", () => {
  it.live("changes only the fields sent; an unknown id is Rejected at id", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.update!([
          { id: "6", record: { code: "C-6", shippingAddress: null } },
          { id: "404", record: { code: "C-404" } },
          { id: "not-an-id", record: {} }
        ])
        assert.deepStrictEqual(results[0], { _tag: "Updated", id: "6" })
        assert.deepStrictEqual(issuesOf(results[1]!), [
          [
            "write",
            "id",
            "NotFound",
            "Open2b refused the customer: Customer '404' does not exist (NotFound at id)"
          ]
        ])
        assert.deepStrictEqual(
          issuesOf(results[2]!).map((i) => i.slice(0, 3)),
          [["write", "id", "NotFound"]]
        )
        assert.deepStrictEqual(calls(running, "commerce.customers.update")[0]?.request, {
          id: 6,
          customer: { code: "C-6", shippingAddress: null }
        })
        const tama = (yield* customers.get!("6")) as {
          code: string
          group: number
          billingAddress: { email: string }
        }
        assert.strictEqual(tama.code, "C-6")
        assert.strictEqual(tama.group, 1)
        assert.strictEqual(tama.billingAddress.email, "tama@example.nz")
      })
    )
  )

  it.live("times: a login before the creation, a creation in the future", () =>
    withClient((customers) =>
      Effect.gen(function* () {
        const results = yield* customers.update!([
          { id: "5", record: { loginTimeUtc: "2023-12-31T23:00:00Z" } },
          { id: "5", record: { creationTimeUtc: "2999-01-01T00:00:00Z" } }
        ])
        assert.deepStrictEqual(
          results.map((r) => issuesOf(r).map((i) => i.slice(1, 3))),
          [[["loginTime", "InvalidValue"]], [["creationTime", "InvalidValue"]]]
        )
      })
    )
  )

  it.live("a saved cart that does not exist is NotFound at cart", () =>
    withClient(
      (customers) =>
        Effect.gen(function* () {
          const results = yield* customers.update!([
            { id: "6", record: { cart: 777 } },
            { id: "6", record: { cart: 501741697 } }
          ])
          assert.deepStrictEqual(
            issuesOf(results[0]!).map((i) => i.slice(1, 4)),
            [["cart", "NotFound", "Open2b refused the customer: Cart 777 does not exist (NotFound at cart)"]]
          )
          assert.strictEqual(results[1]?._tag, "Updated")
        }),
      { carts: [501741697] }
    )
  )
})

describe("delete", () => {
  it.live("deletes the customers that exist; the others are Rejected", () =>
    withClient((customers, running) =>
      Effect.gen(function* () {
        const results = yield* customers.delete!(["6", "404", "x", "6"])
        assert.deepStrictEqual(results[0], { _tag: "Deleted", id: "6" })
        assert.deepStrictEqual(
          results.slice(1).map((r) => issuesOf(r).map((i) => i.slice(1, 3))),
          [[["id", "NotFound"]], [["id", "NotFound"]], [["id", "NotFound"]]]
        )
        assert.deepStrictEqual(calls(running, "commerce.customers.delete")[0]?.request, { ids: [6] })
        assert.strictEqual(yield* customers.get!("6"), undefined)
        assert.strictEqual(yield* customers.count!({}), 1)
      })
    )
  )
})
