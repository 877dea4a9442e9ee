/**
 * "Did you mean" suggestions by edit distance.
 *
 * @internal
 */

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped. */
export const distance = (a: string, b: string, cap = 8): number => {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  const n = b.length
  let prev2: Array<number> = []
  let prev: Array<number> = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur: Array<number> = [i]
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur.push(d)
      if (d < rowMin) rowMin = d
    }
    if (rowMin > cap) return cap + 1
    prev2 = prev
    prev = cur
  }
  return prev[n]!
}

/**
 * The candidate closest to `name`: a case-insensitive match first, then the smallest edit
 * distance within a third of the name's length (at least 1, at most 4).
 */
export const closest = (name: string, candidates: Iterable<string>): string | undefined => {
  if (name.length > 200) return undefined
  const lower = name.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  const limit = Math.min(4, Math.max(1, Math.floor(name.length / 3)))
  for (const c of candidates) {
    if (c === name) continue
    if (c.toLowerCase() === lower) return c
    const d = distance(lower, c.toLowerCase(), limit)
    if (d <= limit && d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}

/** `did you mean "b_fname"?`, or undefined. */
export const didYouMean = (name: string, candidates: Iterable<string>): string | undefined => {
  const c = closest(name, candidates)
  return c === undefined ? undefined : `did you mean ${JSON.stringify(c)}?`
}
