/**
 * The emulator's `searchCriteria`: parsed from the query (snake_case or camelCase keys, as
 * Magento reads them), applied to a collection's records: filter groups ANDed, filters within
 * a group ORed; conditions `eq`, `neq`, `gt`, `gteq`, `lt`, `lteq`, `from`, `to`, `moreq`,
 * `like`, `nlike` (`%` and `_` wildcards), `in`, `nin` (comma-separated), `null`, `notnull`,
 * `finset`, `nfinset`; text compared without regard to case (MySQL's default collation);
 * sort orders; paging where a `currentPage` past the end answers the last page again, as
 * Magento does (magento2#3787).
 */
import type { Emulator } from "@mapwright/testkit"
import * as Errors from "./errors.ts"

export interface Filter {
  readonly field: string
  readonly value: string
  readonly condition: string
}

export interface Criteria {
  readonly filterGroups: ReadonlyArray<ReadonlyArray<Filter>>
  readonly sortOrders: ReadonlyArray<{ readonly field: string; readonly direction: "ASC" | "DESC" }>
  readonly pageSize: number | undefined
  readonly currentPage: number | undefined
}

const aliases: Readonly<Record<string, string>> = {
  filterGroups: "filter_groups",
  sortOrders: "sort_orders",
  pageSize: "page_size",
  currentPage: "current_page",
  conditionType: "condition_type"
}

const conditions = new Set([
  "eq",
  "neq",
  "gt",
  "gteq",
  "lt",
  "lteq",
  "from",
  "to",
  "moreq",
  "like",
  "nlike",
  "in",
  "nin",
  "null",
  "notnull",
  "finset",
  "nfinset"
])

type Tree = { [key: string]: Tree | string }

const put = (tree: Tree, path: ReadonlyArray<string>, value: string): void => {
  let node = tree
  path.forEach((segment, i) => {
    if (i === path.length - 1) node[segment] = value
    else {
      const next = node[segment]
      if (typeof next === "object") node = next
      else {
        const fresh: Tree = {}
        node[segment] = fresh
        node = fresh
      }
    }
  })
}

const entries = (tree: Tree | string | undefined): ReadonlyArray<Tree> =>
  typeof tree === "object"
    ? Object.keys(tree)
        .filter((k) => /^\d+$/.test(k))
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => tree[k])
        .filter((v): v is Tree => typeof v === "object")
    : []

const int = (raw: Tree | string | undefined, name: string): number | undefined => {
  if (raw === undefined) return undefined
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw)) return Errors.fail(Errors.invalidValue(name, raw))
  return Number(raw)
}

/** Whether the request carries a `searchCriteria` at all. */
export const present = (request: Emulator.Request): boolean =>
  [...request.url.searchParams.keys()].some((k) => k === "searchCriteria" || k.startsWith("searchCriteria["))

/**
 * The request's search criteria; answers 400 for a page size over `maxPageSize`, an unknown
 * condition or a filter without a field.
 */
export const parse = (request: Emulator.Request, maxPageSize: number): Criteria => {
  const tree: Tree = {}
  for (const [key, value] of request.url.searchParams) {
    if (!key.startsWith("searchCriteria[")) continue
    const path = [...key.slice("searchCriteria".length).matchAll(/\[([^\]]*)\]/g)].map(
      (m) => aliases[m[1] ?? ""] ?? m[1] ?? ""
    )
    if (path.length > 0) put(tree, path, value)
  }
  const filterGroups = entries(tree.filter_groups).map((group) =>
    entries(group.filters).map((f): Filter => {
      const field = typeof f.field === "string" ? f.field : ""
      if (field === "") return Errors.fail(Errors.required("field"))
      const condition =
        typeof f.condition_type === "string" && f.condition_type !== "" ? f.condition_type : "eq"
      if (!conditions.has(condition)) return Errors.fail(Errors.invalidCondition(condition))
      return { field, value: typeof f.value === "string" ? f.value : "", condition }
    })
  )
  const sortOrders = entries(tree.sort_orders).map((s) => {
    const field = typeof s.field === "string" ? s.field : ""
    if (field === "") return Errors.fail(Errors.required("field"))
    const direction = typeof s.direction === "string" ? s.direction.toUpperCase() : "ASC"
    if (direction !== "ASC" && direction !== "DESC")
      return Errors.fail(Errors.invalidValue("direction", s.direction))
    return { field, direction } as const
  })
  const pageSize = int(tree.page_size, "pageSize")
  if (pageSize !== undefined && pageSize > maxPageSize) Errors.fail(Errors.maxPageSize(maxPageSize))
  const currentPage = int(tree.current_page, "currentPage")
  return { filterGroups, sortOrders, pageSize, currentPage }
}

/** How a collection exposes its records to searches. */
export interface Fields<A> {
  /** The value of a field (`undefined` when the record has none). */
  readonly get: (record: A, field: string) => unknown
  /** Whether the collection has the field (an unknown one answers 400). */
  readonly known: (field: string) => boolean
  /** Fields holding times: compared as instants. */
  readonly times: ReadonlySet<string>
  /** A time written in the server's zone, as an instant. */
  readonly parseTime: (text: string) => number | undefined
  /** The default order (an id), for ties and when no sort order is given. */
  readonly id: (record: A) => number
}

