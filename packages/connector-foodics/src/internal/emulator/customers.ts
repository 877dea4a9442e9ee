/**
 * The emulator's `/customers` routes: list (the seed's filters, `include`, `sort`, `page` and
 * `per_page`, Laravel's `links` and `meta`), get, create, update, delete (soft) and restore,
 * each behind the scope the seed names.
 */
import type * as Emulator from "@mapwright/testkit/Emulator"
import * as Page from "@mapwright/testkit/Page"
import * as Respond from "@mapwright/testkit/Respond"
import * as Times from "../times.ts"
import * as Errors from "./errors.ts"
import { everything, type Includes, type Json, type Row, render, type Scopes } from "./model.ts"
import { validate } from "./validate.ts"

export interface Store {
  readonly rows: Map<string, Row>
  readonly nextId: () => string
  readonly nextSeq: () => number
  readonly now: () => number
  /** `links`: Laravel's envelope (`links`, `meta`); `data`: only `data`, as the seed's example. */
  readonly paging: "links" | "data"
  readonly scopesOf: (request: Emulator.Request) => Scopes
}

const allowedFilters = [
  "name",
  "email",
  "phone",
  "dial_code",
  "tags.id",
  "is_blacklisted",
  "is_house_account_enabled",
  "is_loyalty_enabled",
  "has_orders",
  "updated_after",
  "is_deleted"
]

const allowedIncludes = ["tags", "addresses", "addresses.delivery_zone"]
const allowedSorts = ["created_at", "updated_at"]

const guard = (request: Emulator.Request, store: Store, scope: string): void => {
  if (!store.scopesOf(request).has(scope)) Errors.fail(Errors.unauthorized())
}

const flag = (raw: string, name: string): boolean => {
  const v = raw.trim().toLowerCase()
  if (v === "1" || v === "true") return true
  if (v === "0" || v === "false") return false
  return Errors.fail(
    Errors.invalid({
      [`filter.${name}`]: [`The filter.${name.replace(/_/g, " ")} field must be true or false.`]
    })
  )
}

const timeFilter = (raw: string): number => {
  const text = raw.trim()
  const at =
    Times.parse(text) ??
    Times.parse(`${text} 00:00:00`) ??
    (text.includes("T") ? Date.parse(text) : Number.NaN)
  if (at === undefined || Number.isNaN(at)) {
    return Errors.fail(
      Errors.invalid({ "filter.updated_after": ["The filter.updated after is not a valid date."] })
    )
  }
  return at
}

const includesOf = (request: Emulator.Request): Includes => {
  const raw = request.query.include
  if (raw === undefined || raw.trim() === "") return { tags: false, addresses: false, deliveryZones: false }
  const asked = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => (s === "addresses.delivery_Zone" ? "addresses.delivery_zone" : s))
  const unknown = asked.filter((s) => !allowedIncludes.includes(s))
  if (unknown.length > 0) Errors.fail(Errors.notAllowed("include", unknown, allowedIncludes))
  const zones = asked.includes("addresses.delivery_zone")
  return {
    tags: asked.includes("tags"),
    addresses: zones || asked.includes("addresses"),
    deliveryZones: zones
  }
}

const contains = (value: string | null, wanted: string) =>
  value?.toLowerCase().includes(wanted.trim().toLowerCase()) === true

const filterRows = (rows: ReadonlyArray<Row>, request: Emulator.Request): ReadonlyArray<Row> => {
  const filter = request.queryGroup("filter")
  const unknown = Object.keys(filter).filter((k) => !allowedFilters.includes(k))
  if (unknown.length > 0) Errors.fail(Errors.notAllowed("filter", unknown, allowedFilters))
  const tests: Array<(r: Row) => boolean> = []
  for (const [name, raw] of Object.entries(filter)) {
    switch (name) {
      case "name":
        tests.push((r) => contains(r.name, raw))
        break
      case "email":
        tests.push((r) => contains(r.email, raw))
        break
      case "phone":
        tests.push((r) => contains(r.phone, raw))
        break
      case "dial_code":
        tests.push((r) => String(r.dial_code) === raw.trim().replace(/^\+/, ""))
        break
      case "tags.id":
        tests.push((r) => r.tags.includes(raw.trim()))
        break
      case "has_orders": {
        const want = flag(raw, name)
        tests.push((r) => r.order_count > 0 === want)
        break
      }
      case "updated_after": {
        const at = timeFilter(raw)
        tests.push((r) => r.updated > at)
        break
      }
      case "is_deleted":
        break
      default: {
        const want = flag(raw, name)
        const key = name as "is_blacklisted" | "is_house_account_enabled" | "is_loyalty_enabled"
        tests.push((r) => r[key] === want)
      }
    }
  }
  const deleted = filter.is_deleted === undefined ? false : flag(filter.is_deleted, "is_deleted")
  return rows.filter((r) => (r.deleted !== null) === deleted && tests.every((t) => t(r)))
}

