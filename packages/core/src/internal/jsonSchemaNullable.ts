/**
 * Rewrites the `anyOf: [X, {type: "null"}]` that Effect emits for `Schema.NullOr(X)` into the
 * equivalent `type: [T, "null"]` form, for the compiled validator only (the published JSON
 * Schema keeps Effect's output).
 *
 * Why: with `anyOf`, Ajv evaluates the failing branch of every nullable field and allocates
 * error objects it then throws away, on valid records too. Measured on canonical Customers, the
 * rewrite roughly halves validation time, and it leaves one error per failing field (no
 * "must be null" / "must match a schema in anyOf" noise).
 *
 * The rewrite is exact: it applies only when X's type is one JSON type T and every other keyword
 * of X applies to T alone (a string `pattern` or `format`, an object's `properties`, ...), so
 * `null` passes X's keywords exactly when it passes `type`. `enum` and `const`, which apply to
 * every type, gain `null`. A `$ref` to such a definition points to a nullable copy of it.
 *
 * @internal
 */
import type { JsonSchemaNode } from "./jsonSchemaDocument.ts"

type Node = { readonly [key: string]: unknown }

const isNode = (u: unknown): u is Node => typeof u === "object" && u !== null && !Array.isArray(u)

/** Keywords that say nothing about validity. */
const annotations = new Set([
  "title",
  "description",
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
  "$comment"
])

/** Keywords that constrain every type, so they would not let `null` through. */
const allTypes = new Set([
  "$ref",
  "$dynamicRef",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependentRequired",
  "$id",
  "$anchor",
  "$dynamicAnchor",
  "$defs"
])

/** Keys whose values are data, not schemas. */
const dataKeys = new Set(["enum", "const", "default", "examples"])

const isNull = (u: unknown): boolean => isNode(u) && u.type === "null" && Object.keys(u).length === 1

/** X with `null` allowed, or undefined when X is not a single-type node of type-specific keywords. */
const widen = (x: Node): Node | undefined => {
  if (typeof x.type !== "string" || x.type === "null") return undefined
  for (const key of Object.keys(x)) if (allTypes.has(key)) return undefined
  const out: { [key: string]: unknown } = { ...x, type: [x.type, "null"] }
  if (Array.isArray(x.enum)) out.enum = [...x.enum, null]
  if ("const" in x) {
    delete out.const
    out.enum = [x.const, null]
  }
  return out
}

const definitionName = (ref: unknown): string | undefined =>
  typeof ref === "string" && ref.startsWith("#/$defs/") && !ref.slice(8).includes("/")
    ? ref.slice(8)
    : undefined

const nullableName = (name: string) => `${name}OrNull`

/**
 * The rewritten document. Definitions that gain a nullable copy get it under `<name>OrNull`
 * (only when that name is free).
 */
export const rewrite = (document: JsonSchemaNode): JsonSchemaNode => {
  const defs = isNode(document.$defs) ? document.$defs : {}
  const added: { [name: string]: Node } = {}

  const nullableOf = (x: Node): Node | undefined => {
    const keys = Object.keys(x).filter((k) => !annotations.has(k))
    const name = keys.length === 1 && keys[0] === "$ref" ? definitionName(x.$ref) : undefined
    if (name === undefined) return widen(x)
    const target = defs[name]
    const copyName = nullableName(name)
    if (!isNode(target) || (copyName in defs && !(copyName in added))) return undefined
    if (!(copyName in added)) {
      const widened = widen(target)
      if (widened === undefined) return undefined
      added[copyName] = widened
    }
    return { $ref: `#/$defs/${copyName}` }
  }

  const walk = (u: unknown): unknown => {
    if (Array.isArray(u)) return u.map(walk)
    if (!isNode(u)) return u
    const out: { [key: string]: unknown } = {}
    for (const [key, value] of Object.entries(u)) out[key] = dataKeys.has(key) ? value : walk(value)
    const anyOf = out.anyOf
    if (!Array.isArray(anyOf) || anyOf.length !== 2) return out
    if (Object.keys(out).some((k) => k !== "anyOf" && !annotations.has(k))) return out
    const [a, b] = anyOf
    const x = isNull(b) ? a : isNull(a) ? b : undefined
    if (!isNode(x)) return out
    const nullable = nullableOf(x)
    if (nullable === undefined) return out
    const { anyOf: _, ...rest } = out
    // the value's own description (the format's words) reads best in an issue message
    return { ...rest, ...nullable }
  }

  const walked = walk(document) as { [key: string]: unknown }
  // nullable copies are built from the walked definitions, so their own fields are rewritten too
  const walkedDefs = isNode(walked.$defs) ? walked.$defs : {}
  const copies: { [name: string]: unknown } = {}
  for (const name of Object.keys(added)) {
    const original = walkedDefs[name.slice(0, -"OrNull".length)]
    copies[name] = isNode(original) ? widen(original) : added[name]
  }
  return Object.keys(copies).length === 0 ? walked : { ...walked, $defs: { ...walkedDefs, ...copies } }
}
