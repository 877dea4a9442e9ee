import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Mapping from "../src/Mapping.ts"
import type * as SpecError from "../src/SpecError.ts"
import { registry } from "./fixtures/mappings/schemas.ts"

// Lines 1 to 6; the fields start on line 7.
const H = [
  "mapwright: mapping/v1",
  "name: t",
  "source: test/Source",
  "target: test/Target",
  "unmapped: off",
  "fields:"
]
const doc = (...lines: ReadonlyArray<string>): string => [...H, ...lines].join("\n")

const check = (text: string) =>
  Mapping.checkString(text, "m.yaml", { schemas: registry }).pipe(Effect.provide(NodeFileSystem.layer))

type Row = readonly [number, number, string, string]
const rows = (ds: ReadonlyArray<SpecError.Diagnostic>): ReadonlyArray<Row> =>
  ds.map((d) => [d.line, d.column, d.code, d.path])
const messages = (ds: ReadonlyArray<SpecError.Diagnostic>) =>
  ds.map((d) => (d.hint === undefined ? d.message : `${d.message} | ${d.hint}`))

describe("Mapping checker", () => {
  it.effect("YamlSyntax, at the yaml package's own position", () =>
    Effect.gen(function* () {
      const ds = yield* check("mapwright: mapping/v1\nname: t: u\n")
      assert.deepStrictEqual(rows(ds), [[2, 7, "YamlSyntax", ""]])
      assert.deepStrictEqual(messages(ds), ["Nested mappings are not allowed in compact mappings"])
      assert.strictEqual(ds[0]!.file, "m.yaml")
    })
  )

  it.effect("SchemaViolation: an unknown key, at the key, with did you mean", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id", "  name: { from: name, frm: x }"))
      assert.deepStrictEqual(rows(ds), [[8, 23, "SchemaViolation", "fields.name.frm"]])
      assert.deepStrictEqual(messages(ds), ['unknown key "frm" in a `from` spec | did you mean "from"?'])
    })
  )

  it.effect("SchemaViolation: one message per problem, at the node", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        [
          "mapwright: mapping/v2",
          "name: t",
          "soruce: test/Source",
          "target: test/Target",
          "unmapped: wran",
          "fields:",
          "  id: 5",
          "  name: ~",
          "  age: { from: age, pipe: [{ int: {}, trim: {} }], otherwise: 1 }",
          "  gender: { const: x, when: { present: a, absent: b } }"
        ].join("\n")
      )
      assert.deepStrictEqual(rows(ds), [
        [1, 1, "SchemaViolation", ""],
        [1, 12, "SchemaViolation", "mapwright"],
        [3, 1, "SchemaViolation", "soruce"],
        [5, 11, "SchemaViolation", "unmapped"],
        [7, 7, "SchemaViolation", "fields.id"],
        [8, 9, "SchemaViolation", "fields.name"],
        [9, 28, "SchemaViolation", "fields.age.pipe[0]"],
        [9, 52, "SchemaViolation", "fields.age.otherwise"],
        [10, 29, "SchemaViolation", "fields.gender.when"]
      ])
      assert.deepStrictEqual(messages(ds), [
        'missing key "source" in a mapping',
        'expected "mapping/v1", got the string "mapping/v2"',
        'unknown key "soruce" in a mapping | did you mean "source"?',
        'expected one of "warn", "error", "off", got the string "wran" | did you mean "warn"?',
        "a field spec must be a source path or a map, got number 5 | write `{ const: ... }` for a literal value",
        "a field spec must be a source path or a map, got null | write `{ const: null }` for a null value",
        "a pipe step with options is a map with exactly one key, the transform's name | e.g. `{ e164: { defaultCountry: NZ } }`",
        "`otherwise` applies only with `lookup` (the value when the table has no key) | use `default` for the value when the result is null",
        "a condition has exactly one key | one of present, absent, anyPresent, allPresent, equals, not, all, any; combine several with `all` or `any`"
      ])
    })
  )

  it.effect("SchemaViolation: a document that is a list or a scalar", () =>
    Effect.gen(function* () {
      const list = yield* check("- a\n- b\n")
      assert.deepStrictEqual(rows(list), [[1, 1, "SchemaViolation", ""]])
      assert.deepStrictEqual(messages(list), [
        "a mapping must be a map with the keys mapwright, name, source, target and fields; got a list"
      ])
      const scalar = yield* check("hello\n")
      assert.deepStrictEqual(messages(scalar), [
        'a mapping must be a map with the keys mapwright, name, source, target and fields; got the string "hello"'
      ])
      const empty = yield* check("")
      assert.deepStrictEqual(messages(empty), [
        "a mapping must be a map with the keys mapwright, name, source, target and fields; got null"
      ])
    })
  )

  it.effect("UnknownSchema, with a suggestion", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id").replace("source: test/Source", "source: test/Sourse"))
      assert.deepStrictEqual(rows(ds), [[3, 9, "UnknownSchema", "source"]])
      assert.deepStrictEqual(messages(ds), [
        'unknown source record schema "test/Sourse" | did you mean "test/Source"?'
      ])
    })
  )

  it.effect("UnknownSourcePath, with did you mean at the failing level", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  name: nmae",
          "  billing: { city: nested.b.d }",
          "  shipping: { city: lines.sku }",
          "  lines: { each: lines, fields: { sku: name } }",
          "  phone: { from: phone, pipe: [{ e164: { defaultCountry: { from: contry } } }] }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 9, "UnknownSourcePath", "fields.name"],
        [9, 20, "UnknownSourcePath", "fields.billing.city"],
        [10, 21, "UnknownSourcePath", "fields.shipping.city"],
        [11, 40, "UnknownSourcePath", "fields.lines.fields.sku"],
        [12, 66, "UnknownSourcePath", "fields.phone.pipe[0].e164.defaultCountry.from"]
      ])
      assert.deepStrictEqual(messages(ds), [
        'unknown source path "nmae" in test/Source | did you mean "name"?',
        'unknown source path "nested.b.d" (no "d" in "nested.b") | did you mean "c"?',
        '"lines" is a list: index it (`lines.0.sku`) or read its items with `each`',
        'unknown source path "name" in the items of `lines` | "name" is a field of the record: write `$.name` inside `each`',
        'unknown source path "contry" in test/Source | did you mean "country"?'
      ])
    })
  )

  it.effect("UnknownTargetField, at the key, with a suggestion", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id", "  nmae: name", "  billing: { cty: city }"))
      assert.deepStrictEqual(rows(ds), [
        [8, 3, "UnknownTargetField", "fields.nmae"],
        [9, 14, "UnknownTargetField", "fields.billing.cty"]
      ])
      assert.deepStrictEqual(messages(ds), [
        '`test/Target` has no field "nmae" | did you mean "name"?',
        '`billing` has no field "cty" | did you mean "city"?'
      ])
    })
  )

  it.effect("UnknownTransform, bare or with options", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  name: { from: name, pipe: [trmi] }",
          "  phone: { from: phone, pipe: [{ e16: { defaultCountry: NZ } }] }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 30, "UnknownTransform", "fields.name.pipe[0]"],
        [9, 34, "UnknownTransform", "fields.phone.pipe[0].e16"]
      ])
      assert.deepStrictEqual(messages(ds), [
        'unknown transform "trmi" | did you mean "trim"?',
        'unknown transform "e16" | did you mean "e164"?'
      ])
    })
  )

  it.effect("InvalidOptions: every issue of the options schema, at the option", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  phone: { from: phone, pipe: [{ e164: { defaultCountry: 5, bogus: 1 } }] }",
          "  name: { from: name, pipe: [{ trim: { x: 1 } }] }",
          "  age: { from: age, pipe: [{ default: {} }, int] }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 58, "InvalidOptions", "fields.phone.pipe[0].e164.defaultCountry"],
        [8, 68, "InvalidOptions", "fields.phone.pipe[0].e164.bogus"],
        [9, 38, "InvalidOptions", "fields.name.pipe[0].trim"],
        [10, 28, "InvalidOptions", "fields.age.pipe[0]"]
      ])
      assert.match(ds[0]!.message, /^invalid options for `e164` at `defaultCountry`: /)
      assert.match(ds[1]!.message, /^invalid options for `e164` at `bogus`: /)
      assert.strictEqual(ds[2]!.message, "`trim` takes no options (only `onInvalid`)")
      assert.strictEqual(ds[3]!.message, "`default` needs options: write `{ default: { ... } }`")
    })
  )

  it.effect("TypeMismatch: into a transform, and into the target, with hints", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  active: { from: flag, pipe: [not] }",
          "  age: { from: age, pipe: [trim] }",
          "  phone: phone",
          "  gender: { from: gender, lookup: { 1: male, 2: mal } }",
          "  tags: { each: tags, pipe: [{ split: { separator: x } }] }",
          "  billing: name"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 32, "TypeMismatch", "fields.active.pipe[0]"],
        [9, 8, "TypeMismatch", "fields.age"],
        [10, 10, "TypeMismatch", "fields.phone"],
        [11, 49, "TypeMismatch", 'fields.gender.lookup["2"]'],
        [12, 9, "TypeMismatch", "fields.tags"],
        [13, 12, "TypeMismatch", "fields.billing"]
      ])
      assert.deepStrictEqual(messages(ds), [
        "`not` takes boolean, but `flag` is string | add `bool` before `not`",
        "`age` expects integer | null, but the pipe's output is string | null: string is not assignable to integer | add `int` to the pipe",
        "`phone` expects string (e164) | null, but `phone` is string | null: string is not assignable to string (e164): add `e164` to the pipe",
        '`gender` expects "male" | "female" | "other" | null: "mal" is not one of "male" | "female" | "other"',
        "`tags[]` expects string, but the pipe's output is Array<string>: Array<string> is not assignable to string | add `join` to the pipe",
        "`billing` expects { ... } | null, but `name` is string | null: string is not assignable to { ... } | build the object with a block of sub-fields"
      ])
    })
  )

  it.effect("TypeMismatch: a block of sub-fields for a scalar, with the likely keyword typo", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id", "  name: { frm: name }"))
      assert.deepStrictEqual(rows(ds), [[8, 9, "TypeMismatch", "fields.name"]])
      assert.deepStrictEqual(messages(ds), [
        '`name` is string | null, but this is a block of sub-fields, which builds an object | a field spec needs `from`, `const`, `each`, `items`, `same` or `template`: did you mean "from"?'
      ])
    })
  )

  it.effect("NullableToRequired: a possibly-null value into a non-nullable field", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: name", "  tags: { items: [{ const: null }] }"))
      assert.deepStrictEqual(rows(ds), [
        [7, 7, "NullableToRequired", "fields.id"],
        [8, 19, "NullableToRequired", "fields.tags.items[0]"]
      ])
      assert.deepStrictEqual(messages(ds), [
        "`id` is string, not nullable, but `name` may be null | add `required` to the pipe (rejects the record when missing) or a `default`",
        "`tags[]` is string, not nullable, but the constant null is null | add `required` to the pipe (rejects the record when missing) or a `default`"
      ])
    })
  )

  it.effect("NullableToRequired: `required` and `default` make it non-nullable", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* check(doc("  id: { from: name, pipe: [required] }")), [])
      assert.deepStrictEqual(yield* check(doc('  id: { from: name, default: "x" }')), [])
    })
  )

  it.effect("UnmappedRequired: a non-nullable target field the mapping never sets", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  name: name"))
      assert.deepStrictEqual(rows(ds), [[6, 1, "UnmappedRequired", "fields"]])
      assert.deepStrictEqual(messages(ds), [
        "`id` is string, not nullable, and the mapping does not set it | map it, e.g. `id: <source path>`, or give it a `const`"
      ])
    })
  )

  it.effect("SameCycle: two fields that are each other, and a field inside itself", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  billing: { same: shipping }",
          "  shipping: { same: billing }",
          "  extra: { a: { same: extra.b } }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [9, 21, "SameCycle", "fields.shipping.same"],
        [10, 23, "SameCycle", "fields.extra.a.same"]
      ])
      assert.deepStrictEqual(messages(ds), [
        "`same` goes round in a circle: billing → shipping → billing | one of these fields must be mapped on its own",
        '`extra.a` cannot be `same` as "extra.b": it is part of the same field `extra`'
      ])
    })
  )

  it.effect("UnknownTargetField for `same`", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id", "  shipping: { same: biling }"))
      assert.deepStrictEqual(rows(ds), [[8, 21, "UnknownTargetField", "fields.shipping.same"]])
      assert.deepStrictEqual(messages(ds), [
        '`same` refers to "biling", which is not a field of test/Target | did you mean "billing"?'
      ])
    })
  )

  it.effect("UnmappedSourceField: warnings for the source leaves never read, unless ignored", () =>
    Effect.gen(function* () {
      const text = [
        "mapwright: mapping/v1",
        "name: t",
        "source: test/Source",
        "target: test/Target",
        "ignore: [first, last, email, age, flag, gender, phone, dial, country, city, street, ship_city, ship_street, count, active, tags, blob, nested.b]",
        "fields:",
        "  id: id",
        "  name: name",
        "  lines: { each: lines, fields: { sku: sku } }"
      ].join("\n")
      const ds = yield* check(text)
      assert.deepStrictEqual(
        ds.map((d) => [d.line, d.column, d.severity, d.code, d.message]),
        [
          [
            3,
            9,
            "warning",
            "UnmappedSourceField",
            "3 source fields are never read: `lines.qty`, `lines.note`, `nested.a`"
          ]
        ]
      )
      assert.strictEqual(ds[0]!.hint, "map them, keep them under `extra`, or list them in `ignore`")
      const strict = yield* check(text.replace("fields:", "unmapped: error\nfields:"))
      assert.deepStrictEqual(
        strict.map((d) => d.severity),
        ["error"]
      )
      // `ignore` takes list-item fields without an index, as the warning prints them, and
      // rejects a field the source does not have
      const item = yield* check(text.replace("nested.b]", "nested.b, nested.a, lines.qty, lines.note]"))
      assert.deepStrictEqual(item, [])
      const typo = yield* check(text.replace("nested.b]", "nested.b, lines.qtty]"))
      assert.deepStrictEqual(
        typo.filter((d) => d.code === "UnknownSourcePath").map((d) => [d.line, d.message, d.hint]),
        [[5, 'unknown source field "lines.qtty" in test/Source', 'did you mean "lines.qty"?']]
      )
    })
  )

  it.effect("TooDeep: nesting beyond 32 levels, and 10,000 levels without a crash", () =>
    Effect.gen(function* () {
      const deep = yield* check(`x: ${"[".repeat(40)}${"]".repeat(40)}\n`)
      assert.deepStrictEqual(
        deep.map((d) => [d.line, d.column, d.code]),
        [[1, 35, "TooDeep"]]
      )
      const huge = yield* check(`fields: ${"{ a: ".repeat(10_000)}1${" }".repeat(10_000)}\n`)
      assert.deepStrictEqual(
        huge.map((d) => d.code),
        ["TooDeep"]
      )
    })
  )

  it.effect("InvalidKey: a key that is a list", () =>
    Effect.gen(function* () {
      const ds = yield* check("mapwright: mapping/v1\nfields:\n  ? [a, b]\n  : x\n")
      assert.deepStrictEqual(rows(ds), [[3, 5, "InvalidKey", "fields"]])
    })
  )

  it.effect("1 MB strings give short messages", () =>
    Effect.gen(function* () {
      const big = "a".repeat(1_000_000)
      const ds = yield* check(doc("  id: id", `  name: "${big}"`).replace("name: t", `name: ${big}`))
      assert.deepStrictEqual(rows(ds), [
        [2, 7, "SchemaViolation", "name"],
        [8, 9, "SchemaViolation", "fields.name"]
      ])
      assert.deepStrictEqual(messages(ds), [
        "is too long (more than 200 characters)",
        "is too long (more than 1000 characters)"
      ])
    })
  )

  it.effect("reports every problem at once, sorted by position", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc("  name: nmae", "  age: { from: age, pipe: [trmi] }", "  bogus: x").replace(
          "target: test/Target",
          "target: test/Target"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [6, 1, "UnmappedRequired", "fields"],
        [7, 9, "UnknownSourcePath", "fields.name"],
        [8, 28, "UnknownTransform", "fields.age.pipe[0]"],
        [9, 3, "UnknownTargetField", "fields.bogus"]
      ])
    })
  )

  it.effect("load fails with a SpecError listing the same diagnostics, formatted file:line:col", () =>
    Effect.gen(function* () {
      const error = yield* Mapping.loadString(doc("  id: id", "  name: nmae"), "m.yaml", {
        schemas: registry
      }).pipe(Effect.provide(NodeFileSystem.layer), Effect.flip)
      assert.strictEqual(error._tag, "SpecError")
      assert.deepStrictEqual(rows(error.diagnostics), [[8, 9, "UnknownSourcePath", "fields.name"]])
      assert.strictEqual(
        error.message,
        'm.yaml:8:9: error UnknownSourcePath: unknown source path "nmae" in test/Source (at fields.name)\n    hint: did you mean "name"?\n1 error'
      )
    })
  )

  it.effect("check of a file that cannot be read is a diagnostic, not a failure", () =>
    Effect.gen(function* () {
      const ds = yield* Mapping.check("/nonexistent/dir/m.yaml", { schemas: registry }).pipe(
        Effect.provide(NodeFileSystem.layer)
      )
      assert.deepStrictEqual(rows(ds), [[1, 1, "UnreadableFile", ""]])
      assert.deepStrictEqual(messages(ds), ["cannot read the mapping: no such file"])
    })
  )
})