const sortRows = (rows: ReadonlyArray<Row>, request: Emulator.Request): ReadonlyArray<Row> => {
  const raw = request.query.sort
  if (raw === undefined || raw.trim() === "") return [...rows].sort((a, b) => a.seq - b.seq)
  const desc = raw.trim().startsWith("-")
  const field = raw.trim().replace(/^-/, "")
  if (!allowedSorts.includes(field)) Errors.fail(Errors.notAllowed("sort", [raw.trim()], allowedSorts))
  const key = (r: Row) =>
    field === "created_at" ? Math.floor(r.created / 1000) : Math.floor(r.updated / 1000)
  return [...rows].sort((a, b) => (key(a) - key(b)) * (desc ? -1 : 1) || a.seq - b.seq)
}

const intOr = (raw: string | undefined, fallback: number): number =>
  raw !== undefined && /^\d{1,9}$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : fallback

export const list = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "customers.list")
  const includes = includesOf(request)
  const rows = sortRows(filterRows([...store.rows.values()], request), request)
  const perPage = Math.min(100, intOr(request.query.per_page, 50))
  const page = intOr(request.query.page, 1)
  const total = rows.length
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const start = (page - 1) * perPage
  const items = rows.slice(start, start + perPage)
  const data = items.map((r) => render(r, includes, store.scopesOf(request)))
  if (store.paging === "data") return Respond.json({ data })
  const at = (n: number) => Page.urlWith(request, { page: n })
  return Respond.json({
    data,
    links: {
      first: at(1),
      last: at(lastPage),
      prev: page > 1 ? at(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? at(page + 1) : null
    },
    meta: {
      current_page: page,
      from: items.length === 0 ? null : start + 1,
      last_page: lastPage,
      path: `${request.url.origin}${request.path}`,
      per_page: perPage,
      to: items.length === 0 ? null : start + items.length,
      total
    }
  })
}

const rowOf = (store: Store, id: string | undefined, live: boolean): Row => {
  const row = id === undefined ? undefined : store.rows.get(id)
  if (row === undefined || (live && row.deleted !== null)) return Errors.fail(Errors.notFound())
  return row
}

const answer = (store: Store, request: Emulator.Request, row: Row, includes: Includes = everything) =>
  Respond.json({ data: render(row, includes, store.scopesOf(request)) })

export const get = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "customers.get")
  const includes = includesOf(request)
  return answer(store, request, rowOf(store, request.params.id, false), includes)
}

const body = (request: Emulator.Request): unknown => {
  try {
    return JSON.parse(request.text)
  } catch {
    return Errors.fail(Errors.badJson())
  }
}

const validBody = (request: Emulator.Request, creating: boolean) => {
  const outcome = validate(body(request), creating)
  return outcome._tag === "Invalid" ? Errors.fail(Errors.invalid(outcome.errors)) : outcome.patch
}

export const create = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "customers.write")
  const patch = validBody(request, true)
  const now = store.now()
  const row: Row = {
    id: store.nextId(),
    seq: store.nextSeq(),
    name: patch.name ?? "",
    dial_code: patch.dial_code ?? 0,
    phone: patch.phone ?? "",
    email: patch.email ?? null,
    gender: patch.gender ?? null,
    birth_date: patch.birth_date ?? null,
    house_account_limit: patch.house_account_limit ?? null,
    house_account_balance: 0,
    loyalty_balance: 0,
    is_loyalty_enabled: patch.is_loyalty_enabled ?? false,
    is_blacklisted: patch.is_blacklisted ?? false,
    is_house_account_enabled: patch.is_house_account_enabled ?? false,
    tags: patch.tags ?? [],
    addresses: [],
    last_order_at: null,
    order_count: 0,
    created: now,
    updated: now,
    deleted: null
  }
  store.rows.set(row.id, row)
  return answer(store, request, row)
}

export const update = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "customers.write")
  const current = rowOf(store, request.params.id, true)
  const patch = validBody(request, false)
  const row: Row = { ...current, ...patch, updated: store.now() }
  store.rows.set(row.id, row)
  return answer(store, request, row)
}

export const remove = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "admin.write")
  const current = rowOf(store, request.params.id, true)
  const now = store.now()
  store.rows.set(current.id, { ...current, deleted: now, updated: now })
  return Respond.status(204)
}

export const restore = (store: Store) => (request: Emulator.Request) => {
  guard(request, store, "admin.restore")
  const current = rowOf(store, request.params.id, false)
  const row: Row = current.deleted === null ? current : { ...current, deleted: null, updated: store.now() }
  store.rows.set(row.id, row)
  return answer(store, request, row)
}

export type { Json }
