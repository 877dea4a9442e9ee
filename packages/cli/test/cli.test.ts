import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { mappings } from "@mapwright/connector-xml-resultset"
import { MappingTest } from "@mapwright/core"
import { Cli } from "../src/index.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const mappingFile = mappings.customerToCanonical
const mappingText = readFileSync(mappingFile, "utf8")

interface Ran {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

const cli = (args: ReadonlyArray<string>, options: { cwd: string; input?: string }): Ran => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" }
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const workdir = (): string => mkdtempSync(join(tmpdir(), "mapwright-cli-"))

const noStackTrace = (r: Ran): void => {
  assert.notInclude(r.stderr, "    at ")
  assert.notInclude(r.stdout, "    at ")
}

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1

const customers = [
  { username: "peter@parker.nz", email: " Peter@Parker.NZ ", b_fname: "Peter", b_country: "NZ" },
  { username: "mj", discount: "twenty" },
  { username: "ann", email: "not-an-email" }
]
const ndjson = (records: ReadonlyArray<unknown>): string =>
  records.map((r) => `${JSON.stringify(r)}\n`).join("")

describe("mapwright check", () => {
  it("prints file:line:col for an error and exits 1", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "bad.yaml"), mappingText.replace("from: b_fname,", "from: b_fnam,"))
    const r = cli(["check", "bad.yaml"], { cwd })
    assert.strictEqual(r.status, 1)
    const line = lineOf(mappingText, "from: b_fname,")
    const column = (mappingText.split("\n")[line - 1] ?? "").indexOf("b_fname") + 1
    assert.include(r.stdout, `bad.yaml:${line}:${column}: error UnknownSourcePath:`)
    assert.include(r.stdout, 'did you mean "b_fname"?')
    noStackTrace(r)
  })

  it("says ok for a mapping and a test file that check, and exits 0", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "m.yaml"), mappingText)
    writeFileSync(
      join(cwd, "m.test.yaml"),
      "mapwright: test/v1\nmapping: ./m.yaml\ncases:\n  - name: a\n    input: { username: x }\n    expect: { id: x }\n"
    )
    const r = cli(["check", "m.yaml", "m.test.yaml"], { cwd })
    assert.strictEqual(r.status, 0)
    assert.match(r.stdout, /^ok: 1 mapping, 1 test file checked$/m)
  })

  it("checks a test file's own keys", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "m.yaml"), mappingText)
    writeFileSync(
      join(cwd, "m.test.yaml"),
      "mapwright: test/v1\nmapping: ./m.yaml\ncases:\n  - name: a\n    input: { username: x }\n    expcet: { id: x }\n"
    )
    const r = cli(["check", "m.test.yaml"], { cwd })
    assert.strictEqual(r.status, 1)
    assert.include(r.stdout, 'm.test.yaml:6:5: error UnknownKey: unknown key "expcet" (at cases[0].expcet)')
    assert.include(r.stdout, 'hint: did you mean "expect"?')
  })

  it("gives one line for a missing file, without a stack trace", () => {
    const cwd = workdir()
    const r = cli(["check", "m.yaml"], { cwd })
    assert.strictEqual(r.status, 2)
    assert.strictEqual(r.stderr, "mapwright: cannot read m.yaml: no such file\n")
  })
})

