/**
 * The webservice's answers as PrestaShop writes them: XML (values in CDATA, ids with
 * `xlink:href`, multilingual fields as `<language id="1">`, associations with `nodeType`) or
 * JSON (`output_format=JSON`: the id a number, every other value a string or `null`, a
 * multilingual field collapsed to its value when the shop has one language, and an empty list
 * as `[]`).
 */
import * as Respond from "@mapwright/testkit/Respond"
import { type FieldDef, formatOf, type ResourceDef, type Row, type Translation } from "./model.ts"

export type Format = "json" | "xml"

export interface Context {
  /** `http://127.0.0.1:<port>/api`. */
  readonly api: string
  readonly format: Format
}

const xmlHead =
  '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">'

const cdata = (value: string): string =>
  value === "" ? "" : `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`

const attr = (value: string): string =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")

const text = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : ""

const translations = (value: unknown): ReadonlyArray<Translation> =>
  Array.isArray(value) ? (value as ReadonlyArray<Translation>) : []

const xmlField = (ctx: Context, field: FieldDef, value: unknown, indent: string): string => {
  if (field.multilingual === true) {
    const langs = translations(value)
      .map(
        (t) =>
          `${indent}\t<language id="${attr(t.id)}" xlink:href="${attr(`${ctx.api}/languages/${t.id}`)}">${cdata(t.value)}</language>`
      )
      .join("\n")
    return `${indent}<${field.name}>\n${langs}\n${indent}</${field.name}>`
  }
  const v = text(value)
  const href =
    field.xlink !== undefined && v !== "" && v !== "0"
      ? ` xlink:href="${attr(`${ctx.api}/${field.xlink}/${v}`)}"`
      : ""
  return `${indent}<${field.name}${href}>${cdata(v)}</${field.name}>`
}

const xmlAssociations = (ctx: Context, def: ResourceDef, row: Row, indent: string): string => {
  const names = Object.keys(def.associations)
  if (names.length === 0) return ""
  const assoc = (row.associations ?? {}) as Readonly<
    Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>
  >
  const parts = names.map((name) => {
    const a = def.associations[name]!
    const items = (assoc[name] ?? [])
      .map((item) => {
        const id = text(item.id)
        const fields = Object.entries(item)
          .map(([k, v]) => `${indent}\t\t\t<${k}>${cdata(text(v))}</${k}>`)
          .join("\n")
        return `${indent}\t\t<${a.element} xlink:href="${attr(`${ctx.api}/${a.resource}/${id}`)}">\n${fields}\n${indent}\t\t</${a.element}>`
      })
      .join("\n")
    return `${indent}\t<${name} nodeType="${a.element}" api="${a.resource}">${items === "" ? "" : `\n${items}\n${indent}\t`}</${name}>`
  })
  return `\n${indent}<associations>\n${parts.join("\n")}\n${indent}</associations>`
}

const xmlRecord = (
  ctx: Context,
  def: ResourceDef,
  row: Row,
  fields: ReadonlyArray<FieldDef>,
  indent: string
): string => {
  const body = fields
    .map((f) => xmlField(ctx, f, f.name === "id" ? String(row.id) : row[f.name], `${indent}\t`))
    .join("\n")
  const withAssociations = fields.length === def.fields.length
  return `${indent}<${def.element}>\n${body}${withAssociations ? xmlAssociations(ctx, def, row, `${indent}\t`) : ""}\n${indent}</${def.element}>`
}

const jsonValue = (field: FieldDef, value: unknown): unknown => {
  if (field.multilingual === true) {
    const langs = translations(value)
    return langs.length === 1 ? langs[0]!.value : langs.map((t) => ({ id: t.id, value: t.value }))
  }
  return value === null ? null : text(value)
}

const jsonRecord = (def: ResourceDef, row: Row, fields: ReadonlyArray<FieldDef>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const f of fields) out[f.name] = f.name === "id" ? row.id : jsonValue(f, row[f.name])
  if (
    fields.length === def.fields.length &&
    Object.keys(def.associations).length > 0 &&
    row.associations !== undefined
  ) {
    const assoc = row.associations as Readonly<Record<string, unknown>>
    const kept: Record<string, unknown> = {}
    for (const name of Object.keys(def.associations)) if (Array.isArray(assoc[name])) kept[name] = assoc[name]
    out.associations = kept
  }
  return out
}

/** Which fields a list shows: `undefined` for the ids alone (no `display`). */
export type Display = ReadonlyArray<FieldDef> | undefined

