/**
 * The connector contract suite of the testkit, against the emulator over loopback HTTP.
 */
import { Transform, Transforms } from "@mapwright/core"
import { ContractSuite } from "@mapwright/testkit"
import * as FoodicsEmulator from "../src/emulator.ts"
import { connector, transforms } from "../src/index.ts"

ContractSuite.run({
  connector,
  transforms: Transform.registry([...Transforms.builtins, ...transforms]),
  emulator: (setup) =>
    FoodicsEmulator.start({
      seed: setup.seed,
      customers: setup.records,
      deleted: 2,
      malformed: setup.malformed
    }),
  config: (running) => ({ baseUrl: `${running.url}/v5`, token: FoodicsEmulator.credentials.token }),
  badConfig: {
    config: {
      token: "",
      baseUrl: "ftp://api.foodics.example",
      timeZone: "Mars/Olympus_Mons",
      pageSize: 500,
      color: "red"
    },
    paths: ["token", "baseUrl", "timeZone", "pageSize", "color"]
  },
  wrongCredentials: (running) => ({ baseUrl: `${running.url}/v5`, token: "not_a_foodics_token_for_test" }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      writable: {
        sample: (i) => ({
          name: `Sample Customer${i}`,
          dial_code: 966,
          phone: `56544525${i}`,
          email: `sample${i}@example.com`,
          gender: 1,
          tags: [{ id: "fhhsd8r5" }]
        }),
        // Foodics refuses an email it cannot read as one (422)
        invalid: { name: "Refused", dial_code: 966, phone: "565445299", email: "not-an-email" }
      },
      roundTrip: {
        // what Foodics sets itself, or keeps out of the customer body (addresses)
        assigned: [
          "id",
          "house_account_balance",
          "loyalty_balance",
          "addresses",
          "last_order_at",
          "order_count",
          "created_at",
          "updated_at",
          "deleted_at"
        ]
      }
    }
  }
})
