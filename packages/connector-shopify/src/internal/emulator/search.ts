/**
 * Shopify's search syntax, the part the emulator needs: terms `field:value`,
 * `field:>value`, `field:>=value`, `field:<value`, `field:<=value`, values bare or quoted
 * (`'...'`, `"..."`), `*` as a wildcard in text values, `-field:value` to negate, terms joined
 * by spaces or `AND`, groups of them joined by `OR`, and free text (matched against the
 * record's text). Fields the resource does not know are ignored, as Shopify ignores them.
 */

export type Op = ":" | ">" | ">=" | "<" | "<="

export interface Term {
  readonly field: string | undefined
  readonly op: Op
  readonly value: string
  readonly negate: boolean
}

/** Groups joined by OR, each a list of terms joined by AND. */
export type Query = ReadonlyArray<ReadonlyArray<Term>>

/** How a resource exposes its fields: a value to compare, and its kind. */
export type Field =
  | { readonly kind: "text"; readonly value: string | null | ReadonlyArray<string> }
  | { readonly kind: "time"; readonly value: number }
  | { readonly kind: "number"; readonly value: number | null }

const tokenize = (query: string): ReadonlyArray<string> => {
  const tokens: Array<string> = []
  let current = ""
  let quote: string | undefined
  for (const ch of query) {
    if (quote !== undefined) {
      current += ch
      if (ch === quote) quote = undefined
    } else if (ch === "'" || ch === '"') {
      quote = ch
      current += ch
    } else if (/\s/.test(ch) || ch === "(" || ch === ")") {
      if (current !== "") tokens.push(current)
      current = ""
    } else current += ch
  }
  if (current !== "") tokens.push(current)
  return tokens
}

const unquote = (s: string): string => {
  const q = s[0]
  return (q === "'" || q === '"') && s.endsWith(q) && s.length >= 2
    ? s.slice(1, -1).replace(/\\(.)/g, "$1")
    : s
}

const term = (token: string): Term => {
  const negate = token.startsWith("-") && token.length > 1
  const body = negate ? token.slice(1) : token
  const m = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(body)
  if (m === null) return { field: undefined, op: ":", value: unquote(body), negate }
  return { field: m[1]!.toLowerCase(), op: (m[2] ?? ":") as Op, value: unquote(m[3] ?? ""), negate }
}

export const parse = (query: string | null | undefined): Query => {
  if (query === null || query === undefined || query.trim() === "") return []
  const groups: Array<Array<Term>> = [[]]
  for (const token of tokenize(query)) {
    if (token === "OR") groups.push([])
    else if (token !== "AND") groups[groups.length - 1]!.push(term(token))
  }
  return groups.filter((g) => g.length > 0)
}

const wildcard = (pattern: string, value: string): boolean => {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "i"
  )
  return re.test(value)
}

const compare = (op: Op, a: number, b: number): boolean =>
  op === ":" ? a === b : op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b

const timeOf = (value: string): number | undefined => {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(t) ? undefined : t
}

const holds = (t: Term, fields: (name: string) => Field | undefined, text: string): boolean => {
  if (t.field === undefined) return text.toLowerCase().includes(t.value.toLowerCase())
  const field = fields(t.field)
  if (field === undefined) return true
  switch (field.kind) {
    case "time": {
      const at = timeOf(t.value)
      // Shopify's times have seconds: compare at that precision
      return at !== undefined && compare(t.op, Math.floor(field.value / 1000) * 1000, at)
    }
    case "number": {
      if (t.value === "null") return t.op === ":" && field.value === null
      const n = Number(t.value)
      return field.value !== null && Number.isFinite(n) && compare(t.op, field.value, n)
    }
    case "text": {
      const values = field.value === null ? [] : typeof field.value === "string" ? [field.value] : field.value
      if (t.value === "null" && t.op === ":") return values.length === 0
      return values.some((v) => wildcard(t.value, v))
    }
  }
}

/** Whether a record matches a query (an empty query matches everything). */
export const matches = (query: Query, fields: (name: string) => Field | undefined, text: string): boolean =>
  query.length === 0 || query.some((group) => group.every((t) => holds(t, fields, text) !== t.negate))
