/**
 * The mapping of `customer.to-canonical.yaml` as a careful developer writes it by hand: plain
 * JavaScript over the parsed record, the same libraries (libphonenumber-js, i18n-iso-countries)
 * through `lib.ts`, the same output values and key order and the same rejects and warnings as
 * Mapwright, but no schema validation framework. It parses `phone_day` once and reads the
 * default phone country once per record, as a person would.
 *
 * @since 0.1.0
 */
import type { CountryCode } from "libphonenumber-js/max"
import { type Issue, type Mapper, mappingName, type Result } from "./Engine.ts"
import * as L from "./lib.ts"

type Source = { readonly [key: string]: unknown }

const warning = (path: string, sourcePath: string, invalid: L.Invalid): Issue => ({
  severity: "warning",
  stage: "map",
  path,
  sourcePath,
  code: invalid.invalid,
  message: invalid.message
})

const error = (path: string, sourcePath: string, code: string, message: string): Issue => ({
  severity: "error",
  stage: "map",
  path,
  sourcePath,
  code,
  message
})

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)

interface Phone {
  readonly value: string | null
  readonly invalid: L.Invalid | undefined
}

const NO_PHONE: Phone = { value: null, invalid: undefined }

const phone = (v: unknown, country: CountryCode | undefined): Phone => {
  const s = str(v)
  if (s === undefined) return NO_PHONE
  const r = L.e164(s, country)
  return L.isInvalid(r) ? { value: null, invalid: r } : { value: r, invalid: undefined }
}

const flag = (v: unknown, path: string, sourcePath: string, issues: Array<Issue>): boolean | null => {
  const s = str(v)
  const b = s === undefined ? null : L.bool(s, false)
  if (L.isInvalid(b)) {
    issues.push(error(path, sourcePath, b.invalid, b.message))
    return null
  }
  return b === null ? null : !b
}

const countryOf = (v: unknown, path: string, sourcePath: string, issues: Array<Issue>): string | null => {
  const s = str(v)
  if (s === undefined) return null
  const c = L.country(s)
  if (L.isInvalid(c)) {
    issues.push(error(path, sourcePath, c.invalid, c.message))
    return null
  }
  return c
}

const address = (
  r: Source,
  kind: "billing" | "shipping",
  prefix: string,
  phoneValue: string | null,
  emailValue: string | null,
  issues: Array<Issue>
) => ({
  id: null,
  kind,
  isDefault: true,
  firstName: L.text(r[`${prefix}fname`]) ?? null,
  lastName: L.text(r[`${prefix}lname`]) ?? null,
  company: L.text(r[`${prefix}company`]) ?? null,
  line1: L.text(r[`${prefix}address1`]) ?? null,
  line2: L.text(r[`${prefix}address2`]) ?? null,
  line3: L.text(r[`${prefix}address3`]) ?? null,
  city: L.text(r[`${prefix}city`]) ?? null,
  region: L.text(r[`${prefix}state`]) ?? null,
  postalCode: L.text(r[`${prefix}zip`]) ?? null,
  country: countryOf(r[`${prefix}country`], `${kind}.country`, `${prefix}country`, issues),
  phone: phoneValue,
  email: emailValue
})

const billingKeys = [
  "b_fname",
  "b_lname",
  "b_company",
  "b_address1",
  "b_address2",
  "b_address3",
  "b_city",
  "b_state",
  "b_zip",
  "b_country"
] as const
const shippingKeys = [
  "fname",
  "lname",
  "company",
  "address1",
  "address2",
  "address3",
  "city",
  "state",
  "zip",
  "country"
] as const

const anyPresent = (r: Source, keys: ReadonlyArray<string>): boolean => {
  for (const k of keys) if (!L.blank(r[k])) return true
  return false
}

