/**
 * The request helper every HTTP connector shares. {@link make} takes the connector's base URL,
 * auth headers (or query parameters), timeout, retry options and error-body mapper, and
 * returns `json` and `text` request functions that:
 *
 * - send through whatever `HttpClient` is provided (`FetchHttpClient.layer` for real runs);
 * - apply a timeout to each attempt (sending and reading the body): `Timeout`, retryable;
 * - map transport failures (refused, reset, dropped mid-body) to `Connection`, retryable;
 * - map a non-2xx status to a `ConnectorError` through the connector's `errorBody` mapper
 *   (reason from the status unless the mapper says otherwise; retryable for 408, 429 and
 *   5xx; `Retry-After` read into `retryAfterMs`);
 * - parse JSON, mapping a malformed body to `InvalidResponse`, retryable: a body cut short by
 *   a proxy or a dropped connection is the usual cause and a second try usually gets it whole;
 *   an API that always sends garbage fails after the few retries;
 * - retry retryable errors with `Retry.policy` (counted by the fiber's `Retry.Observer`).
 *
 * A request that is not idempotent (POST and PATCH by default; say `idempotent: true` for the
 * POST reads of a JSON-over-POST API) is only retried when it cannot have done anything: a 429,
 * or a connection refused. Its other failures come back with `retryable: false`, so nothing
 * up the line retries a create that may have happened.
 *
 * Messages never carry secrets: no request headers, and URLs with user info and
 * secret-looking query parameters (`consumer_secret`, `consumer_key`, `token`, `api_key`,
 * `password`, `signature`, ...) redacted. The mapper's own message is redacted the same way.
 *
 * @since 0.1.0
 */
import { Duration, Effect } from "effect"
import type { HttpClientError, HttpClientResponse, HttpMethod } from "effect/http"
import { HttpBody, HttpClient, HttpClientRequest } from "effect/http"
import { ConnectorError, parseRetryAfter, type Reason, reasonFromStatus } from "./ConnectorError.ts"
import { redactText, redactUrl } from "./internal/redactUrl.ts"
import { errorCodes, innermostMessage, neverSent } from "./internal/transport.ts"
import * as Retry from "./Retry.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type Method = HttpMethod.HttpMethod

/**
 * What a connector makes of an error response: the reason (default: from the status), one
 * sentence for people, the platform's error code, and whether to retry (default: 408, 429,
 * 5xx). A request that is not idempotent is still retried only after a 429, whatever the
 * mapper says: a 5xx does not tell whether a create happened.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorInfo {
  readonly reason?: Reason | undefined
  readonly message: string
  readonly code?: string | undefined
  readonly retryable?: boolean | undefined
}

/**
 * A connector's mapper of its platform's error bodies, called for every non-2xx response
 * with the status, the body as text and the response headers (lower-case names). Return
 * `undefined` when the body says nothing useful.
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorBody = (
  status: number,
  text: string,
  headers: Readonly<Record<string, string>>
) => ErrorInfo | undefined

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The connector's name, for its errors. */
  readonly connector: string
  /** An absolute http(s) URL; request paths are appended to it. */
  readonly baseUrl: string
  /** Sent with every request (auth, user agent). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Query parameters sent with every request (query-string auth). */
  readonly query?: Readonly<Record<string, string>> | undefined
  /** The time one attempt may take, reading the body included (default 30 s). */
  readonly timeout?: Duration.Input | undefined
  /** Retry options (default `Retry.defaults`), or `false` to never retry. */
  readonly retry?: Retry.Options | false | undefined
  readonly errorBody?: ErrorBody | undefined
}

/**
 * A query value; `undefined` and `null` leave the parameter out, an array repeats it.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryValue =
  | string
  | number
  | boolean
  | bigint
  | null
  | undefined
  | ReadonlyArray<string | number | boolean | bigint>

/**
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  /** Added to the query of the path (and of `Options.query`), replacing parameters of the same name. */
  readonly query?: Readonly<Record<string, QueryValue>> | undefined
  /** Added to (or replacing) `Options.headers`. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** `json`: any value, sent as JSON. `text`: a string, sent as `contentType`. */
  readonly body?: unknown
  /** The content type of a `text` body (default `text/plain; charset=utf-8`). */
  readonly contentType?: string | undefined
  /** Overrides `Options.timeout`. */
  readonly timeout?: Duration.Input | undefined
  /** Overrides (merged over) `Options.retry`; `false` never retries this request. */
  readonly retry?: Retry.Options | false | undefined
  /** Whether sending the request twice does no harm (default: all methods but POST and PATCH). */
  readonly idempotent?: boolean | undefined
}

