/**
 * The shared set of canonical customers every connector's round trip writes and reads back:
 * 36 customers, 28 registered and 8 guests, built deterministically from the hand-written
 * tables below (no randomness), with every canonical customer field filled with a valid value:
 * names with apostrophes, ampersands and non-ASCII letters, E.164 phones of several kinds in
 * eight countries (mobile and fixed-line numbers that libphonenumber accepts), billing,
 * shipping and a third address-book address, customer groups, tags, both marketing consents,
 * whole-number discounts, order counts and UTC instants with seconds.
 *
 * Two fields are left empty where a real customer would have nothing, which also gives the
 * per-field record counts of the `dropped` report something to tell apart: guests have never
 * logged in (`lastLoginAt` null), and only four registered customers are deleted (`deletedAt`).
 * {@link filledCounts} says, field by field, how many customers fill it.
 *
 * @since 0.1.0
 */
import type { Canonical, FieldSupport } from "@mapwright/core"

interface Person {
  readonly first: string
  readonly last: string
  readonly gender: "male" | "female" | "other"
  readonly birthDate: string
  readonly company: string
}

const people: ReadonlyArray<Person> = [
  { first: "Mere", last: "Ngata", gender: "female", birthDate: "1984-02-11", company: "Kauri Timber Ltd" },
  { first: "Tama", last: "Parata", gender: "male", birthDate: "1979-11-30", company: "Parata & Sons" },
  {
    first: "Aroha",
    last: "Te Rangi",
    gender: "female",
    birthDate: "1991-06-05",
    company: "Harbour Bakehouse"
  },
  { first: "Liam", last: "O'Brien", gender: "male", birthDate: "1988-03-17", company: "O'Brien Joinery" },
  {
    first: "Zoë",
    last: "Müller",
    gender: "female",
    birthDate: "1995-12-01",
    company: "Müller Feinkost GmbH"
  },
  { first: "Jürgen", last: "Schäfer", gender: "male", birthDate: "1970-08-22", company: "Schäfer Werkzeuge" },
  { first: "Amélie", last: "Dubois", gender: "female", birthDate: "1993-04-09", company: "Dubois Fleurs" },
  { first: "Sam", last: "Rivera", gender: "other", birthDate: "2000-01-31", company: "Rivera Design Co" },
  { first: "Noura", last: "Al-Harbi", gender: "female", birthDate: "1989-09-14", company: "Harbi Trading" },
  { first: "Faisal", last: "Al-Qahtani", gender: "male", birthDate: "1982-05-27", company: "Qahtani Foods" },
  { first: "Priya", last: "Nair", gender: "female", birthDate: "1990-10-19", company: "Nair Consulting" },
  { first: "Oliver", last: "Smith", gender: "male", birthDate: "1975-07-04", company: "Smith & Jones Ltd" },
  { first: "Charlotte", last: "Brown", gender: "female", birthDate: "1987-01-23", company: "Brown's Books" },
  { first: "Jack", last: "Wilson", gender: "male", birthDate: "1998-06-16", company: "Wilson Surf" },
  { first: "Isla", last: "Taylor", gender: "female", birthDate: "1983-03-03", company: "Taylor Made Ltd" },
  { first: "Noah", last: "Williams", gender: "male", birthDate: "1992-11-08", company: "Williams Cartage" },
  { first: "Ruby", last: "Martin", gender: "female", birthDate: "1986-02-28", company: "Martin Ceramics" },
  { first: "Alex", last: "Kim", gender: "other", birthDate: "1997-09-02", company: "Kim Studio" },
  { first: "Hemi", last: "Walker", gender: "male", birthDate: "1981-12-12", company: "Walker Farms" },
  { first: "Ana", last: "Tuilagi", gender: "female", birthDate: "1994-05-05", company: "Tuilagi Catering" },
  { first: "Ethan", last: "Clarke", gender: "male", birthDate: "1978-04-14", company: "Clarke Electrical" },
  { first: "Grace", last: "Lee", gender: "female", birthDate: "1999-08-30", company: "Lee & Co" },
  { first: "Mateo", last: "García", gender: "male", birthDate: "1985-10-10", company: "García Imports" },
  { first: "Chloé", last: "Lefèvre", gender: "female", birthDate: "1991-07-07", company: "Lefèvre Atelier" },
  { first: "Lukas", last: "Becker", gender: "male", birthDate: "1980-03-21", company: "Becker Bau" },
  { first: "Hannah", last: "Schmidt", gender: "female", birthDate: "1996-01-15", company: "Schmidt Optik" },
  { first: "Omar", last: "Haddad", gender: "male", birthDate: "1977-06-25", company: "Haddad Motors" },
  { first: "Layla", last: "Mansour", gender: "female", birthDate: "1993-02-02", company: "Mansour Perfumes" },
  { first: "Rangi", last: "Hohaia", gender: "male", birthDate: "1988-09-09", company: "Hohaia Fishing" },
  { first: "Kiri", last: "Tawhiri", gender: "female", birthDate: "1990-12-24", company: "Tawhiri Weaving" },
  { first: "Ben", last: "Carter", gender: "male", birthDate: "1983-05-18", company: "Carter Plumbing" },
  { first: "Emma", last: "Davis", gender: "female", birthDate: "1989-11-11", company: "Davis Dental" },
  { first: "Jordan", last: "Ellis", gender: "other", birthDate: "2001-04-04", company: "Ellis Media" },
  { first: "Sophie", last: "Fournier", gender: "female", birthDate: "1976-10-29", company: "Fournier Vins" },
  { first: "Max", last: "Weber", gender: "male", birthDate: "1994-08-08", company: "Weber Elektro" },
  { first: "Yasmin", last: "Saleh", gender: "female", birthDate: "1987-03-13", company: "Saleh Fabrics" }
]

