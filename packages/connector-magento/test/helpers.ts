/** Shared helpers of the tests: an emulator for the life of a test, reading a stream whole. */
import type { Connector, ConnectorError } from "@mapwright/core"
import { Effect, type Scope, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import * as MagentoEmulator from "../src/emulator.ts"
import { connector } from "../src/index.ts"

export const withEmulator = <A, E>(
  options: MagentoEmulator.Options,
  f: (running: MagentoEmulator.Running) => Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>
) =>
  Effect.gen(function* () {
    const running = yield* MagentoEmulator.serve(options)
    return yield* f(running)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

export const clientFor = (
  running: MagentoEmulator.Running,
  extra: Readonly<Record<string, unknown>> = {}
): Effect.Effect<
  Connector.Client,
  Connector.ConfigError | ConnectorError.ConnectorError,
  HttpClient.HttpClient | Scope.Scope
> => connector.client({ url: running.url, token: MagentoEmulator.token, ...extra })

export const list = (
  client: Connector.Client,
  stream: string,
  options: Connector.ListOptions = {}
): Effect.Effect<ReadonlyArray<Connector.ReadItem>, ConnectorError.ConnectorError> =>
  Stream.runCollect(client.streams[stream]!.list!(options))

export type Json = Readonly<Record<string, unknown>>

export const records = (items: ReadonlyArray<Connector.ReadItem>): ReadonlyArray<Json> =>
  items.map((i) => i.record as Json)

/** The search requests the emulator saw for a path (`customers/search`), with their query decoded. */
export const searches = (running: MagentoEmulator.Running, path: string): ReadonlyArray<string> =>
  running.stats.requests
    .filter((r) => r.path === `/rest/V1/${path}`)
    .map((r) => decodeURIComponent(r.search.replace(/\+/g, " ")))
