/**
 * `splitName.first` and `splitName.last`: a full name in one field (Foodics' `name`) to its parts.
 *
 * The rule: the first word is the first name and the rest is the last name ("Mary Jane Watson"
 * → "Mary" / "Jane Watson"). It keeps family-name particles together ("Jan van der Berg" →
 * "van der Berg", "Mohammed bin Salman" → "bin Salman"), which splitting off the last word would
 * break. A comma means "Last, First" ("Watson, Mary Jane" → "Mary Jane" / "Watson").
 */
import { make, type Transform } from "../../Transform.ts"
import { notAString } from "./text.ts"
import * as T from "./types.ts"

const SPACES = /\s+/g
const FIRST_SPACE = /\s/

const tidy = (s: string): string | null => {
  const t = s.replace(SPACES, " ").trim()
  return t.length === 0 ? null : t
}

/** The first name: the first word, or what follows the comma of `Last, First`. */
export const firstName = (name: string): string | null => {
  const comma = name.indexOf(",")
  if (comma >= 0) return tidy(name.slice(comma + 1)) ?? tidy(name.slice(0, comma))
  const s = name.trim()
  const space = FIRST_SPACE.exec(s)
  return space === null ? (s.length === 0 ? null : s) : s.slice(0, space.index)
}

/** The last name: the words after the first, or what precedes the comma of `Last, First`. */
export const lastName = (name: string): string | null => {
  const comma = name.indexOf(",")
  if (comma >= 0) return tidy(name.slice(comma + 1)) === null ? null : tidy(name.slice(0, comma))
  const s = name.trim()
  const space = FIRST_SPACE.exec(s)
  return space === null ? null : tidy(s.slice(space.index + 1))
}

const part = (
  key: "first" | "last",
  f: (name: string) => string | null,
  description: string,
  examples: Transform["examples"]
): Transform =>
  make<undefined>({
    name: `splitName.${key}`,
    description,
    input: ["string"],
    output: () => T.orNull(T.string()),
    nulls: "pass",
    onInvalid: "reject",
    compile: () => (value) => (typeof value === "string" ? f(value) : notAString(`splitName.${key}`, value)),
    examples
  })

export const first = part(
  "first",
  firstName,
  "The first name of a full name: its first word, or what follows the comma in `Last, First`. " +
    "A single word is the first name; an empty name gives `null`.",
  [
    { input: "Mary Jane Watson", output: "Mary" },
    { input: "Watson, Mary Jane", output: "Mary Jane" },
    { input: "Cher", output: "Cher" },
    { input: "  ", output: null }
  ]
)

export const last = part(
  "last",
  lastName,
  "The last name of a full name: everything after its first word (so particles stay: `van der " +
    "Berg`), or what precedes the comma in `Last, First`. A single word has no last name (`null`).",
  [
    { input: "Mary Jane Watson", output: "Jane Watson" },
    { input: "Jan van der Berg", output: "van der Berg" },
    { input: "Watson, Mary Jane", output: "Watson" },
    { input: "Cher", output: null }
  ]
)
