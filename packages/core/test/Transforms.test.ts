import { assert, describe, it } from "@effect/vitest"
import { Invalid } from "../src/Transform.ts"
import { builtins, registry } from "../src/Transforms.ts"
import type { ValueType } from "../src/ValueType.ts"
import { compile, decodeOptions, deepFreeze, invalidCode, makeContext, transform } from "./TransformsKit.ts"

const expected = (output: unknown): { invalid: string } | undefined =>
  typeof output === "object" && output !== null && "invalid" in output && typeof output.invalid === "string"
    ? { invalid: output.invalid }
    : undefined

describe("Transforms: the documented examples", () => {
  for (const t of builtins) {
    describe(t.name, () => {
      it("has between 2 and 6 examples", () => {
        assert.isAtLeast(t.examples.length, 2)
        assert.isAtMost(t.examples.length, 6)
      })
      t.examples.forEach((example, i) => {
        it(`example ${i + 1}: ${JSON.stringify(example.input)} → ${JSON.stringify(example.output)}`, () => {
          const apply = compile(t.name, example.options)
          const result = apply(example.input, example.record ?? {})
          const invalid = expected(example.output)
          if (invalid !== undefined) {
            assert.instanceOf(result, Invalid)
            assert.strictEqual(invalidCode(result), invalid.invalid)
            assert.isAbove((result as Invalid).message.length, 0)
          } else {
            assert.deepStrictEqual(result, example.output)
          }
        })
      })
    })
  }
})

describe("Transforms: registry", () => {
  it("holds every built-in under its name", () => {
    assert.deepStrictEqual(registry.names, [
      "bool",
      "coalesce",
      "country",
      "date",
      "datetime",
      "decimal",
      "default",
      "e164",
      "email",
      "int",
      "join",
      "lowercase",
      "not",
      "nullIfEmpty",
      "number",
      "required",
      "split",
      "splitName.first",
      "splitName.last",
      "string",
      "template",
      "trim",
      "uppercase"
    ])
    assert.strictEqual(
      registry.get("e164"),
      builtins.find((t) => t.name === "e164")
    )
    assert.strictEqual(registry.get("lookup"), undefined)
  })

  it("declares the defaults of onInvalid chosen per transform", () => {
    const warnings = builtins.filter((t) => t.onInvalid !== "reject").map((t) => `${t.name}:${t.onInvalid}`)
    assert.deepStrictEqual(warnings, ["email:null", "e164:null"])
  })

  it("requires options exactly where a bare name makes no sense", () => {
    assert.deepStrictEqual(
      builtins.filter((t) => t.optionsRequired === true).map((t) => t.name),
      ["default", "template"]
    )
  })
})

describe("Transforms: options", () => {
  const fails = (name: string, options: unknown, fragment: string) => {
    const result = decodeOptions(transform(name), options)
    assert.isFalse(result.ok, `${name} accepted ${JSON.stringify(options)}`)
    if (!result.ok) assert.include(result.message, fragment)
  }

  it("refuses an unknown IANA zone at load time, with its name", () => {
    fails("datetime", { zone: "Mars/Olympus_Mons" }, 'unknown IANA time zone "Mars/Olympus_Mons"')
    fails("date", { zone: "Pacific/Aukland" }, "Pacific/Aukland")
  })

  it("accepts known zones and zones read from the record", () => {
    assert.isTrue(decodeOptions(transform("datetime"), { zone: "Pacific/Auckland" }).ok)
    assert.isTrue(decodeOptions(transform("datetime"), { zone: "UTC" }).ok)
    assert.isTrue(decodeOptions(transform("datetime"), { zone: { from: "shop.tz" } }).ok)
  })

  it("refuses moment-style formats and formats without tokens", () => {
    fails("datetime", { format: "YYYY-MM-DD HH:mm:ss" }, "yyyy")
    fails("date", { format: "---" }, "no luxon tokens")
  })

  it("refuses a default country without a phone numbering plan", () => {
    fails("e164", { defaultCountry: "Narnia" }, "Narnia")
    assert.isTrue(decodeOptions(transform("e164"), { defaultCountry: "New Zealand" }).ok)
    assert.isTrue(decodeOptions(transform("e164"), { defaultCountry: "sau" }).ok)
  })

  it("refuses malformed templates with the position", () => {
    fails("template", "{b_fname", 'unclosed "{" at character 1')
    fails("template", "{a} } {b}", 'unmatched "}" at character 5')
    fails("template", { text: "{ }" }, "does not name a source path")
    fails("template", "{first name}", "does not name a source path")
  })

  it("refuses a null default and an empty separator", () => {
    fails("default", { value: null }, "a default of null changes nothing")
    fails("split", { separator: "" }, "at least 1")
  })

  it("reports unknown option keys and every issue at once (as the compiler decodes)", () => {
    fails("datetime", { fromat: "yyyy" }, "fromat")
    const result = decodeOptions(transform("datetime"), { format: 1, zone: "Nowhere/City" })
    assert.isFalse(result.ok)
    if (!result.ok) {
      assert.include(result.message, '["format"]')
      assert.include(result.message, "Nowhere/City")
    }
  })

  it("a bare name (undefined) or an empty YAML value (null) decodes as no options", () => {
    for (const name of ["e164", "datetime", "date", "bool", "split", "join"]) {
      const t = transform(name)
      assert.deepStrictEqual(decodeOptions(t, undefined), { ok: true, value: {} }, name)
      assert.deepStrictEqual(decodeOptions(t, null), { ok: true, value: {} }, name)
    }
    fails("template", undefined, "Expected")
    fails("default", undefined, "Expected")
  })

  it("bool's empty option takes null, false or true", () => {
    assert.isTrue(decodeOptions(transform("bool"), { empty: null }).ok)
    assert.isTrue(decodeOptions(transform("bool"), { empty: true }).ok)
    fails("bool", { empty: "no" }, "Expected")
  })
})

