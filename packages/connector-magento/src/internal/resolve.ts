/**
 * What a customer's ids mean, and back. On read, the connector adds `resolved`: the default
 * billing and shipping addresses (the address-book entries named by `default_billing` /
 * `default_shipping`), the label of the `gender` option (from the gender attribute's
 * metadata) and the code of the group `group_id`. On write, `resolved` is folded back: each
 * default address marks (or adds) its entry in `addresses`, the gender label becomes this
 * installation's option id, the group code the group's id.
 *
 * The lookups (gender options, groups) are asked for once per client, when a record needs
 * them. Offline (`mapwright decode` / `encode`) the standard install's tables stand in.
 */
import type { ConnectorError, Http, RecordIssue } from "@mapwright/core"
import { Effect, Semaphore, Stream } from "effect"
import { readOnlyFields } from "../Customer.ts"
import { standardGenderOptions } from "../CustomerAttribute.ts"
import { standardGroups } from "../CustomerGroup.ts"
import { isObject, type Json, nonEmpty, omit } from "./json.ts"
import { readAll } from "./search.ts"

export interface GenderOption {
  readonly value: string
  readonly label: string
}

export interface Group {
  readonly id: number
  readonly code: string
}

export interface Lookups {
  readonly genderOptions: Effect.Effect<ReadonlyArray<GenderOption>, ConnectorError.ConnectorError>
  readonly groups: Effect.Effect<ReadonlyArray<Group>, ConnectorError.ConnectorError>
  /** The id of the group with this code (any case), creating it when allowed; `undefined` when there is none. */
  readonly groupId: (code: string) => Effect.Effect<number | undefined, ConnectorError.ConnectorError>
}

/** The tax class new groups get: 3, Retail Customer, in a standard install. */
export const retailCustomerTaxClass = 3

const sameCode = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The lookups of a standard install, with no I/O. */
export const offline: Lookups = {
  genderOptions: Effect.succeed(standardGenderOptions),
  groups: Effect.succeed(standardGroups),
  groupId: (code) => Effect.succeed(standardGroups.find((g) => sameCode(g.code, code))?.id)
}

const optionsOf = (body: unknown): ReadonlyArray<GenderOption> => {
  const options = isObject(body) && Array.isArray(body.options) ? body.options : []
  return options.flatMap((o) =>
    isObject(o) && typeof o.label === "string" && (typeof o.value === "string" || typeof o.value === "number")
      ? [{ value: String(o.value), label: o.label }]
      : []
  )
}

const groupsOf = (items: ReadonlyArray<unknown>): ReadonlyArray<Group> =>
  items.flatMap((g) =>
    isObject(g) && typeof g.id === "number" && typeof g.code === "string" ? [{ id: g.id, code: g.code }] : []
  )

/** Lookups that ask the API, each at most once per client (groups again after one is created). */
export const make = (
  http: Http.Http,
  options: { readonly createMissingGroups: boolean }
): Effect.Effect<Lookups> =>
  Effect.gen(function* () {
    // kept once known; a failed lookup is asked again by the next record that needs it
    const genderLock = yield* Semaphore.make(1)
    let genders: ReadonlyArray<GenderOption> | undefined
    const genderOptions = genderLock.withPermits(1)(
      Effect.suspend(() =>
        genders !== undefined
          ? Effect.succeed(genders)
          : http.json("GET", "attributeMetadata/customer/attribute/gender").pipe(
              Effect.map((r) => optionsOf(r.body)),
              Effect.catchIf(
                (e) => e.reason === "NotFound",
                () => Effect.succeed([])
              ),
              Effect.tap((loaded) =>
                Effect.sync(() => {
                  genders = loaded
                })
              )
            )
      )
    )
    const lock = yield* Semaphore.make(1)
    let groups: ReadonlyArray<Group> | undefined
    const loadGroups = Effect.suspend(() =>
      groups !== undefined
        ? Effect.succeed(groups)
        : Stream.runCollect(
            readAll(
              http,
              "customerGroups/search",
              { sortOrders: [{ field: "id", direction: "ASC" }] },
              300,
              (g) => (isObject(g) ? g.id : undefined)
            )
          ).pipe(
            Effect.map((paged) => groupsOf(paged.map((p) => p.item))),
            Effect.tap((loaded) =>
              Effect.sync(() => {
                groups = loaded
              })
            )
          )
    )
    const create = (code: string) =>
      http
        .json("POST", "customerGroups", {
          body: { group: { code: code.trim(), tax_class_id: retailCustomerTaxClass } }
        })
        .pipe(
          Effect.map((r) => (isObject(r.body) && typeof r.body.id === "number" ? r.body.id : undefined)),
          Effect.tap(() =>
            Effect.sync(() => {
              groups = undefined
            })
          )
        )
    const lookups: Lookups = {
      genderOptions,
      groups: lock.withPermits(1)(loadGroups),
      groupId: (code) =>
        lock.withPermits(1)(
          Effect.gen(function* () {
            const found = (yield* loadGroups).find((g) => sameCode(g.code, code))
            if (found !== undefined) return found.id
            return options.createMissingGroups ? yield* create(code) : undefined
          })
        )
    }
    return lookups
  })

