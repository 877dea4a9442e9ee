/**
 * The JSON fixtures are the seed's example bodies with only the edits SOURCES.md lists: every
 * key and value of each file stands, in the same order, at the start of a line of the seed's
 * text within the lines SOURCES.md names (spacing around the colon aside).
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"

const dir = join(import.meta.dirname, "fixtures")
const seed = readFileSync(join(dir, "seed-002.txt"), "utf8").split("\n")

/** The start of the seed line each key and value of a JSON value must stand at, in order. */
const expectedLines = (value: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  const visit = (key: string, v: unknown) => {
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== "object" || x === null)) {
        out.push(`"${key}" : [ ${v.map((x) => JSON.stringify(x)).join(", ")}`)
      } else {
        out.push(`"${key}" : [`)
        for (const item of v) for (const [k, x] of Object.entries(item as object)) visit(k, x)
      }
    } else if (typeof v === "object" && v !== null) {
      out.push(`"${key}" : {`)
      for (const [k, x] of Object.entries(v)) visit(k, x)
    } else out.push(`"${key}" : ${JSON.stringify(v)}`)
  }
  for (const [k, v] of Object.entries(value as object)) visit(k, v)
  return out
}

const files: ReadonlyArray<readonly [string, number, number]> = [
  ["customers_find_request.json", 14, 35],
  ["customers_find_response.json", 37, 78],
  ["customers_get_request.json", 84, 87],
  ["customers_get_response.json", 89, 130],
  ["customers_authenticate_request.json", 136, 140],
  ["customers_authenticate_response.json", 142, 183],
  ["customers_count_request.json", 200, 214],
  ["customers_count_response.json", 216, 219],
  ["customers_create_request.json", 225, 264],
  ["customers_create_response.json", 266, 269],
  ["customers_update_request.json", 292, 333],
  ["customers_update_response.json", 335, 337],
  ["customers_delete_request.json", 360, 362],
  ["customers_delete_response.json", 364, 366]
]

describe("the fixtures are the seed's bodies", () => {
  for (const [file, from, to] of files) {
    it(file, () => {
      // the seed writes `"key" : value`, twice `"key": value`
      const lines = seed.slice(from - 1, to).map((l) => l.trim().replace(/^("\w+")\s*:\s*/, "$1 : "))
      assert.strictEqual(lines[0], "{", `seed line ${from} opens the body`)
      assert.strictEqual(lines.at(-1), "}", `seed line ${to} closes the body`)
      const expected = expectedLines(JSON.parse(readFileSync(join(dir, file), "utf8")))
      let at = 0
      for (const start of expected) {
        const found = lines.findIndex((line, i) => i >= at && line.startsWith(start))
        assert.isAtLeast(found, 0, `${file}: no seed line from ${from + at} on starts with ${start}`)
        at = found + 1
      }
      // every keyed line of the seed's body is in the fixture
      const keyed = lines.filter((l) => /^"\w+" :/.test(l)).length
      assert.strictEqual(expected.length, keyed, `${file}: the fixture and the seed have as many fields`)
    })
  }
})
