/**
 * Words and paths shared by the JSON-Schema checks of the YAML specs (mapping, pipeline):
 * how a value and a JSON Schema type read in a message, and the YAML path of an Ajv
 * instance path.
 */
import { quote } from "./yaml.ts"

/** @internal */
export const isRecord = (u: unknown): u is { readonly [k: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** How a value reads in a message: `a list`, `the string "x"`, `number 3`. @internal */
export const kind = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "a map"
        : typeof value === "string"
          ? `the string ${quote(value)}`
          : `${typeof value} ${String(value)}`

/** How a JSON Schema `type` reads in a message: `a map`, `a string or null`. @internal */
export const typeName = (t: unknown): string => {
  const names: Record<string, string> = {
    object: "a map",
    array: "a list",
    string: "a string",
    number: "a number",
    integer: "an integer",
    boolean: "true or false",
    null: "null"
  }
  const list = Array.isArray(t) ? t : [t]
  return list.map((x) => names[String(x)] ?? String(x)).join(" or ")
}

/** The YAML path of an Ajv instance path, with array indexes as numbers. @internal */
export const toYamlPath = (root: unknown, instancePath: string): Array<string | number> => {
  const out: Array<string | number> = []
  if (instancePath === "") return out
  let node = root
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~")
    if (Array.isArray(node)) {
      const i = Number(key)
      out.push(i)
      node = node[i]
    } else {
      out.push(key)
      node = isRecord(node) ? node[key] : undefined
    }
  }
  return out
}
