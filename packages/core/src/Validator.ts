/**
 * Output validation for the mapping hot path: a record schema compiled once to a plain
 * function that returns the record's issues.
 *
 * The function is compiled by Ajv (its draft 2020-12 class) from the JSON Schema that Effect
 * generates for the record schema, the same generator that writes `canonical.schema.json`.
 * Measured, this costs a fraction of decoding with Effect Schema (see docs/benchmarks.md), and
 * it gives the same verdict on the canonical model, whose checks are all expressible in JSON
 * Schema. For a schema with checks JSON Schema cannot express, Effect Schema stays the final
 * authority: this validator is then looser, never stricter.
 *
 * @since 0.1.0
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import type { Schema } from "effect"
import * as JsonSchemaDocument from "./internal/jsonSchemaDocument.ts"
import * as JsonSchemaIssues from "./internal/jsonSchemaIssues.ts"
import * as JsonSchemaNullable from "./internal/jsonSchemaNullable.ts"
import type * as RecordIssue from "./RecordIssue.ts"
import type * as RecordSchema from "./RecordSchema.ts"

/**
 * Validates one value; returns `[]` (one shared, frozen array) when it is valid, else one
 * `validate`-stage error per failing field.
 *
 * @since 0.1.0
 * @category models
 */
export type Validate = (value: unknown) => ReadonlyArray<RecordIssue.RecordIssue>

const valid: ReadonlyArray<RecordIssue.RecordIssue> = Object.freeze([])

const compiled = new WeakMap<Schema.Top, Validate>()

const build = (recordSchema: RecordSchema.RecordSchema): Validate => {
  const ajv = new Ajv2020({
    allErrors: true,
    // errors carry their schema node, whose description words the Pattern message
    verbose: true,
    // unknown keywords and formats fail loudly at compile time; type-mixing is what Effect emits
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    logger: false
  })
  addFormats.default(ajv)
  let validate: ValidateFunction
  try {
    validate = ajv.compile(JsonSchemaNullable.rewrite(JsonSchemaDocument.standalone(recordSchema.schema)))
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new Error(`cannot compile a validator for record schema "${recordSchema.name}": ${reason}`)
  }
  return (value) => (validate(value) ? valid : JsonSchemaIssues.fromAjvErrors(validate.errors ?? [], value))
}

/**
 * Compiles a validator for a record schema (canonical or a connector's native one), once per
 * schema: compiling the same Effect Schema again returns the same function. Objects are closed:
 * a key the schema does not declare is an issue (`NotAllowed`), except under an index
 * signature such as `extra`.
 *
 * Issue codes: `Required`, `NotAllowed`, `InvalidType`, `InvalidEnum`, `InvalidFormat`,
 * `Pattern`, `TooSmall`, `TooLarge`, `Invalid`. Paths are dotted with array indexes
 * (`billing.country`, `groups.0.code`); messages echo at most 60 characters of a value.
 *
 * Throws when the schema's JSON Schema cannot be compiled (a programming error, found at
 * start-up).
 *
 * @since 0.1.0
 * @category constructors
 */
export const compile = (recordSchema: RecordSchema.RecordSchema): Validate => {
  const cached = compiled.get(recordSchema.schema)
  if (cached !== undefined) return cached
  const validate = build(recordSchema)
  compiled.set(recordSchema.schema, validate)
  return validate
}
