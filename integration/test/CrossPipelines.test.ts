/**
 * The cross-connector pipelines of `examples/`, run as whole pipelines: for each pair, both
 * emulators start empty, the source is filled with the shared set (src/customers.ts, through
 * the source connector's own create and default from-canonical mapping), then the example's
 * pipeline.yaml itself is loaded (`Pipeline.load`, its `${env:...}` URLs and secrets given in
 * the load options) and run twice against one state store. The outcome is read back from the
 * target emulator: how many customers it holds, a few field values checked by hand against
 * src/customers.ts and what the two connectors' mappings do to them, and that the second run
 * creates nothing.
 */

import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import type { Canonical, Pipeline } from "@mapwright/core"
import { Effect } from "effect"
import * as Harness from "../src/harness.ts"
import * as Targets from "../src/targets.ts"

const examples = fileURLToPath(new URL("../../examples/", import.meta.url))
const sharedSet = Harness.sharedSetFile()

interface Pair {
  /** The folder under examples/ holding pipeline.yaml. */
  readonly example: string
  readonly source: Targets.Target
  readonly target: Targets.Target
  /** The environment the example's `${env:...}` references read. */
  readonly env: (source: Targets.Started, target: Targets.Started) => Readonly<Record<string, string>>
  /** How many records the source lists (the shared set, and any guests it derives). */
  readonly read: number
  /** Whether the source reads incrementally (a second run reads only what changed). */
  readonly incremental: boolean
  /** How many customers the first run creates in the target. */
  readonly created: number
  /** Hand-checked values of the target's customers, read back through its to-canonical mapping. */
  readonly check: (customers: ReadonlyMap<string, Canonical.Customer>) => void
}

const text = (config: Readonly<Record<string, unknown>>, key: string): string => {
  const value = config[key]
  if (typeof value !== "string") throw new Error(`the emulator's config has no ${key}`)
  return value
}

/** A guest order of WooCommerce (customer_id 0), written by hand. */
const guestOrder = (id: number, first: string, last: string, email: string, city: string, phone: string) => ({
  id,
  customer_id: 0,
  status: "completed",
  currency: "NZD",
  total: "42.50",
  date_created_gmt: `2024-03-0${id % 9}T10:00:00`,
  billing: {
    first_name: first,
    last_name: last,
    address_1: "7 Cuba Street",
    city,
    state: "Wellington",
    postcode: "6011",
    country: "NZ",
    email,
    phone
  }
})

/** WooCommerce with no customers and two guest orders, of two guests the shared set does not hold. */
const wooWithGuests: Targets.Target = {
  ...Targets.wooCommerce,
  start: async () => {
    const running = await WooEmulator.start({
      data: {
        customers: [],
        orders: [
          guestOrder(901, "Hine", "Moana", "hine.moana@example.nz", "Wellington", "021 555 0199"),
          guestOrder(902, "Pita", "Rewi", "Pita.Rewi@example.nz", "Rotorua", "07 348 1234")
        ]
      }
    })
    return { config: running.config, close: () => running.close() }
  }
}

