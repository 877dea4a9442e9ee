/**
 * An in-memory table for emulators: records with auto-increment numeric ids, so writes are
 * visible to later reads. Records go in and come out as copies; a caller's objects are never
 * changed.
 *
 * @since 0.1.0
 */

/**
 * A record with its id under the collection's id field.
 *
 * @since 0.1.0
 * @category models
 */
export type Stored<A extends object, K extends string> = A & { readonly [P in K]: number }

/**
 * @since 0.1.0
 * @category models
 */
export interface Collection<A extends object, K extends string = "id"> {
  readonly idField: K
  /** Every record, in id order. */
  readonly list: () => ReadonlyArray<Stored<A, K>>
  readonly size: () => number
  /** The record with this id (number or numeric string), or `undefined`. */
  readonly get: (id: number | string) => Stored<A, K> | undefined
  /** Records for which `predicate` holds, in id order. */
  readonly find: (predicate: (record: Stored<A, K>) => boolean) => ReadonlyArray<Stored<A, K>>
  /** Adds a record under the next id (an id field in `record` is ignored) and returns it. */
  readonly insert: (record: A) => Stored<A, K>
  /** Merges `patch` into the record (its id stays); `undefined` when there is none. */
  readonly update: (id: number | string, patch: Partial<A>) => Stored<A, K> | undefined
  /** Replaces the record's fields (its id stays); `undefined` when there is none. */
  readonly replace: (id: number | string, record: A) => Stored<A, K> | undefined
  /** Removes the record; the removed record, or `undefined` when there was none. */
  readonly delete: (id: number | string) => Stored<A, K> | undefined
  /** The id the next insert gets. */
  readonly nextId: () => number
}

const idOf = (id: number | string): number | undefined => {
  const n = typeof id === "number" ? id : /^\d+$/.test(id) ? Number(id) : Number.NaN
  return Number.isSafeInteger(n) ? n : undefined
}

/**
 * Makes a collection, optionally filled with `records` (each gets the next id, from `start`,
 * default 1, unless `keepIds` is set and the record carries a numeric id).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A extends object, K extends string = "id">(
  options: {
    readonly idField?: K
    readonly start?: number
    readonly records?: ReadonlyArray<A>
    readonly keepIds?: boolean
  } = {}
): Collection<A, K> => {
  const idField = (options.idField ?? "id") as K
  const rows = new Map<number, Stored<A, K>>()
  let next = options.start ?? 1
  const copy = (r: Stored<A, K>): Stored<A, K> => structuredClone(r)
  const withId = (record: A, id: number): Stored<A, K> =>
    ({ ...structuredClone(record), [idField]: id }) as Stored<A, K>
  const sorted = () => [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)

  const insert = (record: A): Stored<A, K> => {
    const own = (record as Record<string, unknown>)[idField]
    const id = options.keepIds === true && typeof own === "number" && Number.isSafeInteger(own) ? own : next
    next = Math.max(next, id + 1)
    const stored = withId(record, id)
    rows.set(id, stored)
    return copy(stored)
  }
  for (const r of options.records ?? []) insert(r)

  return {
    idField,
    list: () => sorted().map(copy),
    size: () => rows.size,
    get: (id) => {
      const n = idOf(id)
      const row = n === undefined ? undefined : rows.get(n)
      return row === undefined ? undefined : copy(row)
    },
    find: (predicate) => sorted().filter(predicate).map(copy),
    insert,
    update: (id, patch) => {
      const n = idOf(id)
      const row = n === undefined ? undefined : rows.get(n)
      if (n === undefined || row === undefined) return undefined
      const updated = { ...row, ...structuredClone(patch), [idField]: n } as Stored<A, K>
      rows.set(n, updated)
      return copy(updated)
    },
    replace: (id, record) => {
      const n = idOf(id)
      if (n === undefined || !rows.has(n)) return undefined
      const stored = withId(record, n)
      rows.set(n, stored)
      return copy(stored)
    },
    delete: (id) => {
      const n = idOf(id)
      const row = n === undefined ? undefined : rows.get(n)
      if (n === undefined || row === undefined) return undefined
      rows.delete(n)
      return row
    },
    nextId: () => next
  }
}