export const list = (
  ctx: Context,
  def: ResourceDef,
  rows: ReadonlyArray<Row>,
  display: Display
): Respond.Response => {
  if (ctx.format === "json") {
    if (rows.length === 0) return Respond.json([])
    return Respond.json({
      [def.name]: rows.map((row) => (display === undefined ? { id: row.id } : jsonRecord(def, row, display)))
    })
  }
  const items = rows
    .map((row) =>
      display === undefined
        ? `\t<${def.element} id="${row.id}" xlink:href="${attr(`${ctx.api}/${def.name}/${row.id}`)}"/>`
        : xmlRecord(ctx, def, row, display, "\t")
    )
    .join("\n")
  return Respond.xml(
    `${xmlHead}\n<${def.name}>${items === "" ? "" : `\n${items}\n`}</${def.name}>\n</prestashop>\n`
  )
}

export const one = (ctx: Context, def: ResourceDef, row: Row, status = 200): Respond.Response =>
  ctx.format === "json"
    ? Respond.json({ [def.element]: jsonRecord(def, row, def.fields) }, { status })
    : Respond.xml(`${xmlHead}\n${xmlRecord(ctx, def, row, def.fields, "")}\n</prestashop>\n`, { status })

/**
 * The blank schema (`?schema=blank`), or the synopsis with each field's rules, as
 * `WebserviceOutputBuilder::renderSchema` writes them: the synopsis leaves `id` out and gives
 * each field `required="true"`, `maxSize`, `format` (its `Validate::` method) and
 * `readOnly="true"` where they apply. In JSON both are the blank form, every field `""` (a
 * multilingual one too): `WebserviceOutputJSON::renderField` writes no attributes. The synopsis
 * fields at the indexes of `broken` (in order, `id` left out) get a `maxSize` that is not a
 * number.
 */
export const schema = (
  ctx: Context,
  def: ResourceDef,
  kind: "blank" | "synopsis",
  languages: ReadonlyArray<string>,
  broken: ReadonlyArray<number> = []
) => {
  const shown = kind === "synopsis" ? def.fields.filter((f) => f.name !== "id") : def.fields
  const rules = (f: FieldDef, i: number) => {
    if (kind === "blank") return ""
    const format = formatOf(f)
    const size = broken.includes(i) ? "a lot" : f.size === undefined ? undefined : String(f.size)
    return [
      f.required === true ? ' required="true"' : "",
      size === undefined ? "" : ` maxSize="${attr(size)}"`,
      format === undefined ? "" : ` format="${attr(format)}"`,
      f.readOnly === true ? ' readOnly="true"' : ""
    ].join("")
  }
  if (ctx.format === "json") {
    const out: Record<string, unknown> = {}
    // a schema's values are "", which renderField does not expand into languages
    for (const f of shown) out[f.name] = ""
    const assoc = Object.keys(def.associations)
    if (assoc.length > 0) out.associations = Object.fromEntries(assoc.map((name) => [name, [{ id: "" }]]))
    return Respond.json({ [def.element]: out })
  }
  const language = (id: string) =>
    kind === "synopsis"
      ? `<language id="${id}" xlink:href="${attr(`${ctx.api}/languages/${id}`)}" format="isUnsignedId"></language>`
      : `<language id="${id}"><![CDATA[]]></language>`
  const fields = shown
    .map((f, i) =>
      f.multilingual === true
        ? `\t\t<${f.name}${rules(f, i)}>\n${languages.map((id) => `\t\t\t${language(id)}`).join("\n")}\n\t\t</${f.name}>`
        : kind === "synopsis"
          ? `\t\t<${f.name}${rules(f, i)}></${f.name}>`
          : `\t\t<${f.name}><![CDATA[]]></${f.name}>`
    )
    .join("\n")
  const assoc = Object.entries(def.associations)
    .map(
      ([name, a]) =>
        `\t\t\t<${name}${kind === "synopsis" ? ` nodeType="${a.element}" api="${a.resource}"` : ""}>\n\t\t\t\t<${a.element}>\n\t\t\t\t\t<id><![CDATA[]]></id>\n\t\t\t\t</${a.element}>\n\t\t\t</${name}>`
    )
    .join("\n")
  return Respond.xml(
    `${xmlHead}\n\t<${def.element}>\n${fields}${assoc === "" ? "" : `\n\t\t<associations>\n${assoc}\n\t\t</associations>`}\n\t</${def.element}>\n</prestashop>\n`
  )
}

export interface PsError {
  readonly code: number
  readonly message: string
}

export const errors = (
  format: Format,
  status: number,
  list: ReadonlyArray<PsError>,
  headers: Readonly<Record<string, string>> = {}
): Respond.Response =>
  format === "json"
    ? Respond.json({ errors: list.map((e) => ({ code: e.code, message: e.message })) }, { status, headers })
    : Respond.xml(
        `${xmlHead}\n<errors>\n${list
          .map(
            (e) =>
              `<error>\n<code>${cdata(String(e.code))}</code>\n<message>${cdata(e.message)}</message>\n</error>`
          )
          .join("\n")}\n</errors>\n</prestashop>\n`,
        { status, headers }
      )
