/**
 * What the integration tests share: the connector registry (the CLI's installed connectors
 * plus the test-only `canonical-ndjson` source), running a pipeline file or text through the
 * real runtime (`Pipeline.load` / `run`, an in-memory state store that outlives one run), and
 * reading a connector's customers back through its client and default to-canonical mapping.
 *
 * @since 0.1.0
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { Installed } from "@mapwright/cli"
import {
  type Canonical,
  type Connector,
  ConnectorRegistry,
  Mapping,
  Pipeline,
  type RecordIssue,
  StateStore
} from "@mapwright/core"
import { Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import * as CanonicalSource from "./CanonicalSource.ts"
import { customers } from "./customers.ts"

/**
 * The installed connectors and `canonical-ndjson`.
 *
 * @since 0.1.0
 * @category models
 */
export const registry: ConnectorRegistry.ConnectorRegistry = ConnectorRegistry.make([
  ...Installed.connectors.map((c) => c.connector),
  CanonicalSource.connector
])

/**
 * A fresh temporary directory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tempDir = (prefix: string): string =>
  mkdtempSync(join(tmpdir(), `mapwright-integration-${prefix}-`))

/**
 * A state store kept in memory across the runs it is given to (a second run sees the first's
 * cross-references).
 *
 * @since 0.1.0
 * @category constructors
 */
export const memoryStore = (): Promise<StateStore.Service> => Effect.runPromise(StateStore.makeMemory)

/**
 * Where a pipeline comes from: a file, or YAML text (`file` then names it and is the base of
 * its relative paths).
 *
 * @since 0.1.0
 * @category models
 */
export type PipelineInput = { readonly file: string } | { readonly text: string; readonly file: string }

/**
 * Loads a pipeline with `env` for its `${env:...}` references and runs it against `store`,
 * its rejects written to `rejects`. Resolves with the summary; rejects with the `SpecError` or
 * `PipelineError`.
 *
 * @since 0.1.0
 * @category running
 */
export const runPipeline = (
  input: PipelineInput,
  options: {
    readonly env: Readonly<Record<string, string>>
    readonly store: StateStore.Service
    readonly rejects: string
  }
): Promise<Pipeline.Summary> => {
  const loadOptions: Pipeline.LoadOptions = { registry, transforms: Installed.transforms, env: options.env }
  const load =
    "text" in input
      ? Pipeline.loadString(input.text, input.file, loadOptions)
      : Pipeline.load(input.file, loadOptions)
  return Effect.runPromise(
    load.pipe(
      Effect.flatMap((loaded) => Pipeline.run(loaded, { rejects: options.rejects })),
      Effect.provide(
        Layer.mergeAll(
          NodeFileSystem.layer,
          FetchHttpClient.layer,
          Layer.succeed(StateStore.StateStore, options.store)
        )
      )
    )
  )
}

/**
 * The customers stream of a connector read back: its native records, and each one through the
 * stream's default to-canonical mapping (the customers, and the issues of records that did not
 * map).
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadBack {
  readonly native: ReadonlyArray<unknown>
  readonly customers: ReadonlyArray<Canonical.Customer>
  readonly failures: ReadonlyArray<{
    readonly record: unknown
    readonly issues: ReadonlyArray<RecordIssue.RecordIssue>
  }>
}

/**
 * Lists every record of `stream` (with the stream `options`, e.g. `includeGuests`) through the
 * connector's client, and maps each with the stream's default to-canonical mapping.
 *
 * @since 0.1.0
 * @category running
 */
