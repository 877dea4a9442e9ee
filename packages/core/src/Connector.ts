/**
 * The connector contract. A connector package exports one value made with {@link define}: its
 * config schema, its streams (record schema, key, optional cursor, capabilities, default
 * mappings, body codec) and a `client` that, given a decoded config, returns the operations
 * its streams support. The engine only ever talks to this interface.
 *
 * Where DESIGN sketches `layer: (config) => Layer`, the contract has `client: (config) =>
 * Effect<Client>` (scoped, needing an `HttpClient`): a pipeline holds two connectors at once,
 * often two of the same kind, and one service tag per connector could not tell them apart.
 * A connector that wants a service of its own can still build it inside `client`.
 *
 * @since 0.1.0
 */

import type { Result, Scope, Stream } from "effect"
import { Data, Effect, Schema, SchemaIssue } from "effect"
import type { HttpClient } from "effect/http"
import type { ConnectorError } from "./ConnectorError.ts"
import * as FieldSupport from "./FieldSupport.ts"
import type * as RecordIssue from "./RecordIssue.ts"
import type * as RecordSchema from "./RecordSchema.ts"

/**
 * The unified operation set (seed 000's list, count, info (`get`), find and add (`create`);
 * plus update, delete and restore). Customer groups and attributes are streams of their own
 * (`customerGroups` with list and create; `customerAttributes` with list).
 *
 * @since 0.1.0
 * @category models
 */
export type Capability = "list" | "count" | "get" | "find" | "create" | "update" | "delete" | "restore"

/**
 * @since 0.1.0
 * @category models
 */
export const capabilities: ReadonlyArray<Capability> = [
  "list",
  "count",
  "get",
  "find",
  "create",
  "update",
  "delete",
  "restore"
]

/**
 * The canonical record a stream's records map to.
 *
 * @since 0.1.0
 * @category models
 */
export type CanonicalRecord = "Customer" | "Order" | "CustomerGroup" | "CustomerAttribute"

/**
 * One record as read: the native payload in its JSON form (what the stream's record schema
 * describes), and the checkpoint to resume after it, when the stream has one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadItem {
  readonly record: unknown
  readonly checkpoint?: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ListOptions {
  /** Resume after this checkpoint (the last one a previous run stored). */
  readonly since?: string | undefined
  readonly pageSize?: number | undefined
  /** The stream's options from the pipeline, decoded with the stream's `options` schema. */
  readonly options?: unknown
}

/**
 * The outcome of writing one record. Writes take a chunk and return one result per record,
 * in order, so one bad record never fails its batch.
 *
 * @since 0.1.0
 * @category models
 */
export type WriteResult =
  | { readonly _tag: "Created"; readonly id: string }
  | { readonly _tag: "Updated"; readonly id: string }
  | { readonly _tag: "Unchanged"; readonly id: string }
  | { readonly _tag: "Deleted"; readonly id: string }
  | { readonly _tag: "Rejected"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

/**
 * A record to update: the target system's id and the native record (possibly partial).
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateItem {
  readonly id: string
  readonly record: unknown
}

/**
 * The operations of one stream. A stream declares the capabilities it has, and its client has
 * exactly those operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamClient {
  readonly list?: (options: ListOptions) => Stream.Stream<ReadItem, ConnectorError>
  readonly count?: (options: ListOptions) => Effect.Effect<number, ConnectorError>
  /** The native record with this id, or `undefined` when there is none. */
  readonly get?: (id: string) => Effect.Effect<unknown, ConnectorError>
  /** Native records whose fields equal the given values (the pipeline's `match` keys). */
  readonly find?: (
    match: Readonly<Record<string, string>>
  ) => Effect.Effect<ReadonlyArray<unknown>, ConnectorError>
  readonly create?: (
    records: ReadonlyArray<unknown>
  ) => Effect.Effect<ReadonlyArray<WriteResult>, ConnectorError>
  readonly update?: (
    items: ReadonlyArray<UpdateItem>
  ) => Effect.Effect<ReadonlyArray<WriteResult>, ConnectorError>
  readonly delete?: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<WriteResult>, ConnectorError>
  readonly restore?: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<WriteResult>, ConnectorError>
}

