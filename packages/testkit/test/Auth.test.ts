import { assert, describe, it } from "@effect/vitest"
import { Auth, Emulator, Respond } from "../src/index.ts"

const basicHeader = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`

const routes: Emulator.Routes = {
  "GET /private": () => Respond.json({ ok: true }),
  "GET /public/index": () => Respond.json({ open: true })
}

const statusWith = async (
  check: Auth.Check,
  requests: ReadonlyArray<{ readonly path?: string; readonly headers?: Record<string, string> }>
): Promise<Array<number>> => {
  const running = await Emulator.start({ routes, auth: { check } })
  try {
    const out: Array<number> = []
    for (const r of requests) {
      const res = await fetch(`${running.url}${r.path ?? "/private"}`, { headers: r.headers ?? {} })
      await res.arrayBuffer()
      out.push(res.status)
    }
    return out
  } finally {
    await running.close()
  }
}

describe("Auth", () => {
  it("basic: accepts the right user and password, refuses wrong or missing ones", async () => {
    const check = Auth.basic({ username: "ck_test", password: "cs_test" })
    assert.deepStrictEqual(
      await statusWith(check, [
        { headers: { authorization: basicHeader("ck_test", "cs_test") } },
        { headers: { authorization: basicHeader("ck_test", "wrong") } },
        { headers: { authorization: basicHeader("someone", "cs_test") } },
        { headers: { authorization: "Bearer cs_test" } },
        {}
      ]),
      [200, 401, 401, 401, 401]
    )
  })

  it("bearer: accepts the token only", async () => {
    assert.deepStrictEqual(
      await statusWith(Auth.bearer("tok_123"), [
        { headers: { authorization: "Bearer tok_123" } },
        { headers: { authorization: "bearer tok_123" } },
        { headers: { authorization: "Bearer tok_124" } },
        { headers: { authorization: basicHeader("tok_123", "") } },
        {}
      ]),
      [200, 200, 401, 401, 401]
    )
  })

  it("header: accepts the key in its header, case-insensitively named", async () => {
    assert.deepStrictEqual(
      await statusWith(Auth.header("X-Api-Key", "k1"), [
        { headers: { "x-api-key": "k1" } },
        { headers: { "X-API-KEY": "k1" } },
        { headers: { "x-api-key": "k2" } },
        {}
      ]),
      [200, 200, 401, 401]
    )
  })

  it("query: accepts the key in its query parameter", async () => {
    assert.deepStrictEqual(
      await statusWith(Auth.query("api_key", "k1"), [
        { path: "/private?api_key=k1" },
        { path: "/private?api_key=k2" },
        { path: "/private?key=k1" }
      ]),
      [200, 401, 401]
    )
  })

  it("keyAsBasicUser: accepts the key as the Basic user with any password (PrestaShop)", async () => {
    assert.deepStrictEqual(
      await statusWith(Auth.keyAsBasicUser("WSKEY123"), [
        { headers: { authorization: basicHeader("WSKEY123", "") } },
        { headers: { authorization: basicHeader("WSKEY123", "anything") } },
        { headers: { authorization: basicHeader("OTHER", "") } },
        { headers: { authorization: basicHeader("", "WSKEY123") } },
        {}
      ]),
      [200, 200, 401, 401, 401]
    )
  })

  it("anyOf and allOf combine checks (Basic or query keys, as WooCommerce takes them)", async () => {
    const check = Auth.anyOf([
      Auth.basic({ username: "ck", password: "cs" }),
      Auth.allOf([Auth.query("consumer_key", "ck"), Auth.query("consumer_secret", "cs")])
    ])
    assert.deepStrictEqual(
      await statusWith(check, [
        { headers: { authorization: basicHeader("ck", "cs") } },
        { path: "/private?consumer_key=ck&consumer_secret=cs" },
        { path: "/private?consumer_key=ck" },
        { path: "/private?consumer_key=ck&consumer_secret=nope" }
      ]),
      [200, 200, 401, 401]
    )
  })

  it("a predicate accepts several credentials", async () => {
    const users: Record<string, string> = { alice: "a1", bob: "b2" }
    const check = Auth.basic((user, password) => users[user] === password)
    assert.deepStrictEqual(
      await statusWith(check, [
        { headers: { authorization: basicHeader("alice", "a1") } },
        { headers: { authorization: basicHeader("bob", "b2") } },
        { headers: { authorization: basicHeader("bob", "a1") } }
      ]),
      [200, 200, 401]
    )
  })

  it("answers a failed check with the platform's body, a challenge, and leaves public routes open", async () => {
    const running = await Emulator.start({
      routes,
      auth: {
        check: Auth.basic({ username: "ck", password: "cs" }, { realm: "WooCommerce" }),
        reject: (_req, outcome) =>
          Respond.json(
            {
              code:
                outcome === "missing"
                  ? "woocommerce_rest_cannot_view"
                  : "woocommerce_rest_authentication_error"
            },
            { status: 401 }
          ),
        public: ["GET /public/index"]
      }
    })
    try {
      const missing = await fetch(`${running.url}/private`)
      assert.strictEqual(missing.status, 401)
      assert.strictEqual(missing.headers.get("www-authenticate"), 'Basic realm="WooCommerce"')
      assert.deepStrictEqual(await missing.json(), { code: "woocommerce_rest_cannot_view" })
      const wrong = await fetch(`${running.url}/private`, {
        headers: { authorization: basicHeader("ck", "x") }
      })
      assert.deepStrictEqual(await wrong.json(), { code: "woocommerce_rest_authentication_error" })
      const open = await fetch(`${running.url}/public/index`)
      assert.strictEqual(open.status, 200)
      assert.deepStrictEqual(await open.json(), { open: true })
      const control = await fetch(`${running.url}/__emulator/faults`)
      assert.strictEqual(control.status, 200)
      await control.arrayBuffer()
    } finally {
      await running.close()
    }
  })

  it("guard wraps a single route", async () => {
    const running = await Emulator.start({
      routes: {
        "GET /open": () => Respond.text("open"),
        "GET /closed": Auth.guard({ check: Auth.bearer("t") }, () => Respond.text("closed"))
      }
    })
    try {
      assert.strictEqual((await fetch(`${running.url}/open`)).status, 200)
      const refused = await fetch(`${running.url}/closed`)
      assert.strictEqual(refused.status, 401)
      assert.strictEqual(refused.headers.get("www-authenticate"), "Bearer")
      assert.deepStrictEqual(await refused.json(), {
        error: "unauthorized",
        message: "credentials are missing"
      })
      const ok = await fetch(`${running.url}/closed`, { headers: { authorization: "Bearer t" } })
      assert.strictEqual(await ok.text(), "closed")
    } finally {
      await running.close()
    }
  })
})
