/**
 * The documentation's examples are tests.
 *
 * `docs/mapping-language.md`: every fenced `yaml` block is a mapping (`mapwright: mapping/v1`),
 * a mapping test (`mapwright: test/v1`) or a file that the others refer to (`file=<path>` in its
 * info string). Blocks with `file=` are written first, under a temporary directory; then every
 * mapping is checked against the canonical and XML ResultSet schemas plus `docs/Example`, and
 * must have no error, or, when its info string says `bad=Code,Code`, exactly those diagnostic
 * codes; every mapping test is run and must pass; a `text output=<file>` block must be exactly
 * what `mapwright check` prints for that file.
 *
 * `docs/connector-guide.md`: each `ts file=...` block must be the fixture of the same name in
 * `test/fixtures/docs/acme/` (with `@mapwright/core` for the fixture's relative import of
 * core), and its mappings and mapping tests are checked and run with the fixture's registry of
 * schemas and transforms.
 *
 * Core cannot depend on the connector package: its schemas are imported at run time by path.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as Canonical from "../src/Canonical.ts"
import * as Mapping from "../src/Mapping.ts"
import * as MappingTest from "../src/MappingTest.ts"
import * as RecordSchema from "../src/RecordSchema.ts"
import * as SpecError from "../src/SpecError.ts"
import { Invalid } from "../src/Transform.ts"
import { centsToDecimal } from "./fixtures/docs/acme/transforms.ts"
import { options as acmeOptions } from "./fixtures/docs/acme/usage.ts"

const repo = join(import.meta.dirname, "../../..")
const read = (path: string): string => readFileSync(join(repo, path), "utf8")

// ---- fenced blocks ------------------------------------------------------------------------------

interface Block {
  readonly lang: string
  readonly attrs: Readonly<Record<string, string>>
  readonly text: string
  /** 1-based line of the opening fence. */
  readonly line: number
}

/** The fenced code blocks of a Markdown text, with the `key=value` words of their info strings. */
const blocks = (markdown: string): ReadonlyArray<Block> => {
  const lines = markdown.split("\n")
  const out: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!)
    if (open === null) continue
    const attrs: Record<string, string> = {}
    for (const m of (open[2] ?? "").matchAll(/([\w-]+)=(\S+)/g)) attrs[m[1]!] = m[2]!
    const start = i
    const body: Array<string> = []
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!)
    assert.isBelow(i, lines.length, `the block at line ${start + 1} is not closed`)
    out.push({ lang: open[1] ?? "", attrs, text: `${body.join("\n")}\n`, line: start + 1 })
  }
  return out
}

/** `mapping/v1` or `test/v1` when the first line that is not blank or a comment says so. */
const kindOf = (b: Block): "mapping" | "test" | undefined => {
  const first = b.text.split("\n").find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))
  return first === "mapwright: mapping/v1" ? "mapping" : first === "mapwright: test/v1" ? "test" : undefined
}

const codesOf = (ds: ReadonlyArray<SpecError.Diagnostic>): ReadonlyArray<string> =>
  ds.map((d) => d.code).sort()

const show = (ds: ReadonlyArray<SpecError.Diagnostic>): string => SpecError.format(ds)

const provide = <A, E>(effect: Effect.Effect<A, E, import("effect").FileSystem.FileSystem>) =>
  Effect.provide(effect, NodeFileSystem.layer)

// ---- a checked document -------------------------------------------------------------------------

interface Example {
  readonly block: Block
  readonly file: string
}

/** Writes the blocks of a document into a fresh directory: named ones at their path, others by line. */
const layout = (markdown: string, prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const all = blocks(markdown)
  const yaml = all.filter((b) => b.lang === "yaml")
  const placed = yaml.map((block): Example => {
    const name = block.attrs.file ?? `block-${block.line}.yaml`
    const file = join(dir, name)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, block.text)
    return { block, file }
  })
  return {
    dir,
    all,
    mappings: placed.filter((e) => kindOf(e.block) === "mapping"),
    tests: placed.filter((e) => kindOf(e.block) === "test"),
    others: placed.filter((e) => kindOf(e.block) === undefined)
  }
}

const where = (doc: string, b: Block): string =>
  `${doc}:${b.line}${b.attrs.file === undefined ? "" : ` (${b.attrs.file})`}`

// ---- docs/mapping-language.md -------------------------------------------------------------------

const text = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))

