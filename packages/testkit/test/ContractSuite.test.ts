import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ContractSuite } from "../src/index.ts"
import * as Acme from "./fixtures/acme/connector.ts"
import * as AcmeEmulator from "./fixtures/acme/emulator.ts"

const options: ContractSuite.Options = {
  connector: Acme.connector,
  emulator: ({ seed, records, malformed }) => AcmeEmulator.start({ seed, customers: records, malformed }),
  config: (running) => ({ url: running.url, account: "acme", apiKey: "acme_key_test" }),
  badConfig: {
    config: { url: "ftp://acme.example", account: "", apiKey: 42 },
    paths: ["url", "account", "apiKey"]
  },
  wrongCredentials: (running) => ({ url: running.url, account: "acme", apiKey: "not_the_key" }),
  streams: {
    customers: {
      records: 25,
      pageSize: 10,
      writable: {
        sample: (i) => ({
          email: `new.customer${i}@example.com`,
          first_name: "New",
          last_name: `Customer ${i}`
        }),
        invalid: { email: "not-an-email" }
      },
      roundTrip: { assigned: ["id", "created_at", "updated_at"] }
    }
  }
}

// The suite itself, against the acme connector and its emulator: every contract passes.
ContractSuite.run(options)

// Each contract catches the bug it is meant to catch.
const failureOf = <A>(effect: Effect.Effect<A, ContractSuite.ContractFailure>) =>
  Effect.flip(effect).pipe(Effect.catch(() => Effect.die("the contract passed, it should have failed")))

const broken = (bug: Acme.Bug): ContractSuite.Options => ({
  ...options,
  connector: Acme.makeConnector({ bug })
})

describe("the contract suite catches broken connectors", () => {
  it.live("config validation: a path the bad config must report", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.configValidation({
          ...options,
          badConfig: {
            config: { url: "https://acme.example", account: "", apiKey: "k" },
            paths: ["account", "url"]
          }
        })
      )
      assert.strictEqual(failure.contract, "config validation reports all issues")
      assert.match(failure.message, /^the bad config should report an issue at url; it reported account: /)
    })
  )

  it.live("check: a 401 mapped to Unknown", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(ContractSuite.checks.authentication(broken("unknownOn401")))
      assert.strictEqual(
        failure.message,
        "check with the wrong credentials failed with reason Unknown (status none: it failed); a 401 must map to Authentication"
      )
    })
  )

  it.live("pagination: a page read twice", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.pagination(broken("repeatFirstPage"), "customers")
      )
      assert.match(failure.message, /^records read more than once: /)
    })
  )

  it.live("pagination: a read that stops after the first page", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.pagination(broken("stopAfterFirstPage"), "customers")
      )
      assert.strictEqual(
        failure.message,
        "read 10 records, the emulator holds 25 (does the read stop early or run past the last page?)"
      )
    })
  )

  it.live("incremental resume: a resume that starts over", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.incrementalResume(broken("ignoreSince"), "customers")
      )
      assert.match(failure.message, /^resuming after record 12 of 25 read again: /)
    })
  )

  it.live("malformed record: a read that fails on it", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.malformedRecord(broken("failOnMalformed"), "customers")
      )
      assert.match(
        failure.message,
        /^the read failed: ConnectorError \(InvalidResponse\): a customer has no valid email/
      )
    })
  )

  it.live("malformed record: an emulator that cannot make one", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.malformedRecord(
          { ...options, emulator: ({ seed, records }) => AcmeEmulator.start({ seed, customers: records }) },
          "customers"
        )
      )
      assert.match(failure.message, /^no record fails the acme\/Customer schema; /)
    })
  )

  it.live("writes: an update that creates again", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(
        ContractSuite.checks.idempotentWrites(broken("createAgainOnUpdate"), "customers")
      )
      assert.match(failure.message, /expected Updated or Unchanged$/)
    })
  )

  it.live("interruption: a request that cannot be interrupted", () =>
    Effect.gen(function* () {
      const failure = yield* failureOf(ContractSuite.checks.interruption(broken("noAbort"), "customers"))
      assert.strictEqual(
        failure.message,
        "interrupting the read did not finish within 2 s: a finalizer hangs, or the request cannot be interrupted"
      )
    })
  )

  const fixtures = join(import.meta.dirname, "fixtures", "acme", "mappings")
  const copies = () => {
    const dir = mkdtempSync(join(tmpdir(), "testkit-acme-"))
    const to = join(dir, "customer.to-canonical.yaml")
    const from = join(dir, "customer.from-canonical.yaml")
    writeFileSync(to, readFileSync(join(fixtures, "customer.to-canonical.yaml"), "utf8"))
    writeFileSync(
      from,
      readFileSync(join(fixtures, "customer.from-canonical.yaml"), "utf8")
        .replace("  last_name: lastName\n", "")
        .replace("  - id\n", "  - id\n  - lastName\n")
    )
    return { dir, to, from }
  }

  it.live("mapping tests: a mapping without its test file", () =>
    Effect.gen(function* () {
      const { from, to } = copies()
      const failure = yield* failureOf(
        ContractSuite.checks.mappingTests(
          {
            ...options,
            connector: Acme.makeConnector({ mappings: { toCanonical: to, fromCanonical: from } })
          },
          "customers"
        )
      )
      assert.strictEqual(
        failure.message,
        `${to} has no tests: write ${to.replace(/\.yaml$/, ".test.yaml")}\n${from} has no tests: write ${from.replace(/\.yaml$/, ".test.yaml")}`
      )
    })
  )

  it.live("round trip: a from-canonical mapping that drops the last name", () =>
    Effect.gen(function* () {
      const { from, to } = copies()
      const failure = yield* failureOf(
        ContractSuite.checks.roundTrip(
          {
            ...options,
            connector: Acme.makeConnector({ mappings: { toCanonical: to, fromCanonical: from } })
          },
          "customers"
        )
      )
      assert.match(
        failure.message,
        /^record \d+: billing\.lastName: expected "[^"]+", got null; lastName: expected "[^"]+", got null\n/
      )
    })
  )
})
