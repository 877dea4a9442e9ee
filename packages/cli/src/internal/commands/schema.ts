/**
 * `mapwright schema <kind>`: prints a JSON Schema for editors.
 *
 * @internal
 */
import { Canonical, MappingSpec, MappingTest, PipelineSpec } from "@mapwright/core"
import { Console } from "effect"
import { Argument, Command } from "effect/cli"

const kinds = {
  mapping: MappingSpec.jsonSchema,
  pipeline: PipelineSpec.jsonSchema,
  test: MappingTest.jsonSchema,
  canonical: Canonical.jsonSchema
} as const

/** @internal */
export const command = Command.make(
  "schema",
  {
    kind: Argument.Literals("kind", ["mapping", "pipeline", "test", "canonical"]).pipe(
      Argument.withDescription(
        "mapping: mapping/v1 files; pipeline: pipeline/v1 files; test: test/v1 files; canonical: the canonical records"
      )
    )
  },
  ({ kind }) => Console.log(JSON.stringify(kinds[kind](), null, 2))
).pipe(
  Command.withDescription("Print a JSON Schema (draft 2020-12), for editors and other tools."),
  Command.withExamples([
    { command: "mapwright schema mapping > mapping.schema.json", description: "The schema of mapping files" }
  ])
)
