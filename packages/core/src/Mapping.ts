/**
 * Mappings: YAML documents (`mapwright: mapping/v1`) that say how the records of one record
 * schema become the records of another. Loading one parses it with positions, checks it
 * against the language's JSON Schema, resolves its `$ref`s, type-checks it against the source
 * and target schemas (reporting every problem at once, each with file:line:col) and compiles it
 * to a plain function `(record) => { value?, issues }`.
 *
 * The loader reads files through the Effect `FileSystem` service; from Node:
 *
 * ```ts
 * import { NodeFileSystem } from "@effect/platform-node"
 * const mapping = await Effect.runPromise(
 *   Mapping.load("customer.to-canonical.yaml", { schemas }).pipe(Effect.provide(NodeFileSystem.layer))
 * )
 * const { value, issues } = mapping(record)
 * ```
 *
 * @since 0.1.0
 */
import { Effect, FileSystem, Result } from "effect"
import { check as checkMapping } from "./internal/mapping/check.ts"
import { compile as compilePlan } from "./internal/mapping/compile.ts"
import { build, type Loaded } from "./internal/mapping/parse.ts"
import { makeState } from "./internal/mapping/plan.ts"
import { describePlatformError, readSpecFile } from "./internal/platformError.ts"
import * as Yaml from "./internal/yaml.ts"
import type * as RecordIssue from "./RecordIssue.ts"
import type * as RecordSchema from "./RecordSchema.ts"
import * as Redact from "./Redact.ts"
import * as SpecError from "./SpecError.ts"
import type * as Transform from "./Transform.ts"
import * as Transforms from "./Transforms.ts"
import * as Validator from "./Validator.ts"

/**
 * What a compiled mapping returns for one record: `value` is absent exactly when an issue is
 * an error; warnings ride along with a value.
 *
 * @since 0.1.0
 * @category models
 */
export interface MappingResult {
  readonly value?: Record<string, unknown>
  readonly issues: ReadonlyArray<RecordIssue.RecordIssue>
}

/**
 * A loaded, type-checked and compiled mapping: call it on a record.
 *
 * It never mutates the record and never throws. Its output may share nested values that a
 * mapping copies unchanged (`from` of an object or a list) with the input. It is synchronous
 * and keeps a little state while it maps one record, so a transform must not call the same
 * mapping from inside itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface CompiledMapping {
  (record: unknown): MappingResult
  readonly name: string
  readonly source: string
  readonly target: string
  readonly file: string
  /** Load-time warnings (e.g. `UnmappedSourceField`). */
  readonly warnings: ReadonlyArray<SpecError.Diagnostic>
  /**
   * A copy of a source record with its secrets (the source schema's `writeOnly` fields)
   * replaced by `"<redacted>"`, for reject files and logs.
   */
  readonly redact: (record: unknown) => unknown
}

/**
 * @since 0.1.0
 * @category models
 */
export interface LoadOptions {
  readonly schemas: RecordSchema.SchemaRegistry
  /** Default: the built-in transforms (`Transforms.registry`). */
  readonly transforms?: Transform.TransformRegistry
  /** Validate each output against the target schema (default true). */
  readonly validate?: boolean
}

/** The largest mapping or fragment file read (bytes of text). */
const MAX_FILE = 10 * 1024 * 1024

const tooLarge = (file: string): Yaml.YamlFile => {
  const d: SpecError.Diagnostic = {
    severity: "error",
    file,
    line: 1,
    column: 1,
    path: "",
    code: "TooLarge",
    message: `the file is larger than ${MAX_FILE / 1024 / 1024} MB`
  }
  return { file, value: null, diagnostics: [d], failed: true, locate: () => ({ line: 1, column: 1 }) }
}

const parseText = (text: string, file: string): Yaml.YamlFile =>
  text.length > MAX_FILE ? tooLarge(file) : Yaml.parse(text, file)

const describe = (error: unknown): string => {
  if (
    typeof error === "object" &&
    error !== null &&
    "message" in error &&
    typeof error.message === "string"
  ) {
    return error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message
  }
  return "it could not be read"
}

interface Analysis {
  readonly diagnostics: ReadonlyArray<SpecError.Diagnostic>
  readonly compiled: CompiledMapping | undefined
}