describe("mapwright test", () => {
  const suite = (cwd: string, cases: string): void => {
    mkdirSync(join(cwd, "mappings"))
    mkdirSync(join(cwd, "node_modules/x"), { recursive: true })
    writeFileSync(join(cwd, "mappings/customer.yaml"), mappingText)
    writeFileSync(
      join(cwd, "mappings/customer.test.yaml"),
      `mapwright: test/v1\nmapping: ./customer.yaml\ncases:\n${cases}`
    )
    // Never run: node_modules is skipped.
    writeFileSync(join(cwd, "node_modules/x/broken.test.yaml"), "not: a test")
  }

  it("runs the cases it finds and exits 0 when all pass", () => {
    const cwd = workdir()
    suite(
      cwd,
      `  - name: names
    input: { username: u, b_fname: Peter }
    expect: { id: u, firstName: Peter }
  - name: a bad discount is rejected
    input: { username: u, discount: twenty }
    expectIssues: [{ path: discountPercent, sourcePath: discount, code: InvalidInt }]
`
    )
    const r = cli(["test"], { cwd })
    assert.strictEqual(r.status, 0)
    assert.include(r.stdout, "mappings/customer.test.yaml (xml-resultset.customer.to-canonical)")
    assert.include(r.stdout, "  ✓ names\n  ✓ a bad discount is rejected\n")
    assert.strictEqual(r.stdout.trimEnd().split("\n").at(-1), "2 passed, 0 failed")
  })

  it("prints the failures of a failing case and exits 1", () => {
    const cwd = workdir()
    suite(
      cwd,
      `  - name: passes
    input: { username: u }
    expect: { id: u }
  - name: fails
    input: { username: u, b_fname: Peter }
    expect: { firstName: Paul }
`
    )
    const r = cli(["test", "mappings"], { cwd })
    assert.strictEqual(r.status, 1)
    assert.include(r.stdout, '  ✗ fails (line 7)\n      expected firstName: "Paul", got "Peter"\n')
    assert.strictEqual(r.stdout.trimEnd().split("\n").at(-1), "1 passed, 1 failed")
  })

  it("exits 1 when a test file does not check", () => {
    const cwd = workdir()
    suite(cwd, "  - name: nothing expected\n    input: { username: u }\n")
    const r = cli(["test"], { cwd })
    assert.strictEqual(r.status, 1)
    assert.include(r.stdout, "mappings/customer.test.yaml:4:5: error MissingExpectation:")
    assert.include(r.stdout, "1 test file could not run\n0 passed, 0 failed")
  })
})

describe("mapwright map", () => {
  it("maps a file to a file, writes rejects and prints the summary to stdout", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "in.ndjson"), `${ndjson(customers)}not json\n`)
    const r = cli(
      [
        "map",
        "--mapping",
        mappingFile,
        "--in",
        "in.ndjson",
        "--out",
        "out.ndjson",
        "--rejects",
        "rejects.ndjson"
      ],
      { cwd }
    )
    assert.strictEqual(r.status, 0)
    const out = readFileSync(join(cwd, "out.ndjson"), "utf8").trimEnd().split("\n")
    assert.deepStrictEqual(
      out.map((l) => {
        const c = JSON.parse(l) as { id: string; email: string | null; firstName: string | null }
        return [c.id, c.email, c.firstName]
      }),
      [
        ["peter@parker.nz", "peter@parker.nz", "Peter"],
        ["ann", null, null]
      ]
    )
    const rejects = readFileSync(join(cwd, "rejects.ndjson"), "utf8")
      .trimEnd()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as { outcome: string; line: number; stage?: string; record?: unknown; raw?: string }
      )
    assert.deepStrictEqual(
      rejects.map((x) => [x.outcome, x.line, x.stage]),
      [
        ["rejected", 2, "map"],
        ["kept", 3, undefined],
        ["rejected", 4, "parse"]
      ]
    )
    assert.deepStrictEqual(rejects[0]?.record, customers[1])
    assert.strictEqual(rejects[2]?.raw, "not json")
    assert.include(r.stdout, "read:      4 records\n")
    assert.include(r.stdout, "written:   2\n")
    assert.include(r.stdout, "rejected:  2 (map 1, parse 1)\n")
    assert.include(r.stdout, "warnings:  1 record kept with warnings\n")
    assert.include(r.stderr, "mapwright: rejected records are in rejects.ndjson")
  })

  it("streams stdin to stdout, keeping stdout valid NDJSON and the summary on stderr", () => {
    const cwd = workdir()
    const r = cli(["map", "--mapping", mappingFile], { cwd, input: ndjson(customers) })
    assert.strictEqual(r.status, 0)
    const lines = r.stdout.trimEnd().split("\n")
    assert.strictEqual(lines.length, 2)
    for (const line of lines) assert.strictEqual(typeof (JSON.parse(line) as { id: unknown }).id, "string")
    assert.include(r.stderr, "read:      3 records")
    assert.include(r.stderr, "mapwright: 1 record was rejected; run again with --rejects <file> to see why")
  })

  it("never writes a secret to the rejects file", () => {
    const cwd = workdir()
    const hash = "$2y$10$e0MYzXyjpJS7Pd0RVvHwHe"
    writeFileSync(join(cwd, "in.ndjson"), ndjson([{ username: "mj", password: hash, discount: "twenty" }]))
    const r = cli(
      [
        "map",
        "--mapping",
        mappingFile,
        "--in",
        "in.ndjson",
        "--out",
        "out.ndjson",
        "--rejects",
        "rejects.ndjson"
      ],
      { cwd }
    )
    assert.strictEqual(r.status, 0)
    const rejects = readFileSync(join(cwd, "rejects.ndjson"), "utf8")
    assert.notInclude(rejects, hash)
    const line = JSON.parse(rejects) as { record: Record<string, unknown> }
    assert.deepStrictEqual(line.record, { username: "mj", password: "<redacted>", discount: "twenty" })
  })

  it("prints the summary as one JSON object with --json", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "in.ndjson"), ndjson(customers))
    const r = cli(["map", "--mapping", mappingFile, "--in", "in.ndjson", "--out", "out.ndjson", "--json"], {
      cwd
    })
    assert.strictEqual(r.status, 0)
    const summary = JSON.parse(r.stdout) as Record<string, unknown>
    assert.deepStrictEqual(
      { ...summary, durationMs: 0, recordsPerSecond: 0 },
      {
        read: 3,
        written: 2,
        rejected: 1,
        warnings: 1,
        rejectedByStage: { map: 1 },
        durationMs: 0,
        recordsPerSecond: 0
      }
    )
    assert.strictEqual(typeof summary.durationMs, "number")
  })

  it("gives one line for a missing mapping or input, without a stack trace", () => {
    const cwd = workdir()
    const missingMapping = cli(["map", "--mapping", "m.yaml", "--in", "in.ndjson"], { cwd })
    assert.strictEqual(missingMapping.status, 2)
    assert.strictEqual(missingMapping.stderr, "mapwright: cannot read m.yaml: no such file\n")
    noStackTrace(missingMapping)
    const missingInput = cli(["map", "--mapping", mappingFile, "--in", "in.ndjson", "--out", "out.ndjson"], {
      cwd
    })
    assert.strictEqual(missingInput.status, 2)
    assert.include(missingInput.stderr, "mapwright: cannot read in.ndjson: no such file\n")
    noStackTrace(missingInput)
  })

  it("exits 1 with the diagnostics when the mapping does not check", () => {
    const cwd = workdir()
    writeFileSync(join(cwd, "bad.yaml"), mappingText.replace("from: b_fname,", "from: b_fnam,"))
    const r = cli(["map", "--mapping", "bad.yaml"], { cwd, input: ndjson(customers) })
    assert.strictEqual(r.status, 1)
    assert.strictEqual(r.stdout, "")
    assert.match(r.stderr, /^bad\.yaml:\d+:\d+: error UnknownSourcePath:/m)
    noStackTrace(r)
  })
})

