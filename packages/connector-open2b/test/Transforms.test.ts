/**
 * The package's transforms: their documented examples, and their registration beside the
 * built-ins.
 */
import { assert, describe, it } from "@effect/vitest"
import { Transforms as Builtins, Transform } from "@mapwright/core"
import { Schema } from "effect"
import { Transforms, transforms } from "../src/index.ts"

const run = (transform: Transform.Transform, input: unknown, options?: unknown): unknown => {
  const decoded =
    transform.options === undefined ? undefined : Schema.decodeUnknownSync(transform.options)(options)
  const apply = transform.compile(decoded, { value: (o) => () => o })
  const out = apply(input, {})
  return out instanceof Transform.Invalid ? { invalid: out.code } : out
}

describe("transforms", () => {
  for (const t of transforms) {
    it(`${t.name}: its examples hold`, () => {
      assert.isAbove(t.examples.length, 0)
      for (const example of t.examples) {
        assert.deepStrictEqual(
          run(t, example.input, example.options),
          example.output,
          JSON.stringify(example)
        )
      }
    })
  }

  it("open2b.regionCode keeps codes of up to 3 characters and warns about names", () => {
    assert.strictEqual(run(Transforms.regionCode, "LND"), "LND")
    assert.strictEqual(run(Transforms.regionCode, "  "), null)
    assert.deepStrictEqual(run(Transforms.regionCode, "Bayern"), { invalid: "InvalidRegionCode" })
    assert.deepStrictEqual(run(Transforms.regionCode, 12), { invalid: "InvalidType" })
    assert.strictEqual(Transforms.regionCode.onInvalid, "null")
  })

  it("open2b.phoneOfKind takes the first phone of the kind that has a number", () => {
    const phones = [
      { kind: "mobile", number: null },
      { kind: "mobile", number: "+64211234567" },
      { kind: "mobile", number: "+64217654321" }
    ]
    assert.strictEqual(run(Transforms.phoneOfKind, phones, { kind: "mobile" }), "+64211234567")
    assert.deepStrictEqual(run(Transforms.phoneOfKind, "+64211234567", { kind: "mobile" }), {
      invalid: "InvalidType"
    })
    assert.throws(() => run(Transforms.phoneOfKind, phones, { kind: "pager" }))
  })

  it("registers beside the built-ins without a clash", () => {
    const registry = Transform.registry([...Builtins.builtins, ...transforms])
    assert.isDefined(registry.get("open2b.regionCode"))
    assert.isDefined(registry.get("open2b.phoneOfKind"))
  })
})
