/**
 * The connector contract suite of the testkit, against the emulator over loopback HTTP. The
 * customerAttributes stream reads one unpaged answer (the customer synopsis), which the
 * pagination check cannot fit: the suite skips that stream, and its other checks run on their
 * own at the end.
 */
import { describe, it } from "@effect/vitest"
import { ContractSuite } from "@mapwright/testkit"
import * as PrestaShopEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

const lastNames = ["Tester", "Checker", "Prover"]

/** The fields of PrestaShop 8's customer synopsis: the 33 of its blank schema but `id`. */
const synopsisFields = 32

const options: ContractSuite.Options = {
  connector,
  emulator: (setup) =>
    setup.stream === "customerAttributes"
      ? PrestaShopEmulator.start({
          seed: setup.seed,
          customers: 3,
          orders: 0,
          malformed: { customerAttributes: setup.malformed }
        })
      : setup.stream === "orders"
        ? PrestaShopEmulator.start({
            seed: setup.seed,
            customers: 8,
            guests: 2,
            orders: setup.records,
            malformed: { orders: setup.malformed }
          })
        : setup.stream === "customerGroups"
          ? PrestaShopEmulator.start({
              seed: setup.seed,
              customers: 3,
              orders: 0,
              groups: setup.records,
              malformed: { groups: setup.malformed }
            })
          : PrestaShopEmulator.start({
              seed: setup.seed,
              customers: setup.records,
              guests: Math.floor(setup.records / 5),
              orders: 0,
              malformed: { customers: setup.malformed }
            }),
  config: (running) => ({ url: running.url, key: PrestaShopEmulator.key, timeZone: "Europe/Paris" }),
  badConfig: {
    config: {
      url: "ftp://shop.example",
      key: "too-short",
      format: "yaml",
      timeZone: "Mars/Olympus_Mons",
      pageSize: 5000,
      languageId: 0,
      color: "red"
    },
    paths: ["url", "key", "format", "timeZone", "pageSize", "languageId", "color"]
  },
  wrongCredentials: (running) => ({ url: running.url, key: "WRONGWRONGWRONGWRONGWRONGWRONG99" }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      writable: {
        sample: (i) => ({
          email: `sample${i}@example.com`,
          firstname: "Sample",
          lastname: lastNames[i] ?? "Tester",
          passwd: `secret-${i}-password`,
          active: "1",
          addresses: [
            {
              alias: "Billing",
              firstname: "Sample",
              lastname: lastNames[i] ?? "Tester",
              address1: "1 Queen Street",
              city: "Auckland",
              postcode: "1010",
              country_iso_code: "NZ",
              phone: "+64211234567"
            }
          ]
        }),
        // PrestaShop refuses an address it does not take for an email
        invalid: { email: "refused at example.com", firstname: "Refused", lastname: "Email" }
      },
      roundTrip: {
        // set by the shop; newsletter_date_add is shop-local and goes to canonical as UTC only
        assigned: [
          "id",
          "date_add",
          "date_upd",
          "date_add_utc",
          "date_upd_utc",
          "newsletter_date_add",
          "id_shop",
          "id_shop_group"
        ],
        // written addresses get new ids; the address book and the mobile phone are not written
        ignore: ["billing.id", "shipping.id", "addresses", "phones"]
      }
    },
    customerGroups: {
      records: 25,
      pageSize: 10,
      writable: {
        sample: (i) => ({
          name: [{ id: "1", value: ["Gold", "Silver", "Bronze"][i] ?? "Gold" }],
          price_display_method: "0"
        }),
        invalid: {
          name: [{ id: "1", value: "A group name far longer than thirty-two characters" }],
          price_display_method: "0"
        }
      }
    },
    orders: { records: 25, pageSize: 10 },
    customerAttributes: {
      records: synopsisFields,
      skip: "GET /api/customers?schema=synopsis answers every field at once, without paging; its other checks run below"
    }
  }
}

ContractSuite.run(options)

describe("prestashop connector contract, stream customerAttributes (all but pagination)", () => {
  const timeout = 30_000
  it.live(
    "a malformed record becomes a RecordIssue and the stream goes on",
    () => ContractSuite.checks.malformedRecord(options, "customerAttributes"),
    timeout
  )
  it.live(
    "interruption runs finalizers",
    () => ContractSuite.checks.interruption(options, "customerAttributes"),
    timeout
  )
  it.live(
    "default mappings pass their tests",
    () => ContractSuite.checks.mappingTests(options, "customerAttributes"),
    timeout
  )
})
