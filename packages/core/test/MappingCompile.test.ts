import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Mapping from "../src/Mapping.ts"
import type * as RecordIssue from "../src/RecordIssue.ts"
import * as Transform from "../src/Transform.ts"
import * as Transforms from "../src/Transforms.ts"
import * as VT from "../src/ValueType.ts"
import { registry } from "./fixtures/mappings/schemas.ts"

const doc = (fields: string): string =>
  [
    "mapwright: mapping/v1",
    "name: t",
    "source: test/Source",
    "target: test/Target",
    "unmapped: off",
    "fields:",
    "  id: id",
    fields
  ].join("\n")

const load = (
  fields: string,
  options: { readonly validate?: boolean; readonly transforms?: Transform.TransformRegistry } = {}
) =>
  Mapping.loadString(doc(fields), "/virtual/m.yaml", {
    schemas: registry,
    validate: options.validate ?? true,
    ...(options.transforms === undefined ? {} : { transforms: options.transforms })
  }).pipe(Effect.provide(NodeFileSystem.layer))

/** The output with nothing mapped but `id`: every key of test/Target but the optional `nick`. */
const out = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "1",
  name: null,
  age: null,
  active: null,
  gender: null,
  phone: null,
  tags: [],
  billing: null,
  shipping: null,
  lines: [],
  extra: {},
  ...overrides
})

const address = (overrides: Record<string, unknown>) => ({
  kind: null,
  street: null,
  city: null,
  country: null,
  ...overrides
})

