/**
 * Reads a `test/v1` file: YAML with positions, checked against the test JSON Schema (Ajv,
 * draft 2020-12) and a few rules the schema cannot say. Every problem is a `Diagnostic` with
 * file, line and column; all of them are reported at once.
 *
 * @internal
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js"
import type { Diagnostic } from "../../SpecError.ts"
import { didYouMean } from "../mapping/suggest.ts"
import * as Yaml from "../yaml.ts"
import type { ExpectedIssue } from "./match.ts"
import { testSchema } from "./schema.ts"

/** @internal */
export interface CaseSpec {
  readonly name: string
  readonly input: Record<string, unknown>
  readonly expect?: Record<string, unknown>
  readonly expectIssues?: ReadonlyArray<ExpectedIssue>
  readonly expectRejected?: boolean
  /** 1-based line of the case in the file. */
  readonly line: number
}

/** @internal */
export interface TestSpec {
  /** The `mapping` value as written (relative to the file). */
  readonly mapping: string
  readonly mappingLine: number
  readonly mappingColumn: number
  readonly cases: ReadonlyArray<CaseSpec>
}

/** @internal */
export type Parsed =
  | { readonly _tag: "Ok"; readonly spec: TestSpec; readonly warnings: ReadonlyArray<Diagnostic> }
  | { readonly _tag: "Invalid"; readonly diagnostics: ReadonlyArray<Diagnostic> }

let compiled: ReturnType<Ajv2020["compile"]> | undefined
const validator = () => {
  if (compiled === undefined) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      logger: false
    })
    compiled = ajv.compile(testSchema)
  }
  return compiled
}

type Segment = string | number

const unescapePointer = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~")

const describeType = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "a mapping"
        : typeof value === "string"
          ? "a string"
          : typeof value === "number"
            ? "a number"
            : typeof value === "boolean"
              ? "a boolean"
              : typeof value

const describeValue = (value: unknown): string =>
  typeof value === "string"
    ? Yaml.quote(value)
    : value === null || typeof value !== "object"
      ? String(value)
      : describeType(value)

const expectedType = (type: unknown): string =>
  type === "object"
    ? "a mapping"
    : type === "array"
      ? "a list"
      : type === "string"
        ? "a string"
        : `a ${String(type)}`

/** @internal */
export const parse = (text: string, file: string): Parsed => {
  const yaml = Yaml.parse(text, file)
  if (yaml.failed) return { _tag: "Invalid", diagnostics: yaml.diagnostics }
  const warnings = yaml.diagnostics
  const value = yaml.value
  const diagnostic = (
    path: ReadonlyArray<Segment>,
    code: string,
    message: string,
    options: { readonly hint?: string | undefined; readonly part?: "key" } = {}
  ): Diagnostic => Yaml.diagnostic(yaml, path, code, message, options)

  const validate = validator()
  if (!validate(value)) {
    const diagnostics: Array<Diagnostic> = []
    const seen = new Set<string>()
    for (const error of (validate.errors ?? []) as ReadonlyArray<ErrorObject>) {
      const segments: Array<Segment> =
        error.instancePath === ""
          ? []
          : error.instancePath
              .slice(1)
              .split("/")
              .map((t) => {
                const s = unescapePointer(t)
                return /^\d+$/.test(s) ? Number(s) : s
              })
      const params = error.params as { readonly [key: string]: unknown }
      const path = Yaml.formatPath(segments)
      const subject = path === "" ? "the document" : path
      let d: Diagnostic
      switch (error.keyword) {
        case "additionalProperties": {
          const key = String(params.additionalProperty)
          const parentSchema = error.parentSchema as
            | { readonly properties?: { readonly [k: string]: unknown } }
            | undefined
          const known = Object.keys(parentSchema?.properties ?? {}).filter((k) => k !== "$schema")
          d = diagnostic([...segments, key], "UnknownKey", `unknown key ${Yaml.quote(key)}`, {
            hint: didYouMean(key, known) ?? `known keys: ${known.join(", ")}`,
            part: "key"
          })
          break
        }
        case "required":
          d = diagnostic(segments, "MissingKey", `missing required key "${String(params.missingProperty)}"`)
          break
        case "type":
          d = diagnostic(
            segments,
            "InvalidType",
            `${subject} must be ${expectedType(params.type)}, not ${describeType(error.data)}`
          )
          break
        case "const":
          d = diagnostic(
            segments,
            "InvalidValue",
            `${subject} must be ${JSON.stringify(params.allowedValue)}, not ${describeValue(error.data)}`
          )
          break
        case "enum":
          d = diagnostic(
            segments,
            "InvalidValue",
            `${subject} must be one of ${((params.allowedValues as ReadonlyArray<unknown>) ?? [])
              .map((v) => JSON.stringify(v))
              .join(", ")}, not ${describeValue(error.data)}`
          )
          break
        case "minItems":
        case "minLength":
          d = diagnostic(segments, "InvalidValue", `${subject} must not be empty`)
          break
        case "minProperties":
          d = diagnostic(
            segments,
            "InvalidValue",
            `${subject} must give at least one of path, sourcePath, code, severity, stage`
          )
          break
        default:
          d = diagnostic(segments, "InvalidValue", `${subject} ${error.message ?? "is invalid"}`)
      }
      const key = `${d.line}:${d.column}:${d.code}:${d.message}`
      if (!seen.has(key)) {
        seen.add(key)
        diagnostics.push(d)
      }
    }
    return { _tag: "Invalid", diagnostics: [...warnings, ...diagnostics] }
  }

  // The schema holds: the shapes below are guaranteed.
  const spec = value as {
    readonly mapping: string
    readonly cases: ReadonlyArray<{
      readonly name: string
      readonly input: Record<string, unknown>
      readonly expect?: Record<string, unknown>
      readonly expectIssues?: ReadonlyArray<ExpectedIssue>
      readonly expectRejected?: boolean
    }>
  }
  const diagnostics: Array<Diagnostic> = []
  const names = new Map<string, number>()
  const cases: Array<CaseSpec> = []
  spec.cases.forEach((c, i) => {
    if (c.expect === undefined && c.expectIssues === undefined && c.expectRejected === undefined) {
      diagnostics.push(
        diagnostic(["cases", i], "MissingExpectation", `case ${Yaml.quote(c.name)} expects nothing`, {
          hint: "give expect, expectIssues or expectRejected"
        })
      )
    }
    const first = names.get(c.name)
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(
          ["cases", i, "name"],
          "DuplicateCaseName",
          `case name ${Yaml.quote(c.name)} is already used by cases[${first}]`
        )
      )
    } else names.set(c.name, i)
    cases.push({
      name: c.name,
      input: c.input,
      ...(c.expect !== undefined ? { expect: c.expect } : {}),
      ...(c.expectIssues !== undefined ? { expectIssues: c.expectIssues } : {}),
      ...(c.expectRejected !== undefined ? { expectRejected: c.expectRejected } : {}),
      line: yaml.locate(["cases", i]).line
    })
  })
  if (diagnostics.length > 0) return { _tag: "Invalid", diagnostics: [...warnings, ...diagnostics] }
  const mappingAt = yaml.locate(["mapping"])
  return {
    _tag: "Ok",
    spec: { mapping: spec.mapping, mappingLine: mappingAt.line, mappingColumn: mappingAt.column, cases },
    warnings
  }
}
