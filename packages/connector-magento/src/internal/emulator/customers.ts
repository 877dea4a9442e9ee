/**
 * The emulator's `/V1/customers` routes: search, get, create (`POST /V1/customers` with
 * `{customer, password?}`), update (`PUT /V1/customers/{id}` with `{customer}`: the fields
 * sent replace, the others stay; `addresses`, when sent, replace the address book, keeping
 * the ids of entries sent with theirs) and delete — with Magento's validation and error bodies.
 */
import type { Collection, Emulator } from "@mapwright/testkit"
import { Respond } from "@mapwright/testkit"
import { snakeKeys } from "../json.ts"
import * as Criteria from "./criteria.ts"
import * as Errors from "./errors.ts"
import {
  type CustomerRow,
  customerSearch,
  type GroupRow,
  type Json,
  renderCustomer,
  type StoredCustomer
} from "./model.ts"

export interface Store {
  readonly customers: Collection.Collection<CustomerRow, "id">
  readonly groups: Collection.Collection<GroupRow, "id">
  /** The ids of the gender attribute's options. */
  readonly genders: ReadonlySet<number>
  readonly zone: string
  readonly now: () => number
  readonly nextAddressId: () => number
  readonly streetLines: number
  readonly maxPageSize: number
}

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const isEmail = (s: string): boolean => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s)

const customerKeys = new Set([
  "id",
  "group_id",
  "default_billing",
  "default_shipping",
  "confirmation",
  "created_at",
  "updated_at",
  "created_in",
  "dob",
  "email",
  "firstname",
  "lastname",
  "middlename",
  "prefix",
  "suffix",
  "gender",
  "store_id",
  "taxvat",
  "website_id",
  "addresses",
  "disable_auto_group_change",
  "extension_attributes",
  "custom_attributes"
])

const addressKeys = new Set([
  "id",
  "customer_id",
  "region",
  "region_id",
  "country_id",
  "street",
  "company",
  "telephone",
  "fax",
  "postcode",
  "city",
  "firstname",
  "lastname",
  "middlename",
  "prefix",
  "suffix",
  "vat_id",
  "default_shipping",
  "default_billing",
  "extension_attributes",
  "custom_attributes"
])

/** Fields Magento sets itself: ignored on input. */
const ignored = new Set([
  "id",
  "created_at",
  "updated_at",
  "default_billing",
  "default_shipping",
  "confirmation",
  "addresses"
])

const filled = (u: unknown): boolean =>
  typeof u === "string" ? u.trim() !== "" : u !== undefined && u !== null

const rowOf = (store: Store, raw: string | undefined): StoredCustomer =>
  (raw !== undefined && /^\d+$/.test(raw) ? store.customers.get(raw) : undefined) ??
  Errors.fail(Errors.noSuchEntity("customerId", raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : raw))

const address = (store: Store, input: unknown, existing: ReadonlyArray<Json>): Json => {
  if (!isObject(input)) return Errors.fail(Errors.decodingError("an address must be an object"))
  for (const key of Object.keys(input)) {
    if (!addressKeys.has(key))
      Errors.fail(Errors.noAccessor(key, "Magento\\Customer\\Api\\Data\\AddressInterface"))
  }
  const street = Array.isArray(input.street)
    ? input.street.filter((l) => typeof l === "string" && l.trim() !== "")
    : []
  const missing = ["firstname", "lastname", "street", "city", "country_id", "telephone", "postcode"].filter(
    (f) => (f === "street" ? street.length === 0 : !filled(input[f]))
  )
  if (missing.length > 0) Errors.fail(Errors.requiredAll(missing))
  if (street.length > store.streetLines) Errors.fail(Errors.tooManyStreetLines(store.streetLines))
  if (typeof input.country_id !== "string" || !/^[A-Z]{2}$/.test(input.country_id)) {
    Errors.fail(Errors.invalidValue("countryId", input.country_id))
  }
  const kept = typeof input.id === "number" && existing.some((a) => a.id === input.id)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(input)) if (k !== "customer_id" && v !== null) out[k] = v
  out.id = kept ? input.id : store.nextAddressId()
  out.street = street
  return out
}

/** One default of each kind: the last entry flagged wins. */
const oneDefault = (list: ReadonlyArray<Json>): ReadonlyArray<Json> => {
  const last = (flag: string) => list.map((a) => a[flag] === true).lastIndexOf(true)
  const billing = last("default_billing")
  const shipping = last("default_shipping")
  return list.map((a, i) => ({ ...a, default_billing: i === billing, default_shipping: i === shipping }))
}

