/**
 * A loopback HTTP server that emulates a platform's API, for connector tests, offline pipeline
 * development and demos. Routes are plain handlers `(request) => Response` keyed by
 * `"METHOD /path/:param"`; an optional auth guard, fault injection (see `Faults`), request
 * statistics, and a control endpoint under `/__emulator/` come with every emulator.
 *
 * ```ts
 * const running = await Emulator.start({
 *   routes: { "GET /customers/:id": (req) => Respond.json({ id: Number(req.params.id) }) },
 *   auth: { check: Auth.bearer("secret") }
 * })
 * // ... fetch(`${running.url}/customers/1`) ...
 * await running.close()
 * ```
 *
 * @since 0.1.0
 */

import { createHash } from "node:crypto"
import * as Http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import type { Scope } from "effect"
import { Data, Effect } from "effect"
import * as Auth from "./Auth.ts"
import * as Faults from "./Faults.ts"
import * as Router from "./internal/router.ts"
import * as StatsInternal from "./internal/stats.ts"
import * as Respond from "./Respond.ts"

/**
 * An incoming request, as a route handler sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly method: string
  /** The raw path, without the query (`/wp-json/wc/v3/customers`). */
  readonly path: string
  /** The absolute URL the client used (from its `Host` header), for `Link` headers. */
  readonly url: URL
  /** The matched route key (`"GET /customers/:id"`), `undefined` when none matched. */
  readonly route: string | undefined
  /** Path parameters, URL-decoded (`{ id: "42" }`; `*` holds the rest of the path). */
  readonly params: Readonly<Record<string, string>>
  /** Query parameters, the last value of each key, names kept as sent (`filter[date_upd]`). */
  readonly query: Readonly<Record<string, string>>
  /** Every value of a repeated query parameter (`ids[]=1&ids[]=2` → `queryAll("ids[]")`). */
  readonly queryAll: (name: string) => ReadonlyArray<string>
  /** The bracketed keys under a prefix: `filter[date_upd]=x` → `queryGroup("filter")` is `{ date_upd: "x" }`. */
  readonly queryGroup: (prefix: string) => Readonly<Record<string, string>>
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body as text (JSON, XML, form data). */
  readonly text: string
  /** The body parsed as JSON; answers 400 (the `badRequest` body) when it is not JSON. */
  readonly json: () => unknown
}

/**
 * A route handler.
 *
 * @since 0.1.0
 * @category models
 */
export type Handler = (request: Request) => Respond.Response | Promise<Respond.Response>

/**
 * Routes keyed by `"METHOD /path"`; `:name` segments are parameters, a final `*` takes the
 * rest. The most specific match wins (literal over parameter over `*`), then the first written.
 *
 * @since 0.1.0
 * @category models
 */
export type Routes = Readonly<Record<string, Handler>>

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** A name for messages (`"woocommerce emulator"`). */
  readonly name?: string
  /** Loopback only: `127.0.0.1` (default), `localhost`, `::1` or another `127.x.y.z`. */
  readonly host?: string
  /** Default 0: the OS picks a free port. */
  readonly port?: number
  readonly routes: Routes
  /** Checked before every route except the guard's public ones and `/__emulator/`. */
  readonly auth?: Auth.Guard
  readonly faults?: Faults.Config
  /** The platform's answer when no route matches (default: 404 `{"error":"not_found",...}`). */
  readonly notFound?: (request: Request) => Respond.Response
  /** The platform's answer to a bad request (unparseable JSON, a bad paging parameter). */
  readonly badRequest?: (request: Request, message: string) => Respond.Response
  /** The answer when a handler throws (default: 500 with the error message). */
  readonly internalError?: (request: Request, error: unknown) => Respond.Response
  /** The body of an injected 5xx (default: `{"error":"emulated_fault","status":503}`). */
  readonly faultResponse?: (request: Request, status: number) => Respond.Response
  /** The body of a 429 (`Retry-After` is added to it). */
  readonly rateLimited?: (request: Request, retryAfterSeconds: number) => Respond.Response
  /** Serve the `/__emulator/` control endpoint (default true). */
  readonly control?: boolean
  /** Largest request body accepted, in bytes (default 16 MiB; larger gets 413). */
  readonly maxBodyBytes?: number
}

