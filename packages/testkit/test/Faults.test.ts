import { assert, describe, it } from "@effect/vitest"
import { Emulator, Faults, Respond } from "../src/index.ts"

const routes: Emulator.Routes = {
  "GET /items": () =>
    Respond.json([
      { id: 1, name: "one" },
      { id: 2, name: "two" }
    ]),
  "GET /xml": () => Respond.xml("<ResultSet><Row><id>1</id></Row></ResultSet>"),
  "GET /health": () => Respond.text("ok")
}

const withEmulator = async <A>(
  options: Partial<Emulator.Options>,
  f: (running: Emulator.Running) => Promise<A>
) => {
  const running = await Emulator.start({ routes, ...options })
  try {
    return await f(running)
  } finally {
    await running.close()
  }
}

const statuses = async (url: string, n: number): Promise<Array<number>> => {
  const out: Array<number> = []
  for (let i = 0; i < n; i++) {
    const res = await fetch(url)
    await res.arrayBuffer()
    out.push(res.status)
  }
  return out
}

describe("Faults", () => {
  it("delays answers by the configured latency", async () => {
    await withEmulator({ faults: { latency: 80 } }, async (running) => {
      const started = performance.now()
      const res = await fetch(`${running.url}/items`)
      await res.json()
      assert.isAtLeast(performance.now() - started, 79)
    })
  })

  it("draws 5xx answers from the seed: the same seed gives the same sequence", async () => {
    const run = (seed: number) =>
      withEmulator({ faults: { seed, errorRate: 0.5, errorStatus: 502 } }, (r) =>
        statuses(`${r.url}/items`, 24)
      )
    const first = await run(42)
    const second = await run(42)
    assert.deepStrictEqual(second, first)
    assert.includeMembers(first, [200, 502])
    assert.deepStrictEqual([...new Set(first)].sort(), [200, 502])
  })

  it("answers injected errors with the platform's body", async () => {
    await withEmulator(
      {
        faults: { errorRate: 1 },
        faultResponse: (_req, status) => Respond.json({ code: "internal_server_error", status }, { status })
      },
      async (running) => {
        const res = await fetch(`${running.url}/items`)
        assert.strictEqual(res.status, 503)
        assert.deepStrictEqual(await res.json(), { code: "internal_server_error", status: 503 })
        assert.deepStrictEqual(running.stats.requests[0]?.fault, "error")
      }
    )
  })

  it("answers 429 with Retry-After", async () => {
    await withEmulator(
      {
        faults: { rateLimitRate: 1, retryAfter: 0 },
        rateLimited: (_req, seconds) => Respond.json({ code: "too_many_requests", seconds }, { status: 429 })
      },
      async (running) => {
        const res = await fetch(`${running.url}/items`)
        assert.strictEqual(res.status, 429)
        assert.strictEqual(res.headers.get("retry-after"), "0")
        assert.deepStrictEqual(await res.json(), { code: "too_many_requests", seconds: 0 })
      }
    )
  })

  it("limits requests per window like a platform", async () => {
    await withEmulator(
      { faults: { rateLimit: { limit: 2, windowMs: 60_000, retryAfter: 1 } } },
      async (running) => {
        assert.deepStrictEqual(await statuses(`${running.url}/items`, 4), [200, 200, 429, 429])
        const res = await fetch(`${running.url}/items`)
        assert.strictEqual(res.headers.get("retry-after"), "1")
        await res.arrayBuffer()
      }
    )
  })

  it("drops connections mid-response: fetch rejects", async () => {
    await withEmulator({ faults: { dropRate: 1 } }, async (running) => {
      const outcome = await fetch(`${running.url}/items`)
        .then(
          (res) => res.text().then(() => "read"),
          () => "rejected"
        )
        .catch(() => "rejected")
      assert.strictEqual(outcome, "rejected")
      running.faults.clear()
      assert.strictEqual(await (await fetch(`${running.url}/health`)).text(), "ok")
      assert.strictEqual(running.stats.byStatus.dropped, 1)
    })
  })

  it("truncates bodies: JSON and XML no longer parse", async () => {
    await withEmulator({ faults: { malformedRate: 1 } }, async (running) => {
      const text = await (await fetch(`${running.url}/items`)).text()
      // 45 bytes cut to the first 22
      assert.strictEqual(text, '[{"id":1,"name":"one"}')
      assert.throws(() => JSON.parse(text))
      const xml = await (await fetch(`${running.url}/xml`)).text()
      assert.strictEqual(xml, "<ResultSet><Row><id>1<")
    })
  })

  it("fails the next N requests, then answers normally", async () => {
    await withEmulator({}, async (running) => {
      running.faults.failNext(2, { kind: "error", status: 500 })
      running.faults.failNext(1, { kind: "rateLimited", retryAfter: 3 })
      assert.strictEqual(running.faults.pending(), 3)
      assert.deepStrictEqual(await statuses(`${running.url}/items`, 4), [500, 500, 429, 200])
      assert.strictEqual(running.faults.pending(), 0)
    })
  })

  it("applies faults only to the configured paths", async () => {
    await withEmulator({ faults: { errorRate: 1, paths: ["/items"] } }, async (running) => {
      assert.deepStrictEqual(await statuses(`${running.url}/items`, 1), [503])
      assert.deepStrictEqual(await statuses(`${running.url}/health`, 1), [200])
    })
  })

  it("is driven at run time through the control endpoint", async () => {
    await withEmulator({}, async (running) => {
      const control = `${running.url}/__emulator/faults`
      const set = await fetch(control, {
        method: "POST",
        body: JSON.stringify({ errorRate: 1, errorStatus: 500 })
      })
      assert.deepStrictEqual(await set.json(), { faults: { errorRate: 1, errorStatus: 500 }, pending: 0 })
      assert.deepStrictEqual(await statuses(`${running.url}/items`, 2), [500, 500])
      const patch = await fetch(control, { method: "PATCH", body: JSON.stringify({ errorRate: 0 }) })
      assert.deepStrictEqual(await patch.json(), { faults: { errorRate: 0, errorStatus: 500 }, pending: 0 })
      assert.deepStrictEqual(await statuses(`${running.url}/items`, 1), [200])

      const next = await fetch(`${control}/next`, {
        method: "POST",
        body: JSON.stringify({ count: 1, fault: { kind: "rateLimited", retryAfter: 2 } })
      })
      assert.strictEqual(((await next.json()) as { pending: number }).pending, 1)
      const limited = await fetch(`${running.url}/items`)
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers.get("retry-after"), "2")
      await limited.arrayBuffer()

      const bad = await fetch(control, {
        method: "POST",
        body: JSON.stringify({ errorRate: 3, dropRate: "x", foo: 1 })
      })
      assert.strictEqual(bad.status, 400)
      const message = ((await bad.json()) as { message: string }).message
      assert.include(message, "errorRate:")
      assert.include(message, "dropRate:")
      assert.include(message, "foo:")

      const cleared = await fetch(control, { method: "DELETE" })
      assert.deepStrictEqual(await cleared.json(), { faults: {}, pending: 0 })
      assert.deepStrictEqual(running.faults.get(), {})

      const stats = (await (await fetch(`${running.url}/__emulator/stats`)).json()) as { total: number }
      assert.strictEqual(stats.total, 4) // 2 × 500, 200, 429; control requests are not counted
    })
  })

  it("validates settings, listing every problem", () => {
    assert.deepStrictEqual(Faults.validate({ errorRate: 0.1, latency: { min: 1, max: 5 } }), [])
    const problems = Faults.validate({ errorRate: -1, errorStatus: 404, latency: "slow" })
    assert.deepStrictEqual(problems.map((p) => p.split(":")[0]).sort(), [
      "errorRate",
      "errorStatus",
      "latency"
    ])
    assert.throws(() => Faults.make({ malformedRate: 7 }), /^invalid fault settings: malformedRate: /)
  })
})
