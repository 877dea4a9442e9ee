/**
 * The acceptance target: the XML ResultSet connector's default mapping
 * (`packages/connector-xml-resultset/mappings/customer.to-canonical.yaml`) loads, checks and
 * compiles against the connector's `xml-resultset/Customer` and `canonical/Customer`, and maps
 * a full record of seed 001 to the canonical Customer written out here by hand.
 *
 * The connector's schemas are imported at run time by path (core cannot depend on the
 * connector package, which depends on core).
 */
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as Mapping from "../src/Mapping.ts"
import * as RecordSchema from "../src/RecordSchema.ts"

const connector = join(import.meta.dirname, "../../connector-xml-resultset")
const mappingFile = join(connector, "mappings/customer.to-canonical.yaml")

const connectorSchemas = async (): Promise<ReadonlyArray<RecordSchema.RecordSchema>> => {
  const module: unknown = await import(join(connector, "src/index.ts"))
  assert.isTrue(
    typeof module === "object" && module !== null && "schemas" in module && Array.isArray(module.schemas)
  )
  return (module as { readonly schemas: ReadonlyArray<RecordSchema.RecordSchema> }).schemas
}

const load = Effect.gen(function* () {
  const xml = yield* Effect.promise(connectorSchemas)
  const schemas = RecordSchema.registry([...Canonical.schemas, ...xml])
  return yield* Mapping.load(mappingFile, { schemas })
}).pipe(Effect.provide(NodeFileSystem.layer))

const group = (code: string, groupCode: string, subscribed: string) => ({
  code,
  username: "peter@parker.nz",
  group_code: groupCode,
  subscribed,
  custom_data1: "",
  custom_data2: "",
  custom_data3: "",
  custom_data4: ""
})

/** Seed 001's customer, every field filled the way the API gives it (strings, blanks as ""). */
const seed = {
  username: "peter@parker.nz",
  password: "PETERFOO123",
  email: "Peter@Parker.nz",
  phone_day: "021 555 0123",
  phone_night: "09 379 0123",
  b_company: "Daily Bugle",
  b_fname: "Peter",
  b_lname: "Parker",
  b_address1: "20 Ingram Street",
  b_address2: "Forest Hills",
  b_address3: "",
  b_city: "Wellington",
  b_state: "Wellington",
  b_zip: "6011",
  b_country: "NZ",
  company: "",
  fname: "Peter",
  lname: "Parker",
  address1: "1 Stark Tower",
  address2: "",
  address3: "",
  city: "Auckland",
  state: "Auckland",
  zip: "0600",
  country: "New Zealand",
  inactive: "0",
  discount: "20",
  no_email: "1",
  mv_shipmode: "courier",
  custom_data1: "web",
  custom_data2: "",
  custom_data3: "",
  custom_data4: "",
  UserCustomerGroup: [group("17", "dealer", "true"), group("18", "vip", "0")]
}

const noGroupData = { customData1: null, customData2: null, customData3: null, customData4: null }

const expected: Canonical.Customer = {
  id: "peter@parker.nz",
  email: "peter@parker.nz",
  firstName: "Peter",
  lastName: "Parker",
  company: "Daily Bugle",
  phone: "+64215550123",
  phones: [
    { kind: "day", number: "+64215550123" },
    { kind: "night", number: "+6493790123" }
  ],
  gender: null,
  birthDate: null,
  isGuest: false,
  active: true,
  blocked: null,
  canLogin: null,
  groups: [
    { id: "dealer", code: "dealer", name: null },
    { id: "vip", code: "vip", name: null }
  ],
  tags: [],
  billing: {
    id: null,
    kind: "billing",
    isDefault: true,
    firstName: "Peter",
    lastName: "Parker",
    company: "Daily Bugle",
    line1: "20 Ingram Street",
    line2: "Forest Hills",
    line3: null,
    city: "Wellington",
    region: "Wellington",
    postalCode: "6011",
    country: "NZ",
    phone: "+64215550123",
    email: "peter@parker.nz"
  },
  shipping: {
    id: null,
    kind: "shipping",
    isDefault: true,
    firstName: "Peter",
    lastName: "Parker",
    company: null,
    line1: "1 Stark Tower",
    line2: null,
    line3: null,
    city: "Auckland",
    region: "Auckland",
    postalCode: "0600",
    country: "NZ",
    phone: null,
    email: null
  },
  addresses: [],
  marketing: { emailOptIn: false, smsOptIn: null },
  discountPercent: 20,
  orderCount: null,
  lastOrderAt: null,
  createdAt: null,
  updatedAt: null,
  lastLoginAt: null,
  deletedAt: null,
  extra: {
    xmlResultset: {
      shipMode: "courier",
      customData1: "web",
      customData2: null,
      customData3: null,
      customData4: null,
      groupMemberships: [
        { code: "17", groupCode: "dealer", subscribed: true, ...noGroupData },
        { code: "18", groupCode: "vip", subscribed: false, ...noGroupData }
      ]
    }
  },
  source: { system: "xml-resultset", id: "peter@parker.nz" }
}

