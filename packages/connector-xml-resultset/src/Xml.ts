/**
 * `<ResultSet>` bodies to records in their JSON form and back, through fast-xml-parser.
 *
 * Reading (DESIGN: every leaf a string, empty elements `""`, repeated children arrays):
 * - Leaves are strings exactly as sent: `parseTagValue: false` (zip `0800` stays `"0800"`) and
 *   `trimValues: false`, so a value keeps its inner *and* its surrounding whitespace (a PUT of
 *   what a GET gave changes nothing; mappings trim where it matters). Whitespace-only text
 *   between child elements is indentation and is dropped.
 * - An empty element (`<b_address3/>`, `<b_address3></b_address3>`) is `""`; a missing one is absent.
 * - Every child of the root is a record and always in an array; inside a record, the elements
 *   of joined resources (`UserCustomerGroup`, `UserGroup`, `Order`, ...) are always arrays too,
 *   even when there is only one. Any other element with children becomes a nested object.
 * - Entities: the five predefined ones and numeric character references are decoded; CDATA is
 *   kept literally. A DOCTYPE or ENTITY declaration is refused (the API never sends one, and it
 *   is how entity-expansion attacks get in), and so is an undefined entity.
 * - Attributes: the root's and each record's are returned beside the record (the API uses them
 *   for paging and write results); on fields and nested elements they are ignored, since a
 *   leaf with attributes would stop being a string.
 * - Text beside the fields of a record (mixed content) is kept under `#text`, so the record's
 *   schema rejects it as a field that does not exist rather than losing it silently.
 *
 * Writing: one element per key, in the order of the element's {@link Order} (the record
 * schema's field order) and then the record's own order for keys the order does not know;
 * arrays become repeated elements; `null` and `undefined` are left out; `&`, `<`, `>`, `"` and
 * `'` are escaped. Keys must be XML names and text must be characters XML 1.0 can carry.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser"
import { entityDecoder, forbiddenChar, hasDoctype, isName } from "./internal/xmlText.ts"
import * as ResourceSpec from "./ResourceSpec.ts"

/**
 * A value in the JSON form of a record.
 *
 * @since 0.1.0
 * @category models
 */
export type Value = string | XmlRecord | ReadonlyArray<Value>

/**
 * A record in its JSON form: element names to values.
 *
 * @since 0.1.0
 * @category models
 */
export interface XmlRecord {
  readonly [name: string]: Value
}

/**
 * One child of the root: its element name, its attributes and its record.
 *
 * @since 0.1.0
 * @category models
 */
export interface Element {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly record: XmlRecord
}

/**
 * A parsed body: the root element's name and attributes, and its children grouped by element
 * name in first-seen order (records of the same name keep their order).
 *
 * @since 0.1.0
 * @category models
 */
export interface Document {
  readonly root: string
  readonly attributes: Readonly<Record<string, string>>
  readonly elements: ReadonlyArray<Element>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions {
  /** Element names that are always arrays inside a record (default: the resources' elements). */
  readonly repeated?: ReadonlyArray<string>
  /** The root element's name (default `ResultSet`). */
  readonly root?: string
}

const attributeKey = "@"
const textKey = "#text"

type Raw = string | RawObject | ReadonlyArray<Raw>
interface RawObject {
  readonly [key: string]: Raw
}

const isObject = (raw: Raw): raw is RawObject => typeof raw === "object" && !Array.isArray(raw)

const makeParser = (repeated: ReadonlyArray<string>): XMLParser => {
  const names = new Set(repeated)
  return new XMLParser({
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreAttributes: false,
    attributesGroupName: attributeKey,
    attributeNamePrefix: "",
    textNodeName: textKey,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    entityDecoder,
    isArray: (name, jPath, _leaf, isAttribute) => {
      if (isAttribute === true) return false
      const depth = String(jPath).split(".").length
      return depth === 2 || (depth > 2 && names.has(name))
    }
  })
}

const defaultParser = makeParser(ResourceSpec.elements)

const attributesOf = (raw: RawObject): Readonly<Record<string, string>> => {
  const group = raw[attributeKey]
  if (group === undefined || !isObject(group)) return {}
  return Object.fromEntries(
    Object.entries(group).filter((e): e is [string, string] => typeof e[1] === "string")
  )
}

const hasChildren = (raw: RawObject): boolean =>
  Object.keys(raw).some((k) => k !== attributeKey && k !== textKey)

/** A field: a leaf becomes its text; an element with children becomes a record. */
const field = (raw: Raw): Value => {
  if (typeof raw === "string") return raw
  if (Array.isArray(raw)) return raw.map(recordItem)
  const object = raw as RawObject
  if (hasChildren(object)) return record(object)
  const text = object[textKey]
  return typeof text === "string" ? text : ""
}

/** An item of a repeated child: always a record (an empty element is `{}`). */
const recordItem = (raw: Raw): Value => {
  if (typeof raw === "string") return raw.trim() === "" ? {} : { [textKey]: raw }
  if (Array.isArray(raw)) return raw.map(recordItem)
  return record(raw as RawObject)
}

const record = (raw: RawObject): XmlRecord =>
  Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]): ReadonlyArray<readonly [string, Value]> => {
      if (key === attributeKey) return []
      if (key === textKey) return typeof value === "string" && value.trim() !== "" ? [[key, value]] : []
      return [[key, field(value)]]
    })
  )

