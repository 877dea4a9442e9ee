/**
 * Magento's `searchCriteria`: filter groups (ANDed) of filters (ORed), sort orders and paging,
 * written as the query parameters the REST API reads:
 *
 * ```text
 * searchCriteria[filter_groups][0][filters][0][field]=updated_at
 * searchCriteria[filter_groups][0][filters][0][value]=2024-05-01 09:30:00
 * searchCriteria[filter_groups][0][filters][0][condition_type]=gteq
 * searchCriteria[sortOrders][0][field]=updated_at
 * searchCriteria[sortOrders][0][direction]=ASC
 * searchCriteria[pageSize]=100
 * searchCriteria[currentPage]=1
 * ```
 *
 * `currentPage` is 1-based. Without `pageSize` Magento answers every match; a `currentPage`
 * past the end answers the last page again, so a read stops on `total_count`.
 *
 * @since 0.1.0
 */

/**
 * The condition types Magento knows.
 *
 * @since 0.1.0
 * @category models
 */
export type Condition =
  | "eq"
  | "neq"
  | "gt"
  | "gteq"
  | "lt"
  | "lteq"
  | "like"
  | "nlike"
  | "in"
  | "nin"
  | "null"
  | "notnull"
  | "from"
  | "to"
  | "finset"
  | "nfinset"
  | "moreq"

/**
 * @since 0.1.0
 * @category models
 */
export const conditions: ReadonlyArray<Condition> = [
  "eq",
  "neq",
  "gt",
  "gteq",
  "lt",
  "lteq",
  "like",
  "nlike",
  "in",
  "nin",
  "null",
  "notnull",
  "from",
  "to",
  "finset",
  "nfinset",
  "moreq"
]

/**
 * One filter. `in` and `nin` take their values comma-separated (a list is joined).
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly field: string
  readonly value: string | number | ReadonlyArray<string | number>
  /** Default `eq` (then left out of the query, as Magento allows). */
  readonly condition?: Condition | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SortOrder {
  readonly field: string
  readonly direction: "ASC" | "DESC"
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SearchCriteria {
  /** Each group's filters are ORed; the groups are ANDed. */
  readonly filterGroups?: ReadonlyArray<ReadonlyArray<Filter>> | undefined
  readonly sortOrders?: ReadonlyArray<SortOrder> | undefined
  readonly pageSize?: number | undefined
  readonly currentPage?: number | undefined
}

/**
 * A one-filter group: `{ field, value, condition }` as the only filter of its group.
 *
 * @since 0.1.0
 * @category constructors
 */
export const where = (field: string, condition: Condition, value: Filter["value"]): ReadonlyArray<Filter> => [
  { field, condition, value }
]

const valueText = (value: Filter["value"]): string =>
  typeof value === "string" || typeof value === "number" ? String(value) : value.map(String).join(",")

/**
 * The query parameters of a search criteria, in the order Magento's docs write them. Filters
 * use the snake_case key `filter_groups`, sort orders `sortOrders`, paging `pageSize` and
 * `currentPage`; Magento reads either case.
 *
 * @since 0.1.0
 * @category formatting
 */
export const toQuery = (criteria: SearchCriteria): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  ;(criteria.filterGroups ?? []).forEach((group, i) => {
    group.forEach((filter, j) => {
      const at = `searchCriteria[filter_groups][${i}][filters][${j}]`
      out[`${at}[field]`] = filter.field
      out[`${at}[value]`] = valueText(filter.value)
      if (filter.condition !== undefined && filter.condition !== "eq") {
        out[`${at}[condition_type]`] = filter.condition
      }
    })
  })
  ;(criteria.sortOrders ?? []).forEach((sort, i) => {
    out[`searchCriteria[sortOrders][${i}][field]`] = sort.field
    out[`searchCriteria[sortOrders][${i}][direction]`] = sort.direction
  })
  if (criteria.pageSize !== undefined) out["searchCriteria[pageSize]"] = String(criteria.pageSize)
  if (criteria.currentPage !== undefined) out["searchCriteria[currentPage]"] = String(criteria.currentPage)
  return out
}
