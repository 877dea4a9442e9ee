/**
 * What the connector joins to the records it reads, so that each maps on its own: a
 * customer's addresses (one request per page of customers, `filter[id_customer]=[1|2|...]`),
 * an address's country ISO code, an order's customer, addresses, currency and state. The small
 * tables (countries, currencies, order states) are read once per client and kept; a failed
 * read is not kept, so the next one tries again.
 */
import type { ConnectorError } from "@mapwright/core"
import { Effect } from "effect"
import * as Normalize from "./normalize.ts"
import * as Pages from "./pages.ts"
import type { Json, Wire } from "./wire.ts"
import { anyOf } from "./wire.ts"

/** How many ids one filter lists (the URL stays well under 8 KB). */
export const idsPerRequest = 500

export interface Tables {
  readonly countries: Effect.Effect<CountryTable, ConnectorError.ConnectorError>
  readonly currencies: Effect.Effect<ReadonlyMap<string, string>, ConnectorError.ConnectorError>
  readonly orderStates: Effect.Effect<ReadonlyMap<string, string>, ConnectorError.ConnectorError>
}

export interface CountryTable {
  /** id → ISO code. */
  readonly iso: ReadonlyMap<string, string>
  /** upper-case ISO code → id. */
  readonly id: ReadonlyMap<string, string>
}

/** An effect that runs once and keeps its success (a failure is tried again next time). */
const memo = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> => {
  let kept: { readonly value: A } | undefined
  return Effect.suspend(() =>
    kept !== undefined
      ? Effect.succeed(kept.value)
      : Effect.tap(effect, (value) => Effect.sync(() => (kept = { value })))
  )
}

const text = (u: unknown): string => (typeof u === "string" ? u : "")

export const tables = (wire: Wire): Tables => ({
  countries: memo(
    Effect.map(Pages.all(wire, "countries", { display: "[id,iso_code]" }), (rows) => {
      const iso = new Map<string, string>()
      const id = new Map<string, string>()
      for (const row of rows) {
        const code = text(row.iso_code).trim().toUpperCase()
        if (code === "") continue
        iso.set(text(row.id), code)
        if (!id.has(code)) id.set(code, text(row.id))
      }
      return { iso, id }
    })
  ),
  currencies: memo(
    Effect.map(Pages.all(wire, "currencies", { display: "[id,iso_code]" }), (rows) => {
      const out = new Map<string, string>()
      for (const row of rows) out.set(text(row.id), text(row.iso_code).trim().toUpperCase())
      return out
    })
  ),
  orderStates: memo(
    Effect.map(Pages.all(wire, "order_states", { display: "[id,name]" }), (rows) => {
      const out = new Map<string, string>()
      for (const row of rows) out.set(text(row.id), Normalize.firstTranslation(row.name))
      return out
    })
  )
})

/** The address with `country_iso_code` from its `id_country` (left out for an unknown id). */
export const withCountry = (address: Json, countries: CountryTable): Json => {
  const { country_iso_code: _, ...rest } = address
  const iso = countries.iso.get(text(address.id_country))
  return iso === undefined ? rest : { ...rest, country_iso_code: iso }
}

const chunks = <A>(items: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const distinct = (ids: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...new Set(ids.filter((id) => /^[1-9]\d*$/.test(id)))
]

/** The records of `resource` whose `field` is one of `ids`, by id (several requests when many). */
export const byField = (
  wire: Wire,
  resource: string,
  field: string,
  ids: ReadonlyArray<string>,
  query: Readonly<Record<string, string>> = {}
): Effect.Effect<ReadonlyArray<Json>, ConnectorError.ConnectorError> =>
  Effect.map(
    Effect.forEach(chunks(distinct(ids), idsPerRequest), (chunk) =>
      Pages.all(wire, resource, { display: "full", ...query, [`filter[${field}]`]: anyOf(chunk) })
    ),
    (pages) => pages.flat()
  )

/** The (not deleted) addresses of the given customers, by customer id, each list by id. */
export const addressesOf = (
  wire: Wire,
  tables: Tables,
  customerIds: ReadonlyArray<string>
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<Json>>, ConnectorError.ConnectorError> =>
  distinct(customerIds).length === 0
    ? Effect.succeed(new Map())
    : Effect.gen(function* () {
        const rows = yield* byField(wire, "addresses", "id_customer", customerIds, {
          "filter[deleted]": "[0]"
        })
        const countries = yield* tables.countries
        const out = new Map<string, Array<Json>>()
        for (const row of [...rows].sort((a, b) => Number(a.id) - Number(b.id))) {
          const owner = text(row.id_customer)
          const list = out.get(owner) ?? []
          list.push(withCountry(row, countries))
          out.set(owner, list)
        }
        return out
      })
