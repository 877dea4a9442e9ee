import { assert, describe, it } from "@effect/vitest"
import type { ConnectorError } from "@mapwright/core"
import { Emulator, Respond } from "@mapwright/testkit"
import { Effect } from "effect"
import { FetchHttpClient } from "effect/http"
import * as ErrorBody from "../src/ErrorBody.ts"
import * as XmlEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"
import * as ResultSet from "../src/ResultSet.ts"

const body = (code: string, message: string, field?: string) =>
  ResultSet.errorBody([{ code, message, ...(field === undefined ? {} : { field }) }])

describe("ErrorBody.mapper", () => {
  const cases: ReadonlyArray<{
    readonly status: number
    readonly text: string
    readonly reason: ConnectorError.Reason
    readonly retryable: boolean
    readonly code: string | undefined
    readonly message: string
  }> = [
    {
      status: 400,
      text: body("InvalidRequest", "bad resource specification"),
      reason: "Unknown",
      retryable: false,
      code: "InvalidRequest",
      message: "InvalidRequest: bad resource specification"
    },
    {
      status: 401,
      text: body("Unauthorized", "the API key is not valid"),
      reason: "Authentication",
      retryable: false,
      code: "Unauthorized",
      message: "Unauthorized: the API key is not valid"
    },
    {
      status: 403,
      text: body("Forbidden", "this key may only read"),
      reason: "Authorization",
      retryable: false,
      code: "Forbidden",
      message: "Forbidden: this key may only read"
    },
    {
      status: 404,
      text: body("NotFound", 'there is no Customer with username "x"'),
      reason: "NotFound",
      retryable: false,
      code: "NotFound",
      message: 'NotFound: there is no Customer with username "x"'
    },
    {
      status: 409,
      text: body("Conflict", "the record changed meanwhile"),
      reason: "Conflict",
      retryable: false,
      code: "Conflict",
      message: "Conflict: the record changed meanwhile"
    },
    {
      status: 429,
      text: body("RateLimited", "too many requests"),
      reason: "RateLimited",
      retryable: true,
      code: "RateLimited",
      message: "RateLimited: too many requests"
    },
    {
      status: 500,
      text: body("InternalError", "boom"),
      reason: "Unknown",
      retryable: true,
      code: "InternalError",
      message: "InternalError: boom"
    },
    {
      status: 503,
      text: body("Unavailable", "try again later"),
      reason: "Unknown",
      retryable: true,
      code: "Unavailable",
      message: "Unavailable: try again later"
    },
    {
      status: 502,
      text: "<html><body>Bad gateway</body></html>",
      reason: "Unknown",
      retryable: true,
      code: undefined,
      message: "a body that is not a <ResultSet> error"
    },
    { status: 404, text: "", reason: "NotFound", retryable: false, code: undefined, message: "no body" },
    {
      status: 400,
      text: body("Unauthorized", "the key has expired"),
      reason: "Authentication",
      retryable: false,
      code: "Unauthorized",
      message: "Unauthorized: the key has expired"
    },
    {
      status: 400,
      text: body("InvalidField", "discount must be a whole percent", "discount"),
      reason: "Unknown",
      retryable: false,
      code: "InvalidField",
      message: "InvalidField (discount): discount must be a whole percent"
    }
  ]
  for (const c of cases) {
    it(`${c.status} ${c.code ?? "(no code)"} → ${c.reason}${c.retryable ? ", retried" : ""}`, () => {
      assert.deepStrictEqual(ErrorBody.mapper(c.status, c.text, {}), {
        reason: c.reason,
        retryable: c.retryable,
        code: c.code,
        message: c.message
      })
    })
  }
})

describe("ErrorBody.recordIssues", () => {
  it("gives one write issue per error, at its field", () => {
    assert.deepStrictEqual(
      ErrorBody.recordIssues([
        { code: "Required", message: "username is required", field: "username" },
        { code: "InvalidField", message: "not an email", field: "email" },
        { code: "Locked", message: "the account is locked" }
      ]),
      [
        {
          severity: "error",
          stage: "write",
          path: "username",
          code: "Required",
          message: "the API refused the record: username is required"
        },
        {
          severity: "error",
          stage: "write",
          path: "email",
          code: "InvalidField",
          message: "the API refused the record: not an email"
        },
        {
          severity: "error",
          stage: "write",
          path: "",
          code: "Locked",
          message: "the API refused the record: the account is locked"
        }
      ]
    )
  })

  it("still rejects with an issue when the API said nothing", () => {
    assert.deepStrictEqual(ErrorBody.recordIssues([]), [
      {
        severity: "error",
        stage: "write",
        path: "",
        code: "Rejected",
        message: "the API refused the record: Rejected"
      }
    ])
  })
})

const clientFor = (baseUrl: string, apiKey = XmlEmulator.defaultApiKey) =>
  connector.client({ baseUrl, apiKey, maxRetries: 2 }).pipe(Effect.orDie)

const failureOf = <A>(effect: Effect.Effect<A, ConnectorError.ConnectorError>) =>
  Effect.flip(effect).pipe(Effect.catch(() => Effect.die("expected the operation to fail")))

