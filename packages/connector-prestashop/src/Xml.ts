/**
 * PrestaShop webservice XML to records in their JSON form and back, through fast-xml-parser.
 *
 * Reading (`parse`), every body PrestaShop sends is one of:
 * - a list, `<prestashop><customers><customer>...</customer>...</customers></prestashop>`: with
 *   `display=full` each item is a record; without, an item is `<customer id="1" xlink:href=".."/>`
 *   and becomes `{ id: "1" }`. An empty list (`<customers/>`) is a list of none;
 * - one record, `<prestashop><customer>...</customer></prestashop>`;
 * - errors, `<prestashop><errors><error><code/><message/></error>...</errors></prestashop>`.
 *
 * In a record every leaf is a string exactly as sent: `parseTagValue: false` (`0800` stays
 * `"0800"`), no trimming (`<city><![CDATA[Paris ]]></city>` is `"Paris "`), CDATA and escaped
 * text read alike, an empty element `""`. Attributes (`xlink:href`) are dropped. A multilingual
 * field (`<name><language id="1">..</language></name>`) becomes `[{ id: "1", value: ".." }]`;
 * `associations` becomes `{ groups: [{ id: "3" }, ...] }`, every association a list of records.
 * A DOCTYPE is refused (PrestaShop never sends one; it is how entity-expansion attacks get in).
 *
 * A synopsis (`?schema=synopsis`) is read by `parseSynopsis`, which keeps what `parse` drops:
 * each field's attributes (`<email required="true" maxSize="255" format="isEmail">`).
 *
 * Writing (`build`): a record as PrestaShop takes it in a POST or PUT, one element per field in
 * the given order (the resource's blank schema), every value in CDATA as PrestaShop writes it,
 * indented as its docs print it. `null` and `undefined` fields are left out.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser"

/**
 * A record in its JSON form.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = Readonly<Record<string, unknown>>

/**
 * One error of an error body.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorEntry {
  readonly code: string
  readonly message: string
}

/**
 * A parsed body.
 *
 * @since 0.1.0
 * @category models
 */
export type Document =
  | { readonly _tag: "List"; readonly resource: string; readonly records: ReadonlyArray<Json> }
  | { readonly _tag: "Record"; readonly element: string; readonly record: Json }
  | { readonly _tag: "Errors"; readonly errors: ReadonlyArray<ErrorEntry> }

type Node = string | NodeObject
interface NodeObject {
  readonly [key: string]: unknown
}

const attributes = "@"
const textKey = "#text"

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreAttributes: false,
  attributesGroupName: attributes,
  attributeNamePrefix: "",
  textNodeName: textKey,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, _jPath, _leaf, isAttribute) => isAttribute !== true
})

const isObject = (u: unknown): u is NodeObject => typeof u === "object" && u !== null && !Array.isArray(u)

const childNames = (node: Node): ReadonlyArray<string> =>
  isObject(node) ? Object.keys(node).filter((k) => k !== attributes && k !== textKey) : []

const occurrences = (node: Node, name: string): ReadonlyArray<Node> => {
  if (!isObject(node)) return []
  const value = node[name]
  return Array.isArray(value) ? (value as ReadonlyArray<Node>) : value === undefined ? [] : [value as Node]
}

const attributeOf = (node: Node, name: string): string | undefined => {
  if (!isObject(node)) return undefined
  const group = node[attributes]
  if (!isObject(group)) return undefined
  const value = group[name]
  return typeof value === "string" ? value : undefined
}

/** The text of a leaf element. */
const textOf = (node: Node): string => {
  if (typeof node === "string") return node
  const text = node[textKey]
  return typeof text === "string" ? text : ""
}

const isMultilingual = (node: Node): boolean => {
  const names = childNames(node)
  return names.length === 1 && names[0] === "language"
}

const languages = (node: Node): ReadonlyArray<Json> =>
  occurrences(node, "language").map((language) => ({
    id: attributeOf(language, "id") ?? "",
    value: textOf(language)
  }))

