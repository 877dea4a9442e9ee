/**
 * Open2b's answers to failures, as the emulator sends them: application errors with HTTP 200
 * and `{"status": "error", "error": {"field", "type", "description"}}`; transport-level failures
 * with their status and a plain-text (non-JSON) body.
 */
import * as Respond from "@mapwright/testkit/Respond"

export interface ApiError {
  readonly field?: string
  readonly type: string
  readonly description: string
}

export const body = (e: ApiError) => ({
  status: "error",
  error: { ...(e.field === undefined ? {} : { field: e.field }), type: e.type, description: e.description }
})

/** Answers the call now with an application error (HTTP 200). */
export const fail = (e: ApiError): never => Respond.fail(Respond.json(body(e)))

export const missing = (
  field: string,
  description = `${field.split(".").at(-1) ?? field} is required`
): never => fail({ field, type: "Missing", description })

export const malformed = (field: string, description: string): never =>
  fail({ field, type: "Malformed", description })

export const invalid = (field: string, description: string): never =>
  fail({ field, type: "InvalidValue", description })

export const unknownField = (field: string): never =>
  fail({ field, type: "UnknownField", description: `Field '${field}' is unknown` })

const page = (status: number, title: string, text: string): Respond.Response =>
  Respond.text(
    `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`,
    {
      status,
      headers: { "content-type": "text/html; charset=utf-8" }
    }
  )

/** A missing or malformed `X-Key`. */
export const forbidden = (): Respond.Response =>
  page(403, "Forbidden", "You don't have permission to access this resource.")

/** An unknown method, or another path. */
export const notFound = (): Respond.Response =>
  page(404, "Not Found", "The requested URL was not found on this server.")

/** A request that is not a POST. */
export const methodNotAllowed = (): Respond.Response =>
  Respond.withHeaders(page(405, "Method Not Allowed", "The API takes only POST requests."), { allow: "POST" })

/** A body that is not a JSON object. */
export const badRequest = (): Respond.Response =>
  page(400, "Bad Request", "The request body must be a JSON object.")

/** More than the allowed calls in the window (`Retry-After` is added by the emulator toolkit). */
export const tooManyRequests = (): Respond.Response =>
  page(429, "Too Many Requests", "Rate limit exceeded: at most 1000 calls in 5 minutes.")

export const unavailable = (status: number): Respond.Response =>
  page(status, "Service Unavailable", "The server is temporarily unable to service your request.")

export const internal = (): Respond.Response =>
  page(500, "Internal Server Error", "The server encountered an internal error.")