describe("Mapping compiler", () => {
  it.effect("fills every unmapped key in the target's order and leaves out the optional one", () =>
    Effect.gen(function* () {
      const m = yield* load("")
      const r = m({ id: "1" })
      assert.deepStrictEqual(r, { value: out(), issues: [] })
      assert.deepStrictEqual(Object.keys(r.value!), [
        "id",
        "name",
        "age",
        "active",
        "gender",
        "phone",
        "tags",
        "billing",
        "shipping",
        "lines",
        "extra"
      ])
      assert.strictEqual(m.name, "t")
      assert.strictEqual(m.source, "test/Source")
      assert.strictEqual(m.target, "test/Target")
      assert.strictEqual(m.file, "/virtual/m.yaml")
    })
  )

  it.effect("shares one frozen empty issues list between clean records", () =>
    Effect.gen(function* () {
      const m = yield* load("")
      const a = m({ id: "1" }).issues
      const b = m({ id: "2" }).issues
      assert.strictEqual(a, b)
      assert.isTrue(Object.isFrozen(a))
    })
  )

  it.effect("shorthand copies a source path; an absent one is null", () =>
    Effect.gen(function* () {
      const m = yield* load("  name: name\n  billing: { city: nested.b.c }")
      assert.deepStrictEqual(
        m({ id: "1", name: "Ann", nested: { b: { c: "Oslo" } } }).value,
        out({
          name: "Ann",
          billing: address({ city: "Oslo" })
        })
      )
      assert.deepStrictEqual(m({ id: "1" }).value, out({ billing: address({}) }))
    })
  )

  it.effect("const gives a literal, null included; objects and lists are fresh per record", () =>
    Effect.gen(function* () {
      const m = yield* load(
        '  name: { const: "fixed" }\n  gender: { const: null }\n  extra: { const: { k: [1, 2] } }'
      )
      const a = m({ id: "1" }).value!
      const b = m({ id: "1" }).value!
      assert.deepStrictEqual(a, out({ name: "fixed", extra: { k: [1, 2] } }))
      assert.notStrictEqual(a.extra, b.extra)
    })
  )

  it.effect("from + pipe runs the transforms in order", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  name: { from: name, pipe: [trim, uppercase] }\n  age: { from: age, pipe: [int] }"
      )
      assert.deepStrictEqual(
        m({ id: "1", name: "  ann lee ", age: " 42 " }).value,
        out({ name: "ANN LEE", age: 42 })
      )
    })
  )

  it.effect("from a list of paths gives the pipe a tuple", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  phone: { from: [dial, phone], pipe: [e164] }\n  name: { from: [first, last, name], pipe: [coalesce] }"
      )
      assert.deepStrictEqual(
        m({ id: "1", dial: "966", phone: "565445254", first: "", last: "Lee" }).value,
        out({
          phone: "+966565445254",
          name: "Lee"
        })
      )
    })
  )

  it.effect("lookup maps String(value); otherwise catches the rest; null skips the table", () =>
    Effect.gen(function* () {
      const m = yield* load("  gender: { from: gender, lookup: { 1: male, 2: female }, otherwise: other }")
      assert.deepStrictEqual(m({ id: "1", gender: "1" }).value, out({ gender: "male" }))
      assert.deepStrictEqual(m({ id: "1", gender: "2" }).value, out({ gender: "female" }))
      assert.deepStrictEqual(m({ id: "1", gender: "9" }).value, out({ gender: "other" }))
      assert.deepStrictEqual(m({ id: "1" }).value, out({ gender: null }))
    })
  )

  it.effect("a lookup without otherwise rejects a value it has no key for", () =>
    Effect.gen(function* () {
      const m = yield* load("  gender: { from: gender, lookup: { m: male, f: female } }")
      assert.deepStrictEqual(m({ id: "1", gender: "f" }).value, out({ gender: "female" }))
      assert.deepStrictEqual(m({ id: "1", gender: "x" }), {
        issues: [
          {
            severity: "error",
            stage: "map",
            path: "gender",
            sourcePath: "gender",
            code: "UnknownLookupValue",
            message: '"x" is not in the lookup table ("m", "f")'
          }
        ]
      })
    })
  )

  it.effect("default replaces a null result", () =>
    Effect.gen(function* () {
      const m = yield* load('  name: { from: name, pipe: [nullIfEmpty], default: "n/a" }')
      assert.deepStrictEqual(m({ id: "1", name: "" }).value, out({ name: "n/a" }))
      assert.deepStrictEqual(m({ id: "1" }).value, out({ name: "n/a" }))
      assert.deepStrictEqual(m({ id: "1", name: "Bo" }).value, out({ name: "Bo" }))
    })
  )

  describe("when", () => {
    const cases: ReadonlyArray<readonly [string, Record<string, unknown>, boolean]> = [
      ["{ present: name }", { name: "a" }, true],
      ["{ present: name }", { name: "" }, false],
      ["{ present: name }", {}, false],
      ["{ absent: name }", { name: "" }, true],
      ["{ absent: name }", { name: "a" }, false],
      ["{ anyPresent: [first, last] }", { last: "x" }, true],
      ["{ anyPresent: [first, last] }", { first: "", last: "" }, false],
      ["{ allPresent: [first, last] }", { first: "a", last: "b" }, true],
      ["{ allPresent: [first, last] }", { first: "a" }, false],
      ["{ equals: { path: flag, value: 1 } }", { flag: "1" }, true],
      ["{ equals: { path: flag, value: 1 } }", { flag: "0" }, false],
      ["{ equals: { path: flag, value: null } }", {}, false],
      ["{ equals: { path: active, value: true } }", { active: true }, true],
      ["{ not: { present: name } }", {}, true],
      ["{ all: [{ present: first }, { absent: last }] }", { first: "a" }, true],
      ["{ all: [{ present: first }, { absent: last }] }", { first: "a", last: "b" }, false],
      ["{ any: [{ present: first }, { present: last }] }", { last: "b" }, true],
      ["{ any: [{ present: first }, { present: last }] }", {}, false]
    ]
    for (const [condition, record, holds] of cases) {
      it.effect(`${condition} on ${JSON.stringify(record)} ${holds ? "holds" : "fails"}`, () =>
        Effect.gen(function* () {
          const m = yield* load(`  name: { const: "yes", when: ${condition} }`)
          assert.deepStrictEqual(m({ id: "1", ...record }).value, out({ name: holds ? "yes" : null }))
        })
      )
    }

    it.effect("a failing when gives [] to a list and {} to extra", () =>
      Effect.gen(function* () {
        const m = yield* load(
          "  tags: { each: tags, when: { present: name } }\n  extra: { when: { present: name }, fields: { a: name } }"
        )
        assert.deepStrictEqual(m({ id: "1", tags: ["a"] }).value, out())
        assert.deepStrictEqual(
          m({ id: "1", name: "n", tags: ["a"] }).value,
          out({ tags: ["a"], extra: { a: "n" } })
        )
      })
    )
  })

  it.effect("nested blocks build objects, with fields/when/otherwise", () =>
    Effect.gen(function* () {
      const m = yield* load(
        [
          "  billing:",
          "    kind: { const: billing }",
          "    street: street",
          "    country: { from: country, pipe: [country] }",
          "  shipping:",
          "    when: { present: ship_city }",
          "    fields: { kind: { const: shipping }, city: ship_city, street: ship_street }",
          "    otherwise: { fields: { kind: { const: shipping }, city: city } }"
        ].join("\n")
      )
      assert.deepStrictEqual(
        m({ id: "1", street: "1 Main St", country: "Norway", city: "Oslo", ship_city: "Bergen" }).value,
        out({
          billing: address({ kind: "billing", street: "1 Main St", country: "NO" }),
          shipping: address({ kind: "shipping", city: "Bergen" })
        })
      )
      assert.deepStrictEqual(
        m({ id: "1", city: "Oslo" }).value,
        out({ billing: address({ kind: "billing" }), shipping: address({ kind: "shipping", city: "Oslo" }) })
      )
    })
  )

  it.effect("a block whose when fails and has no otherwise is null", () =>
    Effect.gen(function* () {
      const m = yield* load("  billing: { when: { present: city }, fields: { city: city } }")
      assert.deepStrictEqual(m({ id: "1" }).value, out())
      assert.deepStrictEqual(m({ id: "1", city: "Oslo" }).value, out({ billing: address({ city: "Oslo" }) }))
    })
  )

  it.effect("each maps every item; paths are relative to the item, $. goes to the root", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  lines: { each: lines, fields: { sku: { from: sku, pipe: [uppercase] }, qty: { from: qty, pipe: [int] }, at: { from: $.age, pipe: [int] } } }"
      )
      assert.deepStrictEqual(
        m({ id: "1", age: "7", lines: [{ sku: "a1", qty: "2" }, { sku: "b2" }] }).value,
        out({
          lines: [
            { sku: "A1", qty: 2, at: 7 },
            { sku: "B2", qty: null, at: 7 }
          ]
        })
      )
      assert.deepStrictEqual(m({ id: "1" }).value, out())
      assert.deepStrictEqual(m({ id: "1", lines: null }).value, out())
    })
  )

  it.effect("each where keeps only the items for which the condition holds, with fields", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  lines: { each: lines, where: { all: [{ present: sku }, { not: { equals: { path: qty, value: 0 } } }] }, fields: { sku: sku, qty: { from: qty, pipe: [int] } } }"
      )
      const input = {
        id: "1",
        lines: [
          { sku: "a", qty: "1" },
          { qty: "2" },
          { sku: "", qty: "3" },
          { sku: "d", qty: "0" },
          { sku: "e" }
        ]
      }
      assert.deepStrictEqual(
        m(input).value,
        out({
          lines: [
            { sku: "a", qty: 1, at: null },
            { sku: "e", qty: null, at: null }
          ]
        })
      )
      // The source list is left as it was.
      assert.strictEqual(input.lines.length, 5)
    })
  )

  it.effect("each where without fields keeps the items themselves, through the pipe", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  extra: { kept: { each: lines, where: { equals: { path: qty, value: 2 } } } }\n" +
          "  tags: { each: tags, where: { present: $.flag }, pipe: [uppercase] }"
      )
      const lines = [
        { sku: "a", qty: "2" },
        { sku: "b", qty: "3" },
        { sku: "c", qty: "2" }
      ]
      assert.deepStrictEqual(
        m({ id: "1", lines, tags: ["x", "y"] }).value,
        out({
          extra: {
            kept: [
              { sku: "a", qty: "2" },
              { sku: "c", qty: "2" }
            ]
          }
        })
      )
      assert.deepStrictEqual(
        m({ id: "1", flag: "on", tags: ["x", "y"] }).value,
        out({ tags: ["X", "Y"], extra: { kept: [] } })
      )
    })
  )

  it.effect("each where reads the record root with $. and the item with plain paths", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  lines: { each: lines, where: { any: [{ present: $.name }, { present: note }] }, fields: { sku: sku, at: { from: $.age, pipe: [int] } } }"
      )
      const lines = [{ sku: "a" }, { sku: "b", note: "n" }, { sku: "c", note: "" }]
      assert.deepStrictEqual(
        m({ id: "1", age: "4", lines }).value,
        out({ lines: [{ sku: "b", qty: null, at: 4 }] })
      )
      assert.deepStrictEqual(
        m({ id: "1", name: "Ann", age: "4", lines }).value,
        out({
          lines: [
            { sku: "a", qty: null, at: 4 },
            { sku: "b", qty: null, at: 4 },
            { sku: "c", qty: null, at: 4 }
          ]
        })
      )
    })
  )

  it.effect("each where that keeps nothing gives []; the each's when still decides if there is a list", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  lines: { each: lines, where: { present: sku }, fields: { sku: sku } }\n" +
          "  extra: { l: { each: lines, when: { present: name }, where: { present: sku }, fields: { s: sku } } }"
      )
      const none = [{ qty: "1" }, { note: "x" }]
      assert.deepStrictEqual(m({ id: "1", lines: none }).value, out({ extra: { l: null } }))
      assert.deepStrictEqual(m({ id: "1", name: "n", lines: none }).value, out({ extra: { l: [] } }))
      assert.deepStrictEqual(
        m({ id: "1", name: "n", lines: [{ qty: "1" }, { sku: "b" }] }).value,
        out({ lines: [{ sku: "b", qty: null, at: null }], extra: { l: [{ s: "b" }] } })
      )
      assert.deepStrictEqual(m({ id: "1", name: "n" }).value, out({ extra: { l: [] } }))
    })
  )

  it.effect("each over scalars runs the pipe on every item", () =>
    Effect.gen(function* () {
      const m = yield* load("  tags: { each: tags, pipe: [trim, uppercase] }")
      assert.deepStrictEqual(m({ id: "1", tags: [" a", "b "] }).value, out({ tags: ["A", "B"] }))
    })
  )

  it.effect("each over a value that is not a list is an error issue", () =>
    Effect.gen(function* () {
      const m = yield* load("  tags: { each: tags }")
      assert.deepStrictEqual(m({ id: "1", tags: "a,b" }), {
        issues: [
          {
            severity: "error",
            stage: "map",
            path: "tags",
            sourcePath: "tags",
            code: "NotAnArray",
            message: "`each` reads a list, got string"
          }
        ]
      })
    })
  )

  it.effect("items builds a list of fixed entries and leaves out those whose when fails", () =>
    Effect.gen(function* () {
      const m = yield* load(
        '  tags: { items: [{ from: name, default: "-" }, { const: "has-city", when: { present: city } }, { from: last, pipe: [uppercase, required] }] }'
      )
      assert.deepStrictEqual(
        m({ id: "1", name: "n", last: "l", city: "c" }).value,
        out({ tags: ["n", "has-city", "L"] })
      )
      assert.deepStrictEqual(m({ id: "1", last: "l" }).value, out({ tags: ["-", "L"] }))
    })
  )

  it.effect("same copies another target field, with overrides, whatever the field order", () =>
    Effect.gen(function* () {
      // `billing` is computed before `shipping` because shipping uses it, and `name` (before
      // both in the target) uses `same` on billing's city.
      const m = yield* load(
        [
          "  shipping: { same: billing, fields: { kind: { const: shipping } } }",
          "  name: { same: billing.city }",
          "  billing: { kind: { const: billing }, city: city }"
        ].join("\n")
      )
      const r = m({ id: "1", city: "Oslo" }).value!
      assert.deepStrictEqual(
        r,
        out({
          name: "Oslo",
          billing: address({ kind: "billing", city: "Oslo" }),
          shipping: address({ kind: "shipping", city: "Oslo" })
        })
      )
      assert.deepStrictEqual(Object.keys(r), Object.keys(out()))
      assert.notStrictEqual(r.billing, r.shipping)
    })
  )

  it.effect("same of a null field is null", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  billing: { when: { present: city }, fields: { city: city } }\n  shipping: { same: billing, fields: { kind: { const: shipping } } }"
      )
      assert.deepStrictEqual(m({ id: "1" }).value, out())
    })
  )

  it.effect("extra takes any sub-fields, nested blocks and each", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  extra:\n    src:\n      nm: name\n      skus: { each: lines, fields: { s: sku } }\n      n: { from: count }"
      )
      assert.deepStrictEqual(
        m({ id: "1", name: "x", count: 3, lines: [{ sku: "a" }] }).value,
        out({
          extra: { src: { nm: "x", skus: [{ s: "a" }], n: 3 } }
        })
      )
    })
  )

  describe("onInvalid", () => {
    it.effect("reject (int's default): an error issue and no value", () =>
      Effect.gen(function* () {
        const m = yield* load("  age: { from: age, pipe: [int] }")
        assert.deepStrictEqual(m({ id: "1", age: "twenty" }), {
          issues: [
            {
              severity: "error",
              stage: "map",
              path: "age",
              sourcePath: "age",
              code: "InvalidInt",
              message: '"twenty" is not an integer'
            }
          ]
        })
      })
    )

    it.effect("null: a warning and null", () =>
      Effect.gen(function* () {
        const m = yield* load("  age: { from: age, pipe: [{ int: { onInvalid: null } }] }")
        assert.deepStrictEqual(m({ id: "1", age: "twenty" }), {
          value: out(),
          issues: [
            {
              severity: "warning",
              stage: "map",
              path: "age",
              sourcePath: "age",
              code: "InvalidInt",
              message: '"twenty" is not an integer'
            }
          ]
        })
      })
    )

    it.effect("keep: a warning and the raw value", () =>
      Effect.gen(function* () {
        const m = yield* load("  extra: { age: { from: age, pipe: [trim, { int: { onInvalid: keep } }] } }")
        assert.deepStrictEqual(m({ id: "1", age: " twenty " }), {
          value: out({ extra: { age: "twenty" } }),
          issues: [
            {
              severity: "warning",
              stage: "map",
              path: "extra.age",
              sourcePath: "age",
              code: "InvalidInt",
              message: '"twenty" is not an integer'
            }
          ]
        })
      })
    )
  })

  it.effect("issue paths carry the indexes of each and items, source paths too", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  lines: { items: [{ fields: { qty: { from: age, pipe: [int] } } }, { fields: { qty: { from: lines.1.qty, pipe: [int] } } }] }\n" +
          "  extra: { l: { each: lines, fields: { q: { from: qty, pipe: [int] }, at: { from: $.age, pipe: [int] } } } }"
      )
      const r = m({ id: "1", age: "x", lines: [{ qty: "1" }, { qty: "y" }] })
      assert.isUndefined(r.value)
      assert.deepStrictEqual(
        r.issues.map((i) => [i.path, i.sourcePath, i.code]),
        [
          ["lines.0.qty", "age", "InvalidInt"],
          ["lines.1.qty", "lines.1.qty", "InvalidInt"],
          ["extra.l.0.at", "age", "InvalidInt"],
          ["extra.l.1.q", "lines.1.qty", "InvalidInt"],
          ["extra.l.1.at", "age", "InvalidInt"]
        ]
      )
    })
  )

  it.effect(
    "each where: an issue's path has the index in the output list, its source path the index in the source list",
    () =>
      Effect.gen(function* () {
        const m = yield* load(
          "  extra: { l: { each: lines, where: { present: sku }, fields: { q: { from: qty, pipe: [int] } } }, n: { each: blob, where: { present: on }, pipe: [int] } }"
        )
        // The second line is left out: its bad qty gives no issue. The third is the output's second.
        const r = m({
          id: "1",
          lines: [{ sku: "a", qty: "1" }, { qty: "x" }, { sku: "c", qty: "y" }],
          blob: [{ off: 1 }, { on: 1 }, { off: 2 }, { on: 2 }]
        })
        assert.isUndefined(r.value)
        assert.deepStrictEqual(
          r.issues.map((i) => [i.path, i.sourcePath, i.code]),
          [
            ["extra.l.1.q", "lines.2.qty", "InvalidInt"],
            ["extra.n.0", "blob.1", "InvalidInt"],
            ["extra.n.1", "blob.3", "InvalidInt"]
          ]
        )
      })
  )

  it.effect("each where nested in each where: every level keeps its own two indexes", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  extra: { g: { each: blob, where: { present: on }, fields: { xs: { each: items, where: { present: v }, fields: { v: { from: v, pipe: [int] }, at: { from: $.age, pipe: [int] } } } } } }"
      )
      const r = m({
        id: "1",
        age: "z",
        blob: [{ items: [{ v: "bad" }] }, { on: true, items: [{}, { v: "7" }, { v: "q" }] }]
      })
      assert.deepStrictEqual(
        r.issues.map((i) => [i.path, i.sourcePath, i.code]),
        [
          ["extra.g.0.xs.0.at", "age", "InvalidInt"],
          ["extra.g.0.xs.1.v", "blob.1.items.2.v", "InvalidInt"],
          ["extra.g.0.xs.1.at", "age", "InvalidInt"]
        ]
      )
      const ok = m({ id: "1", age: "3", blob: [{ items: [{ v: "1" }] }, { on: 1, items: [{}, { v: "7" }] }] })
      assert.deepStrictEqual(ok.value?.extra, { g: [{ xs: [{ v: 7, at: 3 }] }] })
    })
  )

  it.effect("a tuple's issue names every source path", () =>
    Effect.gen(function* () {
      const m = yield* load("  phone: { from: [dial, phone], pipe: [{ e164: { onInvalid: reject } }] }")
      const r = m({ id: "1", dial: "64", phone: "1" })
      assert.deepStrictEqual(
        r.issues.map((i) => [i.severity, i.path, i.sourcePath, i.code]),
        [["error", "phone", "dial,phone", "InvalidPhone"]]
      )
    })
  )

  it.effect("a record that is not an object is one NotAnObject error", () =>
    Effect.gen(function* () {
      const m = yield* load("  name: name")
      for (const [input, kind] of [
        [42, "number"],
        [null, "null"],
        [["a"], "a list"],
        ["x", "string"]
      ] as const) {
        assert.deepStrictEqual(m(input), {
          issues: [
            {
              severity: "error",
              stage: "map",
              path: "",
              code: "NotAnObject",
              message: `a record must be an object, got ${kind}`
            }
          ]
        })
      }
    })
  )

  it.effect("never mutates its input (a deeply frozen record maps)", () =>
    Effect.gen(function* () {
      const m = yield* load(
        [
          "  name: { from: name, pipe: [trim] }",
          "  lines: { each: lines, fields: { sku: sku } }",
          "  billing: { city: city }",
          "  shipping: { same: billing, fields: { kind: { const: shipping } } }",
          "  extra: { copy: nested }"
        ].join("\n")
      )
      const record = { id: "1", name: " a ", city: "c", lines: [{ sku: "s" }], nested: { a: "x" } }
      const copy = structuredClone(record)
      const freeze = (v: unknown): void => {
        if (typeof v === "object" && v !== null) {
          for (const x of Object.values(v)) freeze(x)
          Object.freeze(v)
        }
      }
      freeze(record)
      const r = m(record)
      assert.deepStrictEqual(
        r.value,
        out({
          name: "a",
          lines: [{ sku: "s", qty: null, at: null }],
          billing: address({ city: "c" }),
          shipping: address({ kind: "shipping", city: "c" }),
          extra: { copy: { a: "x" } }
        })
      )
      assert.deepStrictEqual(record, copy)
    })
  )

  it.effect("validation issues of the output join the list, and reject the record", () =>
    Effect.gen(function* () {
      // `blob` is Unknown, so the checker lets it into `age`; the validator finds it is not an integer.
      const m = yield* load("  age: blob\n  name: { from: email, pipe: [email] }")
      const r = m({ id: "1", blob: "abc", email: "not an email" })
      assert.isUndefined(r.value)
      assert.deepStrictEqual(
        r.issues.map((i) => [i.severity, i.stage, i.path, i.code]),
        [
          ["warning", "map", "name", "InvalidEmail"],
          ["error", "validate", "age", "InvalidType"]
        ]
      )
      assert.deepStrictEqual(m({ id: "1", blob: 5 }), { value: out({ age: 5 }), issues: [] })
    })
  )

  it.effect("validation does not run on a record the mapping already rejected", () =>
    Effect.gen(function* () {
      const m = yield* load("  age: { from: first, pipe: [int] }\n  name: blob")
      assert.deepStrictEqual(
        m({ id: "1", blob: 5, first: "x" }).issues.map((i) => [i.stage, i.path, i.code]),
        [["map", "age", "InvalidInt"]]
      )
      assert.deepStrictEqual(
        m({ id: "1", blob: 5, first: "3" }).issues.map((i) => [i.stage, i.path, i.code]),
        [["validate", "name", "InvalidType"]]
      )
    })
  )

  it.effect("with validate: false the output is not validated", () =>
    Effect.gen(function* () {
      const m = yield* load("  age: blob", { validate: false })
      assert.deepStrictEqual(m({ id: "1", blob: "abc" }), { value: out({ age: "abc" }), issues: [] })
    })
  )

  it.effect("a transform that throws is an error issue, not a crash", () =>
    Effect.gen(function* () {
      const boom = Transform.make<undefined>({
        name: "boom",
        description: "throws",
        input: "any",
        output: () => ({ _tag: "String" }),
        nulls: "pass",
        onInvalid: "reject",
        compile: () => () => {
          throw new TypeError("secret value 1234")
        },
        examples: []
      })
      const m = yield* load("  name: { from: name, pipe: [boom] }", {
        transforms: Transform.registry([...Transforms.builtins, boom])
      })
      assert.deepStrictEqual(m({ id: "1", name: "x" }), {
        issues: [
          {
            severity: "error",
            stage: "map",
            path: "name",
            sourcePath: "name",
            code: "TransformFailed",
            message: "transform `boom` failed unexpectedly (TypeError); this is a bug in the transform"
          }
        ]
      })
    })
  )

  it.effect("runs a conversion shared by several fields once per record", () =>
    Effect.gen(function* () {
      let calls = 0
      const counted = Transform.make<undefined>({
        name: "counted",
        description: "counts its calls",
        input: ["string"],
        output: () => VT.Unknown,
        nulls: "pass",
        onInvalid: "reject",
        compile: () => (v) => {
          calls++
          return `<${String(v)}>`
        },
        examples: []
      })
      const m = yield* load(
        "  name: { from: name, pipe: [counted] }\n  extra: { a: { from: name, pipe: [counted] }, b: { from: city, pipe: [counted] } }",
        { transforms: Transform.registry([...Transforms.builtins, counted]) }
      )
      assert.deepStrictEqual(
        m({ id: "1", name: "n", city: "c" }).value,
        out({ name: "<n>", extra: { a: "<n>", b: "<c>" } })
      )
      assert.strictEqual(calls, 2)
      m({ id: "2", name: "n", city: "c" })
      assert.strictEqual(calls, 4)
    })
  )
})

