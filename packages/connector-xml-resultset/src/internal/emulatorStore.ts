/**
 * The emulator's data: customers (keyed by username, in insertion order; a defective seeded
 * record without a username is kept but cannot be addressed), their group memberships, and the
 * UserGroups. The write rules of the API live here: validation, password hashing, upserts.
 *
 * @internal
 */
import { createHash } from "node:crypto"
import { Customer, UserCustomerGroup } from "../Customer.ts"
import type * as ResultSet from "../ResultSet.ts"
import { UserGroup } from "../UserGroup.ts"
import type * as Xml from "../Xml.ts"

export type Row = Record<string, string>

export interface Membership extends Row {}

export interface StoredCustomer {
  readonly fields: Row
  readonly groups: ReadonlyArray<Membership>
  /** Served with XML that breaks the record schema (a seeded fault). */
  readonly malformed?: boolean
}

export const customerFields: ReadonlyArray<string> = Object.keys(Customer.fields).filter(
  (f) => f !== "UserCustomerGroup"
)
export const membershipFields: ReadonlyArray<string> = Object.keys(UserCustomerGroup.fields).filter(
  (f) => f !== "UserGroup"
)
export const groupFields: ReadonlyArray<string> = Object.keys(UserGroup.fields)

const blank = (fields: ReadonlyArray<string>): Row => Object.fromEntries(fields.map((f) => [f, ""]))

/** A salted SHA-256 hash, `$sha256$<salt>$<hex>`, as a stand-in for the API's password hash. */
export const hashPassword = (password: string, salt: string): string =>
  `$sha256$${salt}$${createHash("sha256").update(`${salt}:${password}`).digest("hex")}`

const isHash = (value: string): boolean => /^\$sha256\$[0-9a-f]+\$[0-9a-f]{64}$/.test(value)

const verifies = (password: string, hash: string): boolean => {
  const salt = /^\$sha256\$([0-9a-f]+)\$/.exec(hash)?.[1]
  return salt !== undefined && hashPassword(password, salt) === hash
}

const saltFor = (username: string, counter: number): string =>
  createHash("sha256").update(`${username}#${counter}`).digest("hex").slice(0, 16)

const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())

const isObject = (value: Xml.Value | undefined): value is Xml.XmlRecord =>
  typeof value === "object" && value !== undefined && !Array.isArray(value)

export type WriteOutcome =
  | {
      readonly _tag: "Written"
      readonly outcome: "created" | "updated" | "unchanged"
      readonly username: string
    }
  | {
      readonly _tag: "Failed"
      readonly key: Readonly<Record<string, string>>
      readonly errors: ReadonlyArray<ResultSet.ApiError>
    }

export interface Store {
  readonly customers: () => ReadonlyArray<StoredCustomer>
  readonly customer: (username: string) => StoredCustomer | undefined
  readonly groups: () => ReadonlyArray<Row>
  readonly group: (code: string) => Row | undefined
  /** Whether the group is served with XML that breaks the record schema. */
  readonly malformedGroup: (code: string) => boolean
  readonly insertSeeded: (fields: Row, groupCodes: ReadonlyArray<string>, malformed: boolean) => void
  readonly insertGroup: (row: Row, malformed: boolean) => void
  /** POST `Customer[+UserCustomerGroups]`: create or update by username. */
  readonly upsertCustomer: (record: Xml.XmlRecord, withGroups: boolean) => WriteOutcome
  /** PUT `Customer[+UserCustomerGroups]/<username>`: update an existing customer. */
  readonly updateCustomer: (
    username: string,
    record: Xml.XmlRecord,
    withGroups: boolean
  ) => WriteOutcome | "NotFound"
  /** POST `UserGroups`: create or update by code. */
  readonly upsertGroup: (record: Xml.XmlRecord) => WriteOutcome
}

const sameRow = (a: Row, b: Row): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false
  return true
}

const sameGroups = (a: ReadonlyArray<Membership>, b: ReadonlyArray<Membership>): boolean =>
  a.length === b.length && a.every((m, i) => sameRow(m, b[i]!))

interface Draft {
  readonly fields: Row
  readonly groups: ReadonlyArray<Row> | undefined
}

