import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import * as MappingTest from "../src/MappingTest.ts"
import * as RecordSchema from "../src/RecordSchema.ts"

const Source = Schema.Struct({
  username: Schema.String,
  b_fname: Schema.optionalKey(Schema.String),
  b_country: Schema.optionalKey(Schema.String),
  discount: Schema.optionalKey(Schema.String),
  phone: Schema.optionalKey(Schema.String),
  groups: Schema.optionalKey(Schema.Array(Schema.Struct({ code: Schema.String })))
})
const Target = Schema.Struct({
  id: Schema.String,
  firstName: Schema.NullOr(Schema.String),
  phone: Schema.NullOr(Schema.String),
  discountPercent: Schema.NullOr(Schema.Int),
  billing: Schema.NullOr(
    Schema.Struct({ firstName: Schema.NullOr(Schema.String), country: Schema.NullOr(Schema.String) })
  ),
  groups: Schema.Array(Schema.Struct({ code: Schema.String }))
})
const options = {
  schemas: RecordSchema.registry([
    RecordSchema.make("test/Source", Source),
    RecordSchema.make("test/Target", Target)
  ])
}

const mappingYaml = `mapwright: mapping/v1
name: test.person
source: test/Source
target: test/Target
fields:
  id: username
  firstName: b_fname
  discountPercent: { from: discount, pipe: [int] }
  phone: { from: phone, pipe: [{ e164: { defaultCountry: NZ } }] }
  billing:
    firstName: b_fname
    country: { from: b_country, pipe: [country] }
  groups: { each: groups, fields: { code: code } }
`

const root = mkdtempSync(join(tmpdir(), "mapwright-mappingtest-"))
let n = 0
/** A fresh directory with the fixture mapping and the given test file; returns the test file's path. */
const fixture = (testYaml: string, mapping = mappingYaml): string => {
  const dir = join(root, `case${++n}`)
  mkdirSync(dir)
  writeFileSync(join(dir, "person.yaml"), mapping)
  writeFileSync(join(dir, "person.test.yaml"), testYaml)
  return join(dir, "person.test.yaml")
}

const header = "mapwright: test/v1\nmapping: ./person.yaml\ncases:\n"

const run = (testYaml: string, mapping?: string) =>
  MappingTest.runFile(fixture(testYaml, mapping), options).pipe(Effect.provide(NodeFileSystem.layer))

const specErrorOf = (testYaml: string, mapping?: string) =>
  Effect.gen(function* () {
    const result = yield* Effect.result(run(testYaml, mapping))
    if (Result.isSuccess(result)) return assert.fail("expected a SpecError")
    return result.failure.diagnostics
  })

