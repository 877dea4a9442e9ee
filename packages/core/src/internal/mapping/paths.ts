/**
 * Compiled path getters over plain objects: the path is split once, and 1, 2 and 3 segments get
 * their own closures. Keys that plain objects inherit (`constructor`, `toString`, `__proto__`)
 * are read only when they are the object's own, so a path never reaches a prototype.
 *
 * @internal
 */

export type Get = (value: unknown) => unknown

const inherited = (key: string): boolean =>
  key === "__proto__" || key in Object.prototype || key in Array.prototype

const ownStep = (key: string): Get => {
  if (inherited(key)) {
    return (o) =>
      typeof o === "object" && o !== null && Object.hasOwn(o, key)
        ? (o as Record<string, unknown>)[key]
        : undefined
  }
  return (o) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined)
}

/** A getter for the path (an empty path gives the value itself). Never throws. */
export const getter = (segments: ReadonlyArray<string>): Get => {
  if (segments.some(inherited)) {
    const steps = segments.map(ownStep)
    return (o) => {
      let v = o
      for (const s of steps) v = s(v)
      return v
    }
  }
  switch (segments.length) {
    case 0:
      return (o) => o
    case 1: {
      const a = segments[0]!
      return (o) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[a] : undefined)
    }
    case 2: {
      const a = segments[0]!
      const b = segments[1]!
      return (o) => {
        if (typeof o !== "object" || o === null) return undefined
        const x = (o as Record<string, unknown>)[a]
        return typeof x === "object" && x !== null ? (x as Record<string, unknown>)[b] : undefined
      }
    }
    case 3: {
      const a = segments[0]!
      const b = segments[1]!
      const c = segments[2]!
      return (o) => {
        if (typeof o !== "object" || o === null) return undefined
        const x = (o as Record<string, unknown>)[a]
        if (typeof x !== "object" || x === null) return undefined
        const y = (x as Record<string, unknown>)[b]
        return typeof y === "object" && y !== null ? (y as Record<string, unknown>)[c] : undefined
      }
    }
    default: {
      const keys = [...segments]
      return (o) => {
        let v = o
        for (const k of keys) {
          if (typeof v !== "object" || v === null) return undefined
          v = (v as Record<string, unknown>)[k]
        }
        return v
      }
    }
  }
}

/** "present": not undefined, not null and not "" (XML gives "" for a blank element). */
export const isPresent = (v: unknown): boolean => v !== undefined && v !== null && v !== ""
