import { assert, describe, it } from "@effect/vitest"
import { Collection } from "../src/index.ts"

interface Customer {
  readonly email: string
  readonly name?: string
}

describe("Collection", () => {
  it("gives auto-increment ids and keeps writes for later reads", () => {
    const c = Collection.make<Customer>({ records: [{ email: "a@example.com" }, { email: "b@example.com" }] })
    assert.deepStrictEqual(c.list(), [
      { email: "a@example.com", id: 1 },
      { email: "b@example.com", id: 2 }
    ])
    const created = c.insert({ email: "c@example.com" })
    assert.strictEqual(created.id, 3)
    assert.deepStrictEqual(c.get("3"), { email: "c@example.com", id: 3 })
    assert.deepStrictEqual(c.update(3, { name: "Cee" }), { email: "c@example.com", name: "Cee", id: 3 })
    assert.deepStrictEqual(c.replace(1, { email: "z@example.com" }), { email: "z@example.com", id: 1 })
    assert.deepStrictEqual(c.delete(2), { email: "b@example.com", id: 2 })
    assert.strictEqual(c.get(2), undefined)
    assert.strictEqual(c.update(99, { name: "x" }), undefined)
    assert.strictEqual(c.delete("abc"), undefined)
    assert.strictEqual(c.size(), 2)
    assert.deepStrictEqual(
      c.find((r) => r.email.startsWith("c")).map((r) => r.id),
      [3]
    )
    assert.strictEqual(c.insert({ email: "d@example.com" }).id, 4)
  })

  it("never shares objects with callers", () => {
    const input = { email: "a@example.com", tags: ["x"] }
    const c = Collection.make<{ email: string; tags: Array<string> }>()
    const stored = c.insert(input)
    stored.tags.push("mutated")
    input.tags.push("mutated too")
    assert.deepStrictEqual(c.get(1), { email: "a@example.com", tags: ["x"], id: 1 })
    assert.deepStrictEqual(input, { email: "a@example.com", tags: ["x", "mutated too"] })
  })

  it("uses a custom id field and start, and keeps given ids when asked", () => {
    const c = Collection.make<{ name: string; customer_id?: number }, "customer_id">({
      idField: "customer_id",
      start: 100,
      keepIds: true,
      records: [{ name: "a", customer_id: 500 }, { name: "b" }]
    })
    assert.deepStrictEqual(
      c.list().map((r) => r.customer_id),
      [500, 501]
    )
    assert.strictEqual(c.nextId(), 502)
  })
})
