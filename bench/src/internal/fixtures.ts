/**
 * The word lists and per-country facts the record generator draws from: names, streets,
 * cities with their regions and postcode shapes, and phone numbers in the national and
 * international formats people type into shop forms.
 *
 * @since 0.1.0
 */
import type { Prng } from "./prng.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Country {
  readonly iso2: string
  /** How a shop form might hold the country when it is not an ISO2 code. */
  readonly names: ReadonlyArray<string>
  readonly iso3: string
  readonly cities: ReadonlyArray<readonly [city: string, region: string]>
  readonly postcode: (prng: Prng) => string
  /** A phone number: national format, or international when `international`. */
  readonly phone: (prng: Prng, international: boolean) => string
}

const grouped = (parts: ReadonlyArray<string>) => parts.join(" ")

/**
 * @since 0.1.0
 * @category constants
 */
export const countries: ReadonlyArray<Country> = [
  {
    iso2: "NZ",
    iso3: "NZL",
    names: ["New Zealand"],
    cities: [
      ["Auckland", "Auckland"],
      ["Wellington", "Wellington"],
      ["Christchurch", "Canterbury"],
      ["Hamilton", "Waikato"],
      ["Dunedin", "Otago"],
      ["Tauranga", ""],
      ["Napier", "Hawke's Bay"]
    ],
    postcode: (p) => (p.chance(0.3) ? `0${p.digits(3)}` : `${p.int(9) + 1}${p.digits(3)}`),
    phone: (p, intl) => {
      if (p.chance(0.55)) {
        const pre = p.pick(["21", "22", "27"])
        const rest = `${p.int(9) + 1}${p.digits(6)}`
        return intl
          ? grouped(["+64", pre, rest.slice(0, 3), rest.slice(3)])
          : grouped([`0${pre}`, rest.slice(0, 3), rest.slice(3)])
      }
      const area = p.pick(["3", "4", "6", "7", "9"])
      const sub = `${p.pick(["2", "3", "5", "7"])}${p.digits(6)}`
      return intl
        ? grouped(["+64", area, sub.slice(0, 3), sub.slice(3)])
        : grouped([`0${area}`, sub.slice(0, 3), sub.slice(3)])
    }
  },
  {
    iso2: "AU",
    iso3: "AUS",
    names: ["Australia"],
    cities: [
      ["Sydney", "NSW"],
      ["Melbourne", "VIC"],
      ["Brisbane", "QLD"],
      ["Perth", "WA"],
      ["Adelaide", "SA"],
      ["Hobart", "TAS"],
      ["Canberra", "ACT"]
    ],
    postcode: (p) => `${p.pick(["2", "3", "4", "5", "6", "7"])}${p.digits(3)}`,
    phone: (p, intl) => {
      if (p.chance(0.6)) {
        const rest = `4${p.int(9) + 1}${p.digits(7)}`
        return intl
          ? grouped(["+61", rest.slice(0, 3), rest.slice(3, 6), rest.slice(6)])
          : grouped([`0${rest.slice(0, 3)}`, rest.slice(3, 6), rest.slice(6)])
      }
      const area = p.pick(["2", "3", "7", "8"])
      const sub = `9${p.digits(7)}`
      return intl
        ? grouped(["+61", area, sub.slice(0, 4), sub.slice(4)])
        : `(0${area}) ${sub.slice(0, 4)} ${sub.slice(4)}`
    }
  },
  {
    iso2: "US",
    iso3: "USA",
    names: ["United States", "United States of America"],
    cities: [
      ["New York", "NY"],
      ["San Francisco", "CA"],
      ["Seattle", "WA"],
      ["Chicago", "IL"],
      ["Boston", "MA"],
      ["Denver", "CO"],
      ["Austin", "TX"]
    ],
    postcode: (p) => p.digits(5).replace(/^0/, "1"),
    phone: (p, intl) => {
      const area = p.pick(["212", "415", "206", "312", "617", "303", "512"])
      const exchange = `${p.int(7) + 2}${p.int(8) + 2}${p.int(10)}`
      const line = p.digits(4)
      if (intl) return `+1 ${area}-${exchange}-${line}`
      return p.chance(0.5) ? `(${area}) ${exchange}-${line}` : `${area}.${exchange}.${line}`
    }
  },
  {
    iso2: "GB",
    iso3: "GBR",
    names: ["United Kingdom"],
    cities: [
      ["London", ""],
      ["Manchester", "Greater Manchester"],
      ["Edinburgh", "Scotland"],
      ["Bristol", ""],
      ["Leeds", "West Yorkshire"]
    ],
    postcode: (p) =>
      `${p.pick(["SW1A", "EC1A", "M1", "EH1", "BS1", "LS1", "W1D", "N1"])} ${p.int(9) + 1}${p.pick(["AA", "BB", "DX", "HQ", "NP"])}`,
    phone: (p, intl) => {
      if (p.chance(0.5)) {
        const sub = `${p.pick(["7", "8", "9"])}${p.digits(2)} ${p.digits(6)}`
        return intl ? `+44 7${sub}` : `07${sub}`
      }
      const sub = `${p.pick(["7", "8"])}${p.digits(3)} ${p.digits(4)}`
      return intl ? `+44 20 ${sub}` : `020 ${sub}`
    }
  },
  {
    iso2: "DE",
    iso3: "DEU",
    names: ["Germany"],
    cities: [
      ["Berlin", "Berlin"],
      ["Hamburg", "Hamburg"],
      ["München", "Bayern"],
      ["Köln", "Nordrhein-Westfalen"],
      ["Frankfurt am Main", "Hessen"]
    ],
    postcode: (p) => `${p.int(9) + 1}${p.digits(4)}`,
    phone: (p, intl) => {
      if (p.chance(0.5)) {
        const pre = p.pick(["151", "160", "170", "176"])
        const sub = `${p.int(9) + 1}${p.digits(7)}`
        return intl ? `+49 ${pre} ${sub}` : `0${pre} ${sub}`
      }
      const sub = `${p.int(8) + 2}${p.digits(7)}`
      return intl ? `+49 30 ${sub}` : `030 ${sub}`
    }
  }
]