interface Place {
  readonly country: string
  readonly city: string
  readonly region: string
  readonly postalCode: string
  readonly streets: readonly [string, string, string]
  /**
   * E.164 numbers: a mobile, a fixed line, another fixed line (night), a fax; `XX` is replaced
   * by two digits of the customer's number, so no two customers share a phone (Shopify, for
   * one, refuses a phone another customer has).
   */
  readonly phones: readonly [string, string, string, string]
}

const places: ReadonlyArray<Place> = [
  {
    country: "NZ",
    city: "Auckland",
    region: "Auckland",
    postalCode: "1010",
    streets: ["12 Queen Street", "88 Ponsonby Road", "5 Tamaki Drive"],
    phones: ["+642112345XX", "+64930212XX", "+64937643XX", "+64930256XX"]
  },
  {
    country: "AU",
    city: "Sydney",
    region: "NSW",
    postalCode: "2000",
    streets: ["1 George Street", "22 Pitt Street", "300 Oxford Street"],
    phones: ["+614123456XX", "+612923456XX", "+612987654XX", "+612912345XX"]
  },
  {
    country: "GB",
    city: "London",
    region: "Greater London",
    postalCode: "SW1A 1AA",
    streets: ["10 Downing Street", "221B Baker Street", "4 Privet Drive"],
    phones: ["+4474001234XX", "+4420794600XX", "+4420794601XX", "+4420794609XX"]
  },
  {
    country: "US",
    city: "Portland",
    region: "OR",
    postalCode: "97205",
    streets: ["1120 SW 5th Ave", "701 NW Everett St", "2 Pioneer Sq"],
    phones: ["+150355501XX", "+150355501XX", "+150355501XX", "+150355501XX"]
  },
  {
    country: "DE",
    city: "Berlin",
    region: "Berlin",
    postalCode: "10115",
    streets: ["Invalidenstraße 117", "Torstraße 9", "Karl-Marx-Allee 3"],
    phones: ["+49151234567XX", "+493012345XX", "+493076543XX", "+493012346XX"]
  },
  {
    country: "FR",
    city: "Lyon",
    region: "Auvergne-Rhône-Alpes",
    postalCode: "69002",
    streets: ["14 Rue de la République", "3 Quai Saint-Antoine", "27 Rue Mercière"],
    phones: ["+336123456XX", "+334721234XX", "+334726543XX", "+334720001XX"]
  },
  {
    country: "SA",
    city: "Riyadh",
    region: "Riyadh Province",
    postalCode: "12211",
    streets: ["King Fahd Road 4410", "Olaya Street 7421", "Tahlia Street 2210"],
    phones: ["+9665012345XX", "+9661123456XX", "+9661187654XX", "+9661145678XX"]
  },
  {
    country: "AE",
    city: "Dubai",
    region: "Dubai",
    postalCode: "00000",
    streets: ["Sheikh Zayed Road 1", "Al Wasl Road 45", "Jumeirah Beach Road 9"],
    phones: ["+9715012345XX", "+971434567XX", "+971431234XX", "+971430001XX"]
  }
]

