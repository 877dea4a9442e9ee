import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as ResourceSpec from "../src/ResourceSpec.ts"

const { make } = ResourceSpec

describe("ResourceSpec.parse", () => {
  it("reads a single resource", () => {
    assert.deepStrictEqual(ResourceSpec.parse("Customer"), Result.succeed(make("Customer")))
    assert.deepStrictEqual(ResourceSpec.parse("UserGroups"), Result.succeed(make("UserGroups")))
  })

  it("reads a join into the root", () => {
    assert.deepStrictEqual(
      ResourceSpec.parse("Customer+UserCustomerGroups"),
      Result.succeed(make("Customer", [make("UserCustomerGroups")]))
    )
  })

  it("reads a join inside parentheses as joined to the resource it follows", () => {
    assert.deepStrictEqual(
      ResourceSpec.parse("Customer+(UserCustomerGroups+UserGroups)"),
      Result.succeed(make("Customer", [make("UserCustomerGroups", [make("UserGroups")])]))
    )
  })

  it("reads several joins into the root, nested or not", () => {
    assert.deepStrictEqual(
      ResourceSpec.parse("Customer+(UserCustomerGroups+UserGroups)+Order"),
      Result.succeed(make("Customer", [make("UserCustomerGroups", [make("UserGroups")]), make("Order")]))
    )
    assert.deepStrictEqual(
      ResourceSpec.parse("Customer+Order+(UserCustomerGroups)"),
      Result.succeed(make("Customer", [make("Order"), make("UserCustomerGroups")]))
    )
  })

  it("says what is wrong, and where", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["", "the resource specification is empty"],
      ["Customers", 'unknown resource "Customers" at column 1 (did you mean Customer?)'],
      ["Customer+UserGroup", 'unknown resource "UserGroup" at column 10 (did you mean UserGroups?)'],
      ["Customer+Widgets", 'unknown resource "Widgets" at column 10'],
      [
        "Customer+UserGroups",
        "UserGroups cannot be joined to Customer (at column 10; Customer joins UserCustomerGroups, Order)"
      ],
      [
        "UserGroups+Customer",
        "Customer cannot be joined to UserGroups (at column 12; UserGroups joins nothing)"
      ],
      [
        "Customer+UserCustomerGroups+UserCustomerGroups",
        "UserCustomerGroups is joined to Customer twice (at column 29)"
      ],
      ["Customer+", "expected a resource name at column 10, found the end"],
      ["Customer++Order", "expected a resource name at column 10"],
      ["Customer+(UserCustomerGroups+UserGroups", 'expected ")" at column 40 to close "(" at column 10'],
      ["Customer+UserCustomerGroups)", 'unbalanced ")" at column 28'],
      ["Customer(Order)", 'expected "+" or the end at column 9'],
      ["(Customer+Order)", "a resource specification starts with a resource name, not ("],
      ["Customer + Order", 'unexpected character " " at column 9'],
      ["Customer/1", 'unexpected character "/" at column 9']
    ]
    for (const [text, message] of cases)
      assert.deepStrictEqual(ResourceSpec.parse(text), Result.fail(message), text)
  })
})

describe("ResourceSpec.format", () => {
  it("prints the canonical form, parenthesizing only joins that have joins", () => {
    assert.strictEqual(ResourceSpec.format(make("Customer")), "Customer")
    assert.strictEqual(
      ResourceSpec.format(make("Customer", [make("UserCustomerGroups")])),
      "Customer+UserCustomerGroups"
    )
    assert.strictEqual(
      ResourceSpec.format(
        make("Customer", [make("UserCustomerGroups", [make("UserGroups")]), make("Order")])
      ),
      "Customer+(UserCustomerGroups+UserGroups)+Order"
    )
  })

  it("gives back what it parsed", () => {
    for (const text of [
      "Customer",
      "Customer+UserCustomerGroups",
      "Customer+(UserCustomerGroups+UserGroups)",
      "Customer+Order+UserCustomerGroups"
    ]) {
      const spec = ResourceSpec.parse(text)
      if (Result.isFailure(spec)) assert.fail(spec.failure)
      assert.strictEqual(ResourceSpec.format(spec.success), text)
    }
  })

  it("normalizes needless parentheses away", () => {
    const spec = ResourceSpec.parse("Customer+(UserCustomerGroups)")
    if (Result.isFailure(spec)) assert.fail(spec.failure)
    assert.strictEqual(ResourceSpec.format(spec.success), "Customer+UserCustomerGroups")
  })
})

describe("ResourceSpec.join", () => {
  it("finds a join of the root", () => {
    const spec = make("Customer", [make("UserCustomerGroups", [make("UserGroups")])])
    assert.isTrue(ResourceSpec.joins(spec, "UserCustomerGroups"))
    assert.isFalse(ResourceSpec.joins(spec, "UserGroups"))
    assert.deepStrictEqual(
      ResourceSpec.join(spec, "UserCustomerGroups"),
      make("UserCustomerGroups", [make("UserGroups")])
    )
    assert.strictEqual(ResourceSpec.join(spec, "Order"), undefined)
  })
})
