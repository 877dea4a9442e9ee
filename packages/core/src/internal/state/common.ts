/**
 * Helpers shared by the store implementations: map keys and the JSON of the run log.
 *
 * @internal
 */
import { Effect } from "effect"
import type { XrefKey } from "../../StateStore.ts"
import { StateError } from "./error.ts"

/** The key of a cross-reference entry in a Map (JSON, so no separator can collide). @internal */
export const xrefKey = (key: XrefKey): string =>
  JSON.stringify([key.sourceSystem, key.targetSystem, key.sourceId])

/** The key of an intent in a Map. @internal */
export const intentKey = (pipeline: string, key: XrefKey): string =>
  JSON.stringify([pipeline, key.sourceSystem, key.targetSystem, key.sourceId])

/**
 * The JSON text of a run's info or summary (`undefined` stays absent), or a StateError when
 * the value cannot be written as JSON.
 *
 * @internal
 */
export const toJsonText = (
  operation: string,
  what: string,
  value: unknown
): Effect.Effect<string | undefined, StateError> =>
  Effect.try({
    try: () => (value === undefined ? undefined : (JSON.stringify(value) as string | undefined)),
    catch: (cause) =>
      new StateError({
        message: `the ${what} of a run must be a JSON value: ${cause instanceof Error ? cause.message : String(cause)}`,
        operation,
        cause
      })
  })

/** @internal */
export const fromJsonText = (text: string | undefined): unknown =>
  text === undefined ? undefined : JSON.parse(text)

/** @internal */
export const unknownRun = (runId: string): StateError =>
  new StateError({ message: `no run ${runId} in the state store`, operation: "finishRun" })

/** @internal */
export const finishedRun = (runId: string, status: string): StateError =>
  new StateError({ message: `run ${runId} has already finished (${status})`, operation: "finishRun" })
