import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Faults } from "../src/index.ts"

const root = join(import.meta.dirname, "..")
const readme = readFileSync(join(root, "README.md"), "utf8")
const blocks = [...readme.matchAll(/```ts file=(\S+)\n([\s\S]*?)\n```/g)].map((m) => ({
  file: m[1] ?? "",
  code: m[2] ?? ""
}))

describe("README", () => {
  it("shows the fixtures' real code", () => {
    assert.deepStrictEqual(
      blocks.map((b) => b.file),
      [
        "test/fixtures/acme/emulator.ts",
        "test/fixtures/acme/emulator.ts",
        "test/ContractSuite.test.ts",
        "test/ContractSuite.test.ts"
      ]
    )
    for (const block of blocks) {
      const source = readFileSync(join(root, block.file), "utf8")
      assert.isTrue(
        source.includes(block.code),
        `README block from ${block.file} differs from the file:\n${block.code}`
      )
    }
  })

  it("quotes the fault settings' error as the emulator writes it", () => {
    assert.match(
      readme,
      /Bad settings answer 400 with every problem \(`errorRate: Expected a value between 0 and 1 \.\.\.`\)/
    )
    assert.match(Faults.validate({ errorRate: 2 })[0] ?? "", /^errorRate: Expected a value between 0 and 1/)
  })
})
