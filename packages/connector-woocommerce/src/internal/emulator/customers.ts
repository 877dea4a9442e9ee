/**
 * The emulator's `/customers` routes: list (role, email, search, include, exclude, orderby,
 * order, page, per_page), get, create, update, delete with `force=true`, and batch — with
 * WooCommerce's validation and its error bodies.
 */
import type { Collection, Emulator } from "@mapwright/testkit"
import { Page, Respond } from "@mapwright/testkit"
import * as Errors from "./errors.ts"
import {
  type Billing,
  type CustomerRow,
  emptyBilling,
  emptyShipping,
  type Json,
  type MetaData,
  renderCustomer,
  type Shipping
} from "./model.ts"

export interface Store {
  readonly customers: Collection.Collection<CustomerRow>
  readonly zone: string
  readonly now: () => number
  /** Ids for new meta data entries. */
  readonly nextMetaId: () => number
}

type Row = Collection.Stored<CustomerRow, "id">

const roles = [
  "all",
  "administrator",
  "editor",
  "author",
  "contributor",
  "subscriber",
  "customer",
  "shop_manager"
]

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** WordPress's `is_email`, roughly: one `@`, a dotted domain, no spaces. */
const isEmail = (s: string): boolean => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s)

const origin = (request: Emulator.Request) => request.url.origin

const fail = (e: Errors.WcError): never => Respond.fail(Errors.respond(e))

const paging = (): Page.NumberOptions => ({
  defaultSize: 10,
  maxSize: 100,
  totalHeader: "X-WP-Total",
  totalPagesHeader: "X-WP-TotalPages",
  link: ["prev", "next"],
  invalid: (message) => Errors.respond(Errors.invalidParam({ [message.split(" ")[0] ?? "page"]: message }))
})

const idList = (raw: string | undefined): ReadonlyArray<number> =>
  raw === undefined || raw === ""
    ? []
    : raw
        .split(",")
        .map((s) => Number(s.trim()))
        .filter(Number.isInteger)

const displayName = (row: CustomerRow) => `${row.first_name} ${row.last_name}`.trim() || row.username

const sortBy = (rows: ReadonlyArray<Row>, request: Emulator.Request): ReadonlyArray<Row> => {
  const orderby = request.query.orderby ?? "name"
  const order = request.query.order ?? "asc"
  if (!["id", "include", "name", "registered_date"].includes(orderby)) {
    fail(Errors.invalidParam({ orderby: "orderby is not one of id, include, name, and registered_date." }))
  }
  if (order !== "asc" && order !== "desc")
    fail(Errors.invalidParam({ order: "order is not one of asc and desc." }))
  const include = idList(request.query.include)
  const key = (r: Row): string | number =>
    orderby === "id"
      ? r.id
      : orderby === "registered_date"
        ? r.created
        : orderby === "include"
          ? include.indexOf(r.id)
          : displayName(r).toLowerCase()
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id
  })
  return order === "desc" ? sorted.reverse() : sorted
}

export const list = (store: Store) => (request: Emulator.Request) => {
  const role = request.query.role ?? "customer"
  if (!roles.includes(role)) fail(Errors.invalidParam({ role: `role is not one of ${roles.join(", ")}.` }))
  const email = request.query.email?.trim().toLowerCase()
  const search = request.query.search?.trim().toLowerCase()
  const include = idList(request.query.include)
  const exclude = new Set(idList(request.query.exclude))
  const rows = store.customers.find(
    (r) =>
      (role === "all" || r.role === role) &&
      (email === undefined || email === "" || r.email.toLowerCase() === email) &&
      (search === undefined ||
        search === "" ||
        [r.email, r.username, displayName(r)].some((f) => f.toLowerCase().includes(search))) &&
      (include.length === 0 || include.includes(r.id)) &&
      !exclude.has(r.id)
  )
  const offset = request.query.offset === undefined ? 0 : Number(request.query.offset)
  const sorted = sortBy(rows, request).slice(Number.isInteger(offset) && offset > 0 ? offset : 0)
  const page = Page.byNumber(sorted, request, paging())
  return Respond.json(
    page.items.map((r) => renderCustomer(r.id, r, origin(request), store.zone)),
    { headers: page.headers }
  )
}

