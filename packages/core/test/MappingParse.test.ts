import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Yaml from "../src/internal/yaml.ts"
import * as Mapping from "../src/Mapping.ts"
import { registry } from "./fixtures/mappings/schemas.ts"

describe("internal/yaml", () => {
  it("gives the value as plain JSON and locates keys and values", () => {
    const y = Yaml.parse("a: 1\nb:\n  - x\n  - { c: true, d: null }\n", "f.yaml")
    assert.deepStrictEqual(y.value, { a: 1, b: ["x", { c: true, d: null }] })
    assert.deepStrictEqual(y.diagnostics, [])
    assert.isFalse(y.failed)
    assert.deepStrictEqual(y.locate(["a"]), { line: 1, column: 4 })
    assert.deepStrictEqual(y.locate(["a"], "key"), { line: 1, column: 1 })
    assert.deepStrictEqual(y.locate(["b", 1, "d"]), { line: 4, column: 19 })
    assert.deepStrictEqual(y.locate(["b", 1, "d"], "key"), { line: 4, column: 16 })
    // A path that goes further than the document: the deepest node found.
    assert.deepStrictEqual(y.locate(["b", 0, "nope"]), { line: 3, column: 5 })
  })

  it("keeps scalar keys as written, so lookup tables may have numeric keys", () => {
    const y = Yaml.parse("1: a\n02: b\ntrue: c\n~: d\n", "f.yaml")
    assert.deepStrictEqual(y.value, { "1": "a", "02": "b", true: "c", "~": "d" })
  })

  it("reports a key that is a list or a map", () => {
    const y = Yaml.parse("a: 1\n? [x, y]\n: 2\n", "f.yaml")
    assert.isTrue(y.failed)
    assert.deepStrictEqual(
      y.diagnostics.map((d) => [d.line, d.column, d.code, d.message]),
      [[2, 3, "InvalidKey", "a map key must be a plain name, not a list"]]
    )
  })

  it("reports syntax errors at the yaml package's position", () => {
    const y = Yaml.parse("a: 1\na: 2\n", "f.yaml")
    assert.deepStrictEqual(
      y.diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.message]),
      [["f.yaml", 2, 1, "YamlSyntax", "Map keys must be unique"]]
    )
  })

  it("reports nesting deeper than the limit once, at the node that goes too deep", () => {
    const y = Yaml.parse(`x: ${"[".repeat(5)}${"]".repeat(5)}\n`, "f.yaml", { maxDepth: 3 })
    // depth 0 is the root map, then the lists at columns 4, 5, 6: the third list is too deep
    assert.deepStrictEqual(
      y.diagnostics.map((d) => [d.line, d.column, d.code, d.path]),
      [[1, 6, "TooDeep", "x[0][0]"]]
    )
  })

  it("survives 10,000 levels of nesting with one TooDeep", () => {
    const y = Yaml.parse(`x: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, "f.yaml")
    assert.isTrue(y.failed)
    assert.deepStrictEqual(
      y.diagnostics.map((d) => d.code),
      ["TooDeep"]
    )
  })

  it("expands aliases, but not into an alias bomb", () => {
    assert.deepStrictEqual(Yaml.parse("a: &x { b: 1 }\nc: *x\n", "f.yaml").value, {
      a: { b: 1 },
      c: { b: 1 }
    })
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for (let i = 1; i < 8; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(", ")}]`)
    const bomb = Yaml.parse(lines.join("\n"), "f.yaml", { maxDepth: 64 })
    assert.isTrue(bomb.failed)
    assert.deepStrictEqual(
      bomb.diagnostics.map((d) => d.code),
      ["TooLarge"]
    )
  })

  it("formats YAML paths", () => {
    assert.strictEqual(Yaml.formatPath(["fields", "billing", "pipe", 0]), "fields.billing.pipe[0]")
    assert.strictEqual(Yaml.formatPath(["lookup", "1", "a.b"]), 'lookup["1"]["a.b"]')
    assert.strictEqual(Yaml.formatPath([]), "")
  })
})

