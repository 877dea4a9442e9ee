/**
 * Shared test helpers: an emulator for the scope of a test and a client of the connector for
 * it, over real loopback HTTP.
 */
import type { Connector, ConnectorError } from "@mapwright/core"
import type * as Emulator from "@mapwright/testkit/Emulator"
import { Effect } from "effect"
import { FetchHttpClient } from "effect/http"
import * as ShopifyEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

export const withClient = <A, E>(
  options: ShopifyEmulator.Options,
  f: (client: Connector.Client, running: ShopifyEmulator.Running) => Effect.Effect<A, E>,
  config: Readonly<Record<string, unknown>> = {}
): Effect.Effect<A, E | Connector.ConfigError | ConnectorError.ConnectorError | Emulator.EmulatorError> =>
  Effect.gen(function* () {
    const running = yield* ShopifyEmulator.serve(options)
    const client = yield* connector.client({ ...running.config, ...config })
    return yield* f(client, running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

/** Customers in the record shape, each changed at the given instant. */
export const customer = (
  id: number,
  updatedAt: string,
  fields: Readonly<Record<string, unknown>> = {}
): Readonly<Record<string, unknown>> => ({
  id: `gid://shopify/Customer/${id}`,
  firstName: `First${id}`,
  lastName: "Tester",
  defaultEmailAddress: { emailAddress: `c${id}@example.com`, marketingState: "NOT_SUBSCRIBED" },
  state: "ENABLED",
  createdAt: "2023-06-01T00:00:00Z",
  updatedAt,
  ...fields
})

export const graphqlCalls = (running: ShopifyEmulator.Running, operationName?: string) =>
  operationName === undefined
    ? running.operations.length
    : running.operations.filter((o) => o.operationName === operationName).length
