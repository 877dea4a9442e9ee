import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import { Effect } from "effect"
import { parse } from "yaml"
import { render } from "../scripts/schemas.ts"
import * as Connector from "../src/Connector.ts"
import * as ConnectorRegistry from "../src/ConnectorRegistry.ts"
import * as Pipeline from "../src/Pipeline.ts"
import * as PipelineSpec from "../src/PipelineSpec.ts"
import type * as SpecError from "../src/SpecError.ts"
import { crm, fromCanonicalFile, makeWorld, shop, toCanonicalFile } from "./fixtures/pipeline/connectors.ts"

const packageRoot = join(import.meta.dirname, "..")

/** `${kind:name}`, a reference as a pipeline writes it. */
const ref = (kind: string, name: string): string => `\${${kind}:${name}}`

const env = { SHOP_TOKEN: "shop-token-1234567", CRM_TOKEN: "crm-token-7654321" }

/** A pipeline; each line's number is written beside it, for the positions below. */
const base = [
  "mapwright: pipeline/v1", // 1
  "name: shop-to-crm", // 2
  "source:", // 3
  "  connector: shop", // 4
  `  config: { token: "${ref("env", "SHOP_TOKEN")}", region: eu }`, // 5
  "  stream: customers", // 6
  "target:", // 7
  "  connector: crm", // 8
  `  config: { token: "${ref("env", "CRM_TOKEN")}", region: us }`, // 9
  "  stream: contacts", // 10
  "  mode: upsert", // 11
  "  match: [email]", // 12
  "rejects: ./out/rejects.ndjson", // 13
  "batchSize: 10" // 14
]
const text = (lines: ReadonlyArray<string>) => `${lines.join("\n")}\n`
const replace = (line: number, content: string): ReadonlyArray<string> =>
  base.map((l, i) => (i === line - 1 ? content : l))

const world = makeWorld()
const registry = ConnectorRegistry.make([shop(world), crm(world)], {
  importer: (specifier) =>
    Promise.reject(
      Object.assign(new Error(`Cannot find package '${specifier}'`), { code: "ERR_MODULE_NOT_FOUND" })
    )
})

const dir = (): string => mkdtempSync(join(tmpdir(), "mapwright-pipeline-"))

const diagnosticsOf = (source: string, options: { env?: Record<string, string>; file?: string } = {}) =>
  Effect.gen(function* () {
    const file = options.file ?? join(dir(), "p.yaml")
    writeFileSync(file, source)
    return yield* Pipeline.check(file, { registry, env: options.env ?? env })
  }).pipe(Effect.provide(NodeFileSystem.layer))

const errorsOf = (ds: ReadonlyArray<SpecError.Diagnostic>) => ds.filter((d) => d.severity === "error")

const find = (ds: ReadonlyArray<SpecError.Diagnostic>, code: string): SpecError.Diagnostic => {
  const d = ds.find((x) => x.code === code)
  assert.isDefined(d, `no ${code} in ${JSON.stringify(ds)}`)
  return d!
}

describe("PipelineSpec", () => {
  it("the committed schema/pipeline.schema.json is current", () => {
    const committed = readFileSync(join(packageRoot, "schema/pipeline.schema.json"), "utf8")
    assert.isTrue(
      committed === render(PipelineSpec.jsonSchema()),
      "stale generated file packages/core/schema/pipeline.schema.json: run pnpm generate"
    )
  })

  it("the example of docs/pipelines.md is a valid pipeline, its reject lines JSON", () => {
    const doc = readFileSync(join(packageRoot, "../../docs/pipelines.md"), "utf8")
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1]
    assert.isDefined(yaml)
    const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, logger: false })
    const validate = ajv.compile(PipelineSpec.jsonSchema())
    assert.isTrue(validate(parse(yaml!)), JSON.stringify(validate.errors))
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? ""
    const lines = json.split("\n").filter((l) => l !== "")
    assert.deepStrictEqual(
      lines.map((l) => (JSON.parse(l) as { outcome: string }).outcome),
      ["rejected", "kept"]
    )
  })

  it("accepts the base pipeline and refuses a document without a target", () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, logger: false })
    const validate = ajv.compile(PipelineSpec.jsonSchema())
    assert.isTrue(validate(parse(text(base))), JSON.stringify(validate.errors))
    assert.isFalse(validate(parse(text(base.slice(0, 6)))))
  })
})