export const make = (options: { readonly autoCreateGroups: boolean }): Store => {
  const rows: Array<StoredCustomer> = []
  const byUsername = new Map<string, number>()
  const groupRows = new Map<string, Row>()
  const malformedGroups = new Set<string>()
  let membershipCode = 1
  let hashes = 0

  const nextMembership = (username: string, groupCode: string, given: Row): Membership => ({
    ...blank(membershipFields),
    subscribed: "1",
    ...given,
    code: String(membershipCode++),
    username,
    group_code: groupCode
  })

  /** Checks a record's fields and children; the errors, each with the field at fault. */
  const check = (
    record: Xml.XmlRecord,
    withGroups: boolean
  ): { draft?: Draft; errors: Array<ResultSet.ApiError> } => {
    const errors: Array<ResultSet.ApiError> = []
    const fields: Row = {}
    let groups: Array<Row> | undefined
    for (const [name, value] of Object.entries(record)) {
      if (name === "UserCustomerGroup") {
        if (!withGroups) {
          errors.push({
            code: "InvalidField",
            field: name,
            message:
              "UserCustomerGroup elements need the UserCustomerGroups join (POST /API/V3/Customer+UserCustomerGroups)"
          })
          continue
        }
        const items = Array.isArray(value) ? (value as ReadonlyArray<Xml.Value>) : [value]
        groups = []
        items.forEach((item, i) => {
          const at = `UserCustomerGroup.${i}`
          if (!isObject(item)) {
            errors.push({ code: "InvalidField", field: at, message: "a UserCustomerGroup holds fields" })
            return
          }
          const row: Row = {}
          for (const [k, v] of Object.entries(item)) {
            if (!membershipFields.includes(k) || typeof v !== "string") {
              errors.push({
                code: "InvalidField",
                field: `${at}.${k}`,
                message: `UserCustomerGroup has no writable field ${k}`
              })
            } else row[k] = v
          }
          const code = row.group_code?.trim() ?? ""
          if (code === "")
            errors.push({ code: "Required", field: `${at}.group_code`, message: "group_code is required" })
          else if (!groupRows.has(code) && !options.autoCreateGroups) {
            errors.push({
              code: "InvalidField",
              field: `${at}.group_code`,
              message: `there is no UserGroup with code ${code}`
            })
          }
          groups!.push(row)
        })
        continue
      }
      if (!customerFields.includes(name)) {
        errors.push({ code: "InvalidField", field: name, message: `Customer has no field ${name}` })
        continue
      }
      if (typeof value !== "string") {
        errors.push({ code: "InvalidField", field: name, message: `${name} must be text` })
        continue
      }
      fields[name] = value
    }
    const username = fields.username?.trim() ?? ""
    if (username === "") errors.push({ code: "Required", field: "username", message: "username is required" })
    else if (username !== fields.username) {
      errors.push({ code: "InvalidField", field: "username", message: "username has spaces around it" })
    }
    if (fields.email !== undefined && fields.email !== "" && !isEmail(fields.email)) {
      errors.push({
        code: "InvalidField",
        field: "email",
        message: `${JSON.stringify(fields.email)} is not an email address`
      })
    }
    if (fields.discount !== undefined && fields.discount.trim() !== "") {
      const n = fields.discount.trim()
      if (!/^\d+$/.test(n) || Number(n) > 100) {
        errors.push({
          code: "InvalidField",
          field: "discount",
          message: `discount must be a whole percent from 0 to 100, not ${JSON.stringify(fields.discount)}`
        })
      }
    }
    for (const [i, g] of (groups ?? []).entries()) {
      if (g.username !== undefined && g.username !== "" && g.username !== fields.username) {
        errors.push({
          code: "InvalidField",
          field: `UserCustomerGroup.${i}.username`,
          message: "the membership's username is not the customer's"
        })
      }
    }
    return errors.length > 0 ? { errors } : { draft: { fields, groups }, errors }
  }

  const mergeGroups = (
    username: string,
    existing: ReadonlyArray<Membership>,
    given: ReadonlyArray<Row>
  ): Array<Membership> =>
    given.map((g) => {
      const code = g.group_code!.trim()
      if (!groupRows.has(code)) groupRows.set(code, { ...blank(groupFields), code, title: code })
      const { code: _ignored, ...rest } = g
      const old = existing.find((m) => m.group_code === code)
      return old === undefined
        ? nextMembership(username, code, rest)
        : { ...old, ...rest, username, group_code: code }
    })

  const password = (given: string | undefined, stored: string, username: string): string => {
    if (given === undefined) return stored
    if (given === "") return ""
    if (given === stored || (stored !== "" && verifies(given, stored))) return stored
    if (isHash(given)) return given
    return hashPassword(given, saltFor(username, hashes++))
  }

  const write = (index: number | undefined, draft: Draft): WriteOutcome => {
    const username = draft.fields.username!
    const before = index === undefined ? undefined : rows[index]!
    const base = before?.fields ?? blank(customerFields)
    const fields: Row = {
      ...base,
      ...draft.fields,
      password: password(draft.fields.password, base.password ?? "", username)
    }
    const existingGroups = before?.groups ?? []
    // No UserCustomerGroup given: the memberships stay as they are (XML cannot tell "none" from "not sent").
    const groups =
      draft.groups === undefined || draft.groups.length === 0
        ? existingGroups
        : mergeGroups(username, existingGroups, draft.groups)
    const stored: StoredCustomer = { fields, groups }
    if (before === undefined) {
      byUsername.set(username, rows.length)
      rows.push(stored)
      return { _tag: "Written", outcome: "created", username }
    }
    if (sameRow(before.fields, fields) && sameGroups(before.groups, groups)) {
      return { _tag: "Written", outcome: "unchanged", username }
    }
    rows[index!] = stored
    return { _tag: "Written", outcome: "updated", username }
  }

  const keyOf = (record: Xml.XmlRecord, field: string): Record<string, string> => {
    const value = record[field]
    return typeof value === "string" ? { [field]: value } : {}
  }

  return {
    customers: () => rows,
    customer: (username) => {
      const i = byUsername.get(username)
      return i === undefined ? undefined : rows[i]
    },
    groups: () => [...groupRows.values()],
    group: (code) => groupRows.get(code),
    malformedGroup: (code) => malformedGroups.has(code),
    insertSeeded: (fields, groupCodes, malformed) => {
      const username = fields.username
      const full: Row = { ...blank(customerFields), ...fields }
      if (username === undefined) delete full.username
      const stored = {
        fields: full,
        groups: groupCodes.map((c) => nextMembership(username ?? "", c, {})),
        malformed
      }
      if (username !== undefined) byUsername.set(username, rows.length)
      rows.push(stored)
    },
    insertGroup: (row, malformed) => {
      groupRows.set(row.code!, { ...blank(groupFields), ...row })
      if (malformed) malformedGroups.add(row.code!)
    },
    upsertCustomer: (record, withGroups) => {
      const { draft, errors } = check(record, withGroups)
      if (draft === undefined) return { _tag: "Failed", key: keyOf(record, "username"), errors }
      return write(byUsername.get(draft.fields.username!), draft)
    },
    updateCustomer: (username, record, withGroups) => {
      const index = byUsername.get(username)
      if (index === undefined) return "NotFound"
      const given = record.username
      if (given !== undefined && given !== username) {
        return {
          _tag: "Failed",
          key: { username },
          errors: [
            {
              code: "InvalidField",
              field: "username",
              message: "the username in the body is not the one in the path"
            }
          ]
        }
      }
      const { draft, errors } = check({ ...record, username }, withGroups)
      if (draft === undefined) return { _tag: "Failed", key: { username }, errors }
      return write(index, draft)
    },
    upsertGroup: (record) => {
      const errors: Array<ResultSet.ApiError> = []
      const row: Row = {}
      for (const [name, value] of Object.entries(record)) {
        if (!groupFields.includes(name) || typeof value !== "string") {
          errors.push({
            code: "InvalidField",
            field: name,
            message: `UserGroup has no writable field ${name}`
          })
        } else row[name] = value
      }
      const code = row.code?.trim() ?? ""
      if (code === "") errors.push({ code: "Required", field: "code", message: "code is required" })
      if (row.subscribable !== undefined && !["", "public", "private"].includes(row.subscribable)) {
        errors.push({
          code: "InvalidField",
          field: "subscribable",
          message: "subscribable is public or private"
        })
      }
      if (errors.length > 0) return { _tag: "Failed", key: keyOf(record, "code"), errors }
      const before = groupRows.get(code)
      const after: Row = { ...(before ?? blank(groupFields)), ...row, code }
      groupRows.set(code, after)
      malformedGroups.delete(code)
      if (before === undefined) return { _tag: "Written", outcome: "created", username: code }
      return { _tag: "Written", outcome: sameRow(before, after) ? "unchanged" : "updated", username: code }
    }
  }
}

/** A customer's record in its JSON form, as the API sends it: every field, then the joined groups. */
export const render = (
  customer: StoredCustomer,
  join: { readonly groups: boolean; readonly userGroups: boolean },
  groupOf: (code: string) => Row | undefined
): Xml.XmlRecord => {
  const fields: Record<string, Xml.Value> = {}
  for (const f of customerFields) if (customer.fields[f] !== undefined) fields[f] = customer.fields[f]!
  // a seeded fault: the day phone as a structure, where the schema wants text
  if (customer.malformed === true) fields.phone_day = { number: customer.fields.phone_day ?? "", kind: "day" }
  if (!join.groups) return fields
  return {
    ...fields,
    UserCustomerGroup: customer.groups.map((m): Xml.XmlRecord => {
      if (!join.userGroups) return { ...m }
      const group = groupOf(m.group_code ?? "")
      return group === undefined ? { ...m } : { ...m, UserGroup: [{ ...group }] }
    })
  }
}

/** A group's record as the API sends it; a malformed one carries an element the schema does not know. */
export const renderGroup = (row: Row, malformed: boolean): Xml.XmlRecord =>
  malformed ? { ...row, members: { count: "0" } } : row
