import { assert, describe, it } from "@effect/vitest"
import { DateTime } from "luxon"
import { compile, invalidCode } from "./TransformsKit.ts"

describe("e164", () => {
  it("reads international numbers of several countries", () => {
    const e164 = compile("e164")
    assert.strictEqual(e164("+64 21 123 4567"), "+64211234567")
    assert.strictEqual(e164("+966 56 544 5254"), "+966565445254")
    assert.strictEqual(e164("+44 20 7946 0018"), "+442079460018")
    assert.strictEqual(e164("+1 (201) 555-0123 ext. 12"), "+12015550123")
  })

  it("reads national numbers with a literal default country, given as ISO2, ISO3 or name", () => {
    assert.strictEqual(compile("e164", { defaultCountry: "NZ" })("021 123 4567"), "+64211234567")
    assert.strictEqual(compile("e164", { defaultCountry: "GBR" })("020 7946 0018"), "+442079460018")
    assert.strictEqual(compile("e164", { defaultCountry: "New Zealand" })("0064 21 123 4567"), "+64211234567")
  })

  it("reads the default country from the record, normalised like country", () => {
    const e164 = compile("e164", { defaultCountry: { from: "b_country" } })
    assert.strictEqual(e164("(201) 555-0123", { b_country: "United States" }), "+12015550123")
    assert.strictEqual(e164("(201) 555-0123", { b_country: "usa" }), "+12015550123")
    assert.strictEqual(e164("021 123 4567", { b_country: " nz " }), "+64211234567")
    // international numbers do not need it, whatever the record says
    assert.strictEqual(e164("+64 21 123 4567", { b_country: "Atlantis" }), "+64211234567")
    assert.strictEqual(e164("+64 21 123 4567", {}), "+64211234567")
    // a national number without a usable country is invalid
    assert.strictEqual(invalidCode(e164("021 123 4567", { b_country: "Atlantis" })), "InvalidPhone")
    assert.strictEqual(invalidCode(e164("021 123 4567", { b_country: null })), "InvalidPhone")
  })

  it("reads a number written with its calling code but no +, when it matches the default country", () => {
    assert.strictEqual(compile("e164", { defaultCountry: "NZ" })("64 21 123 4567"), "+64211234567")
  })

  it("reads the [dialCode, number] pair", () => {
    const e164 = compile("e164")
    assert.strictEqual(e164(["966", "565445254"]), "+966565445254")
    assert.strictEqual(e164([966, "565445254"]), "+966565445254")
    assert.strictEqual(e164(["+966", "0565445254"]), "+966565445254")
    assert.strictEqual(e164(["00966", "56 544 5254"]), "+966565445254")
    assert.strictEqual(e164(["966", "966565445254"]), "+966565445254")
    assert.strictEqual(e164(["966", "+64 21 123 4567"]), "+64211234567")
    assert.strictEqual(e164([null, "+64 21 123 4567"]), "+64211234567")
    assert.strictEqual(e164(["966", ""]), null)
    assert.strictEqual(e164(["966", null]), null)
  })

  it("uses the default country for a pair without a dial code", () => {
    assert.strictEqual(compile("e164", { defaultCountry: "SA" })(["", "0565445254"]), "+966565445254")
  })

  it("is invalid for numbers that cannot exist and for malformed pairs", () => {
    const e164 = compile("e164", { defaultCountry: "US" })
    assert.strictEqual(invalidCode(e164("12345")), "InvalidPhone")
    assert.strictEqual(invalidCode(e164("hello")), "InvalidPhone")
    // the 555 area code does not exist
    assert.strictEqual(invalidCode(e164("(555) 555-5555")), "InvalidPhone")
    // NZ mobile prefixes are 020–022 and 026–029: 023 has the right length (the min metadata
    // accepts it) but no number can start so; only the full (max) metadata knows
    assert.strictEqual(invalidCode(e164("+64 23 123 4567")), "InvalidPhone")
    assert.strictEqual(invalidCode(compile("e164", { defaultCountry: "NZ" })("023 123 4567")), "InvalidPhone")
    assert.strictEqual(invalidCode(e164(["966"])), "InvalidPhone")
    assert.strictEqual(invalidCode(e164(["9999", "565445254"])), "InvalidPhone")
    assert.strictEqual(invalidCode(e164(["966", "12"])), "InvalidPhone")
    assert.strictEqual(invalidCode(e164(true)), "InvalidPhone")
    assert.strictEqual(e164("  "), null)
  })

  it("says which value and country failed", () => {
    const result = compile("e164", { defaultCountry: "NZ" })("12345")
    assert.include(String((result as { message: string }).message), '"12345"')
    assert.include(String((result as { message: string }).message), "NZ")
  })
})

