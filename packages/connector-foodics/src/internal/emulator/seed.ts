/**
 * The emulator's seeded data: customers of the six countries the test kit knows (Saudi Arabia
 * first among them for Foodics), with one name field (some of three words), the phone split
 * into `dial_code` and the national number, tags, delivery addresses with delivery zones, house
 * accounts and loyalty balances; some soft-deleted ones on request; and the records the
 * contract suite asks to break. Each customer is updated an hour after the one before, so the
 * list sorted by `updated_at` is the seeded order. The same options give the same data.
 */
import { createHash } from "node:crypto"
import * as Seeded from "@mapwright/testkit/Seeded"
import { split } from "../../Phone.ts"
import type { AddressRow, Row } from "./model.ts"

export interface SeedOptions {
  readonly seed: number | string
  /** Live customers. */
  readonly customers: number
  /** Soft-deleted customers, after the live ones. */
  readonly deleted: number
  /** Indexes (in list order) of the live customers to break. */
  readonly malformed: ReadonlyArray<number>
}

/** A Foodics-style id: a UUID made from the seed and a counter. */
export const idFor = (seed: number | string, n: number): string => {
  const h = createHash("sha1")
    .update(`foodics:${String(seed)}:${n}`)
    .digest("hex")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The tags the seeded customers carry (the seed's examples first). */
export const tagIds: ReadonlyArray<string> = ["fhhsd8r5", "8d06aaa0", "8d0a1b2c", "8d0c3d4e", "8d0e5f60"]

/** The delivery zones of the seeded addresses (the seed's example first). */
export const zoneIds: ReadonlyArray<string> = ["8d86ac81", "8d86b0f2", "8d86b3a4"]

const day = 86_400_000
const pad = (n: number) => String(n).padStart(2, "0")
const dateOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const money = (n: number) => Math.round(n * 100) / 100

const labels = ["Home", "Work", "Other"]

const coordinates: Readonly<Record<Seeded.Country, readonly [number, number]>> = {
  SA: [24.7136, 46.6753],
  NZ: [-36.8485, 174.7633],
  AU: [-33.8688, 151.2093],
  US: [40.7128, -74.006],
  GB: [51.5072, -0.1276],
  DE: [52.52, 13.405]
}

const addressesOf = (
  s: Seeded.Seeded,
  country: Seeded.Country,
  n: number,
  next: () => string
): Array<AddressRow> =>
  Array.from({ length: n }, (_, k) => {
    const address = s.address(country)
    const [lat, lng] = coordinates[country]
    return {
      id: next(),
      name: labels[k % labels.length] ?? "Other",
      description: `${address.line1}, ${address.city}`,
      latitude: (lat + s.int(-500, 500) / 10_000).toFixed(4),
      longitude: (lng + s.int(-500, 500) / 10_000).toFixed(4),
      delivery_zone: s.chance(0.8) ? s.pick(zoneIds) : null
    }
  })

export const generate = (options: SeedOptions, nextId: () => string): Array<Row> => {
  const s = Seeded.make(options.seed).fork("customers")
  const malformed = new Set(options.malformed)
  const emails = new Set<string>()
  const base = Date.parse("2024-01-01T00:00:00Z")
  const out: Array<Row> = []
  const total = options.customers + options.deleted
  for (let i = 0; i < total; i++) {
    const country = i % 3 === 0 ? "SA" : s.country()
    const person = s.person(country)
    const phone = split(person.phone) ?? { dialCode: 966, nationalNumber: `5${String(10_000_000 + i)}` }
    const middle = i % 7 === 3 ? ` ${s.name(country).first}` : ""
    let email: string | null = null
    if (s.chance(0.85)) {
      email = person.email
      for (let k = 2; emails.has(email); k++) email = person.email.replace("@", `.${k}@`)
      emails.add(email)
    }
    const created = s.date({ from: "2019-01-01T00:00:00Z", to: "2023-12-31T00:00:00Z" }).getTime()
    const updated = base + i * 3_600_000 + s.int(0, 3_599) * 1000
    const houseAccount = s.chance(0.3)
    const limit = houseAccount ? s.pick([500, 1000, 2000]) : null
    const loyalty = s.chance(0.5)
    const orders = s.chance(0.8) ? s.int(1, 40) : 0
    const tags = s.shuffle(tagIds).slice(0, s.int(0, 2))
    out.push({
      id: nextId(),
      seq: i + 1,
      name: `${person.name.first}${middle} ${person.name.last}`,
      dial_code: phone.dialCode,
      phone: phone.nationalNumber,
      email,
      gender: s.pick([1, 2, 1, 2, null]),
      birth_date: s.chance(0.6)
        ? dateOf(s.date({ from: "1950-01-01T00:00:00Z", to: "2005-12-31T00:00:00Z" }))
        : null,
      house_account_limit: limit,
      house_account_balance: limit === null ? 0 : money(s.int(0, limit * 100) / 100),
      loyalty_balance: loyalty ? money(s.int(0, 30_000) / 100) : 0,
      is_loyalty_enabled: loyalty,
      is_blacklisted: i % 13 === 5,
      is_house_account_enabled: houseAccount,
      tags,
      addresses: addressesOf(s, country, s.int(0, 2), nextId),
      last_order_at: orders === 0 ? null : created + s.int(1, 900) * day,
      order_count: orders,
      created,
      updated,
      deleted: i >= options.customers ? updated : null,
      ...(malformed.has(i) ? { broken: { dial_code: `+${phone.dialCode}` } } : {})
    })
  }
  return out
}
