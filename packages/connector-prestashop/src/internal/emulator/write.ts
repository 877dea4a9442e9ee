/**
 * The emulator's writes as `WebserviceRequest::saveEntityFromXml` does them: the body must be
 * PrestaShop XML with one record; a POST must not carry an id, a PUT must; every field of the
 * resource is taken from the body, and a field the body leaves out is required (400, code 41)
 * or set empty; then the fields are validated in definition order, the first failure answered
 * `Validation error: "Property Customer->email is not valid"` (code 85; 84 for a multilingual
 * field). A customer's email already used by a registered customer answers 500 with codes 140
 * (141 on update) and 46, as `Customer::addWs` does.
 */
import * as Respond from "@mapwright/testkit/Respond"
import { Result } from "effect"
import * as Xml from "../../Xml.ts"
import { type FieldDef, isBool, isUnsignedId, type ResourceDef, type Row, type Translation } from "./model.ts"
import * as Render from "./render.ts"
import { hashPassword } from "./seed.ts"

export interface WriteContext {
  readonly format: Render.Format
  /** The status of a field validation error (PrestaShop answers 400; some set-ups 500). */
  readonly validationStatus: number
  readonly languages: ReadonlyArray<string>
  readonly now: () => string
}

const fail = (ctx: WriteContext, status: number, errors: ReadonlyArray<Render.PsError>): never =>
  Respond.fail(Render.errors(ctx.format, status, errors))

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The one record of a write body. */
export const bodyRecord = (
  ctx: WriteContext,
  def: ResourceDef,
  text: string
): Readonly<Record<string, unknown>> => {
  const doc = Xml.parse(text)
  if (Result.isFailure(doc)) {
    return fail(ctx, 500, [
      {
        code: 127,
        message: `XML error : ${doc.failure}\nXML length : ${text.length}\nOriginal XML : ${text.slice(0, 200)}`
      }
    ])
  }
  if (doc.success._tag !== "Record" || doc.success.element !== def.element) {
    return fail(ctx, 400, [{ code: 90, message: "id is required when modifying a resource" }])
  }
  return doc.success.record
}

const validation = (ctx: WriteContext, def: ResourceDef, field: FieldDef, what: string): never =>
  fail(ctx, ctx.validationStatus, [
    {
      code: field.multilingual === true ? 84 : 85,
      message: `Validation error: "Property ${def.className}->${field.name} ${what}"`
    }
  ])

const check = (ctx: WriteContext, def: ResourceDef, field: FieldDef, value: string) => {
  if (field.required === true && value.trim() === "") validation(ctx, def, field, "is empty")
  if (value === "") return
  if (field.size !== undefined && [...value].length > field.size) {
    validation(ctx, def, field, `is too long (${field.size} chars max)`)
  }
  if (field.validate !== undefined && !field.validate(value)) validation(ctx, def, field, "is not valid")
}

/**
 * The row a write makes: the body's fields over nothing (POST) or the current row (PUT, where
 * a field left out is emptied as PrestaShop does), validated.
 */