describe("country", () => {
  it("reads ISO2, ISO3 and names in any case", () => {
    const country = compile("country")
    const cases: Array<[string, string]> = [
      ["NZ", "NZ"],
      ["nz", "NZ"],
      [" Nz ", "NZ"],
      ["NZL", "NZ"],
      ["nzl", "NZ"],
      ["New Zealand", "NZ"],
      ["NEW ZEALAND", "NZ"],
      ["new  zealand", "NZ"],
      ["United States", "US"],
      ["United States of America", "US"],
      ["USA", "US"],
      ["U.S.A.", "US"],
      ["UK", "GB"],
      ["United Kingdom", "GB"],
      ["Saudi Arabia", "SA"],
      ["SAU", "SA"],
      ["Côte d'Ivoire", "CI"],
      ["cote d'ivoire", "CI"],
      ["The Netherlands", "NL"],
      ["Netherlands", "NL"],
      ["Czechia", "CZ"],
      ["Congo", "CG"],
      ["Bosnia & Herzegovina", "BA"]
    ]
    for (const [input, output] of cases) assert.strictEqual(country(input), output, input)
  })

  it("is invalid for unknown countries and gives null for empty ones", () => {
    const country = compile("country")
    assert.strictEqual(invalidCode(country("Atlantis")), "InvalidCountry")
    assert.strictEqual(invalidCode(country("XX")), "InvalidCountry")
    assert.strictEqual(invalidCode(country("554")), "InvalidCountry")
    assert.strictEqual(invalidCode(country(64)), "InvalidType")
    assert.strictEqual(country(""), null)
    assert.strictEqual(country(" \t"), null)
  })
})

describe("datetime", () => {
  const nz = compile("datetime", { format: "yyyy-MM-dd HH:mm:ss", zone: "Pacific/Auckland" })

  it("reads Pacific/Auckland local times across the April 2024 DST end (NZDT +13 → NZST +12)", () => {
    assert.strictEqual(nz("2024-04-07 01:30:00"), "2024-04-06T12:30:00.000Z")
    // 02:30 happens twice: the earlier (+13) is taken
    assert.strictEqual(nz("2024-04-07 02:30:00"), "2024-04-06T13:30:00.000Z")
    assert.strictEqual(nz("2024-04-07 03:30:00"), "2024-04-06T15:30:00.000Z")
  })

  it("reads Pacific/Auckland local times across the September 2024 DST start (NZST +12 → NZDT +13)", () => {
    assert.strictEqual(nz("2024-09-29 01:30:00"), "2024-09-28T13:30:00.000Z")
    assert.strictEqual(nz("2024-09-29 03:30:00"), "2024-09-28T14:30:00.000Z")
    // 02:30 does not exist that day: it moves forward by the hour's gap, to 03:30 NZDT
    assert.strictEqual(nz("2024-09-29 02:30:00"), "2024-09-28T14:30:00.000Z")
  })

  it("agrees with plain luxon on every 5th hour of 2024 and 1990 in one compiled instance (its offset cache)", () => {
    const local = compile("datetime", { format: "yyyy-MM-dd HH:mm", zone: "Australia/Lord_Howe" })
    for (const year of [2024, 1990]) {
      for (let h = 0; h < 366 * 24; h += 5) {
        const text = DateTime.fromMillis(Date.UTC(year, 0, 1) + h * 3_600_000, { zone: "UTC" }).toFormat(
          "yyyy-MM-dd HH:mm"
        )
        const reference = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone: "Australia/Lord_Howe" })
          .toUTC()
          .toISO()
        assert.strictEqual(local(text), reference, text)
      }
    }
  })

  it("uses summer and winter offsets", () => {
    assert.strictEqual(nz("2024-01-15 12:00:00"), "2024-01-14T23:00:00.000Z")
    assert.strictEqual(nz("2024-07-15 12:00:00"), "2024-07-15T00:00:00.000Z")
  })

  it("reads ISO 8601 by default, keeping a written offset and using the zone otherwise", () => {
    const paris = compile("datetime", { zone: "Europe/Paris" })
    assert.strictEqual(paris("2024-03-01T10:00:00"), "2024-03-01T09:00:00.000Z")
    assert.strictEqual(paris("2024-03-01 10:00:00"), "2024-03-01T09:00:00.000Z")
    assert.strictEqual(paris("2024-03-01T10:00:00+02:00"), "2024-03-01T08:00:00.000Z")
    assert.strictEqual(paris("2024-03-01T10:00:00Z"), "2024-03-01T10:00:00.000Z")
    assert.strictEqual(compile("datetime")("2024-03-01"), "2024-03-01T00:00:00.000Z")
    assert.strictEqual(compile("datetime")("2024-03-01T10:00:00.123Z"), "2024-03-01T10:00:00.123Z")
  })

  it("reads the zone from the record", () => {
    const local = compile("datetime", { zone: { from: "shop.timeZone" } })
    assert.strictEqual(
      local("2024-03-01 10:00:00", { shop: { timeZone: "America/New_York" } }),
      "2024-03-01T15:00:00.000Z"
    )
    assert.strictEqual(
      local("2024-03-01 10:00:00", { shop: { timeZone: "Pacific/Auckland" } }),
      "2024-02-29T21:00:00.000Z"
    )
    assert.strictEqual(
      invalidCode(local("2024-03-01 10:00:00", { shop: { timeZone: "Mars/Base" } })),
      "InvalidDateTime"
    )
    assert.strictEqual(invalidCode(local("2024-03-01 10:00:00", {})), "InvalidDateTime")
  })

  it("reads unix timestamps as numbers or numeric strings", () => {
    assert.strictEqual(compile("datetime", { format: "unix" })("1709287200"), "2024-03-01T10:00:00.000Z")
    assert.strictEqual(compile("datetime", { format: "unix" })(1709287200.5), "2024-03-01T10:00:00.500Z")
    assert.strictEqual(
      compile("datetime", { format: "unixMillis" })(1709287200123),
      "2024-03-01T10:00:00.123Z"
    )
    assert.strictEqual(invalidCode(compile("datetime", { format: "unix" })("soon")), "InvalidDateTime")
    assert.strictEqual(invalidCode(compile("datetime", { format: "unix" })(1e300)), "InvalidDateTime")
    assert.strictEqual(invalidCode(compile("datetime")(1709287200)), "InvalidDateTime")
  })

  it("is invalid for impossible dates and text in another format, null for empty and zero dates", () => {
    assert.strictEqual(invalidCode(nz("2024-02-30 10:00:00")), "InvalidDateTime")
    assert.strictEqual(invalidCode(nz("01/03/2024 10:00")), "InvalidDateTime")
    assert.strictEqual(invalidCode(compile("datetime")("yesterday")), "InvalidDateTime")
    assert.strictEqual(invalidCode(compile("datetime")(true)), "InvalidDateTime")
    assert.strictEqual(compile("datetime")(""), null)
    assert.strictEqual(compile("datetime")("0000-00-00 00:00:00"), null)
  })
})

