/**
 * `template`: a string built from source fields, `"{b_fname} {b_lname}"`.
 */
import { Schema } from "effect"
import { Invalid, make } from "../../Transform.ts"
import { kindOf } from "./common.ts"
import * as T from "./types.ts"

interface Parsed {
  /** The literal text around the placeholders: one more than `paths`. */
  readonly literals: ReadonlyArray<string>
  readonly paths: ReadonlyArray<string>
}

const PATH = /^[^\s{}]+$/

/** Parses `text`; `{{` and `}}` are literal braces. A string is the reason it is malformed. */
export const parseTemplate = (text: string): Parsed | string => {
  const literals: Array<string> = []
  const paths: Array<string> = []
  let literal = ""
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === "{" && text[i + 1] === "{") {
      literal += "{"
      i += 2
    } else if (c === "}" && text[i + 1] === "}") {
      literal += "}"
      i += 2
    } else if (c === "{") {
      const end = text.indexOf("}", i + 1)
      if (end < 0) return `unclosed "{" at character ${i + 1}`
      const path = text.slice(i + 1, end).trim()
      if (!PATH.test(path))
        return `"{${text.slice(i + 1, end)}}" at character ${i + 1} does not name a source path`
      literals.push(literal)
      paths.push(path)
      literal = ""
      i = end + 1
    } else if (c === "}") {
      return `unmatched "}" at character ${i + 1} (write "}}" for a literal brace)`
    } else {
      literal += c
      i += 1
    }
  }
  literals.push(literal)
  return { literals, paths }
}

const wellFormed = Schema.makeFilter((s: string) => {
  const parsed = parseTemplate(s)
  return typeof parsed === "string" ? parsed : true
})

const DESCRIPTION = "The template: `{path}` placeholders name source paths (dotted)"

const Options = Schema.Union([
  Schema.String.annotate({ description: DESCRIPTION }).check(wellFormed),
  Schema.Struct({ text: Schema.String.annotate({ description: DESCRIPTION }).check(wellFormed) })
])

type Options = string | { readonly text: string }

const HORIZONTAL = /[ \t]+/g
const LINE = /\s*\n\s*/g
const NEWLINE = "\n"

/** Collapses runs of spaces and tabs, trims every line and drops empty lines. */
const tidy = (s: string): string => {
  const collapsed = s.replace(HORIZONTAL, " ")
  return collapsed.includes(NEWLINE) ? collapsed.replace(LINE, NEWLINE).trim() : collapsed.trim()
}

export const template = make<Options>({
  name: "template",
  description:
    "A string built from source fields: `{b_fname} {b_lname}`, each `{path}` a source path (checked " +
    "with the mapping). `{{` and `}}` write literal braces. The piped value is ignored. A missing " +
    "(`null`, absent) field writes nothing; numbers and booleans are written as text. The result is " +
    "tidied: runs of spaces and tabs become one space, every line is trimmed, empty lines are " +
    'dropped; an empty result is `null`. Also written `{ template: { text: "..." } }`, where ' +
    "`onInvalid` fits beside it. A field needs no `from` for it: write the field spec " +
    '`{ template: "{b_fname} {b_lname}" }`.',
  input: "any",
  output: () => T.orNull(T.string()),
  nulls: "handle",
  onInvalid: "reject",
  options: Options,
  optionsRequired: true,
  compile: (options, context) => {
    const parsed = parseTemplate(typeof options === "string" ? options : options.text)
    if (typeof parsed === "string") throw new Error(`template: ${parsed}`) // the options schema refused it already
    const { literals, paths } = parsed
    const getters = paths.map((from) => context.value({ from }))
    return (_value, record) => {
      let out = literals[0]!
      for (let i = 0; i < getters.length; i++) {
        const v = getters[i]!(record)
        if (typeof v === "string") out += v
        else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") out += String(v)
        else if (v !== null && v !== undefined) {
          return new Invalid("InvalidType", `template cannot write {${paths[i]}}, ${kindOf(v)}, as text`)
        }
        out += literals[i + 1]!
      }
      const result = tidy(out)
      return result.length === 0 ? null : result
    }
  },
  examples: [
    {
      input: null,
      options: "{b_fname} {b_lname}",
      record: { b_fname: "Peter", b_lname: "Parker" },
      output: "Peter Parker"
    },
    {
      input: null,
      options: "{b_fname} {b_lname}",
      record: { b_fname: "Peter", b_lname: null },
      output: "Peter"
    },
    {
      input: null,
      options: { text: "{address.line1}\n{address.line2}\n{address.city} {address.zip}" },
      record: { address: { line1: "5 Queen St", line2: "", city: "Auckland", zip: "1010" } },
      output: "5 Queen St\nAuckland 1010"
    },
    { input: null, options: "{b_fname} {b_lname}", record: {}, output: null }
  ]
})
