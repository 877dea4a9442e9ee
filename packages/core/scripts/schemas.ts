/**
 * The JSON Schema files generated from code, committed under `packages/core/schema/` and kept
 * current by `pnpm generate` (a test fails when a committed copy is stale).
 *
 * To add one, append `{ file, generate }` to `generatedSchemas`.
 *
 * @since 0.1.0
 */
import * as Canonical from "../src/Canonical.ts"
import * as MappingSpec from "../src/MappingSpec.ts"
import * as MappingTest from "../src/MappingTest.ts"
import * as PipelineSpec from "../src/PipelineSpec.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface GeneratedSchema {
  /** Path relative to `packages/core`, e.g. `schema/canonical.schema.json`. */
  readonly file: string
  readonly generate: () => object
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const generatedSchemas: ReadonlyArray<GeneratedSchema> = [
  { file: "schema/canonical.schema.json", generate: Canonical.jsonSchema },
  { file: "schema/mapping.schema.json", generate: MappingSpec.jsonSchema },
  { file: "schema/test.schema.json", generate: MappingTest.jsonSchema },
  { file: "schema/pipeline.schema.json", generate: PipelineSpec.jsonSchema }
]

/**
 * The committed text of a generated schema: 2-space JSON with a trailing newline.
 *
 * @since 0.1.0
 * @category formatting
 */
export const render = (schema: object): string => `${JSON.stringify(schema, null, 2)}\n`