describe("Mapping compiler: the `template` spec", () => {
  it.effect("builds a string from source fields without a `from`, then through pipe and default", () =>
    Effect.gen(function* () {
      const m = yield* load(
        [
          '  name: { template: "{first} {last}" }',
          '  billing: { street: { template: "{street} {city}", pipe: [uppercase] }, city: { template: "{city}", default: "?" } }'
        ].join("\n")
      )
      assert.deepStrictEqual(
        m({ id: "1", first: "Peter", last: "Parker", street: "5 Queen St", city: "Auckland" }),
        {
          value: out({
            name: "Peter Parker",
            billing: address({ street: "5 QUEEN ST AUCKLAND", city: "Auckland" })
          }),
          issues: []
        }
      )
      // Nothing to write: null, and the default replaces it.
      assert.deepStrictEqual(m({ id: "1" }), {
        value: out({ billing: address({ city: "?" }) }),
        issues: []
      })
    })
  )

  it.effect("an issue names the placeholders' source paths", () =>
    Effect.gen(function* () {
      const m = yield* load('  name: { template: "{first} {blob}" }')
      assert.deepStrictEqual(m({ id: "1", first: "Peter", blob: { a: 1 } }), {
        issues: [
          {
            severity: "error",
            stage: "map",
            path: "name",
            sourcePath: "first,blob",
            code: "InvalidType",
            message: "template cannot write {blob}, object, as text"
          }
        ]
      })
    })
  )
})