describe("acceptance: xml-resultset customer.to-canonical", () => {
  it.effect("loads without warnings: every source field is mapped, kept under extra or ignored", () =>
    Effect.gen(function* () {
      const m = yield* load
      assert.strictEqual(m.name, "xml-resultset.customer.to-canonical")
      assert.strictEqual(m.source, "xml-resultset/Customer")
      assert.strictEqual(m.target, "canonical/Customer")
      assert.deepStrictEqual(m.warnings, [])
    })
  )

  it.effect("maps seed 001's full customer to the canonical Customer, keys in the model's order", () =>
    Effect.gen(function* () {
      const m = yield* load
      const r = m(seed)
      assert.deepStrictEqual(r, { value: expected, issues: [] })
      assert.deepStrictEqual(Object.keys(r.value!), Object.keys(expected))
      assert.deepStrictEqual(Object.keys(r.value!.billing as object), Object.keys(expected.billing!))
    })
  )

  it.effect("maps the seed's own example: blank shipping means billing, and the password stays out", () =>
    Effect.gen(function* () {
      const m = yield* load
      const r = m({
        username: "peter@parker.nz",
        password: "PETERFOO123",
        email: "peter@parker.nz",
        b_fname: "Peter",
        b_lname: "Parker",
        UserCustomerGroup: [
          { username: "peter@parker.nz", group_code: "dealer" },
          { username: "peter@parker.nz", group_code: "vip" }
        ]
      })
      const billing = {
        id: null,
        kind: "billing",
        isDefault: true,
        firstName: "Peter",
        lastName: "Parker",
        company: null,
        line1: null,
        line2: null,
        line3: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
        phone: null,
        email: "peter@parker.nz"
      } as const
      assert.deepStrictEqual(r.issues, [])
      assert.deepStrictEqual(r.value?.billing, billing)
      assert.deepStrictEqual(r.value?.shipping, { ...billing, kind: "shipping" })
      assert.deepStrictEqual(r.value?.groups, [
        { id: "dealer", code: "dealer", name: null },
        { id: "vip", code: "vip", name: null }
      ])
      assert.isFalse(JSON.stringify(r.value).includes("PETERFOO123"))
    })
  )

  it.effect("rejects a bad discount and a bad group flag with both paths", () =>
    Effect.gen(function* () {
      const m = yield* load
      const r = m({
        username: "x",
        discount: "twenty",
        UserCustomerGroup: [{ group_code: "a" }, { subscribed: "maybe" }]
      })
      assert.isUndefined(r.value)
      assert.deepStrictEqual(
        r.issues.map((i) => [i.severity, i.stage, i.path, i.sourcePath, i.code]),
        [
          ["error", "map", "discountPercent", "discount", "InvalidInt"],
          [
            "error",
            "map",
            "extra.xmlResultset.groupMemberships.1.subscribed",
            "UserCustomerGroup.1.subscribed",
            "InvalidBool"
          ]
        ]
      )
    })
  )

  it.effect("a missing username is rejected by `required`", () =>
    Effect.gen(function* () {
      const m = yield* load
      const r = m({ email: "a@b.co" })
      assert.deepStrictEqual(
        r.issues.map((i) => [i.path, i.sourcePath, i.code]),
        [
          ["id", "username", "Required"],
          ["source.id", "username", "Required"]
        ]
      )
    })
  )
})
