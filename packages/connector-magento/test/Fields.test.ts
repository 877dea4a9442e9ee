/**
 * The customers stream's field declaration, checked the way it is defined: canonical customers
 * written through the default from-canonical mapping and `create`, read back through `list`
 * and the to-canonical mapping. Every `full` field comes back equal; the `lossy` ones lose
 * what their notes say.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, FieldSupport, Mapping, RecordSchema } from "@mapwright/core"
import { Effect } from "effect"
import { connector, mappings, schemas } from "../src/index.ts"
import { clientFor, list, withEmulator } from "./helpers.ts"

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])
const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const address = (kind: "billing" | "shipping" | "other", city: string, phone: string | null) => ({
  id: `src-${city}`,
  kind,
  isDefault: kind !== "other",
  firstName: "Aroha",
  lastName: "Ngata",
  company: kind === "billing" ? "Harbour Traders Ltd" : null,
  line1: `${city.length} Queen St`,
  line2: "Level 4",
  line3: "Suite 2",
  city,
  region: "Auckland",
  postalCode: "1010",
  country: "NZ",
  phone,
  email: "billing@example.com"
})

const customer = (i: number, gender: "male" | "female" | "other"): Canonical.Customer => ({
  id: `src-${i}`,
  email: `aroha${i}@example.com`,
  firstName: `Aroha${i}`,
  lastName: "Ngata",
  company: "Another Company",
  phone: "+64215550199",
  phones: [
    { kind: "primary", number: "+64215550199" },
    { kind: "mobile", number: "+64215550100" }
  ],
  gender,
  birthDate: "1988-02-29",
  isGuest: i === 2,
  active: true,
  blocked: false,
  canLogin: true,
  groups: [{ id: "g1", code: "Wholesale", name: "Wholesale" }],
  tags: ["vip"],
  billing: address("billing", "Auckland", "+64215550123"),
  shipping: address("shipping", "Wellington", null),
  addresses: [address("other", "Hamilton", null)],
  marketing: { emailOptIn: true, smsOptIn: true },
  discountPercent: 10,
  orderCount: 3,
  lastOrderAt: "2024-02-01T10:00:00.000Z",
  createdAt: "2020-01-01T00:00:00.000Z",
  updatedAt: "2024-02-01T10:00:00.000Z",
  lastLoginAt: "2024-02-02T10:00:00.000Z",
  deletedAt: null,
  extra: {},
  source: { system: "test", id: `src-${i}` }
})

describe("field support", () => {
  it.live("full fields come back equal; lossy ones as their notes say", () =>
    withEmulator({ customers: 0, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const fromCanonical = yield* load(mappings.customerFromCanonical)
        const toCanonical = yield* load(mappings.customerToCanonical)
        const written = [customer(1, "female"), customer(2, "other"), customer(3, "male")]
        const natives = written.map((c) => fromCanonical(c).value)
        const client = yield* clientFor(running)
        const results = yield* client.streams.customers!.create!(natives)
        assert.deepStrictEqual(
          results.map((r) => r._tag),
          ["Created", "Created", "Created"]
        )
        // writes run a few at a time: read back in the order written, by email
        const all = (yield* list(client, "customers")).map(
          (i) => toCanonical(i.record).value as Canonical.Customer
        )
        const read = written.map((w) => all.find((c) => c.email === w.email)!)
        const declaration = connector.streams.customers!.fields!
        const full = FieldSupport.fieldsAt(declaration, "full")
        assert.deepStrictEqual(full, ["email", "firstName", "lastName", "birthDate"])
        read.forEach((back, i) => {
          for (const field of full) assert.deepStrictEqual(back[field], written[i]![field], field)
        })
        const [first, second] = read
        // gender: male and female by label; other has no option
        assert.deepStrictEqual(
          read.map((c) => c.gender),
          ["female", null, "male"]
        )
        // company and phone: the billing address's
        assert.strictEqual(first?.company, "Harbour Traders Ltd")
        assert.strictEqual(first?.phone, "+64215550123")
        assert.deepStrictEqual(first?.phones, [{ kind: "primary", number: "+64215550123" }])
        // a guest written becomes registered
        assert.strictEqual(second?.isGuest, false)
        // one group, by code, its id the target's
        assert.deepStrictEqual(first?.groups, [{ id: "2", code: "Wholesale", name: "Wholesale" }])
        // the billing address: Magento's id, line2 and line3 in one street line, no email,
        // the shipping phone falls back to the customer's
        assert.deepStrictEqual(first?.billing, {
          ...written[0]!.billing!,
          id: first?.billing?.id ?? "",
          line2: "Level 4, Suite 2",
          line3: null,
          email: null
        })
        assert.match(first?.billing?.id ?? "", /^\d+$/)
        assert.strictEqual(first?.shipping?.phone, "+64215550199")
        // the address book also lists the default addresses
        assert.deepStrictEqual(
          first?.addresses.map((a) => [a.kind, a.city]),
          [
            ["other", "Hamilton"],
            ["billing", "Auckland"],
            ["shipping", "Wellington"]
          ]
        )
        assert.deepStrictEqual(first?.marketing, { emailOptIn: true, smsOptIn: null })
        // none: not written
        for (const field of FieldSupport.fieldsAt(declaration, "none")) {
          const value = first?.[field]
          assert.isFalse(
            FieldSupport.isFilled(value),
            `${field} is declared none but came back ${JSON.stringify(value)}`
          )
        }
      })
    )
  )
})
