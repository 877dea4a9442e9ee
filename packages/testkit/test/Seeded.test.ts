import { assert, describe, it } from "@effect/vitest"
import { Seeded } from "../src/index.ts"

const sample = (seed: number | string) => {
  const s = Seeded.make(seed)
  return [
    s.int(1, 1000),
    s.person("NZ"),
    s.person("DE"),
    s.phone("US"),
    s.date({ from: "2020-01-01", to: "2024-12-31" })
  ]
}

// Mobile ranges, written from each numbering plan.
const mobile: Record<Seeded.Country, RegExp> = {
  NZ: /^\+642[127]\d{7}$/,
  AU: /^\+614\d{8}$/,
  US: /^\+1[2-9]\d\d[2-9]\d{6}$/,
  GB: /^\+447\d{9}$/,
  DE: /^\+491[57]\d{9}$/,
  SA: /^\+9665\d{8}$/
}

describe("Seeded", () => {
  it("gives the same values for the same seed and different ones for another", () => {
    assert.deepStrictEqual(sample(42), sample(42))
    assert.deepStrictEqual(sample("acme"), sample("acme"))
    assert.notDeepEqual(sample(42), sample(43))
  })

  it("fork gives a sub-sequence that does not depend on earlier draws", () => {
    const a = Seeded.make(1)
    const b = Seeded.make(1)
    b.int(0, 10)
    b.name()
    assert.deepStrictEqual(a.fork("customers").person("AU"), b.fork("customers").person("AU"))
    assert.notDeepEqual(a.fork("customers").person("AU"), a.fork("orders").person("AU"))
  })

  it("int stays in its bounds, both included, and refuses bad bounds", () => {
    const s = Seeded.make(7)
    const seen = new Set<number>()
    for (let i = 0; i < 500; i++) seen.add(s.int(3, 6))
    assert.deepStrictEqual([...seen].sort(), [3, 4, 5, 6])
    assert.throws(() => s.int(5, 1), "Seeded.int: expected integers with min <= max, got 5 and 1")
    assert.throws(() => s.pick([]), "Seeded.pick: the array is empty")
  })

  it("chance follows its probability at the extremes", () => {
    const s = Seeded.make(3)
    for (let i = 0; i < 50; i++) {
      assert.isFalse(s.chance(0))
      assert.isTrue(s.chance(1))
    }
  })

  it("makes mobile numbers in each country's E.164 mobile range, and national forms", () => {
    const s = Seeded.make(11)
    for (const country of Seeded.countries) {
      for (let i = 0; i < 200; i++) assert.match(s.phone(country), mobile[country])
    }
    assert.match(s.phone("NZ", "national"), /^02[127] \d{3} \d{4}$/)
    assert.match(s.phone("US", "national"), /^\([2-9]\d\d\) [2-9]\d\d-\d{4}$/)
    assert.match(s.phone("GB", "national"), /^07\d{3} \d{6}$/)
    assert.match(s.phone("AU", "national"), /^04\d\d \d{3} \d{3}$/)
  })

  it("makes addresses with local cities, regions and postcode shapes", () => {
    const s = Seeded.make(5)
    const postcode: Record<Seeded.Country, RegExp> = {
      NZ: /^\d{4}$/,
      AU: /^\d{4}$/,
      US: /^\d{5}$/,
      GB: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
      DE: /^\d{5}$/,
      SA: /^\d{5}$/
    }
    for (const country of Seeded.countries) {
      for (let i = 0; i < 50; i++) {
        const a = s.address(country)
        assert.strictEqual(a.country, country)
        assert.match(a.postcode, postcode[country])
        assert.isTrue(a.city.length > 0 && a.region.length > 0)
        assert.match(a.line1, country === "DE" || country === "SA" ? /\D \d+$/ : /^\d+ \D/)
      }
    }
  })

  it("makes e-mail addresses on reserved domains from the name, ASCII only", () => {
    const s = Seeded.make(9)
    const email = s.email({ first: "Jürgen", last: "Groß" })
    assert.match(email, /^juergen\.gross\d{1,3}@example\.(com|org|net)$/)
    for (let i = 0; i < 100; i++)
      assert.match(s.person().email, /^[a-z]+\.[a-z]+\d{1,3}@example\.(com|org|net)$/)
  })

  it("makes dates inside the range, to the second", () => {
    const s = Seeded.make(2)
    const from = Date.parse("2023-01-01T00:00:00Z")
    const to = Date.parse("2023-01-02T00:00:00Z")
    for (let i = 0; i < 200; i++) {
      const d = s.date({ from: "2023-01-01T00:00:00Z", to: "2023-01-02T00:00:00Z" }).getTime()
      assert.isTrue(d >= from && d <= to)
      assert.strictEqual(d % 1000, 0)
    }
    assert.throws(
      () => s.date({ from: "2024-01-01", to: "2023-01-01" }),
      "Seeded.date: expected valid dates with from <= to"
    )
  })

  it("shuffle returns a permutation and leaves its input alone", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8]
    const out = Seeded.make(4).shuffle(input)
    assert.deepStrictEqual(input, [1, 2, 3, 4, 5, 6, 7, 8])
    assert.deepStrictEqual([...out].sort(), input)
  })
})

describe("seed data for orders and companies", () => {
  it("each country's currency is its ISO 4217 code", () => {
    // from ISO 4217: New Zealand, Australia, United States, United Kingdom, Germany, Saudi Arabia
    assert.deepStrictEqual(Seeded.currencies, {
      NZ: "NZD",
      AU: "AUD",
      US: "USD",
      GB: "GBP",
      DE: "EUR",
      SA: "SAR"
    })
    assert.sameMembers(Object.keys(Seeded.currencies), [...Seeded.countries])
  })

  it("company names are distinct and not blank", () => {
    assert.isAbove(Seeded.companies.length, 1)
    assert.strictEqual(new Set(Seeded.companies).size, Seeded.companies.length)
    for (const c of Seeded.companies) assert.strictEqual(c, c.trim().replace(/\s+/g, " "))
    for (const c of Seeded.companies) assert.notStrictEqual(c, "")
  })
})