/**
 * What a connector's `client` returns for a config.
 *
 * @since 0.1.0
 * @category models
 */
export interface Client {
  /** A cheap authenticated read that proves the config works (401 → `Authentication`). */
  readonly check: Effect.Effect<void, ConnectorError>
  readonly streams: Readonly<Record<string, StreamClient>>
}

/**
 * How a stream's records travel in API bodies: `decode` reads the records (JSON form) out of a
 * body the API returns (a list page, one record, an XML ResultSet); `encode` writes records as
 * the body the API takes to create them. `mapwright decode` and `encode` use these.
 *
 * @since 0.1.0
 * @category models
 */
export interface Body {
  readonly contentType: string
  readonly decode: (text: string) => Result.Result<ReadonlyArray<unknown>, string>
  readonly encode: (records: ReadonlyArray<unknown>) => string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface StreamDefinition {
  readonly description: string
  /** The native record schema (JSON form), registered as `<connector>/<Record>`. */
  readonly record: RecordSchema.RecordSchema
  readonly canonical: CanonicalRecord
  /** Native path(s) whose values identify a record in its system (`["id"]`, `["username"]`). */
  readonly key: ReadonlyArray<string>
  /** The field incremental reads resume from, when the API can filter on it. */
  readonly cursor?: { readonly field: string; readonly description: string }
  readonly capabilities: ReadonlyArray<Capability>
  /** Absolute paths of the default mappings shipped inside the package, each with its `.test.yaml`. */
  readonly mappings: { readonly toCanonical?: string; readonly fromCanonical?: string }
  /** Options a pipeline may give this stream (e.g. `includeGuests`). */
  readonly options?: Schema.Codec<unknown, unknown>
  readonly body: Body
  /**
   * For a `Customer` stream (required there): what the connector carries of each canonical
   * customer field, `full`, `lossy` or `none` (see `FieldSupport`).
   */
  readonly fields?: FieldSupport.Declaration
}

/**
 * A connector's config failed its schema: every problem, with its path.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConfigError extends Data.TaggedError("ConfigError")<{
  readonly connector: string
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}> {
  override get message(): string {
    return `invalid ${this.connector} config: ${this.issues.map((i) => `${i.path || "(config)"}: ${i.message}`).join("; ")}`
  }
}

/**
 * A connector, as the engine sees it: no type parameter, so connectors of every kind sit in
 * one registry. {@link define} builds it from a typed definition.
 *
 * @since 0.1.0
 * @category models
 */
export interface Connector {
  readonly name: string
  readonly description: string
  /** The config schema (secrets as `Redacted`), for docs and validation. */
  readonly config: Schema.Top
  readonly streams: Readonly<Record<string, StreamDefinition>>
  /** Every problem of a raw config, with paths; empty when it decodes. No I/O. */
  readonly validateConfig: (
    raw: unknown
  ) => ReadonlyArray<{ readonly path: string; readonly message: string }>
  /** Decodes the config and returns the client. */
  readonly client: (
    raw: unknown
  ) => Effect.Effect<Client, ConfigError | ConnectorError, HttpClient.HttpClient | Scope.Scope>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Definition<Config> {
  readonly name: string
  readonly description: string
  readonly config: Schema.Codec<Config, unknown>
  readonly streams: Readonly<Record<string, StreamDefinition>>
  readonly client: (
    config: Config
  ) => Effect.Effect<Client, ConnectorError, HttpClient.HttpClient | Scope.Scope>
}

const issuesOf = (
  issue: SchemaIssue.Issue
): ReadonlyArray<{ readonly path: string; readonly message: string }> =>
  SchemaIssue.makeFormatterStandardSchemaV1()(issue).issues.map((i) => ({
    path: (i.path ?? [])
      .map((p) => String(typeof p === "object" && p !== null && "key" in p ? p.key : p))
      .join("."),
    message: i.message
  }))

/**
 * Builds a connector from its typed definition. Throws (a programming error, found when the
 * package loads) when a `Customer` stream's `fields` declaration is missing or incomplete.
 *
 * @since 0.1.0
 * @category constructors
 */
export const define = <Config>(definition: Definition<Config>): Connector => {
  for (const [name, stream] of Object.entries(definition.streams)) {
    if (stream.canonical !== "Customer" && stream.fields === undefined) continue
    const problems =
      stream.fields === undefined
        ? ["a Customer stream must declare `fields`"]
        : stream.canonical !== "Customer"
          ? ["only a Customer stream declares `fields`"]
          : FieldSupport.problems(stream.fields)
    if (problems.length > 0) {
      throw new Error(`connector ${definition.name}, stream ${name}: ${problems.join("; ")}`)
    }
  }
  const decode = Schema.decodeUnknownExit(definition.config as Schema.Codec<Config, unknown, never, never>)
  const parse = (raw: unknown) => decode(raw, { errors: "all", onExcessProperty: "error" })
  const validateConfig = (raw: unknown) => {
    const exit = parse(raw)
    if (exit._tag === "Success") return []
    const error = exit.cause.reasons.find((r) => r._tag === "Fail")
    return error !== undefined && Schema.isSchemaError(error.error)
      ? issuesOf(error.error.issue)
      : [{ path: "", message: "the config cannot be decoded" }]
  }
  return {
    name: definition.name,
    description: definition.description,
    config: definition.config,
    streams: definition.streams,
    validateConfig,
    client: (raw) =>
      Effect.suspend(
        (): Effect.Effect<Client, ConfigError | ConnectorError, HttpClient.HttpClient | Scope.Scope> => {
          const exit = parse(raw)
          if (exit._tag === "Success") return definition.client(exit.value)
          return Effect.fail(new ConfigError({ connector: definition.name, issues: validateConfig(raw) }))
        }
      )
  }
}

/**
 * The record schemas of a connector's streams, for the schema registry.
 *
 * @since 0.1.0
 * @category combinators
 */
export const schemas = (connector: Connector): ReadonlyArray<RecordSchema.RecordSchema> =>
  Object.values(connector.streams).map((s) => s.record)

/**
 * The value at a dotted path of a native record (`billing.email`, `addresses.0.city`), or
 * `undefined` when the path does not reach one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const valueAt = (record: unknown, path: string): unknown => {
  let value: unknown = record
  for (const seg of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined
    value = (value as Record<string, unknown>)[seg]
  }
  return value
}

/**
 * Whether a native record has the values of a `find` match: each path's value, as a string,
 * equals the expected one; `ignoreCase` paths (emails) are compared trimmed and without case.
 * `pathOf` turns a match path into the record's own (e.g. canonical `email` to a native path).
 *
 * @since 0.1.0
 * @category predicates
 */
export const matches = (
  record: unknown,
  match: Readonly<Record<string, string>>,
  options: {
    readonly ignoreCase: (path: string) => boolean
    readonly pathOf?: ((path: string) => string) | undefined
  }
): boolean =>
  Object.entries(match).every(([path, expected]) => {
    const value = valueAt(record, options.pathOf?.(path) ?? path)
    if (value === undefined || value === null) return false
    return options.ignoreCase(path)
      ? String(value).trim().toLowerCase() === expected.trim().toLowerCase()
      : String(value) === expected
  })

/**
 * The key of a native record, as a string (several key paths are joined with `|`), or
 * `undefined` when a part is missing.
 *
 * @since 0.1.0
 * @category combinators
 */
export const keyOf = (stream: StreamDefinition, record: unknown): string | undefined => {
  const parts: Array<string> = []
  for (const path of stream.key) {
    const value = valueAt(record, path)
    if (value === undefined || value === null || value === "") return undefined
    parts.push(String(value))
  }
  return parts.join("|")
}

/**
 * Whether a stream declares a capability and its client has the operation, the check a
 * pipeline makes at load time (declaration) and the contract suite makes (both).
 *
 * @since 0.1.0
 * @category predicates
 */
export const supports = (stream: StreamDefinition, capability: Capability): boolean =>
  stream.capabilities.includes(capability)
