/**
 * The customers stream's field declaration holds: canonical customers written through the
 * default mapping and the emulator, read back and mapped to canonical again, keep every field
 * declared `full`, and have nothing in the fields declared `none`.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, FieldSupport, Mapping, RecordSchema } from "@mapwright/core"
import { Effect, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { connector, mappings, schemas } from "../src/index.ts"

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])
const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const address = (kind: "billing" | "shipping", city: string) => ({
  id: `${kind}-1`,
  kind,
  isDefault: true,
  firstName: "Aroha",
  lastName: "Ngata",
  company: "Ngata Ltd",
  line1: "12 Queen Street",
  line2: "Level 3",
  line3: "Suite 4",
  city,
  region: "Auckland",
  postalCode: "1010",
  country: "NZ",
  phone: "+64211234567",
  email: "aroha@example.com"
})

const filled = (n: number, isGuest: boolean) => ({
  id: `src-${n}`,
  email: `person${n}@example.com`,
  firstName: "Aroha",
  lastName: ["Ngata", "Parata", "Tane"][n] ?? "Ngata",
  company: "Ngata Ltd",
  phone: "+64211234567",
  phones: [
    { kind: "primary", number: "+64211234567" },
    { kind: "mobile", number: "+64221234567" }
  ],
  gender: "female",
  birthDate: "1988-02-29",
  isGuest,
  active: true,
  blocked: false,
  canLogin: !isGuest,
  groups: [{ id: "9", code: "vip", name: "VIP" }],
  tags: ["loyal"],
  billing: address("billing", "Auckland"),
  shipping: address("shipping", "Wellington"),
  addresses: [address("billing", "Auckland")],
  marketing: { emailOptIn: true, smsOptIn: true },
  discountPercent: 10,
  orderCount: 3,
  lastOrderAt: "2024-01-02T03:04:05.000Z",
  createdAt: "2020-01-01T00:00:00.000Z",
  updatedAt: "2021-01-01T00:00:00.000Z",
  lastLoginAt: "2024-02-01T00:00:00.000Z",
  deletedAt: null,
  extra: {},
  source: { system: "test", id: `src-${n}` }
})

describe("field declaration", () => {
  it.live("full fields come back equal; none fields come back empty", () =>
    Effect.gen(function* () {
      const declaration = connector.streams.customers!.fields!
      const from = yield* load(mappings.customerFromCanonical)
      const to = yield* load(mappings.customerToCanonical)
      const running = yield* PrestaShopEmulator.serve({ customers: 0, orders: 0 })
      const client = yield* connector.client({ ...running.config, timeZone: "Europe/Paris" })
      const originals = [filled(0, false), filled(1, true), filled(2, false)]
      const natives = originals.map((c) => {
        const mapped = from(c)
        if (mapped.value === undefined)
          return assert.fail(`from-canonical rejects: ${JSON.stringify(mapped.issues)}`)
        return mapped.value
      })
      const results = yield* client.streams.customers!.create!(natives)
      assert.deepStrictEqual(
        results.map((r) => r._tag),
        ["Created", "Created", "Created"]
      )
      const read = yield* Stream.runCollect(client.streams.customers!.list!({}))
      const back = read.map((item) => {
        const mapped = to(item.record)
        if (mapped.value === undefined)
          return assert.fail(`to-canonical rejects: ${JSON.stringify(mapped.issues)}`)
        return mapped.value as Record<string, unknown>
      })
      const byEmail = new Map(back.map((c) => [c.email, c]))
      for (const original of originals) {
        const again = byEmail.get(original.email)
        assert.isDefined(again, `${original.email} was not read back`)
        for (const field of FieldSupport.fieldsAt(declaration, "full")) {
          assert.deepStrictEqual(
            again?.[field],
            (original as Record<string, unknown>)[field],
            `full field ${field}`
          )
        }
        for (const field of FieldSupport.fieldsAt(declaration, "none")) {
          assert.isFalse(
            FieldSupport.isFilled(again?.[field]),
            `none field ${field} holds ${JSON.stringify(again?.[field])}`
          )
        }
        // some lossy fields keep what the notes say they keep
        assert.strictEqual(again?.phone, "+64211234567")
        const billing = again?.billing as Record<string, unknown> | undefined
        const shipping = again?.shipping as Record<string, unknown> | undefined
        assert.strictEqual(billing?.line2, "Level 3, Suite 4")
        assert.strictEqual(shipping?.city, "Wellington")
        assert.deepStrictEqual(again?.marketing, { emailOptIn: true, smsOptIn: null })
        assert.strictEqual(again?.gender, "female")
        assert.strictEqual(again?.canLogin, original.canLogin)
      }
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )
})
