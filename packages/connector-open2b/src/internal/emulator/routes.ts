/**
 * The emulator's methods: `commerce.customers.find`, `get`, `count`, `create`, `update`,
 * `delete` and `authenticate`, each taking a JSON request and answering `{"status": "ok", ...}`
 * or an application error, as the seed documents them.
 */
import * as Respond from "@mapwright/testkit/Respond"
import * as Errors from "./errors.ts"
import * as Hash from "./hash.ts"
import { customerFields, fullName, type Json, type Row, render } from "./model.ts"
import { isObject, type Store, toRow } from "./validate.ts"

export interface Context extends Store {
  /** The largest `limit` a find takes. */
  readonly maxLimit: number
}

const ok = (body: Json): Respond.Response => Respond.json({ status: "ok", ...body })

const onlyKnown = (request: Json, known: ReadonlyArray<string>, prefix = ""): void => {
  for (const key of Object.keys(request)) if (!known.includes(key)) Errors.unknownField(`${prefix}${key}`)
}

const int = (path: string, value: unknown, min: number): number => {
  if (typeof value !== "number" || !Number.isInteger(value))
    return Errors.malformed(path, `${path} must be an integer`)
  if (value < min) return Errors.invalid(path, `${path} must be at least ${min}`)
  return value
}

const str = (path: string, value: unknown, min: number, max: number): string => {
  if (typeof value !== "string") return Errors.malformed(path, `${path} must be a string`)
  if (value.length < min || value.length > max) {
    return Errors.invalid(path, `${path} must have between ${min} and ${max} characters`)
  }
  return value
}

const ints = (path: string, value: unknown, min: number, max: number): ReadonlyArray<number> => {
  if (!Array.isArray(value)) return Errors.malformed(path, `${path} must be an array`)
  return value.map((v, i) => {
    const n = int(`${path}.${i}`, v, min)
    return n > max ? Errors.invalid(`${path}.${i}`, `${path}.${i} must be at most ${max}`) : n
  })
}

/** The seed's find (and count) conditions, as a predicate over rows. */
const conditions = (value: unknown): ((row: Row) => boolean) => {
  if (value === undefined || value === null) return () => true
  if (!isObject(value)) return Errors.malformed("conditions", "conditions must be an object")
  onlyKnown(
    value,
    [
      "ids",
      "code",
      "canLogin",
      "group",
      "email",
      "personalCode",
      "companyCode",
      "keywords",
      "country",
      "stateProv",
      "labels",
      "after"
    ],
    "conditions."
  )
  const tests: Array<(row: Row) => boolean> = []
  const c = value
  if (c.ids !== undefined) {
    const ids = new Set(ints("conditions.ids", c.ids, 1, Number.MAX_SAFE_INTEGER))
    tests.push((r) => ids.has(r.id))
  }
  if (c.code !== undefined) {
    const code = str("conditions.code", c.code, 0, 32)
    tests.push((r) => r.code === code)
  }
  if (c.canLogin !== undefined) {
    if (typeof c.canLogin !== "boolean")
      Errors.malformed("conditions.canLogin", "conditions.canLogin must be a boolean")
    tests.push((r) => r.canLogin === c.canLogin)
  }
  if (c.group !== undefined) {
    const group = int("conditions.group", c.group, 1)
    tests.push((r) => r.group === group)
  }
  if (c.email !== undefined) {
    const email = str("conditions.email", c.email, 3, 120).toLowerCase()
    tests.push((r) => r.billing.email.toLowerCase() === email)
  }
  if (c.personalCode !== undefined) {
    const code = str("conditions.personalCode", c.personalCode, 1, 20)
    tests.push((r) => r.billing.personalCode === code)
  }
  if (c.companyCode !== undefined) {
    const code = str("conditions.companyCode", c.companyCode, 1, 20)
    tests.push((r) => r.billing.companyCode === code)
  }
  if (c.keywords !== undefined) {
    const words = str("conditions.keywords", c.keywords, 1, 120).toLowerCase()
    tests.push((r) =>
      [r.code, fullName(r.billing), r.billing.personalCode, r.billing.companyCode, r.billing.email].some(
        (f) => f.toLowerCase().includes(words)
      )
    )
  }
  if (c.country !== undefined) {
    const country = str("conditions.country", c.country, 2, 2)
    tests.push((r) => r.billing.country === country)
  }
  if (c.stateProv !== undefined) {
    const state = str("conditions.stateProv", c.stateProv, 1, 3)
    tests.push((r) => r.billing.stateProv === state)
  }
  if (c.labels !== undefined) {
    const labels = ints("conditions.labels", c.labels, 1, 32)
    tests.push((r) => r.labels.some((l) => labels.includes(l)))
  }
  if (c.after !== undefined) {
    const after = int("conditions.after", c.after, 0)
    tests.push((r) => r.id > after)
  }
  return (row) => tests.every((t) => t(row))
}

