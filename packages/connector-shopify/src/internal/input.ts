/**
 * From a customer record (the read shape, `shopify/Customer`) to the inputs of Shopify's
 * mutations, and back (for `decode` of a `customerCreate` request body):
 *
 * - `defaultEmailAddress.emailAddress` is `email`, `defaultPhoneNumber.phoneNumber` is `phone`;
 *   their marketing states become `emailMarketingConsent` / `smsMarketingConsent` (on create)
 *   or the consent mutations (on update: `customerSet` takes none);
 * - the address book is `defaultAddress` first (Shopify makes the first address of the list
 *   the default), then each of `addresses` that is not the same address; `countryCodeV2` is
 *   written as `countryCode`; the read-only `id`, `name`, `province` and `country` are left out;
 * - `null` fields and the read-only ones are left out: a write never blanks a field.
 */

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const addressKeys: ReadonlyArray<readonly [string, string]> = [
  ["firstName", "firstName"],
  ["lastName", "lastName"],
  ["company", "company"],
  ["address1", "address1"],
  ["address2", "address2"],
  ["city", "city"],
  ["provinceCode", "provinceCode"],
  ["countryCodeV2", "countryCode"],
  ["zip", "zip"],
  ["phone", "phone"]
]

/** A `MailingAddressInput` from a `MailingAddress` (its writable fields that are set). */
export const addressInput = (address: Json): Json => {
  const out: Record<string, unknown> = {}
  for (const [from, to] of addressKeys) {
    const v = address[from]
    if (v !== undefined && v !== null) out[to] = v
  }
  return out
}

/** The address list to write and, per entry, its path in the record. */
export interface Addresses {
  readonly inputs: ReadonlyArray<Json>
  readonly paths: ReadonlyArray<string>
}

const key = (input: Json): string =>
  JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : 1)))

/** `defaultAddress` first, then each of `addresses` that is not the same address. */
export const addressesOf = (record: Json): Addresses | undefined => {
  const inputs: Array<Json> = []
  const paths: Array<string> = []
  const seen = new Set<string>()
  const add = (value: unknown, path: string) => {
    if (!isObject(value)) return
    const input = addressInput(value)
    if (Object.keys(input).length === 0) return
    const k = key(input)
    if (seen.has(k)) return
    seen.add(k)
    inputs.push(input)
    paths.push(path)
  }
  add(record.defaultAddress, "defaultAddress")
  if (Array.isArray(record.addresses)) {
    for (const [i, a] of record.addresses.entries()) add(a, `addresses.${i}`)
  }
  const given = record.defaultAddress !== undefined || record.addresses !== undefined
  return given ? { inputs, paths } : undefined
}

const text = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)

export const emailOf = (record: Json): string | undefined =>
  isObject(record.defaultEmailAddress) ? text(record.defaultEmailAddress.emailAddress) : undefined

export const phoneOf = (record: Json): string | undefined =>
  isObject(record.defaultPhoneNumber) ? text(record.defaultPhoneNumber.phoneNumber) : undefined

const emailState = (record: Json): string | undefined =>
  isObject(record.defaultEmailAddress) ? text(record.defaultEmailAddress.marketingState) : undefined

const smsState = (record: Json): string | undefined =>
  isObject(record.defaultPhoneNumber) ? text(record.defaultPhoneNumber.marketingState) : undefined

/** Consent states a create may set. */
const settableOnCreate = new Set(["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"])

/**
 * The consent states the consent mutations take: SUBSCRIBED, UNSUBSCRIBED and PENDING. An
 * update asking for NOT_SUBSCRIBED (the canonical "no") writes UNSUBSCRIBED.
 */
const onUpdate = (state: string | undefined): string | undefined =>
  state === "NOT_SUBSCRIBED"
    ? "UNSUBSCRIBED"
    : state === "SUBSCRIBED" || state === "UNSUBSCRIBED" || state === "PENDING"
      ? state
      : undefined

/** The fields `CustomerInput` and `CustomerSetInput` share. */
const common = (record: Json): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const k of ["firstName", "lastName", "note", "locale"] as const) {
    const v = record[k]
    if (v !== undefined && v !== null) out[k] = v
  }
  if (typeof record.taxExempt === "boolean") out.taxExempt = record.taxExempt
  if (Array.isArray(record.tags)) out.tags = record.tags
  const email = emailOf(record)
  if (email !== undefined) out.email = email
  const phone = phoneOf(record)
  if (phone !== undefined) out.phone = phone
  return out
}

