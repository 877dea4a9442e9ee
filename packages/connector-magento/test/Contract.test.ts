/**
 * The connector contract suite of the testkit, against the emulator over loopback HTTP.
 */
import { ContractSuite } from "@mapwright/testkit"
import * as MagentoEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

ContractSuite.run({
  connector,
  emulator: (setup) =>
    MagentoEmulator.start({
      seed: setup.seed,
      customers: setup.stream === "customers" ? setup.records : 5,
      orders: setup.stream === "orders" ? setup.records : 4,
      ...(setup.stream === "customerGroups" ? { groups: setup.records } : {}),
      malformed: { [setup.stream]: setup.malformed }
    }),
  config: (running) => ({ url: running.url, token: MagentoEmulator.token }),
  badConfig: {
    config: {
      url: "ftp://shop.example",
      token: "",
      storeCode: "Default Store",
      timeZone: "Mars/Olympus_Mons",
      pageSize: 500,
      concurrency: 0,
      createMissingGroups: "yes",
      color: "red"
    },
    paths: [
      "url",
      "token",
      "storeCode",
      "timeZone",
      "pageSize",
      "concurrency",
      "createMissingGroups",
      "color"
    ]
  },
  wrongCredentials: (running) => ({ url: running.url, token: "not-the-token-for-test" }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      listOptions: { includeGuests: false },
      writable: {
        sample: (i) => ({
          email: `sample${i}@example.com`,
          firstname: `Sample${i}`,
          lastname: "Tester",
          password: `Secret-pass-${i}`,
          resolved: {
            gender_label: i % 2 === 0 ? "Female" : "Male",
            group_code: "Wholesale",
            billing_address: {
              firstname: `Sample${i}`,
              lastname: "Tester",
              street: [`${i} Queen St`],
              city: "Auckland",
              postcode: "1010",
              country_id: "NZ",
              telephone: "021 555 0123"
            }
          }
        }),
        // Magento refuses an email it cannot parse
        invalid: { email: "refused at example.com", firstname: "Refused", lastname: "Tester" }
      },
      roundTrip: {
        // Magento sets these itself; address ids are Magento's, written back without them
        assigned: [
          "id",
          "group_id",
          "created_at",
          "updated_at",
          "created_in",
          "store_id",
          "website_id",
          "disable_auto_group_change"
        ],
        ignore: ["billing.id", "shipping.id", "addresses.id", "extra.magento.confirmation"]
      }
    },
    orders: { records: 25, pageSize: 10 },
    customerGroups: { records: 25, pageSize: 10 },
    customerAttributes: {
      skip: "GET /V1/attributeMetadata/customer answers every attribute at once, without paging (test/Attributes.test.ts)"
    }
  }
})