describe("Transforms: template reads its placeholders through the context", () => {
  it("asks the context for every placeholder path, so the checker sees them", () => {
    const context = makeContext()
    compile("template", "{b_fname} {{literal}} {billing.address.city}", context)
    assert.deepStrictEqual(context.paths, ["b_fname", "billing.address.city"])
  })

  it("asks the context for a phone's default country and a datetime's zone read from the record", () => {
    const context = makeContext()
    compile("e164", { defaultCountry: { from: "b_country" } }, context)
    compile("datetime", { zone: { from: "shop.zone" } }, context)
    assert.deepStrictEqual(context.paths, ["b_country", "shop.zone"])
  })
})

describe("Transforms: output types", () => {
  const S: ValueType = { _tag: "String" }
  const N: ValueType = { _tag: "Null" }
  const I: ValueType = { _tag: "Integer" }
  const B: ValueType = { _tag: "Boolean" }
  const union = (...members: Array<ValueType>): ValueType => ({ _tag: "Union", members })
  const out = (name: string, input: ValueType, options?: unknown) => {
    const t = transform(name)
    const decoded = decodeOptions(t, options)
    assert.isTrue(decoded.ok)
    return t.output(input, decoded.ok ? decoded.value : undefined)
  }

  it("gives formats to converted strings, with null when an empty string may come in", () => {
    assert.deepStrictEqual(out("e164", S), union({ _tag: "String", format: "e164" }, N))
    assert.deepStrictEqual(
      out("e164", { _tag: "Array", items: S }),
      union({ _tag: "String", format: "e164" }, N)
    )
    assert.deepStrictEqual(out("e164", I), { _tag: "String", format: "e164" })
    assert.deepStrictEqual(out("country", S), union({ _tag: "String", format: "country" }, N))
    assert.deepStrictEqual(out("datetime", I), { _tag: "String", format: "date-time" })
    assert.deepStrictEqual(out("date", S), union({ _tag: "String", format: "date" }, N))
    assert.deepStrictEqual(out("decimal", { _tag: "Number" }), { _tag: "String", format: "decimal" })
    assert.deepStrictEqual(out("email", S), union({ _tag: "String", format: "email" }, N))
    assert.deepStrictEqual(out("trim", S), S)
  })

  it("int, number and bool", () => {
    assert.deepStrictEqual(out("int", I), I)
    assert.deepStrictEqual(out("int", S), union(I, N))
    assert.deepStrictEqual(out("number", S), union({ _tag: "Number" }, N))
    assert.deepStrictEqual(out("bool", S), union(B, N))
    assert.deepStrictEqual(out("bool", S, { empty: false }), B)
    assert.deepStrictEqual(out("bool", B), B)
    assert.deepStrictEqual(out("not", B), B)
  })

  it("required and default remove null; default adds the type of its value", () => {
    assert.deepStrictEqual(out("required", union(S, N)), S)
    assert.deepStrictEqual(out("required", union(S, I, N)), union(S, I))
    assert.deepStrictEqual(out("default", union(S, N), { value: 0 }), union(S, I))
    assert.deepStrictEqual(out("default", union(S, N), { value: "x" }), S)
    assert.deepStrictEqual(out("default", N, { value: true }), B)
    assert.deepStrictEqual(
      out("default", union({ _tag: "Array", items: S }, N), { value: [] }),
      union({ _tag: "Array", items: S }, { _tag: "Array", items: { _tag: "Unknown" } })
    )
  })

  it("coalesce gives the items' type, nullable when an item may be null or empty", () => {
    assert.deepStrictEqual(out("coalesce", { _tag: "Array", items: union(S, N) }), union(S, N))
    assert.deepStrictEqual(out("coalesce", { _tag: "Array", items: I }), I)
  })

  it("structure and names", () => {
    assert.deepStrictEqual(out("split", S), { _tag: "Array", items: S })
    assert.deepStrictEqual(out("join", { _tag: "Array", items: S }), union(S, N))
    assert.deepStrictEqual(out("template", { _tag: "Unknown" }, "{a}"), union(S, N))
    assert.deepStrictEqual(out("splitName.first", S), union(S, N))
    assert.deepStrictEqual(out("nullIfEmpty", union(S, N)), union(S, N))
    assert.deepStrictEqual(out("nullIfEmpty", S), union(S, N))
  })
})