/** Parses, resolves, checks and (when there is no error) compiles. Never fails. */
const analyze = (
  text: string,
  file: string,
  options: LoadOptions
): Effect.Effect<Analysis, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const root = parseText(text, file)
    if (root.failed) return { diagnostics: Yaml.dedupeDiagnostics(root.diagnostics), compiled: undefined }
    const files = new Map<string, Loaded>()
    let built = build(root, files)
    // Each round reads the files the previous one found referenced; a chain is at most
    // MAX_REF_DEPTH long, and every round reads at least one new file.
    while (built.pending.size > 0) {
      for (const f of built.pending) {
        const read = yield* Effect.result(fs.readFileString(f))
        files.set(
          f,
          Result.isSuccess(read) ? parseText(read.success, f) : { error: describePlatformError(read.failure) }
        )
      }
      built = build(root, files)
    }
    const diagnostics: Array<SpecError.Diagnostic> = [...root.diagnostics, ...built.diagnostics]
    for (const loaded of files.values())
      if (!("error" in loaded) && !loaded.failed) diagnostics.push(...loaded.diagnostics)
    const mapping = built.mapping
    if (mapping === undefined)
      return { diagnostics: Yaml.dedupeDiagnostics(diagnostics), compiled: undefined }
    const state = makeState()
    const checked = checkMapping(mapping, {
      schemas: options.schemas,
      transforms: options.transforms ?? Transforms.registry,
      state
    })
    diagnostics.push(...checked.diagnostics)
    let validate: ((value: unknown) => ReadonlyArray<RecordIssue.RecordIssue>) | undefined
    if (options.validate !== false && checked.target !== undefined) {
      try {
        validate = Validator.compile(checked.target)
      } catch (e) {
        diagnostics.push(
          Yaml.diagnostic(
            mapping.yaml,
            mapping.target.loc.path,
            "InvalidSchema",
            `${checked.target.name} cannot be validated: ${describe(e)}`
          )
        )
      }
    }
    const all = Yaml.dedupeDiagnostics(diagnostics)
    if (all.some((d) => d.severity === "error")) return { diagnostics: all, compiled: undefined }
    const fn = compilePlan(checked.plan, state, validate)
    const warnings = all
    Object.defineProperties(fn, {
      name: { value: mapping.name, enumerable: true },
      source: { value: mapping.source.name, enumerable: true },
      target: { value: mapping.target.name, enumerable: true },
      file: { value: file, enumerable: true },
      warnings: { value: warnings, enumerable: true },
      redact: {
        value: checked.source === undefined ? (record: unknown) => record : Redact.forSchema(checked.source),
        enumerable: true
      }
    })
    return { diagnostics: all, compiled: fn as CompiledMapping }
  }).pipe(
    // A bug in the checker must still end as a diagnostic, never as a crash of the caller.
    Effect.catchDefect((defect) =>
      Effect.succeed<Analysis>({
        diagnostics: [
          {
            severity: "error",
            file,
            line: 1,
            column: 1,
            path: "",
            code: "InternalError",
            message: `the mapping checker failed unexpectedly (${describe(defect)}); please report it`
          }
        ],
        compiled: undefined
      })
    )
  )

const readRoot = (file: string) => readSpecFile(file, "mapping")

/**
 * Loads a mapping from YAML text; `file` names it in diagnostics and is the base of its
 * relative `$ref`s (which are read through `FileSystem`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadString = (
  text: string,
  file: string,
  options: LoadOptions
): Effect.Effect<CompiledMapping, SpecError.SpecError, FileSystem.FileSystem> =>
  Effect.flatMap(analyze(text, file, options), ({ compiled, diagnostics }) =>
    compiled === undefined ? Effect.fail(new SpecError.SpecError({ diagnostics })) : Effect.succeed(compiled)
  )

/**
 * Reads, type-checks and compiles a mapping file. Fails with a `SpecError` listing every
 * problem (file:line:col), never with a defect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (
  file: string,
  options: LoadOptions
): Effect.Effect<CompiledMapping, SpecError.SpecError, FileSystem.FileSystem> =>
  Effect.flatMap(readRoot(file), (text) =>
    typeof text === "string" ? loadString(text, file, options) : Effect.fail(text)
  )

/**
 * Every diagnostic of a mapping file, warnings included, sorted; an empty list when it is
 * clean. Never fails.
 *
 * @since 0.1.0
 * @category constructors
 */
export const check = (
  file: string,
  options: LoadOptions
): Effect.Effect<ReadonlyArray<SpecError.Diagnostic>, never, FileSystem.FileSystem> =>
  Effect.flatMap(readRoot(file), (text) =>
    typeof text === "string"
      ? Effect.map(analyze(text, file, options), (a) => a.diagnostics)
      : Effect.succeed(text.diagnostics)
  )

/**
 * Like {@link check}, for YAML text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkString = (
  text: string,
  file: string,
  options: LoadOptions
): Effect.Effect<ReadonlyArray<SpecError.Diagnostic>, never, FileSystem.FileSystem> =>
  Effect.map(analyze(text, file, options), (a) => a.diagnostics)
