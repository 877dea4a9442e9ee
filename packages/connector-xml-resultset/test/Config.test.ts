import { assert, describe, it } from "@effect/vitest"
import { Redacted, Schema } from "effect"
import * as Config from "../src/Config.ts"
import { connector } from "../src/index.ts"

const decode = Schema.decodeUnknownSync(Config.Config)

describe("Config", () => {
  it("applies the documented defaults", () => {
    const resolved = Config.resolve(decode({ baseUrl: "https://shop.example/", apiKey: "k" }))
    assert.strictEqual(resolved.apiRoot, "https://shop.example/API/V3")
    assert.strictEqual(Redacted.value(resolved.apiKey), "k")
    assert.deepStrictEqual(
      { ...resolved, apiKey: undefined },
      {
        apiRoot: "https://shop.example/API/V3",
        apiKey: undefined,
        authHeader: "Authorization",
        authScheme: "Bearer",
        pageSize: 100,
        pageParam: "page",
        limitParam: "limit",
        batchSize: 100,
        timeZone: "UTC",
        timeoutMs: 30_000,
        maxRetries: 5
      }
    )
  })

  it("sends Bearer <key> by default, the bare key with an empty scheme", () => {
    assert.deepStrictEqual(
      Config.authHeaders(Config.resolve(decode({ baseUrl: "https://s.example", apiKey: "k1" }))),
      {
        Authorization: "Bearer k1"
      }
    )
    assert.deepStrictEqual(
      Config.authHeaders(
        Config.resolve(
          decode({ baseUrl: "https://s.example", apiKey: "k1", authHeader: "X-Api-Key", authScheme: "" })
        )
      ),
      { "X-Api-Key": "k1" }
    )
  })

  it("holds the key redacted", () => {
    const config = decode({ baseUrl: "https://s.example", apiKey: "super-secret" })
    assert.isFalse(String(config.apiKey).includes("super-secret"))
    assert.isFalse(JSON.stringify(config).includes("super-secret"))
  })

  it("reports every problem of a config, with its path", () => {
    assert.deepStrictEqual(
      connector.validateConfig({ baseUrl: "https://s.example", apiKey: "k", timeZone: "Pacific/Auckland" }),
      []
    )
    const issues = connector.validateConfig({
      baseUrl: "https://user:pw@s.example",
      apiKey: "",
      authHeader: "X Api Key",
      pageSize: 5000,
      pageParam: "pa ge",
      batchSize: 0,
      timeZone: "Mars/Olympus_Mons",
      maxRetries: 99
    })
    assert.deepStrictEqual([...new Set(issues.map((i) => i.path))].sort(), [
      "apiKey",
      "authHeader",
      "baseUrl",
      "batchSize",
      "maxRetries",
      "pageParam",
      "pageSize",
      "timeZone"
    ])
    assert.isTrue(issues.some((i) => i.path === "timeZone" && i.message.includes("an IANA time zone")))
  })
})