const numeric = (u: unknown): number | undefined =>
  typeof u === "number"
    ? u
    : typeof u === "boolean"
      ? Number(u)
      : typeof u === "string" && /^-?\d+(\.\d+)?$/.test(u.trim())
        ? Number(u)
        : undefined

const fold = (u: unknown): string => (u === null || u === undefined ? "" : String(u).toLowerCase())

const compare = <A>(fields: Fields<A>, field: string, value: unknown, text: string): number | undefined => {
  if (value === null || value === undefined) return undefined
  if (fields.times.has(field)) {
    const at = fields.parseTime(text.trim())
    return at === undefined || typeof value !== "number" ? undefined : value - at
  }
  const a = numeric(value)
  const b = numeric(text)
  if (a !== undefined && b !== undefined) return a - b
  const x = fold(value)
  const y = fold(text)
  return x < y ? -1 : x > y ? 1 : 0
}

const likeToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/%/g, ".*")
      .replace(/_/g, ".")}$`,
    "s"
  )

const list = (text: string): ReadonlyArray<string> =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")

const matches = <A>(fields: Fields<A>, record: A, filter: Filter): boolean => {
  const value = fields.get(record, filter.field)
  const c = () => compare(fields, filter.field, value, filter.value)
  const isIn = () => list(filter.value).some((v) => compare(fields, filter.field, value, v) === 0)
  switch (filter.condition) {
    case "eq":
      return c() === 0
    case "neq":
      return value !== null && value !== undefined && c() !== 0
    case "gt":
      return (c() ?? -1) > 0
    case "gteq":
    case "from":
    case "moreq":
      return (c() ?? -1) >= 0
    case "lt":
      return (c() ?? 1) < 0
    case "lteq":
    case "to":
      return (c() ?? 1) <= 0
    case "like":
      return value !== null && value !== undefined && likeToRegExp(filter.value).test(fold(value))
    case "nlike":
      return value !== null && value !== undefined && !likeToRegExp(filter.value).test(fold(value))
    case "in":
      return isIn()
    case "nin":
      return value !== null && value !== undefined && !isIn()
    case "null":
      return value === null || value === undefined
    case "notnull":
      return value !== null && value !== undefined
    case "finset":
      return list(fold(value)).includes(filter.value.trim().toLowerCase())
    case "nfinset":
      return !list(fold(value)).includes(filter.value.trim().toLowerCase())
    default:
      return false
  }
}

export interface Result<A> {
  readonly items: ReadonlyArray<A>
  readonly totalCount: number
  /** The criteria as Magento echoes them in `search_criteria`. */
  readonly echo: Readonly<Record<string, unknown>>
}

const order = (u: unknown): number | string => {
  const n = numeric(u)
  return n !== undefined ? n : fold(u)
}

/**
 * The records the criteria select, sorted and paged. A field the collection does not know
 * answers 400 (`Invalid attribute name`).
 */
export const apply = <A>(records: ReadonlyArray<A>, criteria: Criteria, fields: Fields<A>): Result<A> => {
  const known = (field: string) => {
    if (!fields.known(field)) Errors.fail(Errors.invalidField(field))
  }
  for (const group of criteria.filterGroups) for (const f of group) known(f.field)
  for (const s of criteria.sortOrders) known(s.field)
  const selected = records.filter((r) =>
    criteria.filterGroups.every((g) => g.some((f) => matches(fields, r, f)))
  )
  const sorted = [...selected].sort((a, b) => {
    for (const s of criteria.sortOrders) {
      const x = order(fields.get(a, s.field))
      const y = order(fields.get(b, s.field))
      if (x !== y) {
        const less = typeof x === typeof y ? x < y : typeof x === "number"
        return (less ? -1 : 1) * (s.direction === "DESC" ? -1 : 1)
      }
    }
    return fields.id(a) - fields.id(b)
  })
  let items: ReadonlyArray<A> = sorted
  if (criteria.pageSize !== undefined && criteria.pageSize > 0) {
    const size = criteria.pageSize
    const lastPage = Math.max(1, Math.ceil(sorted.length / size))
    // Magento's quirk: a page past the end is the last page again
    const page = Math.min(Math.max(1, criteria.currentPage ?? 1), lastPage)
    items = sorted.slice((page - 1) * size, page * size)
  }
  const echo: Record<string, unknown> = {
    filter_groups: criteria.filterGroups.map((g) => ({
      filters: g.map((f) => ({ field: f.field, value: f.value, condition_type: f.condition }))
    }))
  }
  if (criteria.sortOrders.length > 0) echo.sort_orders = criteria.sortOrders
  if (criteria.pageSize !== undefined) echo.page_size = criteria.pageSize
  if (criteria.currentPage !== undefined) echo.current_page = criteria.currentPage
  return { items, totalCount: selected.length, echo }
}
