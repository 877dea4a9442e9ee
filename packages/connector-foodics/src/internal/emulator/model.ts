/**
 * The emulator's rows and how they are rendered as Foodics answers: the customer object of the
 * seed, in its key order, with its quirks (`is_loyalty_enabled` as `1`/`0` where the other
 * flags are booleans), the includable relations only when included, and the house account
 * and loyalty fields only for a token with their read scopes.
 */
import * as Times from "../times.ts"

export type Json = Record<string, unknown>

export interface AddressRow {
  readonly id: string
  readonly name: string | null
  readonly description: string | null
  readonly latitude: string | null
  readonly longitude: string | null
  readonly delivery_zone: string | null
}

/** A customer as the emulator keeps it; times are epoch milliseconds. */
export interface Row {
  readonly id: string
  /** Insertion order: the order of records with the same `updated_at`. */
  readonly seq: number
  readonly name: string
  readonly dial_code: number
  readonly phone: string
  readonly email: string | null
  readonly gender: number | null
  readonly birth_date: string | null
  readonly house_account_limit: number | null
  readonly house_account_balance: number | null
  readonly loyalty_balance: number | null
  readonly is_loyalty_enabled: boolean
  readonly is_blacklisted: boolean
  readonly is_house_account_enabled: boolean
  readonly tags: ReadonlyArray<string>
  readonly addresses: ReadonlyArray<AddressRow>
  readonly last_order_at: number | null
  readonly order_count: number
  readonly created: number
  readonly updated: number
  readonly deleted: number | null
  /** Fields replaced in every answer, to break the record schema (the contract suite's malformed record). */
  readonly broken?: Json
}

/** What a token may see and do (the seed's scopes). */
export interface Scopes {
  readonly has: (scope: string) => boolean
}

/** The relations an answer includes. */
export interface Includes {
  readonly tags: boolean
  readonly addresses: boolean
  readonly deliveryZones: boolean
}

export const everything: Includes = { tags: true, addresses: true, deliveryZones: true }

const time = (at: number | null): string | null => (at === null ? null : Times.format(at))

const renderAddress = (a: AddressRow, includes: Includes): Json => ({
  id: a.id,
  name: a.name,
  description: a.description,
  latitude: a.latitude,
  longitude: a.longitude,
  ...(includes.deliveryZones
    ? { delivery_zone: a.delivery_zone === null ? null : { id: a.delivery_zone } }
    : {})
})

/** A customer as the API answers it. */
export const render = (row: Row, includes: Includes, scopes: Scopes): Json => {
  const accounts = scopes.has("customers.accounts.read")
  const loyalty = scopes.has("customers.loyalty.read")
  return {
    ...(accounts ? { house_account_balance: row.house_account_balance } : {}),
    ...(loyalty ? { loyalty_balance: row.loyalty_balance } : {}),
    ...(includes.tags ? { tags: row.tags.map((id) => ({ id })) } : {}),
    id: row.id,
    name: row.name,
    dial_code: row.dial_code,
    phone: row.phone,
    email: row.email,
    gender: row.gender,
    birth_date: row.birth_date,
    is_blacklisted: row.is_blacklisted,
    is_house_account_enabled: row.is_house_account_enabled,
    ...(accounts ? { house_account_limit: row.house_account_limit } : {}),
    is_loyalty_enabled: row.is_loyalty_enabled ? 1 : 0,
    created_at: Times.format(row.created),
    updated_at: Times.format(row.updated),
    deleted_at: time(row.deleted),
    last_order_at: time(row.last_order_at),
    order_count: row.order_count,
    ...(includes.addresses ? { addresses: row.addresses.map((a) => renderAddress(a, includes)) } : {}),
    ...row.broken
  }
}
