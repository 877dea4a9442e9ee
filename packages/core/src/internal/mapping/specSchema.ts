/**
 * Checks a mapping document (or a `$ref`'d fragment of one) against `mapping.schema.json` with
 * Ajv (draft 2020-12) and turns Ajv's errors into readable diagnostics at the right node:
 * unknown keys at the key with "did you mean", one message per problem.
 *
 * @internal
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js"
import * as MappingSpec from "../../MappingSpec.ts"
import type { Diagnostic } from "../../SpecError.ts"
import { isRecord, kind, toYamlPath, typeName } from "../specWords.ts"
import { diagnostic, quote, type YamlFile, type YamlPath } from "../yaml.ts"
import { closest } from "./suggest.ts"

/** What a fragment is checked as. */
export type Shape = "document" | "FieldSpec" | "Lookup"

interface Validators {
  readonly document: ValidateFunction
  readonly FieldSpec: ValidateFunction
  readonly Lookup: ValidateFunction
}

const compile = (): Validators => {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false
  })
  ajv.addSchema(MappingSpec.jsonSchema())
  const get = (ref: string): ValidateFunction => ajv.getSchema(ref)!
  return {
    document: get(MappingSpec.jsonSchemaId),
    FieldSpec: get(`${MappingSpec.jsonSchemaId}#/$defs/FieldSpec`),
    Lookup: get(`${MappingSpec.jsonSchemaId}#/$defs/Lookup`)
  }
}

// A pure cache: the validators compiled from a constant schema, built on first use.
let validators: Validators | undefined

const MAX_ERRORS = 100

const titleOf = (e: ErrorObject): string | undefined => {
  const t = isRecord(e.parentSchema) ? e.parentSchema.title : undefined
  return typeof t === "string" ? t : undefined
}

const inPropertyNames = (e: ErrorObject): boolean => e.schemaPath.includes("/propertyNames/")

interface Translated {
  /** Default `SchemaViolation`. */
  readonly code?: string
  readonly path: Array<string | number>
  readonly part?: "key"
  readonly message: string
  readonly hint?: string
}