/**
 * Maps one XML ResultSet Customer to a canonical Customer.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mapCustomer = (input: unknown): Result => {
  const r = input as Source
  const issues: Array<Issue> = []
  const username = r.username
  if (L.blank(username)) {
    issues.push(error("id", "username", "Required", "a value is required"))
    issues.push(error("source.id", "username", "Required", "a value is required"))
  }

  let emailValue: string | null = null
  const emailText = str(r.email)
  if (emailText !== undefined && !L.blank(emailText)) {
    const e = L.email(emailText)
    if (L.isInvalid(e)) {
      issues.push(warning("email", "email", e))
      issues.push(warning("billing.email", "email", e))
    } else emailValue = e
  }

  const country = L.phoneCountry(r.b_country)
  const day = phone(L.text(r.phone_day), country)
  const night = L.blank(r.phone_night) ? undefined : phone(r.phone_night, country)
  if (day.invalid !== undefined) issues.push(warning("phone", "phone_day", day.invalid))

  const phones: Array<{ kind: string; number: string | null }> = []
  if (!L.blank(r.phone_day)) {
    if (day.invalid !== undefined)
      issues.push(warning(`phones.${phones.length}.number`, "phone_day", day.invalid))
    phones.push({ kind: "day", number: day.value })
  }
  if (night !== undefined) {
    if (night.invalid !== undefined)
      issues.push(warning(`phones.${phones.length}.number`, "phone_night", night.invalid))
    phones.push({ kind: "night", number: night.value })
  }

  const active = flag(r.inactive, "active", "inactive", issues)

  const ucg = r.UserCustomerGroup
  const memberships = Array.isArray(ucg) ? (ucg as ReadonlyArray<Source>) : []
  const groups = memberships.map((g) => {
    const code = L.text(g.group_code) ?? null
    return { id: code, code, name: null }
  })

  let billing = null
  if (anyPresent(r, billingKeys)) {
    if (day.invalid !== undefined) issues.push(warning("billing.phone", "phone_day", day.invalid))
    billing = address(r, "billing", "b_", day.value, emailValue, issues)
  }
  let shipping = null
  if (anyPresent(r, shippingKeys)) shipping = address(r, "shipping", "", null, null, issues)
  else if (billing !== null) shipping = { ...billing, kind: "shipping" }

  const emailOptIn = flag(r.no_email, "marketing.emailOptIn", "no_email", issues)

  let discountPercent: number | null = null
  const discountText = str(r.discount)
  if (discountText !== undefined && !L.blank(discountText)) {
    const d = L.int(discountText)
    if (L.isInvalid(d)) issues.push(error("discountPercent", "discount", d.invalid, d.message))
    else discountPercent = d
  }

  const groupMemberships = memberships.map((g, i) => {
    let subscribed: boolean | null = null
    const s = str(g.subscribed)
    if (s !== undefined) {
      const b = L.bool(s, null)
      if (L.isInvalid(b)) {
        issues.push(
          error(
            `extra.xmlResultset.groupMemberships.${i}.subscribed`,
            `UserCustomerGroup.${i}.subscribed`,
            b.invalid,
            b.message
          )
        )
      } else subscribed = b
    }
    return {
      code: L.text(g.code) ?? null,
      groupCode: L.text(g.group_code) ?? null,
      subscribed,
      customData1: L.text(g.custom_data1) ?? null,
      customData2: L.text(g.custom_data2) ?? null,
      customData3: L.text(g.custom_data3) ?? null,
      customData4: L.text(g.custom_data4) ?? null
    }
  })

  for (const issue of issues) if (issue.severity === "error") return { issues }

  return {
    value: {
      id: username,
      email: emailValue,
      firstName: L.text(r.b_fname) ?? null,
      lastName: L.text(r.b_lname) ?? null,
      company: L.text(r.b_company) ?? null,
      phone: day.value,
      phones,
      gender: null,
      birthDate: null,
      isGuest: false,
      active,
      blocked: null,
      canLogin: null,
      groups,
      tags: [],
      billing,
      shipping,
      addresses: [],
      marketing: { emailOptIn, smsOptIn: null },
      discountPercent,
      orderCount: null,
      lastOrderAt: null,
      createdAt: null,
      updatedAt: null,
      lastLoginAt: null,
      deletedAt: null,
      extra: {
        xmlResultset: {
          shipMode: L.text(r.mv_shipmode) ?? null,
          customData1: L.text(r.custom_data1) ?? null,
          customData2: L.text(r.custom_data2) ?? null,
          customData3: L.text(r.custom_data3) ?? null,
          customData4: L.text(r.custom_data4) ?? null,
          groupMemberships
        }
      },
      source: { system: "xml-resultset", id: username }
    },
    issues
  }
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const engine = (): Mapper => ({
  _tag: "Mapper",
  name: "handwritten",
  mapping: mappingName,
  map: mapCustomer
})