const elementsOf = (root: RawObject): ReadonlyArray<Element> =>
  Object.entries(root).flatMap(([name, value]): ReadonlyArray<Element> => {
    if (name === attributeKey || name === textKey) return []
    const items = Array.isArray(value) ? (value as ReadonlyArray<Raw>) : [value as Raw]
    return items.map((item) => ({
      name,
      attributes: typeof item === "object" && !Array.isArray(item) ? attributesOf(item as RawObject) : {},
      record: recordItem(item) as XmlRecord
    }))
  })

const openElements = (list: string): ReadonlyArray<string> | undefined => {
  try {
    const names: unknown = JSON.parse(list)
    return Array.isArray(names) && names.every((n) => typeof n === "string")
      ? [...names].reverse()
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Parses a `<ResultSet>` body. The failure is one sentence: not XML (with line and column), a
 * DOCTYPE, an undefined entity, a character XML cannot carry, or another root element.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (text: string, options: ParseOptions = {}): Result.Result<Document, string> => {
  const rootName = options.root ?? "ResultSet"
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text
  if (body.trim() === "") return Result.fail("the body is empty, not XML")
  const bad = forbiddenChar(body)
  if (bad !== undefined)
    return Result.fail(`the body holds the character ${bad}, which XML 1.0 does not allow`)
  if (hasDoctype(body))
    return Result.fail("the body has a DOCTYPE or ENTITY declaration, which is not accepted")
  const valid = XMLValidator.validate(body)
  if (valid !== true) {
    // the validator lists the elements left open as a JSON array: say it in words
    const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(valid.err.msg)?.[1]
    const names = open === undefined ? undefined : openElements(open)
    return Result.fail(
      names === undefined
        ? `the body is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`
        : `the body is not well-formed XML: it ends before ${names.map((n) => `</${n}>`).join(", ")}`
    )
  }
  if (!body.trimEnd().endsWith(">")) return Result.fail("the body has text after its root element")
  let raw: unknown
  try {
    raw = (options.repeated === undefined ? defaultParser : makeParser(options.repeated)).parse(body)
  } catch (cause) {
    return Result.fail(
      `the body is not well-formed XML: ${cause instanceof Error ? cause.message : String(cause)}`
    )
  }
  const top = raw as RawObject
  const names = Object.keys(top)
  if (names.length !== 1 || names[0] !== rootName) {
    return Result.fail(
      `expected a <${rootName}> root element, found ${names.map((n) => `<${n}>`).join(", ") || "none"}`
    )
  }
  const rootValue = top[rootName]!
  const rootObject: RawObject = Array.isArray(rootValue) ? {} : isObject(rootValue) ? rootValue : {}
  return Result.succeed({
    root: rootName,
    attributes: attributesOf(rootObject),
    elements: elementsOf(rootObject)
  })
}

/**
 * The records of the root's children named `name` (`Customer`), in order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const records = (document: Document, name: string): ReadonlyArray<XmlRecord> =>
  document.elements.filter((e) => e.name === name).map((e) => e.record)

/**
 * The element order of a record kind: its field names in schema order, and the order of the
 * elements nested in it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Order {
  readonly fields: ReadonlyArray<string>
  readonly children?: Readonly<Record<string, Order>>
}

/**
 * What {@link build} writes: the root's attributes and its children.
 *
 * @since 0.1.0
 * @category models
 */
export interface BuildInput {
  readonly root?: string
  readonly attributes?: Readonly<Record<string, string>>
  readonly elements: ReadonlyArray<{
    readonly name: string
    readonly record: unknown
    readonly attributes?: Readonly<Record<string, string>>
  }>
  /** The element order per element name of the root's children. */
  readonly orders?: Readonly<Record<string, Order>>
}

class BuildError extends Error {}

const checkName = (name: string, at: string): void => {
  if (!isName(name)) throw new BuildError(`${JSON.stringify(name)} (at ${at}) is not an XML name`)
}

const checkText = (text: string, at: string): string => {
  const bad = forbiddenChar(text)
  if (bad !== undefined)
    throw new BuildError(`the value at ${at} holds the character ${bad}, which XML 1.0 does not allow`)
  return text
}

const scalar = (value: unknown, at: string): string | undefined => {
  if (typeof value === "string") return checkText(value, at)
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new BuildError(`the value at ${at} is not a finite number`)
    return String(value)
  }
  if (typeof value === "boolean") return String(value)
  return undefined
}

type Out = string | { [key: string]: Out } | Array<Out>

const attributesOut = (attributes: Readonly<Record<string, string>> | undefined, at: string) => {
  if (attributes === undefined || Object.keys(attributes).length === 0) return {}
  for (const [name, value] of Object.entries(attributes)) {
    checkName(name, `${at}@`)
    checkText(value, `${at}@${name}`)
  }
  return { [attributeKey]: { ...attributes } }
}

const fieldOut = (value: unknown, order: Order | undefined, at: string): Out | undefined => {
  if (value === null || value === undefined) return undefined
  const text = scalar(value, at)
  if (text !== undefined) return text
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => {
      const out = fieldOut(item, order, `${at}.${i}`)
      return out === undefined ? [] : [out]
    })
  }
  if (typeof value === "object") return recordOut(value as Readonly<Record<string, unknown>>, order, at)
  throw new BuildError(`the value at ${at} is a ${typeof value}, not text`)
}

