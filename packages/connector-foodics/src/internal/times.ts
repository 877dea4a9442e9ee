/**
 * Foodics times: `YYYY-MM-DD HH:MM:SS`, always UTC (the seed says so of every time field). The
 * connector compares them, steps them back a second for a resumed read, and the emulator
 * writes them.
 */

const pattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** The instant of a Foodics time (epoch milliseconds), or `undefined` when it is not one. */
export const parse = (text: string): number | undefined => {
  const m = pattern.exec(text)
  if (m === null) return undefined
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
  // a calendar overflow (2024-02-30) is not a time
  return format(at) === text ? at : undefined
}

/** The Foodics time of an instant (to the second, UTC). */
export const format = (at: number): string => {
  const d = new Date(at)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours()
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** Whether a text is a Foodics time. */
export const isTime = (text: string): boolean => parse(text) !== undefined

/** The time one second before a Foodics time (for an `updated_after` that includes it). */
export const secondBefore = (text: string): string | undefined => {
  const at = parse(text)
  return at === undefined ? undefined : format(at - 1000)
}
