/**
 * The field declaration holds: a canonical customer with every field filled, written through
 * the default mapping and the emulator and read back through the other, keeps every `full`
 * field equal; what it loses is declared.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, FieldSupport, Mapping, RecordSchema } from "@mapwright/core"
import { Effect } from "effect"
import { connector, mappings, schemas } from "../src/index.ts"
import { withClient } from "./helpers.ts"

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])
const load = (file: string) =>
  Mapping.load(file, { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

const address = (kind: "billing" | "shipping" | "other", line1: string) => ({
  id: "a-1",
  kind,
  isDefault: kind !== "other",
  firstName: "Hine",
  lastName: "Walker",
  company: "Harbour Traders Ltd",
  line1,
  line2: "Level 2",
  line3: "Suite 5",
  city: "Wellington",
  region: "WGN",
  postalCode: "6011",
  country: "NZ",
  phone: "+6444711234",
  email: "hine@example.nz"
})

const full: Canonical.Customer = {
  id: "src-7",
  email: "hine@example.nz",
  firstName: "Hine",
  lastName: "Walker",
  company: "Harbour Traders Ltd",
  phone: "+64211234567",
  phones: [
    { kind: "primary", number: "+64211234567" },
    { kind: "fax", number: "+6444711235" }
  ],
  gender: "female",
  birthDate: "1990-04-23",
  isGuest: false,
  active: true,
  blocked: false,
  canLogin: true,
  groups: [{ id: "3", code: "vip", name: "VIP" }],
  tags: ["vip", "newsletter"],
  billing: address("billing", "1 Lambton Quay"),
  shipping: address("shipping", "2 Cuba Street"),
  addresses: [address("other", "3 Willis Street")],
  marketing: { emailOptIn: true, smsOptIn: false },
  discountPercent: 10,
  orderCount: 4,
  lastOrderAt: "2024-03-01T10:00:00.000Z",
  createdAt: "2020-01-01T00:00:00.000Z",
  updatedAt: "2024-03-02T00:00:00.000Z",
  lastLoginAt: "2024-03-03T00:00:00.000Z",
  deletedAt: null,
  extra: {},
  source: { system: "other", id: "src-7" }
}

describe("field support", () => {
  const declaration = connector.streams.customers!.fields!

  it.live("every full field of a filled customer survives a write and a read", () =>
    withClient({ customers: 0, orders: 0 }, (client) =>
      Effect.gen(function* () {
        const from = yield* load(mappings.customerFromCanonical)
        const to = yield* load(mappings.customerToCanonical)
        const native = from(full)
        assert.deepStrictEqual(native.issues, [])
        const [created] = yield* client.streams.customers!.create!([native.value])
        if (created?._tag !== "Created")
          return assert.fail(`expected Created, got ${JSON.stringify(created)}`)
        const back = to(yield* client.streams.customers!.get!(created.id))
        const value = back.value as Readonly<Record<string, unknown>> | undefined
        if (value === undefined) return assert.fail(JSON.stringify(back.issues))
        const fields = FieldSupport.fieldsAt(declaration, "full")
        assert.deepStrictEqual(fields, ["email", "firstName", "lastName", "phone"])
        for (const field of fields) assert.deepStrictEqual(value[field], full[field], field)
        // the lossy billing comes back as the default address
        assert.deepStrictEqual(value.billing, {
          ...full.billing!,
          id: null,
          email: null,
          line2: "Level 2, Suite 5",
          line3: null
        })
      })
    )
  )

  it("the none fields a filled customer loses are the declared ones", () => {
    // blocked: false says no more than a platform without the field implies, so it is not lost
    assert.deepStrictEqual(FieldSupport.dropped(declaration, full), [
      "gender",
      "birthDate",
      "groups",
      "discountPercent",
      "lastLoginAt"
    ])
  })
})
