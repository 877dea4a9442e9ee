/**
 * The customers stream's operations: list (incremental on `date_upd`, each page's addresses
 * joined with one request), count, get, find, and writes (the customer, then its addresses).
 */
import { type Connector, ConnectorError, type RecordIssue } from "@mapwright/core"
import { Effect, Stream } from "effect"
import * as Address from "../Address.ts"
import { maxPageSize } from "../Config.ts"
import * as Customer from "../Customer.ts"
import * as Checkpoint from "./checkpoint.ts"
import * as Joins from "./joins.ts"
import * as Pages from "./pages.ts"
import { withUtc } from "./times.ts"
import type { Json } from "./wire.ts"
import * as Wire from "./wire.ts"
import * as Writes from "./writes.ts"

export interface Context {
  readonly wire: Wire.Wire
  readonly writer: Writes.Writer
  readonly tables: Joins.Tables
  readonly zone: string
  readonly pageSize: number
  readonly generatePasswords: boolean
  /** Keeps a customer to its documented fields. */
  readonly project: (record: unknown) => unknown
}

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const text = (u: unknown): string => (typeof u === "string" ? u : typeof u === "number" ? String(u) : "")

export const pageSizeOf = (context: { readonly pageSize: number }, asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked)
    ? context.pageSize
    : Math.min(maxPageSize, Math.max(1, asked))

export const isId = (id: string): boolean => /^[1-9]\d{0,15}$/.test(id)

/** The customers with their addresses joined and their UTC dates. */
const joined = (context: Context, customers: ReadonlyArray<Json>) =>
  Effect.map(
    Joins.addressesOf(
      context.wire,
      context.tables,
      customers.map((c) => text(c.id))
    ),
    (addresses) =>
      customers.map((c) =>
        context.project(withUtc({ ...c, addresses: addresses.get(text(c.id)) ?? [] }, context.zone))
      )
  )

export const list = (context: Context, options: Connector.ListOptions) =>
  Stream.suspend((): Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError> => {
    const from = Checkpoint.parse(options.since)
    if (from instanceof ConnectorError.ConnectorError) return Stream.fail(from)
    return Pages.byDateUpd(
      context.wire,
      "customers",
      { display: "full" },
      pageSizeOf(context, options.pageSize),
      from
    ).pipe(
      Stream.mapEffect((page) =>
        Effect.map(
          joined(
            context,
            page.map((p) => p.record)
          ),
          (records) =>
            records.map((record, i): Connector.ReadItem => ({ record, checkpoint: page[i]!.checkpoint }))
        )
      ),
      Stream.flattenIterable
    )
  })

/** How many ids a count reads per request. */
const countPage = 1000

export const countOf = (wire: Wire.Wire, resource: string) =>
  Stream.runCount(Pages.byId(wire, resource, { display: "[id]" }, countPage))

export const count = (context: Context) => countOf(context.wire, "customers")

export const get = (context: Context, id: string): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  isId(id)
    ? Effect.flatMap(Wire.one(context.wire, "customers", "customer", id), (found) =>
        found === undefined ? Effect.succeed(undefined) : Effect.map(joined(context, [found]), (r) => r[0])
      )
    : Effect.succeed(undefined)

const filterable = new Set(Customer.fields.filter((f) => f !== "passwd"))

const matches = (record: unknown, match: Readonly<Record<string, string>>): boolean =>
  isObject(record) &&
  Object.entries(match).every(([field, expected]) =>
    field === "email"
      ? text(record[field]).trim().toLowerCase() === expected.trim().toLowerCase()
      : text(record[field]) === expected
  )

/**
 * Customers whose fields equal `match`: by `id` (a get), else by `filter[field]=[value]` on
 * each field (PrestaShop compares without case, as MySQL does), kept when every field matches
 * (emails without case, the others exactly).
 */
