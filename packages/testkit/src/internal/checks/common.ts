/** Shared helpers of the contract checks. */
import type { Connector } from "@mapwright/core"
import type { Scope } from "effect"
import { Effect } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import type { EmulatorSetup, Options, StreamOptions } from "../../ContractSuite.ts"
import { Failure } from "../contract.ts"

export const DEFAULT_RECORDS = 25
export const DEFAULT_PAGE_SIZE = 10

export const streamOptions = (options: Options, stream: string): StreamOptions =>
  options.streams?.[stream] ?? {}

export const streamDef = (
  options: Options,
  contract: string,
  stream: string
): Effect.Effect<Connector.StreamDefinition, Failure> => {
  const def = options.connector.streams[stream]
  return def === undefined
    ? Effect.fail(
        new Failure({
          contract,
          message: `the connector has no stream "${stream}" (it has: ${Object.keys(options.connector.streams).join(", ")})`
        })
      )
    : Effect.succeed(def)
}

export const provide = <A, E>(
  options: Options,
  effect: Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
): Effect.Effect<A, E> =>
  Effect.scoped(effect).pipe(Effect.provide(options.httpClient ?? FetchHttpClient.layer))

export const fail = (contract: string, message: string): Effect.Effect<never, Failure> =>
  Effect.fail(new Failure({ contract, message }))

export const setup = (
  options: Options,
  stream: string,
  records: number,
  malformed: ReadonlyArray<number> = []
): EmulatorSetup => ({
  seed: options.seed ?? 1,
  stream,
  records,
  malformed
})

export const firstStream = (options: Options): string => Object.keys(options.connector.streams)[0] ?? ""
