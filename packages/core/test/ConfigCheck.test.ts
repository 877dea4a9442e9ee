import { assert, describe, it } from "@effect/vitest"
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
