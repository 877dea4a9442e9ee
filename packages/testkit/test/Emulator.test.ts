import * as Net from "node:net"
import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Emulator, Respond } from "../src/index.ts"

const routes: Emulator.Routes = {
  "GET /wp-json/wc/v3/customers": (req) =>
    Respond.json({ query: req.query, roles: req.queryAll("role[]"), filter: req.queryGroup("filter") }),
  "GET /wp-json/wc/v3/customers/:id": (req) => Respond.json({ id: req.params.id, route: req.route }),
  "GET /wp-json/wc/v3/customers/me": () => Respond.json({ me: true }),
  "POST /wp-json/wc/v3/customers": (req) => Respond.json({ received: req.json() }, { status: 201 }),
  "GET /API/V3/:spec": (req) => Respond.xml(`<ResultSet spec="${req.params.spec}"/>`),
  "PUT /API/V3/:spec": (req) => Respond.xml(req.text, { headers: { "X-Echo": "1" } }),
  "GET /files/*": (req) => Respond.text(req.params["*"] ?? ""),
  "GET /boom": () => {
    throw new Error("handler exploded")
  },
  "GET /teapot": () => Respond.fail(Respond.json({ code: "teapot" }, { status: 418 }))
}

const withEmulator = async <A>(options: Emulator.Options, f: (running: Emulator.Running) => Promise<A>) => {
  const running = await Emulator.start(options)
  try {
    return await f(running)
  } finally {
    await running.close()
  }
}

