import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import { FetchHttpClient } from "effect/http"
import { ConnectorError } from "../src/ConnectorError.ts"
import * as Http from "../src/Http.ts"
import * as Retry from "../src/Retry.ts"

// A loopback server with one behaviour per path; `hits` counts the requests per path.
const hits = new Map<string, number>()
const received: Array<{ path: string; method: string; headers: IncomingMessage["headers"]; body: string }> =
  []

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1")
  const path = url.pathname
  const n = (hits.get(path) ?? 0) + 1
  hits.set(path, n)
  received.push({ path: `${path}${url.search}`, method: req.method ?? "", headers: req.headers, body })
  switch (path) {
    case "/api/items/1":
      return json(
        res,
        200,
        { id: 1, name: "Ada" },
        { link: '<http://x/api/items?page=2>; rel="next"', "x-wp-totalpages": "3" }
      )
    case "/api/items/404":
      return json(res, 404, {
        code: "woocommerce_rest_invalid_id",
        message: "Invalid ID.",
        data: { status: 404 }
      })
    case "/api/private":
      return json(res, 401, {
        code: "woocommerce_rest_cannot_view",
        message: "Sorry, you cannot list resources."
      })
    case "/api/flaky":
      return n <= 2 ? json(res, 500, { code: "internal", message: "Try again." }) : json(res, 200, { ok: n })
    case "/api/limited":
      return n === 1
        ? json(res, 429, { code: "rate_limited", message: "Slow down." }, { "retry-after": "0" })
        : json(res, 200, { ok: n })
    case "/api/drop":
      if (n === 1) return req.socket.destroy()
      return json(res, 200, { ok: n })
    case "/api/drop-always":
      return req.socket.destroy()
    case "/api/malformed":
      res.writeHead(200, { "content-type": "application/json" })
      return res.end('{"id": 1, "name": "Ad')
    case "/api/slow":
      return setTimeout(() => {
        if (!res.destroyed) json(res, 200, { ok: n })
      }, 200)
    case "/api/echo-error":
      // a platform that quotes the request URL in its error body
      return json(res, 500, { code: "boom", message: `failed at ${req.url}` })
    case "/api/create":
      return json(res, 500, { code: "db", message: "Database error." })
    case "/api/echo":
      return json(res, 201, { method: req.method, contentType: req.headers["content-type"] ?? null, body })
    case "/api/empty":
      res.writeHead(204)
      return res.end()
    case "/api/xml":
      res.writeHead(200, { "content-type": "application/xml" })
      return res.end("<ResultSet><Row><id>1</id></Row></ResultSet>")
    default:
      return json(res, 404, { code: "rest_no_route", message: "No route was found." })
  }
}

let server: Server
let baseUrl = ""
let closedPort = 0

const listen = (s: Server) =>
  new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)))

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => {
      body += chunk
    })
    req.on("end", () => handle(req, res, body))
  })
  baseUrl = `http://127.0.0.1:${await listen(server)}/api`
  // a port where nothing listens
  const probe = createServer()
  closedPort = await listen(probe)
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const wooErrors: Http.ErrorBody = (_status, text) => {
  try {
    const body = JSON.parse(text) as { readonly code?: unknown; readonly message?: unknown }
    if (typeof body.message !== "string") return undefined
    return typeof body.code === "string"
      ? { message: body.message, code: body.code }
      : { message: body.message }
  } catch {
    return undefined
  }
}

const makeHttp = (options: Partial<Http.Options> = {}) =>
  Http.make({
    connector: "woo",
    baseUrl,
    headers: { authorization: "Basic c2VjcmV0OnNlY3JldA==" },
    retry: { base: "5 millis", max: "50 millis" },
    errorBody: wooErrors,
    ...options
  })

/** Runs a request over real loopback HTTP with the real clock. */
const run = <A>(f: (http: Http.Http) => Effect.Effect<A, ConnectorError>, options?: Partial<Http.Options>) =>
  Effect.runPromiseExit(Effect.flatMap(makeHttp(options), f).pipe(Effect.provide(FetchHttpClient.layer)))

const errorOf = <A>(exit: Exit.Exit<A, ConnectorError>): ConnectorError => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const reason = exit.cause.reasons.find(Cause.isFailReason)
  if (reason === undefined) throw new Error(`expected a ConnectorError, got ${Cause.pretty(exit.cause)}`)
  return reason.error
}

