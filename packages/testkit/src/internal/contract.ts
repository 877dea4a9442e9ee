/** Helpers of the contract suite: emulator and client lifetimes, reading, comparing records. */

import type { Connector, ConnectorError } from "@mapwright/core"
import type { Scope } from "effect"
import { Data, Effect, Stream } from "effect"
import type { HttpClient } from "effect/http"
import type * as Emulator from "../Emulator.ts"

export class Failure extends Data.TaggedError("ContractFailure")<{
  readonly contract: string
  readonly message: string
}> {}

export const describeError = (error: unknown): string => {
  if (typeof error === "object" && error !== null) {
    const tag = "_tag" in error ? String(error._tag) : undefined
    const reason = "reason" in error ? String(error.reason) : undefined
    const message = "message" in error ? String(error.message) : undefined
    return [
      tag,
      reason === undefined ? undefined : `(${reason})`,
      message === undefined ? undefined : `: ${message}`
    ]
      .filter((s) => s !== undefined)
      .join(" ")
      .replace(" :", ":")
  }
  return String(error)
}

export const emulator = (
  contract: string,
  start: () => Promise<Emulator.Running>
): Effect.Effect<Emulator.Running, Failure, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: start,
      catch: (e) => new Failure({ contract, message: `the emulator did not start: ${describeError(e)}` })
    }),
    (running) => Effect.promise(() => running.close())
  )

export const client = (
  contract: string,
  connector: Connector.Connector,
  config: unknown
): Effect.Effect<Connector.Client, Failure, HttpClient.HttpClient | Scope.Scope> =>
  connector
    .client(config)
    .pipe(
      Effect.mapError(
        (e) =>
          new Failure({ contract, message: `the connector's client could not be made: ${describeError(e)}` })
      )
    )

export const streamClient = (
  contract: string,
  client: Connector.Client,
  stream: string
): Effect.Effect<Connector.StreamClient, Failure> => {
  const s = client.streams[stream]
  return s === undefined
    ? Effect.fail(new Failure({ contract, message: `the client has no operations for stream "${stream}"` }))
    : Effect.succeed(s)
}

export const op = <K extends keyof Connector.StreamClient>(
  contract: string,
  stream: string,
  client: Connector.StreamClient,
  name: K
): Effect.Effect<NonNullable<Connector.StreamClient[K]>, Failure> => {
  const f = client[name]
  return f === undefined
    ? Effect.fail(
        new Failure({
          contract,
          message: `stream "${stream}" has no "${String(name)}" operation in its client (declare the capability only when the client has it)`
        })
      )
    : Effect.succeed(f as NonNullable<Connector.StreamClient[K]>)
}

export const readAll = (
  contract: string,
  list: (options: Connector.ListOptions) => Stream.Stream<Connector.ReadItem, ConnectorError.ConnectorError>,
  options: Connector.ListOptions
): Effect.Effect<ReadonlyArray<Connector.ReadItem>, Failure> =>
  Stream.runCollect(list(options)).pipe(
    Effect.mapError((e) => new Failure({ contract, message: `the read failed: ${describeError(e)}` })),
    Effect.catchDefect((d) =>
      Effect.fail(new Failure({ contract, message: `the read died: ${describeError(d)}` }))
    )
  )

export const wrap =
  (contract: string, what: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, Failure, R> =>
    effect.pipe(
      Effect.mapError((e) =>
        e instanceof Failure ? e : new Failure({ contract, message: `${what} failed: ${describeError(e)}` })
      ),
      Effect.catchDefect((d) =>
        Effect.fail(new Failure({ contract, message: `${what} died: ${describeError(d)}` }))
      )
    )

/** Removes a dotted path from a copy of a value; a path through an array applies to each element. */
export const without = (value: unknown, path: ReadonlyArray<string>): unknown => {
  if (path.length === 0) return undefined
  if (Array.isArray(value)) return value.map((v) => without(v, path))
  if (value === null || typeof value !== "object") return value
  const [head, ...rest] = path as [string, ...Array<string>]
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  if (!(head in out)) return out
  if (rest.length === 0) delete out[head]
  else out[head] = without(out[head], rest)
  return out
}

export const getPath = (value: unknown, path: string): unknown => {
  let v = value
  for (const seg of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined
    v = (v as Record<string, unknown>)[seg]
  }
  return v
}

export const setPath = (
  value: Record<string, unknown>,
  path: string,
  to: unknown
): Record<string, unknown> => {
  const [head, ...rest] = path.split(".") as [string, ...Array<string>]
  if (rest.length === 0) return { ...value, [head]: to }
  const inner = value[head]
  const base =
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : {}
  return { ...value, [head]: setPath(base, rest.join("."), to) }
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v)
  return s === undefined ? "(absent)" : s.length > 80 ? `${s.slice(0, 80)}…` : s
}

/** The differences between two JSON values, as `path: expected X, got Y` lines. */
export const diff = (expected: unknown, actual: unknown, path = ""): ReadonlyArray<string> => {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return []
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v)
  if (isObj(expected) && isObj(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
    return keys.flatMap((k) => diff(expected[k], actual[k], path === "" ? k : `${path}.${k}`))
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    return expected.flatMap((e, i) => diff(e, actual[i], path === "" ? String(i) : `${path}.${i}`))
  }
  return [`${path || "(record)"}: expected ${show(expected)}, got ${show(actual)}`]
}

/** Every string leaf of a value (to look for secrets in messages). */
export const strings = (value: unknown): ReadonlyArray<string> => {
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings)
  return []
}

/** Polls a condition until it holds or `deadlineMs` passes; true when it held. */
export const eventually = (condition: () => boolean, deadlineMs: number): Effect.Effect<boolean> =>
  Effect.gen(function* () {
    const until = Date.now() + deadlineMs
    while (Date.now() < until) {
      if (condition()) return true
      yield* Effect.sleep("10 millis")
    }
    return condition()
  })
