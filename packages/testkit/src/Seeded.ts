/**
 * Deterministic test data: a small seeded generator with helpers for realistic customer data
 * across NZ, AU, US, GB, DE and SA (names with their own letters, local addresses and postcodes,
 * mobile numbers that pass E.164 validation, e-mail addresses on the reserved `example.*`
 * domains). The same seed gives the same values, so emulators generate the same records every
 * run.
 *
 * @since 0.1.0
 */
import * as Prng from "./internal/prng.ts"
import * as SeedData from "./internal/seedData.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type Country = SeedData.Country

/**
 * The countries the helpers know.
 *
 * @since 0.1.0
 * @category models
 */
export const countries: ReadonlyArray<Country> = ["NZ", "AU", "US", "GB", "DE", "SA"]

/**
 * The currency (ISO 4217) of each of the {@link countries}, for the orders emulators generate.
 *
 * @since 0.1.0
 * @category constants
 */
export const currencies: Readonly<Record<Country, string>> = {
  NZ: "NZD",
  AU: "AUD",
  US: "USD",
  GB: "GBP",
  DE: "EUR",
  SA: "SAR"
}

/**
 * Fictional company names, for the customers emulators generate with a company.
 *
 * @since 0.1.0
 * @category constants
 */
export const companies: ReadonlyArray<string> = [
  "Harbour Traders Ltd",
  "Kiwi Cycles",
  "Northwind Supplies",
  "Blue Gum Studio",
  "Atlas GmbH"
]

/**
 * @since 0.1.0
 * @category models
 */
export interface Name {
  readonly first: string
  readonly last: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Address {
  readonly line1: string
  readonly city: string
  /** State, province or county (`NSW`, `Bayern`, `Greater London`). */
  readonly region: string
  readonly postcode: string
  /** ISO 3166-1 alpha-2. */
  readonly country: Country
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Person {
  readonly name: Name
  readonly email: string
  /** E.164 (`+64211234567`). */
  readonly phone: string
  readonly address: Address
}

/**
 * A seeded generator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Seeded {
  /** A number in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number
  /** One element of a non-empty array. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  /** A shuffled copy. */
  readonly shuffle: <A>(items: ReadonlyArray<A>) => ReadonlyArray<A>
  /** One of {@link countries}. */
  readonly country: () => Country
  readonly name: (country?: Country) => Name
  /** A lower-case address on an `example.*` domain, from the name when given. */
  readonly email: (name?: Name) => string
  /** A mobile number: E.164 (default) or the national form (`021 234 5678` style, digits only grouping). */
  readonly phone: (country: Country, format?: "e164" | "national") => string
  readonly address: (country: Country) => Address
  /** A date in `[from, to]` (ISO strings or Dates), to the second. */
  readonly date: (range: { readonly from: string | Date; readonly to: string | Date }) => Date
  /** Name, e-mail, phone and address for one person of a country (random when not given). */
  readonly person: (country?: Country) => Person
  /** A generator for a sub-sequence, independent of how many values this one has drawn. */
  readonly fork: (label: string) => Seeded
}

const fill = (template: string, int: (min: number, max: number) => number): string =>
  template.replace(/[#@]/g, (c) => (c === "#" ? String(int(0, 9)) : String.fromCharCode(65 + int(0, 25))))

const ascii = (s: string): string =>
  s
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "")

const national = (country: Country, nsn: string): string => {
  const d = SeedData.data[country]
  if (country === "US") return `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`
  const head = `${d.trunk}${nsn.slice(0, 2)}`
  if (country === "GB") return `${d.trunk}${nsn.slice(0, 4)} ${nsn.slice(4)}`
  if (country === "DE") return `${d.trunk}${nsn.slice(0, 3)} ${nsn.slice(3)}`
  if (country === "AU") return `${d.trunk}${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`
  return `${head} ${nsn.slice(2, 5)} ${nsn.slice(5)}`
}

/**
 * A generator for a seed (a number or a string).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (seed: number | string): Seeded => {
  const next = Prng.make(seed)
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`Seeded.int: expected integers with min <= max, got ${min} and ${max}`)
    }
    return min + Math.floor(next() * (max - min + 1))
  }
  const pick = <A>(items: ReadonlyArray<A>): A => {
    if (items.length === 0) throw new Error("Seeded.pick: the array is empty")
    return items[int(0, items.length - 1)] as A
  }
  const country = () => pick(countries)
  const name = (c: Country = country()): Name => ({
    first: pick(SeedData.data[c].first),
    last: pick(SeedData.data[c].last)
  })
  const email = (n: Name = name()): string =>
    `${ascii(n.first)}.${ascii(n.last)}${int(1, 999)}@${pick(SeedData.domains)}`
  const phone = (c: Country, format: "e164" | "national" = "e164"): string => {
    const d = SeedData.data[c]
    const nsn = fill(pick(d.mobiles), int)
    return format === "e164" ? `+${d.callingCode}${nsn}` : national(c, nsn)
  }
  const address = (c: Country): Address => {
    const d = SeedData.data[c]
    const city = pick(d.cities)
    const street = pick(d.streets)
    const n = int(1, 250)
    return {
      line1: d.streetFirst ? `${street} ${n}` : `${n} ${street}`,
      city: city.city,
      region: city.region,
      postcode: fill(city.postcode, int),
      country: c
    }
  }
  const date = (range: { readonly from: string | Date; readonly to: string | Date }): Date => {
    const from = new Date(range.from).getTime()
    const to = new Date(range.to).getTime()
    if (Number.isNaN(from) || Number.isNaN(to) || to < from) {
      throw new Error(`Seeded.date: expected valid dates with from <= to`)
    }
    const seconds = Math.floor((to - from) / 1000)
    return new Date(from + int(0, seconds) * 1000)
  }
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    shuffle: <A>(items: ReadonlyArray<A>) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        const t = out[i] as A
        out[i] = out[j] as A
        out[j] = t
      }
      return out
    },
    country,
    name,
    email,
    phone,
    address,
    date,
    person: (c = country()) => {
      const n = name(c)
      return { name: n, email: email(n), phone: phone(c), address: address(c) }
    },
    fork: (label) => make(`${String(seed)}/${label}`)
  }
}