export const rowOf = (
  ctx: WriteContext,
  def: ResourceDef,
  body: Readonly<Record<string, unknown>>,
  current: Row | undefined
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const field of def.fields) {
    if (field.name === "id") continue
    const given = body[field.name]
    if (given === undefined) {
      if (field.required === true && field.shop !== true) {
        fail(ctx, 400, [{ code: 41, message: `parameter "${field.name}" required` }])
      }
      out[field.name] = field.multilingual === true ? [] : ""
      continue
    }
    if (field.multilingual === true) {
      const list: ReadonlyArray<Translation> = Array.isArray(given)
        ? given.filter(isObject).map((t) => ({ id: String(t.id), value: String(t.value) }))
        : [{ id: ctx.languages[0] ?? "1", value: String(given) }]
      const byId = new Map(list.map((t) => [t.id, t.value]))
      const previous = Array.isArray(current?.[field.name])
        ? (current?.[field.name] as ReadonlyArray<Translation>)
        : []
      out[field.name] = ctx.languages.map((id) => ({
        id,
        value: byId.get(id) ?? previous.find((t) => t.id === id)?.value ?? list[0]?.value ?? ""
      }))
      const first = (out[field.name] as ReadonlyArray<Translation>)[0]?.value ?? ""
      check(ctx, def, field, first)
      continue
    }
    out[field.name] = typeof given === "string" ? given : ""
  }
  for (const field of def.fields) {
    if (field.name === "id" || field.multilingual === true || field.shop === true) continue
    check(ctx, def, field, String(out[field.name]))
  }
  if (isObject(body.associations)) {
    const associations: Record<string, unknown> = {}
    for (const name of Object.keys(def.associations)) {
      const items = body.associations[name]
      if (Array.isArray(items)) {
        associations[name] = items
          .filter(isObject)
          .filter((i) => typeof i.id === "string" && /^\d+$/.test(i.id))
          .map((i) => ({ id: i.id }))
      }
    }
    for (const name of Object.keys(body.associations)) {
      if (def.associations[name] === undefined) {
        fail(ctx, 400, [{ code: 86, message: `The association "${name}" does not exists` }])
      }
    }
    out.associations = { ...(isObject(current?.associations) ? current.associations : {}), ...associations }
  } else if (current !== undefined && current.associations !== undefined) {
    out.associations = current.associations
  }
  return out
}

/** What PrestaShop's classes do on save: dates, keys, the password hash, default groups. */
export const saved = (
  ctx: WriteContext,
  def: ResourceDef,
  row: Record<string, unknown>,
  current: Row | undefined,
  seed: string
): Record<string, unknown> => {
  const now = ctx.now()
  const out: Record<string, unknown> = { ...row }
  if (def.fields.some((f) => f.name === "date_add")) {
    out.date_add = current === undefined ? now : current.date_add
    out.date_upd = now
  }
  // what MySQL stores for an empty flag or id: 0
  for (const field of def.fields) {
    if (out[field.name] === "" && (field.validate === isBool || field.validate === isUnsignedId))
      out[field.name] = "0"
  }
  if (def.name !== "customers") return out
  // setWsPasswd: a new value is hashed; the stored hash sent back stays
  const passwd = String(row.passwd ?? "")
  out.passwd = current !== undefined && passwd === current.passwd ? passwd : hashPassword(passwd)
  out.secure_key = current === undefined ? seed.padEnd(32, "0").slice(0, 32) : current.secure_key
  out.last_passwd_gen = current === undefined || out.passwd !== current.passwd ? now : current.last_passwd_gen
  out.reset_password_token = current?.reset_password_token ?? ""
  out.reset_password_validity = current?.reset_password_validity ?? "0000-00-00 00:00:00"
  for (const id of ["id_lang", "id_shop", "id_shop_group"]) if (out[id] === "0") out[id] = "1"
  if (out.max_payment_days === "") out.max_payment_days = "0"
  if (out.birthday === "") out.birthday = "0000-00-00"
  if (out.newsletter_date_add === "") out.newsletter_date_add = "0000-00-00 00:00:00"
  if (out.outstanding_allow_amount === "") out.outstanding_allow_amount = "0.000000"
  // Customer::add: a guest's default group is the Guest group
  if (out.id_default_group === "" || out.id_default_group === "0")
    out.id_default_group = out.is_guest === "1" ? "2" : "3"
  if (out.is_guest === "1" && out.id_default_group === "3") out.id_default_group = "2"
  const assoc = isObject(out.associations) ? out.associations : {}
  const groups = Array.isArray(assoc.groups) ? assoc.groups : []
  out.associations = { ...assoc, groups: groups.length > 0 ? groups : [{ id: out.id_default_group }] }
  return out
}