/** An item of an association (`<group><id>3</id></group>`), or of a list. */
const itemRecord = (node: Node): Json => {
  if (childNames(node).length === 0) {
    const id = attributeOf(node, "id")
    return id === undefined ? {} : { id }
  }
  return record(node)
}

const associations = (node: Node): Json => {
  const out: Record<string, unknown> = {}
  for (const name of childNames(node)) {
    const wrapper = occurrences(node, name)[0] ?? ""
    const items: Array<Json> = []
    for (const itemName of childNames(wrapper)) {
      for (const item of occurrences(wrapper, itemName)) items.push(itemRecord(item))
    }
    out[name] = items
  }
  return out
}

const field = (name: string, node: Node): unknown => {
  if (name === "associations") return associations(node)
  if (childNames(node).length === 0) return textOf(node)
  if (isMultilingual(node)) return languages(node)
  return record(node)
}

const record = (node: Node): Json => {
  const out: Record<string, unknown> = {}
  for (const name of childNames(node)) {
    const first = occurrences(node, name)[0]
    if (first !== undefined) out[name] = field(name, first)
  }
  return out
}

/**
 * Whether `plural` names a list of `singular` elements (`customers`/`customer`,
 * `addresses`/`address`, `countries`/`country`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isPluralOf = (plural: string, singular: string): boolean =>
  plural === `${singular}s` || plural === `${singular}es` || plural === `${singular.replace(/y$/, "")}ies`

const errorsOf = (node: Node): ReadonlyArray<ErrorEntry> =>
  occurrences(node, "error").map((error) => ({
    code: textOf(occurrences(error, "code")[0] ?? "").trim(),
    message: textOf(occurrences(error, "message")[0] ?? "")
  }))

const hasDoctype = (text: string): boolean =>
  /<!\s*(DOCTYPE|ENTITY)/i.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""))

/** The element inside `<prestashop>`, or why the body is not a webservice answer. */
const rootOf = (text: string): Result.Result<{ readonly name: string; readonly node: Node }, string> => {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text
  if (body.trim() === "") return Result.fail("the body is empty, not XML")
  if (hasDoctype(body))
    return Result.fail("the body has a DOCTYPE or ENTITY declaration, which is not accepted")
  const valid = XMLValidator.validate(body)
  if (valid !== true) {
    return Result.fail(
      `the body is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`
    )
  }
  let raw: unknown
  try {
    raw = parser.parse(body)
  } catch (cause) {
    return Result.fail(
      `the body is not well-formed XML: ${cause instanceof Error ? cause.message : String(cause)}`
    )
  }
  const top = isObject(raw) ? raw : {}
  const roots = Object.keys(top)
  if (roots.length !== 1 || roots[0] !== "prestashop") {
    return Result.fail(
      `expected a <prestashop> root element, found ${roots.map((n) => `<${n}>`).join(", ") || "none"}`
    )
  }
  const root = occurrences(top as NodeObject, "prestashop")[0] ?? ""
  const children = childNames(root)
  if (children.length !== 1) {
    return Result.fail(
      children.length === 0
        ? "the <prestashop> element is empty"
        : `the <prestashop> element holds ${children.map((n) => `<${n}>`).join(", ")}, expected one resource, one list or <errors>`
    )
  }
  const name = children[0]!
  return Result.succeed({ name, node: occurrences(root, name)[0] ?? "" })
}

/**
 * Parses a webservice body. The failure is one sentence: not XML (with line and column), a
 * DOCTYPE, another root element than `<prestashop>`, or a root with nothing PrestaShop sends.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Result.Result<Document, string> => {
  const found = rootOf(text)
  if (Result.isFailure(found)) return Result.fail(found.failure)
  const { name, node } = found.success
  if (name === "errors") return Result.succeed({ _tag: "Errors", errors: errorsOf(node) })
  const inner = childNames(node)
  if (inner.length === 0 && attributeOf(node, "id") === undefined) {
    return Result.succeed({ _tag: "List", resource: name, records: [] })
  }
  if (inner.length === 1 && isPluralOf(name, inner[0]!)) {
    return Result.succeed({
      _tag: "List",
      resource: name,
      records: occurrences(node, inner[0]!).map(itemRecord)
    })
  }
  return Result.succeed({ _tag: "Record", element: name, record: record(node) })
}

/**
 * One field of a synopsis: its name and the attributes PrestaShop gives it (`required`,
 * `maxSize`, `format`, `readOnly`, ...), each as written.
 *
 * @since 0.1.0
 * @category models
 */
