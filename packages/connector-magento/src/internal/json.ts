/** Small helpers over plain JSON values. */

export type Json = Readonly<Record<string, unknown>>

export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export const describeType = (u: unknown): string =>
  u === null ? "null" : Array.isArray(u) ? "an array" : typeof u

/** A trimmed, non-empty string, or `undefined`. */
export const nonEmpty = (u: unknown): string | undefined =>
  typeof u === "string" && u.trim() !== "" ? u.trim() : undefined

/** A copy of `record` without `keys`. */
export const omit = (record: Json, keys: ReadonlySet<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!keys.has(k)) out[k] = v
  return out
}

/** `camelCase` → `snake_case` (`countryId` → `country_id`, `regionCode` → `region_code`). */
export const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * A value with every object key in snake_case, at every depth, except inside the `value` of
 * `custom_attributes` entries (an attribute's value is data, not a field). Magento takes input
 * keys in either case and answers in snake_case.
 */
export const snakeKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v))
  if (!isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const key = snakeCase(k)
    if (key === "custom_attributes" && Array.isArray(v)) {
      out[key] = v.map((entry) =>
        isObject(entry)
          ? Object.fromEntries(
              Object.entries(entry).map(([ek, ev]) => [snakeCase(ek), ek === "value" ? ev : snakeKeys(ev)])
            )
          : entry
      )
    } else {
      out[key] = snakeKeys(v)
    }
  }
  return out
}