export const find = (
  context: Context,
  match: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<unknown>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const entries = Object.entries(match)
    if (entries.length === 0) return []
    if (match.id !== undefined) {
      const found = yield* get(context, match.id)
      return found !== undefined && matches(found, match) ? [found] : []
    }
    const bad = entries.find(([field, value]) => !filterable.has(field) || !Wire.isFilterSafe(value.trim()))
    if (bad !== undefined) {
      return yield* new ConnectorError.ConnectorError({
        connector: Wire.connectorName,
        reason: "Unknown",
        message: filterable.has(bad[0])
          ? `cannot find customers by ${bad[0]}: the value holds a character the webservice's filter syntax reserves ([ ] | , %)`
          : `cannot find customers by ${JSON.stringify(bad[0])}: find takes id or a customer field (${[...filterable].slice(0, 6).join(", ")}, ...)`,
        retryable: false
      })
    }
    const query: Record<string, string> = { display: "full" }
    for (const [field, value] of entries) query[`filter[${field}]`] = `[${value.trim()}]`
    const found = yield* Pages.all(context.wire, "customers", query, context.pageSize)
    return (yield* joined(context, found)).filter((r) => matches(r, match))
  })

// ---------------------------------------------------------------------------------------------
// writes

const customerReadOnly = new Set([...Customer.readOnlyFields, ...Customer.joinedFields])
const addressWritable = new Set(
  Address.fields.filter((f) => !["id", "id_customer", "date_add", "date_upd"].includes(f))
)

interface Prepared {
  readonly customer: Json
  readonly addresses: ReadonlyArray<Json> | undefined
}

const prepare = (record: unknown): Prepared | ReadonlyArray<RecordIssue.RecordIssue> => {
  if (!isObject(record)) return [Writes.issue("", "NotAnObject", "a customer to write must be an object")]
  const customer: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record))
    if (!customerReadOnly.has(k) && v !== null && v !== undefined) customer[k] = v
  const addresses = record.addresses
  if (addresses === undefined || addresses === null) return { customer, addresses: undefined }
  if (!Array.isArray(addresses))
    return [Writes.issue("addresses", "NotAnArray", "addresses must be a list of addresses")]
  const bad = addresses.findIndex((a) => !isObject(a))
  if (bad >= 0) return [Writes.issue(`addresses.${bad}`, "NotAnObject", "an address must be an object")]
  return { customer, addresses: addresses as ReadonlyArray<Json> }
}

/** An address as it is sent: its writable fields, `id_country` resolved from the ISO code. */
const addressBody = (
  address: Json,
  countries: Joins.CountryTable,
  at: string
): Json | RecordIssue.RecordIssue => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(address))
    if (addressWritable.has(k) && v !== null && v !== undefined) out[k] = v
  const iso = text(address.country_iso_code).trim().toUpperCase()
  if (text(out.id_country) === "" && iso !== "") {
    const id = countries.id.get(iso)
    if (id === undefined) {
      return Writes.issue(
        `${at}.country_iso_code`,
        "InvalidCountry",
        `the shop has no country ${JSON.stringify(iso)}`
      )
    }
    out.id_country = id
  }
  return out
}

const aliasOf = (address: Json): string => text(address.alias).trim().toLowerCase()

/**
 * Writes the addresses of customer `id`: an address with an `id` updates that address; one
 * without updates the customer's address of the same alias, else is created. The customer's
 * other addresses are left as they are. Returns whether anything changed and the issues.
 */
const writeAddresses = (
  context: Context,
  id: string,
  addresses: ReadonlyArray<Json>,
  existing: ReadonlyArray<Json>
) =>
  Effect.gen(function* () {
    const countries = yield* context.tables.countries
    const issues: Array<RecordIssue.RecordIssue> = []
    const used = new Set<string>()
    let changed = false
    for (let i = 0; i < addresses.length; i++) {
      const at = `addresses.${i}`
      const body = addressBody(addresses[i]!, countries, at)
      if ("severity" in body) {
        issues.push(body as RecordIssue.RecordIssue)
        continue
      }
      const given = text(addresses[i]!.id)
      const target =
        given !== ""
          ? existing.find((a) => text(a.id) === given)
          : existing.find(
              (a) => !used.has(text(a.id)) && aliasOf(a) !== "" && aliasOf(a) === aliasOf(body as Json)
            )
      if (given !== "" && target === undefined) {
        issues.push(Writes.issue(`${at}.id`, "NotFound", `customer ${id} has no address ${given}`))
        continue
      }
      if (target === undefined) {
        const outcome = yield* Writes.create(
          context.writer,
          "addresses",
          { ...(body as Json), id_customer: id },
          `${at}.`
        )
        if (outcome._tag === "Refused") issues.push(...outcome.issues)
        else changed = true
        continue
      }
      used.add(text(target.id))
      const merged: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(target)) if (!Address.joinedFields.includes(k)) merged[k] = v
      Object.assign(merged, body, { id_customer: id })
      if (Object.keys(body as Json).every((k) => Writes.same(target[k], (body as Json)[k]))) continue
      const outcome = yield* Writes.replace(context.writer, "addresses", text(target.id), merged, `${at}.`)
      if (outcome._tag === "Refused") issues.push(...outcome.issues)
      else changed = true
    }
    return { changed, issues }
  })