describe("Transforms: purity", () => {
  it("never mutates a frozen input value or record", () => {
    const record = deepFreeze({
      b_fname: "Peter",
      b_lname: "Parker",
      b_country: "New Zealand",
      tz: "Pacific/Auckland",
      tags: ["a", "b"]
    })
    const cases: Array<[string, unknown, unknown, unknown]> = [
      ["coalesce", undefined, deepFreeze([null, "", "x"]), "x"],
      ["join", undefined, deepFreeze(["a", null, "b"]), "a, b"],
      ["e164", undefined, deepFreeze(["966", "565445254"]), "+966565445254"],
      ["e164", { defaultCountry: { from: "b_country" } }, "021 123 4567", "+64211234567"],
      ["template", "{b_fname} {b_lname}", null, "Peter Parker"],
      ["default", { value: ["x"] }, null, ["x"]],
      ["required", undefined, deepFreeze({ a: 1 }), { a: 1 }],
      ["datetime", { zone: { from: "tz" } }, "2024-07-15 12:00:00", "2024-07-15T00:00:00.000Z"]
    ]
    for (const [name, options, value, output] of cases) {
      assert.deepStrictEqual(compile(name, options)(value, record), output, name)
    }
  })

  it("default hands out a value no record can change for the next one", () => {
    const apply = compile("default", { value: { tags: ["new"] } })
    const first = apply(null) as { tags: Array<string> }
    assert.throws(() => {
      first.tags.push("changed")
    })
    assert.deepStrictEqual(apply(undefined), { tags: ["new"] })
  })
})

describe("Transforms: very long strings", () => {
  const long = `${"x".repeat(50_000)} ${"1".repeat(50_000)}`
  const spaces = " ".repeat(100_000)

  it("every string transform answers a 100k-character string without throwing", () => {
    for (const t of builtins) {
      const options = t.examples.find((e) => e.options !== undefined)?.options
      const apply = compile(t.name, t.optionsRequired === true ? options : undefined)
      for (const input of [long, spaces, "9".repeat(100_000)]) {
        const result = apply(input, { b_fname: long })
        assert.notStrictEqual(result, undefined, t.name)
      }
    }
  })

  it("rejects or keeps them as the transforms' rules say", () => {
    assert.strictEqual(invalidCode(compile("email")(long)), "InvalidEmail")
    assert.strictEqual(invalidCode(compile("e164")(long)), "InvalidPhone")
    assert.strictEqual(invalidCode(compile("country")(long)), "InvalidCountry")
    assert.strictEqual(invalidCode(compile("int")("9".repeat(100_000))), "InvalidInt")
    assert.strictEqual(invalidCode(compile("datetime")(long)), "InvalidDateTime")
    assert.strictEqual(invalidCode(compile("bool")(long)), "InvalidBool")
    assert.strictEqual(compile("bool")(spaces), null)
    assert.strictEqual(compile("decimal")("9".repeat(100_000)), "9".repeat(100_000))
    assert.strictEqual(compile("splitName.last")(long), "1".repeat(50_000))
    assert.strictEqual((compile("email")(long) as Invalid).message.length < 200, true)
  })
})

describe("Transforms: string", () => {
  const apply = compile("string", undefined)

  it("writes numbers in plain decimal notation, never with an exponent", () => {
    assert.strictEqual(apply(25, {}), "25")
    assert.strictEqual(apply(0, {}), "0")
    assert.strictEqual(apply(-0, {}), "0")
    assert.strictEqual(apply(Number.MAX_SAFE_INTEGER, {}), "9007199254740991")
    assert.strictEqual(apply(1e21, {}), "1000000000000000000000")
    assert.strictEqual(apply(1.25e22, {}), "12500000000000000000000")
    assert.strictEqual(apply(1e-7, {}), "0.0000001")
    assert.strictEqual(apply(39.5, {}), "39.5")
  })

  it("writes booleans as true and false and keeps strings as they are", () => {
    assert.strictEqual(apply(false, {}), "false")
    assert.strictEqual(apply("", {}), "")
    assert.strictEqual(apply(" 25 ", {}), " 25 ")
  })

  it("refuses a list, a map and a number that is not finite", () => {
    const map = apply({ id: 25 }, {})
    assert.instanceOf(map, Invalid)
    assert.strictEqual(invalidCode(map), "InvalidType")
    assert.strictEqual(
      (map as Invalid).message,
      "string expects a string, a number or a boolean, got object an object"
    )
    assert.strictEqual(invalidCode(apply(Number.NaN, {})), "InvalidString")
  })

  it("types its output as a string, keeping a string's own format", () => {
    const t = transform("string")
    const integer: ValueType = { _tag: "Integer" }
    const email: ValueType = { _tag: "String", format: "email" }
    assert.deepStrictEqual(t.output(integer, undefined), { _tag: "String" })
    assert.deepStrictEqual(t.output({ _tag: "Union", members: [integer, email] }, undefined), {
      _tag: "Union",
      members: [{ _tag: "String" }, email]
    })
  })
})
