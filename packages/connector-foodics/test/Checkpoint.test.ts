/**
 * Checkpoints of the customers stream and the UTC times they hold: records of the same second
 * are told apart by their ids, whatever order Foodics gives them in.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConnectorError } from "@mapwright/core"
import * as Checkpoint from "../src/internal/checkpoint.ts"
import * as Times from "../src/internal/times.ts"

describe("Times", () => {
  it("reads and writes Foodics times in UTC", () => {
    expect(Times.parse("2019-04-22 14:18:54")).toBe(Date.UTC(2019, 3, 22, 14, 18, 54))
    expect(Times.format(Date.UTC(2024, 0, 1, 0, 0, 0))).toBe("2024-01-01 00:00:00")
    expect(Times.parse("2019-02-30 10:00:00")).toBeUndefined()
    expect(Times.parse("2019-04-22T14:18:54Z")).toBeUndefined()
  })

  it("steps back one second, across a day and a year", () => {
    expect(Times.secondBefore("2024-01-01 00:00:00")).toBe("2023-12-31 23:59:59")
    expect(Times.secondBefore("2024-03-01 12:00:00")).toBe("2024-03-01 11:59:59")
    expect(Times.secondBefore("yesterday")).toBeUndefined()
  })
})

describe("Checkpoint", () => {
  it("collects the ids of one second and starts again at the next", () => {
    let c = Checkpoint.start
    c = Checkpoint.after(c, "a", "2024-05-01 09:00:00")
    c = Checkpoint.after(c, "b", "2024-05-01 09:00:00")
    expect(Checkpoint.format(c)).toBe("updated_at=2024-05-01+09%3A00%3A00&seen=a%2Cb")
    c = Checkpoint.after(c, "c", "2024-05-01 09:00:01")
    expect(c).toEqual({ updatedAt: "2024-05-01 09:00:01", seen: ["c"] })
  })

  it("does not move for a record without a usable time, or one out of order", () => {
    const c = { updatedAt: "2024-05-01 09:00:01", seen: ["c"] }
    expect(Checkpoint.after(c, "d", undefined)).toBe(c)
    expect(Checkpoint.after(c, "d", "not a time")).toBe(c)
    expect(Checkpoint.after(c, "d", "2024-05-01 09:00:00")).toBe(c)
    expect(Checkpoint.after(c, undefined, "2024-05-01 09:00:05")).toBe(c)
    expect(Checkpoint.format(Checkpoint.after(Checkpoint.start, undefined, undefined))).toBe("start")
  })

  it("skips, after resuming, exactly the records already read", () => {
    const from = { updatedAt: "2024-05-01 09:00:00", seen: ["b", "a"] }
    expect(Checkpoint.alreadyRead(from, "z", "2024-05-01 08:59:59")).toBe(true)
    expect(Checkpoint.alreadyRead(from, "a", "2024-05-01 09:00:00")).toBe(true)
    expect(Checkpoint.alreadyRead(from, "c", "2024-05-01 09:00:00")).toBe(false)
    expect(Checkpoint.alreadyRead(from, "a", "2024-05-01 09:00:01")).toBe(false)
    expect(Checkpoint.alreadyRead(Checkpoint.start, "a", "2024-05-01 09:00:00")).toBe(false)
  })

  it("reads back what it writes, and refuses anything else", () => {
    const c = { updatedAt: "2024-05-01 09:00:00", seen: ["8d831", "x-1"] }
    expect(Checkpoint.parse(Checkpoint.format(c))).toEqual(c)
    expect(Checkpoint.parse(undefined)).toEqual(Checkpoint.start)
    expect(Checkpoint.parse("start")).toEqual(Checkpoint.start)
    expect(Checkpoint.parse("updated_at=2024-05-01+09%3A00%3A00")).toEqual({
      updatedAt: "2024-05-01 09:00:00",
      seen: []
    })
    for (const bad of ["updated_at=2024-05-01", "updated_at=2024-05-01+09%3A00%3A00&page=2", "offset=3"]) {
      expect(Checkpoint.parse(bad)).toBeInstanceOf(ConnectorError.ConnectorError)
    }
  })
})
