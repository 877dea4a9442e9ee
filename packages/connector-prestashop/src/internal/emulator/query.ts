/**
 * A list request's parameters as PrestaShop reads them (`WebserviceRequest::manageFilters`):
 * `filter[field]=[value]` (also `[a|b]`, `[a,b]` an interval, `[x]%` / `%[x]` / `%[x]%` LIKE,
 * `![x]`, `>[x]`, `<[x]`; compared without case, as MySQL does), `date=1` to filter and sort
 * on `date_add` / `date_upd`, `sort=[field_ASC,id_DESC]`, `limit=n` or `limit=offset,n`, and
 * `display=full` or `display=[field,...]`. A bad parameter answers PrestaShop's own error.
 */
import type * as Emulator from "@mapwright/testkit/Emulator"
import * as Respond from "@mapwright/testkit/Respond"
import { dateFields, type FieldDef, type ResourceDef, type Row } from "./model.ts"
import type { Display, Format } from "./render.ts"
import * as Render from "./render.ts"

const fail = (format: Format, code: number, message: string): never =>
  Respond.fail(Render.errors(format, 400, [{ code, message }]))

const fieldValue = (row: Row, field: string, languageId: string): string => {
  if (field === "id") return String(row.id)
  const v = row[field]
  if (Array.isArray(v)) {
    const t =
      (v as ReadonlyArray<{ readonly id: string; readonly value: string }>).find(
        (x) => x.id === languageId
      ) ?? v[0]
    return typeof t === "object" && t !== null ? String((t as { value: string }).value) : ""
  }
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v)
}

const numeric = (s: string) => /^-?\d+(\.\d+)?$/.test(s)

/** MySQL-like comparison: numbers as numbers, text without case. */
const compare = (a: string, b: string): number => {
  if (numeric(a) && numeric(b)) return Number(a) - Number(b)
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

type Predicate = (value: string) => boolean

/** `SQLUtils::getSQLRetrieveFilter`: the forms of a filter value. */
const filterOf = (raw: string): Predicate | undefined => {
  const like = /^(%?)\[(.*)\](%?)$/.exec(raw)
  if (like !== null && (like[1] === "%" || like[3] === "%")) {
    const needle = (like[2] ?? "").toLowerCase()
    return (v) => {
      const h = v.toLowerCase()
      return like[1] === "%" && like[3] === "%"
        ? h.includes(needle)
        : like[1] === "%"
          ? h.endsWith(needle)
          : h.startsWith(needle)
    }
  }
  const op = /^([!><]?)\[(.*)\]$/.exec(raw)
  if (op === null) return undefined
  const inner = op[2] ?? ""
  if (op[1] === "!") return (v) => compare(v, inner) !== 0
  if (op[1] === ">") return (v) => compare(v, inner) > 0
  if (op[1] === "<") return (v) => compare(v, inner) < 0
  if (inner.includes(",") && !inner.includes("|")) {
    const [from, to] = inner.split(",", 2) as [string, string]
    return (v) => compare(v, from) >= 0 && compare(v, to) <= 0
  }
  const any = inner.split("|")
  return (v) => any.some((x) => compare(v, x) === 0)
}

export interface Query {
  readonly rows: ReadonlyArray<Row>
  readonly display: Display
}

const fieldNames = (def: ResourceDef, withDates: boolean) =>
  def.fields.map((f) => f.name).filter((n) => withDates || !dateFields.has(n))

/** Applies a list request's parameters to a resource's rows. */
export const apply = (
  request: Emulator.Request,
  def: ResourceDef,
  rows: ReadonlyArray<Row>,
  format: Format,
  languageId: string
): Query => {
  const withDates =
    request.query.date !== undefined && request.query.date !== "" && request.query.date !== "0"
  const available = fieldNames(def, withDates)
  let out = [...rows]
  for (const [field, raw] of Object.entries(request.queryGroup("filter"))) {
    if (!available.includes(field)) {
      fail(
        format,
        32,
        `This filter does not exist. Did you mean: "${available.find((f) => f.includes(field) || field.includes(f)) ?? available[0]}"? The full list is: "${available.join('", "')}"`
      )
    }
    if (raw === "") fail(format, 33, `The filter "${field}" is malformed.`)
    const predicate = filterOf(raw)
    if (predicate === undefined) fail(format, 33, `The filter "${field}" is malformed.`)
    out = out.filter((row) => predicate!(fieldValue(row, field, languageId)))
  }
  const sort = request.query.sort
  if (sort !== undefined) {
    const inner = /^\[(.*)\]$/.exec(sort)?.[1] ?? sort
    const keys = inner.split(",").map((s) => {
      const at = s.lastIndexOf("_")
      const field = at < 0 ? "" : s.slice(0, at)
      const direction = at < 0 ? "" : s.slice(at + 1).toUpperCase()
      if (at < 0 || (direction !== "ASC" && direction !== "DESC")) {
        fail(
          format,
          37,
          `The "sort" value has to be formed as this example: "field_ASC" or '[field_1_DESC,field_2_ASC,field_3_ASC,...]' ("field" has to be an available field)`
        )
      }
      if (!available.includes(field)) {
        fail(
          format,
          38,
          `Unable to filter by this field. However, these are available: ${available.join(", ")}`
        )
      }
      return { field, sign: direction === "ASC" ? 1 : -1 }
    })
    out.sort((a, b) => {
      for (const k of keys) {
        const c = compare(fieldValue(a, k.field, languageId), fieldValue(b, k.field, languageId))
        if (c !== 0) return c * k.sign
      }
      return 0
    })
  }
  const limit = request.query.limit
  if (limit !== undefined) {
    const parts = limit.split(",")
    if (parts.length > 2)
      fail(format, 39, 'The "limit" value has to be formed as this example: "5,25" or "10"')
    const int = (s: string) => {
      const n = Number.parseInt(s.trim(), 10)
      return Number.isNaN(n) ? 0 : Math.max(0, n)
    }
    const offset = parts.length === 2 ? int(parts[0]!) : 0
    const count = int(parts[parts.length - 1]!)
    out = out.slice(offset, offset + count)
  }
  return { rows: out, display: displayOf(request, def, format) }
}

/** The `display` parameter: every field, some, or (absent) the ids alone. */
export const displayOf = (request: Emulator.Request, def: ResourceDef, format: Format): Display => {
  const display = request.query.display
  if (display === undefined) return undefined
  if (display === "full") return def.fields
  const inner = /^\[(.*)\]$/.exec(display)?.[1]
  const names = def.fields.map((f) => f.name)
  if (inner === undefined) {
    return fail(
      format,
      36,
      `The 'display' syntax is wrong. You can set 'full' or '[field_1,field_2,field_3,...]'. These are available: ${names.join(", ")}`
    )
  }
  const wanted = inner.split(",").map((s) => s.trim())
  const unknown = wanted.find((w) => !names.includes(w))
  if (unknown !== undefined) {
    fail(
      format,
      35,
      `Unable to display this field "${unknown}". However, these are available: ${names.join(", ")}`
    )
  }
  return def.fields.filter((f: FieldDef) => wanted.includes(f.name) || f.name === "id")
}