// ---------------------------------------------------------------------------------------------
// read

const addressesOf = (record: Json): ReadonlyArray<Json> =>
  Array.isArray(record.addresses) ? record.addresses.filter(isObject) : []

/** The default address of a kind: the entry whose id is `default_<kind>`, else the one flagged so. */
export const defaultAddress = (record: Json, kind: "billing" | "shipping"): Json | null => {
  const addresses = addressesOf(record)
  const named = record[`default_${kind}`]
  const id = typeof named === "string" && /^\d+$/.test(named) ? Number(named) : named
  const byId = typeof id === "number" ? addresses.find((a) => a.id === id) : undefined
  return byId ?? addresses.find((a) => a[`default_${kind}`] === true) ?? null
}

/** The `resolved` part of a customer, given the lookups' answers. */
export const resolvedOf = (
  record: Json,
  genderOptions: ReadonlyArray<GenderOption>,
  groups: ReadonlyArray<Group>
): Json => {
  const gender = record.gender
  const label =
    typeof gender === "number" && gender !== 0
      ? (genderOptions.find((o) => o.value === String(gender))?.label ?? null)
      : null
  const groupId = record.group_id
  const code = typeof groupId === "number" ? (groups.find((g) => g.id === groupId)?.code ?? null) : null
  return {
    billing_address: defaultAddress(record, "billing"),
    shipping_address: defaultAddress(record, "shipping"),
    gender_label: label,
    group_code: code
  }
}

/**
 * The customer with `resolved` added (replacing one it carried). Lookups are asked for only
 * when the record has a gender or a group; a value that is not an object is returned as is.
 */
export const read = (lookups: Lookups, raw: unknown): Effect.Effect<unknown, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    if (!isObject(raw)) return raw
    const genderOptions =
      typeof raw.gender === "number" && raw.gender !== 0 ? yield* lookups.genderOptions : []
    const groups = typeof raw.group_id === "number" ? yield* lookups.groups : []
    return { ...raw, resolved: resolvedOf(raw, genderOptions, groups) }
  })

// ---------------------------------------------------------------------------------------------
// write

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

const contentKeys = [
  "firstname",
  "lastname",
  "middlename",
  "prefix",
  "suffix",
  "company",
  "city",
  "postcode",
  "country_id",
  "telephone",
  "fax",
  "vat_id"
] as const

const norm = (u: unknown): string =>
  typeof u === "string" ? u.trim().toLowerCase() : u == null ? "" : String(u)

const regionText = (a: Json): string => {
  const region = isObject(a.region) ? a.region : {}
  return norm(region.region ?? region.region_code ?? "")
}

const streetText = (a: Json): string =>
  Array.isArray(a.street)
    ? a.street
        .map(norm)
        .filter((s) => s !== "")
        .join("\n")
    : ""

/** Whether two address entries are the same address: the same id, or the same content. */
export const sameAddress = (a: Json, b: Json): boolean => {
  if (typeof a.id === "number" && typeof b.id === "number") return a.id === b.id
  return (
    contentKeys.every((k) => norm(a[k]) === norm(b[k])) &&
    streetText(a) === streetText(b) &&
    regionText(a) === regionText(b)
  )
}

