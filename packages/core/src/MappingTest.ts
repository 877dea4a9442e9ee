/**
 * Mapping tests: `test/v1` YAML files that run one mapping on input records and compare the
 * result with what each case expects.
 *
 * ```yaml
 * mapwright: test/v1
 * mapping: ./customer.to-canonical.yaml      # relative to this file
 * cases:
 *   - name: billing names and groups
 *     input: { username: peter@parker.nz, b_fname: Peter, UserCustomerGroup: [{ group_code: vip }] }
 *     expect: { id: peter@parker.nz, billing: { firstName: Peter }, groups: [{ code: vip }] }
 *   - name: a bad discount is rejected with both paths
 *     input: { username: x, discount: twenty }
 *     expectIssues: [{ path: discountPercent, sourcePath: discount, code: InvalidInt }]
 *     expectRejected: true
 * ```
 *
 * - `expect` is a subset of the mapped record: every key it gives must match (objects
 *   recursively, arrays with the same length item by item, scalars and `null` strictly). A
 *   rejected record fails it.
 * - `expectIssues` is exactly the record's issues, warnings included, in any order: each entry
 *   gives some of `path`, `sourcePath`, `code`, `severity`, `stage` and matches one issue; an
 *   issue no entry matches fails the case, and so does an entry no issue matches. `[]` asserts
 *   that there are none.
 * - `expectRejected` says whether the record must be rejected (`true`) or kept (`false`).
 *
 * A case gives at least one of the three. The file is checked against {@link jsonSchema}
 * before anything runs; its problems and those of the mapping are `SpecError` diagnostics.
 *
 * @since 0.1.0
 */
import { dirname, join, resolve } from "node:path"
import { Effect, FileSystem, type PlatformError } from "effect"
import * as Match from "./internal/mappingTest/match.ts"
import { testSchema } from "./internal/mappingTest/schema.ts"
import * as Spec from "./internal/mappingTest/spec.ts"
import { describePlatformError } from "./internal/platformError.ts"
import * as Mapping from "./Mapping.ts"
import * as RecordIssue from "./RecordIssue.ts"
import { type Diagnostic, SpecError } from "./SpecError.ts"

/**
 * The value of a test file's `mapwright` key.
 *
 * @since 0.1.0
 * @category models
 */
export const version = "test/v1"

/**
 * @since 0.1.0
 * @category models
 */