/** The fields asked for; without `fields`, Open2b answers the id alone. */
const fieldsOf = (value: unknown): ReadonlyArray<string> => {
  if (value === undefined || value === null) return ["id"]
  if (!Array.isArray(value)) return Errors.malformed("fields", "fields must be an array of field names")
  for (const f of value) {
    if (typeof f !== "string" || !customerFields.includes(f)) {
      Errors.invalid("fields", `Field '${typeof f === "string" ? f : JSON.stringify(f)}' does not exist`)
    }
  }
  return value as ReadonlyArray<string>
}

const orderKeys: Readonly<Record<string, (r: Row) => string | number | boolean>> = {
  id: (r) => r.id,
  code: (r) => r.code,
  email: (r) => r.billing.email.toLowerCase(),
  canLogin: (r) => r.canLogin,
  hasPassword: (r) => r.password !== null,
  fullName: (r) => fullName(r.billing).toLowerCase(),
  country: (r) => r.billing.country,
  creationTime: (r) => r.created,
  updateTime: (r) => r.updated,
  group: (r) => r.group
}

const sorted = (rows: ReadonlyArray<Row>, value: unknown): ReadonlyArray<Row> => {
  const order = value === undefined || value === null ? ["id"] : value
  if (!Array.isArray(order)) return Errors.malformed("order", "order must be an array")
  const keys = order.map((o) => {
    const name = typeof o === "string" ? o.replace(/^-/, "") : ""
    const key = orderKeys[name]
    if (key === undefined) return Errors.invalid("order", `Cannot order by '${String(o)}'`)
    return { key, sign: typeof o === "string" && o.startsWith("-") ? -1 : 1 }
  })
  return [...rows].sort((a, b) => {
    for (const { key, sign } of keys) {
      const ka = key(a)
      const kb = key(b)
      if (ka < kb) return -sign
      if (ka > kb) return sign
    }
    return a.id - b.id
  })
}

export const find = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["conditions", "fields", "order", "limit", "first"])
  const matches = conditions(request.conditions)
  const fields = fieldsOf(request.fields)
  const limit = request.limit === undefined ? context.maxLimit : int("limit", request.limit, 1)
  if (limit > context.maxLimit) Errors.invalid("limit", `limit must be at most ${context.maxLimit}`)
  const first = request.first === undefined ? 0 : int("first", request.first, 0)
  const rows = sorted(context.customers.find(matches), request.order).slice(first, first + limit)
  return ok({ customers: rows.map((r) => render(r, fields, context.zone)) })
}

export const count = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["conditions"])
  return ok({ count: context.customers.find(conditions(request.conditions)).length })
}

const idOf = (value: unknown, path = "id"): number =>
  value === undefined || value === null ? Errors.missing(path) : int(path, value, 1)

export const get = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["id", "fields"])
  const id = idOf(request.id)
  const fields = fieldsOf(request.fields)
  const row = context.customers.get(id)
  return ok({ customer: row === undefined ? null : render(row, fields, context.zone) })
}

export const create = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["customer"])
  const row = context.customers.insert(toRow(context, request.customer, undefined))
  return ok({ id: row.id })
}

export const update = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["id", "customer"])
  const id = idOf(request.id)
  const existing = context.customers.get(id)
  if (existing === undefined) {
    return Errors.fail({ field: "id", type: "NotFound", description: `Customer '${id}' does not exist` })
  }
  context.customers.replace(id, toRow(context, request.customer, existing))
  return ok({})
}

export const remove = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["ids"])
  if (request.ids === undefined || request.ids === null) return Errors.missing("ids")
  for (const id of ints("ids", request.ids, 1, Number.MAX_SAFE_INTEGER)) context.customers.delete(id)
  return ok({})
}

/**
 * `customers.authenticate`: the customer with this email and password, `null` when there is
 * none; on success its `loginTime` becomes now and the answer carries the previous one. With
 * `fields: []` the customer is `{}`.
 */
export const authenticate = (context: Context, request: Json): Respond.Response => {
  onlyKnown(request, ["email", "password", "fields"])
  if (request.email === undefined || request.email === null) return Errors.missing("email")
  if (request.password === undefined || request.password === null) return Errors.missing("password")
  const email = str("email", request.email, 3, 120).toLowerCase()
  const password = str("password", request.password, 4, 16)
  const fields = request.fields === undefined ? customerFields : fieldsOf(request.fields)
  const row = context.customers
    .find((r) => r.password !== null && r.billing.email.toLowerCase() === email)
    .find((r) => r.password !== null && Hash.verify(password, r.password))
  if (row === undefined) return ok({ customer: null })
  context.customers.update(row.id, { login: Math.floor(context.now() / 1000) * 1000 })
  return ok({ customer: render(row, fields, context.zone) })
}

export const methods: Readonly<Record<string, (context: Context, request: Json) => Respond.Response>> = {
  "commerce.customers.find": find,
  "commerce.customers.get": get,
  "commerce.customers.count": count,
  "commerce.customers.create": create,
  "commerce.customers.update": update,
  "commerce.customers.delete": remove,
  "commerce.customers.authenticate": authenticate
}
