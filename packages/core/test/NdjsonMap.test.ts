import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Stream } from "effect"
import * as NdjsonMap from "../src/NdjsonMap.ts"
import type { RecordIssue } from "../src/RecordIssue.ts"

// A hand-written function of the shape of a compiled mapping: the runner's input.
const mapper: NdjsonMap.Mapper = Object.defineProperty(
  (input: unknown): { value?: Record<string, unknown>; issues: ReadonlyArray<RecordIssue> } => {
    const r = input as Record<string, unknown>
    const issues: Array<RecordIssue> = []
    if (typeof r.id !== "string") {
      issues.push({
        severity: "error",
        stage: "map",
        path: "id",
        sourcePath: "id",
        code: "Required",
        message: "id is required"
      })
    }
    let discountPercent: number | null = null
    if (r.discount !== undefined) {
      discountPercent = /^\d+$/.test(String(r.discount)) ? Number(r.discount) : null
      if (discountPercent === null) {
        issues.push({
          severity: "error",
          stage: "map",
          path: "discountPercent",
          sourcePath: "discount",
          code: "InvalidInt",
          message: "not an integer"
        })
      }
    }
    let phone: string | null = null
    if (typeof r.phone === "string") {
      if (r.phone.startsWith("+")) phone = r.phone
      else {
        issues.push({
          severity: "warning",
          stage: "map",
          path: "phone",
          sourcePath: "phone",
          code: "InvalidPhone",
          message: "not a phone number"
        })
      }
    }
    if (typeof r.email === "string" && !r.email.includes("@")) {
      issues.push({
        severity: "error",
        stage: "validate",
        path: "email",
        code: "InvalidEmail",
        message: "not an email"
      })
    }
    if (issues.some((i) => i.severity === "error")) return { issues }
    return {
      value: {
        id: r.id,
        name: r.name ?? null,
        discountPercent,
        phone,
        ...(r.deep !== undefined ? { deep: r.deep } : {})
      },
      issues
    }
  },
  "name",
  { value: "test.mapping" }
)

const encoder = new TextEncoder()

const bytesOf = (text: string, chunkSize: number): Stream.Stream<Uint8Array> => {
  const bytes = encoder.encode(text)
  const chunks: Array<Uint8Array> = []
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize))
  return Stream.fromIterable(chunks)
}

interface Collected {
  readonly summary: NdjsonMap.Summary
  readonly output: string
  readonly rejects: ReadonlyArray<unknown>
  readonly writes: number
}

const collect = (text: string, chunkSize = 64 * 1024, maxLineLength?: number) =>
  Effect.gen(function* () {
    let output = ""
    let rejects = ""
    let writes = 0
    const summary = yield* NdjsonMap.run({
      mapping: mapper,
      input: bytesOf(text, chunkSize),
      output: (chunk) =>
        Effect.sync(() => {
          writes++
          output += chunk
        }),
      rejects: (chunk) =>
        Effect.sync(() => {
          rejects += chunk
        }),
      maxLineLength
    })
    const rejectLines = rejects === "" ? [] : rejects.replace(/\n$/, "").split("\n")
    return {
      summary,
      output,
      rejects: rejectLines.map((l) => JSON.parse(l) as unknown),
      writes
    } satisfies Collected
  })

const counts = (s: NdjsonMap.Summary) => ({
  read: s.read,
  written: s.written,
  rejected: s.rejected,
  warnings: s.warnings,
  rejectedByStage: s.rejectedByStage
})