describe("mapwright schema", () => {
  it("prints the test/v1 JSON Schema", () => {
    const r = cli(["schema", "test"], { cwd: workdir() })
    assert.strictEqual(r.status, 0)
    assert.deepStrictEqual(JSON.parse(r.stdout), MappingTest.jsonSchema())
  })

  it("prints the mapping and canonical schemas as JSON Schema documents", () => {
    for (const kind of ["mapping", "canonical"]) {
      const r = cli(["schema", kind], { cwd: workdir() })
      assert.strictEqual(r.status, 0)
      const schema = JSON.parse(r.stdout) as { $schema?: string }
      assert.strictEqual(schema.$schema, "https://json-schema.org/draft/2020-12/schema")
    }
  })
})

describe("mapwright usage errors", () => {
  it("shows help and the error for an unknown command, and exits 1", () => {
    const r = cli(["frobnicate"], { cwd: workdir() })
    assert.strictEqual(r.status, 1)
    assert.include(r.stderr, 'Unknown subcommand "frobnicate"')
    noStackTrace(r)
  })

  it("reports a defect as a one-line internal error with exit code 70", () => {
    const fixture = fileURLToPath(new URL("./fixtures/defect.ts", import.meta.url))
    const r = spawnSync(process.execPath, [fixture], { encoding: "utf8" })
    assert.strictEqual(r.status, 70)
    assert.strictEqual(
      r.stderr,
      "mapwright: internal error: boom\nThis is a bug in mapwright; please report it with the command you ran.\n"
    )
  })

  it("reports the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string
    }
    assert.strictEqual(Cli.version, pkg.version)
    const r = cli(["--version"], { cwd: workdir() })
    assert.include(r.stdout, pkg.version)
  })
})
