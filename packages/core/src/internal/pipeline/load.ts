/**
 * Loading a pipeline: parse the YAML with positions, check it against the pipeline schema,
 * resolve the connectors, check the streams, the capabilities the mode needs, the stream
 * options, the configs (after `${env:…}`/`${file:…}` substitution) and the mappings (loaded
 * and type-checked against the connectors' record schemas). Every problem is collected; no
 * network I/O happens here (files are read: the pipeline, its mappings, its secret files, and
 * connector packages are imported).
 *
 * @internal
 */
import { dirname, resolve as resolvePath } from "node:path"
import { Effect, FileSystem, Result, Schema, SchemaIssue } from "effect"
import * as Connector from "../../Connector.ts"
import * as ConnectorRegistry from "../../ConnectorRegistry.ts"
import * as Mapping from "../../Mapping.ts"
import type * as Pipeline from "../../Pipeline.ts"
import * as PipelineSpec from "../../PipelineSpec.ts"
import type * as RecordSchema from "../../RecordSchema.ts"
import type * as SpecError from "../../SpecError.ts"
import * as ValueType from "../../ValueType.ts"
import { closest } from "../mapping/suggest.ts"
import { describePlatformError, readSpecFile } from "../platformError.ts"
import * as Yaml from "../yaml.ts"
import * as Secrets from "./secrets.ts"
import * as SpecSchema from "./specSchema.ts"

/** The largest pipeline file read. */
const MAX_FILE = 1024 * 1024

type Json = { readonly [key: string]: unknown }

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown): string | undefined => (typeof u === "string" && u !== "" ? u : undefined)

const describe = (error: unknown): string => {
  const message =
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
      ? (error as { message: string }).message
      : String(error)
  const first = message.split("\n")[0] ?? message
  return first.length > 300 ? `${first.slice(0, 300)}…` : first
}

const yamlPathOf = (dotted: string): ReadonlyArray<string | number> =>
  dotted === "" ? [] : dotted.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s))

