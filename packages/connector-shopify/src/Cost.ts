/**
 * Shopify's calculated query cost. Every GraphQL Admin response carries
 * `extensions.cost { requestedQueryCost, actualQueryCost, throttleStatus { maximumAvailable,
 * currentlyAvailable, restoreRate } }`: the app's bucket of points per shop, which refills at
 * `restoreRate` points a second. A query that costs more than the bucket holds is answered
 * with HTTP 200 and `errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }]`,
 * and nothing runs; the connector waits `(requested - available) / restoreRate` seconds
 * ({@link waitMillis}) and sends it again.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export interface ThrottleStatus {
  readonly maximumAvailable: number
  readonly currentlyAvailable: number
  /** Points restored per second. */
  readonly restoreRate: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface QueryCost {
  readonly requestedQueryCost: number
  /** `null` when the query did not run (throttled). */
  readonly actualQueryCost: number | null
  readonly throttleStatus: ThrottleStatus
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const finite = (u: unknown): number | undefined =>
  typeof u === "number" && Number.isFinite(u) ? u : undefined

/**
 * Reads `extensions.cost` from a parsed GraphQL response body; `undefined` when it is absent
 * or not of that shape.
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromResponse = (body: unknown): QueryCost | undefined => {
  const extensions = isObject(body) && isObject(body.extensions) ? body.extensions : undefined
  const cost = extensions !== undefined && isObject(extensions.cost) ? extensions.cost : undefined
  if (cost === undefined || !isObject(cost.throttleStatus)) return undefined
  const requested = finite(cost.requestedQueryCost)
  const maximum = finite(cost.throttleStatus.maximumAvailable)
  const available = finite(cost.throttleStatus.currentlyAvailable)
  const rate = finite(cost.throttleStatus.restoreRate)
  if (requested === undefined || maximum === undefined || available === undefined || rate === undefined) {
    return undefined
  }
  return {
    requestedQueryCost: requested,
    actualQueryCost: finite(cost.actualQueryCost) ?? null,
    throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate: rate }
  }
}

/**
 * How long to wait, in milliseconds, until the bucket holds the requested points:
 * `(requested - available) / restoreRate` seconds, rounded up; 0 when it holds them already.
 * A restore rate that is not positive gives `undefined` (the wait cannot be known).
 *
 * @since 0.1.0
 * @category combinators
 */
export const waitMillis = (cost: QueryCost): number | undefined => {
  const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable
  if (missing <= 0) return 0
  if (cost.throttleStatus.restoreRate <= 0) return undefined
  return Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000)
}