describe("Pipeline.load", () => {
  it.effect("loads a valid pipeline with its defaults and paths relative to the file", () =>
    Effect.gen(function* () {
      const d = dir()
      const file = join(d, "p.yaml")
      writeFileSync(file, text(base))
      const loaded = yield* Pipeline.load(file, { registry, env })
      assert.strictEqual(loaded.name, "shop-to-crm")
      assert.strictEqual(loaded.source.connector.name, "shop")
      assert.strictEqual(loaded.source.streamName, "customers")
      assert.strictEqual(loaded.target.mode, "upsert")
      assert.deepStrictEqual(loaded.target.match, ["email"])
      assert.strictEqual(loaded.batchSize, 10)
      assert.strictEqual(loaded.concurrency, 4)
      assert.strictEqual(loaded.maxRejectRate, undefined)
      assert.strictEqual(loaded.rejects, join(d, "out/rejects.ndjson"))
      assert.strictEqual(loaded.state, join(d, ".mapwright/state.db"))
      assert.strictEqual(loaded.mappings._tag, "Hub")
      if (loaded.mappings._tag === "Hub") {
        assert.strictEqual(loaded.mappings.toCanonical.file, toCanonicalFile)
        assert.strictEqual(loaded.mappings.fromCanonical.file, fromCanonicalFile)
      }
      // the config holds the substituted secret, the scrubber hides it
      assert.deepStrictEqual(loaded.source.config, { token: "shop-token-1234567", region: "eu" })
      assert.strictEqual(loaded.scrub("token is shop-token-1234567."), "token is <redacted>.")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("an unknown connector is reported at its connector: line, with the package to install", () =>
    Effect.gen(function* () {
      const ds = yield* diagnosticsOf(text(replace(8, "  connector: crn")))
      const d = find(ds, "UnknownConnector")
      assert.strictEqual(d.line, 8)
      assert.strictEqual(d.column, 14)
      assert.strictEqual(d.message, "cannot find connector package @mapwright/connector-crn: install it")
      assert.strictEqual(d.hint, 'did you mean "crm"?')
    })
  )

  it.effect("a package that does not export a connector is a diagnostic, not a crash", () =>
    Effect.gen(function* () {
      const odd = ConnectorRegistry.make([shop(world)], {
        importer: (specifier) =>
          specifier === "@acme/not-a-connector"
            ? Promise.resolve({ something: 1 })
            : Promise.reject(
                Object.assign(new Error(`Cannot find package '${specifier}'`), {
                  code: "ERR_MODULE_NOT_FOUND"
                })
              )
      })
      const file = join(dir(), "p.yaml")
      writeFileSync(file, text(replace(8, "  connector: '@acme/not-a-connector'")))
      const ds = yield* Pipeline.check(file, { registry: odd, env })
      const d = find(ds, "UnknownConnector")
      assert.strictEqual(d.line, 8)
      assert.include(d.message, "@acme/not-a-connector is not a mapwright connector package")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("an imported package's connector is used when it exports one", () =>
    Effect.gen(function* () {
      const imported = ConnectorRegistry.make([shop(world)], {
        importer: (specifier) =>
          specifier === "@mapwright/connector-crm"
            ? Promise.resolve({ connector: crm(world) })
            : Promise.reject(new Error("unexpected"))
      })
      const file = join(dir(), "p.yaml")
      writeFileSync(file, text(base))
      const loaded = yield* Pipeline.load(file, { registry: imported, env })
      assert.strictEqual(loaded.target.connector.name, "crm")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("a missing stream is reported with did-you-mean", () =>
    Effect.gen(function* () {
      const ds = yield* diagnosticsOf(text(replace(6, "  stream: custmers")))
      const d = find(ds, "UnknownStream")
      assert.strictEqual(d.line, 6)
      assert.strictEqual(d.column, 11)
      assert.strictEqual(d.message, 'the connector shop has no stream "custmers"')
      assert.strictEqual(d.hint, 'did you mean "customers"?')
    })
  )

  it.effect("a capability the mode needs is missing: at the mode: line", () =>
    Effect.gen(function* () {
      const limited = ConnectorRegistry.make([shop(world), crm(world, { capabilities: ["list", "create"] })])
      const file = join(dir(), "p.yaml")
      writeFileSync(file, text(base))
      const ds = yield* Pipeline.check(file, { registry: limited, env })
      const errors = errorsOf(ds)
      const mode = errors.find((d) => d.line === 11)
      assert.isDefined(mode)
      assert.strictEqual(mode!.code, "MissingCapability")
      assert.strictEqual(mode!.column, 9)
      assert.strictEqual(
        mode!.message,
        "mode upsert needs `update`, which the stream crm/contacts does not have"
      )
      const match = errors.find((d) => d.line === 12)
      assert.strictEqual(match?.code, "MissingCapability")
      assert.include(match!.message, "`match` needs `find`")
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("a source stream without list cannot be read", () =>
    Effect.gen(function* () {
      const ds = yield* diagnosticsOf(text(replace(6, "  stream: orders")))
      const d = errorsOf(ds).find((x) => x.code === "MissingCapability")
      assert.isDefined(d)
      assert.strictEqual(d!.line, 6)
      assert.strictEqual(d!.message, "the stream shop/orders cannot be read: it has no `list` capability")
    })
  )

  it.effect("a mapping that does not type-check against the connector's schema: its own file:line:col", () =>
    Effect.gen(function* () {
      const d = dir()
      const mapping = readFileSync(toCanonicalFile, "utf8").replace("from: name,", "from: nmae,")
      writeFileSync(join(d, "bad.yaml"), mapping)
      const lines = [...base, "mappings:", "  toCanonical: ./bad.yaml"]
      const ds = yield* diagnosticsOf(text(lines), { file: join(d, "p.yaml") })
      const bad = find(ds, "UnknownSourcePath")
      assert.strictEqual(bad.file, join(d, "bad.yaml"))
      // `  firstName: { from: nmae, pipe: [nullIfEmpty] }` is line 12 of the mapping
      assert.strictEqual(bad.line, 12)
      assert.strictEqual(bad.column, 22)
      assert.strictEqual(bad.hint, 'did you mean "name"?')
    })
  )

  it.effect("a mapping between the wrong schemas is a MappingMismatch at its mappings: line", () =>
    Effect.gen(function* () {
      const lines = [...base, "mappings:", `  fromCanonical: ${toCanonicalFile}`]
      const ds = yield* diagnosticsOf(text(lines))
      const mismatches = ds.filter((d) => d.code === "MappingMismatch")
      assert.strictEqual(mismatches.length, 2)
      for (const m of mismatches) assert.strictEqual(m.line, 16)
      assert.include(
        mismatches.map((m) => m.message).join("\n"),
        "maps from shop/Customer, but the target stream needs canonical/Customer"
      )
      assert.include(
        mismatches.map((m) => m.message).join("\n"),
        "maps to canonical/Customer, but the target stream needs crm/Contact"
      )
    })
  )

  it.effect("a bad config reports every issue, each at its line", () =>
    Effect.gen(function* () {
      const lines = base.map((l, i) =>
        i === 4 ? "  config:\n    token: 42\n    region: mars\n    colour: blue" : l
      )
      const ds = errorsOf(yield* diagnosticsOf(text(lines)))
      const config = ds.filter((d) => d.code === "InvalidConfig")
      assert.deepStrictEqual(
        config.map((d) => [d.line, d.path]),
        [
          [6, "source.config.token"],
          [7, "source.config.region"],
          [8, "source.config.colour"]
        ]
      )
    })
  )

  it.effect("a missing environment variable names the variable, never a value", () =>
    Effect.gen(function* () {
      const ds = errorsOf(yield* diagnosticsOf(text(base), { env: { SHOP_TOKEN: "shop-token-1234567" } }))
      assert.strictEqual(ds.length, 1)
      const d = ds[0]!
      assert.strictEqual(d.code, "MissingEnv")
      assert.strictEqual(d.line, 9)
      assert.strictEqual(d.path, "target.config.token")
      assert.strictEqual(d.message, "the environment variable CRM_TOKEN is not set")
    })
  )

  it.effect("a file reference reads a secret relative to the pipeline; a config issue never shows it", () =>
    Effect.gen(function* () {
      const d = dir()
      mkdirSync(join(d, "secrets"))
      writeFileSync(join(d, "secrets/region"), "not-a-region-secret\n")
      const lines = replace(
        9,
        `  config: { token: "${ref("env", "CRM_TOKEN")}", region: "${ref("file", "secrets/region")}" }`
      )
      const ds = yield* diagnosticsOf(text(lines), { file: join(d, "p.yaml") })
      const config = find(ds, "InvalidConfig")
      assert.strictEqual(config.line, 9)
      assert.notInclude(JSON.stringify(ds), "not-a-region-secret")
      const missing = yield* diagnosticsOf(
        text(replace(9, `  config: { token: "${ref("file", "nope.txt")}", region: us }`)),
        { file: join(dir(), "p.yaml") }
      )
      const unreadable = find(missing, "UnreadableSecretFile")
      assert.strictEqual(unreadable.line, 9)
      assert.include(unreadable.message, '"nope.txt"')
    })
  )

  it.effect("every error of a file is reported at once, sorted by position", () =>
    Effect.gen(function* () {
      const lines = base.map((l, i) =>
        i === 3 ? "  connector: shopp" : i === 9 ? "  stream: contact" : i === 13 ? "batchsize: 10" : l
      )
      const ds = errorsOf(yield* diagnosticsOf(text(lines), { env: {} }))
      assert.deepStrictEqual(
        ds.map((d) => [d.line, d.code]),
        [
          [4, "UnknownConnector"],
          [5, "MissingEnv"],
          [9, "MissingEnv"],
          [10, "UnknownStream"],
          [14, "SchemaViolation"]
        ]
      )
      const schema = ds[4]!
      assert.strictEqual(schema.message, 'unknown key "batchsize" in a pipeline')
      assert.strictEqual(schema.hint, 'did you mean "batchSize"?')
    })
  )

  it.effect("YAML syntax errors come with their position", () =>
    Effect.gen(function* () {
      const ds = yield* diagnosticsOf("mapwright: pipeline/v1\nname: [unclosed\n")
      assert.isTrue(ds.length > 0)
      assert.strictEqual(ds[0]!.code, "YamlSyntax")
    })
  )

  it.effect("without match keys a create or upsert gets a warning, and still loads", () =>
    Effect.gen(function* () {
      const file = join(dir(), "p.yaml")
      writeFileSync(file, text(base.filter((_, i) => i !== 11)))
      const loaded = yield* Pipeline.load(file, { registry, env })
      const warning = loaded.warnings.find((w) => w.code === "NoMatchKeys")
      assert.strictEqual(warning?.severity, "warning")
      assert.strictEqual(warning?.line, 11)
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )

  it.effect("an unknown match path is reported against the canonical schema", () =>
    Effect.gen(function* () {
      const ds = errorsOf(yield* diagnosticsOf(text(replace(12, "  match: [emial]"))))
      assert.strictEqual(ds.length, 1)
      assert.strictEqual(ds[0]!.code, "UnknownMatchPath")
      assert.strictEqual(ds[0]!.line, 12)
      assert.strictEqual(ds[0]!.column, 11)
    })
  )
})

describe("ConnectorRegistry", () => {
  it("maps a short name to @mapwright/connector-<name> first, and keeps scoped names", () => {
    assert.deepStrictEqual(ConnectorRegistry.packageNames("woocommerce"), [
      "@mapwright/connector-woocommerce",
      "woocommerce"
    ])
    assert.deepStrictEqual(ConnectorRegistry.packageNames("@acme/erp"), ["@acme/erp"])
  })

  it("refuses two connectors of the same name", () => {
    assert.throws(() => ConnectorRegistry.make([shop(world), shop(world)]), /registered twice/)
  })

  it("schemas holds the canonical schemas and every connector's", () => {
    const schemas = ConnectorRegistry.schemas(registry)
    for (const name of ["canonical/Customer", "shop/Customer", "shop/Order", "crm/Contact"])
      assert.isDefined(schemas.get(name), name)
    assert.isTrue(Connector.supports(crm(world).streams.contacts!, "find"))
  })
})