describe("Mapping checker: keys that would be ignored", () => {
  it.effect("UselessOtherwise: `otherwise` on a `fields` block without `when`", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc("  id: id", "  billing: { fields: { city: city }, otherwise: { const: null } }")
      )
      assert.deepStrictEqual(rows(ds), [[8, 38, "UselessOtherwise", "fields.billing.otherwise"]])
      assert.deepStrictEqual(messages(ds), [
        "`otherwise` applies only when `when` fails; add a `when` | or drop `otherwise`: without a `when` the sub-fields are always built"
      ])
      assert.strictEqual(ds[0]!.severity, "error")
      // The useless `otherwise` is not checked further: one diagnostic, not also a TypeMismatch.
      const bad = yield* check(
        doc("  id: id", "  billing: { fields: { city: city }, otherwise: { const: 5 } }")
      )
      assert.deepStrictEqual(rows(bad), [[8, 38, "UselessOtherwise", "fields.billing.otherwise"]])
    })
  )

  it.effect("ConflictingKeys: `each` with `fields` and a `pipe`, reported once, the pipe not checked", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc("  id: id", "  lines: { each: lines, fields: { sku: sku }, pipe: [trmi, { int: { bogus: 1 } }] }")
      )
      assert.deepStrictEqual(rows(ds), [[8, 47, "ConflictingKeys", "fields.lines.pipe"]])
      assert.deepStrictEqual(messages(ds), [
        "`pipe` cannot go with `each` + `fields`: `fields` builds each item as an object | give the sub-fields their own `pipe`, `lookup` or `default`, or drop `fields` to convert each item"
      ])
    })
  )

  it.effect("ConflictingKeys names every key that cannot go with `each` + `fields`", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  lines: { each: lines, fields: { sku: sku }, lookup: { $ref: ./nope.yaml }, otherwise: z, default: z }"
        )
      )
      assert.deepStrictEqual(rows(ds), [[8, 47, "ConflictingKeys", "fields.lines.lookup"]])
      assert.strictEqual(
        ds[0]!.message,
        "`lookup`, `otherwise` and `default` cannot go with `each` + `fields`: `fields` builds each item as an object"
      )
    })
  )

  it.effect(
    "a reserved key in a block of sub-fields is one diagnostic, not also an unknown target field",
    () =>
      Effect.gen(function* () {
        const ds = yield* check(doc("  id: id", "  billing: { city: city, when: { present: city } }"))
        assert.deepStrictEqual(rows(ds), [[8, 26, "SchemaViolation", "fields.billing.when"]])
        assert.deepStrictEqual(messages(ds), [
          "a block of sub-fields cannot take `when`: write its sub-fields under `fields:` | e.g. `billing: { when: { present: b_city }, fields: { city: b_city } }`"
        ])
      })
  )

  it.effect("each where: its paths are the item's, `$.` the record's, checked like those in fields", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  lines: { each: lines, where: { present: skuu }, fields: { sku: sku } }",
          "  tags: { each: tags, where: { equals: { path: $.flg, value: y } } }",
          "  extra: { l: { each: lines, where: { present: name } } }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 43, "UnknownSourcePath", "fields.lines.where.present"],
        [9, 48, "UnknownSourcePath", "fields.tags.where.equals.path"],
        [10, 48, "UnknownSourcePath", "fields.extra.l.where.present"]
      ])
      assert.deepStrictEqual(messages(ds), [
        'unknown source path "skuu" in the items of `lines` | did you mean "sku"?',
        'unknown source path "$.flg" in test/Source | did you mean "flag"?',
        'unknown source path "name" in the items of `lines` | "name" is a field of the record: write `$.name` inside `each`'
      ])
      const ok = yield* check(
        doc(
          "  id: id",
          "  lines: { each: lines, where: { all: [{ present: sku }, { present: $.name }] }, fields: { sku: sku } }"
        )
      )
      assert.deepStrictEqual(ok, [])
    })
  )

  it.effect("each where: a malformed condition is reported at its key, with did you mean", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc("  id: id", "  lines: { each: lines, where: { presnt: sku }, fields: { sku: sku } }")
      )
      assert.deepStrictEqual(rows(ds), [[8, 34, "SchemaViolation", "fields.lines.where.presnt"]])
      assert.deepStrictEqual(messages(ds), ['unknown key "presnt" | did you mean "present"?'])
    })
  )

  it.effect("`where` anywhere but on an `each` is a SchemaViolation at the key, saying what it is for", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  name: { from: name, where: { present: name } }",
          "  billing: { city: city, where: { present: city } }",
          "  shipping: { fields: { city: city }, where: { present: city } }",
          "  tags: { items: [{ const: a }], where: { present: name } }"
        )
      )
      assert.deepStrictEqual(rows(ds), [
        [8, 23, "SchemaViolation", "fields.name.where"],
        [9, 26, "SchemaViolation", "fields.billing.where"],
        [10, 39, "SchemaViolation", "fields.shipping.where"],
        [11, 34, "SchemaViolation", "fields.tags.where"]
      ])
      const when = "to decide whether the field gets a value at all, use `when`"
      assert.deepStrictEqual(messages(ds), [
        `\`where\` filters the items of an \`each\`; it cannot go in a \`from\` spec | ${when}`,
        "`where` filters the items of an `each`, but this block of sub-fields has no `each` | to build the block only when a condition holds, write `{ when: ..., fields: { ... } }`",
        `\`where\` filters the items of an \`each\`; it cannot go in a \`fields\` spec | ${when}`,
        `\`where\` filters the items of an \`each\`; it cannot go in a \`items\` spec | ${when}`
      ])
    })
  )

  it.effect("a top-level `$schema` key is allowed (editors use it)", () =>
    Effect.gen(function* () {
      const ds = yield* check(`$schema: ../schema/mapping.schema.json\n${doc("  id: id")}`)
      assert.deepStrictEqual(ds, [])
    })
  )
})

