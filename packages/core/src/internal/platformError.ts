/**
 * The words for a file that could not be read, shared by every loader: `no such file`,
 * `permission denied`, else the platform's own short description. Never the raw
 * `NotFound: FileSystem.readFile (...)` text of the error.
 *
 * @internal
 */
import { Effect, FileSystem, type PlatformError, Result } from "effect"
import * as SpecError from "../SpecError.ts"

/** Why a file could not be read, in a few words. */
export const describePlatformError = (error: PlatformError.PlatformError): string => {
  const reason = error.reason
  if (reason._tag === "NotFound") return "no such file"
  if (reason._tag === "PermissionDenied") return "permission denied"
  return reason.description ?? reason._tag
}

/**
 * Reads a spec file (a mapping, a pipeline): its text, or a `SpecError` with one
 * `UnreadableFile` diagnostic saying `cannot read the <what>: no such file`.
 */
export const readSpecFile = (
  file: string,
  what: string
): Effect.Effect<string | SpecError.SpecError, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const read = yield* Effect.result(fs.readFileString(file))
    if (Result.isSuccess(read)) return read.success
    return new SpecError.SpecError({
      diagnostics: [
        {
          severity: "error",
          file,
          line: 1,
          column: 1,
          path: "",
          code: "UnreadableFile",
          message: `cannot read the ${what}: ${describePlatformError(read.failure)}`
        }
      ]
    })
  })