const pairs: ReadonlyArray<Pair> = [
  {
    example: "xml-resultset-to-shopify",
    source: Targets.xmlResultset,
    target: Targets.shopify,
    env: (rs, sh) => ({
      RS_URL: text(rs.config, "baseUrl"),
      RS_KEY: text(rs.config, "apiKey"),
      SHOPIFY_URL: text(sh.config, "shop"),
      SHOPIFY_TOKEN: text(sh.config, "accessToken")
    }),
    read: 36,
    incremental: false,
    created: 36,
    check: (byEmail) => {
      const mere = byEmail.get("mere.ngata.001@example.com")!
      assert.strictEqual(mere.firstName, "Mere")
      assert.strictEqual(mere.lastName, "Ngata")
      assert.strictEqual(mere.phone, "+64211234500")
      // no_email 0 in the ResultSet: Shopify's email marketing consent is subscribed
      assert.strictEqual(mere.marketing?.emailOptIn, true)
      assert.strictEqual(mere.billing?.line1, "12 Queen Street")
      assert.strictEqual(mere.billing?.city, "Auckland")
      assert.strictEqual(mere.billing?.country, "NZ")
      // i = 3: the ResultSet keeps the billing last name, and no_email 1
      const liam = byEmail.get("liam.obrien.004@example.com")!
      assert.strictEqual(liam.lastName, "O'Brien-Accounts")
      assert.strictEqual(liam.marketing?.emailOptIn, false)
      assert.strictEqual(liam.phone, "+15035550103")
      // a guest of the shared set is a ResultSet customer, so a Shopify customer
      const guest = byEmail.get("rangi.hohaia.029@example.com")!
      assert.strictEqual(guest.isGuest, false)
      assert.strictEqual(guest.billing?.city, "Berlin")
    }
  },
  {
    example: "xml-resultset-to-woocommerce",
    source: Targets.xmlResultset,
    target: Targets.wooCommerce,
    env: (rs, wc) => ({
      RS_URL: text(rs.config, "baseUrl"),
      RS_KEY: text(rs.config, "apiKey"),
      WC_URL: text(wc.config, "url"),
      WC_KEY: text(wc.config, "consumerKey"),
      WC_SECRET: text(wc.config, "consumerSecret")
    }),
    read: 36,
    incremental: false,
    created: 36,
    check: (byEmail) => {
      const mere = byEmail.get("mere.ngata.001@example.com")!
      assert.strictEqual(mere.firstName, "Mere")
      assert.strictEqual(mere.lastName, "Ngata")
      assert.strictEqual(mere.company, "Kauri Timber Ltd")
      assert.strictEqual(mere.phone, "+64211234500")
      // the ResultSet's three street lines; WooCommerce joins the second and third
      assert.strictEqual(mere.billing?.line1, "12 Queen Street")
      assert.strictEqual(mere.billing?.line2, "Unit 1, Building A")
      assert.strictEqual(mere.billing?.country, "NZ")
      assert.strictEqual(mere.shipping?.line1, "88 Ponsonby Road")
      // the ResultSet keeps one last name, the billing one: WooCommerce gets that
      const liam = byEmail.get("liam.obrien.004@example.com")!
      assert.strictEqual(liam.lastName, "O'Brien-Accounts")
      assert.strictEqual(liam.company, "O'Brien Joinery (Accounts)")
      // a guest of the shared set is a customer account of the ResultSet, so one of WooCommerce
      const guest = byEmail.get("yasmin.saleh.036@example.com")!
      assert.strictEqual(guest.isGuest, false)
      assert.strictEqual(guest.billing?.city, "Portland")
    }
  },
  {
    example: "woocommerce-to-open2b",
    source: wooWithGuests,
    target: Targets.open2b,
    env: (wc, o2) => ({
      WC_URL: text(wc.config, "url"),
      WC_KEY: text(wc.config, "consumerKey"),
      WC_SECRET: text(wc.config, "consumerSecret"),
      OPEN2B_URL: text(o2.config, "baseUrl"),
      OPEN2B_KEY: text(o2.config, "apiKey")
    }),
    // the 36 customers, and the 2 guests of WooCommerce's guest orders
    read: 38,
    incremental: false,
    created: 38,
    check: (byEmail) => {
      const mere = byEmail.get("mere.ngata.001@example.com")!
      assert.strictEqual(mere.firstName, "Mere")
      assert.strictEqual(mere.lastName, "Ngata")
      // WooCommerce keeps the company and the phone on the billing address; Open2b reads them back
      assert.strictEqual(mere.company, "Kauri Timber Ltd")
      assert.strictEqual(mere.phone, "+64211234500")
      // WooCommerce joined the second and third street lines into address_2
      assert.strictEqual(mere.billing?.line1, "12 Queen Street")
      assert.strictEqual(mere.billing?.line2, "Unit 1, Building A")
      assert.strictEqual(mere.billing?.city, "Auckland")
      assert.strictEqual(mere.shipping?.line1, "88 Ponsonby Road")
      // i = 3: WooCommerce keeps the customer's last name beside the billing one
      assert.strictEqual(byEmail.get("liam.obrien.004@example.com")?.lastName, "O'Brien")
      // the guests of the orders: e-mail lower-cased, the local phone as E.164 from the country
      const hine = byEmail.get("hine.moana@example.nz")!
      assert.strictEqual(hine.firstName, "Hine")
      assert.strictEqual(hine.billing?.city, "Wellington")
      assert.strictEqual(hine.phone, "+64215550199")
      const pita = byEmail.get("pita.rewi@example.nz")!
      assert.strictEqual(pita.lastName, "Rewi")
      assert.strictEqual(pita.phone, "+6473481234")
    }
  },
  {
    example: "foodics-to-magento",
    source: Targets.foodics,
    target: Targets.magento,
    env: (fo, mg) => ({
      FOODICS_URL: text(fo.config, "baseUrl"),
      FOODICS_TOKEN: text(fo.config, "token"),
      MAGENTO_URL: text(mg.config, "url"),
      MAGENTO_TOKEN: text(mg.config, "token")
    }),
    read: 36,
    // updated_after: Foodics' list resumes after the last change it read
    incremental: true,
    created: 36,
    check: (byEmail) => {
      // Foodics keeps one name, "Aroha Te Rangi": its first word is the first name
      const aroha = byEmail.get("aroha.terangi.003@example.com")!
      assert.strictEqual(aroha.firstName, "Aroha")
      assert.strictEqual(aroha.lastName, "Te Rangi")
      assert.strictEqual(aroha.birthDate, "1991-06-05")
      assert.strictEqual(aroha.gender, "female")
      const jurgen = byEmail.get("jurgen.schafer.006@example.com")!
      assert.strictEqual(jurgen.firstName, "Jürgen")
      assert.strictEqual(jurgen.gender, "male")
      // Foodics writes the gender codes 1 and 2 only: "other" did not reach Magento
      assert.strictEqual(byEmail.get("sam.rivera.008@example.com")?.gender, null)
      // Foodics has no addresses to write, so Magento has none
      assert.strictEqual(aroha.billing, null)
      assert.deepStrictEqual(aroha.addresses, [])
    }
  },
  {
    example: "prestashop-to-woocommerce",
    source: Targets.prestaShop,
    target: Targets.wooCommerce,
    env: (ps, wc) => ({
      PS_URL: text(ps.config, "url"),
      PS_KEY: text(ps.config, "key"),
      WC_URL: text(wc.config, "url"),
      WC_KEY: text(wc.config, "consumerKey"),
      WC_SECRET: text(wc.config, "consumerSecret")
    }),
    read: 36,
    // date_upd: PrestaShop's list resumes after the last change it read
    incremental: true,
    created: 36,
    check: (byEmail) => {
      const mere = byEmail.get("mere.ngata.001@example.com")!
      assert.strictEqual(mere.firstName, "Mere")
      assert.strictEqual(mere.lastName, "Ngata")
      assert.strictEqual(mere.company, "Kauri Timber Ltd")
      // PrestaShop's address joined line2 and line3 into address2; so does WooCommerce's
      assert.strictEqual(mere.billing?.line2, "Unit 1, Building A")
      assert.strictEqual(mere.billing?.postalCode, "1010")
      assert.strictEqual(mere.shipping?.line1, "88 Ponsonby Road")
      assert.strictEqual(mere.phone, "+64211234500")
      // a guest of the shared set is a PrestaShop guest (is_guest 1), then a WooCommerce customer
      const guest = byEmail.get("max.weber.035@example.com")!
      assert.strictEqual(guest.firstName, "Max")
      assert.strictEqual(guest.billing?.city, "London")
    }
  }
]