describe("NdjsonMap.run", () => {
  it.effect(
    "splits lines across 1-byte chunks, inside multi-byte characters, with CRLF and no final newline",
    () =>
      Effect.gen(function* () {
        const text = '{"id":"a","name":"Zoë 日本 😀"}\r\n{"id":"b","name":"Ñandú"}\n{"id":"c","name":"€"}'
        const r = yield* collect(text, 1)
        assert.deepStrictEqual(counts(r.summary), {
          read: 3,
          written: 3,
          rejected: 0,
          warnings: 0,
          rejectedByStage: {}
        })
        assert.strictEqual(
          r.output,
          '{"id":"a","name":"Zoë 日本 😀","discountPercent":null,"phone":null}\n' +
            '{"id":"b","name":"Ñandú","discountPercent":null,"phone":null}\n' +
            '{"id":"c","name":"€","discountPercent":null,"phone":null}\n'
        )
        assert.deepStrictEqual(r.rejects, [])
      })
  )

  it.effect("gives the same result for every chunk size", () =>
    Effect.gen(function* () {
      const text = '{"id":"x1","name":"Ünïcödé ✓"}\n\n{oops\r\n{"id":"x2","phone":"021"}\n[1]\n'
      const reference = yield* collect(text, 1024)
      for (const size of [1, 2, 3, 5, 7, 13]) {
        const r = yield* collect(text, size)
        assert.strictEqual(r.output, reference.output)
        assert.deepStrictEqual(r.rejects, reference.rejects)
        assert.deepStrictEqual(counts(r.summary), counts(reference.summary))
      }
    })
  )

  it.effect("rejects lines that are not JSON or not objects, and skips blank lines", () =>
    Effect.gen(function* () {
      const text = [
        '{"id":"ok"}', // 1
        "", // 2: blank, skipped
        "{not json\r", // 3: CRLF, the \r is not part of the line
        "   ", // 4: whitespace only, skipped
        "[]", // 5
        '"x"', // 6
        "3", // 7
        "null", // 8
        '{"id":"ok2"}' // 9
      ].join("\n")
      const r = yield* collect(text)
      assert.deepStrictEqual(counts(r.summary), {
        read: 7,
        written: 2,
        rejected: 5,
        warnings: 0,
        rejectedByStage: { parse: 5 }
      })
      assert.strictEqual(
        r.output,
        '{"id":"ok","name":null,"discountPercent":null,"phone":null}\n{"id":"ok2","name":null,"discountPercent":null,"phone":null}\n'
      )
      const notAnObject = (line: number, raw: string, what: string) => ({
        outcome: "rejected",
        line,
        mapping: "test.mapping",
        stage: "parse",
        issues: [
          {
            severity: "error",
            stage: "parse",
            path: "",
            code: "NotAnObject",
            message: `the line is ${what}, not a JSON object`
          }
        ],
        raw
      })
      assert.strictEqual(r.rejects.length, 5)
      const notJson = r.rejects[0] as {
        line: number
        stage: string
        raw: string
        issues: ReadonlyArray<{ code: string; message: string }>
      }
      assert.strictEqual(notJson.line, 3)
      assert.strictEqual(notJson.stage, "parse")
      assert.strictEqual(notJson.raw, "{not json")
      assert.strictEqual(notJson.issues.length, 1)
      assert.strictEqual(notJson.issues[0]?.code, "NotJson")
      // The message carries JSON.parse's own explanation, with the position.
      assert.match(notJson.issues[0]?.message ?? "", /^the line is not JSON: .*position 1/)
      assert.deepStrictEqual(r.rejects.slice(1), [
        notAnObject(5, "[]", "an array"),
        notAnObject(6, '"x"', "a string"),
        notAnObject(7, "3", "a number"),
        notAnObject(8, "null", "null")
      ])
    })
  )

  it.effect(
    "writes rejected records with their stage, issues and original record, and warnings beside them",
    () =>
      Effect.gen(function* () {
        const text = [
          '{"id":"a","discount":"10"}',
          '{"id":"b","discount":"ten","email":"nope"}',
          '{"email":"nope"}',
          '{"id":"d","phone":"021 555"}',
          '{"id":"e","phone":"+6421555"}'
        ].join("\n")
        const r = yield* collect(text)
        assert.deepStrictEqual(counts(r.summary), {
          read: 5,
          written: 3,
          rejected: 2,
          warnings: 1,
          rejectedByStage: { map: 2 }
        })
        assert.strictEqual(
          r.output,
          [
            '{"id":"a","name":null,"discountPercent":10,"phone":null}',
            '{"id":"d","name":null,"discountPercent":null,"phone":null}',
            '{"id":"e","name":null,"discountPercent":null,"phone":"+6421555"}',
            ""
          ].join("\n")
        )
        assert.deepStrictEqual(r.rejects, [
          {
            outcome: "rejected",
            line: 2,
            mapping: "test.mapping",
            stage: "map",
            issues: [
              {
                severity: "error",
                stage: "map",
                path: "discountPercent",
                sourcePath: "discount",
                code: "InvalidInt",
                message: "not an integer"
              },
              {
                severity: "error",
                stage: "validate",
                path: "email",
                code: "InvalidEmail",
                message: "not an email"
              }
            ],
            record: { id: "b", discount: "ten", email: "nope" }
          },
          {
            outcome: "rejected",
            line: 3,
            mapping: "test.mapping",
            stage: "map",
            issues: [
              {
                severity: "error",
                stage: "map",
                path: "id",
                sourcePath: "id",
                code: "Required",
                message: "id is required"
              },
              {
                severity: "error",
                stage: "validate",
                path: "email",
                code: "InvalidEmail",
                message: "not an email"
              }
            ],
            record: { email: "nope" }
          },
          {
            outcome: "kept",
            line: 4,
            mapping: "test.mapping",
            issues: [
              {
                severity: "warning",
                stage: "map",
                path: "phone",
                sourcePath: "phone",
                code: "InvalidPhone",
                message: "not a phone number"
              }
            ]
          }
        ])
      })
  )

  it.effect("takes the stage of a rejected record from its first error", () =>
    Effect.gen(function* () {
      const r = yield* collect('{"id":"v","email":"nope","phone":"x"}\n')
      assert.deepStrictEqual(r.summary.rejectedByStage, { validate: 1 })
      const reject = r.rejects[0] as { stage: string; issues: ReadonlyArray<{ code: string }> }
      assert.strictEqual(reject.stage, "validate")
      assert.deepStrictEqual(
        reject.issues.map((i) => i.code),
        ["InvalidPhone", "InvalidEmail"]
      )
    })
  )

  it.effect("redacts rejected records before writing them, without touching the input", () =>
    Effect.gen(function* () {
      let rejects = ""
      const seen: Array<unknown> = []
      yield* NdjsonMap.run({
        mapping: mapper,
        input: bytesOf('{"discount":"x","password":"hunter2","nested":{"password":"p"}}\n', 8),
        output: () => Effect.void,
        rejects: (chunk) =>
          Effect.sync(() => {
            rejects += chunk
          }),
        redact: (record) => {
          seen.push(record)
          const { password: _, ...rest } = record
          return { ...rest, password: "<redacted>" }
        }
      })
      const reject = JSON.parse(rejects) as { record: unknown }
      assert.deepStrictEqual(reject.record, {
        discount: "x",
        nested: { password: "p" },
        password: "<redacted>"
      })
      assert.notInclude(rejects, "hunter2")
      assert.deepStrictEqual(seen, [{ discount: "x", password: "hunter2", nested: { password: "p" } }])
    })
  )

  it.effect("only counts rejects when no rejects sink is given", () =>
    Effect.gen(function* () {
      let output = ""
      const summary = yield* NdjsonMap.run({
        mapping: mapper,
        input: bytesOf('{"id":"a"}\n{"discount":"x"}\nnot json\n', 4),
        output: (chunk) =>
          Effect.sync(() => {
            output += chunk
          })
      })
      assert.deepStrictEqual(counts(summary), {
        read: 3,
        written: 1,
        rejected: 2,
        warnings: 0,
        rejectedByStage: { map: 1, parse: 1 }
      })
      assert.strictEqual(output, '{"id":"a","name":null,"discountPercent":null,"phone":null}\n')
    })
  )

  it.effect("carries a 5 MB string field across many chunks", () =>
    Effect.gen(function* () {
      const big = "é".repeat(2_500_000) // 5,000,000 bytes of UTF-8
      const r = yield* collect(`{"id":"big","name":"${big}"}\n{"id":"after"}\n`, 64 * 1024)
      assert.deepStrictEqual(counts(r.summary), {
        read: 2,
        written: 2,
        rejected: 0,
        warnings: 0,
        rejectedByStage: {}
      })
      const [first, second] = r.output.split("\n")
      const parsed = JSON.parse(first ?? "") as { name: string }
      assert.strictEqual(parsed.name.length, 2_500_000)
      assert.strictEqual(parsed.name, big)
      assert.strictEqual(second, '{"id":"after","name":null,"discountPercent":null,"phone":null}')
    })
  )

  it.effect("handles JSON nested 5,000 levels deep, kept and rejected", () =>
    Effect.gen(function* () {
      const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`
      // 1: kept, the deep field is not copied; 2: rejected, the deep record goes to the rejects as is
      const text = `{"id":"d1","other":${deep}}\n{"discount":"x","deep":${deep}}\n`
      const r = yield* collect(text, 1000)
      assert.deepStrictEqual(counts(r.summary), {
        read: 2,
        written: 1,
        rejected: 1,
        warnings: 0,
        rejectedByStage: { map: 1 }
      })
      assert.strictEqual(r.output, '{"id":"d1","name":null,"discountPercent":null,"phone":null}\n')
      let node: unknown = (r.rejects[0] as { record: { deep: unknown } }).record.deep
      let depth = 0
      while (Array.isArray(node)) {
        node = node[0]
        depth++
      }
      assert.strictEqual(depth, 5000)
      assert.strictEqual(node, 1)
    })
  )

  it.effect("rejects a mapped record too deep to serialize instead of crashing", () =>
    Effect.gen(function* () {
      // JSON.parse reads any depth; JSON.stringify overflows its stack far below 200,000 levels.
      const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
      const r = yield* collect(`{"id":"d","deep":${deep}}\n{"id":"next"}\n`, 64 * 1024)
      assert.deepStrictEqual(counts(r.summary), {
        read: 2,
        written: 1,
        rejected: 1,
        warnings: 0,
        rejectedByStage: { encode: 1 }
      })
      assert.strictEqual(r.output, '{"id":"next","name":null,"discountPercent":null,"phone":null}\n')
      const reject = r.rejects[0] as {
        outcome: string
        line: number
        stage: string
        issues: ReadonlyArray<{ stage: string; code: string; message: string }>
      }
      assert.strictEqual(reject.outcome, "rejected")
      assert.strictEqual(reject.line, 1)
      assert.strictEqual(reject.stage, "encode")
      assert.deepStrictEqual(
        reject.issues.map((i) => [i.stage, i.code]),
        [["encode", "NotSerializable"]]
      )
      assert.match(reject.issues[0]?.message ?? "", /^the mapped record cannot be written as JSON: /)
    })
  )

  it.effect("rejects a line longer than the cap without holding it, and goes on", () =>
    Effect.gen(function* () {
      const long = `{"id":"${"x".repeat(30_000)}"}`
      // line 1 fits, line 2 is too long (spread over many chunks), line 3 fits, line 4 is too long and last
      const text = `{"id":"a"}\n${long}\r\n{"id":"b"}\n${long}`
      for (const chunkSize of [7, 4096, 1_000_000]) {
        const r = yield* collect(text, chunkSize, 20_000)
        assert.deepStrictEqual(counts(r.summary), {
          read: 4,
          written: 2,
          rejected: 2,
          warnings: 0,
          rejectedByStage: { parse: 2 }
        })
        const tooLong = (line: number) => ({
          outcome: "rejected",
          line,
          mapping: "test.mapping",
          stage: "parse",
          issues: [
            {
              severity: "error",
              stage: "parse",
              path: "",
              code: "LineTooLong",
              message: "the line is longer than the limit of 20000 characters"
            }
          ],
          raw: long.slice(0, 10_000)
        })
        assert.deepStrictEqual(r.rejects, [tooLong(2), tooLong(4)])
      }
    })
  )

  it.effect("truncates the raw text of a long non-JSON line to 10,000 characters", () =>
    Effect.gen(function* () {
      const r = yield* collect(`${"z".repeat(25_000)}\n`)
      const reject = r.rejects[0] as { raw: string }
      assert.strictEqual(reject.raw, "z".repeat(10_000))
    })
  )

  it.effect("writes once per input chunk and pulls the next chunk only after the write", () =>
    Effect.gen(function* () {
      const events: Array<string> = []
      const lines = ['{"id":"1"}\n', '{"id":"2"}\n', '{"id":"3"}\n']
      const input = Stream.fromIterable(lines).pipe(
        Stream.rechunk(1),
        Stream.tap((line) => Effect.sync(() => events.push(`pull ${line.slice(7, 8)}`))),
        Stream.map((line) => encoder.encode(line))
      )
      yield* NdjsonMap.run({
        mapping: mapper,
        input,
        output: (chunk) => Effect.sync(() => events.push(`write ${(JSON.parse(chunk) as { id: string }).id}`))
      })
      assert.deepStrictEqual(events, ["pull 1", "write 1", "pull 2", "write 2", "pull 3", "write 3"])
    })
  )

  it.effect("reports progress between chunks", () =>
    Effect.gen(function* () {
      const progress: Array<NdjsonMap.Progress> = []
      const text = Array.from(
        { length: 20 },
        (_, i) => `{"id":"${i}"${i % 5 === 0 ? ',"discount":"x"' : ""}}\n`
      ).join("")
      yield* NdjsonMap.run({
        mapping: mapper,
        input: bytesOf(text, 40).pipe(Stream.rechunk(1)),
        output: () => Effect.void,
        progressInterval: 0,
        onProgress: (p) => Effect.sync(() => progress.push(p))
      })
      assert.isAbove(progress.length, 5)
      const last = progress[progress.length - 1]
      assert.strictEqual(last?.read, 20)
      assert.strictEqual(last?.rejected, 4)
      assert.strictEqual(last?.written, 16)
      for (let i = 1; i < progress.length; i++) {
        assert.isAtLeast(progress[i]?.read ?? -1, progress[i - 1]?.read ?? 0)
      }
    })
  )

  it.effect("fails with the output's error and stops reading", () =>
    Effect.gen(function* () {
      let pulled = 0
      const input = Stream.fromIterable(['{"id":"1"}\n', '{"id":"2"}\n', '{"id":"3"}\n']).pipe(
        Stream.rechunk(1),
        Stream.tap(() =>
          Effect.sync(() => {
            pulled++
          })
        ),
        Stream.map((line) => encoder.encode(line))
      )
      const result = yield* Effect.result(
        NdjsonMap.run({ mapping: mapper, input, output: () => Effect.fail("disk full" as const) })
      )
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) assert.strictEqual(result.failure, "disk full")
      assert.strictEqual(pulled, 1)
    })
  )

  it.effect("keeps exact counts over 300,000 records", () =>
    Effect.gen(function* () {
      const n = 300_000
      const lines: Array<string> = []
      for (let i = 0; i < n; i++)
        lines.push(i % 1000 === 999 ? `{"id":"r${i}","discount":"x"}` : `{"id":"r${i}"}`)
      let written = 0
      const summary = yield* NdjsonMap.run({
        mapping: mapper,
        input: bytesOf(lines.join("\n"), 64 * 1024),
        output: (chunk) =>
          Effect.sync(() => {
            for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) written++
          })
      })
      assert.deepStrictEqual(counts(summary), {
        read: 300_000,
        written: 299_700,
        rejected: 300,
        warnings: 0,
        rejectedByStage: { map: 300 }
      })
      assert.strictEqual(written, 299_700)
    })
  )
})

describe("NdjsonMap.runFiles", () => {
  const dir = mkdtempSync(join(tmpdir(), "mapwright-ndjson-"))

  it.effect("maps a file to files", () =>
    Effect.gen(function* () {
      const input = join(dir, "in.ndjson")
      writeFileSync(input, '{"id":"a","phone":"x"}\n{"id":"b","discount":"q"}\n')
      const summary = yield* NdjsonMap.runFiles({
        mapping: mapper,
        in: input,
        out: join(dir, "out.ndjson"),
        rejects: join(dir, "rejects.ndjson")
      })
      assert.deepStrictEqual(counts(summary), {
        read: 2,
        written: 1,
        rejected: 1,
        warnings: 1,
        rejectedByStage: { map: 1 }
      })
      assert.strictEqual(
        readFileSync(join(dir, "out.ndjson"), "utf8"),
        '{"id":"a","name":null,"discountPercent":null,"phone":null}\n'
      )
      const rejects = readFileSync(join(dir, "rejects.ndjson"), "utf8").trimEnd().split("\n")
      assert.deepStrictEqual(
        rejects.map((l) => (JSON.parse(l) as { outcome: string; line: number }).outcome),
        ["kept", "rejected"]
      )
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("fails on a missing input before creating the output", () =>
    Effect.gen(function* () {
      const result = yield* Effect.result(
        NdjsonMap.runFiles({
          mapping: mapper,
          in: join(dir, "missing.ndjson"),
          out: join(dir, "never.ndjson")
        })
      )
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) assert.strictEqual(result.failure._tag, "PlatformError")
      assert.isFalse(existsSync(join(dir, "never.ndjson")))
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