describe("date", () => {
  it("keeps the calendar day written, whatever the offset", () => {
    const date = compile("date", { zone: "Pacific/Auckland" })
    assert.strictEqual(date("2024-03-01T23:30:00-05:00"), "2024-03-01")
    assert.strictEqual(date("2024-03-01"), "2024-03-01")
    assert.strictEqual(date("0000-00-00"), null)
    assert.strictEqual(invalidCode(date("2023-02-29")), "InvalidDate")
  })

  it("gives the day of a unix timestamp in the zone", () => {
    // 2024-03-01T14:00:00Z is 03:00 on 2 March in Auckland
    assert.strictEqual(
      compile("date", { format: "unix", zone: "Pacific/Auckland" })(1709301600),
      "2024-03-02"
    )
    assert.strictEqual(compile("date", { format: "unix" })(1709301600), "2024-03-01")
  })
})

describe("int", () => {
  const int = compile("int")
  it("reads whole numbers", () => {
    assert.strictEqual(int("007"), 7)
    assert.strictEqual(int("+5"), 5)
    assert.strictEqual(int("-12"), -12)
    assert.strictEqual(int("20.0"), 20)
    assert.strictEqual(int(42), 42)
    assert.isTrue(Object.is(int("-0"), 0))
    assert.isTrue(Object.is(int(-0), 0))
    assert.strictEqual(int("9007199254740991"), 9007199254740991)
  })

  it("is invalid for fractions, exponents, separators, unsafe and non-numeric values", () => {
    for (const bad of ["20.5", "1e3", "1,000", "1 000", "9007199254740993", "0x10", "twenty", "-", "."]) {
      assert.strictEqual(invalidCode(int(bad)), "InvalidInt", bad)
    }
    assert.strictEqual(invalidCode(int(20.5)), "InvalidInt")
    assert.strictEqual(invalidCode(int(Number.NaN)), "InvalidInt")
    assert.strictEqual(invalidCode(int(true)), "InvalidInt")
    assert.strictEqual(int(""), null)
    assert.strictEqual(int("   "), null)
  })
})