describe("Mapping checker: onInvalid keep", () => {
  it.effect(
    "the value a `keep` step keeps skips the lookup and the default: its type goes into the field",
    () =>
      Effect.gen(function* () {
        const ds = yield* check(
          doc(
            "  id: id",
            "  gender: { from: gender, pipe: [{ int: { onInvalid: keep } }], lookup: { 1: male }, default: other }"
          )
        )
        assert.deepStrictEqual(rows(ds), [[8, 34, "TypeMismatch", "fields.gender.pipe[0]"]])
        assert.deepStrictEqual(messages(ds), [
          '`gender` expects "male" | "female" | "other" | null, but the value `int` keeps (`onInvalid: keep`) is string: string is not assignable to "male" | "female" | "other" | a kept value goes into the field as it is, past the rest of the pipe, the lookup and the default: use `onInvalid: null` or `reject`'
        ])
      })
  )

  it.effect("a kept value that fits the field checks clean", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        doc(
          "  id: id",
          "  name: { from: name, pipe: [{ int: { onInvalid: keep } }], lookup: { 1: one }, default: none }"
        )
      )
      assert.deepStrictEqual(ds, [])
    })
  )
})

describe("Mapping checker: secrets", () => {
  const account = (...lines: ReadonlyArray<string>): string =>
    [
      "mapwright: mapping/v1",
      "name: t",
      "source: test/Account",
      "target: test/Target",
      "unmapped: off",
      ...lines
    ].join("\n")

  it.effect(
    "SecretField: a read of a secret, also inside `each`, in a condition, or inside a copied list",
    () =>
      Effect.gen(function* () {
        const ds = yield* check(
          account(
            "fields:",
            "  id: id",
            "  name: password",
            "  lines: { each: logins, fields: { sku: token } }",
            "  billing: { when: { present: password }, fields: { city: age } }",
            "  extra: { all: { from: logins } }"
          )
        )
        assert.deepStrictEqual(rows(ds), [
          [8, 9, "SecretField", "fields.name"],
          [9, 41, "SecretField", "fields.lines.fields.sku"],
          [10, 31, "SecretField", "fields.billing.when.present"],
          [11, 25, "SecretField", "fields.extra.all.from"]
        ])
        const hint = "or leave it out of the mapping (list it in `ignore`)"
        assert.deepStrictEqual(messages(ds), [
          `\`password\` is a secret (writeOnly) of test/Account; list it under \`secrets: [password]\` to copy it on purpose | ${hint}`,
          `\`logins.token\` is a secret (writeOnly) of test/Account; list it under \`secrets: [logins.token]\` to copy it on purpose | ${hint}`,
          `\`password\` is a secret (writeOnly) of test/Account; list it under \`secrets: [password]\` to copy it on purpose | ${hint}`,
          `\`logins\` reads \`logins.token\`, a secret (writeOnly) of test/Account; list it under \`secrets: [logins.token]\` to copy it on purpose | ${hint}`
        ])
        assert.isTrue(ds.every((d) => d.severity === "error"))
      })
  )

  it.effect("`secrets` opts in, written like `ignore` (list items without an index)", () =>
    Effect.gen(function* () {
      const ds = yield* check(
        account(
          "secrets: [password, logins.token]",
          "fields:",
          "  id: id",
          "  name: password",
          "  lines: { each: logins, fields: { sku: token } }",
          "  extra: { all: { from: logins }, first: logins.0.token }"
        )
      )
      assert.deepStrictEqual(ds, [])
    })
  )

  it.effect("`secrets` lists only secret fields of the source", () =>
    Effect.gen(function* () {
      const ds = yield* check(account("secrets: [age, pasword]", "fields:", "  id: id"))
      assert.deepStrictEqual(rows(ds), [
        [6, 11, "NotASecret", "secrets[0]"],
        [6, 16, "UnknownSourcePath", "secrets[1]"]
      ])
      assert.deepStrictEqual(messages(ds), [
        "`age` is not a secret (writeOnly) field of test/Account | its secret fields: password, hash, logins.token",
        'unknown source field "pasword" in test/Account | did you mean "password"?'
      ])
    })
  )
})

describe("Mapping checker: the `template` spec", () => {
  it.effect("needs no `from`; its placeholders are checked as source paths", () =>
    Effect.gen(function* () {
      const clean = yield* check(
        doc("  id: id", '  name: { template: "{first} {last}", pipe: [uppercase], default: "?" }')
      )
      assert.deepStrictEqual(clean, [])
      const ds = yield* check(doc("  id: id", '  name: { template: "{first} {lst}" }'))
      assert.deepStrictEqual(rows(ds), [[8, 21, "UnknownSourcePath", "fields.name.template"]])
      assert.deepStrictEqual(messages(ds), [
        'unknown source path "lst" in test/Source | did you mean "last"?'
      ])
    })
  )

  it.effect("its output may be null: not into a non-nullable field", () =>
    Effect.gen(function* () {
      const ds = yield* check(doc("  id: id", '  tags: { items: [{ template: "{first} {last}" }] }'))
      assert.deepStrictEqual(rows(ds), [[8, 19, "NullableToRequired", "fields.tags.items[0]"]])
      assert.deepStrictEqual(messages(ds), [
        "`tags[]` is string, not nullable, but the template may be null | add `required` to the pipe (rejects the record when missing) or a `default`"
      ])
    })
  )
})