describe("Mapping compiler: onInvalid keep", () => {
  it.effect("a kept value skips the lookup and the default, as the checker types it", () =>
    Effect.gen(function* () {
      const m = yield* load(
        "  name: { from: name, pipe: [{ int: { onInvalid: keep } }], lookup: { 1: one }, default: none }"
      )
      assert.deepStrictEqual(m({ id: "1", name: "abc" }), {
        value: out({ name: "abc" }),
        issues: [
          {
            severity: "warning",
            stage: "map",
            path: "name",
            sourcePath: "name",
            code: "InvalidInt",
            message: '"abc" is not an integer'
          }
        ]
      })
      assert.deepStrictEqual(m({ id: "1", name: "1" }), { value: out({ name: "one" }), issues: [] })
      assert.deepStrictEqual(m({ id: "1" }), { value: out({ name: "none" }), issues: [] })
    })
  )
})

describe("Mapping compiler: secrets", () => {
  const loadAccount = (fields: string, validate = true) =>
    Mapping.loadString(
      [
        "mapwright: mapping/v1",
        "name: t",
        "source: test/Account",
        "target: test/Target",
        "unmapped: off",
        "secrets: [password, hash]",
        "fields:",
        "  id: id",
        fields
      ].join("\n"),
      "/virtual/m.yaml",
      { schemas: registry, validate }
    ).pipe(Effect.provide(NodeFileSystem.layer))

  const issue = (
    path: string,
    sourcePath: string,
    code: string,
    message: string,
    severity: RecordIssue.Severity = "error"
  ): RecordIssue.RecordIssue => ({ severity, stage: "map", path, sourcePath, code, message })

  it.effect("a transform's message never quotes a secret value; the code stays", () =>
    Effect.gen(function* () {
      const m = yield* loadAccount("  age: { from: password, pipe: [int] }")
      assert.deepStrictEqual(m({ id: "1", password: "hunter2" }), {
        issues: [issue("age", "password", "InvalidInt", "the value of a secret field is not valid for `int`")]
      })
      const kept = yield* loadAccount(
        "  extra: { pw: { from: password, pipe: [{ int: { onInvalid: keep } }] } }"
      )
      assert.deepStrictEqual(kept({ id: "1", password: "hunter2" }).issues, [
        issue(
          "extra.pw",
          "password",
          "InvalidInt",
          "the value of a secret field is not valid for `int`",
          "warning"
        )
      ])
      // A value that is not secret is still quoted.
      const plain = yield* loadAccount("  age: { from: age, pipe: [int] }")
      assert.deepStrictEqual(plain({ id: "1", age: "hunter2" }).issues, [
        issue("age", "age", "InvalidInt", '"hunter2" is not an integer')
      ])
    })
  )

  it.effect("nor does a lookup miss", () =>
    Effect.gen(function* () {
      const m = yield* loadAccount("  gender: { from: password, lookup: { a: male } }")
      assert.deepStrictEqual(m({ id: "1", password: "hunter2" }), {
        issues: [
          issue(
            "gender",
            "password",
            "UnknownLookupValue",
            "the value of a secret field is not in the lookup table"
          )
        ]
      })
    })
  )

  it.effect("nor output validation, also of a `same` copy", () =>
    Effect.gen(function* () {
      const m = yield* loadAccount(
        ["  gender: hash", "  billing: { city: hash }", "  shipping: { same: billing }"].join("\n")
      )
      const r = m({ id: "1", hash: "hunter2" })
      assert.isUndefined(r.value)
      assert.deepStrictEqual(
        r.issues.map((i) => [i.stage, i.path, i.code, i.message]),
        [["validate", "gender", "InvalidEnum", "the value of a secret field is not valid for `gender`"]]
      )
      const copied = m({ id: "1", hash: 5 })
      assert.deepStrictEqual(
        copied.issues.map((i) => [i.stage, i.path, i.code, i.message]),
        [
          ["validate", "gender", "InvalidEnum", "the value of a secret field is not valid for `gender`"],
          [
            "validate",
            "billing.city",
            "InvalidType",
            "the value of a secret field is not valid for `billing.city`"
          ],
          [
            "validate",
            "shipping.city",
            "InvalidType",
            "the value of a secret field is not valid for `shipping.city`"
          ]
        ]
      )
    })
  )
})
