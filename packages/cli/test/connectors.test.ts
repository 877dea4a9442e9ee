import { assert, describe, it } from "@effect/vitest"
import { cli, workdir } from "./pipelineKit.ts"

interface Entry {
  readonly level: string
  readonly note?: string
}

interface Listed {
  readonly connectors: ReadonlyArray<{
    readonly name: string
    readonly streams: ReadonlyArray<{
      readonly name: string
      readonly canonical: string
      readonly key: ReadonlyArray<string>
      readonly cursor: string | null
      readonly capabilities: ReadonlyArray<string>
      readonly fields: {
        readonly counts: Readonly<Record<string, number>>
        readonly declaration: Readonly<Record<string, Entry>>
      } | null
    }>
  }>
}

/** The canonical customer fields, in canonical order (canonical/Customer less id, extra, source). */
const customerFields = [
  "email",
  "firstName",
  "lastName",
  "company",
  "phone",
  "phones",
  "gender",
  "birthDate",
  "isGuest",
  "active",
  "blocked",
  "canLogin",
  "groups",
  "tags",
  "billing",
  "shipping",
  "addresses",
  "marketing",
  "discountPercent",
  "orderCount",
  "lastOrderAt",
  "createdAt",
  "updatedAt",
  "lastLoginAt",
  "deletedAt"
]

// one run of the CLI for each form, shared by the tests
let json: Promise<Listed> | undefined
let text: Promise<string> | undefined

const listed = (): Promise<Listed> =>
  (json ??= cli(["connectors", "--json"], { cwd: workdir() }).then((r) => {
    assert.strictEqual(r.status, 0, r.stderr)
    return JSON.parse(r.stdout) as Listed
  }))

const printed = (): Promise<string> =>
  (text ??= cli(["connectors"], { cwd: workdir() }).then((r) => {
    assert.strictEqual(r.status, 0, r.stderr)
    return r.stdout
  }))

const connector = (all: Listed, name: string) => {
  const found = all.connectors.find((c) => c.name === name)
  assert.isDefined(found, `connector ${name} is listed`)
  return found!
}

const stream = (all: Listed, name: string, streamName: string) => {
  const found = connector(all, name).streams.find((s) => s.name === streamName)
  assert.isDefined(found, `stream ${name}.${streamName} is listed`)
  return found!
}

describe.concurrent("mapwright connectors", () => {
  it("lists the installed connectors with their streams, keys, cursors and capabilities", async () => {
    const all = await listed()
    assert.deepStrictEqual(all.connectors.map((c) => c.name).sort(), [
      "foodics",
      "magento",
      "open2b",
      "prestashop",
      "shopify",
      "woocommerce",
      "xml-resultset"
    ])
    assert.deepStrictEqual(stream(all, "xml-resultset", "customers").key, ["username"])
    assert.deepStrictEqual(stream(all, "xml-resultset", "customers").capabilities, [
      "list",
      "count",
      "get",
      "find",
      "create",
      "update"
    ])
    assert.strictEqual(stream(all, "woocommerce", "orders").cursor, "date_modified_gmt")
    assert.include(stream(all, "woocommerce", "customers").capabilities, "delete")
    assert.match(await printed(), /^ {4}key: {11}username$/m)
  })

  it("gives every customer stream's field declaration, complete and in canonical order, and no other stream one", async () => {
    const all = await listed()
    // each of the seven connectors has a customers stream with its declaration
    for (const c of all.connectors) assert.isNotNull(stream(all, c.name, "customers").fields, c.name)
    for (const c of all.connectors)
      for (const s of c.streams) {
        if (s.canonical !== "canonical/Customer") {
          assert.isNull(s.fields, `${c.name}.${s.name}`)
          continue
        }
        assert.isNotNull(s.fields, `${c.name}.${s.name} declares its fields`)
        assert.deepStrictEqual(Object.keys(s.fields!.declaration), customerFields, `${c.name}.${s.name}`)
        const total = Object.values(s.fields!.counts).reduce((a, b) => a + b, 0)
        assert.strictEqual(total, 25, `${c.name}.${s.name}: the counts cover the 25 fields`)
      }
  })

  it("counts the levels and keeps each note (xml-resultset and woocommerce, as declared)", async () => {
    const all = await listed()
    const xml = stream(all, "xml-resultset", "customers").fields!
    assert.deepStrictEqual(xml.counts, { full: 3, lossy: 10, none: 12 })
    assert.deepStrictEqual(xml.declaration.email, { level: "full" })
    assert.deepStrictEqual(xml.declaration.gender, { level: "none" })
    assert.strictEqual(xml.declaration.marketing!.level, "lossy")
    assert.include(xml.declaration.marketing!.note, "smsOptIn")
    const woo = stream(all, "woocommerce", "customers").fields!
    assert.deepStrictEqual(woo.counts, { full: 3, lossy: 8, none: 14 })
    assert.deepStrictEqual(woo.declaration.firstName, { level: "full" })
    assert.strictEqual(woo.declaration.createdAt!.level, "lossy")
    assert.deepStrictEqual(woo.declaration.groups, { level: "none" })
  })

  it("prints a field summary line under each customer stream: counts and the fields not carried", async () => {
    const stdout = await printed()
    assert.include(
      stdout,
      "    fields:        3 full, 10 lossy, 12 none (not carried: gender, birthDate, blocked, canLogin, tags, " +
        "addresses, orderCount, lastOrderAt, createdAt, updatedAt, lastLoginAt, deletedAt)\n"
    )
    // the groups stream has no field line: the line after its body is its first mapping
    assert.match(stdout, /customerGroups .*\n.*\n.*\n.*\n {4}body: {10}application\/xml\n {4}toCanonical:/)
  })
})