const successOf = <A>(exit: Exit.Exit<A, ConnectorError>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected a success, got ${Cause.pretty(exit.cause)}`)
  return exit.value
}

const retriesCounter = () => {
  const events: Array<Retry.RetryEvent> = []
  return { events, onRetry: (e: Retry.RetryEvent) => Effect.sync(() => events.push(e)) }
}

describe("Http", () => {
  it("returns a 200's JSON body, status and lower-cased headers, sending the auth header", async () => {
    const res = successOf(
      await run((http) => http.json("GET", "/items/1", { query: { context: "edit", skip: undefined } }))
    )
    assert.strictEqual(res.status, 200)
    assert.deepStrictEqual(res.body, { id: 1, name: "Ada" })
    assert.strictEqual(res.headers["x-wp-totalpages"], "3")
    assert.strictEqual(res.headers.link, '<http://x/api/items?page=2>; rel="next"')
    assert.strictEqual(res.url, `${baseUrl}/items/1?context=edit`)
    const request = received.find((r) => r.path === "/api/items/1?context=edit")
    assert.strictEqual(request?.headers.authorization, "Basic c2VjcmV0OnNlY3JldA==")
    assert.strictEqual(request?.headers.accept, "application/json")
  })

  it("maps a 404 with the platform's error body to NotFound with its code, not retried", async () => {
    const counter = retriesCounter()
    const error = errorOf(
      await run((http) => http.json("GET", "items/404"), {
        retry: { base: "5 millis", onRetry: counter.onRetry }
      })
    )
    assert.strictEqual(error.connector, "woo")
    assert.strictEqual(error.reason, "NotFound")
    assert.strictEqual(error.status, 404)
    assert.strictEqual(error.code, "woocommerce_rest_invalid_id")
    assert.strictEqual(error.retryable, false)
    assert.strictEqual(error.message, `GET ${baseUrl}/items/404 answered 404: Invalid ID.`)
    assert.strictEqual(counter.events.length, 0)
    assert.strictEqual(hits.get("/api/items/404"), 1)
  })

  it("maps a 401 to Authentication", async () => {
    const error = errorOf(await run((http) => http.json("GET", "/private")))
    assert.strictEqual(error.reason, "Authentication")
    assert.strictEqual(error.code, "woocommerce_rest_cannot_view")
    assert.strictEqual(error.retryable, false)
  })

  it("lets the mapper choose the reason and retryability", async () => {
    const error = errorOf(
      await run((http) => http.json("GET", "/private"), {
        errorBody: () => ({ reason: "Authorization", message: "no rights", retryable: false })
      })
    )
    assert.strictEqual(error.reason, "Authorization")
    assert.strictEqual(error.message, `GET ${baseUrl}/private answered 401: no rights`)
  })

  it("falls back to the status when the mapper throws on an unexpected body", async () => {
    const error = errorOf(
      await run((http) => http.json("GET", "/private"), {
        errorBody: () => {
          throw new Error("unexpected body")
        }
      })
    )
    assert.strictEqual(error.reason, "Authentication")
    assert.strictEqual(error.message, `GET ${baseUrl}/private answered 401`)
    assert.isUndefined(error.code)
  })

  it("retries a 500 twice, then succeeds, counting 2 retries in onRetry and the Observer", async () => {
    const counter = retriesCounter()
    const observed: Array<number> = []
    const exit = await Effect.runPromiseExit(
      Effect.flatMap(makeHttp({ retry: { base: "5 millis", onRetry: counter.onRetry } }), (http) =>
        http.json("GET", "/flaky")
      ).pipe(
        Effect.provideService(Retry.Observer, (e) => Effect.sync(() => observed.push(e.attempt))),
        Effect.provide(FetchHttpClient.layer)
      )
    )
    assert.deepStrictEqual(successOf(exit).body, { ok: 3 })
    assert.deepStrictEqual(
      counter.events.map((e) => [e.attempt, e.error.status, e.error.message]),
      [
        [1, 500, `GET ${baseUrl}/flaky answered 500: Try again.`],
        [2, 500, `GET ${baseUrl}/flaky answered 500: Try again.`]
      ]
    )
    assert.deepStrictEqual(observed, [1, 2])
  })

  it("retries a 429 with Retry-After: 0", async () => {
    const counter = retriesCounter()
    const res = successOf(
      await run((http) => http.json("GET", "/limited"), {
        retry: { base: "5 millis", onRetry: counter.onRetry }
      })
    )
    assert.deepStrictEqual(res.body, { ok: 2 })
    assert.strictEqual(counter.events.length, 1)
    assert.strictEqual(counter.events[0]?.error.reason, "RateLimited")
    assert.strictEqual(counter.events[0]?.error.retryAfterMs, 0)
  })

  it("maps a dropped connection to Connection and retries it", async () => {
    const counter = retriesCounter()
    const res = successOf(
      await run((http) => http.json("GET", "/drop"), {
        retry: { base: "5 millis", onRetry: counter.onRetry }
      })
    )
    assert.deepStrictEqual(res.body, { ok: 2 })
    assert.strictEqual(counter.events.length, 1)
    assert.strictEqual(counter.events[0]?.error.reason, "Connection")
    assert.strictEqual(counter.events[0]?.error.retryable, true)
  })

  it("fails with Connection after the retries when the connection always drops", async () => {
    const error = errorOf(
      await run((http) => http.json("GET", "/drop-always"), { retry: { base: "5 millis", times: 2 } })
    )
    assert.strictEqual(error.reason, "Connection")
    assert.strictEqual(error.retryable, true)
    assert.include(error.message, `GET ${baseUrl}/drop-always: the connection failed`)
    assert.strictEqual(hits.get("/api/drop-always"), 3)
  })

  it("maps a refused connection to Connection, and retries it even for a POST", async () => {
    const counter = retriesCounter()
    const error = errorOf(
      await run((http) => http.json("POST", "/customers", { body: { email: "a@b.c" } }), {
        baseUrl: `http://127.0.0.1:${closedPort}/api`,
        retry: { base: "5 millis", times: 2, onRetry: counter.onRetry }
      })
    )
    assert.strictEqual(error.reason, "Connection")
    assert.strictEqual(error.retryable, true)
    assert.include(error.message, "ECONNREFUSED")
    assert.strictEqual(counter.events.length, 2)
  })

  it("maps a malformed JSON body to InvalidResponse, retryable, without quoting the body", async () => {
    const counter = retriesCounter()
    const error = errorOf(
      await run((http) => http.json("GET", "/malformed"), {
        retry: { base: "5 millis", times: 1, onRetry: counter.onRetry }
      })
    )
    assert.strictEqual(error.reason, "InvalidResponse")
    assert.strictEqual(error.retryable, true)
    assert.strictEqual(error.status, 200)
    assert.strictEqual(
      error.message,
      `GET ${baseUrl}/malformed: the response body is not valid JSON (21 characters, application/json)`
    )
    assert.strictEqual(counter.events.length, 1)
    assert.strictEqual(hits.get("/api/malformed"), 2)
  })

  it("times out a slow response and retries it", async () => {
    const counter = retriesCounter()
    const error = errorOf(
      await run((http) => http.json("GET", "/slow"), {
        timeout: "50 millis",
        retry: { base: "5 millis", times: 1, onRetry: counter.onRetry }
      })
    )
    assert.strictEqual(error.reason, "Timeout")
    assert.strictEqual(error.retryable, true)
    assert.strictEqual(error.message, `GET ${baseUrl}/slow: no complete response within 50ms`)
    assert.strictEqual(counter.events.length, 1)
  })

  it("never puts a consumer_secret into a message, from the URL or from the platform's body", async () => {
    const secret = "cs_9f8e7d6c5b4a"
    const secretOptions = {
      query: { consumer_key: "ck_1234", consumer_secret: secret },
      retry: false as const
    }
    const messages: Array<string> = []
    const collect = (exit: Exit.Exit<unknown, ConnectorError>) => messages.push(errorOf(exit).message)
    collect(await run((http) => http.json("GET", "/echo-error"), secretOptions))
    collect(await run((http) => http.json("GET", "/drop-always"), secretOptions))
    collect(await run((http) => http.json("GET", "/slow"), { ...secretOptions, timeout: "20 millis" }))
    collect(await run((http) => http.json("GET", "/malformed"), secretOptions))
    collect(await run((http) => http.json("GET", `/items/404?consumer_secret=${secret}`), { retry: false }))
    collect(
      await run((http) => http.json("GET", "/x"), {
        ...secretOptions,
        baseUrl: `http://127.0.0.1:${closedPort}/api`
      })
    )
    assert.strictEqual(messages.length, 6)
    for (const message of messages) {
      assert.notInclude(message, secret)
      assert.notInclude(message, "ck_1234")
      assert.notInclude(message, "c2VjcmV0OnNlY3JldA==")
    }
    assert.strictEqual(
      messages[1]?.startsWith(
        `GET ${baseUrl}/drop-always?consumer_key=REDACTED&consumer_secret=REDACTED: the connection failed (`
      ),
      true
    )
    assert.strictEqual(
      messages[2],
      `GET ${baseUrl}/slow?consumer_key=REDACTED&consumer_secret=REDACTED: no complete response within 20ms`
    )
    assert.strictEqual(
      messages[4],
      `GET ${baseUrl}/items/404?consumer_secret=REDACTED answered 404: Invalid ID.`
    )
    // the platform's body quoted the request URL: its query is redacted too
    assert.match(
      messages[0]!,
      /answered 500: failed at \/api\/echo-error\?consumer_key=REDACTED&consumer_secret=REDACTED$/
    )
    // the secret did reach the server
    assert.isTrue(received.some((r) => r.path.includes(`consumer_secret=${secret}`)))
  })

  it("does not retry a POST that may have been processed, unless it says it is idempotent", async () => {
    const counter = retriesCounter()
    const retry: Retry.Options = { base: "5 millis", times: 2, onRetry: counter.onRetry }
    const error = errorOf(await run((http) => http.json("POST", "/create", { body: { a: 1 } }), { retry }))
    assert.strictEqual(error.reason, "Unknown")
    assert.strictEqual(error.status, 500)
    assert.strictEqual(error.retryable, false)
    assert.strictEqual(
      error.message,
      `POST ${baseUrl}/create answered 500: Database error. (not retried: the POST may have been processed)`
    )
    assert.strictEqual(hits.get("/api/create"), 1)
    const again = errorOf(
      await run((http) => http.json("POST", "/create", { body: { a: 1 }, idempotent: true }), { retry })
    )
    assert.strictEqual(again.retryable, true)
    assert.strictEqual(hits.get("/api/create"), 4)
    assert.strictEqual(counter.events.length, 2)
    // a mapper calling the 500 retryable does not make the POST safe to send again
    const mapped = errorOf(
      await run((http) => http.json("POST", "/create", { body: { a: 1 } }), {
        retry,
        errorBody: () => ({ message: "Database error.", retryable: true })
      })
    )
    assert.strictEqual(mapped.retryable, false)
    assert.strictEqual(hits.get("/api/create"), 5)
  })

  it("sends a JSON body, and a text body with its content type", async () => {
    const a = successOf(await run((http) => http.json("POST", "/echo", { body: { email: "a@b.c" } })))
    assert.strictEqual(a.status, 201)
    assert.deepStrictEqual(a.body, {
      method: "POST",
      contentType: "application/json",
      body: '{"email":"a@b.c"}'
    })
    const b = successOf(
      await run((http) => http.text("PUT", "/echo", { body: "<Customer/>", contentType: "application/xml" }))
    )
    assert.deepStrictEqual(JSON.parse(b.body), {
      method: "PUT",
      contentType: "application/xml",
      body: "<Customer/>"
    })
  })

  it("returns text as is (XML), and undefined for an empty JSON body", async () => {
    const xml = successOf(await run((http) => http.text("GET", "/xml")))
    assert.strictEqual(xml.body, "<ResultSet><Row><id>1</id></Row></ResultSet>")
    const empty = successOf(await run((http) => http.json("DELETE", "/empty")))
    assert.strictEqual(empty.status, 204)
    assert.isUndefined(empty.body)
  })

  it("follows an absolute URL on its own origin (a Link) and refuses one elsewhere", async () => {
    const same = successOf(await run((http) => http.json("GET", `${baseUrl}/items/1?page=2`)))
    assert.strictEqual(same.status, 200)
    const before = received.length
    const error = errorOf(await run((http) => http.json("GET", "http://evil.example/steal?token=abc")))
    assert.strictEqual(error.retryable, false)
    assert.include(error.message, "refusing to send a request to http://evil.example/steal?token=REDACTED")
    assert.strictEqual(received.length, before)
  })

  it("builds URLs from the base, the default query and the request's query", async () => {
    const exit = await run(
      (http) => Effect.succeed(http.url("customers", { page: 2, include: [1, 2], role: "all" })),
      { query: { lang: "en" } }
    )
    assert.strictEqual(successOf(exit), `${baseUrl}/customers?lang=en&page=2&include=1&include=2&role=all`)
  })

  it("fails to make a client for a base URL that is not absolute http(s)", async () => {
    const error = errorOf(await run(() => Effect.void, { baseUrl: "shop.example/api" }))
    assert.strictEqual(error.reason, "Unknown")
    assert.strictEqual(error.message, 'the base URL "shop.example/api" is not an absolute http(s) URL')
  })
})

describe("Http errors", () => {
  it("are ConnectorErrors", async () => {
    const error = errorOf(await run((http) => http.json("GET", "/nowhere")))
    assert.instanceOf(error, ConnectorError)
    assert.strictEqual(error.code, "rest_no_route")
  })
})
