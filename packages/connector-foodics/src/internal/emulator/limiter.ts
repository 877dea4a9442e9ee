/**
 * The emulator's own rate limiter, as Laravel's `throttle` middleware answers: a fixed window of
 * `limit` requests per `windowMs` (per token); every answer carries `X-RateLimit-Limit` and
 * `X-RateLimit-Remaining`, and a request over the limit gets 429 `{"message": "Too Many
 * Attempts."}` with `Retry-After` and `X-RateLimit-Reset` (epoch seconds). Foodics' real
 * limits are not documented in the seed; tests set small windows.
 */
import type * as Emulator from "@mapwright/testkit/Emulator"
import * as Respond from "@mapwright/testkit/Respond"
import * as Errors from "./errors.ts"

export interface Limit {
  readonly limit: number
  readonly windowMs: number
  /** `Retry-After` of a refused request, in seconds (default: until the window ends, rounded up). */
  readonly retryAfter?: number
}

type SyncHandler = (request: Emulator.Request) => Respond.Response

export const make = (limit: Limit | undefined, now: () => number) => {
  const windows = new Map<string, { start: number; count: number }>()
  return (handler: SyncHandler): SyncHandler => {
    if (limit === undefined) return handler
    return (request) => {
      const key = request.headers.authorization ?? ""
      const at = now()
      let window = windows.get(key)
      if (window === undefined || at - window.start >= limit.windowMs) {
        window = { start: at, count: 0 }
        windows.set(key, window)
      }
      window.count++
      const ends = window.start + limit.windowMs
      const headers = {
        "X-RateLimit-Limit": String(limit.limit),
        "X-RateLimit-Remaining": String(Math.max(0, limit.limit - window.count))
      }
      if (window.count > limit.limit) {
        const retryAfter = limit.retryAfter ?? Math.max(0, Math.ceil((ends - at) / 1000))
        return Errors.tooManyAttempts({
          ...headers,
          "Retry-After": String(retryAfter),
          "X-RateLimit-Reset": String(Math.ceil(ends / 1000))
        })
      }
      try {
        return Respond.withHeaders(handler(request), headers)
      } catch (e) {
        if (Respond.isFailure(e)) return Respond.withHeaders(e.response, headers)
        throw e
      }
    }
  }
}
