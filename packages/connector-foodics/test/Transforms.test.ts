/**
 * The connector's transforms: splitting an E.164 number into Foodics' dial code and national
 * number, and tag ids to tag references. Each transform's documented examples are run too.
 */
import { describe, expect, it } from "@effect/vitest"
import { Transform } from "@mapwright/core"
import { transforms } from "../src/index.ts"
import * as Phone from "../src/Phone.ts"
import * as Tags from "../src/Tags.ts"

const context: Transform.CompileContext = { value: () => () => undefined }

const run = (t: Transform.Transform, input: unknown): unknown => t.compile(undefined, context)(input, {})

const outcome = (value: unknown): unknown =>
  value instanceof Transform.Invalid ? { invalid: value.code } : value

describe("Phone.split", () => {
  it("splits numbers of several countries", () => {
    expect(Phone.split("+966565445254")).toEqual({ dialCode: 966, nationalNumber: "565445254" })
    expect(Phone.split("+64 21 123 4567")).toEqual({ dialCode: 64, nationalNumber: "211234567" })
    expect(Phone.split("+4915112345678")).toEqual({ dialCode: 49, nationalNumber: "15112345678" })
    // Italy keeps the leading 0 of fixed lines in the national number
    expect(Phone.split("+390612345678")).toEqual({ dialCode: 39, nationalNumber: "0612345678" })
  })

  it("refuses what is not an international number", () => {
    expect(Phone.split("0565445254")).toBeUndefined()
    expect(Phone.split("+")).toBeUndefined()
    expect(Phone.split("phone")).toBeUndefined()
    expect(Phone.split(`+${"9".repeat(60)}`)).toBeUndefined()
  })
})

describe("the transforms", () => {
  it("are exported under their names", () => {
    expect(transforms.map((t) => t.name)).toEqual([
      "foodics.dialCode",
      "foodics.nationalNumber",
      "foodics.tagRef"
    ])
  })

  it("split E.164 numbers, null for blanks, InvalidPhone otherwise", () => {
    expect(run(Phone.dialCode, "+12015550123")).toBe(1)
    expect(run(Phone.nationalNumber, "+12015550123")).toBe("2015550123")
    expect(run(Phone.dialCode, "  ")).toBeNull()
    expect(outcome(run(Phone.nationalNumber, "565445254"))).toEqual({ invalid: "InvalidPhone" })
    expect(outcome(run(Phone.dialCode, 966))).toEqual({ invalid: "InvalidType" })
  })

  it("make tag references", () => {
    expect(run(Tags.tagRef, "vip")).toEqual({ id: "vip" })
    expect(outcome(run(Tags.tagRef, ""))).toEqual({ invalid: "InvalidTag" })
    expect(outcome(run(Tags.tagRef, 7))).toEqual({ invalid: "InvalidType" })
  })

  it("give the outputs their examples document", () => {
    for (const t of transforms) {
      for (const example of t.examples) {
        expect([t.name, example.input, outcome(run(t, example.input))]).toEqual([
          t.name,
          example.input,
          example.output
        ])
      }
    }
  })
})