for (const pair of pairs) {
  describe(`examples/${pair.example}`, () => {
    let source: Targets.Started | undefined
    let target: Targets.Started | undefined
    let seeded: Pipeline.Summary
    let first: Pipeline.Summary
    let second: Pipeline.Summary
    let third: Pipeline.Summary
    let read: Harness.ReadBack

    beforeAll(async () => {
      source = await pair.source.start()
      target = await pair.target.start()
      seeded = (await Harness.pushCanonical(sharedSet, pair.source.connector.name, source.config)).summary
      const env = pair.env(source, target)
      const store = await Harness.memoryStore()
      const dir = Harness.tempDir(pair.example)
      const file = join(examples, pair.example, "pipeline.yaml")
      first = await Harness.runPipeline({ file }, { env, store, rejects: join(dir, "rejects-1.ndjson") })
      second = await Harness.runPipeline({ file }, { env, store, rejects: join(dir, "rejects-2.ndjson") })
      // as if the checkpoint were lost: an incremental source reads everything again
      await Effect.runPromise(store.setCheckpoint(first.pipeline, "customers", ""))
      third = await Harness.runPipeline({ file }, { env, store, rejects: join(dir, "rejects-3.ndjson") })
      read = await Harness.readBack(pair.target.connector, target.config, {
        listOptions: pair.target.listOptions
      })
    }, 30_000)

    afterAll(async () => {
      await source?.close()
      await target?.close()
    })

    it("the source holds the shared set", () => {
      assert.strictEqual(seeded.created, 36)
      assert.deepStrictEqual(seeded.rejectedByStage, {})
    })

    it("the first run creates every source customer in the target", () => {
      assert.strictEqual(first.status, "completed", first.message)
      assert.strictEqual(first.read, pair.read)
      assert.deepStrictEqual(first.rejectedByStage, {})
      assert.strictEqual(first.created, pair.created)
      assert.deepStrictEqual(read.failures, [])
      assert.strictEqual(read.customers.length, pair.created)
    })

    it("the target holds the customers with the values the two mappings give", () => {
      pair.check(new Map(read.customers.map((c) => [c.email ?? "", c])))
    })

    it("the second run creates nothing (an incremental source reads nothing new)", () => {
      assert.strictEqual(second.status, "completed", second.message)
      assert.strictEqual(second.read, pair.incremental ? 0 : pair.read)
      assert.deepStrictEqual(second.rejectedByStage, {})
      assert.strictEqual(second.created, 0)
      assert.strictEqual(second.updated + second.unchanged, second.read)
    })

    it("a run that reads everything again creates nothing either", () => {
      assert.strictEqual(third.status, "completed", third.message)
      assert.strictEqual(third.read, pair.read)
      assert.deepStrictEqual(third.rejectedByStage, {})
      assert.strictEqual(third.created, 0)
      assert.strictEqual(third.updated + third.unchanged, pair.read)
    })
  })
}