export interface SynopsisField {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
}

/**
 * A parsed synopsis body (`?schema=synopsis`): the resource's element and its fields in order
 * (`associations` left out), or the errors PrestaShop answered.
 *
 * @since 0.1.0
 * @category models
 */
export type SynopsisDocument =
  | { readonly _tag: "Synopsis"; readonly element: string; readonly fields: ReadonlyArray<SynopsisField> }
  | { readonly _tag: "Errors"; readonly errors: ReadonlyArray<ErrorEntry> }

const attributesOf = (node: Node): Readonly<Record<string, string>> => {
  if (!isObject(node)) return {}
  const group = node[attributes]
  if (!isObject(group)) return {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(group)) if (typeof v === "string") out[k] = v
  return out
}

/**
 * Parses the synopsis of a resource (`GET /api/customers?schema=synopsis`): the fields of its
 * one element, each with its attributes (which `parse` drops). PrestaShop leaves `id` out of a
 * synopsis and gives every field empty; a body with an `<id>` (a blank schema, a record) or
 * with values (a record) is refused, since it says nothing of the fields' rules.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseSynopsis = (text: string): Result.Result<SynopsisDocument, string> => {
  const found = rootOf(text)
  if (Result.isFailure(found)) return Result.fail(found.failure)
  const { name, node } = found.success
  if (name === "errors") return Result.succeed({ _tag: "Errors", errors: errorsOf(node) })
  const names = childNames(node).filter((n) => n !== "associations")
  if (names.length === 0) return Result.fail(`the <${name}> element has no fields, it is not a synopsis`)
  const inner = childNames(node)
  if (inner.length === 1 && isPluralOf(name, inner[0]!)) {
    return Result.fail(`the body is a <${name}> list, not the synopsis of one resource`)
  }
  if (names.includes("id")) {
    return Result.fail(
      `the <${name}> element has an <id>: it is a blank schema or a record, not a synopsis (?schema=synopsis)`
    )
  }
  const fields: Array<SynopsisField> = []
  for (const field of names) {
    const first = occurrences(node, field)[0] ?? ""
    if (childNames(first).length === 0 && textOf(first).trim() !== "") {
      return Result.fail(`the <${field}> of <${name}> has a value: the body is a record, not a synopsis`)
    }
    fields.push({ name: field, attributes: attributesOf(first) })
  }
  return Result.succeed({ _tag: "Synopsis", element: name, fields })
}

// ---------------------------------------------------------------------------------------------
// writing

const leafBuilder = new XMLBuilder({
  format: false,
  cdataPropName: "__cdata",
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: false
})

class BuildError extends Error {}

const isName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)

/** Whether the text holds a character XML 1.0 cannot carry, even in CDATA (C0 controls but tab, LF, CR; U+FFFE, U+FFFF). */
const forbidden = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff) return true
  }
  return false
}

