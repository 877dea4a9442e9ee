/**
 * A record made ready to write: the `customer` object of a create or update request, or the
 * issues that keep it from being sent.
 *
 * - Only the fields the method takes are sent (`Customer.createFields`, `updateFields`): what
 *   Open2b sets itself (`id`, `hasPassword`, `updateTime`, `fullName`) is left out.
 * - The connector's UTC twins become shop times in the connector's zone.
 * - Passwords follow the seed's rule: a password in clear is sent without `cryptedBy` (a `null`
 *   one is left out; `"None"` is sent as given); a crypted one names its application, one of
 *   `Open2b`, `osCommerce`, `ZenCart`, `CRELoaded`. A record read from Open2b with its hash
 *   (`encryptedPassword`, stream option `readPasswordHashes`) and no `password` is written with
 *   `password: { value: <hash>, cryptedBy: "Open2b" }`, so the customer keeps the password in
 *   another Open2b shop.
 */
import type { RecordIssue } from "@mapwright/core"
import { cryptedByApplications } from "../Customer.ts"
import { isObject, type Json } from "./api.ts"
import { toShopTime } from "./times.ts"

export type Prepared =
  | {
      readonly _tag: "Send"
      readonly customer: Json
      /** Values no message may repeat (a password's value). */
      readonly secrets: ReadonlyArray<string>
    }
  | { readonly _tag: "Refuse"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

export const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

const refuse = (path: string, code: string, message: string): Prepared => ({
  _tag: "Refuse",
  issues: [issue(path, code, message)]
})

const applications = new Set<string>(["None", ...cryptedByApplications])

/** The `password` to send, or the refusal of the one given. */
const password = (record: Json): { readonly value: unknown } | Prepared | undefined => {
  if (!("password" in record) || record.password === undefined) {
    const hash = record.encryptedPassword
    return typeof hash === "string" && hash !== ""
      ? { value: { value: hash, cryptedBy: "Open2b" } }
      : undefined
  }
  const given = record.password
  if (given === null) return { value: null }
  if (!isObject(given) || typeof given.value !== "string") {
    return refuse(
      "password",
      "Malformed",
      "password must be an object { value, cryptedBy }, its value a string"
    )
  }
  const by = given.cryptedBy
  if (by === undefined || by === null) return { value: { value: given.value } }
  if (typeof by !== "string" || !applications.has(by)) {
    return refuse(
      "password.cryptedBy",
      "InvalidValue",
      `cryptedBy ${JSON.stringify(String(by).slice(0, 40))} is not an application Open2b takes crypted passwords from: ` +
        `${cryptedByApplications.join(", ")} (or None, null or no cryptedBy for a password in clear)`
    )
  }
  return { value: { value: given.value, cryptedBy: by } }
}

const isPrepared = (u: unknown): u is Prepared => isObject(u) && (u._tag === "Refuse" || u._tag === "Send")

/**
 * Prepares `record` for a create (`fields` = `Customer.createFields`) or an update
 * (`Customer.updateFields`), its times in `zone`.
 */
export const prepare = (record: unknown, fields: ReadonlyArray<string>, zone: string): Prepared => {
  if (!isObject(record)) return refuse("", "NotAnObject", "a customer to write must be an object")
  const timed = toShopTime(record, zone)
  if (timed._tag === "BadInstant") {
    return refuse(
      timed.path,
      "InvalidDateTime",
      `${timed.path} must be an ISO 8601 instant with an offset, such as 2009-05-21T14:49:13Z`
    )
  }
  const source = timed.record
  const pass = password(source)
  if (isPrepared(pass)) return pass
  const customer: Record<string, unknown> = {}
  for (const field of fields) {
    if (field === "password") continue
    const value = source[field]
    if (value !== undefined) customer[field] = value
  }
  const secrets: Array<string> = []
  if (pass !== undefined && fields.includes("password")) {
    customer.password = pass.value
    if (isObject(pass.value) && typeof pass.value.value === "string") secrets.push(pass.value.value)
  }
  return { _tag: "Send", customer, secrets }
}