describe("MappingTest.runFile", () => {
  it.effect("passes subset matches of objects, nested objects, arrays and null", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: billing names and groups
    input: { username: peter@parker.nz, b_fname: Peter, b_country: New Zealand, groups: [{ code: vip }] }
    expect: { id: peter@parker.nz, firstName: Peter, billing: { country: NZ }, groups: [{ code: vip }] }
  - name: absent fields are null
    input: { username: x }
    expect: { firstName: null, discountPercent: null, billing: { country: null }, groups: [] }
    expectRejected: false
`
      )
      assert.strictEqual(result.mapping, "test.person")
      assert.deepStrictEqual(result.cases, [
        { name: "billing names and groups", passed: true, failures: [], line: 4 },
        { name: "absent fields are null", passed: true, failures: [], line: 7 }
      ])
    })
  )

  it.effect("reports each mismatch of a subset match on its own line", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: wrong country, group count and a scalar against an object
    input: { username: u, b_fname: Ann, b_country: NZ, groups: [{ code: vip }] }
    expect:
      firstName: { given: Ann }
      billing: { country: AU, firstName: Ann }
      groups: [{ code: vip }, { code: gold }]
      id: null
`
      )
      assert.deepStrictEqual(result.cases, [
        {
          name: "wrong country, group count and a scalar against an object",
          passed: false,
          failures: [
            'expected firstName: an object, got "Ann"',
            'expected billing.country: "AU", got "NZ"',
            'expected groups: 2 items, got 1 item: [{"code":"vip"}]',
            'expected id: null, got "u"'
          ],
          line: 4
        }
      ])
    })
  )

  it.effect("fails an expect when the record is rejected, listing why", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: rejected
    input: { username: x, discount: twenty }
    expect: { id: x }
`
      )
      const [c] = result.cases
      assert.strictEqual(c?.passed, false)
      assert.strictEqual(c?.failures[0], "expected a mapped record, but it was rejected")
      assert.strictEqual(c?.failures.length, 2)
      assert.match(c?.failures[1] ?? "", /^ {2}error map discountPercent <- discount InvalidInt: /)
    })
  )

  it.effect("matches the exact issue list in any order, warnings included", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: both issues, listed in reverse order
    input: { username: x, discount: twenty, phone: "12" }
    expectIssues:
      - { path: phone, code: InvalidPhone, severity: warning }
      - { path: discountPercent, sourcePath: discount, code: InvalidInt, stage: map }
    expectRejected: true
  - name: no issues at all
    input: { username: x, discount: "15" }
    expectIssues: []
    expect: { discountPercent: 15 }
`
      )
      assert.deepStrictEqual(
        result.cases.map((c) => [c.name, c.passed, c.failures]),
        [
          ["both issues, listed in reverse order", true, []],
          ["no issues at all", true, []]
        ]
      )
    })
  )

  it.effect("pairs loose and strict expectations one-to-one", () =>
    Effect.gen(function* () {
      // {stage: map} fits both issues, {code: InvalidInt} only one: a greedy pairing would
      // give the InvalidInt issue to the first entry and fail the second.
      const result = yield* run(
        `${header}  - name: loose first
    input: { username: x, discount: twenty, phone: "12" }
    expectIssues: [{ stage: map }, { code: InvalidInt }]
  - name: the same entry cannot take two issues
    input: { username: x, discount: twenty, phone: "12" }
    expectIssues: [{ stage: map }]
`
      )
      assert.strictEqual(result.cases[0]?.passed, true)
      assert.deepStrictEqual(result.cases[0]?.failures, [])
      const second = result.cases[1]
      assert.strictEqual(second?.passed, false)
      assert.strictEqual(second?.failures.length, 1)
      assert.match(
        second?.failures[0] ?? "",
        /^unexpected issue (warning map phone <- phone InvalidPhone|error map discountPercent <- discount InvalidInt): /
      )
    })
  )

  it.effect("reports missing and unexpected issues", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: expects an issue the record does not have
    input: { username: x, discount: "10", phone: "12" }
    expectIssues: [{ path: discountPercent, code: InvalidInt }]
`
      )
      const [c] = result.cases
      assert.strictEqual(c?.passed, false)
      assert.strictEqual(c?.failures.length, 2)
      assert.strictEqual(c?.failures[0], "missing issue {path: discountPercent, code: InvalidInt}")
      assert.match(c?.failures[1] ?? "", /^unexpected issue warning map phone <- phone InvalidPhone: /)
    })
  )

  it.effect("checks expectRejected both ways", () =>
    Effect.gen(function* () {
      const result = yield* run(
        `${header}  - name: said rejected, but kept
    input: { username: x }
    expectRejected: true
  - name: said kept, but rejected
    input: { username: x, discount: twenty }
    expectRejected: false
`
      )
      assert.deepStrictEqual(result.cases[0]?.failures, [
        "expected the record to be rejected, but it was kept"
      ])
      const second = result.cases[1]
      assert.strictEqual(second?.failures[0], "expected the record to be kept, but it was rejected")
      assert.match(second?.failures[1] ?? "", /^ {2}error map discountPercent <- discount InvalidInt: /)
      assert.strictEqual(second?.failures.length, 2)
    })
  )
})

describe("MappingTest.runFile with a bad test file", () => {
  it.effect("reports an unknown key at its position, with a suggestion", () =>
    Effect.gen(function* () {
      const diagnostics = yield* specErrorOf(`${header}  - name: typo
    input: { username: x }
    expcet: { id: x }
`)
      assert.strictEqual(diagnostics.length, 1)
      const [d] = diagnostics
      assert.strictEqual(d?.code, "UnknownKey")
      assert.strictEqual(d?.severity, "error")
      assert.isTrue(d?.file.endsWith("person.test.yaml"))
      assert.strictEqual(d?.line, 6)
      assert.strictEqual(d?.column, 5)
      assert.strictEqual(d?.path, "cases[0].expcet")
      assert.strictEqual(d?.hint, 'did you mean "expect"?')
    })
  )

  it.effect("reports every problem at once: wrong version, wrong types, a case that expects nothing", () =>
    Effect.gen(function* () {
      const diagnostics = yield* specErrorOf(`mapwright: test/v2
mapping: ./person.yaml
cases:
  - name: a
    input: [1]
    expectIssues: [{ severity: fatal }]
`)
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.line, d.column, d.code, d.path]),
        [
          [1, 12, "InvalidValue", "mapwright"],
          [5, 12, "InvalidType", "cases[0].input"],
          [6, 32, "InvalidValue", "cases[0].expectIssues[0].severity"]
        ]
      )
      const semantic = yield* specErrorOf(`${header}  - name: a
    input: {}
  - name: a
    input: {}
    expect: {}
`)
      assert.deepStrictEqual(
        semantic.map((d) => [d.line, d.code]),
        [
          [4, "MissingExpectation"],
          [6, "DuplicateCaseName"]
        ]
      )
    })
  )

  it.effect("reports YAML syntax errors", () =>
    Effect.gen(function* () {
      const diagnostics = yield* specErrorOf(`${header}  - name: [unclosed\n`)
      assert.isAbove(diagnostics.length, 0)
      assert.strictEqual(diagnostics[0]?.code, "YamlSyntax")
      assert.strictEqual(diagnostics[0]?.severity, "error")
    })
  )

  it.effect("reports a missing mapping file at the mapping key", () =>
    Effect.gen(function* () {
      const diagnostics = yield* specErrorOf(`mapwright: test/v1
mapping: ./nowhere.yaml
cases:
  - name: a
    input: {}
    expectRejected: true
`)
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.line, d.column, d.code, d.path]),
        [[2, 10, "MappingNotFound", "mapping"]]
      )
      assert.match(
        diagnostics[0]?.message ?? "",
        /^cannot read the mapping "\.\/nowhere\.yaml": no such file/
      )
    })
  )

  it.effect("surfaces the diagnostics of a mapping that does not check", () =>
    Effect.gen(function* () {
      const diagnostics = yield* specErrorOf(
        `${header}  - name: a\n    input: { username: x }\n    expectRejected: false\n`,
        mappingYaml.replace("  firstName: b_fname\n", "  firstName: b_fnam\n")
      )
      const errors = diagnostics.filter((d) => d.severity === "error")
      assert.strictEqual(errors.length, 1)
      assert.isTrue(errors[0]?.file.endsWith("person.yaml"))
      assert.strictEqual(errors[0]?.line, 7)
      assert.strictEqual(errors[0]?.code, "UnknownSourcePath")
      assert.match(errors[0]?.hint ?? "", /did you mean "b_fname"\?/)
    })
  )

  it.effect("fails with CannotRead for a test file that does not exist", () =>
    Effect.gen(function* () {
      const result = yield* Effect.result(MappingTest.runFile(join(root, "absent.test.yaml"), options))
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) {
        assert.deepStrictEqual(
          result.failure.diagnostics.map((d) => [d.code, d.message]),
          [["CannotRead", `cannot read ${join(root, "absent.test.yaml")}: no such file`]]
        )
      }
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})

describe("MappingTest.check", () => {
  it.effect("is empty for a clean test file and lists the problems of the test file and the mapping", () =>
    Effect.gen(function* () {
      const clean = yield* MappingTest.check(
        fixture(`${header}  - name: a\n    input: { username: x }\n    expect: { id: x }\n`),
        options
      )
      assert.deepStrictEqual(clean, [])
      const bad = yield* MappingTest.check(
        fixture(`${header}  - name: a\n    input: { username: x }\n    expect: { id: x }\n    skip: true\n`),
        options
      )
      assert.deepStrictEqual(
        bad.map((d) => [d.code, d.line]),
        [["UnknownKey", 7]]
      )
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})

describe("MappingTest.discover", () => {
  it.effect("finds *.test.yaml under directories, sorted, skipping node_modules and dot-directories", () =>
    Effect.gen(function* () {
      const dir = mkdtempSync(join(tmpdir(), "mapwright-discover-"))
      for (const sub of ["b", "a/deep", "node_modules/pkg", ".git", ".hidden"])
        mkdirSync(join(dir, sub), { recursive: true })
      for (const file of [
        "b/z.test.yaml",
        "a/deep/y.test.yaml",
        "a/x.test.yml",
        "a/mapping.yaml",
        "a/notes.test.json",
        "node_modules/pkg/p.test.yaml",
        ".git/g.test.yaml",
        ".hidden/h.test.yaml",
        "top.test.yaml"
      ]) {
        writeFileSync(join(dir, file), "")
      }
      const found = yield* MappingTest.discover([
        dir,
        join(dir, "b/z.test.yaml"),
        join(dir, "a/mapping.yaml")
      ])
      assert.deepStrictEqual(found, [
        join(dir, "a/deep/y.test.yaml"),
        join(dir, "a/mapping.yaml"),
        join(dir, "a/x.test.yml"),
        join(dir, "b/z.test.yaml"),
        join(dir, "top.test.yaml")
      ])
      const missing = yield* Effect.result(MappingTest.discover([join(dir, "absent")]))
      assert.isTrue(Result.isFailure(missing))
      if (Result.isFailure(missing)) assert.strictEqual(missing.failure._tag, "PlatformError")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})

describe("MappingTest.jsonSchema", () => {
  it("is the committed schema/test.schema.json", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../schema/test.schema.json", import.meta.url), "utf8")
    ) as unknown
    assert.deepStrictEqual(committed, MappingTest.jsonSchema())
  })

  it("recognizes test files by their mapwright key", () => {
    assert.isTrue(MappingTest.isTestText("# a comment\nmapwright: test/v1\nmapping: x\n"))
    assert.isTrue(MappingTest.isTestText('mapwright: "test/v1"\n'))
    assert.isFalse(MappingTest.isTestText("mapwright: mapping/v1\nname: test/v1\n"))
  })
})
