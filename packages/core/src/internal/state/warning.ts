/**
 * Silencing exactly the `ExperimentalWarning` that Node 22 emits the first time `node:sqlite`
 * is loaded. A `process.on("warning")` listener cannot do it: Node's own listener prints every
 * warning anyway. So this wraps `process.emitWarning` and drops that one warning, passing every
 * other warning through unchanged.
 *
 * @internal
 */

const isSqliteWarning = (warning: unknown, rest: ReadonlyArray<unknown>): boolean => {
  const first = rest[0]
  const type =
    typeof first === "string"
      ? first
      : typeof first === "object" && first !== null
        ? (first as { readonly type?: unknown }).type
        : warning instanceof Error
          ? warning.name
          : undefined
  const message = warning instanceof Error ? warning.message : String(warning)
  return type === "ExperimentalWarning" && message.startsWith("SQLite is an experimental feature")
}

/** @internal */
export const silenceSqliteWarning = (): (() => void) => {
  const previous = process.emitWarning
  const filtered = function (this: unknown, warning: string | Error, ...rest: Array<unknown>): void {
    if (isSqliteWarning(warning, rest)) return
    Reflect.apply(previous, process, [warning, ...rest])
  } as typeof process.emitWarning
  process.emitWarning = filtered
  return () => {
    if (process.emitWarning === filtered) process.emitWarning = previous
  }
}
