import { assert, describe, it } from "@effect/vitest"
import { Exit, Redacted, Schema } from "effect"
import * as ConfigCheck from "../src/ConfigCheck.ts"

describe("ConfigCheck", () => {
  it("knows IANA time zones and refuses other names", () => {
    assert.isTrue(ConfigCheck.isTimeZone("Pacific/Auckland"))
    assert.isTrue(ConfigCheck.isTimeZone("UTC"))
    assert.isFalse(ConfigCheck.isTimeZone("Mars/Olympus_Mons"))
    assert.isFalse(ConfigCheck.isTimeZone(""))
  })

  it("takes http(s) base URLs and refuses queries, fragments, credentials and other schemes", () => {
    assert.isTrue(ConfigCheck.isBaseUrl("https://shop.example"))
    assert.isTrue(ConfigCheck.isBaseUrl("http://127.0.0.1:8080/store"))
    assert.isFalse(ConfigCheck.isBaseUrl("https://shop.example/?consumer_secret=cs"))
    assert.isFalse(ConfigCheck.isBaseUrl("https://shop.example/#x"))
    assert.isFalse(ConfigCheck.isBaseUrl("https://user:pw@shop.example"))
    assert.isFalse(ConfigCheck.isBaseUrl("ftp://shop.example"))
    assert.isFalse(ConfigCheck.isBaseUrl("shop.example"))
  })
})

describe("ConfigCheck.Secret", () => {
  const decode = Schema.decodeUnknownExit(ConfigCheck.Secret)
  it("holds a non-empty string or a Redacted one as Redacted", () => {
    for (const input of ["s3cr3t-token", Redacted.make("s3cr3t-token")]) {
      const exit = decode(input)
      assert.isTrue(Exit.isSuccess(exit))
      if (Exit.isSuccess(exit)) {
        assert.isTrue(Redacted.isRedacted(exit.value))
        assert.strictEqual(Redacted.value(exit.value), "s3cr3t-token")
        assert.notInclude(String(exit.value), "s3cr3t")
      }
    }
  })
  it("refuses an empty string, a number and an empty Redacted with one message that quotes nothing", () => {
    for (const input of ["", 4242, Redacted.make(""), null]) {
      const exit = decode(input)
      assert.isTrue(Exit.isFailure(exit))
      const text = String(Exit.isFailure(exit) ? exit.cause : "")
      assert.include(text, "a non-empty string (a secret: give it as $" + "{env:NAME})")
      assert.notInclude(text, "4242")
    }
  })
})
