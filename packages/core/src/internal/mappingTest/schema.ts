/**
 * The JSON Schema of a `test/v1` file: what editors validate against (through
 * `packages/core/schema/test.schema.json`, generated from this object) and what the loader
 * checks with Ajv before running anything.
 *
 * @internal
 */

const stages = ["parse", "decode", "map", "validate", "encode", "write"]

/** The test/v1 JSON Schema, draft 2020-12. */
export const testSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mapwright.dev/schema/test.schema.json",
  title: "Mapwright mapping test (test/v1)",
  description:
    "Cases that run one mapping on input records and compare the result with what is expected. Run them with `mapwright test`.",
  type: "object",
  additionalProperties: false,
  required: ["mapwright", "mapping", "cases"],
  properties: {
    $schema: { type: "string", description: "The JSON Schema this file follows, for editors." },
    mapwright: { const: "test/v1", description: "The kind and version of this file." },
    mapping: {
      type: "string",
      minLength: 1,
      description: "The mapping under test, relative to this file.",
      examples: ["./customer.to-canonical.yaml"]
    },
    description: { type: "string", description: "What these cases cover." },
    cases: {
      type: "array",
      minItems: 1,
      description: "The cases, run in order.",
      items: { $ref: "#/$defs/Case" }
    }
  },
  $defs: {
    Case: {
      type: "object",
      additionalProperties: false,
      required: ["name", "input"],
      description:
        "One input record and what the mapping must make of it: give `expect`, `expectIssues`, `expectRejected`, or several of them.",
      properties: {
        name: {
          type: "string",
          minLength: 1,
          description: "Unique within the file; shown by `mapwright test`."
        },
        description: { type: "string" },
        input: { type: "object", description: "The source record, as the connector would give it." },
        expect: {
          type: "object",
          description:
            "A subset of the mapped record: every key given must match (objects recursively, arrays item by item with the same length, scalars and null exactly). The case fails if the record is rejected."
        },
        expectIssues: {
          type: "array",
          description:
            "Exactly the issues of the record, in any order: each one matches one issue, and an issue nobody expects fails the case. `[]` means no issues at all.",
          items: { $ref: "#/$defs/ExpectedIssue" }
        },
        expectRejected: {
          type: "boolean",
          description:
            "true: the record must be rejected (an issue of severity error); false: it must be kept."
        }
      }
    },
    ExpectedIssue: {
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      description: "The fields of an issue to match; the fields left out match anything.",
      properties: {
        path: {
          type: "string",
          description: "Target path, dotted with array indexes: `billing.country`, `groups.0.code`."
        },
        sourcePath: { type: "string", description: "Source path the value came from." },
        code: {
          type: "string",
          description: "The issue code: `InvalidInt`, `InvalidPhone`, `Required`, ..."
        },
        severity: { enum: ["error", "warning"] },
        stage: { enum: stages }
      }
    }
  }
} as const