/** The schema `docs/mapping-language.md` describes for its examples that need other source fields. */
const Example = Schema.Struct({
  id: Schema.String.annotate({ description: "The record's id" }),
  name: text("Full name, e.g. Mary Jane Watson"),
  email: text("Email address"),
  dial_code: text("Country calling code, e.g. 966"),
  phone: text("Phone number without its calling code, e.g. 565445254"),
  gender: Schema.optionalKey(Schema.Int.annotate({ description: "1 = male, 2 = female" })),
  birth_date: text("Date of birth, dd/MM/yyyy"),
  created_at: text("When the record was created, yyyy-MM-dd HH:mm:ss in the shop's time"),
  is_blocked: Schema.optionalKey(Schema.Boolean.annotate({ description: "Whether the customer is blocked" })),
  tags: Schema.optionalKey(Schema.Array(Schema.String).annotate({ description: "Tags" })),
  addresses: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        name: text("Addressee"),
        line1: text("Street line"),
        city: text("City"),
        country: text("Country name or code")
      })
    ).annotate({ description: "Addresses" })
  )
})

const connectorSchemas = async (): Promise<ReadonlyArray<RecordSchema.RecordSchema>> => {
  const module: unknown = await import(join(repo, "packages/connector-xml-resultset/src/index.ts"))
  assert.isTrue(
    typeof module === "object" && module !== null && "schemas" in module && Array.isArray(module.schemas)
  )
  return (module as { readonly schemas: ReadonlyArray<RecordSchema.RecordSchema> }).schemas
}

const languageOptions = Effect.promise(connectorSchemas).pipe(
  Effect.map(
    (xml): Mapping.LoadOptions => ({
      schemas: RecordSchema.registry([
        ...Canonical.schemas,
        ...xml,
        RecordSchema.make("docs/Example", Example, "The documentation's example record")
      ])
    })
  )
)

describe("docs/mapping-language.md", () => {
  const doc = "docs/mapping-language.md"
  const page = layout(read(doc), "mapwright-docs-language-")

  it("has the examples this test counts on, and no YAML block that is left unchecked", () => {
    assert.isAtLeast(page.mappings.length, 20)
    assert.isAtLeast(page.tests.length, 2)
    assert.isAtLeast(
      page.mappings.filter((e) => e.block.attrs.bad !== undefined).length,
      6,
      "examples of mistakes"
    )
    // A YAML block that is neither a mapping nor a test is a file the examples refer to.
    for (const e of page.others) assert.isDefined(e.block.attrs.file, `${where(doc, e.block)} is not checked`)
  })

  for (const e of page.mappings) {
    const bad = e.block.attrs.bad
    it.effect(
      bad === undefined
        ? `${where(doc, e.block)} checks without errors`
        : `${where(doc, e.block)} gives ${bad}`,
      () =>
        Effect.gen(function* () {
          const options = yield* languageOptions
          const ds = yield* provide(Mapping.check(e.file, options))
          if (bad === undefined) {
            const errors = ds.filter((d) => d.severity === "error")
            assert.deepStrictEqual(errors, [], show(errors))
          } else {
            assert.deepStrictEqual(codesOf(ds), bad.split(",").sort(), show(ds))
          }
        })
    )
  }

  for (const e of page.tests) {
    it.effect(`${where(doc, e.block)}: every case passes`, () =>
      Effect.gen(function* () {
        const options = yield* languageOptions
        const result = yield* provide(MappingTest.runFile(e.file, options))
        assert.isAtLeast(result.cases.length, 1)
        for (const c of result.cases) assert.isTrue(c.passed, `${c.name}: ${c.failures.join("; ")}`)
      })
    )
  }

  const outputs = page.all.filter((b) => b.attrs.output !== undefined)

  it("shows at least one `mapwright check` output", () => {
    assert.isAtLeast(outputs.length, 1)
  })

  for (const b of outputs) {
    it.effect(`${where(doc, b)} is what mapwright check prints for ${b.attrs.output}`, () =>
      Effect.gen(function* () {
        const name = b.attrs.output!
        const example = page.mappings.find((e) => e.block.attrs.file === name)
        assert.isDefined(example, `no mapping block with file=${name}`)
        const options = yield* languageOptions
        const ds = yield* provide(Mapping.check(example!.file, options))
        const printed = SpecError.format(ds.map((d) => ({ ...d, file: name })))
        assert.strictEqual(`${printed}\n`, b.text)
      })
    )
  }
})

// ---- docs/connector-guide.md --------------------------------------------------------------------

