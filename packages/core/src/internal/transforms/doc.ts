/**
 * Renders `docs/reference/transforms.md` from the built-in transforms: their descriptions,
 * kinds, output types, option schemas (through `Schema.toJsonSchemaDocument`) and examples.
 * `scripts/transforms-doc.ts` writes it; a test keeps the committed file in sync.
 */
import { Exit, Schema } from "effect"
import type { Transform } from "../../Transform.ts"
import { builtins } from "../../Transforms.ts"
import type { ValueType } from "../../ValueType.ts"
import * as T from "./types.ts"

type JsonSchema = { readonly [key: string]: unknown }

const isObject = (u: unknown): u is JsonSchema => typeof u === "object" && u !== null && !Array.isArray(u)

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/

/** A value as YAML flow: `{ defaultCountry: { from: b_country } }`, strings quoted as JSON. */
const flow = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(flow).join(", ")}]`
  if (isObject(v)) {
    const entries = Object.entries(v).map(
      ([k, x]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${flow(x)}`
    )
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`
  }
  return v === undefined ? "~" : JSON.stringify(v)
}

/** A JSON Schema node as a short type: `string or { from: string }`. */
const typeText = (node: unknown): string => {
  if (!isObject(node)) return "any"
  if (Array.isArray(node.anyOf)) return node.anyOf.map(typeText).join(" or ")
  if (Array.isArray(node.enum)) return node.enum.map((e) => JSON.stringify(e)).join(" \\| ")
  if (node.type === "object" && isObject(node.properties)) {
    const required = Array.isArray(node.required) ? node.required : []
    const fields = Object.entries(node.properties).map(
      ([k, p]) => `${k}${required.includes(k) ? "" : "?"}: ${typeText(p)}`
    )
    return `{ ${fields.join(", ")} }`
  }
  if (typeof node.type === "string") return node.type
  return "any JSON value"
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

interface Row {
  readonly name: string
  readonly type: string
  readonly required: "yes" | "no" | "one form"
  readonly default: unknown
  readonly description: string
}

const rowsOf = (node: JsonSchema): ReadonlyArray<Row> => {
  if (node.type === "object" && isObject(node.properties)) {
    const required = Array.isArray(node.required) ? node.required : []
    return Object.entries(node.properties).map(([name, p]) => ({
      name: `\`${name}\``,
      type: typeText(p),
      required: required.includes(name) ? "yes" : "no",
      default: isObject(p) ? p.default : undefined,
      description: isObject(p) && typeof p.description === "string" ? p.description : ""
    }))
  }
  if (Array.isArray(node.anyOf)) {
    // `null` stands for options left out (a bare name)
    const forms = node.anyOf.filter((m) => isObject(m) && m.type !== "null").filter(isObject)
    if (forms.length === 1) return rowsOf(forms[0]!)
    // Alternative forms: `{ template: "..." }` or `{ template: { text: "..." } }`.
    return forms.flatMap(rowsOf).map((r) => ({ ...r, required: r.required === "no" ? "no" : "one form" }))
  }
  return [
    {
      name: "(the options value itself)",
      type: typeText(node),
      required: "yes",
      default: undefined,
      description: typeof node.description === "string" ? node.description : ""
    }
  ]
}

const optionsTable = (t: Transform): ReadonlyArray<string> => {
  if (t.options === undefined) return []
  const rows = rowsOf(Schema.toJsonSchemaDocument(t.options).schema as JsonSchema)
  return [
    "",
    "**Options**",
    "",
    "| option | type | required | default | description |",
    "|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${cell(r.type)} | ${r.required} | ${r.default === undefined ? "" : `\`${flow(r.default)}\``} | ${cell(r.description)} |`
    )
  ]
}

const decodeOptions = (t: Transform, options: unknown): unknown => {
  if (t.options === undefined) return undefined
  const exit = Schema.decodeUnknownExit(t.options)(options)
  return Exit.isSuccess(exit) ? exit.value : undefined
}

/** The output type for the accepted kinds and the default (or first example's) options. */
const outputOf = (t: Transform): ValueType => {
  const input = t.input === "any" ? T.unknown : T.union(t.input.map(T.ofKind))
  const options = decodeOptions(t, t.optionsRequired === true ? t.examples[0]?.options : {})
  return t.output(input, options)
}

const outputText = (t: Transform): string => {
  const output = outputOf(t)
  return output._tag === "Unknown" ? "depends on the input (see above)" : `\`${cell(T.format(output))}\``
}

const pipeItem = (t: Transform, options: unknown): string =>
  options === undefined ? t.name : flow({ [t.name]: options })

const exampleLines = (t: Transform): ReadonlyArray<string> =>
  t.examples.flatMap((e) => [
    `- pipe: [${pipeItem(t, e.options)}]`,
    ...(e.record === undefined ? [] : [`  record: ${flow(e.record)}`]),
    `  input: ${flow(e.input)}`,
    `  output: ${flow(e.output)}`
  ])

/** The GitHub anchor of a heading. */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-")

const section = (t: Transform): ReadonlyArray<string> => [
  `## ${t.name}`,
  "",
  t.description,
  "",
  "| | |",
  "|---|---|",
  `| input | ${t.input === "any" ? "any" : t.input.map((k) => `\`${k}\``).join(", ")} |`,
  `| output | ${outputText(t)} |`,
  `| nulls | ${t.nulls === "pass" ? "`null` in gives `null` out (the transform never sees it)" : "handled by the transform"} |`,
  `| default \`onInvalid\` | \`${t.onInvalid}\` |`,
  `| options | ${t.options === undefined ? "none" : t.optionsRequired === true ? "required" : "optional"} |`,
  ...optionsTable(t),
  "",
  "**Examples**",
  "",
  "```yaml",
  ...exampleLines(t),
  "```",
  ""
]

const INTRO = [
  "<!-- Generated by packages/core/scripts/transforms-doc.ts from the built-in transforms " +
    "(packages/core/src/Transforms.ts): do not edit; run `pnpm generate`. -->",
  "",
  "# Transforms",
  "",
  "The built-in transforms of the mapping language. A `pipe` names each one bare (`trim`) or with",
  "its options (`{ e164: { defaultCountry: { from: b_country } } }`).",
  "",
  "- Every transform also takes `onInvalid: reject | null | keep`: what happens to a value it cannot",
  "  convert. `reject` rejects the record (an error issue), `null` empties the field and `keep` keeps",
  "  the raw value (both a warning). Each transform has its own default, listed below.",
  "- Options written `{ from: path }` are read from the source record, and the path is checked with",
  "  the mapping.",
  "- Conversions read an empty or whitespace-only string as *not set* and give `null`: XML APIs give",
  '  every unset leaf as `""`.',
  "- Output types are those of the type-checker; with `nulls: pass`, a nullable input adds `Null`.",
  "- In the examples, `output: { invalid: Code }` means the value is invalid with that code.",
  ""
]

/** The markdown of `docs/reference/transforms.md`. */
export const renderTransformsDoc = (transforms: ReadonlyArray<Transform> = builtins): string =>
  [
    ...INTRO,
    "## Contents",
    "",
    ...transforms.map((t) => `- [${t.name}](#${anchor(t.name)})`),
    "",
    ...transforms.flatMap(section)
  ].join("\n")
