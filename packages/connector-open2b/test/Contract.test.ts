/**
 * The connector contract suite of the testkit, against the emulator over loopback HTTP.
 * Every page of Open2b's JSON-over-POST API is `POST /api/v6/commerce.customers.find` with the
 * page in the JSON body; the suite tells such requests apart by their bodies.
 */
import { Transform, Transforms } from "@mapwright/core"
import { ContractSuite } from "@mapwright/testkit"
import * as Open2bEmulator from "../src/emulator.ts"
import { connector, transforms } from "../src/index.ts"

const options: ContractSuite.Options = {
  connector,
  transforms: Transform.registry([...Transforms.builtins, ...transforms]),
  emulator: (setup) =>
    Open2bEmulator.start({
      seed: setup.seed,
      customers: setup.records,
      malformed: setup.malformed,
      ...(setup.faults === undefined ? {} : { faults: setup.faults })
    }),
  config: (running) => ({ baseUrl: running.url, apiKey: Open2bEmulator.apiKey, timeZone: "Europe/Rome" }),
  badConfig: {
    config: {
      baseUrl: "ftp://shop.example",
      apiKey: "",
      apiVersion: 3,
      timeZone: "Mars/Olympus_Mons",
      pageSize: 500,
      color: "red"
    },
    paths: ["baseUrl", "apiKey", "apiVersion", "timeZone", "pageSize", "color"]
  },
  wrongCredentials: (running) => ({ baseUrl: running.url, apiKey: "not_the_open2b_key" }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      writable: {
        sample: (i) => ({
          code: `SAMPLE${i}`,
          canLogin: true,
          password: { value: `pass-${i}-word` },
          billingAddress: {
            firstName: `Sample${i}`,
            lastName: "Tester",
            street1: "Via Roma 1",
            city: "Milano",
            postalCode: "20100",
            stateProv: "MI",
            country: "IT",
            phoneNumber: "+390212345678",
            email: `sample${i}@example.com`
          }
        }),
        // Open2b refuses an address it does not take for an email (InvalidValue at email)
        invalid: {
          billingAddress: {
            firstName: "Refused",
            lastName: "Tester",
            street1: "Via Roma 2",
            city: "Milano",
            postalCode: "20100",
            country: "IT",
            email: "refused at example.com"
          }
        }
      },
      roundTrip: {
        // Open2b sets these itself; canLogin is read but not written (it needs a password)
        assigned: ["id", "updateTime", "updateTimeUtc", "hasPassword", "cart"],
        ignore: ["canLogin"]
      }
    }
  }
}

ContractSuite.run(options)