const rowOf = (store: Store, raw: string | undefined): Row => {
  const row = raw !== undefined && /^\d+$/.test(raw) ? store.customers.get(raw) : undefined
  return row ?? fail(Errors.invalidId)
}

export const get = (store: Store) => (request: Emulator.Request) => {
  const row = rowOf(store, request.params.id)
  return Respond.json(renderCustomer(row.id, row, origin(request), store.zone))
}

const text = (value: unknown, name: string): string | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== "string") fail(Errors.invalidParam({ [name]: `${name} is not of type string.` }))
  return value as string
}

const address = <A extends Billing | Shipping>(value: unknown, name: string, base: A): A => {
  if (value === undefined) return base
  if (!isObject(value)) return fail(Errors.invalidParam({ [name]: `${name} is not of type object.` }))
  const out: Record<string, string> = { ...base }
  for (const key of Object.keys(base)) {
    const v = text(value[key], `${name}[${key}]`)
    if (v !== undefined) out[key] = v
  }
  return out as unknown as A
}

const metaData = (store: Store, value: unknown, base: ReadonlyArray<MetaData>): ReadonlyArray<MetaData> => {
  if (value === undefined) return base
  if (!Array.isArray(value))
    return fail(Errors.invalidParam({ meta_data: "meta_data is not of type array." }))
  const out = [...base]
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.key !== "string") {
      return fail(Errors.invalidParam({ meta_data: "meta_data[0][key] is not of type string." }))
    }
    const at = out.findIndex((m) => (typeof entry.id === "number" ? m.id === entry.id : m.key === entry.key))
    const meta = { id: at >= 0 ? out[at]!.id : store.nextMetaId(), key: entry.key, value: entry.value }
    if (at >= 0) out[at] = meta
    else out.push(meta)
  }
  return out
}

const uniqueUsername = (store: Store, email: string): string => {
  const base = email.slice(0, email.indexOf("@")).replace(/[^A-Za-z0-9._-]/g, "") || "customer"
  let name = base
  for (let n = 1; store.customers.find((r) => r.username === name).length > 0; n++) name = `${base}${n}`
  return name
}

/**
 * A customer row from a create or update body, or the WooCommerce error that refuses it.
 * Read-only fields (`role`, dates, `is_paying_customer`, `avatar_url`, `_links`) are ignored,
 * like WordPress ignores them; the password is accepted and never answered.
 */
const fromBody = (store: Store, body: unknown, existing: Row | undefined): CustomerRow => {
  if (!isObject(body)) return fail(Errors.invalidJson)
  if (existing === undefined && body.id !== undefined) fail(Errors.customerExists)
  const email = text(body.email, "email")
  if (existing === undefined && (email === undefined || email.trim() === ""))
    fail(Errors.missingParam(["email"]))
  if (email !== undefined && !isEmail(email.trim())) fail(Errors.invalidEmail)
  if (
    email !== undefined &&
    store.customers.find((r) => r.email.toLowerCase() === email.trim().toLowerCase() && r.id !== existing?.id)
      .length > 0
  ) {
    fail(Errors.emailExists)
  }
  const username = text(body.username, "username")
  if (
    username !== undefined &&
    store.customers.find((r) => r.username === username && r.id !== existing?.id).length > 0
  ) {
    fail(Errors.usernameExists)
  }
  text(body.password, "password")
  const first = text(body.first_name, "first_name")
  const last = text(body.last_name, "last_name")
  const now = store.now()
  const finalEmail = email?.trim() ?? existing?.email ?? ""
  return {
    created: existing?.created ?? now,
    modified: now,
    email: finalEmail,
    first_name: first ?? existing?.first_name ?? "",
    last_name: last ?? existing?.last_name ?? "",
    role: existing?.role ?? "customer",
    username: username ?? existing?.username ?? uniqueUsername(store, finalEmail),
    billing: address(body.billing, "billing", existing?.billing ?? emptyBilling),
    shipping: address(body.shipping, "shipping", existing?.shipping ?? emptyShipping),
    is_paying_customer: existing?.is_paying_customer ?? false,
    meta_data: metaData(store, body.meta_data, existing?.meta_data ?? [])
  }
}

