/**
 * The customerAttributes stream: attribute metadata for schema discovery, one answer without
 * paging, mapped to canonical CustomerAttributes with their options.
 */
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Canonical, Mapping, RecordSchema, Validator } from "@mapwright/core"
import { Effect } from "effect"
import { connector, mappings, schemas } from "../src/index.ts"
import { clientFor, list, records, withEmulator } from "./helpers.ts"

const registry = RecordSchema.registry([...Canonical.schemas, ...schemas])

describe("customerAttributes", () => {
  it.live("lists every customer attribute in one request, each fitting the schema and mapping", () =>
    withEmulator({ customers: 0, orders: 0 }, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const items = records(yield* list(client, "customerAttributes"))
        assert.strictEqual(running.stats.count({ path: "/rest/V1/attributeMetadata/customer" }), 1)
        const validate = Validator.compile(connector.streams.customerAttributes!.record)
        for (const a of items) assert.deepStrictEqual(validate(a), [])
        const codes = items.map((a) => a.attribute_code)
        for (const code of ["email", "firstname", "lastname", "dob", "gender", "group_id", "taxvat"]) {
          assert.include(codes, code)
        }
        const toCanonical = yield* Mapping.load(mappings.customerAttributeToCanonical, {
          schemas: registry
        }).pipe(Effect.provide(NodeFileSystem.layer))
        const canonical = items.map((a) => toCanonical(a).value as Canonical.CustomerAttribute)
        const gender = canonical.find((a) => a.code === "gender")!
        assert.deepStrictEqual(gender, {
          code: "gender",
          label: "Gender",
          type: "select",
          required: false,
          options: [
            { value: null, label: null },
            { value: "1", label: "Male" },
            { value: "2", label: "Female" },
            { value: "3", label: "Not Specified" }
          ]
        })
        assert.deepStrictEqual(
          canonical.filter((a) => a.required === true).map((a) => a.code),
          ["website_id", "firstname", "lastname", "email", "group_id"]
        )
      })
    )
  )

  it.live("the gender labels read by the customers come from this installation's options", () =>
    withEmulator(
      {
        customers: 4,
        orders: 0,
        genderOptions: [
          { label: "Female", value: "1" },
          { label: "Male", value: "2" },
          { label: "Not Specified", value: "3" }
        ]
      },
      (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          // the seed gives customers 1, 2, 3 the genders 1, 2, 3
          const labels = records(yield* list(client, "customers")).map(
            (c) => [c.gender, (c.resolved as { gender_label: unknown }).gender_label] as const
          )
          assert.deepStrictEqual(labels.slice(0, 3), [
            [1, "Female"],
            [2, "Male"],
            [3, "Not Specified"]
          ])
          assert.strictEqual(
            running.stats.count({ path: "/rest/V1/attributeMetadata/customer/attribute/gender" }),
            1
          )
        })
    )
  )
})