/**
 * Counters of a running emulator. Control endpoint requests are not counted.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stats {
  /** Requests received. */
  readonly total: number
  /** Requests not yet answered or closed. */
  readonly inFlight: number
  /** Open TCP connections (kept-alive ones included). */
  readonly connections: number
  /** Answered requests per route key (`"(unmatched)"` for none). */
  readonly byRoute: Readonly<Record<string, number>>
  /** Answered requests per status (`"dropped"` for destroyed connections). */
  readonly byStatus: Readonly<Record<string, number>>
  /** The last 10,000 answered requests, oldest first. */
  readonly requests: ReadonlyArray<RequestLog>
  /** How many logged requests match every given field. */
  readonly count: (filter?: StatsFilter) => number
  /** Zeroes the counters and the log (open requests and connections stay counted). */
  readonly reset: () => void
}

/**
 * One answered request in {@link Stats.requests}.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestLog {
  readonly method: string
  readonly path: string
  /** The query string as sent, with its `?`, or `""`. */
  readonly search: string
  /**
   * A digest of the request body (hex, 16 characters), `""` for none: tells apart the pages of
   * APIs that send every request to one URL (GraphQL, JSON-over-POST).
   */
  readonly bodyDigest: string
  readonly route: string | undefined
  /** The status sent, or 0 when the connection was dropped or closed before an answer. */
  readonly status: number
  /** The injected fault (`error`, `rateLimited`, `drop`, `malformed`), if any. */
  readonly fault: string | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface StatsFilter {
  readonly method?: string
  readonly route?: string
  readonly path?: string
  readonly status?: number
}

/**
 * A started emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  readonly host: string
  readonly port: number
  readonly stats: Stats
  readonly faults: Faults.Controller
  /** Stops listening and closes every connection; resolves when the port is free. Idempotent. */
  readonly close: () => Promise<void>
}

/**
 * The emulator could not start (a non-loopback host, a bad port or route, a port in use).
 *
 * @since 0.1.0
 * @category errors
 */
export class EmulatorError extends Data.TaggedError("EmulatorError")<{ readonly message: string }> {}

