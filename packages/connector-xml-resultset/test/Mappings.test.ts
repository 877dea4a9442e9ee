/**
 * The default mappings' whole outputs (the YAML tests match subsets): what a create body
 * carries, and what it leaves out.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema } from "@mapwright/core"
import { Effect } from "effect"
import { mappings, schemas } from "../src/index.ts"

const load = (file: string) =>
  Mapping.load(file, { schemas: RecordSchema.registry([...Canonical.schemas, ...schemas]) }).pipe(
    Effect.provide(NodeFileSystem.layer)
  )

describe("customer.from-canonical", () => {
  it.effect("loads without warnings", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* load(mappings.customerFromCanonical)).warnings, [])
    })
  )

  it.effect(
    "writes only what the customer has: no shipping fields without a shipping address, no password",
    () =>
      Effect.gen(function* () {
        const from = yield* load(mappings.customerFromCanonical)
        const r = from({
          id: "17",
          email: "ada@example.com",
          firstName: "Ada",
          lastName: "Lovelace",
          company: null,
          phone: "+442079460958",
          phones: [{ kind: "mobile", number: "+442079460958" }],
          gender: "female",
          birthDate: "1815-12-10",
          isGuest: false,
          active: null,
          blocked: null,
          canLogin: null,
          groups: [],
          tags: ["math"],
          billing: {
            kind: "billing",
            line1: "12 St James's Square",
            city: "London",
            postalCode: "SW1Y 4JH",
            country: "GB"
          },
          shipping: null,
          addresses: [],
          marketing: { emailOptIn: true, smsOptIn: null },
          discountPercent: null,
          extra: {},
          source: { system: "woocommerce", id: "17" }
        })
        assert.deepStrictEqual(r, {
          value: {
            username: "ada@example.com",
            email: "ada@example.com",
            phone_day: "+442079460958",
            b_fname: "Ada",
            b_lname: "Lovelace",
            b_address1: "12 St James's Square",
            b_city: "London",
            b_zip: "SW1Y 4JH",
            b_country: "GB",
            no_email: "0",
            UserCustomerGroup: []
          },
          issues: []
        })
      })
  )

  it.effect("round-trips the seed's customer through the canonical model", () =>
    Effect.gen(function* () {
      const to = yield* load(mappings.customerToCanonical)
      const from = yield* load(mappings.customerFromCanonical)
      const seed = {
        username: "peter@parker.nz",
        email: "peter@parker.nz",
        b_fname: "Peter",
        b_lname: "Parker",
        b_zip: "0800",
        b_country: "NZ",
        discount: "20",
        inactive: "0",
        no_email: "1",
        UserCustomerGroup: [{ username: "peter@parker.nz", group_code: "dealer" }]
      }
      const canonical = to(seed).value
      const back = from(canonical)
      assert.deepStrictEqual(back.issues, [])
      const { fname, lname, zip, country, ...rest } = back.value as Record<string, unknown>
      // the shipping address the API left blank comes back as a copy of billing
      assert.deepStrictEqual(
        { fname, lname, zip, country },
        { fname: "Peter", lname: "Parker", zip: "0800", country: "NZ" }
      )
      assert.deepStrictEqual(rest, seed)
    })
  )
})

describe("usergroup mappings", () => {
  it.effect("round-trip the seed's group exactly", () =>
    Effect.gen(function* () {
      const to = yield* load(mappings.userGroupToCanonical)
      const from = yield* load(mappings.userGroupFromCanonical)
      const group = {
        code: "dealer",
        title: "Dealers",
        description: "Authorised dealers",
        parent_code: "wholesale"
      }
      const canonical = to(group)
      assert.deepStrictEqual(canonical, {
        value: {
          id: "dealer",
          code: "dealer",
          name: "Dealers",
          description: "Authorised dealers",
          parentId: "wholesale"
        },
        issues: []
      })
      assert.deepStrictEqual(from(canonical.value), { value: group, issues: [] })
    })
  )
})