/** `<connector>:<instance>:<stream>`: see `Pipeline.Endpoint.system`. */
const systemOf = (
  connector: string,
  stream: string,
  config: unknown,
  secrets: ReadonlyArray<string>
): string => {
  let instance = "default"
  if (isRecord(config)) {
    for (const v of Object.values(config)) {
      if (typeof v !== "string" || !/^https?:\/\//i.test(v) || !URL.canParse(v)) continue
      if (secrets.some((s) => v.includes(s))) continue
      const url = new URL(v)
      url.username = ""
      url.password = ""
      url.search = ""
      url.hash = ""
      instance = url.href.replace(/\/+$/, "")
      break
    }
  }
  return `${connector}:${instance}:${stream}`
}

const required: Readonly<Record<PipelineSpec.Mode, ReadonlyArray<Connector.Capability>>> = {
  create: ["create"],
  update: ["update"],
  upsert: ["create", "update"]
}

/** What analysing a pipeline gives: every diagnostic, and the loaded pipeline when none is an error. */
export interface Analysis {
  readonly diagnostics: ReadonlyArray<SpecError.Diagnostic>
  readonly loaded: Pipeline.Loaded | undefined
}

const optionIssues = (
  schema: Schema.Codec<unknown, unknown>,
  value: unknown
): { readonly value: unknown; readonly issues: ReadonlyArray<{ path: string; message: string }> } => {
  const exit = Schema.decodeUnknownExit(schema as Schema.Codec<unknown, unknown, never, never>)(value, {
    errors: "all",
    onExcessProperty: "error"
  })
  if (exit._tag === "Success") return { value: exit.value, issues: [] }
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (failure === undefined || !Schema.isSchemaError(failure.error)) {
    return { value: undefined, issues: [{ path: "", message: "the options cannot be decoded" }] }
  }
  return {
    value: undefined,
    issues: SchemaIssue.makeFormatterStandardSchemaV1()(failure.error.issue).issues.map((i) => ({
      path: (i.path ?? [])
        .map((p) => String(typeof p === "object" && p !== null && "key" in p ? p.key : p))
        .join("."),
      message: i.message
    }))
  }
}

/** Parses and checks a pipeline's text. Never fails. */
export const analyze = (
  text: string,
  file: string,
  options: Pipeline.LoadOptions
): Effect.Effect<Analysis, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = dirname(file)
    const env = options.env ?? process.env
    const registry = options.registry
    if (text.length > MAX_FILE) {
      return {
        diagnostics: [
          {
            severity: "error",
            file,
            line: 1,
            column: 1,
            path: "",
            code: "TooLarge",
            message: `the file is larger than ${MAX_FILE / 1024 / 1024} MB`
          }
        ],
        loaded: undefined
      } satisfies Analysis
    }
    const yaml = Yaml.parse(text, file)
    const diagnostics: Array<SpecError.Diagnostic> = [...yaml.diagnostics]
    if (yaml.failed) return { diagnostics: Yaml.sortDiagnostics(diagnostics), loaded: undefined }
    diagnostics.push(...SpecSchema.check(yaml))
    const doc = yaml.value
    if (!isRecord(doc) || doc.mapwright !== PipelineSpec.version) {
      return { diagnostics: Yaml.sortDiagnostics(diagnostics), loaded: undefined }
    }
    const at = (
      path: ReadonlyArray<string | number>,
      code: string,
      message: string,
      extra: {
        readonly hint?: string | undefined
        readonly severity?: "error" | "warning"
        readonly part?: "key"
      } = {}
    ) => diagnostics.push(Yaml.diagnostic(yaml, path, code, message, extra))

    // ---- connectors and streams --------------------------------------------------------------
    const endpoint = (side: "source" | "target") =>
      Effect.gen(function* () {
        const spec = doc[side]
        if (!isRecord(spec)) return undefined
        const name = str(spec.connector)
        if (name === undefined) return undefined
        const resolved = yield* Effect.result(ConnectorRegistry.resolve(registry, name, file))
        if (Result.isFailure(resolved)) {
          const suggestion = closest(
            name,
            registry.connectors.map((c) => c.name)
          )
          at([side, "connector"], "UnknownConnector", resolved.failure.message, {
            hint:
              suggestion !== undefined
                ? `did you mean ${JSON.stringify(suggestion)}?`
                : registry.connectors.length > 0
                  ? `installed connectors: ${registry.connectors.map((c) => c.name).join(", ")}`
                  : undefined
          })
          return undefined
        }
        const connector = resolved.success
        const streamName = str(spec.stream)
        if (streamName === undefined) return { connector, streamName: undefined, stream: undefined }
        const stream = Object.hasOwn(connector.streams, streamName)
          ? connector.streams[streamName]
          : undefined
        if (stream === undefined) {
          const names = Object.keys(connector.streams)
          const suggestion = closest(streamName, names)
          at(
            [side, "stream"],
            "UnknownStream",
            `the connector ${connector.name} has no stream ${Yaml.quote(streamName)}`,
            {
              hint:
                suggestion !== undefined
                  ? `did you mean ${JSON.stringify(suggestion)}?`
                  : `its streams: ${names.join(", ")}`
            }
          )
        }
        return { connector, streamName, stream }
      })
    const source = yield* endpoint("source")
    const target = yield* endpoint("target")
    const sourceSpec = isRecord(doc.source) ? doc.source : {}
    const targetSpec = isRecord(doc.target) ? doc.target : {}

    // ---- capabilities ------------------------------------------------------------------------
    const mode: PipelineSpec.Mode = PipelineSpec.modes.includes(targetSpec.mode as PipelineSpec.Mode)
      ? (targetSpec.mode as PipelineSpec.Mode)
      : PipelineSpec.defaults.mode
    const match = Array.isArray(targetSpec.match)
      ? targetSpec.match.filter((m): m is string => typeof m === "string" && m !== "")
      : []
    if (source?.stream !== undefined && !Connector.supports(source.stream, "list")) {
      at(
        ["source", "stream"],
        "MissingCapability",
        `the stream ${source.connector.name}/${source.streamName} cannot be read: it has no \`list\` capability`
      )
    }
    const targetStream = target?.stream
    if (target !== undefined && targetStream !== undefined) {
      const missing = required[mode].filter((c) => !Connector.supports(targetStream, c))
      if (missing.length > 0) {
        at(
          Object.hasOwn(targetSpec, "mode") ? ["target", "mode"] : ["target", "stream"],
          "MissingCapability",
          `mode ${mode} needs ${missing.map((c) => `\`${c}\``).join(" and ")}, which the stream ${target.connector.name}/${target.streamName} does not have`,
          {
            hint: `its capabilities: ${targetStream.capabilities.join(", ")}`
          }
        )
      }
      if (match.length > 0 && !Connector.supports(targetStream, "find")) {
        at(
          ["target", "match"],
          "MissingCapability",
          `\`match\` needs \`find\`, which the stream ${target.connector.name}/${target.streamName} does not have`,
          { hint: "remove `match`: records are then matched through the cross-reference only" }
        )
      }
      if (match.length === 0 && mode !== "update") {
        at(
          Object.hasOwn(targetSpec, "mode") ? ["target", "mode"] : ["target"],
          "NoMatchKeys",
          "without `match` keys a record created in the target just before a crash cannot be found again, so a run killed mid-write may create it twice",
          { severity: "warning", hint: "add e.g. `match: [email]`" }
        )
      }
    }

    // ---- stream options ----------------------------------------------------------------------
    let sourceOptions: unknown
    if (source?.stream !== undefined && Object.hasOwn(sourceSpec, "options")) {
      const schema = source.stream.options
      if (schema === undefined) {
        at(
          ["source", "options"],
          "InvalidOptions",
          `the stream ${source.connector.name}/${source.streamName} takes no options`,
          { part: "key" }
        )
      } else {
        const decoded = optionIssues(schema, sourceSpec.options)
        for (const issue of decoded.issues) {
          at(
            ["source", "options", ...yamlPathOf(issue.path)],
            "InvalidOptions",
            `${issue.path || "options"}: ${issue.message}`
          )
        }
        sourceOptions = decoded.value
      }
    }

    // ---- configs -----------------------------------------------------------------------------
    const secrets: Array<string> = []
    const configOf = (side: "source" | "target", connector: Connector.Connector | undefined) =>
      Effect.gen(function* () {
        const spec = side === "source" ? sourceSpec : targetSpec
        if (!isRecord(spec.config)) return undefined
        const files = new Map<string, { readonly text: string } | { readonly error: string }>()
        for (const ref of Secrets.fileReferences(spec.config)) {
          const read = yield* Effect.result(fs.readFileString(resolvePath(dir, ref)))
          files.set(
            ref,
            Result.isSuccess(read) ? { text: read.success } : { error: describePlatformError(read.failure) }
          )
        }
        const substituted = Secrets.substitute(spec.config, env, files)
        secrets.push(...substituted.secrets)
        for (const p of substituted.problems) at([side, "config", ...p.path], p.code, p.message)
        if (connector === undefined || substituted.problems.length > 0) return substituted.value
        const scrub = Secrets.scrubber(secrets)
        for (const issue of connector.validateConfig(substituted.value)) {
          at(
            [side, "config", ...yamlPathOf(issue.path)],
            "InvalidConfig",
            scrub(`${issue.path || "config"}: ${issue.message}`)
          )
        }
        return substituted.value
      })
    const sourceConfig = yield* configOf("source", source?.connector)
    const targetConfig = yield* configOf("target", target?.connector)

    // ---- mappings ----------------------------------------------------------------------------
    const schemas = ConnectorRegistry.schemas(
      registry,
      [source?.connector, target?.connector].filter((c): c is Connector.Connector => c !== undefined)
    )
    const mappingsSpec = isRecord(doc.mappings) ? doc.mappings : {}
    const mappingFile = (key: "toCanonical" | "fromCanonical" | "direct"): string | undefined => {
      const v = str(mappingsSpec[key])
      return v === undefined ? undefined : resolvePath(dir, v)
    }
    const loadMapping = (path: string, validate: boolean, where: ReadonlyArray<string | number>) =>
      Effect.gen(function* () {
        const loaded = yield* Effect.result(
          Mapping.load(path, {
            schemas,
            ...(options.transforms === undefined ? {} : { transforms: options.transforms }),
            validate
          })
        )
        if (Result.isSuccess(loaded)) return loaded.success
        const own = loaded.failure.diagnostics
        if (own.length === 1 && own[0]?.code === "UnreadableFile") {
          at(where, "UnreadableMapping", own[0].message)
        } else diagnostics.push(...own)
        return undefined
      })
    const expect = (
      mapping: Mapping.CompiledMapping,
      side: "source" | "target",
      name: string,
      where: ReadonlyArray<string | number>,
      why: string
    ) => {
      const actual = side === "source" ? mapping.source : mapping.target
      if (actual !== name) {
        at(
          where,
          "MappingMismatch",
          `the mapping ${Yaml.quote(mapping.name)} (${mapping.file}) maps ${side === "source" ? "from" : "to"} ${actual}, but ${why} needs ${name}`
        )
      }
    }
    let mappings: Pipeline.Mappings | undefined
    const directFile = mappingFile("direct")
    if (directFile !== undefined) {
      for (const k of ["toCanonical", "fromCanonical"] as const) {
        if (Object.hasOwn(mappingsSpec, k)) {
          at(
            ["mappings", k],
            "SchemaViolation",
            `\`direct\` replaces \`toCanonical\` and \`fromCanonical\`: give one or the others`,
            {
              part: "key"
            }
          )
        }
      }
      const direct = yield* loadMapping(directFile, false, ["mappings", "direct"])
      if (direct !== undefined) {
        if (source?.stream !== undefined)
          expect(direct, "source", source.stream.record.name, ["mappings", "direct"], "the source stream")
        if (target?.stream !== undefined)
          expect(direct, "target", target.stream.record.name, ["mappings", "direct"], "the target stream")
        mappings = { _tag: "Direct", direct }
      }
    } else {
      const toFile = mappingFile("toCanonical") ?? source?.stream?.mappings.toCanonical
      const fromFile = mappingFile("fromCanonical") ?? target?.stream?.mappings.fromCanonical
      if (source?.stream !== undefined && toFile === undefined) {
        at(
          ["source", "stream"],
          "MissingMapping",
          `the stream ${source.connector.name}/${source.streamName} has no default mapping to canonical`,
          { hint: "give one in `mappings.toCanonical`" }
        )
      }
      if (target?.stream !== undefined && fromFile === undefined) {
        at(
          ["target", "stream"],
          "MissingMapping",
          `the stream ${target.connector.name}/${target.streamName} has no default mapping from canonical`,
          { hint: "give one in `mappings.fromCanonical`" }
        )
      }
      if (
        source?.stream !== undefined &&
        target?.stream !== undefined &&
        source.stream.canonical !== target.stream.canonical
      ) {
        at(
          ["target", "stream"],
          "CanonicalMismatch",
          `the source stream holds canonical ${source.stream.canonical} records, the target stream ${target.stream.canonical} records`,
          { hint: "pick streams of the same kind, or map them with `mappings.direct`" }
        )
      }
      const toWhere = Object.hasOwn(mappingsSpec, "toCanonical")
        ? ["mappings", "toCanonical"]
        : ["source", "stream"]
      const fromWhere = Object.hasOwn(mappingsSpec, "fromCanonical")
        ? ["mappings", "fromCanonical"]
        : ["target", "stream"]
      const toCanonical = toFile === undefined ? undefined : yield* loadMapping(toFile, true, toWhere)
      const fromCanonical =
        fromFile === undefined ? undefined : yield* loadMapping(fromFile, false, fromWhere)
      if (toCanonical !== undefined && source?.stream !== undefined) {
        expect(toCanonical, "source", source.stream.record.name, toWhere, "the source stream")
        expect(toCanonical, "target", `canonical/${source.stream.canonical}`, toWhere, "the source stream")
      }
      if (fromCanonical !== undefined && target?.stream !== undefined) {
        expect(
          fromCanonical,
          "source",
          `canonical/${target.stream.canonical}`,
          fromWhere,
          "the target stream"
        )
        expect(fromCanonical, "target", target.stream.record.name, fromWhere, "the target stream")
      }
      if (toCanonical !== undefined && fromCanonical !== undefined) {
        mappings = { _tag: "Hub", toCanonical, fromCanonical }
      }
    }

    // ---- match paths -------------------------------------------------------------------------
    const matchSchema: RecordSchema.RecordSchema | undefined =
      directFile !== undefined
        ? target?.stream?.record
        : source?.stream !== undefined
          ? schemas.get(`canonical/${source.stream.canonical}`)
          : undefined
    if (matchSchema !== undefined && Array.isArray(targetSpec.match)) {
      const type = ValueType.fromSchema(matchSchema.schema)
      targetSpec.match.forEach((m, i) => {
        if (typeof m !== "string" || m === "") return
        const t = ValueType.field(type, m)
        if (t === undefined) {
          at(["target", "match", i], "UnknownMatchPath", `${matchSchema.name} has no field ${Yaml.quote(m)}`)
        } else if (!ValueType.accepts(["string", "number", "integer", "boolean", "null"], t)) {
          at(
            ["target", "match", i],
            "UnknownMatchPath",
            `${matchSchema.name} ${Yaml.quote(m)} is ${ValueType.show(t)}: a match key must be a scalar field`
          )
        }
      })
    }

    // ---- settings ----------------------------------------------------------------------------
    const all = Yaml.dedupeDiagnostics(diagnostics)
    const hasErrors = all.some((d) => d.severity === "error")
    const name = str(doc.name)
    if (
      hasErrors ||
      source?.stream === undefined ||
      target?.stream === undefined ||
      source.streamName === undefined ||
      target.streamName === undefined ||
      mappings === undefined ||
      name === undefined
    ) {
      if (!hasErrors && all.length === 0) {
        // Unreachable with a schema-valid document; never a silent failure.
        return {
          diagnostics: [Yaml.diagnostic(yaml, [], "SchemaViolation", "not a complete pipeline/v1 document")],
          loaded: undefined
        }
      }
      return { diagnostics: all, loaded: undefined }
    }
    const num = (k: string): number | undefined =>
      typeof doc[k] === "number" ? (doc[k] as number) : undefined
    const description = str(doc.description)
    const loaded: Pipeline.Loaded = {
      file,
      name,
      ...(description === undefined ? {} : { description }),
      source: {
        connector: source.connector,
        streamName: source.streamName,
        stream: source.stream,
        config: sourceConfig,
        system: systemOf(source.connector.name, source.streamName, sourceConfig, secrets),
        options: sourceOptions
      },
      target: {
        connector: target.connector,
        streamName: target.streamName,
        stream: target.stream,
        config: targetConfig,
        system: systemOf(target.connector.name, target.streamName, targetConfig, secrets),
        mode,
        match
      },
      mappings,
      rejects: resolvePath(dir, str(doc.rejects) ?? PipelineSpec.defaults.rejects),
      state: resolvePath(dir, str(doc.state) ?? PipelineSpec.defaults.state),
      maxRejectRate: num("maxRejectRate"),
      concurrency: num("concurrency") ?? PipelineSpec.defaults.concurrency,
      batchSize: num("batchSize") ?? PipelineSpec.defaults.batchSize,
      warnings: all,
      scrub: Secrets.scrubber(secrets)
    }
    return { diagnostics: all, loaded }
  }).pipe(
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
            message: `the pipeline checker failed unexpectedly (${describe(defect)}); please report it`
          }
        ],
        loaded: undefined
      })
    )
  )

/** Reads a pipeline file: its text, or the `UnreadableFile` error. */
export const read = (file: string) => readSpecFile(file, "pipeline")
