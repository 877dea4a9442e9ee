/**
 * The two comparisons of a mapping test: a subset match of the mapped record against `expect`,
 * and an exact, order-insensitive match of the issues against `expectIssues`. Each returns
 * readable failure lines, empty when the case passes.
 *
 * @internal
 */
import * as RecordIssue from "../../RecordIssue.ts"

/** The fields an expected issue may give; the others match anything. */
export interface ExpectedIssue {
  readonly path?: string
  readonly sourcePath?: string
  readonly code?: string
  readonly severity?: RecordIssue.Severity
  readonly stage?: RecordIssue.Stage
}

const maxRender = 80

/** A value as the failure lines show it: JSON, cut after a few dozen characters. */
export const render = (value: unknown): string => {
  if (value === undefined) return "nothing"
  const json = JSON.stringify(value)
  return json.length > maxRender ? `${json.slice(0, maxRender)}…` : json
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const join = (path: string, key: string | number): string => (path === "" ? String(key) : `${path}.${key}`)

const where = (path: string): string => (path === "" ? "(record)" : path)

const items = (n: number): string => `${n} item${n === 1 ? "" : "s"}`

/**
 * `expected` is a subset of `actual`: objects need every expected key, recursively; arrays need
 * the same length and each item a subset match; scalars and `null` are compared strictly.
 */
export const subset = (expected: unknown, actual: unknown, path = ""): ReadonlyArray<string> => {
  const failures: Array<string> = []
  const walk = (e: unknown, a: unknown, p: string): void => {
    if (isObject(e)) {
      if (!isObject(a)) {
        failures.push(`expected ${where(p)}: an object, got ${render(a)}`)
        return
      }
      for (const key of Object.keys(e)) walk(e[key], a[key], join(p, key))
      return
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) {
        failures.push(`expected ${where(p)}: an array of ${items(e.length)}, got ${render(a)}`)
        return
      }
      if (a.length !== e.length) {
        failures.push(`expected ${where(p)}: ${items(e.length)}, got ${items(a.length)}: ${render(a)}`)
        return
      }
      for (let i = 0; i < e.length; i++) walk(e[i], a[i], join(p, i))
      return
    }
    if (e !== a) failures.push(`expected ${where(p)}: ${render(e)}, got ${render(a)}`)
  }
  walk(expected, actual, path)
  return failures
}

const fields = ["path", "sourcePath", "code", "severity", "stage"] as const

const fits = (expected: ExpectedIssue, actual: RecordIssue.RecordIssue): boolean => {
  for (const field of fields) {
    const want = expected[field]
    if (want !== undefined && actual[field] !== want) return false
  }
  return true
}

/** `{path: discountPercent, code: InvalidInt}`, in the order of the fields. */
export const formatExpected = (expected: ExpectedIssue): string => {
  const parts: Array<string> = []
  for (const field of fields) {
    const value = expected[field]
    if (value !== undefined) parts.push(`${field}: ${value}`)
  }
  return `{${parts.join(", ")}}`
}

/**
 * Pairs every expected issue with a distinct actual one (a maximum bipartite matching, so a
 * loose expectation never steals the only issue a stricter one could take), then reports the
 * expected issues left without a partner and the actual issues nobody expected.
 */
export const issues = (
  expected: ReadonlyArray<ExpectedIssue>,
  actual: ReadonlyArray<RecordIssue.RecordIssue>
): ReadonlyArray<string> => {
  const partnerOfActual: Array<number> = actual.map(() => -1)
  const candidates = expected.map((e) => {
    const out: Array<number> = []
    actual.forEach((a, j) => {
      if (fits(e, a)) out.push(j)
    })
    return out
  })
  const augment = (i: number, seen: Array<boolean>): boolean => {
    for (const j of candidates[i] ?? []) {
      if (seen[j]) continue
      seen[j] = true
      const holder = partnerOfActual[j] ?? -1
      if (holder === -1 || augment(holder, seen)) {
        partnerOfActual[j] = i
        return true
      }
    }
    return false
  }
  const matched = expected.map((_, i) =>
    augment(
      i,
      actual.map(() => false)
    )
  )
  const failures: Array<string> = []
  expected.forEach((e, i) => {
    if (!matched[i]) failures.push(`missing issue ${formatExpected(e)}`)
  })
  actual.forEach((a, j) => {
    if (partnerOfActual[j] === -1) failures.push(`unexpected issue ${RecordIssue.format(a)}`)
  })
  return failures
}
