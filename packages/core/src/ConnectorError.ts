/**
 * Transport and API failures of a connector. They are not record issues: a retryable one is
 * retried with backoff that honours `Retry-After`, then fails the stream with its reason.
 * Each connector maps its platform's error bodies to a reason and tests that mapping.
 *
 * @since 0.1.0
 */
import { Data } from "effect"

/**
 * @since 0.1.0
 * @category models
 */
export type Reason =
  | "Connection"
  | "Timeout"
  | "Authentication"
  | "Authorization"
  | "RateLimited"
  | "NotFound"
  | "Conflict"
  | "InvalidResponse"
  | "Unknown"

/**
 * @since 0.1.0
 * @category errors
 */
export class ConnectorError extends Data.TaggedError("ConnectorError")<{
  readonly connector: string
  readonly reason: Reason
  /** One sentence for people. Never contains a secret. */
  readonly message: string
  /** Whether trying again may succeed (connection drops, timeouts, 429, 5xx). */
  readonly retryable: boolean
  /** The HTTP status, when there was a response. */
  readonly status?: number
  /** The platform's own error code (`woocommerce_rest_cannot_view`, ...). */
  readonly code?: string
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number
}> {}

/**
 * The reasons that are worth another try by default.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryableReason = (reason: Reason): boolean =>
  reason === "Connection" || reason === "Timeout" || reason === "RateLimited"

/**
 * The reason an HTTP status means when a platform says nothing more specific.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reasonFromStatus = (status: number): Reason => {
  if (status === 401) return "Authentication"
  if (status === 403) return "Authorization"
  if (status === 404) return "NotFound"
  if (status === 408) return "Timeout"
  if (status === 409) return "Conflict"
  if (status === 429) return "RateLimited"
  return "Unknown"
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseRetryAfter = (value: string | undefined, now: number = Date.now()): number | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * An error for an HTTP response, with the reason from its status, retryable for 408, 429 and
 * 5xx, and the `Retry-After` it carried.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromStatus = (options: {
  readonly connector: string
  readonly status: number
  readonly message: string
  readonly code?: string | undefined
  readonly retryAfter?: string | undefined
}): ConnectorError => {
  const reason = reasonFromStatus(options.status)
  const retryAfterMs = parseRetryAfter(options.retryAfter)
  return new ConnectorError({
    connector: options.connector,
    reason,
    message: options.message,
    retryable: options.status === 408 || options.status === 429 || options.status >= 500,
    status: options.status,
    ...(options.code === undefined ? {} : { code: options.code }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs })
  })
}
