import { assert, describe, it } from "@effect/vitest"
import { Transforms } from "@mapwright/core"
import { Installed } from "../src/index.ts"

describe("Installed", () => {
  it("loads mappings with the built-in transforms and those of every connector package", () => {
    assert.strictEqual(Installed.loadOptions.transforms, Installed.transforms)
    assert.strictEqual(Installed.loadOptions.schemas, Installed.schemas)
    const own = Installed.connectors.flatMap((c) => (c.transforms ?? []).map((t) => t.name))
    assert.deepStrictEqual(
      Installed.transforms.names,
      [...Transforms.builtins.map((t) => t.name), ...own].sort()
    )
    for (const c of Installed.connectors)
      for (const t of c.transforms ?? []) assert.strictEqual(Installed.transforms.get(t.name), t)
    assert.strictEqual(
      Installed.transforms.get("string"),
      Transforms.builtins.find((t) => t.name === "string")
    )
  })
})
