/** Contracts of the connector as a whole: config validation and check. */
import { Connector } from "@mapwright/core"
import { Effect } from "effect"
import type { Options } from "../../ContractSuite.ts"
import type { Failure } from "../contract.ts"
import * as Internal from "../contract.ts"
import { fail, firstStream, provide, setup } from "./common.ts"

export const configValidation = (options: Options): Effect.Effect<void, Failure> => {
  const contract = "config validation reports all issues"
  return provide(
    options,
    Effect.gen(function* () {
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, firstStream(options), 1))
      )
      const good = options.config(running)
      const goodIssues = options.connector.validateConfig(good)
      if (goodIssues.length > 0) {
        return yield* fail(
          contract,
          `the working config has issues: ${goodIssues.map((i) => `${i.path || "(config)"}: ${i.message}`).join("; ")}`
        )
      }
      const issues = options.connector.validateConfig(options.badConfig.config)
      const covers = (path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`))
      const missing = options.badConfig.paths.filter((p) => !covers(p))
      if (missing.length > 0) {
        return yield* fail(
          contract,
          `the bad config should report an issue at ${missing.join(", ")}; it reported ${
            issues.length === 0
              ? "none"
              : issues.map((i) => `${i.path || "(config)"}: ${i.message}`).join("; ")
          } (decode the config with errors: "all" so every problem is listed)`
        )
      }
      const exit = yield* Effect.exit(options.connector.client(options.badConfig.config))
      if (exit._tag === "Success")
        return yield* fail(contract, "client(badConfig) succeeded; it must fail with a ConfigError")
      const reason = exit.cause.reasons.find((r) => r._tag === "Fail")
      const error = reason?._tag === "Fail" ? reason.error : undefined
      if (!(error instanceof Connector.ConfigError)) {
        return yield* fail(
          contract,
          `client(badConfig) failed with ${Internal.describeError(error)}, not a ConfigError`
        )
      }
      if (running.stats.total > 0) {
        return yield* fail(
          contract,
          `client(badConfig) sent ${running.stats.total} request(s); a bad config must fail before any I/O`
        )
      }
    })
  )
}

export const authentication = (options: Options): Effect.Effect<void, Failure> => {
  const contract = "check maps 401 to Authentication"
  return provide(
    options,
    Effect.gen(function* () {
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, firstStream(options), 1))
      )
      const good = yield* Internal.client(contract, options.connector, options.config(running))
      yield* Internal.wrap(contract, "check with the working config")(good.check)
      const wrongConfig = options.wrongCredentials(running)
      const wrong = yield* Internal.client(contract, options.connector, wrongConfig)
      const error = yield* Effect.flip(wrong.check).pipe(
        Effect.catch(() =>
          fail(contract, "check with the wrong credentials succeeded; the emulator must refuse them")
        )
      )
      if (error.reason !== "Authentication") {
        return yield* fail(
          contract,
          `check with the wrong credentials failed with reason ${error.reason} (status ${error.status ?? "none"}: ${error.message}); a 401 must map to Authentication`
        )
      }
      if (error.retryable) return yield* fail(contract, "an Authentication error must not be retryable")
      const goodStrings = new Set(Internal.strings(options.config(running)))
      const secrets = Internal.strings(wrongConfig).filter((s) => s.length >= 4 && !goodStrings.has(s))
      const leaked = secrets.filter((s) => error.message.includes(s))
      if (leaked.length > 0) {
        return yield* fail(
          contract,
          "the Authentication error's message repeats the credentials; secrets never appear in messages"
        )
      }
    })
  )
}