describe("decimal", () => {
  const decimal = compile("decimal")
  it("keeps the digits as written, normalised", () => {
    const cases: Array<[unknown, string]> = [
      ["39.00", "39.00"],
      ["0.10", "0.10"],
      [".5", "0.5"],
      ["5.", "5"],
      ["-.5", "-0.5"],
      ["-0.00", "0.00"],
      ["-0", "0"],
      ["000", "0"],
      ["-007.50", "-7.50"],
      [39, "39"],
      [0.1, "0.1"],
      [-0, "0"],
      [1e21, "1000000000000000000000"],
      [1.5e-7, "0.00000015"],
      [-2.5e-8, "-0.000000025"]
    ]
    for (const [input, output] of cases) assert.strictEqual(decimal(input), output, String(input))
  })

  it("is invalid for exponents, commas, and non-numbers", () => {
    for (const bad of ["1e3", "39,00", "1,000.00", "abc", ".", "+", "--1", "1.2.3"]) {
      assert.strictEqual(invalidCode(decimal(bad)), "InvalidDecimal", bad)
    }
    assert.strictEqual(invalidCode(decimal(Number.POSITIVE_INFINITY)), "InvalidDecimal")
    assert.strictEqual(invalidCode(decimal(false)), "InvalidDecimal")
    assert.strictEqual(decimal(" "), null)
  })
})

describe("number", () => {
  const number = compile("number")
  it("reads finite numbers only", () => {
    assert.strictEqual(number(".5"), 0.5)
    assert.strictEqual(number("-1.5E2"), -150)
    assert.strictEqual(number(3.25), 3.25)
    for (const bad of ["Infinity", "NaN", "1,5", "0b1", "1e"])
      assert.strictEqual(invalidCode(number(bad)), "InvalidNumber", bad)
    assert.strictEqual(invalidCode(number(Number.NaN)), "InvalidNumber")
    assert.strictEqual(number(""), null)
  })
})

describe("bool", () => {
  it("reads the spellings platforms use", () => {
    const bool = compile("bool")
    for (const yes of ["True", "true", "TRUE", "1", "yes", "Yes", "Y", "y", "on", "ON", "t", "T", " true "]) {
      assert.strictEqual(bool(yes), true, yes)
    }
    for (const no of ["False", "false", "0", "no", "NO", "n", "off", "f", "F", " 0 "]) {
      assert.strictEqual(bool(no), false, no)
    }
    assert.strictEqual(bool(true), true)
    assert.strictEqual(bool(false), false)
    assert.strictEqual(bool(1), true)
    assert.strictEqual(bool(0), false)
  })

  it("reads an empty string as empty says, null by default", () => {
    assert.strictEqual(compile("bool")(""), null)
    assert.strictEqual(compile("bool")("  "), null)
    assert.strictEqual(compile("bool", { empty: false })(""), false)
    assert.strictEqual(compile("bool", { empty: true })(" "), true)
  })

  it("is invalid for anything else", () => {
    const bool = compile("bool")
    for (const bad of ["maybe", "2", "-1", "yes please", "truee"])
      assert.strictEqual(invalidCode(bool(bad)), "InvalidBool", bad)
    assert.strictEqual(invalidCode(bool(2)), "InvalidBool")
    assert.strictEqual(invalidCode(bool({})), "InvalidBool")
  })
})

describe("email", () => {
  const email = compile("email")
  it("trims, lower-cases and checks the shape", () => {
    assert.strictEqual(email(" Mary.Jane@Example.COM "), "mary.jane@example.com")
    assert.strictEqual(email("o'brien@example.ie"), "o'brien@example.ie")
    for (const bad of [
      "mary",
      "@example.com",
      "mary@",
      "mary..jane@example.com",
      ".mary@example.com",
      "mary@example",
      "mary@-example.com",
      "mary@example.c0m",
      "mary@exa_mple.com",
      `${"a".repeat(65)}@example.com`
    ]) {
      assert.strictEqual(invalidCode(email(bad)), "InvalidEmail", bad)
    }
    assert.strictEqual(invalidCode(email(42)), "InvalidType")
  })
})

