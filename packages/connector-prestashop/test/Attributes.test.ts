/**
 * The customerAttributes stream against the emulator over loopback HTTP: the customer
 * synopsis read in XML whatever the configured format (PrestaShop's JSON synopsis has no
 * attributes), one record per field with its format, required, maxSize and readOnly as
 * PrestaShop 8 defines them, the options of id_gender and id_default_group from the shop's
 * own tables in the configured language, the count, and the default mapping to canonical.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, type Connector, Mapping, RecordSchema, Validator } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { connector, mappings, schemas } from "../src/index.ts"

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])

const withEmulator = <A, E>(
  options: PrestaShopEmulator.Options,
  f: (running: PrestaShopEmulator.Running) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* PrestaShopEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

type Json = Record<string, unknown>

const attributes = (client: Connector.Client) =>
  Effect.map(Stream.runCollect(client.streams.customerAttributes!.list!({})), (items) =>
    items.map((i) => i.record as Json)
  )

const byName = (records: ReadonlyArray<Json>, name: string) => records.find((r) => r.name === name)

/** The fields of PrestaShop 8's customer synopsis, in its order (the blank schema's, without id). */
const synopsisOrder = [
  "id_default_group",
  "id_lang",
  "newsletter_date_add",
  "ip_registration_newsletter",
  "last_passwd_gen",
  "secure_key",
  "deleted",
  "passwd",
  "lastname",
  "firstname",
  "email",
  "id_gender",
  "birthday",
  "newsletter",
  "optin",
  "website",
  "company",
  "siret",
  "ape",
  "outstanding_allow_amount",
  "show_public_prices",
  "id_risk",
  "max_payment_days",
  "active",
  "note",
  "is_guest",
  "id_shop",
  "id_shop_group",
  "date_add",
  "date_upd",
  "reset_password_token",
  "reset_password_validity"
]