/**
 * A 2xx response. `headers` have lower-case names. `url` is the URL requested (it may hold
 * credentials: resolve `Link` URLs against it, never print it).
 *
 * @since 0.1.0
 * @category models
 */
export interface Response<B> {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: B
  readonly url: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Http {
  readonly connector: string
  /**
   * Sends a request and parses the response body as JSON (`undefined` for an empty body).
   * `path` is relative to the base URL, or an absolute URL on the same origin (a `Link`).
   */
  readonly json: (
    method: Method,
    path: string,
    options?: RequestOptions
  ) => Effect.Effect<Response<unknown>, ConnectorError>
  /** Sends a request and returns the response body as text (XML APIs). */
  readonly text: (
    method: Method,
    path: string,
    options?: RequestOptions
  ) => Effect.Effect<Response<string>, ConnectorError>
  /**
   * The absolute URL of a path with the query of `Options.query` and `query` (for
   * `Pagination.link`'s `first`). A path that makes no URL on the base's origin comes back
   * unchanged, and a request to it fails with the reason.
   */
  readonly url: (path: string, query?: Readonly<Record<string, QueryValue>>) => string
}

const defaultTimeout = Duration.seconds(30)

const isAbsolute = (path: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(path)

const setQuery = (url: URL, query: Readonly<Record<string, QueryValue>> | undefined): void => {
  if (query === undefined) return
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    url.searchParams.delete(name)
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, String(v))
    else url.searchParams.set(name, String(value))
  }
}

const copyHeaders = (headers: Readonly<Record<string, string | undefined>>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = v
  return out
}

