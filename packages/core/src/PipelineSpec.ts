/**
 * The pipeline spec, `pipeline/v1`: a YAML document that names a source (connector, config,
 * stream), a target (connector, config, stream, write mode and match keys), the mappings
 * between them (by default the connectors' own), the reject file and budget, concurrency,
 * batch size and the state file.
 *
 * ```yaml
 * mapwright: pipeline/v1
 * name: xml-resultset-customers-to-woocommerce
 * source:
 *   connector: xml-resultset
 *   config: { baseUrl: "http://127.0.0.1:8080", apiKey: "${env:RESULTSET_API_KEY}" }
 *   stream: customers
 * target:
 *   connector: woocommerce
 *   config: { url: "http://127.0.0.1:8081", consumerKey: "${env:WC_KEY}", consumerSecret: "${file:./wc.secret}" }
 *   stream: customers
 *   mode: upsert
 *   match: [email]
 * rejects: ./out/rejects.ndjson
 * maxRejectRate: 0.05
 * ```
 *
 * `schema/pipeline.schema.json` is generated from {@link jsonSchema}; a test fails when the
 * committed copy is stale.
 *
 * @since 0.1.0
 */

/**
 * The `$id` of the generated schema.
 *
 * @since 0.1.0
 * @category models
 */
export const jsonSchemaId = "https://mapwright.dev/schema/pipeline.schema.json"

/**
 * The value of a pipeline document's `mapwright` key.
 *
 * @since 0.1.0
 * @category models
 */
export const version = "pipeline/v1"

/**
 * How records are written to the target: `create` only creates (a record already in the
 * target, by the cross-reference or the match keys, is left alone), `update` only updates
 * records found in the target (a record not found there is rejected at stage `write`),
 * `upsert` does either.
 *
 * @since 0.1.0
 * @category models
 */
export type Mode = "create" | "update" | "upsert"

/**
 * @since 0.1.0
 * @category models
 */
export const modes: ReadonlyArray<Mode> = ["create", "update", "upsert"]

/**
 * The defaults of the optional settings. Paths are relative to the pipeline file.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults = {
  mode: "upsert",
  concurrency: 4,
  batchSize: 100,
  state: "./.mapwright/state.db",
  rejects: "./.mapwright/rejects.ndjson"
} as const

/**
 * A pipeline document as written (after the schema check).
 *
 * @since 0.1.0
 * @category models
 */
export interface Spec {
  readonly mapwright: typeof version
  readonly name: string
  readonly description?: string
  readonly source: {
    readonly connector: string
    readonly config: Readonly<Record<string, unknown>>
    readonly stream: string
    readonly options?: Readonly<Record<string, unknown>>
  }
  readonly target: {
    readonly connector: string
    readonly config: Readonly<Record<string, unknown>>
    readonly stream: string
    readonly mode?: Mode
    readonly match?: ReadonlyArray<string>
  }
  readonly mappings?: {
    readonly toCanonical?: string
    readonly fromCanonical?: string
    readonly direct?: string
  }
  readonly rejects?: string
  readonly maxRejectRate?: number
  readonly concurrency?: number
  readonly batchSize?: number
  readonly state?: string
}

const connectorName = {
  type: "string",
  minLength: 1,
  maxLength: 214,
  description:
    "A connector: a registered connector's name, `woocommerce` for `@mapwright/connector-woocommerce`, or any package name that exports `connector`",
  examples: ["xml-resultset", "woocommerce", "@acme/mapwright-connector-erp"]
}

const config = {
  type: "object",
  description: `The connector's config (see \`mapwright connectors\`). A string may contain \`\${env:NAME}\` (an environment variable) or \`\${file:path}\` (a file's content, relative to the pipeline); such values are secrets and are redacted in every log, error, summary and reject line`
}

const streamName = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  description: "The connector's stream, e.g. `customers`"
}

const filePath = (description: string) => ({ type: "string", minLength: 1, maxLength: 4096, description })

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: jsonSchemaId,
  title: "Mapwright pipeline v1",
  description:
    "A pipeline: records read from a source connector's stream, mapped (through the canonical model, or directly) and written to a target connector's stream",
  type: "object",
  required: ["mapwright", "name", "source", "target"],
  properties: {
    mapwright: { const: version, description: "The language and its version" },
    name: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: "The pipeline's name: it keys the state (checkpoints, cross-reference, run log)"
    },
    description: { type: "string", description: "What the pipeline is for" },
    source: {
      title: "source",
      type: "object",
      description: "Where records are read",
      required: ["connector", "config", "stream"],
      properties: {
        connector: connectorName,
        config,
        stream: streamName,
        options: { type: "object", description: "The stream's options (e.g. `includeGuests: true`)" }
      },
      additionalProperties: false
    },
    target: {
      title: "target",
      type: "object",
      description: "Where records are written",
      required: ["connector", "config", "stream"],
      properties: {
        connector: connectorName,
        config,
        stream: streamName,
        mode: {
          enum: [...modes],
          description:
            "create, update or upsert (default upsert). Records are matched through the cross-reference first, then by `match`"
        },
        match: {
          type: "array",
          minItems: 1,
          items: { type: "string", minLength: 1, maxLength: 200 },
          description:
            "Canonical paths (native target paths with a `direct` mapping) whose values find an existing target record the first time (the target stream needs `find`), e.g. `[email]`"
        }
      },
      additionalProperties: false
    },
    mappings: {
      title: "mappings",
      type: "object",
      description:
        "Mapping files, relative to the pipeline; by default the connectors' own (`toCanonical` of the source stream, `fromCanonical` of the target stream). `direct` maps native to native in one step and replaces both",
      properties: {
        toCanonical: filePath("Source records → canonical"),
        fromCanonical: filePath("Canonical → target records"),
        direct: filePath("Source records → target records, without the canonical model")
      },
      additionalProperties: false
    },
    rejects: filePath(
      `The reject file (NDJSON, one line per rejected record), relative to the pipeline; default \`${defaults.rejects}\``
    ),
    maxRejectRate: {
      type: "number",
      minimum: 0,
      maximum: 1,
      description:
        "The reject budget: the run stops cleanly when rejected ÷ read exceeds it, checked once at least 100 records were read (default: no budget)"
    },
    concurrency: {
      type: "integer",
      minimum: 1,
      maximum: 64,
      description: `Batches written at the same time (default ${defaults.concurrency})`
    },
    batchSize: {
      type: "integer",
      minimum: 1,
      maximum: 10000,
      description: `Records per write batch (default ${defaults.batchSize})`
    },
    state: filePath(`The state store (SQLite file), relative to the pipeline; default \`${defaults.state}\``)
  },
  additionalProperties: false
} as const

/**
 * The JSON Schema (draft 2020-12) of a `pipeline/v1` document, as written to
 * `schema/pipeline.schema.json`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jsonSchema = (): object => structuredClone(schema)