const existingAddresses = (context: Context, id: string) =>
  Effect.map(Joins.addressesOf(context.wire, context.tables, [id]), (byCustomer) => byCustomer.get(id) ?? [])

const withCreated = (id: string, issues: ReadonlyArray<RecordIssue.RecordIssue>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues: issues.map((i) => ({
    ...i,
    message: `${i.message} (the customer itself was written: id ${id}; its other addresses were written too)`
  }))
})

const createOne = (
  context: Context,
  record: unknown
): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const prepared = prepare(record)
    if (Array.isArray(prepared)) return { _tag: "Rejected", issues: prepared }
    const { customer, addresses } = prepared as Prepared
    const body =
      context.generatePasswords && text(customer.passwd) === ""
        ? { ...customer, passwd: Writes.randomPassword() }
        : customer
    const outcome = yield* Writes.create(context.writer, "customers", body)
    if (outcome._tag === "Refused") return { _tag: "Rejected", issues: outcome.issues }
    const id = text(outcome.record.id)
    if (!isId(id)) {
      return yield* Wire.invalidResponse("POST /customers: the answer carries no customer id")
    }
    if (addresses === undefined || addresses.length === 0) return { _tag: "Created", id }
    const written = yield* writeAddresses(context, id, addresses, [])
    return written.issues.length > 0 ? withCreated(id, written.issues) : { _tag: "Created", id }
  })

const updateOne = (
  context: Context,
  item: Connector.UpdateItem
): Effect.Effect<Connector.WriteResult, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    if (!isId(item.id)) {
      return {
        _tag: "Rejected",
        issues: [
          Writes.issue("id", "NotFound", `${JSON.stringify(item.id.slice(0, 40))} is not a customer id`)
        ]
      }
    }
    const prepared = prepare(item.record)
    if (Array.isArray(prepared)) return { _tag: "Rejected", issues: prepared }
    const { customer, addresses } = prepared as Prepared
    const current = yield* Writes.current(context.writer, "customers", item.id)
    if (current === undefined) {
      return {
        _tag: "Rejected",
        issues: [Writes.issue("id", "NotFound", `PrestaShop has no customer ${item.id}`)]
      }
    }
    let changed = false
    const differs = Object.entries(customer).some(([k, v]) => k !== "id" && !Writes.same(current[k], v))
    if (differs) {
      const outcome = yield* Writes.replace(context.writer, "customers", item.id, { ...current, ...customer })
      if (outcome._tag === "Refused") return { _tag: "Rejected", issues: outcome.issues }
      changed = true
    }
    if (addresses !== undefined && addresses.length > 0) {
      const written = yield* writeAddresses(
        context,
        item.id,
        addresses,
        yield* existingAddresses(context, item.id)
      )
      if (written.issues.length > 0) return withCreated(item.id, written.issues)
      changed = changed || written.changed
    }
    return changed ? { _tag: "Updated", id: item.id } : { _tag: "Unchanged", id: item.id }
  })

export const create = (context: Context, records: ReadonlyArray<unknown>) =>
  Effect.forEach(records, (record) => createOne(context, record))

export const update = (context: Context, items: ReadonlyArray<Connector.UpdateItem>) =>
  Effect.forEach(items, (item) => updateOne(context, item))

export const remove = (context: Context, ids: ReadonlyArray<string>) =>
  Effect.forEach(ids, (id) =>
    isId(id)
      ? Effect.map(
          Writes.remove(context.writer, "customers", id),
          (outcome): Connector.WriteResult =>
            outcome._tag === "Done" ? { _tag: "Deleted", id } : { _tag: "Rejected", issues: outcome.issues }
        )
      : Effect.succeed<Connector.WriteResult>({
          _tag: "Rejected",
          issues: [Writes.issue("id", "NotFound", `${JSON.stringify(id.slice(0, 40))} is not a customer id`)]
        })
  )