describe("errors over loopback HTTP", () => {
  it.live("a wrong key is Authentication, not retried, and its message does not repeat the key", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 2 })
      const client = yield* clientFor(running.url, "wrong-key-123")
      const error = yield* failureOf(client.check)
      assert.strictEqual(error.reason, "Authentication")
      assert.strictEqual(error.status, 401)
      assert.strictEqual(error.code, "Unauthorized")
      assert.isFalse(error.retryable)
      assert.isFalse(error.message.includes("wrong-key-123"))
      assert.strictEqual(running.stats.total, 1)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live("a 429 with Retry-After is waited out and retried", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 2 })
      running.faults.failNext(1, { kind: "rateLimited", retryAfter: 0 })
      const client = yield* clientFor(running.url)
      assert.strictEqual(yield* client.streams.customers!.count!({}), 2)
      assert.strictEqual(running.stats.count({ status: 429 }), 1)
      assert.strictEqual(running.stats.count({ status: 200 }), 1)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live("the emulator's rate limit answers 429 RateLimited with Retry-After", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({
        customers: 2,
        rateLimit: { limit: 1, windowMs: 60_000, retryAfter: 7 }
      })
      const headers = { authorization: `Bearer ${XmlEmulator.defaultApiKey}` }
      const first = yield* Effect.promise(() => fetch(`${running.url}/API/V3/Customer`, { headers }))
      const second = yield* Effect.promise(() => fetch(`${running.url}/API/V3/Customer`, { headers }))
      assert.strictEqual(first.status, 200)
      assert.strictEqual(second.status, 429)
      assert.strictEqual(second.headers.get("retry-after"), "7")
      const text = yield* Effect.promise(() => second.text())
      assert.deepStrictEqual(ErrorBody.parse(text), [
        { code: "RateLimited", message: "too many requests, try again in 7 s" }
      ])
    }).pipe(Effect.scoped)
  )

  it.live("a 5xx and a body cut in half are retried", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 3 })
      running.faults.failNext(1, { kind: "error", status: 503 })
      running.faults.failNext(1, { kind: "malformed" })
      const client = yield* clientFor(running.url)
      const one = yield* client.streams.customers!.find!({ email: "nobody@example.com" })
      assert.deepStrictEqual(one, [])
      assert.strictEqual(running.stats.total, 3)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live("a 5xx that persists fails retryable after the retries", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 3, faults: { errorRate: 1, errorStatus: 500 } })
      const client = yield* clientFor(running.url)
      const error = yield* failureOf(client.streams.customers!.count!({}))
      assert.strictEqual(error.reason, "Unknown")
      assert.strictEqual(error.status, 500)
      assert.strictEqual(error.code, "Unavailable")
      assert.isTrue(error.retryable)
      assert.strictEqual(running.stats.total, 3)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live("a request the API refuses is not retried and says why", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 3 })
      const client = yield* clientFor(running.url)
      const error = yield* failureOf(client.streams.customers!.find!({ nickname: "x" }))
      assert.strictEqual(error.reason, "Unknown")
      assert.strictEqual(
        error.message,
        'customers cannot be found by "nickname": match on username (or id), email or another Customer field'
      )
      assert.strictEqual(running.stats.total, 0)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live(
    "an HTML error page keeps the status's reason; an <Error> in a 200 answer is an error; a page that is not XML is InvalidResponse",
    () =>
      Effect.gen(function* () {
        const server = yield* Emulator.serve({
          routes: {
            "GET /API/V3/Customer": () =>
              Respond.text("<html>Forbidden by the firewall</html>", { status: 403 }),
            "GET /API/V3/UserGroups": () => Respond.xml(body("Forbidden", "reads are switched off")),
            "GET /API/V3/Customer+UserCustomerGroups/:key": () => Respond.json({ not: "xml" })
          }
        })
        const client = yield* connector
          .client({ baseUrl: server.url, apiKey: "k", maxRetries: 0 })
          .pipe(Effect.orDie)
        const html = yield* failureOf(client.check)
        assert.strictEqual(html.reason, "Authorization")
        assert.strictEqual(html.status, 403)
        assert.match(html.message, /a body that is not a <ResultSet> error$/)
        const inOk = yield* failureOf(client.streams.customerGroups!.count!({}))
        assert.strictEqual(inOk.reason, "Authorization")
        assert.strictEqual(inOk.code, "Forbidden")
        assert.isFalse(inOk.retryable)
        const json = yield* failureOf(client.streams.customers!.get!("peter"))
        assert.strictEqual(json.reason, "InvalidResponse")
        assert.match(json.message, /with a body that is not a <ResultSet>: the body is not well-formed XML/)
      }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )

  it.live("a route the API does not have is NotFound, and get does not take it for a missing record", () =>
    Effect.gen(function* () {
      const running = yield* XmlEmulator.serve({ customers: 1 })
      const client = yield* connector
        .client({ baseUrl: `${running.url}/shop`, apiKey: XmlEmulator.defaultApiKey })
        .pipe(Effect.orDie)
      const error = yield* failureOf(client.streams.customers!.get!("anyone"))
      assert.strictEqual(error.reason, "NotFound")
      assert.strictEqual(error.code, "NoSuchResource")
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )
})