export interface CaseResult {
  readonly name: string
  readonly passed: boolean
  /**
   * Readable lines, empty when the case passed: `expected billing.country: "NZ", got "AU"`,
   * `missing issue {path: discountPercent, code: InvalidInt}`,
   * `unexpected issue error validate email InvalidEmail: ...`.
   */
  readonly failures: ReadonlyArray<string>
  /** 1-based line of the case in the test file. */
  readonly line: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface FileResult {
  readonly file: string
  /** The name of the mapping under test. */
  readonly mapping: string
  /** The mapping's file, absolute. */
  readonly mappingFile: string
  readonly cases: ReadonlyArray<CaseResult>
}

/**
 * The test/v1 JSON Schema (draft 2020-12), committed as `packages/core/schema/test.schema.json`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema = (): object => structuredClone(testSchema) as object

/**
 * True when the YAML text declares `mapwright: test/v1` (a quick look, for tools that get
 * mappings and tests mixed, such as `mapwright check`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTestText = (text: string): boolean => /^mapwright:\s*["']?test\/v1["']?\s*(#.*)?$/m.test(text)

const cannotRead = (file: string, error: PlatformError.PlatformError): SpecError =>
  new SpecError({
    diagnostics: [
      {
        severity: "error",
        file,
        line: 1,
        column: 1,
        path: "",
        code: "CannotRead",
        message: `cannot read ${file}: ${describePlatformError(error)}`
      }
    ]
  })

interface Loaded {
  readonly spec: Spec.TestSpec
  readonly warnings: ReadonlyArray<Diagnostic>
  readonly mappingFile: string
}

const loadSpec = (file: string): Effect.Effect<Loaded, SpecError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const text = yield* fs.readFileString(file).pipe(Effect.mapError((e) => cannotRead(file, e)))
    const parsed = Spec.parse(text, file)
    if (parsed._tag === "Invalid") return yield* new SpecError({ diagnostics: parsed.diagnostics })
    const spec = parsed.spec
    const mappingFile = resolve(dirname(file), spec.mapping)
    const isFile = yield* fs.stat(mappingFile).pipe(
      Effect.map((info) => info.type === "File"),
      Effect.orElseSucceed(() => false)
    )
    if (!isFile) {
      return yield* new SpecError({
        diagnostics: [
          ...parsed.warnings,
          {
            severity: "error",
            file,
            line: spec.mappingLine,
            column: spec.mappingColumn,
            path: "mapping",
            code: "MappingNotFound",
            message: `cannot read the mapping ${JSON.stringify(spec.mapping)}: no such file (${mappingFile})`
          }
        ]
      })
    }
    return { spec, warnings: parsed.warnings, mappingFile }
  })

const runCase = (mapping: Mapping.CompiledMapping, c: Spec.CaseSpec): CaseResult => {
  let result: Mapping.MappingResult
  try {
    result = mapping(c.input)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { name: c.name, passed: false, failures: [`the mapping threw: ${message}`], line: c.line }
  }
  const failures: Array<string> = []
  const rejected = result.value === undefined
  const rejection = (): ReadonlyArray<string> =>
    result.issues.filter(RecordIssue.isError).map((issue) => `  ${RecordIssue.format(issue)}`)
  // The issues that made the rejection are listed once, unless expectIssues already diffs them.
  let listed = c.expectIssues !== undefined
  if (c.expectRejected === true && !rejected)
    failures.push("expected the record to be rejected, but it was kept")
  if (c.expectRejected === false && rejected) {
    failures.push("expected the record to be kept, but it was rejected")
    if (!listed) failures.push(...rejection())
    listed = true
  }
  if (c.expect !== undefined) {
    if (rejected) {
      if (c.expectRejected !== false) {
        failures.push("expected a mapped record, but it was rejected")
        if (!listed) failures.push(...rejection())
      }
    } else {
      failures.push(...Match.subset(c.expect, result.value))
    }
  }
  if (c.expectIssues !== undefined) failures.push(...Match.issues(c.expectIssues, result.issues))
  return { name: c.name, passed: failures.length === 0, failures, line: c.line }
}

/**
 * Loads a test file and its mapping (the `mapping` path is relative to the test file) and runs
 * every case. A test file that does not check, a missing mapping or a mapping that does not
 * check fails with a `SpecError` carrying all their diagnostics; failing cases are results.
 *
 * @since 0.1.0
 * @category running
 */
export const runFile = (
  file: string,
  options: Mapping.LoadOptions
): Effect.Effect<FileResult, SpecError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const { mappingFile, spec } = yield* loadSpec(file)
    const mapping = yield* Mapping.load(mappingFile, options)
    return {
      file,
      mapping: mapping.name,
      mappingFile,
      cases: spec.cases.map((c) => runCase(mapping, c))
    }
  })

/**
 * Every diagnostic of a test file and of its mapping, warnings included, without running the
 * cases. Never fails: an unreadable file is a diagnostic too.
 *
 * @since 0.1.0
 * @category checking
 */
export const check = (
  file: string,
  options: Mapping.LoadOptions
): Effect.Effect<ReadonlyArray<Diagnostic>, never, FileSystem.FileSystem> =>
  loadSpec(file).pipe(
    Effect.flatMap(({ mappingFile, warnings }) =>
      Mapping.check(mappingFile, options).pipe(Effect.map((diagnostics) => [...warnings, ...diagnostics]))
    ),
    Effect.catchTag("SpecError", (e) => Effect.succeed(e.diagnostics))
  )

const isTestFile = (name: string): boolean => name.endsWith(".test.yaml") || name.endsWith(".test.yml")

/**
 * The test files under `paths`: a file is taken as given; a directory is searched recursively
 * for `*.test.yaml` (and `*.test.yml`), skipping `node_modules` and directories whose name
 * starts with a dot; links are followed to files, not to directories. Sorted, without
 * duplicates. A path that does not exist fails with its `PlatformError`.
 *
 * @since 0.1.0
 * @category running
 */
export const discover = (
  paths: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<string>, PlatformError.PlatformError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const found = new Set<string>()
    const walk = (dir: string): Effect.Effect<void, PlatformError.PlatformError> =>
      Effect.gen(function* () {
        const entries = yield* fs.readDirectoryEntries(dir)
        for (const entry of entries) {
          const path = join(dir, entry.name)
          // Links are followed to files only, so a link cycle cannot loop; a broken link is skipped.
          const type =
            entry.type === "SymbolicLink"
              ? yield* fs.stat(path).pipe(
                  Effect.map((info) => (info.type === "File" ? "File" : "Other")),
                  Effect.orElseSucceed(() => "Other")
                )
              : entry.type
          if (type === "Directory") {
            if (entry.name === "node_modules" || entry.name.startsWith(".")) continue
            yield* walk(path)
          } else if (type === "File" && isTestFile(entry.name)) {
            found.add(path)
          }
        }
      })
    for (const path of paths) {
      const info = yield* fs.stat(path)
      if (info.type === "Directory") yield* walk(path)
      else found.add(path)
    }
    return [...found].sort()
  })
