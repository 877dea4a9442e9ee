/**
 * Exit codes, and how the CLI turns whatever went wrong into one line on stderr and a code.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | success; `map` also returns 0 when records were rejected (a data outcome, in the summary) |
 * | 1 | a spec error (a mapping or test file that does not check), a failing test, a usage error |
 * | 2 | an I/O error: a file that cannot be read or written, a closed output; a connector failure in `run` / `replay` |
 * | 3 | `run` / `replay` stopped by the reject budget (`maxRejectRate`) |
 * | 70 | an internal error (a bug: please report it) |
 * | 130 | interrupted (Ctrl-C) |
 *
 * @internal
 */
import { relative } from "node:path"
import { SpecError } from "@mapwright/core"
import { Cause, Data, Effect, type PlatformError, Runtime } from "effect"

/** @internal */
export const ExitCode = { ok: 0, failure: 1, io: 2, budget: 3, internal: 70 } as const

/**
 * The program is done and has said why: exit with `code`, print nothing more.
 *
 * @internal
 */
export class CliExit extends Data.TaggedError("CliExit")<{ readonly code: number }> {
  override get [Runtime.errorExitCode](): number {
    return this.code
  }
  override readonly [Runtime.errorReported] = false
}

/** A path as the user should see it: relative to the working directory when that is shorter. @internal */
export const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path)
  return rel !== "" && rel.length < path.length ? rel : path
}

/** Diagnostics with their file paths relative to the working directory. @internal */
export const displayDiagnostics = (
  diagnostics: ReadonlyArray<SpecError.Diagnostic>
): ReadonlyArray<SpecError.Diagnostic> => diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }))

const reasonText = (reason: PlatformError.SystemError): string => {
  switch (reason._tag) {
    case "NotFound":
      return "no such file"
    case "PermissionDenied":
      return "permission denied"
    case "AlreadyExists":
      return "already exists"
    default:
      return reason.description ?? reason._tag.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()
  }
}

/** `cannot read m.yaml: no such file`, from a PlatformError. @internal */
export const describePlatformError = (error: PlatformError.PlatformError, verb?: string): string => {
  const reason = error.reason
  if (reason._tag === "BadArgument") return reason.description ?? "bad argument"
  const path = typeof reason.pathOrDescriptor === "string" ? displayPath(reason.pathOrDescriptor) : undefined
  const action = verb ?? (reason.method.toLowerCase().includes("write") ? "write" : "read")
  return `cannot ${action}${path !== undefined ? ` ${path}` : ""}: ${reasonText(reason)}`
}

const fail = (text: string, code: number): Effect.Effect<never, CliExit> =>
  Effect.sync(() => process.stderr.write(text)).pipe(Effect.andThen(Effect.fail(new CliExit({ code }))))

/**
 * Prints the errors a command expects (spec errors, I/O errors) and turns them into a
 * `CliExit`: 1 for a `SpecError`, 2 for a `PlatformError`.
 *
 * @internal
 */
export const handled = <A, R>(
  effect: Effect.Effect<A, SpecError.SpecError | PlatformError.PlatformError | CliExit, R>
): Effect.Effect<A, CliExit, R> =>
  Effect.catch(effect, (error) => {
    switch (error._tag) {
      case "CliExit":
        return Effect.fail(error)
      case "SpecError":
        return fail(`${SpecError.format(displayDiagnostics(error.diagnostics))}\n`, ExitCode.failure)
      case "PlatformError":
        return fail(`mapwright: ${describePlatformError(error)}\n`, ExitCode.io)
    }
  })

const isPlatformError = (u: unknown): u is PlatformError.PlatformError =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "PlatformError"

const write = (stream: NodeJS.WriteStream, text: string) => Effect.sync(() => stream.write(text))

/**
 * The last word of the program: prints what `cause` means (unless it was already said) and
 * fails with the exit code. Interruptions pass through (the runtime exits with 130).
 *
 * @internal
 */
export const report = (cause: Cause.Cause<unknown>): Effect.Effect<never, CliExit | never> => {
  if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
  const error = Cause.squash(cause)
  if (error instanceof CliExit) return Effect.fail(error)
  if (Cause.hasFails(cause)) {
    if (error instanceof SpecError.SpecError) {
      return write(process.stderr, `${SpecError.format(displayDiagnostics(error.diagnostics))}\n`).pipe(
        Effect.andThen(Effect.fail(new CliExit({ code: ExitCode.failure })))
      )
    }
    if (isPlatformError(error)) {
      return write(process.stderr, `mapwright: ${describePlatformError(error)}\n`).pipe(
        Effect.andThen(Effect.fail(new CliExit({ code: ExitCode.io })))
      )
    }
    // effect/cli's own errors (unknown command or flag, --help) are already rendered with help.
    const code = Runtime.getErrorExitCode(error)
    if (typeof error === "object" && error !== null && Runtime.getErrorReported(error) === false) {
      return Effect.fail(new CliExit({ code }))
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return write(
    process.stderr,
    `mapwright: internal error: ${message.split("\n")[0]}\nThis is a bug in mapwright; please report it with the command you ran.\n`
  ).pipe(Effect.andThen(Effect.fail(new CliExit({ code: ExitCode.internal }))))
}