describe("text", () => {
  it("trim removes Unicode spaces; lowercase and uppercase are locale-independent", () => {
    assert.strictEqual(compile("trim")("\u00a0Peter\u2003"), "Peter")
    assert.strictEqual(compile("lowercase")("İSTANBUL"), "i̇stanbul")
    assert.strictEqual(compile("uppercase")("straße"), "STRASSE")
    assert.strictEqual(invalidCode(compile("trim")(42)), "InvalidType")
  })

  it("nullIfEmpty leaves other values alone", () => {
    const nullIfEmpty = compile("nullIfEmpty")
    assert.strictEqual(nullIfEmpty(undefined), null)
    assert.strictEqual(nullIfEmpty(0), 0)
    assert.strictEqual(nullIfEmpty("\n"), null)
  })
})

describe("template", () => {
  it("writes nothing for missing fields and tidies the spaces", () => {
    const name = compile("template", "{b_fname} {b_lname}")
    assert.strictEqual(name(null, { b_fname: null, b_lname: "Parker" }), "Parker")
    assert.strictEqual(name(null, { b_lname: "Parker" }), "Parker")
    assert.strictEqual(name(null, { b_fname: "  Mary  Jane ", b_lname: "Watson" }), "Mary Jane Watson")
    assert.strictEqual(name(null, { b_fname: "", b_lname: "" }), null)
    assert.strictEqual(name(null, null), null)
  })

  it("writes numbers and booleans, nested paths and literal braces", () => {
    const t = compile("template", { text: "{{#{order.number}}} paid: {order.paid}" })
    assert.strictEqual(t(null, { order: { number: 1042, paid: true } }), "{#1042} paid: true")
  })

  it("keeps line breaks, dropping empty lines", () => {
    const t = compile("template", "{a}\n{b}\n\n{c}")
    assert.strictEqual(t(null, { a: " 5 Queen St ", b: null, c: "Auckland" }), "5 Queen St\nAuckland")
  })

  it("is invalid when a field is an object", () => {
    assert.strictEqual(invalidCode(compile("template", "{a}")(null, { a: { b: 1 } })), "InvalidType")
  })
})

describe("split and join", () => {
  it("split trims and drops empty items", () => {
    assert.deepStrictEqual(compile("split")(" a , b ,, c"), ["a", "b", "c"])
    assert.deepStrictEqual(compile("split", { separator: " | " })("a | b"), ["a", "b"])
    assert.deepStrictEqual(compile("split")("  "), [])
    assert.strictEqual(invalidCode(compile("split")(["a"])), "InvalidType")
  })

  it("join leaves out missing items and refuses objects", () => {
    assert.strictEqual(compile("join", { separator: "" })(["a", "b"]), "ab")
    assert.strictEqual(compile("join")([]), null)
    assert.strictEqual(invalidCode(compile("join")([{ a: 1 }])), "InvalidType")
    assert.strictEqual(invalidCode(compile("join")("a, b")), "InvalidType")
  })
})

describe("default, coalesce, required", () => {
  it("default replaces null and undefined only", () => {
    const d = compile("default", { value: 0 })
    assert.strictEqual(d(null), 0)
    assert.strictEqual(d(undefined), 0)
    assert.strictEqual(d(false), false)
    assert.strictEqual(d(""), "")
  })

  it("coalesce takes the first present value, including 0 and false", () => {
    const c = compile("coalesce")
    assert.strictEqual(c([undefined, 0, 1]), 0)
    assert.strictEqual(c(["", false]), false)
    assert.strictEqual(c(null), null)
    assert.strictEqual(c("single"), "single")
    assert.strictEqual(c(""), null)
  })

  it("required refuses null, undefined and the empty string with a message", () => {
    const r = compile("required")
    assert.strictEqual(invalidCode(r(undefined)), "Required")
    assert.strictEqual((r(null) as { message: string }).message, "a value is required")
    assert.strictEqual(r(" "), " ")
    assert.strictEqual(r(false), false)
  })
})

describe("splitName", () => {
  const first = compile("splitName.first")
  const last = compile("splitName.last")
  it("takes the first word as the first name and the rest as the last name", () => {
    assert.strictEqual(first("  Mohammed   bin  Salman "), "Mohammed")
    assert.strictEqual(last("  Mohammed   bin  Salman "), "bin Salman")
    assert.strictEqual(first("Cher"), "Cher")
    assert.strictEqual(last("Cher"), null)
    assert.strictEqual(first(""), null)
    assert.strictEqual(last(""), null)
  })

  it("reads Last, First", () => {
    assert.strictEqual(first("Parker,Peter"), "Peter")
    assert.strictEqual(last("Parker,Peter"), "Parker")
    assert.strictEqual(first("Parker, "), "Parker")
    assert.strictEqual(last("Parker, "), null)
    assert.strictEqual(first(", "), null)
  })
})