const addressFields = new Set(["customer_id", "default_billing", "default_shipping"])

/**
 * `addresses` with the default billing and shipping addresses of `resolved` marked: each
 * view marks the entry that is the same address (clearing the flag elsewhere), or is added
 * as a new entry. Without views, the entries' own flags stand.
 */
export const foldAddresses = (
  addresses: ReadonlyArray<Json>,
  billing: Json | undefined,
  shipping: Json | undefined
): ReadonlyArray<Json> => {
  let list: Array<Json> = addresses.map((a) => omit(a, new Set(["customer_id"])))
  for (const [kind, view] of [
    ["billing", billing],
    ["shipping", shipping]
  ] as const) {
    if (view === undefined) continue
    const flag = `default_${kind}`
    list = list.map((a) => (a[flag] === true ? { ...a, [flag]: false } : a))
    const at = list.findIndex((a) => sameAddress(a, view))
    if (at >= 0) list[at] = { ...list[at], [flag]: true }
    else list.push({ ...omit(view, addressFields), [flag]: true })
  }
  return list.map((a) => {
    // leave false flags out, as Magento writes them
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(a))
      if (!((k === "default_billing" || k === "default_shipping") && v === false)) out[k] = v
    return out
  })
}

/** A customer made ready for `POST /V1/customers` or `PUT /V1/customers/{id}`. */
export type Prepared =
  | { readonly _tag: "Send"; readonly customer: Json; readonly password: string | undefined }
  | { readonly _tag: "Refuse"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

/** Fields never sent in `customer`: Magento's read-only ones and the connector's own. */
const notSent = new Set(readOnlyFields)

/**
 * Folds `resolved` into the customer: addresses, gender id (by label, any case) and group id
 * (by code, any case). A label or code this installation does not have refuses the record
 * with an issue at `gender` / `group_id`; `strict: false` (offline `encode`) leaves it out
 * instead.
 */
export const prepare = (
  lookups: Lookups,
  record: unknown,
  strict = true
): Effect.Effect<Prepared, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    if (!isObject(record)) {
      return { _tag: "Refuse", issues: [issue("", "NotAnObject", "a customer to write must be an object")] }
    }
    const customer: Record<string, unknown> = omit(record, notSent)
    const resolved = isObject(record.resolved) ? record.resolved : {}
    const issues: Array<RecordIssue.RecordIssue> = []
    const label = nonEmpty(resolved.gender_label)
    if (label !== undefined) {
      const options = yield* lookups.genderOptions
      const option = options.find((o) => sameCode(o.label, label))
      if (option !== undefined && /^\d+$/.test(option.value)) customer.gender = Number(option.value)
      else if (strict) {
        issues.push(
          issue(
            "gender",
            "UnknownGender",
            `Magento has no gender option labelled "${label.slice(0, 40)}" (it has: ${options
              .map((o) => o.label.trim())
              .filter((l) => l !== "")
              .join(", ")})`
          )
        )
      }
    }
    const code = nonEmpty(resolved.group_code)
    if (code !== undefined) {
      const id = yield* lookups.groupId(code)
      if (id !== undefined) customer.group_id = id
      else if (strict) {
        issues.push(
          issue(
            "group_id",
            "UnknownGroup",
            `Magento has no customer group with the code "${code.slice(0, 40)}": create it first (the customerGroups stream), or set createMissingGroups`
          )
        )
      }
    }
    const billing = isObject(resolved.billing_address) ? resolved.billing_address : undefined
    const shipping = isObject(resolved.shipping_address) ? resolved.shipping_address : undefined
    if (billing !== undefined || shipping !== undefined || Array.isArray(record.addresses)) {
      customer.addresses = foldAddresses(addressesOf(record), billing, shipping)
    }
    if (issues.length > 0) return { _tag: "Refuse", issues }
    return {
      _tag: "Send",
      customer,
      password: typeof record.password === "string" && record.password !== "" ? record.password : undefined
    }
  })