/**
 * Whether a host name is a loopback address an emulator may bind.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)

const lower = (headers: Readonly<Record<string, string>> | undefined): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v
  return out
}

const defaultNotFound = (request: Request): Respond.Response =>
  Respond.json(
    { error: "not_found", message: `no route for ${request.method} ${request.path}` },
    { status: 404 }
  )
const defaultBadRequest = (_request: Request, message: string): Respond.Response =>
  Respond.json({ error: "bad_request", message }, { status: 400 })
const defaultInternal = (_request: Request, error: unknown): Respond.Response =>
  Respond.json(
    { error: "internal_error", message: error instanceof Error ? error.message : String(error) },
    { status: 500 }
  )
const defaultFault = (_request: Request, status: number): Respond.Response =>
  Respond.json({ error: "emulated_fault", status }, { status })
const defaultRateLimited = (_request: Request, retryAfter: number): Respond.Response =>
  Respond.json({ error: "rate_limited", retryAfter }, { status: 429 })

const readBody = (req: Http.IncomingMessage, limit: number): Promise<Buffer | "too-large"> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    let over = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(over ? "too-large" : Buffer.concat(chunks)))
    req.on("error", reject)
  })

const sleep = (ms: number) => (ms <= 0 ? Promise.resolve() : new Promise<void>((r) => setTimeout(r, ms)))

const headersOf = (req: Http.IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v
  }
  return out
}

const makeRequest = (
  req: Http.IncomingMessage,
  url: URL,
  match: Router.Match<Handler> | undefined,
  body: string,
  badRequest: (request: Request, message: string) => Respond.Response
): Request => {
  const query: Record<string, string> = {}
  for (const [k, v] of url.searchParams) query[k] = v
  const request: Request = {
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    url,
    route: match?.route.key,
    params: match?.params ?? {},
    query,
    queryAll: (name) => url.searchParams.getAll(name),
    queryGroup: (prefix) => {
      const out: Record<string, string> = {}
      for (const [k, v] of url.searchParams) {
        if (k.startsWith(`${prefix}[`) && k.endsWith("]")) out[k.slice(prefix.length + 1, -1)] = v
      }
      return out
    },
    headers: headersOf(req),
    text: body,
    json: () => {
      try {
        return JSON.parse(body) as unknown
      } catch (e) {
        const message = `the request body is not JSON: ${e instanceof Error ? e.message : String(e)}`
        throw new Respond.Failure(badRequest(request, message), message)
      }
    }
  }
  return request
}

const controlRoutes = (faults: Faults.Injector, stats: ReturnType<typeof StatsInternal.make>) => {
  const bad = (message: string) => Respond.json({ error: "bad_request", message }, { status: 400 })
  const parse = (text: string): unknown => {
    if (text.trim() === "") return {}
    return JSON.parse(text) as unknown
  }
  const state = () => Respond.json({ faults: faults.get(), pending: faults.pending() })
  return (method: string, path: string, text: string): Respond.Response => {
    try {
      if (path === "/__emulator/faults" && method === "GET") return state()
      if (path === "/__emulator/faults" && (method === "POST" || method === "PUT" || method === "PATCH")) {
        const input = parse(text)
        const problems = Faults.validate(input)
        if (problems.length > 0) return bad(problems.join("; "))
        if (method === "PATCH") faults.update(Faults.decode(input))
        else faults.set(Faults.decode(input))
        return state()
      }
      if (path === "/__emulator/faults" && method === "DELETE") {
        faults.clear()
        return state()
      }
      if (path === "/__emulator/faults/next" && method === "POST") {
        const input = parse(text)
        const decoded = Faults.decodeNext(input)
        if (typeof decoded === "string") return bad(decoded)
        faults.failNext(decoded.count, decoded.fault)
        return state()
      }
      if (path === "/__emulator/stats" && method === "GET") {
        return Respond.json({ ...stats.snapshot(), requests: stats.requests })
      }
      if (path === "/__emulator/stats" && method === "DELETE") {
        stats.reset()
        return Respond.json(stats.snapshot())
      }
      return Respond.json(
        { error: "not_found", message: `no control route ${method} ${path}; see the testkit README` },
        { status: 404 }
      )
    } catch (e) {
      return bad(e instanceof Error ? e.message : String(e))
    }
  }
}

const hostFor = (host: string) => (host === "localhost" ? "127.0.0.1" : host)
const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host)

/**
 * Starts an emulator. Rejects with an {@link EmulatorError} for a non-loopback host, a bad
 * port, route or fault setting, or a port in use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options): Promise<Running> => {
  const name = options.name ?? "emulator"
  const host = options.host ?? "127.0.0.1"
  const port = options.port ?? 0
  if (!isLoopback(host)) {
    return Promise.reject(
      new EmulatorError({
        message: `${name}: host "${host}" is not a loopback address; emulators listen on 127.0.0.1, localhost or ::1 only`
      })
    )
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(
      new EmulatorError({ message: `${name}: port must be an integer from 0 to 65535, got ${port}` })
    )
  }
  let routes: ReadonlyArray<Router.Compiled<Handler>>
  let faults: Faults.Injector
  try {
    routes = Router.compile(options.routes)
    faults = Faults.make(options.faults ?? {})
  } catch (e) {
    return Promise.reject(
      new EmulatorError({ message: `${name}: ${e instanceof Error ? e.message : String(e)}` })
    )
  }
  const stats = StatsInternal.make()
  const control = controlRoutes(faults, stats)
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024
  const badRequest = options.badRequest ?? defaultBadRequest
  const notFound = options.notFound ?? defaultNotFound
  const internal = options.internalError ?? defaultInternal
  const faultResponse = options.faultResponse ?? defaultFault
  const rateLimited = options.rateLimited ?? defaultRateLimited
  const bindHost = hostFor(host)
  let listening = `${urlHost(bindHost)}:${port}`

  const send = (
    res: Http.ServerResponse,
    method: string,
    response: Respond.Response,
    mode: "normal" | "malformed" | "drop"
  ) => {
    if (res.destroyed) return
    let body = response.body === undefined ? Buffer.alloc(0) : Buffer.from(response.body)
    if (mode === "malformed")
      body = body.length <= 1 ? Buffer.from("{") : body.subarray(0, Math.floor(body.length / 2))
    const headers = { ...lower(response.headers), "content-length": String(body.length) }
    if (mode === "drop") {
      res.writeHead(response.status, headers)
      const half = body.subarray(0, Math.floor(body.length / 2))
      res.write(half, () => res.socket?.destroy())
      return
    }
    res.writeHead(response.status, headers)
    res.end(method === "HEAD" ? undefined : body)
  }

  const handle = async (req: Http.IncomingMessage, res: Http.ServerResponse) => {
    const method = (req.method ?? "GET").toUpperCase()
    let url: URL
    try {
      url = new URL(req.url ?? "/", `http://${req.headers.host ?? listening}`)
    } catch {
      url = new URL(req.url ?? "/", `http://${listening}`)
    }
    if (options.control !== false && url.pathname.startsWith("/__emulator")) {
      const body = await readBody(req, maxBody)
      send(
        res,
        method,
        control(method, url.pathname, body === "too-large" ? "" : body.toString("utf8")),
        "normal"
      )
      return
    }
    stats.opened()
    const match = Router.find(routes, method, url.pathname)
    let status = 0
    let faultKind: string | undefined
    let bodyDigest = ""
    res.on("close", () => {
      stats.closed({
        method,
        path: url.pathname,
        search: url.search,
        bodyDigest,
        route: match?.route.key,
        status: faultKind === "drop" ? 0 : res.headersSent ? status : 0,
        fault: faultKind
      })
    })
    const decision = faults.decide(url.pathname, Date.now())
    faultKind = decision.fault?.kind === "latency" ? undefined : decision.fault?.kind
    const raw = await readBody(req, maxBody).catch(() => Buffer.alloc(0))
    if (raw !== "too-large" && raw.length > 0) {
      bodyDigest = createHash("sha256").update(raw).digest("hex").slice(0, 16)
    }
    const request = makeRequest(req, url, match, raw === "too-large" ? "" : raw.toString("utf8"), badRequest)
    await sleep(decision.latencyMs)
    const reply = (response: Respond.Response, mode: "normal" | "malformed" | "drop" = "normal") => {
      status = response.status
      send(res, method, response, mode)
    }
    const fault = decision.fault
    if (fault?.kind === "error") return reply(faultResponse(request, fault.status ?? 503))
    if (fault?.kind === "rateLimited") {
      const seconds = fault.retryAfter ?? 1
      return reply(Respond.withHeaders(rateLimited(request, seconds), { "retry-after": String(seconds) }))
    }
    if (raw === "too-large") {
      return reply(Respond.json({ error: "payload_too_large", limit: maxBody }, { status: 413 }))
    }
    const mode = fault?.kind === "drop" ? "drop" : fault?.kind === "malformed" ? "malformed" : "normal"
    let response: Respond.Response
    try {
      const refused = options.auth === undefined ? undefined : Auth.refuse(options.auth, request)
      response = refused ?? (match === undefined ? notFound(request) : await match.route.handler(request))
    } catch (e) {
      response = Respond.isFailure(e) ? e.response : internal(request, e)
    }
    reply(response, mode)
  }

  const server = Http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" })
        res.end(`${name}: ${e instanceof Error ? e.message : String(e)}`)
      }
    })
  })
  server.on("connection", (socket: Socket) => {
    stats.connected()
    socket.on("close", () => stats.disconnected())
  })

  return new Promise<Running>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const reason =
        e.code === "EADDRINUSE"
          ? `port ${port} on ${host} is already in use`
          : e.code === "EADDRNOTAVAIL"
            ? `address ${host} is not available on this machine`
            : e.message
      reject(new EmulatorError({ message: `${name}: cannot listen: ${reason}` }))
    }
    server.once("error", onError)
    server.listen(port, bindHost, () => {
      server.off("error", onError)
      const address = server.address() as AddressInfo
      listening = `${urlHost(bindHost)}:${address.port}`
      let closing: Promise<void> | undefined
      resolve({
        url: `http://${listening}`,
        host: bindHost,
        port: address.port,
        stats,
        faults,
        close: () => {
          closing ??= new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
          return closing
        }
      })
    })
  })
}

/**
 * A platform emulator's `serve` from its `start`: the emulator runs for the life of the
 * current scope and closes when the scope ends. A start that fails is an `EmulatorError` (the
 * one it threw, or one carrying the message of whatever else it threw).
 *
 * ```ts
 * export const serve = (options: Options = {}) => Emulator.scoped(start)(options)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const scoped =
  <O, R extends { readonly close: () => Promise<void> }>(
    start: (options: O) => Promise<R>
  ): ((options: O) => Effect.Effect<R, EmulatorError, Scope.Scope>) =>
  (options) =>
    Effect.acquireRelease(
      Effect.tryPromise({
        try: () => start(options),
        catch: (e) => (e instanceof EmulatorError ? e : new EmulatorError({ message: String(e) }))
      }),
      (running) => Effect.promise(() => running.close())
    )

/**
 * Starts an emulator for the life of the current scope: it closes when the scope ends.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve: (options: Options) => Effect.Effect<Running, EmulatorError, Scope.Scope> = scoped(start)
