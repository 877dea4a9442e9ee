/**
 * Text transforms: `trim`, `lowercase`, `uppercase`, `nullIfEmpty`, `email`.
 */
import { Invalid, make, type Transform } from "../../Transform.ts"
import { isBlank, kindOf, preview } from "./common.ts"
import * as T from "./types.ts"

/** The `Invalid` for a value of a kind a text transform does not take. */
export const notAString = (name: string, value: unknown): Invalid =>
  new Invalid("InvalidType", `${name} expects a string, got ${kindOf(value)} ${preview(value)}`)

const stringToString = (
  name: string,
  description: string,
  f: (s: string) => string,
  examples: Transform["examples"]
): Transform =>
  make<undefined>({
    name,
    description,
    input: ["string"],
    output: () => T.string(),
    nulls: "pass",
    onInvalid: "reject",
    compile: () => (value) => (typeof value === "string" ? f(value) : notAString(name, value)),
    examples
  })

export const trim = stringToString(
  "trim",
  "Removes leading and trailing whitespace (spaces, tabs, line breaks, no-break spaces).",
  (s) => s.trim(),
  [
    { input: "  Peter Parker \n", output: "Peter Parker" },
    { input: "\tNZ\n", output: "NZ" },
    { input: "   ", output: "" }
  ]
)

export const lowercase = stringToString(
  "lowercase",
  "Lower-cases a string (locale-independent Unicode lower-casing).",
  (s) => s.toLowerCase(),
  [
    { input: "Peter@Parker.NZ", output: "peter@parker.nz" },
    { input: "ÉCOLE", output: "école" }
  ]
)

export const uppercase = stringToString(
  "uppercase",
  "Upper-cases a string (locale-independent Unicode upper-casing).",
  (s) => s.toUpperCase(),
  [
    { input: "nz", output: "NZ" },
    { input: "vip-gold", output: "VIP-GOLD" }
  ]
)

export const nullIfEmpty = make<undefined>({
  name: "nullIfEmpty",
  description:
    "Turns an empty or whitespace-only string into `null` (XML APIs give an unset leaf as an empty " +
    "string). Other values, including `null`, pass unchanged; the string is not trimmed.",
  input: ["string", "null"],
  output: (input) => T.orNull(T.withoutNull(input)),
  nulls: "handle",
  onInvalid: "reject",
  compile: () => (value) =>
    value === undefined || (typeof value === "string" && isBlank(value)) ? null : value,
  examples: [
    { input: "", output: null },
    { input: "  \t", output: null },
    { input: " Parker ", output: " Parker " },
    { input: null, output: null }
  ]
})

const MAX_EMAIL = 254
const MAX_LOCAL = 64
// A practical shape: the WHATWG (HTML `type=email`) grammar, with dot-separated atoms in the
// local part (no leading, trailing or doubled dots) and at least two labels in the domain,
// the last one alphabetic (a TLD). Linear: no nested quantifiers over the same characters.
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[a-z]{2,63}$`)

export const email = make<undefined>({
  name: "email",
  description:
    "Trims and lower-cases an email address and checks a practical shape: `local@domain.tld` in " +
    "ASCII, dot-separated atoms in the local part (at most 64 characters), a domain of at least " +
    "two labels ending in an alphabetic TLD, at most 254 characters in all. An empty string gives " +
    "`null`. Defaults to `onInvalid: null`: a malformed email is a warning that empties the field, " +
    "it does not cost the whole customer.",
  input: ["string"],
  output: (input) => T.orNullIfString(input, T.string("email")),
  nulls: "pass",
  onInvalid: "null",
  compile: () => (value) => {
    if (typeof value !== "string") return notAString("email", value)
    const s = value.trim().toLowerCase()
    if (s.length === 0) return null
    if (s.length <= MAX_EMAIL && EMAIL.test(s) && s.indexOf("@") <= MAX_LOCAL) return s
    return new Invalid("InvalidEmail", `${preview(value)} is not a valid email address`)
  },
  examples: [
    { input: "  Peter@Parker.NZ ", output: "peter@parker.nz" },
    { input: "mary.jane+news@mail.example.co.uk", output: "mary.jane+news@mail.example.co.uk" },
    { input: "", output: null },
    { input: "peter parker@example.com", output: { invalid: "InvalidEmail" } },
    { input: "peter@localhost", output: { invalid: "InvalidEmail" } }
  ]
})
