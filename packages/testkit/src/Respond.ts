/**
 * Responses of an emulator's route handlers: plain values (`status`, `headers`, `body`) made
 * with the helpers here, and {@link Failure}, which a handler (or a helper such as
 * `Page.number`) throws to answer at once with a given response.
 *
 * @since 0.1.0
 */

/**
 * What a route handler returns. `body` is text (JSON, XML, ...) or bytes; header names are
 * case-insensitive.
 *
 * @since 0.1.0
 * @category models
 */
export interface Response {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array
}

/**
 * Options every helper takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Default 200. */
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * A JSON body (`application/json; charset=utf-8`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const json = (value: unknown, options: Options = {}): Response => ({
  status: options.status ?? 200,
  headers: { "content-type": "application/json; charset=utf-8", ...options.headers },
  body: JSON.stringify(value)
})

/**
 * A plain text body (`text/plain; charset=utf-8`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (body: string, options: Options = {}): Response => ({
  status: options.status ?? 200,
  headers: { "content-type": "text/plain; charset=utf-8", ...options.headers },
  body
})

/**
 * An XML body (`text/xml; charset=utf-8`), given as text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const xml = (body: string, options: Options = {}): Response => ({
  status: options.status ?? 200,
  headers: { "content-type": "text/xml; charset=utf-8", ...options.headers },
  body
})

/**
 * A response with no body (`204`, `304`, `405`, ...).
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (code: number, headers: Readonly<Record<string, string>> = {}): Response => ({
  status: code,
  headers
})

/**
 * The same response with more headers (later ones win).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withHeaders = (response: Response, headers: Readonly<Record<string, string>>): Response => ({
  ...response,
  headers: { ...response.headers, ...headers }
})

/**
 * Thrown from a handler, answers the request with `response`. Helpers throw it for bad
 * request parameters, with the body their `invalid` option builds.
 *
 * @since 0.1.0
 * @category errors
 */
export class Failure extends Error {
  readonly response: Response
  constructor(response: Response, message = `request failed with status ${response.status}`) {
    super(message)
    this.name = "Failure"
    this.response = response
  }
}

/**
 * Answers the request now with `response` (throws a {@link Failure}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fail = (response: Response): never => {
  throw new Failure(response)
}

/**
 * Whether a thrown value is a {@link Failure}.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isFailure = (u: unknown): u is Failure => u instanceof Failure
