/**
 * Transforms are named, typed, pure functions that a mapping's `pipe` applies to a value.
 * Each declares the kinds it accepts, how its output type follows from its input type and
 * options, an Effect Schema for its options (decoded once, at load time), and a `compile`
 * that returns the per-record function. Packages extend the set by building a registry with
 * their own transforms beside the built-ins; a TypeScript transform is the escape hatch,
 * never a string of code in YAML.
 *
 * @since 0.1.0
 */
import type { Schema } from "effect"
import type { Kind, ValueType } from "./ValueType.ts"

/**
 * What a compiled transform returns for a value it cannot convert. Allocated only on failure,
 * so the hot path stays free of wrappers.
 *
 * @since 0.1.0
 * @category models
 */
export class Invalid {
  readonly code: string
  readonly message: string
  constructor(code: string, message: string) {
    this.code = code
    this.message = message
  }
}

/**
 * What the pipe does with a value a transform reports `Invalid`: reject the record (an error
 * issue), make the field `null` (a warning), or keep the raw value (a warning).
 *
 * @since 0.1.0
 * @category models
 */
export type OnInvalid = "reject" | "null" | "keep"

/**
 * Given while a transform compiles its options.
 *
 * @since 0.1.0
 * @category models
 */
export interface CompileContext {
  /**
   * Turns an option that is either a literal or `{ from: <source path> }` into a getter over
   * the source record. The path is type-checked with the mapping; an unknown path is a
   * load-time error.
   */
  readonly value: (option: unknown) => (record: unknown) => unknown
}

/**
 * A compiled transform: the value in, the value out or an `Invalid`. It must not mutate
 * `value` or `record`.
 *
 * @since 0.1.0
 * @category models
 */
export type Apply = (value: unknown, record: unknown) => unknown

/**
 * One documented example; the examples are the transform's reference docs and its tests.
 *
 * @since 0.1.0
 * @category models
 */
export interface Example {
  readonly input: unknown
  readonly options?: unknown
  /** The source record, for transforms whose options read from it. */
  readonly record?: unknown
  /** The expected output, or `{ invalid: code }` for a value the transform rejects. */
  readonly output: unknown
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Transform<Options = unknown> {
  /** Its name in a pipe: `trim`, `e164`, `splitName.first`. */
  readonly name: string
  readonly description: string
  /** Kinds of input accepted; `array` for the tuple that `from: [a, b]` gives. */
  readonly input: ReadonlyArray<Kind> | "any"
  /** The static output type, for the type-checker. */
  readonly output: (input: ValueType, options: Options) => ValueType
  /**
   * `pass`: a null or absent input short-circuits to null without calling the transform.
   * `handle`: the transform sees null and undefined itself (`default`, `required`, `coalesce`).
   */
  readonly nulls: "pass" | "handle"
  /** The default of the `onInvalid` option every transform takes. */
  readonly onInvalid: OnInvalid
  /** Options schema; absent when the transform takes none. Decoded once, at load time. */
  readonly options?: Schema.Codec<Options, unknown>
  /** Whether a pipe may name the transform bare (`trim`) rather than with options (`{ e164: {...} }`). */
  readonly optionsRequired?: boolean
  readonly compile: (options: Options, context: CompileContext) => Apply
  readonly examples: ReadonlyArray<Example>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface TransformRegistry {
  readonly get: (name: string) => Transform | undefined
  readonly names: ReadonlyArray<string>
}

/**
 * Declares a transform with its options type inferred.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Options>(transform: Transform<Options>): Transform => transform as Transform

/**
 * A registry of the given transforms, e.g. `registry([...Transforms.builtins, ...mine])`.
 * A name given twice throws at start-up.
 *
 * @since 0.1.0
 * @category constructors
 */
export const registry = (transforms: Iterable<Transform>): TransformRegistry => {
  const byName = new Map<string, Transform>()
  for (const t of transforms) {
    if (byName.has(t.name)) throw new Error(`transform "${t.name}" is registered twice`)
    byName.set(t.name, t)
  }
  return { get: (name) => byName.get(name), names: [...byName.keys()].sort() }
}
