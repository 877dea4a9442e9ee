/**
 * The one JSON form of a record, whichever format PrestaShop answered in. XML gives every leaf
 * as a string already; a JSON answer gives ids as numbers (`"id": 1`), some dates as `null`,
 * and a multilingual field as a bare string when the shop has one language. Here numbers
 * become their text, booleans `"1"`/`"0"`, `null` becomes `""` (what the XML gives for it),
 * and every multilingual field becomes a list of `{ id, value }` with the configured language
 * first. The input is never changed.
 */

export type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** The multilingual fields of the resources the connector reads. */
export const multilingualFields: Readonly<Record<string, ReadonlyArray<string>>> = {
  groups: ["name"],
  genders: ["name"],
  countries: ["name"],
  currencies: ["name"],
  order_states: ["name", "template"]
}

const leaf = (value: unknown): unknown => {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  if (typeof value === "boolean") return value ? "1" : "0"
  if (Array.isArray(value)) return value.map(leaf)
  if (isObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = leaf(v)
    return out
  }
  return value
}

const translations = (value: unknown, languageId: string): unknown => {
  if (typeof value === "string" || typeof value === "number")
    return [{ id: languageId, value: String(value) }]
  if (value === null || value === undefined) return []
  if (!Array.isArray(value)) return leaf(value)
  const list = value.map((entry) =>
    isObject(entry)
      ? { id: String(leaf(entry.id)), value: String(leaf(entry.value)) }
      : { id: "", value: String(leaf(entry)) }
  )
  const first = list.filter((t) => t.id === languageId)
  return [...first, ...list.filter((t) => t.id !== languageId)]
}

/**
 * A record of `resource` in the connector's JSON form: every leaf a string, multilingual
 * fields as `[{ id, value }]` with `languageId` first.
 */
export const record = (resource: string, raw: unknown, languageId: number): unknown => {
  if (!isObject(raw)) return raw
  const multi = new Set(multilingualFields[resource] ?? [])
  const lang = String(languageId)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) out[k] = multi.has(k) ? translations(v, lang) : leaf(v)
  return out
}

/** The value of a multilingual field in the first language, or `""`. */
export const firstTranslation = (value: unknown): string => {
  if (!Array.isArray(value)) return typeof value === "string" ? value : ""
  const first: unknown = value[0]
  return isObject(first) && typeof first.value === "string" ? first.value : ""
}