/** Runs `f`, turning a thrown WooCommerce answer into the item error of a batch. */
const attempt = <A>(f: () => A): A | { readonly error: Json } => {
  try {
    return f()
  } catch (e) {
    if (Respond.isFailure(e) && typeof e.response.body === "string") {
      const parsed = JSON.parse(e.response.body) as Json
      return { error: parsed }
    }
    throw e
  }
}

const createOne = (store: Store, body: unknown, request: Emulator.Request): Json => {
  const row = store.customers.insert(fromBody(store, body, undefined))
  return renderCustomer(row.id, row, origin(request), store.zone)
}

const updateOne = (store: Store, id: string | undefined, body: unknown, request: Emulator.Request): Json => {
  const existing = rowOf(store, id)
  const row = store.customers.replace(existing.id, fromBody(store, body, existing)) ?? fail(Errors.invalidId)
  return renderCustomer(row.id, row, origin(request), store.zone)
}

const deleteOne = (store: Store, id: string | undefined, request: Emulator.Request): Json => {
  const existing = rowOf(store, id)
  store.customers.delete(existing.id)
  return renderCustomer(existing.id, existing, origin(request), store.zone)
}

export const create = (store: Store) => (request: Emulator.Request) => {
  const created = createOne(store, request.json(), request)
  return Respond.json(created, {
    status: 201,
    headers: { location: `${origin(request)}/wp-json/wc/v3/customers/${created.id}` }
  })
}

export const update = (store: Store) => (request: Emulator.Request) =>
  Respond.json(updateOne(store, request.params.id, request.json(), request))

export const remove = (store: Store) => (request: Emulator.Request) => {
  const force = request.query.force
  if (force !== "true" && force !== "1") fail(Errors.trashNotSupported)
  return Respond.json(deleteOne(store, request.params.id, request))
}

const idText = (value: unknown): string | undefined =>
  typeof value === "number" || typeof value === "string" ? String(value) : undefined

export const batch = (store: Store) => (request: Emulator.Request) => {
  const body = request.json()
  if (!isObject(body)) fail(Errors.invalidJson)
  const b = body as Json
  const creates = Array.isArray(b.create) ? b.create : []
  const updates = Array.isArray(b.update) ? b.update : []
  const deletes = Array.isArray(b.delete) ? b.delete : []
  if (creates.length + updates.length + deletes.length > 100) fail(Errors.tooManyItems)
  const out: Record<string, ReadonlyArray<unknown>> = {}
  if (b.create !== undefined) {
    out.create = creates.map((item) => {
      const result = attempt(() => createOne(store, item, request))
      return "error" in result ? { id: 0, ...result } : result
    })
  }
  if (b.update !== undefined) {
    out.update = updates.map((item) => {
      const id = isObject(item) ? idText(item.id) : undefined
      const result = attempt(() => updateOne(store, id, item, request))
      return "error" in result ? { id: Number(id ?? 0) || 0, ...result } : result
    })
  }
  if (b.delete !== undefined) {
    out.delete = deletes.map((id) => {
      const result = attempt(() => deleteOne(store, idText(id), request))
      return "error" in result ? { id: Number(idText(id) ?? 0) || 0, ...result } : result
    })
  }
  return Respond.json(out)
}