describe("docs/connector-guide.md", () => {
  const doc = "docs/connector-guide.md"
  const page = layout(read(doc), "mapwright-docs-guide-")
  const fixtures = join(import.meta.dirname, "fixtures/docs/acme")
  const code = page.all.filter((b) => b.lang === "ts" && b.attrs.file !== undefined)

  it("shows the fixture files and the default mappings with their tests", () => {
    assert.deepStrictEqual(code.map((b) => b.attrs.file).sort(), [
      "src/Customer.ts",
      "src/index.ts",
      "src/transforms.ts",
      "usage.ts"
    ])
    assert.deepStrictEqual(page.mappings.map((e) => e.block.attrs.file).sort(), [
      "mappings/customer.from-canonical.yaml",
      "mappings/customer.to-canonical.yaml"
    ])
    assert.strictEqual(page.tests.length, 2)
    for (const e of page.others) assert.isDefined(e.block.attrs.file, `${where(doc, e.block)} is not checked`)
  })

  for (const b of code) {
    it(`${where(doc, b)} is the fixture ${b.attrs.file}`, () => {
      const fixture = readFileSync(join(fixtures, b.attrs.file!.replace(/^src\//, "")), "utf8")
      const expected = fixture
        .replaceAll('"../../../../src/index.ts"', '"@mapwright/core"')
        .replaceAll('"./index.ts"', '"@mapwright/connector-acme"')
      assert.strictEqual(b.text, expected)
    })
  }

  for (const e of page.mappings) {
    it.effect(`${where(doc, e.block)} checks without errors or warnings`, () =>
      Effect.gen(function* () {
        const ds = yield* provide(Mapping.check(e.file, acmeOptions))
        assert.deepStrictEqual(ds, [], show(ds))
      })
    )
  }

  for (const e of page.tests) {
    it.effect(`${where(doc, e.block)}: every case passes`, () =>
      Effect.gen(function* () {
        const result = yield* provide(MappingTest.runFile(e.file, acmeOptions))
        assert.isAtLeast(result.cases.length, 1)
        for (const c of result.cases) assert.isTrue(c.passed, `${c.name}: ${c.failures.join("; ")}`)
      })
    )
  }

  it.effect("without the package's transforms the mapping to canonical does not check", () =>
    Effect.gen(function* () {
      const file = join(page.dir, "mappings/customer.to-canonical.yaml")
      const ds = yield* provide(Mapping.check(file, { schemas: acmeOptions.schemas }))
      assert.deepStrictEqual(
        ds.map((d) => [d.code, d.message]),
        [["UnknownTransform", 'unknown transform "acme.centsToDecimal"']]
      )
    })
  )

  describe("the example transform", () => {
    const apply = (options: unknown) =>
      centsToDecimal.compile(Schema.decodeUnknownSync(centsToDecimal.options!)(options), {
        value: (option) => () => option
      })

    it("gives its documented examples", () => {
      assert.strictEqual(centsToDecimal.examples.length, 5)
      for (const example of centsToDecimal.examples) {
        const result = apply(example.options ?? {})(example.input, {})
        const output = example.output
        if (typeof output === "object" && output !== null && "invalid" in output) {
          assert.instanceOf(result, Invalid)
          assert.strictEqual((result as Invalid).code, output.invalid)
        } else assert.strictEqual(result, output)
      }
    })

    it("keeps the sign and the leading zeros of the fraction", () => {
      const two = apply({})
      assert.strictEqual(two(-5, {}), "-0.05")
      assert.strictEqual(two("-0", {}), "0.00")
      assert.strictEqual(two(" 1234567 ", {}), "12345.67")
      assert.strictEqual(apply({ digits: 3 })(7, {}), "0.007")
    })

    it.effect("refuses options out of range, and unknown ones, when the mapping loads", () =>
      Effect.gen(function* () {
        const mapping = [
          "mapwright: mapping/v1",
          "name: bad-options",
          "source: acme/Customer",
          "target: canonical/Customer",
          "unmapped: off",
          "fields:",
          "  id: id",
          "  source: { system: { const: acme }, id: id }",
          "  isGuest: { const: false }",
          "  extra:",
          "    a: { from: store_credit_cents, pipe: [{ acme.centsToDecimal: { digits: 5 } }] }",
          "    b: { from: store_credit_cents, pipe: [{ acme.centsToDecimal: { currency: NZD } }] }",
          "    c: { from: store_credit_cents, pipe: [{ acme.centsToDecimal: { digits: 0 } }] }"
        ].join("\n")
        const ds = yield* provide(Mapping.checkString(mapping, "bad-options.yaml", acmeOptions))
        assert.deepStrictEqual(
          ds.map((d) => [d.line, d.code, d.path]),
          [
            [11, "InvalidOptions", 'fields.extra.a.pipe[0]["acme.centsToDecimal"].digits'],
            [12, "InvalidOptions", 'fields.extra.b.pipe[0]["acme.centsToDecimal"].currency']
          ]
        )
      })
    )
  })
})
