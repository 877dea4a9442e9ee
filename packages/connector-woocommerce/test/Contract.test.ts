/**
 * The connector contract suite of the testkit, against the emulator over loopback HTTP.
 */
import { ContractSuite } from "@mapwright/testkit"
import * as WooEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

ContractSuite.run({
  connector,
  emulator: (setup) =>
    setup.stream === "orders"
      ? WooEmulator.start({
          seed: setup.seed,
          customers: 5,
          orders: setup.records,
          malformed: { orders: setup.malformed }
        })
      : WooEmulator.start({
          seed: setup.seed,
          customers: setup.records,
          orders: 4,
          malformed: { customers: setup.malformed }
        }),
  config: (running) => ({
    url: running.url,
    consumerKey: WooEmulator.credentials.consumerKey,
    consumerSecret: WooEmulator.credentials.consumerSecret
  }),
  badConfig: {
    config: {
      url: "ftp://store.example",
      consumerKey: "",
      consumerSecret: 42,
      timeZone: "Mars/Olympus_Mons",
      pageSize: 500,
      color: "red"
    },
    paths: ["url", "consumerKey", "consumerSecret", "timeZone", "pageSize", "color"]
  },
  wrongCredentials: (running) => ({
    url: running.url,
    consumerKey: "ck_wrong_key_for_test",
    consumerSecret: "cs_wrong_secret_for_test"
  }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      listOptions: { includeGuests: false },
      writable: {
        sample: (i) => ({
          email: `sample${i}@example.com`,
          first_name: `Sample${i}`,
          last_name: "Tester",
          username: `sample${i}`,
          password: `secret-${i}`,
          billing: {
            first_name: `Sample${i}`,
            country: "NZ",
            phone: "021 555 0123",
            email: `sample${i}@example.com`
          }
        }),
        // WooCommerce refuses an address it does not take for an email
        invalid: { email: "refused at example.com", first_name: "Refused" }
      },
      roundTrip: {
        // the platform sets these itself; meta data has no canonical place
        assigned: ["id", "date_created_gmt", "date_modified_gmt", "role", "is_paying_customer", "avatar_url"],
        ignore: ["extra.woocommerce.metaData"]
      }
    },
    orders: { records: 25, pageSize: 10 }
  }
})
