/**
 * `country`: a country name, ISO 3166-1 alpha-3 or alpha-2 code to its alpha-2 code, through
 * `i18n-iso-countries` and its English names (official names and the aliases it knows:
 * "United States", "USA", "UK", "Czechia", ...).
 */
import countries from "i18n-iso-countries"
import en from "i18n-iso-countries/langs/en.json" with { type: "json" }
import { Invalid, make } from "../../Transform.ts"
import { isBlank, preview } from "./common.ts"
import { notAString } from "./text.ts"
import * as T from "./types.ts"

countries.registerLocale(en)

const MARKS = /\p{M}+/gu
const AMPERSAND = /&/g
const APOSTROPHES = /['’`.]/g
const SEPARATORS = /[^a-z0-9]+/g

/** The lookup key of a name: lower case, no accents, punctuation as single spaces, no leading "the". */
const nameKey = (s: string): string => {
  const k = s
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(AMPERSAND, " and ")
    .replace(APOSTROPHES, "")
    .replace(SEPARATORS, " ")
    .trim()
  return k.startsWith("the ") ? k.slice(4) : k
}

/** Lower-cased alpha-2, alpha-3 and name keys to the alpha-2 code. Built once, read-only. */
const table: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>()
  const alpha2 = countries.getAlpha2Codes()
  for (const [a2, a3] of Object.entries(alpha2)) {
    m.set(a2.toLowerCase(), a2)
    m.set(a3.toLowerCase(), a2)
  }
  // A name shared by two countries ("Congo") keeps its first, official holder.
  for (const [a2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) {
      const k = nameKey(name)
      if (!m.has(k)) m.set(k, a2)
    }
  }
  return m
})()

const MAX_NAME = 100

/**
 * The ISO 3166-1 alpha-2 code of a country name / alpha-3 / alpha-2 (any case, trimmed), or
 * `undefined` when it is not one.
 */
export const normalizeCountry = (value: unknown): string | undefined => {
  if (typeof value !== "string" || value.length > MAX_NAME) return undefined
  const k = value.trim().toLowerCase()
  return table.get(k) ?? table.get(nameKey(k))
}

export const country = make<undefined>({
  name: "country",
  description:
    "A country name (English, official or a common alias such as `USA`, `UK`, `Czechia`; any case, " +
    "accents and punctuation ignored), ISO 3166-1 alpha-3 or alpha-2 code to the alpha-2 code in " +
    "upper case. Numeric codes are not accepted. An empty string gives `null`. Defaults to " +
    "`onInvalid: reject`: an address in an unknown country cannot be delivered to, so the record " +
    "is rejected rather than silently losing its country.",
  input: ["string"],
  output: (input) => T.orNullIfString(input, T.string("country")),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value !== "string") return notAString("country", value)
    const code = normalizeCountry(value)
    if (code !== undefined) return code
    if (isBlank(value)) return null
    return new Invalid("InvalidCountry", `${preview(value)} is not a known country name or ISO 3166-1 code`)
  },
  examples: [
    { input: "nz", output: "NZ" },
    { input: "NZL", output: "NZ" },
    { input: " New Zealand ", output: "NZ" },
    { input: "United States", output: "US" },
    { input: "Atlantis", output: { invalid: "InvalidCountry" } }
  ]
})