/** The customer groups the set uses: code, display name, and the id a source system gave them. */
export const groups: ReadonlyArray<Canonical.CustomerGroupRef> = [
  { id: "1", code: "retail", name: "Retail" },
  { id: "2", code: "wholesale", name: "Wholesale" },
  { id: "3", code: "vip", name: "VIP" },
  { id: "4", code: "dealer", name: "Dealer" },
  { id: "5", code: "newsletter", name: "Newsletter" }
]

const tagPool: ReadonlyArray<string> = [
  "loyal",
  "b2b",
  "newsletter",
  "eco",
  "returns",
  "priority",
  "wholesale"
]

const pad = (n: number): string => String(n).padStart(3, "0")

/** An instant `days` days and `seconds` seconds after 2022-01-01T00:00:00Z, whole seconds, UTC. */
const instant = (days: number, seconds: number): string =>
  new Date(Date.UTC(2022, 0, 1) + days * 86_400_000 + seconds * 1000).toISOString().replace(".000Z", "Z")

const emailOf = (p: Person, i: number): string => {
  const local = `${p.first}.${p.last}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase()
  return `${local}.${pad(i + 1)}@example.com`
}

const address = (
  kind: "billing" | "shipping" | "other",
  id: string,
  isDefault: boolean,
  names: { readonly first: string; readonly last: string; readonly company: string },
  place: Place,
  street: string,
  phone: string,
  email: string,
  i: number
): Canonical.Address => ({
  id,
  kind,
  isDefault,
  firstName: names.first,
  lastName: names.last,
  company: names.company,
  line1: street,
  line2: `Unit ${(i % 9) + 1}`,
  line3: `Building ${String.fromCharCode(65 + (i % 5))}`,
  city: place.city,
  region: place.region,
  postalCode: place.postalCode,
  country: place.country,
  phone,
  email
})

/**
 * A place's number for customer `i`: `XX` becomes two digits unique to the customer (and, for
 * the US numbers of the fictional 555-01XX range, to the kind of number too).
 */
const phoneOf = (template: string, i: number, kind: number): string =>
  template.replace("XX", String(template.startsWith("+1") ? (i + kind * 25) % 100 : i).padStart(2, "0"))

const REGISTERED = 28

const customer = (p: Person, i: number): Canonical.Customer => {
  const isGuest = i >= REGISTERED
  const place = places[i % places.length]!
  const email = emailOf(p, i)
  const id = isGuest ? email : `c-${pad(i + 1)}`
  // every fifth customer has a billing name or company that differs from the customer's own
  const billingNames =
    i % 5 === 3
      ? { first: p.first, last: `${p.last}-Accounts`, company: `${p.company} (Accounts)` }
      : { first: p.first, last: p.last, company: p.company }
  const shippingNames = i % 4 === 1 ? { first: "Reception", last: p.last, company: p.company } : billingNames
  const mobile = phoneOf(place.phones[0], i, 0)
  const day = phoneOf(place.phones[1], i, 1)
  const night = phoneOf(place.phones[2], i, 2)
  const fax = phoneOf(place.phones[3], i, 3)
  const phones: ReadonlyArray<Canonical.Phone> =
    i % 3 === 0
      ? [
          { kind: "mobile", number: mobile },
          { kind: "day", number: day },
          { kind: "fax", number: fax }
        ]
      : i % 3 === 1
        ? [
            { kind: "primary", number: mobile },
            { kind: "night", number: night }
          ]
        : [
            { kind: "mobile", number: mobile },
            { kind: "day", number: day },
            { kind: "night", number: night },
            { kind: "other", number: fax }
          ]
  const created = 30 + i * 9
  const ordered = created + 40 + (i % 7) * 11
  return {
    id,
    email,
    firstName: p.first,
    lastName: p.last,
    company: p.company,
    phone: mobile,
    phones,
    gender: p.gender,
    birthDate: p.birthDate,
    isGuest,
    active: isGuest ? false : i % 9 !== 4,
    blocked: !isGuest && i % 11 === 6,
    canLogin: !isGuest && i % 9 !== 4,
    groups: isGuest
      ? [groups[0]!]
      : [groups[i % groups.length]!, ...(i % 3 === 0 ? [groups[(i + 2) % groups.length]!] : [])],
    tags: [tagPool[i % tagPool.length]!, tagPool[(i + 3) % tagPool.length]!],
    billing: address(
      "billing",
      `a-${pad(i + 1)}-1`,
      true,
      billingNames,
      place,
      place.streets[0],
      mobile,
      email,
      i
    ),
    shipping: address(
      "shipping",
      `a-${pad(i + 1)}-2`,
      true,
      shippingNames,
      place,
      place.streets[1],
      day,
      `shipping.${email}`,
      i
    ),
    addresses: [
      address("billing", `a-${pad(i + 1)}-1`, true, billingNames, place, place.streets[0], mobile, email, i),
      address(
        "shipping",
        `a-${pad(i + 1)}-2`,
        true,
        shippingNames,
        place,
        place.streets[1],
        day,
        `shipping.${email}`,
        i
      ),
      address("other", `a-${pad(i + 1)}-3`, false, billingNames, place, place.streets[2], night, email, i)
    ],
    marketing: { emailOptIn: i % 2 === 0, smsOptIn: i % 3 !== 2 },
    discountPercent: [0, 5, 10, 15, 20, 25, 50][i % 7]!,
    orderCount: 1 + ((i * 7) % 23),
    lastOrderAt: instant(ordered, 3600 * 9 + i * 61),
    createdAt: instant(created, 3600 * 8 + i * 37),
    updatedAt: instant(ordered + 2, 3600 * 10 + i * 53),
    lastLoginAt: isGuest ? null : instant(ordered + 5, 3600 * 20 + i * 29),
    deletedAt: !isGuest && i % 7 === 5 ? instant(ordered + 30, 3600 * 12 + i * 17) : null,
    extra: {},
    source: { system: "integration", id }
  }
}

/**
 * The shared set: 28 registered customers (ids `c-001` …) then 8 guests (keyed by their email),
 * every one with a distinct lower-case email.
 *
 * @since 0.1.0
 * @category data
 */
export const customers: ReadonlyArray<Canonical.Customer> = people.map(customer)

/**
 * How many customers of {@link customers} hold a value in each canonical field that a target
 * without the field loses (`FieldSupport.dropped`): all 36 but for `lastLoginAt` (the 28
 * registered), `deletedAt` (4 deleted), and the fields whose implied value loses nothing:
 * `isGuest` (true for the 8 guests), `active` (false for the 8 guests and 3 registered, i % 9 = 4),
 * `blocked` (true for 2, i % 11 = 6) and `marketing` (a consent given by 30: not the 6 with
 * i % 6 = 5).
 *
 * @since 0.1.0
 * @category data
 */
export const filledCounts: Readonly<Record<FieldSupport.CustomerField, number>> = {
  email: 36,
  firstName: 36,
  lastName: 36,
  company: 36,
  phone: 36,
  phones: 36,
  gender: 36,
  birthDate: 36,
  isGuest: 8,
  active: 11,
  blocked: 2,
  canLogin: 36,
  groups: 36,
  tags: 36,
  billing: 36,
  shipping: 36,
  addresses: 36,
  marketing: 30,
  discountPercent: 36,
  orderCount: 36,
  lastOrderAt: 36,
  createdAt: 36,
  updatedAt: 36,
  lastLoginAt: 28,
  deletedAt: 4
}
