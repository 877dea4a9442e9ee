/**
 * The words for a file that could not be read, shared by every loader: `no such file`,
 * `permission denied`, else the platform's own short description. Never the raw
 * `NotFound: FileSystem.readFile (...)` text of the error.
 *
 * @internal
 */
import type { PlatformError } from "effect"

/** Why a file could not be read, in a few words. */
export const describePlatformError = (error: PlatformError.PlatformError): string => {
  const reason = error.reason
  if (reason._tag === "NotFound") return "no such file"
  if (reason._tag === "PermissionDenied") return "permission denied"
  return reason.description ?? reason._tag
}