export interface Prepared {
  readonly input: Json
  /** Input path → record path, for the fields Shopify's user errors name. */
  readonly translate: (path: ReadonlyArray<string>) => string
}

const translator =
  (addresses: Addresses | undefined) =>
  (path: ReadonlyArray<string>): string => {
    const [head, ...rest] = path
    if (head === "email") return "defaultEmailAddress.emailAddress"
    if (head === "phone") return "defaultPhoneNumber.phoneNumber"
    if (head === "emailMarketingConsent") return "defaultEmailAddress.marketingState"
    if (head === "smsMarketingConsent") return "defaultPhoneNumber.marketingState"
    if (head === "customerId") return "id"
    if (head === "addresses" && addresses !== undefined) {
      const index = Number(rest[0])
      const base = Number.isInteger(index) ? addresses.paths[index] : undefined
      if (base === undefined) return path.join(".")
      const field = rest[1] === "countryCode" ? "countryCodeV2" : rest[1]
      return field === undefined ? base : [base, field, ...rest.slice(2)].join(".")
    }
    return path.join(".")
  }

/** The `CustomerInput` of `customerCreate`, consents included. */
export const createInput = (record: Json): Prepared => {
  const input = common(record)
  const addresses = addressesOf(record)
  if (addresses !== undefined) input.addresses = addresses.inputs
  const email = emailState(record)
  if (input.email !== undefined && email !== undefined && settableOnCreate.has(email)) {
    input.emailMarketingConsent = { marketingState: email, marketingOptInLevel: "SINGLE_OPT_IN" }
  }
  const sms = smsState(record)
  if (input.phone !== undefined && sms !== undefined && settableOnCreate.has(sms)) {
    input.smsMarketingConsent = { marketingState: sms, marketingOptInLevel: "SINGLE_OPT_IN" }
  }
  return { input, translate: translator(addresses) }
}

/** What an update writes: the `CustomerSetInput`, and the consents to set after it. */
export interface Update extends Prepared {
  readonly emailConsent: string | undefined
  readonly smsConsent: string | undefined
}

/** The `CustomerSetInput` of `customerSet`, and the consent states for the consent mutations. */
export const updateInput = (record: Json): Update => {
  const input = common(record)
  const addresses = addressesOf(record)
  if (addresses !== undefined) input.addresses = addresses.inputs
  return {
    input,
    translate: translator(addresses),
    emailConsent: emailOf(record) === undefined ? undefined : onUpdate(emailState(record)),
    smsConsent: phoneOf(record) === undefined ? undefined : onUpdate(smsState(record))
  }
}

/** A `MailingAddress` (record shape) from a `MailingAddressInput`. */
const addressFromInput = (input: Json): Json => {
  const out: Record<string, unknown> = {}
  for (const [to, from] of addressKeys) {
    const v = input[from]
    if (typeof v === "string") out[to] = v
  }
  if (
    typeof input.country === "string" &&
    out.countryCodeV2 === undefined &&
    /^[A-Za-z]{2}$/.test(input.country)
  ) {
    out.countryCodeV2 = input.country.toUpperCase()
  }
  if (typeof input.province === "string" && out.provinceCode === undefined) out.provinceCode = input.province
  return out
}

/** A customer record from a `CustomerInput` (or `CustomerSetInput`): the inverse of {@link createInput}. */
export const fromInput = (input: Json): Json => {
  const out: Record<string, unknown> = {}
  for (const k of ["firstName", "lastName", "note", "locale"] as const) {
    if (typeof input[k] === "string") out[k] = input[k]
  }
  if (typeof input.taxExempt === "boolean") out.taxExempt = input.taxExempt
  if (Array.isArray(input.tags)) out.tags = input.tags.filter((t) => typeof t === "string")
  else if (typeof input.tags === "string") {
    out.tags = input.tags
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "")
  }
  const consent = (u: unknown) =>
    isObject(u) && typeof u.marketingState === "string" ? u.marketingState : undefined
  if (typeof input.email === "string") {
    const state = consent(input.emailMarketingConsent)
    out.defaultEmailAddress = {
      emailAddress: input.email,
      ...(state === undefined ? {} : { marketingState: state })
    }
  }
  if (typeof input.phone === "string") {
    const state = consent(input.smsMarketingConsent)
    out.defaultPhoneNumber = {
      phoneNumber: input.phone,
      ...(state === undefined ? {} : { marketingState: state })
    }
  }
  if (Array.isArray(input.addresses)) {
    const addresses = input.addresses.filter(isObject).map(addressFromInput)
    out.defaultAddress = addresses[0] ?? null
    out.addresses = addresses
  }
  return out
}
