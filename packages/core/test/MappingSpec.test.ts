import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import { parse } from "yaml"
import { render } from "../scripts/schemas.ts"
import * as MappingSpec from "../src/MappingSpec.ts"

const packageRoot = join(import.meta.dirname, "..")

const validator = () => {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false
  })
  return ajv.compile(MappingSpec.jsonSchema())
}

describe("MappingSpec", () => {
  it("the committed schema/mapping.schema.json is current", () => {
    const committed = readFileSync(join(packageRoot, "schema/mapping.schema.json"), "utf8")
    assert.isTrue(
      committed === render(MappingSpec.jsonSchema()),
      "stale generated file packages/core/schema/mapping.schema.json: run pnpm generate"
    )
  })

  it("is a draft 2020-12 schema with its $id", () => {
    const schema = MappingSpec.jsonSchema() as Record<string, unknown>
    assert.strictEqual(schema.$schema, "https://json-schema.org/draft/2020-12/schema")
    assert.strictEqual(schema.$id, "https://mapwright.dev/schema/mapping.schema.json")
    assert.deepStrictEqual(schema.required, ["mapwright", "name", "source", "target", "fields"])
  })

  it("accepts the xml-resultset acceptance mapping", () => {
    const text = readFileSync(
      join(packageRoot, "../connector-xml-resultset/mappings/customer.to-canonical.yaml"),
      "utf8"
    )
    const validate = validator()
    assert.isTrue(validate(parse(text)), JSON.stringify(validate.errors))
  })

  it("accepts every field spec shape", () => {
    const validate = validator()
    const doc = {
      mapwright: "mapping/v1",
      name: "all",
      source: "a/B",
      target: "c/D",
      $schema: "../../core/schema/mapping.schema.json",
      ignore: ["x", "list.0.y"],
      secrets: ["password"],
      unmapped: "error",
      fields: {
        a: "path.to.x",
        b: { const: null },
        c: {
          from: ["x", "$.y"],
          pipe: ["trim", { e164: { defaultCountry: { from: "c" }, onInvalid: null } }]
        },
        d: {
          from: "g",
          lookup: { "1": "male" },
          otherwise: "other",
          default: "x",
          when: { equals: { path: "g", value: 1 } }
        },
        e: { each: "list", fields: { f: "y" } },
        f: { each: "tags", pipe: ["uppercase"], lookup: { $ref: "./t.yaml" } },
        g: {
          items: ["a", { const: 1, when: { not: { any: [{ present: "a" }, { allPresent: ["b", "c"] }] } } }]
        },
        h: { same: "g", fields: { k: { const: "x" } } },
        i: { fields: { j: "x" }, when: { absent: "x" }, otherwise: { same: "h" } },
        j: { nested: { deeper: "x" } },
        k: { $ref: "./f.yaml#/fields/a" },
        l: { template: "{a} {b}", pipe: ["lowercase"], default: "x", when: { present: "a" } },
        m: { template: { text: "{a}", onInvalid: "null" } }
      }
    }
    assert.isTrue(validate(doc), JSON.stringify(validate.errors))
  })

  it("rejects a spec keyword used without one that makes it a spec", () => {
    const validate = validator()
    const doc = {
      mapwright: "mapping/v1",
      name: "n",
      source: "a/B",
      target: "c/D",
      fields: { a: { pipe: ["trim"] } }
    }
    assert.isFalse(validate(doc))
    assert.isTrue(
      (validate.errors ?? []).some((e) => e.keyword === "propertyNames" && e.instancePath === "/fields/a")
    )
  })

  it("rejects `otherwise` on a `fields` block without `when`, and scalar keys on `each` with `fields`", () => {
    const validate = validator()
    const doc = (fields: object) => ({
      mapwright: "mapping/v1",
      name: "n",
      source: "a/B",
      target: "c/D",
      fields
    })
    // The errors besides those of the `if`/`then` chain that picks the spec's shape.
    const errors = () =>
      (validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => [e.keyword, e.instancePath])
    assert.isFalse(validate(doc({ a: { fields: { b: "x" }, otherwise: { const: null } } })))
    assert.deepStrictEqual(errors(), [["dependentRequired", "/fields/a"]])
    assert.isFalse(validate(doc({ a: { each: "l", fields: { b: "x" }, pipe: ["trim"] } })))
    assert.deepStrictEqual(errors(), [["not", "/fields/a"]])
    // Without `fields`, the same keys convert each item.
    assert.isTrue(
      validate(doc({ a: { each: "l", pipe: ["trim"], lookup: { x: "y" }, otherwise: "z", default: "d" } }))
    )
  })

  it("lists the spec keywords in the order the parser decides by", () => {
    assert.deepStrictEqual(MappingSpec.specKeywords, [
      "$ref",
      "const",
      "each",
      "items",
      "same",
      "from",
      "template",
      "fields"
    ])
    for (const k of MappingSpec.specKeywords) assert.include(MappingSpec.reservedKeys, k)
  })
})