const checkPassword = (password: unknown): void => {
  if (password === undefined || password === null) return
  if (typeof password !== "string" || password.length < 8) Errors.fail(Errors.passwordTooShort)
  const p = password as string
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(p)).length
  if (classes < 3) Errors.fail(Errors.passwordClasses)
}

/**
 * The row a create or update body makes, or Magento's error that refuses it.
 */
const fromBody = (store: Store, body: unknown, existing: StoredCustomer | undefined): CustomerRow => {
  if (!isObject(body) || !isObject(body.customer)) return Errors.fail(Errors.required("customer"))
  const input = snakeKeys(body.customer) as Json
  for (const key of Object.keys(input)) {
    if (!customerKeys.has(key))
      Errors.fail(Errors.noAccessor(key, "Magento\\Customer\\Api\\Data\\CustomerInterface"))
  }
  const data: Record<string, unknown> = { ...(existing?.data ?? {}) }
  for (const [k, v] of Object.entries(input)) {
    if (ignored.has(k)) continue
    if (v === null) delete data[k]
    else if (k === "extension_attributes" && isObject(v))
      data[k] = { ...(isObject(data[k]) ? data[k] : {}), ...v }
    else data[k] = v
  }
  const missing = ["email", "firstname", "lastname"].filter((f) => !filled(data[f]))
  if (missing.length > 0) Errors.fail(Errors.requiredAll(missing))
  const email = String(data.email).trim()
  if (!isEmail(email)) Errors.fail(Errors.invalidEmail)
  if (
    store.customers.find(
      (r) => String(r.data.email).toLowerCase() === email.toLowerCase() && r.id !== existing?.id
    ).length > 0
  ) {
    Errors.fail(Errors.emailExists)
  }
  data.email = email
  data.group_id ??= 1
  if (typeof data.group_id !== "number" || store.groups.get(data.group_id) === undefined) {
    Errors.fail(Errors.noSuchEntity("groupId", data.group_id))
  }
  if (data.gender !== undefined && data.gender !== 0) {
    if (typeof data.gender !== "number" || !store.genders.has(data.gender)) {
      Errors.fail(Errors.invalidValue("gender", data.gender))
    }
  }
  if (data.dob !== undefined) {
    const dob = typeof data.dob === "string" ? data.dob.slice(0, 10) : ""
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(`${dob}T00:00:00Z`))) {
      Errors.fail(Errors.invalidValue("dob", data.dob))
    }
    data.dob = dob
  }
  if (existing === undefined) checkPassword(body.password)
  data.created_in ??= "Default Store View"
  data.store_id ??= 1
  data.website_id ??= 1
  const current = existing?.addresses ?? []
  const addresses =
    input.addresses === undefined
      ? current
      : Array.isArray(input.addresses)
        ? oneDefault(input.addresses.map((a) => address(store, a, current)))
        : Errors.fail(Errors.invalidValue("addresses", input.addresses))
  const now = store.now()
  return { created: existing?.created ?? now, updated: now, data, addresses }
}

export const search = (store: Store) => (request: Emulator.Request) => {
  if (!Criteria.present(request)) return Errors.respond(Errors.required("searchCriteria"))
  const criteria = Criteria.parse(request, store.maxPageSize)
  const result = Criteria.apply(store.customers.list(), criteria, customerSearch(store.zone))
  return Respond.json({
    items: result.items.map((r) => renderCustomer(r, store.zone)),
    search_criteria: result.echo,
    total_count: result.totalCount
  })
}

export const get = (store: Store) => (request: Emulator.Request) =>
  Respond.json(renderCustomer(rowOf(store, request.params.id), store.zone))

export const create = (store: Store) => (request: Emulator.Request) => {
  const row = store.customers.insert(fromBody(store, request.json(), undefined))
  return Respond.json(renderCustomer(row, store.zone))
}

export const update = (store: Store) => (request: Emulator.Request) => {
  const existing = rowOf(store, request.params.id)
  const row = store.customers.replace(existing.id, fromBody(store, request.json(), existing))
  return Respond.json(renderCustomer(row ?? existing, store.zone))
}

export const remove = (store: Store) => (request: Emulator.Request) => {
  const existing = rowOf(store, request.params.id)
  store.customers.delete(existing.id)
  return Respond.json(true)
}
