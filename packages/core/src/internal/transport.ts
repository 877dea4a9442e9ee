/**
 * What went wrong below HTTP: the error codes in a fetch failure's cause chain.
 */

const codesOf = (error: unknown, depth: number, out: Array<string>): void => {
  if (depth > 6 || error === null || typeof error !== "object") return
  const code = (error as { readonly code?: unknown }).code
  if (typeof code === "string") out.push(code)
  const errors = (error as { readonly errors?: unknown }).errors
  if (Array.isArray(errors)) for (const e of errors) codesOf(e, depth + 1, out)
  codesOf((error as { readonly cause?: unknown }).cause, depth + 1, out)
}

/** The system error codes (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, ...) in a cause chain. */
export const errorCodes = (error: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  codesOf(error, 0, out)
  return out
}

/** The message of the innermost error of a cause chain. */
export const innermostMessage = (error: unknown): string | undefined => {
  let current: unknown = error
  let message: string | undefined
  for (let depth = 0; depth < 6 && current !== null && typeof current === "object"; depth++) {
    const m = (current as { readonly message?: unknown }).message
    if (typeof m === "string" && m !== "") message = m
    current = (current as { readonly cause?: unknown }).cause
  }
  return message
}

/** Codes saying the request never reached a server, so trying again cannot do anything twice. */
export const neverSent = (codes: ReadonlyArray<string>): boolean =>
  codes.length > 0 && codes.every((c) => c === "ECONNREFUSED" || c === "ENOTFOUND" || c === "EAI_AGAIN")