/**
 * Builds the request helper of a connector. Fails (not retryable) when `baseUrl` is not an
 * absolute http(s) URL.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Http, ConnectorError, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const connector = options.connector
    let base: URL
    try {
      base = new URL(options.baseUrl)
      if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error("not http")
    } catch {
      return yield* new ConnectorError({
        connector,
        reason: "Unknown",
        message: `the base URL ${JSON.stringify(redactUrl(options.baseUrl))} is not an absolute http(s) URL`,
        retryable: false
      })
    }
    const client = yield* HttpClient.HttpClient
    const baseText = base.href.replace(/\/+$/, "")

    const fail = (
      reason: Reason,
      message: string,
      retryable: boolean,
      extra?: {
        readonly status?: number
        readonly code?: string | undefined
        readonly retryAfterMs?: number | undefined
      }
    ) =>
      new ConnectorError({
        connector,
        reason,
        message,
        retryable,
        ...(extra?.status === undefined ? {} : { status: extra.status }),
        ...(extra?.code === undefined ? {} : { code: extra.code }),
        ...(extra?.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs })
      })

    // a mapper that throws on a body it did not expect must not crash the read
    const mapErrorBody = (status: number, text: string, headers: Readonly<Record<string, string>>) => {
      try {
        return options.errorBody?.(status, text, headers)
      } catch {
        return undefined
      }
    }

    const resolve = (
      path: string,
      query: Readonly<Record<string, QueryValue>> | undefined
    ): URL | ConnectorError => {
      let url: URL
      try {
        url = isAbsolute(path)
          ? new URL(path)
          : new URL(path === "" ? baseText : `${baseText}/${path.replace(/^\/+/, "")}`)
      } catch {
        return fail("Unknown", `the path ${JSON.stringify(redactUrl(path))} does not make a valid URL`, false)
      }
      if (url.origin !== base.origin) {
        return fail(
          "InvalidResponse",
          `refusing to send a request to ${redactUrl(url.href)}: it is not on ${base.origin}, and the request carries credentials`,
          false
        )
      }
      setQuery(url, options.query)
      setQuery(url, query)
      return url
    }

    const request = <B>(
      kind: "json" | "text",
      method: Method,
      path: string,
      req: RequestOptions | undefined,
      parse: (
        text: string,
        response: HttpClientResponse.HttpClientResponse,
        label: string
      ) => B | ConnectorError
    ): Effect.Effect<Response<B>, ConnectorError> =>
      Effect.suspend(() => {
        const url = resolve(path, req?.query)
        if (url instanceof ConnectorError) return Effect.fail(url)
        const label = `${method} ${redactUrl(url.href)}`
        const idempotent = req?.idempotent ?? (method !== "POST" && method !== "PATCH")
        const timeout = req?.timeout ?? options.timeout ?? defaultTimeout

        let body: HttpBody.HttpBody = HttpBody.empty
        if (req?.body !== undefined) {
          if (kind === "json") {
            let encoded: string
            try {
              encoded = JSON.stringify(req.body)
            } catch {
              return Effect.fail(
                fail("Unknown", `${label}: the request body cannot be written as JSON`, false)
              )
            }
            body = HttpBody.text(encoded, "application/json")
          } else if (typeof req.body === "string") {
            body = HttpBody.text(req.body, req.contentType ?? "text/plain; charset=utf-8")
          } else {
            return Effect.fail(fail("Unknown", `${label}: a text request body must be a string`, false))
          }
        }
        const httpRequest = HttpClientRequest.make(method)(url, {
          headers: {
            ...(kind === "json" ? { accept: "application/json" } : {}),
            ...options.headers,
            ...req?.headers
          },
          body
        })

        // a failure of a request that may have been processed is not retryable
        const unsafe = (e: ConnectorError, safe: boolean): ConnectorError =>
          idempotent || safe || !e.retryable
            ? e
            : new ConnectorError({
                connector: e.connector,
                reason: e.reason,
                message: `${e.message} (not retried: the ${method} may have been processed)`,
                retryable: false,
                ...(e.status === undefined ? {} : { status: e.status }),
                ...(e.code === undefined ? {} : { code: e.code }),
                ...(e.retryAfterMs === undefined ? {} : { retryAfterMs: e.retryAfterMs })
              })

        const fromTransport = (error: HttpClientError.HttpClientError): ConnectorError => {
          const reason = error.reason
          switch (reason._tag) {
            case "TransportError":
            case "DecodeError": {
              const codes = errorCodes(reason.cause)
              const detail = redactText(
                codes[0] ?? innermostMessage(reason.cause) ?? reason.description ?? "no detail"
              )
              const what =
                reason._tag === "TransportError" ? "the connection failed" : "reading the response failed"
              return unsafe(fail("Connection", `${label}: ${what} (${detail})`, true), neverSent(codes))
            }
            case "EmptyBodyError":
              return fail("InvalidResponse", `${label}: the response has no body`, idempotent)
            default:
              return fail("Unknown", `${label}: the request could not be made (${reason._tag})`, false)
          }
        }

        const attempt = client.execute(httpRequest).pipe(
          Effect.flatMap((response) => Effect.map(response.text, (text) => ({ response, text }))),
          Effect.mapError(fromTransport),
          Effect.flatMap(({ response, text }): Effect.Effect<Response<B>, ConnectorError> => {
            const headers = copyHeaders(response.headers)
            if (response.status < 200 || response.status > 299) {
              const status = response.status
              const info = mapErrorBody(status, text, headers)
              const retryAfterMs = parseRetryAfter(headers["retry-after"])
              const retryable = info?.retryable ?? (status === 408 || status === 429 || status >= 500)
              const e = fail(
                info?.reason ?? reasonFromStatus(status),
                `${label} answered ${status}${info?.message === undefined ? "" : `: ${redactText(info.message)}`}`,
                retryable,
                { status, code: info?.code, retryAfterMs }
              )
              return Effect.fail(unsafe(e, status === 429))
            }
            const parsed = parse(text, response, label)
            if (parsed instanceof ConnectorError) return Effect.fail(unsafe(parsed, false))
            return Effect.succeed({ status: response.status, headers, body: parsed, url: url.href })
          }),
          Effect.timeoutOrElse({
            duration: timeout,
            orElse: () =>
              Effect.fail(
                unsafe(
                  fail(
                    "Timeout",
                    `${label}: no complete response within ${Duration.format(Duration.fromInputUnsafe(timeout))}`,
                    true
                  ),
                  false
                )
              )
          })
        )

        const retry =
          req?.retry === false || options.retry === false ? false : { ...options.retry, ...req?.retry }
        return retry === false ? attempt : Retry.retry(attempt, retry)
      })

    const parseJson = (text: string, response: HttpClientResponse.HttpClientResponse, label: string) => {
      if (text.trim() === "") return undefined
      try {
        return JSON.parse(text) as unknown
      } catch {
        const type = response.headers["content-type"] ?? "no content type"
        return fail(
          "InvalidResponse",
          `${label}: the response body is not valid JSON (${text.length} characters, ${type})`,
          true,
          { status: response.status }
        )
      }
    }

    const http: Http = {
      connector,
      json: (method, path, req) => request("json", method, path, req, parseJson),
      text: (method, path, req) => request("text", method, path, req, (text) => text),
      url: (path, query) => {
        const url = resolve(path, query)
        return url instanceof ConnectorError ? path : url.href
      }
    }
    return http
  })
