/** Contracts of the default mappings: their tests pass, and they round-trip. */
import { existsSync } from "node:fs"
import { NodeFileSystem } from "@effect/platform-node"
import { Canonical, Connector, Mapping, MappingTest, RecordIssue, RecordSchema } from "@mapwright/core"
import { Effect } from "effect"
import type { Options } from "../../ContractSuite.ts"
import * as Internal from "../contract.ts"
import { Failure } from "../contract.ts"
import { fail, provide, setup, streamDef, streamOptions } from "./common.ts"

const registry = (options: Options) =>
  RecordSchema.registry([
    ...Canonical.schemas,
    ...Connector.schemas(options.connector),
    ...(options.schemas ?? [])
  ])

const testFileOf = (mapping: string): string => mapping.replace(/\.ya?ml$/, ".test.yaml")

export const mappingTests = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `default mappings pass their tests (${stream})`
  return Effect.gen(function* () {
    const def = yield* streamDef(options, contract, stream)
    const files = [def.mappings.toCanonical, def.mappings.fromCanonical].filter((f) => f !== undefined)
    if (files.length === 0) return yield* fail(contract, `stream "${stream}" ships no default mapping`)
    const schemas = registry(options)
    const failures: Array<string> = []
    for (const mapping of files) {
      const testFile = testFileOf(mapping)
      if (!existsSync(testFile)) {
        failures.push(`${mapping} has no tests: write ${testFile}`)
        continue
      }
      const result = yield* MappingTest.runFile(testFile, {
        schemas,
        ...(options.transforms === undefined ? {} : { transforms: options.transforms })
      }).pipe(
        Effect.mapError((e) => new Failure({ contract, message: `${testFile} does not load: ${e.message}` }))
      )
      for (const c of result.cases) {
        if (!c.passed) failures.push(`${testFile}:${c.line} "${c.name}": ${c.failures.join("; ")}`)
      }
    }
    if (failures.length > 0) return yield* fail(contract, failures.join("\n"))
  }).pipe(Effect.provide(NodeFileSystem.layer))
}

export const roundTrip = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `default mappings round-trip (${stream})`
  const so = streamOptions(options, stream)
  return provide(
    options,
    Effect.gen(function* () {
      const def = yield* streamDef(options, contract, stream)
      const { fromCanonical, toCanonical } = def.mappings
      if (toCanonical === undefined || fromCanonical === undefined) {
        return yield* fail(contract, `stream "${stream}" needs both default mappings to round-trip`)
      }
      const schemas = registry(options)
      const load = (file: string) =>
        Mapping.load(file, {
          schemas,
          ...(options.transforms === undefined ? {} : { transforms: options.transforms })
        }).pipe(
          Effect.mapError((e) => new Failure({ contract, message: `${file} does not load: ${e.message}` })),
          Effect.provide(NodeFileSystem.layer)
        )
      const to = yield* load(toCanonical)
      const from = yield* load(fromCanonical)
      const samples = so.roundTrip?.samples ?? 10
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, samples))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const list = yield* Internal.op(
        contract,
        stream,
        yield* Internal.streamClient(contract, client, stream),
        "list"
      )
      const items = yield* Internal.readAll(contract, list, { options: so.listOptions })
      const assigned = so.roundTrip?.assigned ?? def.key
      const ignore = (so.roundTrip?.ignore ?? []).map((p) => p.split("."))
      const strip = (v: unknown) => ignore.reduce((acc, p) => Internal.without(acc, p), v)
      const problems: Array<string> = []
      for (const item of items) {
        const key = Connector.keyOf(def, item.record) ?? "?"
        const first = to(item.record)
        if (first.value === undefined) {
          problems.push(
            `record ${key}: toCanonical rejects it: ${first.issues.map(RecordIssue.format).join("; ")}`
          )
          continue
        }
        const native = from(first.value)
        if (native.value === undefined) {
          problems.push(
            `record ${key}: fromCanonical rejects its canonical form: ${native.issues.map(RecordIssue.format).join("; ")}`
          )
          continue
        }
        const withAssigned = assigned.reduce((acc, path) => {
          const v = Internal.getPath(item.record, path)
          return v === undefined ? acc : Internal.setPath(acc, path, v)
        }, native.value)
        const second = to(withAssigned)
        if (second.value === undefined) {
          problems.push(
            `record ${key}: toCanonical rejects the re-encoded record: ${second.issues.map(RecordIssue.format).join("; ")}`
          )
          continue
        }
        const differences = Internal.diff(strip(first.value), strip(second.value))
        if (differences.length > 0) problems.push(`record ${key}: ${differences.slice(0, 5).join("; ")}`)
      }
      if (items.length === 0) return yield* fail(contract, "the emulator gave no records to round-trip")
      if (problems.length > 0) {
        return yield* fail(
          contract,
          `${problems.join("\n")}\n(a field a platform cannot carry both ways goes in streams.${stream}.roundTrip.ignore; a field the platform assigns in roundTrip.assigned)`
        )
      }
    })
  )
}