export const readBack = (
  connector: Connector.Connector,
  config: unknown,
  options: { readonly stream?: string; readonly listOptions?: unknown } = {}
): Promise<ReadBack> => {
  const streamName = options.stream ?? "customers"
  const definition = connector.streams[streamName]
  if (definition?.mappings.toCanonical === undefined) {
    return Promise.reject(new Error(`${connector.name}.${streamName} has no default to-canonical mapping`))
  }
  const mappingFile = definition.mappings.toCanonical
  return Effect.runPromise(
    Effect.gen(function* () {
      const mapping = yield* Mapping.load(mappingFile, Installed.loadOptions)
      const client = yield* connector.client(config)
      const list = client.streams[streamName]?.list
      if (list === undefined)
        return yield* Effect.die(new Error(`${connector.name}.${streamName} cannot list`))
      const items = yield* Stream.runCollect(list({ options: options.listOptions }))
      const native = Array.from(items, (item) => item.record)
      const customers: Array<Canonical.Customer> = []
      const failures: Array<ReadBack["failures"][number]> = []
      for (const record of native) {
        const result = mapping(record)
        if (result.value === undefined) failures.push({ record, issues: result.issues })
        else customers.push(result.value as unknown as Canonical.Customer)
      }
      return { native, customers, failures }
    }).pipe(Effect.scoped, Effect.provide(Layer.mergeAll(NodeFileSystem.layer, FetchHttpClient.layer)))
  )
}

/**
 * A connector config as pipeline YAML (flow style), its strings given as `${env:PREFIX_KEY}`
 * references, and the environment that resolves them: secrets never sit in the text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const configYaml = (
  config: Readonly<Record<string, unknown>>,
  prefix: string
): { readonly yaml: string; readonly env: Readonly<Record<string, string>> } => {
  const env: Record<string, string> = {}
  const parts = Object.entries(config).map(([key, value]) => {
    if (typeof value !== "string") return `${key}: ${JSON.stringify(value)}`
    const name = `${prefix}_${key.replace(/[^A-Za-z0-9]/g, "_").toUpperCase()}`
    env[name] = value
    return `${key}: "\${env:${name}}"`
  })
  return { yaml: `{ ${parts.join(", ")} }`, env }
}

/**
 * Writes the shared set of customers as NDJSON into a fresh temporary directory, for the
 * `canonical-ndjson` source; returns the file.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sharedSetFile = (): string => {
  const file = join(tempDir("shared-set"), "customers.ndjson")
  writeFileSync(file, customers.map((c) => `${JSON.stringify(c)}\n`).join(""))
  return file
}

/**
 * A record the target rejected: its source key and the issues' codes and paths.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rejected {
  readonly outcome: "rejected"
  readonly key: string
  readonly stage: string
  readonly issues: ReadonlyArray<{ readonly path: string; readonly code: string; readonly message: string }>
}

/**
 * The rejected records of a reject file (none when it was not written); the lines of records
 * kept with warnings are left out.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rejectsOf = (file: string): ReadonlyArray<Rejected> =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { readonly outcome: string })
        .filter((line): line is Rejected => line.outcome === "rejected")
    : []

/**
 * Runs a pipeline from the `canonical-ndjson` file `file` to the customers stream of the
 * connector `target` (config `config`, its strings passed as environment variables), mode
 * `create`: every record reaches the target's default from-canonical mapping as it is in the
 * file. Resolves with the summary and the rejected records.
 *
 * @since 0.1.0
 * @category running
 */
export const pushCanonical = async (
  file: string,
  target: string,
  config: Readonly<Record<string, unknown>>
): Promise<{ readonly summary: Pipeline.Summary; readonly rejected: ReadonlyArray<Rejected> }> => {
  const dir = tempDir(`push-${target}`)
  const yamlConfig = configYaml(config, "TARGET")
  const text = [
    "mapwright: pipeline/v1",
    `name: canonical-to-${target}`,
    "source:",
    `  connector: ${CanonicalSource.name}`,
    `  config: { file: ${JSON.stringify(file)} }`,
    "  stream: customers",
    "target:",
    `  connector: ${target}`,
    `  config: ${yamlConfig.yaml}`,
    "  stream: customers",
    "  mode: create",
    "rejects: ./rejects.ndjson",
    "state: ./state.db"
  ].join("\n")
  const rejects = join(dir, "rejects.ndjson")
  const summary = await runPipeline(
    { text, file: join(dir, "pipeline.yaml") },
    { env: yamlConfig.env, store: await memoryStore(), rejects }
  )
  return { summary, rejected: rejectsOf(rejects) }
}
