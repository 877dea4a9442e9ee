/**
 * Test helpers for the built-in transforms: compile one the way the mapping compiler does
 * (decode its options with all errors and no unknown keys, then `compile`), with a context that
 * reads `{ from: path }` options from the record.
 */
import { Exit, Schema } from "effect"
import { type Apply, type CompileContext, Invalid, type Transform } from "../src/Transform.ts"
import { registry } from "../src/Transforms.ts"

export const getPath = (record: unknown, path: string): unknown => {
  let v: unknown = record
  for (const key of path.split(".")) {
    if (typeof v !== "object" || v === null) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/** A context that records the paths read through it. */
export const makeContext = (): CompileContext & { readonly paths: Array<string> } => {
  const paths: Array<string> = []
  return {
    paths,
    value: (option) => {
      if (typeof option === "object" && option !== null && "from" in option) {
        const from = String(option.from)
        paths.push(from)
        return (r) => getPath(r, from)
      }
      return () => option
    }
  }
}

export const transform = (name: string): Transform => {
  const t = registry.get(name)
  if (t === undefined) throw new Error(`no transform ${name}`)
  return t
}

/** Decodes options like the compiler: the message of every issue, or the decoded value. */
export const decodeOptions = (
  t: Transform,
  options: unknown
): { ok: true; value: unknown } | { ok: false; message: string } => {
  if (t.options === undefined) return { ok: true, value: undefined }
  // a bare name reaches the options schema as `undefined`, as the mapping parser gives it
  const exit = Schema.decodeUnknownExit(t.options)(options, {
    errors: "all",
    onExcessProperty: "error"
  })
  if (Exit.isSuccess(exit)) return { ok: true, value: exit.value }
  const reason = exit.cause.reasons[0]
  return { ok: false, message: reason?._tag === "Fail" ? reason.error.message : String(reason) }
}

/**
 * Compiles a built-in with options (undefined for a bare name) and returns a function that
 * applies it like the compiler: with `nulls: "pass"`, null and undefined give null unseen.
 */
export const compile = (
  name: string,
  options?: unknown,
  context: CompileContext = makeContext()
): ((value: unknown, record?: unknown) => unknown) => {
  const t = transform(name)
  const decoded = decodeOptions(t, options)
  if (!decoded.ok) throw new Error(`options of ${name}: ${decoded.message}`)
  const apply: Apply = t.compile(decoded.value, context)
  return t.nulls === "pass"
    ? (value, record = {}) => (value === null || value === undefined ? null : apply(value, record))
    : (value, record = {}) => apply(value, record)
}

/** The code of an `Invalid`, or `undefined` for any other result. */
export const invalidCode = (result: unknown): string | undefined =>
  result instanceof Invalid ? result.code : undefined

/** Deeply freezes a value, so that a transform that mutates its input throws in strict mode. */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