const translate = (e: ErrorObject, root: unknown, shape: Shape): Translated | undefined => {
  if (e.keyword === "if" || inPropertyNames(e)) return undefined
  const path = toYamlPath(root, e.instancePath)
  const title = titleOf(e)
  const where =
    title === undefined ? "" : title.startsWith("Mapwright") ? " in a mapping" : ` in a \`${title}\` spec`
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty)
      if (key === "where" && title !== undefined && title !== "each" && !title.startsWith("Mapwright")) {
        return {
          path: [...path, key],
          part: "key",
          message: `\`where\` filters the items of an \`each\`; it cannot go in a \`${title}\` spec`,
          hint: "to decide whether the field gets a value at all, use `when`"
        }
      }
      const allowed =
        isRecord(e.parentSchema) && isRecord(e.parentSchema.properties)
          ? Object.keys(e.parentSchema.properties)
          : []
      const suggestion = closest(key, allowed)
      return {
        path: [...path, key],
        part: "key",
        message: `unknown key ${quote(key)}${where}`,
        hint:
          suggestion !== undefined
            ? `did you mean ${JSON.stringify(suggestion)}?`
            : `allowed keys: ${allowed.map((k) => JSON.stringify(k)).join(", ")}`
      }
    }
    case "required": {
      const key = String(params.missingProperty)
      return { path, message: `missing key ${JSON.stringify(key)}${where}` }
    }
    case "propertyNames": {
      const key = String(params.propertyName)
      if (title === "sub-fields") {
        if (key === "where") {
          return {
            path: [...path, key],
            part: "key",
            message: "`where` filters the items of an `each`, but this block of sub-fields has no `each`",
            hint: "to build the block only when a condition holds, write `{ when: ..., fields: { ... } }`"
          }
        }
        if (key === "when" || key === "otherwise") {
          return {
            path: [...path, key],
            part: "key",
            message: `a block of sub-fields cannot take \`${key}\`: write its sub-fields under \`fields:\``,
            hint: "e.g. `billing: { when: { present: b_city }, fields: { city: b_city } }`"
          }
        }
        return {
          path: [...path, key],
          part: "key",
          message: `${JSON.stringify(key)} is a keyword of field specs, but this map has no \`from\`, \`const\`, \`each\`, \`items\`, \`same\`, \`template\` or \`fields\``,
          hint: "add `from` (or another spec keyword), or put a target field of that name inside `fields:`"
        }
      }
      return {
        path: [...path, key],
        part: "key",
        message: key === "" ? "a key must not be empty" : `invalid key ${quote(key)}`
      }
    }
    case "type": {
      if (title === "sub-fields") {
        return {
          path,
          message: `a field spec must be a source path or a map, got ${kind(e.data)}`,
          hint:
            e.data === null
              ? "write `{ const: null }` for a null value"
              : Array.isArray(e.data)
                ? "write `{ from: [a, b] }` to read several paths, or `{ items: [...] }` to build a list"
                : "write `{ const: ... }` for a literal value"
        }
      }
      if (path.length === 0 && shape === "document") {
        return {
          path,
          message: `a mapping must be a map with the keys mapwright, name, source, target and fields; got ${kind(e.data)}`
        }
      }
      return { path, message: `expected ${typeName(params.type)}, got ${kind(e.data)}` }
    }
    case "const":
      return { path, message: `expected ${JSON.stringify(params.allowedValue)}, got ${kind(e.data)}` }
    case "enum": {
      const values = Array.isArray(params.allowedValues) ? params.allowedValues : []
      const suggestion = typeof e.data === "string" ? closest(e.data, values.map(String)) : undefined
      const d: Translated = {
        path,
        message: `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${kind(e.data)}`
      }
      return suggestion === undefined ? d : { ...d, hint: `did you mean ${JSON.stringify(suggestion)}?` }
    }
    case "minLength":
      return { path, message: "must not be empty" }
    case "maxLength":
      return { path, message: `is too long (more than ${String(params.limit)} characters)` }
    case "pattern": {
      const description = isRecord(e.parentSchema) ? e.parentSchema.description : undefined
      const what = String(description ?? "").startsWith("A dotted path into the target")
        ? "target path"
        : "source path"
      return {
        path,
        message: `${typeof e.data === "string" ? quote(e.data) : "this"} is not a valid ${what}: dotted names without empty segments`
      }
    }
    case "minItems":
      return {
        path,
        message: `must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`
      }
    case "minProperties":
    case "maxProperties": {
      const d = isRecord(e.parentSchema) ? e.parentSchema : {}
      if (isRecord(d.properties) && "present" in d.properties) {
        return {
          path,
          message: "a condition has exactly one key",
          hint: "one of present, absent, anyPresent, allPresent, equals, not, all, any; combine several with `all` or `any`"
        }
      }
      return {
        path,
        message: "a pipe step with options is a map with exactly one key, the transform's name",
        hint: "e.g. `{ e164: { defaultCountry: NZ } }`"
      }
    }
    case "dependentRequired":
      if (params.missingProperty === "when") {
        return {
          code: "UselessOtherwise",
          path: [...path, "otherwise"],
          part: "key",
          message: "`otherwise` applies only when `when` fails; add a `when`",
          hint: "or drop `otherwise`: without a `when` the sub-fields are always built"
        }
      }
      return {
        path: [...path, "otherwise"],
        part: "key",
        message: "`otherwise` applies only with `lookup` (the value when the table has no key)",
        hint: "use `default` for the value when the result is null"
      }
    case "not": {
      // The one `not` of the schema: an `each` with `fields` and keys that convert a scalar item.
      if (isRecord(e.data) && Object.hasOwn(e.data, "each") && Object.hasOwn(e.data, "fields")) {
        const data = e.data
        const keys = MappingSpec.itemValueKeys.filter((k) => Object.hasOwn(data, k))
        const named = keys.map((k) => `\`${k}\``)
        const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(", ")} and ${named.at(-1)!}`
        return {
          code: "ConflictingKeys",
          path: [...path, keys[0] ?? "fields"],
          part: "key",
          message: `${list} cannot go with \`each\` + \`fields\`: \`fields\` builds each item as an object`,
          hint: "give the sub-fields their own `pipe`, `lookup` or `default`, or drop `fields` to convert each item"
        }
      }
      return { path, message: e.message ?? "fails the not rule" }
    }
    default:
      return { path, message: e.message ?? `fails the ${e.keyword} rule` }
  }
}

/**
 * The `SchemaViolation` diagnostics of `value` (found in `yaml` at `base`) checked as `shape`.
 */
export const check = (
  yaml: YamlFile,
  base: YamlPath,
  value: unknown,
  shape: Shape
): ReadonlyArray<Diagnostic> => {
  validators ??= compile()
  const validate = validators[shape]
  if (validate(value)) return []
  const out: Array<Diagnostic> = []
  const seen = new Set<string>()
  const translated = (validate.errors ?? []).flatMap((e) => {
    const t = translate(e, value, shape)
    return t === undefined ? [] : [{ t, reserved: e.keyword === "propertyNames" }]
  })
  // The value of a reserved key in a block of sub-fields is not a field spec: say so once.
  const reserved = translated.filter((x) => x.reserved).map((x) => JSON.stringify(x.t.path).slice(0, -1))
  for (const { t, reserved: isReserved } of translated) {
    if (!isReserved && reserved.some((r) => JSON.stringify(t.path).startsWith(r))) continue
    const path = [...base, ...t.path]
    const key = `${JSON.stringify(path)}|${t.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(
      diagnostic(yaml, path, t.code ?? "SchemaViolation", t.message, {
        hint: t.hint,
        ...(t.part === undefined ? {} : { part: t.part })
      })
    )
    if (out.length >= MAX_ERRORS) break
  }
  return out
}
