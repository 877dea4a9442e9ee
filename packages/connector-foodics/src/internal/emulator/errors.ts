/**
 * The emulator's error answers, written as a Laravel API writes them (Foodics' error bodies
 * are not in the seed: see `ErrorBody`).
 */
import * as Respond from "@mapwright/testkit/Respond"

export type FieldErrors = Readonly<Record<string, ReadonlyArray<string>>>

export const message = (status: number, text: string, headers?: Readonly<Record<string, string>>) =>
  Respond.json({ message: text }, { status, ...(headers === undefined ? {} : { headers }) })

export const unauthenticated = () => message(401, "Unauthenticated.")

export const unauthorized = () => message(403, "This action is unauthorized.")

export const notFound = () => message(404, "No query results for model [App\\Models\\Customer].")

export const noRoute = (path: string) =>
  message(404, `The route ${path.replace(/^\/+/, "")} could not be found.`)

export const badJson = () => message(400, "The request body is not valid JSON.")

export const serverError = () => message(500, "Server Error")

export const unavailable = (status: number) =>
  message(status, status === 503 ? "Service Unavailable" : "Server Error")

export const tooManyAttempts = (headers?: Readonly<Record<string, string>>) =>
  message(429, "Too Many Attempts.", headers)

/** Laravel's 422: the first message as `message`, every field's messages in `errors`. */
export const invalid = (errors: FieldErrors) => {
  const first = Object.values(errors)[0]?.[0] ?? "The given data was invalid."
  const more = Object.values(errors).reduce((n, list) => n + list.length, 0) - 1
  const text = more > 0 ? `${first} (and ${more} more error${more === 1 ? "" : "s"})` : first
  return Respond.json({ message: text, errors }, { status: 422 })
}

/** spatie/laravel-query-builder's answer to a filter, sort or include it does not allow. */
export const notAllowed = (
  kind: "filter" | "sort" | "include",
  given: ReadonlyArray<string>,
  allowed: ReadonlyArray<string>
) =>
  message(
    400,
    `Requested ${kind}(s) \`${given.join(", ")}\` ${given.length === 1 ? "is" : "are"} not allowed. Allowed ${kind}(s) are \`${allowed.join(", ")}\`.`
  )

export const fail = (response: Respond.Response): never => Respond.fail(response)