/**
 * @since 0.1.0
 * @category constants
 */
export const firstNames: ReadonlyArray<string> = [
  "Peter",
  "Mary",
  "Aroha",
  "Wiremu",
  "Olivia",
  "Liam",
  "Charlotte",
  "Noah",
  "Amelia",
  "Jack",
  "Isla",
  "Oliver",
  "Mia",
  "William",
  "Sophie",
  "James",
  "Zoë",
  "José",
  "Søren",
  "Anaïs",
  "Mei",
  "Hiroshi",
  "Priya",
  "Arjun",
  "Fatima",
  "Omar",
  "Lukas",
  "Hannah",
  "Jürgen",
  "Grace",
  "Ethan",
  "Chloe",
  "Lucas",
  "Emily",
  "Tane",
  "Ngaio",
  "Siobhan",
  "Declan",
  "Anne-Marie",
  "Jean-Luc"
]

/**
 * @since 0.1.0
 * @category constants
 */
export const lastNames: ReadonlyArray<string> = [
  "Parker",
  "Smith",
  "Ngata",
  "Williams",
  "Brown",
  "Taylor",
  "Wilson",
  "Nguyen",
  "Müller",
  "Schmidt",
  "O'Brien",
  "MacDonald",
  "van der Berg",
  "Tūhoe",
  "Chen",
  "Wang",
  "Patel",
  "Singh",
  "Kowalski",
  "García",
  "Jones",
  "Davies",
  "Evans",
  "Thompson",
  "Walker",
  "White",
  "Harris",
  "Martin",
  "Jackson",
  "Clarke",
  "Fischer",
  "Weber",
  "Becker",
  "Hoffmann",
  "Rangi",
  "Te Whata",
  "Anderson",
  "Lee",
  "Kim",
  "Murphy"
]

/**
 * @since 0.1.0
 * @category constants
 */
export const streets: ReadonlyArray<string> = [
  "Queen Street",
  "High Street",
  "Main Road",
  "Victoria Avenue",
  "George Street",
  "Park Lane",
  "Station Road",
  "Church Street",
  "Elm Street",
  "Hauptstraße",
  "Bahnhofstraße",
  "Ponsonby Road",
  "Lambton Quay",
  "Collins Street",
  "Market Street",
  "Broadway"
]

/**
 * @since 0.1.0
 * @category constants
 */
export const companies: ReadonlyArray<string> = [
  "Acme Ltd",
  "Kiwi Outfitters",
  "Southern Cross Trading",
  "Blue Harbour Co",
  "Müller & Söhne GmbH",
  "Parker Industries",
  "Tasman Wholesale",
  "Northwind Traders",
  "Globex Pty Ltd",
  "Initech LLC"
]

/**
 * @since 0.1.0
 * @category constants
 */
export const emailDomains: ReadonlyArray<string> = [
  "gmail.com",
  "xtra.co.nz",
  "outlook.com",
  "bigpond.com.au",
  "yahoo.co.uk",
  "web.de",
  "gmx.de",
  "icloud.com",
  "example.co.nz",
  "hotmail.com"
]

/**
 * @since 0.1.0
 * @category constants
 */
export const groupCodes: ReadonlyArray<string> = [
  "retail",
  "wholesale",
  "vip",
  "dealer",
  "staff",
  "newsletter",
  "trade-nz",
  "trade-au"
]