const recordOut = (
  record: Readonly<Record<string, unknown>>,
  order: Order | undefined,
  at: string
): { [key: string]: Out } => {
  const known = order?.fields ?? []
  const keys = [
    ...known.filter((k) => Object.hasOwn(record, k)),
    ...Object.keys(record).filter((k) => !known.includes(k))
  ]
  const out: { [key: string]: Out } = {}
  for (const key of keys) {
    const path = `${at}.${key}`
    checkName(key, path)
    const value = fieldOut(record[key], order?.children?.[key], path)
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true })
  }
  return out
}

const builder = new XMLBuilder({
  format: true,
  indentBy: "    ",
  suppressEmptyNode: false,
  ignoreAttributes: false,
  attributesGroupName: attributeKey,
  attributeNamePrefix: "",
  textNodeName: textKey,
  processEntities: true
})

/**
 * Builds a body (indented by four spaces, as the seed's examples are) from the root's children.
 * The failure is one sentence naming the element or value that cannot be written.
 *
 * @since 0.1.0
 * @category constructors
 */
export const build = (input: BuildInput): Result.Result<string, string> => {
  try {
    const rootName = input.root ?? "ResultSet"
    checkName(rootName, "the root")
    const children: { [name: string]: Array<Out> } = {}
    input.elements.forEach((element, i) => {
      checkName(element.name, `element ${i}`)
      const at = `${element.name}[${i}]`
      if (typeof element.record !== "object" || element.record === null || Array.isArray(element.record)) {
        throw new BuildError(`${at} is not an object`)
      }
      const out = {
        ...attributesOut(element.attributes, at),
        ...recordOut(element.record as Readonly<Record<string, unknown>>, input.orders?.[element.name], at)
      }
      const list = children[element.name] ?? []
      list.push(out)
      children[element.name] = list
    })
    const root = { ...attributesOut(input.attributes, rootName), ...children }
    return Result.succeed(String(builder.build({ [rootName]: root })).trimEnd())
  } catch (cause) {
    if (cause instanceof BuildError) return Result.fail(cause.message)
    throw cause
  }
}
