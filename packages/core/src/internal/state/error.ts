/**
 * The state store's error, and how a failure of the file system or of SQLite becomes one
 * sentence a person can act on.
 *
 * @internal
 */
import { Data } from "effect"

/** @internal */
export class StateError extends Data.TaggedError("StateError")<{
  /** One sentence for people, naming the state file; no stack trace, no secret. */
  readonly message: string
  /** What the store was doing: `open`, `lookup`, `commit`, ... */
  readonly operation: string
  /** The state file as the user wrote it, when there is one. */
  readonly path?: string
  /** The underlying error, for logs at debug level. */
  readonly cause?: unknown
}> {}

const field = (error: unknown, name: string): unknown =>
  typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined

const systemReasons: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOTDIR: "a part of the path is a file, not a folder",
  // only creating a folder can meet EEXIST here: a file stands where a folder must be
  EEXIST: "a part of the path is a file, not a folder",
  EISDIR: "the path is a folder",
  ENOSPC: "no space left on the device",
  ENOENT: "no such file or folder",
  ELOOP: "too many symbolic links"
}

const sqliteReasons: Readonly<Record<number, string>> = {
  5: "the file is locked by another process (database is busy)",
  6: "the file is locked (database table is locked)",
  8: "the file is read-only",
  10: "disk I/O error",
  11: "the file is corrupt (database disk image is malformed)",
  13: "the disk is full",
  14: "unable to open the file (check that its folder exists and is writable)",
  23: "permission denied",
  26: "the file is not a SQLite database"
}

/**
 * A short reason for a Node.js system error or a `node:sqlite` error, without stack or codes
 * that mean nothing to a person.
 *
 * @internal
 */
export const describe = (error: unknown): string => {
  const code = field(error, "code")
  if (typeof code === "string" && systemReasons[code] !== undefined) return systemReasons[code]
  const errcode = field(error, "errcode")
  if (typeof errcode === "number") {
    // extended result codes keep the primary code in the low byte
    const reason = sqliteReasons[errcode & 0xff]
    if (reason !== undefined) return reason
    const errstr = field(error, "errstr")
    if (typeof errstr === "string") return errstr
  }
  const message = field(error, "message")
  return typeof message === "string" && message.length > 0 ? message.split("\n")[0]! : String(error)
}

/** @internal */
export const fail = (operation: string, path: string | undefined, what: string, cause: unknown): StateError =>
  new StateError({
    message: `${what}: ${describe(cause)}`,
    operation,
    ...(path === undefined ? {} : { path }),
    cause
  })
