/**
 * Authentication checks for emulators: HTTP Basic, bearer tokens, API keys in a header or the
 * query, and an API key given as the Basic user name (PrestaShop). A check says whether the
 * request's credentials are `ok`, `missing` or `invalid`; a {@link Guard} answers the failed
 * ones with the platform's own body (status 401 by default).
 *
 * @since 0.1.0
 */
import type { Handler, Request } from "./Emulator.ts"
import * as Respond from "./Respond.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = "ok" | "missing" | "invalid"

/**
 * One way of proving who you are.
 *
 * @since 0.1.0
 * @category models
 */
export interface Check {
  readonly verify: (request: Request) => Outcome
  /** The `WWW-Authenticate` challenge sent with a 401, if any. */
  readonly challenge?: string
}

/**
 * An accepted value: a fixed string, or a predicate (for several accounts or key rotation).
 *
 * @since 0.1.0
 * @category models
 */
export type Accept = string | ((value: string) => boolean)

const matches = (accept: Accept, value: string): boolean =>
  typeof accept === "string" ? accept === value : accept(value)

const basicCredentials = (request: Request): { user: string; password: string } | "missing" | "invalid" => {
  const header = request.headers.authorization
  if (header === undefined || header === "") return "missing"
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (match === null) return "invalid"
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return { user: decoded, password: "" }
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/**
 * HTTP Basic with a user name and password (or a predicate over both).
 *
 * @since 0.1.0
 * @category constructors
 */
export const basic = (
  credentials:
    | { readonly username: string; readonly password: string }
    | ((username: string, password: string) => boolean),
  options: { readonly realm?: string } = {}
): Check => ({
  challenge: `Basic realm="${options.realm ?? "emulator"}"`,
  verify: (request) => {
    const found = basicCredentials(request)
    if (typeof found === "string") return found
    const ok =
      typeof credentials === "function"
        ? credentials(found.user, found.password)
        : found.user === credentials.username && found.password === credentials.password
    return ok ? "ok" : "invalid"
  }
})

/**
 * An API key sent as the HTTP Basic user name, with any (usually empty) password — PrestaShop's
 * webservice key.
 *
 * @since 0.1.0
 * @category constructors
 */
export const keyAsBasicUser = (key: Accept, options: { readonly realm?: string } = {}): Check => ({
  challenge: `Basic realm="${options.realm ?? "emulator"}"`,
  verify: (request) => {
    const found = basicCredentials(request)
    if (typeof found === "string") return found
    return found.user !== "" && matches(key, found.user) ? "ok" : "invalid"
  }
})

/**
 * `Authorization: Bearer <token>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bearer = (token: Accept): Check => ({
  challenge: "Bearer",
  verify: (request) => {
    const header = request.headers.authorization
    if (header === undefined || header === "") return "missing"
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    return match !== null && matches(token, match[1] ?? "") ? "ok" : "invalid"
  }
})

/**
 * An API key in a request header (`X-Api-Key: ...`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const header = (name: string, key: Accept): Check => ({
  verify: (request) => {
    const value = request.headers[name.toLowerCase()]
    if (value === undefined || value === "") return "missing"
    return matches(key, value) ? "ok" : "invalid"
  }
})

/**
 * An API key in a query parameter (`?api_key=...`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const query = (name: string, key: Accept): Check => ({
  verify: (request) => {
    const value = request.query[name]
    if (value === undefined || value === "") return "missing"
    return matches(key, value) ? "ok" : "invalid"
  }
})

/**
 * Passes when one of the checks passes (WooCommerce takes Basic or query keys). Missing when
 * every check found no credentials, invalid otherwise.
 *
 * @since 0.1.0
 * @category combinators
 */
export const anyOf = (checks: ReadonlyArray<Check>): Check => {
  const challenge = checks.find((c) => c.challenge !== undefined)?.challenge
  return {
    ...(challenge === undefined ? {} : { challenge }),
    verify: (request) => {
      const outcomes = checks.map((c) => c.verify(request))
      if (outcomes.includes("ok")) return "ok"
      return outcomes.every((o) => o === "missing") ? "missing" : "invalid"
    }
  }
}

/**
 * Passes when every check passes (a key and a secret in two query parameters). Missing when
 * any is missing.
 *
 * @since 0.1.0
 * @category combinators
 */
export const allOf = (checks: ReadonlyArray<Check>): Check => {
  const challenge = checks.find((c) => c.challenge !== undefined)?.challenge
  return {
    ...(challenge === undefined ? {} : { challenge }),
    verify: (request) => {
      const outcomes = checks.map((c) => c.verify(request))
      if (outcomes.includes("missing")) return "missing"
      return outcomes.every((o) => o === "ok") ? "ok" : "invalid"
    }
  }
}

/**
 * A check with the answer to a failed one, and the routes that need no credentials.
 *
 * @since 0.1.0
 * @category models
 */
export interface Guard {
  readonly check: Check
  /** The platform's answer to missing or wrong credentials (default: 401 `{"error":"unauthorized"}`). */
  readonly reject?: (request: Request, outcome: "missing" | "invalid") => Respond.Response
  /** Routes (`"GET /wp-json"`, as written in `routes`) or path prefixes open to everyone. */
  readonly public?: ReadonlyArray<string>
}

const defaultReject = (_request: Request, outcome: "missing" | "invalid"): Respond.Response =>
  Respond.json(
    {
      error: "unauthorized",
      message: outcome === "missing" ? "credentials are missing" : "credentials are invalid"
    },
    { status: 401 }
  )

/**
 * The response for a request the guard refuses, or `undefined` when it may pass.
 *
 * @since 0.1.0
 * @category combinators
 */
export const refuse = (guard: Guard, request: Request): Respond.Response | undefined => {
  const open = guard.public ?? []
  if (open.some((p) => p === request.route || (p.startsWith("/") && request.path.startsWith(p))))
    return undefined
  const outcome = guard.check.verify(request)
  if (outcome === "ok") return undefined
  const response = (guard.reject ?? defaultReject)(request, outcome)
  const challenge = guard.check.challenge
  const hasChallenge = Object.keys(response.headers ?? {}).some((k) => k.toLowerCase() === "www-authenticate")
  return challenge === undefined || hasChallenge
    ? response
    : Respond.withHeaders(response, { "www-authenticate": challenge })
}

/**
 * Wraps one route handler in a guard (for APIs where only some routes need credentials).
 *
 * @since 0.1.0
 * @category combinators
 */
export const guard =
  (guard: Guard, handler: Handler): Handler =>
  (request) =>
    refuse(guard, request) ?? handler(request)
