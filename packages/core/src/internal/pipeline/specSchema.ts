/**
 * Checks a pipeline document against `pipeline.schema.json` with Ajv (draft 2020-12), the same
 * way mappings are checked: unknown keys at the key with "did you mean", one message per
 * problem, each at its node's line and column.
 *
 * @internal
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js"
import * as PipelineSpec from "../../PipelineSpec.ts"
import type { Diagnostic } from "../../SpecError.ts"
import { closest } from "../mapping/suggest.ts"
import { isRecord, kind, toYamlPath, typeName } from "../specWords.ts"
import { diagnostic, quote, type YamlFile } from "../yaml.ts"

// A pure cache: the validator compiled from a constant schema, built on first use.
let validator: ValidateFunction | undefined

const compile = (): ValidateFunction =>
  new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false
  }).compile(PipelineSpec.jsonSchema())

const where = (e: ErrorObject): string => {
  const t = isRecord(e.parentSchema) ? e.parentSchema.title : undefined
  if (typeof t !== "string") return ""
  return t.startsWith("Mapwright") ? " in a pipeline" : ` in \`${t}\``
}

const translate = (e: ErrorObject, root: unknown): ((yaml: YamlFile) => Diagnostic) => {
  const path = toYamlPath(root, e.instancePath)
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty)
      const allowed =
        isRecord(e.parentSchema) && isRecord(e.parentSchema.properties)
          ? Object.keys(e.parentSchema.properties)
          : []
      const suggestion = closest(key, allowed)
      return (yaml) =>
        diagnostic(yaml, [...path, key], "SchemaViolation", `unknown key ${quote(key)}${where(e)}`, {
          part: "key",
          hint:
            suggestion !== undefined
              ? `did you mean ${JSON.stringify(suggestion)}?`
              : `allowed keys: ${allowed.map((k) => JSON.stringify(k)).join(", ")}`
        })
    }
    case "required":
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `missing key ${JSON.stringify(String(params.missingProperty))}${where(e)}`
        )
    case "type":
      return (yaml) =>
        path.length === 0
          ? diagnostic(
              yaml,
              path,
              "SchemaViolation",
              `a pipeline must be a map with the keys mapwright, name, source and target; got ${kind(e.data)}`
            )
          : diagnostic(
              yaml,
              path,
              "SchemaViolation",
              `expected ${typeName(params.type)}, got ${kind(e.data)}`
            )
    case "const":
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `expected ${JSON.stringify(params.allowedValue)}, got ${kind(e.data)}`
        )
    case "enum": {
      const values = Array.isArray(params.allowedValues) ? params.allowedValues : []
      const suggestion = typeof e.data === "string" ? closest(e.data, values.map(String)) : undefined
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${kind(e.data)}`,
          { hint: suggestion === undefined ? undefined : `did you mean ${JSON.stringify(suggestion)}?` }
        )
    }
    case "minLength":
      return (yaml) => diagnostic(yaml, path, "SchemaViolation", "must not be empty")
    case "maxLength":
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `is too long (more than ${String(params.limit)} characters)`
        )
    case "minItems":
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`
        )
    case "minimum":
    case "maximum":
      return (yaml) =>
        diagnostic(
          yaml,
          path,
          "SchemaViolation",
          `must be ${e.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}, got ${kind(e.data)}`
        )
    default:
      return (yaml) => diagnostic(yaml, path, "SchemaViolation", e.message ?? `fails the ${e.keyword} rule`)
  }
}

/** The `SchemaViolation` diagnostics of a parsed pipeline document. */
export const check = (yaml: YamlFile): ReadonlyArray<Diagnostic> => {
  validator ??= compile()
  if (validator(yaml.value)) return []
  const out: Array<Diagnostic> = []
  const seen = new Set<string>()
  for (const e of validator.errors ?? []) {
    const d = translate(e, yaml.value)(yaml)
    const key = `${d.path}|${d.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(d)
    if (out.length >= 100) break
  }
  return out
}