describe("customerAttributes", () => {
  it.live("reads the synopsis in XML, one record per field, with the tables' options", () =>
    withEmulator({ customers: 2, orders: 0, groups: 3 }, (running) =>
      Effect.gen(function* () {
        // JSON reads, but the synopsis is asked for in XML
        const client = yield* connector.client(running.config)
        const records = yield* attributes(client)
        assert.deepStrictEqual(
          records.map((r) => r.name),
          synopsisOrder
        )
        const validate = Validator.compile(connector.streams.customerAttributes!.record)
        for (const r of records) assert.deepStrictEqual(validate(r), [], String(r.name))

        assert.deepStrictEqual(byName(records, "email"), {
          name: "email",
          format: "isEmail",
          required: "true",
          maxSize: "255",
          options: []
        })
        assert.deepStrictEqual(byName(records, "id_gender"), {
          name: "id_gender",
          format: "isUnsignedId",
          options: [
            { value: "1", label: "Mr." },
            { value: "2", label: "Mrs." }
          ]
        })
        assert.deepStrictEqual(byName(records, "id_default_group"), {
          name: "id_default_group",
          options: [
            { value: "1", label: "Visitor" },
            { value: "2", label: "Guest" },
            { value: "3", label: "Customer" }
          ]
        })
        assert.deepStrictEqual(byName(records, "secure_key"), {
          name: "secure_key",
          format: "isMd5",
          readOnly: "true",
          options: []
        })
        assert.deepStrictEqual(byName(records, "birthday"), {
          name: "birthday",
          format: "isBirthDate",
          options: []
        })
        assert.deepStrictEqual(byName(records, "note"), { name: "note", maxSize: "65000", options: [] })
        assert.deepStrictEqual(
          records.filter((r) => r.required === "true").map((r) => r.name),
          ["passwd", "lastname", "firstname", "email"]
        )

        const paths = running.stats.requests.map((r) => ({ path: r.path, search: r.search }))
        const synopsis = paths.filter((r) => r.path === "/api/customers")
        assert.strictEqual(synopsis.length, 1)
        assert.include(synopsis[0]!.search, "schema=synopsis")
        assert.include(synopsis[0]!.search, "output_format=XML")
        // the tables in the configured format
        assert.strictEqual(running.stats.count({ route: "GET /api/genders" }), 1)
        assert.strictEqual(running.stats.count({ route: "GET /api/groups" }), 1)
        assert.isTrue(
          paths
            .filter((r) => r.path !== "/api/customers")
            .every((r) => r.search.includes("output_format=JSON"))
        )
      })
    )
  )

  it.live("an XML config reads the same records; count reads the synopsis alone", () =>
    withEmulator({ customers: 2, orders: 0, groups: 3 }, (running) =>
      Effect.gen(function* () {
        const json = yield* attributes(yield* connector.client(running.config))
        const xmlClient = yield* connector.client({ ...running.config, format: "xml" })
        assert.deepStrictEqual(yield* attributes(xmlClient), json)
        const before = running.stats.total
        assert.strictEqual(yield* xmlClient.streams.customerAttributes!.count!({}), 32)
        assert.strictEqual(running.stats.total - before, 1)
      })
    )
  )

  it.live("the options are the shop's own titles and groups, named in the configured language", () =>
    withEmulator(
      {
        customers: 2,
        orders: 0,
        groups: 5,
        languages: ["1", "2"],
        genders: [
          { type: "2", name: "Mx" },
          { type: "1", name: "Ms" }
        ]
      },
      (running) =>
        Effect.gen(function* () {
          const client = yield* connector.client({ ...running.config, languageId: 2 })
          const records = yield* attributes(client)
          assert.deepStrictEqual(byName(records, "id_gender")?.options, [
            { value: "1", label: "Mx" },
            { value: "2", label: "Ms" }
          ])
          // the stock groups in French, then the shop's own (VIP, Wholesale)
          assert.deepStrictEqual(byName(records, "id_default_group")?.options, [
            { value: "1", label: "Visiteur" },
            { value: "2", label: "Invité" },
            { value: "3", label: "Client" },
            { value: "4", label: "VIP" },
            { value: "5", label: "Grossiste" }
          ])
        })
    )
  )

  it.live("a synopsis cut in half is read again", () =>
    withEmulator({ customers: 2, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* connector.client(running.config)
        running.faults.failNext(1, { kind: "malformed" })
        assert.strictEqual((yield* attributes(client)).length, 32)
        assert.strictEqual(running.stats.count({ route: "GET /api/customers" }), 2)
      })
    )
  )

  it.live("the default mapping gives canonical CustomerAttributes", () =>
    withEmulator({ customers: 2, orders: 0, groups: 3 }, (running) =>
      Effect.gen(function* () {
        const records = yield* attributes(yield* connector.client(running.config))
        const toCanonical = yield* Mapping.load(mappings.customerAttributeToCanonical, {
          schemas: registry
        }).pipe(Effect.provide(NodeFileSystem.layer))
        const canonical = records.map((r) => toCanonical(r).value as Canonical.CustomerAttribute)
        assert.deepStrictEqual(
          canonical.find((a) => a.code === "id_gender"),
          {
            code: "id_gender",
            label: null,
            type: "isUnsignedId",
            required: false,
            options: [
              { value: "1", label: "Mr." },
              { value: "2", label: "Mrs." }
            ]
          }
        )
        assert.deepStrictEqual(
          canonical.find((a) => a.code === "email"),
          { code: "email", label: null, type: "isEmail", required: true, options: [] }
        )
        assert.deepStrictEqual(
          canonical.find((a) => a.code === "newsletter_date_add"),
          { code: "newsletter_date_add", label: null, type: null, required: false, options: [] }
        )
        assert.deepStrictEqual(
          canonical.filter((a) => a.required === true).map((a) => a.code),
          ["passwd", "lastname", "firstname", "email"]
        )
      })
    )
  )
})