describe("Emulator routing", () => {
  it("matches params, literal segments first, and parses queries with bracketed and repeated keys", async () => {
    await withEmulator({ routes }, async (running) => {
      assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      const one = await fetch(`${running.url}/wp-json/wc/v3/customers/42`)
      assert.deepStrictEqual(await one.json(), { id: "42", route: "GET /wp-json/wc/v3/customers/:id" })
      const me = await fetch(`${running.url}/wp-json/wc/v3/customers/me`)
      assert.deepStrictEqual(await me.json(), { me: true })
      const list = await fetch(
        `${running.url}/wp-json/wc/v3/customers?page=2&page=3&role%5B%5D=customer&role%5B%5D=subscriber&filter[date_upd]=%5B2024-01-01,2024-02-01%5D&filter[id]=7`
      )
      assert.deepStrictEqual(await list.json(), {
        query: {
          page: "3",
          "role[]": "subscriber",
          "filter[date_upd]": "[2024-01-01,2024-02-01]",
          "filter[id]": "7"
        },
        roles: ["customer", "subscriber"],
        filter: { date_upd: "[2024-01-01,2024-02-01]", id: "7" }
      })
    })
  })

  it("decodes path params (XML resource specs with +), reads raw text bodies and JSON bodies", async () => {
    await withEmulator({ routes }, async (running) => {
      const get = await fetch(`${running.url}/API/V3/Customer+UserCustomerGroups`)
      assert.strictEqual(get.headers.get("content-type"), "text/xml; charset=utf-8")
      assert.strictEqual(await get.text(), `<ResultSet spec="Customer+UserCustomerGroups"/>`)
      const put = await fetch(`${running.url}/API/V3/Customer`, {
        method: "PUT",
        body: "<Customer><a>1</a></Customer>"
      })
      assert.strictEqual(put.headers.get("x-echo"), "1")
      assert.strictEqual(await put.text(), "<Customer><a>1</a></Customer>")
      const post = await fetch(`${running.url}/wp-json/wc/v3/customers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "a@example.com" })
      })
      assert.strictEqual(post.status, 201)
      assert.deepStrictEqual(await post.json(), { received: { email: "a@example.com" } })
      const rest = await fetch(`${running.url}/files/a/b%20c.txt`)
      assert.strictEqual(await rest.text(), "a/b c.txt")
    })
  })

  it("answers 404 with the author's body, 400 for bad JSON, 500 for a throwing handler, and thrown Failures as is", async () => {
    await withEmulator(
      {
        routes,
        notFound: (req) => Respond.json({ code: "rest_no_route", path: req.path }, { status: 404 }),
        badRequest: (_req, message) => Respond.json({ code: "rest_invalid_json", message }, { status: 400 })
      },
      async (running) => {
        const missing = await fetch(`${running.url}/nope?x=1`)
        assert.strictEqual(missing.status, 404)
        assert.deepStrictEqual(await missing.json(), { code: "rest_no_route", path: "/nope" })
        const wrongMethod = await fetch(`${running.url}/files/x`, { method: "DELETE" })
        assert.strictEqual(wrongMethod.status, 404)
        const badJson = await fetch(`${running.url}/wp-json/wc/v3/customers`, {
          method: "POST",
          body: "{nope"
        })
        assert.strictEqual(badJson.status, 400)
        const badBody = (await badJson.json()) as { code: string; message: string }
        assert.strictEqual(badBody.code, "rest_invalid_json")
        assert.match(badBody.message, /^the request body is not JSON/)
        const boom = await fetch(`${running.url}/boom`)
        assert.strictEqual(boom.status, 500)
        assert.deepStrictEqual(await boom.json(), { error: "internal_error", message: "handler exploded" })
        const teapot = await fetch(`${running.url}/teapot`)
        assert.strictEqual(teapot.status, 418)
        assert.deepStrictEqual(await teapot.json(), { code: "teapot" })
      }
    )
  })

  it("counts requests per route and status, logs them, and resets", async () => {
    await withEmulator({ routes }, async (running) => {
      await (await fetch(`${running.url}/wp-json/wc/v3/customers/1`)).text()
      await (await fetch(`${running.url}/wp-json/wc/v3/customers/2`)).text()
      await (await fetch(`${running.url}/nope`)).text()
      await (await fetch(`${running.url}/__emulator/stats`)).text()
      assert.strictEqual(running.stats.total, 3)
      assert.strictEqual(running.stats.inFlight, 0)
      assert.deepStrictEqual(running.stats.byRoute, {
        "GET /wp-json/wc/v3/customers/:id": 2,
        "(unmatched)": 1
      })
      assert.deepStrictEqual(running.stats.byStatus, { "200": 2, "404": 1 })
      assert.strictEqual(running.stats.count({ path: "/wp-json/wc/v3/customers/2" }), 1)
      assert.strictEqual(running.stats.count({ status: 404 }), 1)
      assert.deepStrictEqual(
        running.stats.requests.map((r) => `${r.method} ${r.path}${r.search} ${r.status}`),
        ["GET /wp-json/wc/v3/customers/1 200", "GET /wp-json/wc/v3/customers/2 200", "GET /nope 404"]
      )
      running.stats.reset()
      assert.strictEqual(running.stats.total, 0)
      assert.deepStrictEqual(running.stats.requests, [])
    })
  })
})

describe("Emulator lifecycle", () => {
  it("refuses a non-loopback host with a clear error", async () => {
    for (const host of ["0.0.0.0", "192.168.1.10", "example.com"]) {
      const error = await Emulator.start({ host, routes }).then(
        () => undefined,
        (e: unknown) => e
      )
      assert.instanceOf(error, Emulator.EmulatorError)
      assert.strictEqual(
        (error as Emulator.EmulatorError).message,
        `emulator: host "${host}" is not a loopback address; emulators listen on 127.0.0.1, localhost or ::1 only`
      )
    }
  })

  it("refuses a bad route key and bad fault settings", async () => {
    const badRoute = await Emulator.start({ routes: { "/customers": () => Respond.status(204) } }).catch(
      (e) => e
    )
    assert.strictEqual(
      (badRoute as Error).message,
      `emulator: route "/customers": write it as "METHOD /path", e.g. "GET /customers/:id"`
    )
    const badFaults = await Emulator.start({ routes, faults: { errorRate: 2 } }).catch((e) => e)
    assert.instanceOf(badFaults, Emulator.EmulatorError)
    assert.match((badFaults as Error).message, /^emulator: invalid fault settings: errorRate: /)
  })

  it("close() frees the port, and a port in use is reported", async () => {
    const first = await Emulator.start({ routes })
    const port = first.port
    const busy = await Emulator.start({ routes, port, name: "acme emulator" }).catch((e) => e)
    assert.strictEqual(
      (busy as Error).message,
      `acme emulator: cannot listen: port ${port} on 127.0.0.1 is already in use`
    )
    await (await fetch(`${first.url}/files/x`)).text() // leaves a kept-alive connection open
    await first.close()
    await first.close() // idempotent
    const again = await Emulator.start({ routes, port })
    assert.strictEqual(again.port, port)
    await again.close()
    // nothing listens any more
    const refused = await new Promise<boolean>((resolve) => {
      const socket = Net.connect(port, "127.0.0.1")
      socket.on("connect", () => {
        socket.destroy()
        resolve(false)
      })
      socket.on("error", () => resolve(true))
    })
    assert.isTrue(refused)
  })

  it.effect("serve() closes the emulator when its scope ends", () =>
    Effect.gen(function* () {
      const url = yield* Effect.scoped(
        Effect.gen(function* () {
          const running = yield* Emulator.serve({ routes })
          const body = yield* Effect.promise(() => fetch(`${running.url}/files/ok`).then((r) => r.text()))
          assert.strictEqual(body, "ok")
          return running.url
        })
      )
      const after = yield* Effect.exit(Effect.tryPromise(() => fetch(`${url}/files/ok`)))
      assert.isTrue(Exit.isFailure(after))
    })
  )

  it.effect("serve() fails with EmulatorError for a non-loopback host", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(Effect.scoped(Emulator.serve({ host: "10.0.0.1", routes })))
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const reason = exit.cause.reasons[0]
        assert.strictEqual(reason?._tag, "Fail")
        if (reason?._tag === "Fail") expect(reason.error).toBeInstanceOf(Emulator.EmulatorError)
      }
    })
  )

  it.effect("scoped() closes what its start opened when the scope ends", () =>
    Effect.gen(function* () {
      const events: Array<string> = []
      const serveNamed = Emulator.scoped((name: string) => {
        events.push(`start ${name}`)
        return Promise.resolve({
          name,
          close: () => {
            events.push(`close ${name}`)
            return Promise.resolve()
          }
        })
      })
      const name = yield* Effect.scoped(
        Effect.gen(function* () {
          const running = yield* serveNamed("shop")
          events.push("in scope")
          return running.name
        })
      )
      assert.strictEqual(name, "shop")
      assert.deepStrictEqual(events, ["start shop", "in scope", "close shop"])
    })
  )

  it.effect("scoped() turns a start that throws into an EmulatorError with its message", () =>
    Effect.gen(function* () {
      const own = new Emulator.EmulatorError({ message: "port 1 is taken" })
      const failing = Emulator.scoped(
        (kind: "own" | "other"): Promise<{ close: () => Promise<void> }> =>
          kind === "own" ? Promise.reject(own) : Promise.reject(new Error("seed must be a number"))
      )
      const ownExit = yield* Effect.exit(Effect.scoped(failing("own")))
      const otherExit = yield* Effect.exit(Effect.scoped(failing("other")))
      const errorOf = (exit: Exit.Exit<unknown, Emulator.EmulatorError>) => {
        const reason = Exit.isFailure(exit) ? exit.cause.reasons[0] : undefined
        return reason?._tag === "Fail" ? reason.error : undefined
      }
      assert.strictEqual(errorOf(ownExit), own)
      const other = errorOf(otherExit)
      expect(other).toBeInstanceOf(Emulator.EmulatorError)
      assert.strictEqual(other?.message, "Error: seed must be a number")
    })
  )
})
