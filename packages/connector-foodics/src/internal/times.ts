/**
 * Foodics times: `YYYY-MM-DD HH:MM:SS`, always UTC (the seed says so of every time field). The
 * connector compares them, steps them back a second for a resumed read, and the emulator
 * writes them. Reading and writing are core's `LocalTime` in UTC.
 */
import { LocalTime } from "@mapwright/core"

const layout = { separator: " " } as const

/** The instant of a Foodics time (epoch milliseconds), or `undefined` when it is not one (`2024-02-30 …`). */
export const parse = (text: string): number | undefined => LocalTime.parse(text, "UTC", layout)

/** The Foodics time of an instant (to the second, UTC). */
export const format = (at: number): string => LocalTime.formatUtc(at, layout)

/** Whether a text is a Foodics time. */
export const isTime = (text: string): boolean => parse(text) !== undefined

/** The time one second before a Foodics time (for an `updated_after` that includes it). */
export const secondBefore = (text: string): string | undefined => {
  const at = parse(text)
  return at === undefined ? undefined : format(at - 1000)
}