const scalar = (value: unknown, at: string): string => {
  if (typeof value === "string") {
    if (forbidden(value)) throw new BuildError(`the value at ${at} holds a character XML 1.0 does not allow`)
    return value
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  if (typeof value === "boolean") return value ? "1" : "0"
  throw new BuildError(`the value at ${at} is ${value === null ? "null" : typeof value}, not text`)
}

const checkName = (name: string, at: string) => {
  if (!isName(name)) throw new BuildError(`${JSON.stringify(name)} (at ${at}) is not an XML element name`)
}

const leaf = (name: string, value: string, attrs: Readonly<Record<string, string>> = {}): string => {
  const element: Record<string, unknown> = { __cdata: value }
  for (const [k, v] of Object.entries(attrs)) element[`@_${k}`] = v
  return String(leafBuilder.build({ [name]: element }))
}

const isTranslationList = (
  value: unknown
): value is ReadonlyArray<{ readonly id: unknown; readonly value: unknown }> =>
  Array.isArray(value) &&
  value.every((v) => isObject(v) && "id" in v && "value" in v && Object.keys(v).length === 2)

const pad = (depth: number) => "  ".repeat(depth)

const element = (name: string, value: unknown, depth: number, at: string, lines: Array<string>): void => {
  if (value === null || value === undefined) return
  checkName(name, at)
  if (name === "associations" && isObject(value)) {
    lines.push(`${pad(depth)}<associations>`)
    for (const [assoc, items] of Object.entries(value)) {
      checkName(assoc, `${at}.${assoc}`)
      if (!Array.isArray(items)) throw new BuildError(`the association at ${at}.${assoc} is not a list`)
      const singular = assoc.endsWith("ies")
        ? `${assoc.slice(0, -3)}y`
        : assoc.endsWith("sses") || assoc.endsWith("xes")
          ? assoc.slice(0, -2)
          : assoc.replace(/s$/, "")
      lines.push(`${pad(depth + 1)}<${assoc}>`)
      items.forEach((item, i) => {
        if (!isObject(item)) throw new BuildError(`the item at ${at}.${assoc}.${i} is not an object`)
        lines.push(`${pad(depth + 2)}<${singular}>`)
        for (const [k, v] of Object.entries(item)) element(k, v, depth + 3, `${at}.${assoc}.${i}.${k}`, lines)
        lines.push(`${pad(depth + 2)}</${singular}>`)
      })
      lines.push(`${pad(depth + 1)}</${assoc}>`)
    }
    lines.push(`${pad(depth)}</associations>`)
    return
  }
  if (isTranslationList(value)) {
    lines.push(`${pad(depth)}<${name}>`)
    value.forEach((t, i) => {
      lines.push(
        `${pad(depth + 1)}${leaf("language", scalar(t.value, `${at}.${i}.value`), { id: scalar(t.id, `${at}.${i}.id`) })}`
      )
    })
    lines.push(`${pad(depth)}</${name}>`)
    return
  }
  if (isObject(value)) {
    lines.push(`${pad(depth)}<${name}>`)
    for (const [k, v] of Object.entries(value)) element(k, v, depth + 1, `${at}.${k}`, lines)
    lines.push(`${pad(depth)}</${name}>`)
    return
  }
  if (Array.isArray(value))
    throw new BuildError(`the value at ${at} is a list, which PrestaShop takes only in associations`)
  lines.push(`${pad(depth)}${leaf(name, scalar(value, at))}`)
}

/**
 * What {@link build} writes: one record as the element `element` (`customer`), its fields in
 * `order` first (the blank schema's order), then the record's other fields.
 *
 * @since 0.1.0
 * @category models
 */
export interface BuildInput {
  readonly element: string
  readonly record: Json
  readonly order?: ReadonlyArray<string>
}

/**
 * Builds a POST or PUT body. The failure is one sentence naming the field that cannot be
 * written.
 *
 * @since 0.1.0
 * @category constructors
 */
export const build = (input: BuildInput): Result.Result<string, string> => {
  try {
    checkName(input.element, "the element")
    const order = input.order ?? []
    const keys = [
      ...order.filter((k) => Object.hasOwn(input.record, k)),
      ...Object.keys(input.record).filter((k) => !order.includes(k) && k !== "associations"),
      ...(Object.hasOwn(input.record, "associations") && !order.includes("associations")
        ? ["associations"]
        : [])
    ]
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">'
    ]
    lines.push(`  <${input.element}>`)
    for (const key of keys) element(key, input.record[key], 2, key, lines)
    lines.push(`  </${input.element}>`, "</prestashop>")
    return Result.succeed(lines.join("\n"))
  } catch (cause) {
    if (cause instanceof BuildError) return Result.fail(cause.message)
    throw cause
  }
}
