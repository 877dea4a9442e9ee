/**
 * Canonical JSON and the content hash over it.
 *
 * @internal
 */
import { createHash } from "node:crypto"

const hasToJSON = (value: object): value is { toJSON: () => unknown } =>
  typeof (value as { toJSON?: unknown }).toJSON === "function"

const write = (value: unknown, ancestors: Array<object>): string | undefined => {
  if (value === null) return "null"
  if (typeof value === "object" && hasToJSON(value)) value = value.toJSON()
  switch (typeof value) {
    case "string":
      return JSON.stringify(value)
    case "number":
      // JSON has no NaN or Infinity; -0 is written as 0, like JSON.stringify does
      return Number.isFinite(value) ? JSON.stringify(value) : "null"
    case "boolean":
      return value ? "true" : "false"
    case "bigint":
      return JSON.stringify(value.toString())
    case "object": {
      if (value === null) return "null"
      if (ancestors.includes(value)) throw new TypeError("contentHash: the value contains a cycle")
      ancestors.push(value)
      let out: string
      if (Array.isArray(value)) {
        out = `[${value.map((item: unknown) => write(item, ancestors) ?? "null").join(",")}]`
      } else {
        const record = value as Readonly<Record<string, unknown>>
        const parts: Array<string> = []
        for (const key of Object.keys(record).sort()) {
          const item = write(record[key], ancestors)
          if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`)
        }
        out = `{${parts.join(",")}}`
      }
      ancestors.pop()
      return out
    }
    default:
      // undefined, functions and symbols: left out of objects, null in arrays (as JSON.stringify)
      return undefined
  }
}

/**
 * JSON with object keys sorted (by UTF-16 code unit) at every depth and no whitespace.
 *
 * @internal
 */
export const canonicalJson = (value: unknown): string => write(value, []) ?? "null"

/** @internal */
export const contentHash = (value: unknown): string =>
  createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")