// ---- $ref, with real files ---------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), "mapwright-ref-"))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const write = (path: string, text: string): string => {
  const file = join(root, path)
  mkdirSync(join(file, ".."), { recursive: true })
  writeFileSync(file, text)
  return file
}

const header = (fields: string): string =>
  [
    "mapwright: mapping/v1",
    "name: t",
    "source: test/Source",
    "target: test/Target",
    "unmapped: off",
    "fields:",
    "  id: id",
    fields
  ].join("\n")

const provide = <A, E>(e: Effect.Effect<A, E, import("effect").FileSystem.FileSystem>) =>
  e.pipe(Effect.provide(NodeFileSystem.layer))

const load = (file: string) => provide(Mapping.load(file, { schemas: registry, validate: false }))
const check = (file: string) => provide(Mapping.check(file, { schemas: registry }))

const codes = (
  ds: ReadonlyArray<{
    readonly file: string
    readonly line: number
    readonly column: number
    readonly code: string
  }>
) => ds.map((d) => [d.file.slice(root.length + 1), d.line, d.column, d.code])

describe("Mapping $ref", () => {
  it.effect("takes a spec, a block and a lookup table from other files, relative to the referring file", () =>
    Effect.gen(function* () {
      write(
        "shared/address.yaml",
        "billing:\n  kind: { const: billing }\n  city: city\n  country: { $ref: ./country.yaml }\n"
      )
      write("shared/country.yaml", "from: country\npipe: [country]\n")
      write("tables/gender.yaml", "m: male\nf: female\n")
      const file = write(
        "m1.yaml",
        header(
          "  billing: { $ref: ./shared/address.yaml#/billing }\n  gender: { from: gender, lookup: { $ref: ./tables/gender.yaml } }"
        )
      )
      const m = yield* load(file)
      const r = m({ id: "1", city: "Oslo", country: "NOR", gender: "f" })
      assert.deepStrictEqual(r.value?.billing, { kind: "billing", street: null, city: "Oslo", country: "NO" })
      assert.strictEqual(r.value?.gender, "female")
    })
  )

  it.effect("refers inside the same file with #/path", () =>
    Effect.gen(function* () {
      const file = write(
        "m2.yaml",
        header('  billing: { city: city }\n  shipping: { $ref: "#/fields/billing" }')
      )
      const m = yield* load(file)
      assert.deepStrictEqual(m({ id: "1", city: "Oslo" }).value?.shipping, {
        kind: null,
        street: null,
        city: "Oslo",
        country: null
      })
    })
  )

  it.effect("reports a missing file, a missing path and a URL at the $ref", () =>
    Effect.gen(function* () {
      write("tables/empty.yaml", "a: 1\n")
      const file = write(
        "m3.yaml",
        header(
          [
            "  name: { $ref: ./nope.yaml }",
            "  billing: { $ref: ./tables/empty.yaml#/b }",
            "  phone: { $ref: https://example.com/x.yaml }"
          ].join("\n")
        )
      )
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [
        ["m3.yaml", 8, 17, "UnknownRef"],
        ["m3.yaml", 9, 20, "UnknownRef"],
        ["m3.yaml", 10, 18, "UnknownRef"]
      ])
      // The platform's own text (`NotFound: FileSystem.readFile (...)`) is not shown.
      assert.strictEqual(
        ds[0]!.message,
        `cannot read ${JSON.stringify(join(root, "nope.yaml"))}: no such file`
      )
      assert.match(ds[1]!.message, /empty\.yaml" has nothing at "#\/b"$/)
      assert.strictEqual(
        ds[2]!.message,
        'cannot resolve "https://example.com/x.yaml": only files are allowed, relative to this file (`./file.yaml#/path`), not URLs'
      )
    })
  )

  it.effect("reports a cycle between files", () =>
    Effect.gen(function* () {
      write("cycle/a.yaml", "$ref: ./b.yaml\n")
      write("cycle/b.yaml", "$ref: ./a.yaml\n")
      const file = write("m4.yaml", header("  name: { $ref: ./cycle/a.yaml }"))
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [["cycle/b.yaml", 1, 7, "RefCycle"]])
      assert.match(
        ds[0]!.message,
        /^"\.\/a\.yaml" refers back to itself: .*a\.yaml# → .*b\.yaml# → .*a\.yaml#$/
      )
    })
  )

  it.effect("reports a spec that refers to itself", () =>
    Effect.gen(function* () {
      const file = write("m5.yaml", header('  name: { $ref: "#/fields/name" }'))
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [["m5.yaml", 8, 17, "RefCycle"]])
    })
  )

  it.effect("reports problems inside a referenced file at that file's positions, all at once", () =>
    Effect.gen(function* () {
      write("bad/spec.yaml", "# a fragment\nfrom: nmae\npipe: [trim, trmi]\nfrm: x\n")
      write("bad/syntax.yaml", "a: [1,\n")
      const file = write(
        "m6.yaml",
        header("  name: { $ref: ./bad/spec.yaml }\n  billing: { $ref: ./bad/syntax.yaml#/a }")
      )
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [
        ["bad/spec.yaml", 2, 7, "UnknownSourcePath"],
        ["bad/spec.yaml", 3, 14, "UnknownTransform"],
        ["bad/spec.yaml", 4, 1, "SchemaViolation"],
        ["bad/syntax.yaml", 2, 1, "YamlSyntax"]
      ])
      assert.strictEqual(ds[2]!.message, 'unknown key "frm" in a `from` spec')
      assert.strictEqual(ds[2]!.path, "frm")
    })
  )

  it.effect("type-checks a referenced spec where it is used, at its own positions", () =>
    Effect.gen(function* () {
      write("typed/spec.yaml", "from: nmae\npipe: [trim, trmi]\n")
      const file = write("m7.yaml", header("  name: { $ref: ./typed/spec.yaml }"))
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [
        ["typed/spec.yaml", 1, 7, "UnknownSourcePath"],
        ["typed/spec.yaml", 2, 14, "UnknownTransform"]
      ])
    })
  )

  it.effect("takes an each with where from another file; its problems are at that file's positions", () =>
    Effect.gen(function* () {
      write("where/lines.yaml", "each: lines\nwhere: { present: sku }\nfields: { sku: sku }\n")
      write("where/bad.yaml", "each: lines\nwhere: { present: skuu }\nfields: { sku: sku }\n")
      write("where/from.yaml", "from: name\nwhere: { present: name }\n")
      const good = write("m9.yaml", header("  lines: { $ref: ./where/lines.yaml }"))
      const m = yield* load(good)
      assert.deepStrictEqual(m({ id: "1", lines: [{ qty: "1" }, { sku: "b" }] }).value?.lines, [
        { sku: "b", qty: null, at: null }
      ])
      const bad = write(
        "m10.yaml",
        header("  lines: { $ref: ./where/bad.yaml }\n  name: { $ref: ./where/from.yaml }")
      )
      const ds = yield* check(bad)
      assert.deepStrictEqual(codes(ds), [
        ["where/bad.yaml", 2, 19, "UnknownSourcePath"],
        ["where/from.yaml", 2, 1, "SchemaViolation"]
      ])
      assert.strictEqual(ds[0]!.path, "where.present")
      assert.strictEqual(
        ds[1]!.message,
        "`where` filters the items of an `each`; it cannot go in a `from` spec"
      )
    })
  )

  it.effect("stops a chain of more than 32 $refs", () =>
    Effect.gen(function* () {
      for (let i = 0; i < 40; i++) write(`chain/f${i}.yaml`, `$ref: ./f${i + 1}.yaml\n`)
      write("chain/f40.yaml", "from: name\n")
      const file = write("m8.yaml", header("  name: { $ref: ./chain/f0.yaml }"))
      const ds = yield* check(file)
      assert.deepStrictEqual(codes(ds), [["chain/f31.yaml", 1, 7, "TooDeep"]])
      assert.strictEqual(ds[0]!.message, 'more than 32 `$ref`s lead to "./f32.yaml"')
    })
  )
})
