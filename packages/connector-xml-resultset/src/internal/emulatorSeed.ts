/**
 * The emulator's seeded data: a few UserGroups and `count` customers from the testkit's
 * deterministic generator, some with a shipping address of their own, some in groups, and the
 * defective records asked for, in the four kinds of the benchmark.
 *
 * @internal
 */
import { Seeded } from "@mapwright/testkit"
import { hashPassword, type Row } from "./emulatorStore.ts"

export type Defect = "missingUsername" | "malformedEmail" | "nonNumericDiscount" | "unknownCountry"

export const defectKinds: ReadonlyArray<Defect> = [
  "missingUsername",
  "malformedEmail",
  "nonNumericDiscount",
  "unknownCountry"
]

export interface SeededCustomer {
  readonly fields: Row
  readonly groups: ReadonlyArray<string>
  readonly defect: Defect | undefined
}

const named: ReadonlyArray<Row> = [
  {
    code: "retail",
    title: "Retail",
    description: "Everyone who buys at list price",
    subscribable: "private"
  },
  { code: "wholesale", title: "Wholesale", description: "Trade accounts", subscribable: "private" },
  {
    code: "vip",
    title: "VIP",
    description: "Early access and events",
    subscribable: "public",
    subscribe_text: "Join the VIP list"
  },
  {
    code: "dealer",
    title: "Dealers",
    description: "Authorised dealers",
    subscribable: "private",
    parent_code: "wholesale"
  },
  { code: "newsletter", title: "Newsletter", subscribable: "public", subscribe_text: "Get our monthly news" }
]

/** How many named groups there are. */
export const namedGroupCount = named.length

/** The first `count` groups: the five named ones, then generated `group-6`, `group-7`, ... */
export const userGroups = (count: number): ReadonlyArray<Row> =>
  Array.from(
    { length: count },
    (_, i) =>
      named[i] ?? {
        code: `group-${i + 1}`,
        title: `Group ${i + 1}`,
        description: "",
        subscribable: "private"
      }
  )

const shipModes = ["standard", "express", "courier", "pickup"]

/** Which records get which defect: `perKind` of each kind, at seeded positions. */
const defectPositions = (
  seeded: Seeded.Seeded,
  count: number,
  perKind: number
): ReadonlyMap<number, Defect> => {
  const wanted = Math.min(count, perKind * defectKinds.length)
  const positions = seeded.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, wanted)
  return new Map(positions.map((p, i) => [p, defectKinds[i % defectKinds.length]!] as const))
}

export const customers = (
  seed: number | string,
  count: number,
  defectsPerKind: number,
  groupCodes: ReadonlyArray<string>
): ReadonlyArray<SeededCustomer> => {
  const root = Seeded.make(seed)
  const defects = defectPositions(root.fork("defects"), count, defectsPerKind)
  const used = new Set<string>()
  return Array.from({ length: count }, (_, index) => {
    const s = root.fork(`customer/${index}`)
    const person = s.person()
    const country = person.address.country
    const preferred = s.chance(0.6)
      ? person.email
      : `${person.email.split("@")[0]!.replace(/\./g, "")}${index}`
    const username = used.has(preferred) ? `${preferred}.${index}` : preferred
    used.add(username)
    const shipping = s.chance(0.3) ? s.person(s.chance(0.8) ? country : s.country()) : undefined
    const fields: Row = {
      username,
      password: hashPassword(`pw-${index}`, (index + 1).toString(16).padStart(8, "0")),
      email: person.email,
      phone_day: s.chance(0.9) ? s.phone(country, "national") : "",
      phone_night: s.chance(0.2) ? s.phone(country, "national") : "",
      b_company: s.chance(0.2) ? `${person.name.last} Ltd` : "",
      b_fname: person.name.first,
      b_lname: person.name.last,
      b_address1: person.address.line1,
      b_city: person.address.city,
      b_state: person.address.region,
      b_zip: person.address.postcode,
      b_country: country,
      fname: shipping?.name.first ?? "",
      lname: shipping?.name.last ?? "",
      address1: shipping?.address.line1 ?? "",
      city: shipping?.address.city ?? "",
      state: shipping?.address.region ?? "",
      zip: shipping?.address.postcode ?? "",
      country: shipping?.address.country ?? "",
      inactive: s.chance(0.05) ? "1" : "0",
      discount: s.chance(0.15) ? s.pick(["5", "10", "15", "20"]) : "",
      no_email: s.chance(0.2) ? "1" : "0",
      mv_shipmode: s.chance(0.4) ? s.pick(shipModes) : ""
    }
    const groupCount = s.pick([0, 0, 1, 1, 1, 2, 3])
    const codes = s.shuffle(groupCodes.slice(0, 5)).slice(0, groupCount)
    const defect = defects.get(index)
    switch (defect) {
      case "missingUsername":
        delete fields.username
        break
      case "malformedEmail":
        fields.email = s.pick([
          person.email.replace("@", "."),
          `${person.email.split("@")[0]}@`,
          person.email.replace("@", "@@")
        ])
        break
      case "nonNumericDiscount":
        fields.discount = s.pick(["twenty", "fifteen"])
        break
      case "unknownCountry":
        fields.b_country = s.pick(["Atlantis", "XX"])
        break
      default:
        break
    }
    return { fields, groups: codes, defect }
  })
}
