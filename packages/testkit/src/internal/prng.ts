/**
 * A small seeded pseudo-random generator (sfc32, seeded through a 32-bit string hash), shared by
 * `Seeded` and the fault injector so both are deterministic for a seed.
 */

const hash = (input: string): number => {
  let h = 1779033703 ^ input.length
  for (let i = 0; i < input.length; i++) {
    h = Math.imul(h ^ input.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  return (h ^ (h >>> 16)) >>> 0
}

/** Returns a function giving the next number in [0, 1). */
export const make = (seed: number | string): (() => number) => {
  const s = String(seed)
  let a = hash(`a:${s}`)
  let b = hash(`b:${s}`)
  let c = hash(`c:${s}`)
  let d = hash(`d:${s}`)
  const next = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return next
}
