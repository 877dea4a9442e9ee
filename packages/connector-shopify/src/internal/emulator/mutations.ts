/**
 * The emulator's customer mutations, with Shopify's validation as `userErrors`:
 *
 * - `customerCreate(input)`: a new customer (account state DISABLED: the API creates customers
 *   without an account), consents included; `UserError { field message }` (no code) at
 *   `["email"]`, `["phone"]`, ...: an email or phone another customer has ("has already been
 *   taken"), an invalid one ("is invalid"), no name, email or phone, a consent without the
 *   email or phone it needs;
 * - `customerUpdate(input)` (by `input.id`): the same checks; consents are refused (Shopify
 *   wants the consent mutations); the address list, when given, replaces the address book;
 * - `customerSet(identifier, input)`: create (no identifier), update by `id`, or upsert by
 *   `email` / `phone`; omitted fields are kept, the address list replaces the book (addresses
 *   equal to one the customer has keep its id); `CustomerSetUserError { code field message }`
 *   at `["input", "email"]`, ...;
 * - `customerEmailMarketingConsentUpdate`, `customerSmsMarketingConsentUpdate`: SUBSCRIBED,
 *   UNSUBSCRIBED or PENDING, for a customer with an email (a phone);
 * - `customerDelete`: refused for a customer with orders.
 *
 * Phones are normalised to E.164 (spaces, dashes, dots and brackets dropped; a leading `+`
 * required); tags are trimmed, de-duplicated (ignoring case) and sorted. A customer's
 * `updatedAt` moves only when something changed.
 */
import type * as Collection from "@mapwright/testkit/Collection"
import {
  type AddressData,
  type AddressRow,
  type CustomerRow,
  customerGid,
  idOf,
  type Json,
  renderCustomer,
  type Store
} from "./model.ts"

type Input = Readonly<Record<string, unknown>>
type Stored = Collection.Stored<CustomerRow, "id">

interface Problem {
  readonly field: ReadonlyArray<string> | null
  readonly message: string
  readonly code: string
}

const isObject = (u: unknown): u is Input => typeof u === "object" && u !== null && !Array.isArray(u)

const isEmail = (s: string): boolean => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s)

/** A phone as Shopify stores it (E.164), or `undefined` when it is not one. */
export const normalisePhone = (s: string): string | undefined => {
  const compact = s.replace(/[\s\-.()]/g, "")
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined
}

/** Tags as Shopify keeps them: trimmed, without empty ones or repeats (ignoring case), sorted. */
export const normaliseTags = (tags: ReadonlyArray<string>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const out: Array<string> = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (tag === "" || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out.sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
}

const text = (u: unknown): string | null | undefined =>
  u === undefined ? undefined : typeof u === "string" ? u : null

const addressData = (input: Input): AddressData => ({
  firstName: text(input.firstName) ?? null,
  lastName: text(input.lastName) ?? null,
  company: text(input.company) ?? null,
  address1: text(input.address1) ?? null,
  address2: text(input.address2) ?? null,
  city: text(input.city) ?? null,
  provinceCode: text(input.provinceCode) ?? null,
  countryCode: text(input.countryCode) ?? null,
  zip: text(input.zip) ?? null,
  phone: text(input.phone) ?? null
})

const sameAddress = (a: AddressData, b: AddressData): boolean =>
  (Object.keys(b) as Array<keyof AddressData>).every((k) => a[k] === b[k])

const addressRows = (
  store: Store,
  inputs: unknown,
  existing: ReadonlyArray<AddressRow>
): ReadonlyArray<AddressRow> => {
  if (!Array.isArray(inputs)) return existing
  const taken = new Set<number>()
  return inputs.filter(isObject).map((input) => {
    const data = addressData(input)
    const same = existing.find((a) => !taken.has(a.id) && sameAddress(a, data))
    const id = same?.id ?? store.nextAddressId()
    taken.add(id)
    return { id, ...data }
  })
}

type Path = (field: string, ...rest: ReadonlyArray<string>) => ReadonlyArray<string>

interface Checked {
  readonly email: string | null | undefined
  readonly phone: string | null | undefined
  readonly problems: ReadonlyArray<Problem>
}

/** The checks of the customer fields every mutation shares. */
const check = (
  store: Store,
  input: Input,
  self: number | undefined,
  path: Path,
  creating: boolean
): Checked => {
  const problems: Array<Problem> = []
  let email = text(input.email)
  let phone = text(input.phone)
  if (email !== undefined && email !== null) {
    email = email.trim()
    if (email === "") email = null
    else if (!isEmail(email))
      problems.push({ field: path("email"), message: "Email is invalid", code: "INVALID" })
    else if (
      store.customers.find((r) => r.id !== self && r.email?.toLowerCase() === email!.toLowerCase()).length > 0
    ) {
      problems.push({ field: path("email"), message: "Email has already been taken", code: "TAKEN" })
    }
  }
  if (phone !== undefined && phone !== null) {
    if (phone.trim() === "") phone = null
    else {
      const normal = normalisePhone(phone)
      if (normal === undefined)
        problems.push({ field: path("phone"), message: "Phone is invalid", code: "INVALID" })
      else if (store.customers.find((r) => r.id !== self && r.phone === normal).length > 0) {
        problems.push({ field: path("phone"), message: "Phone has already been taken", code: "TAKEN" })
      } else phone = normal
    }
  }
  if (Array.isArray(input.tags) && input.tags.some((t) => typeof t === "string" && t.length > 255)) {
    problems.push({
      field: path("tags"),
      message: "Tags is too long (maximum is 255 characters)",
      code: "TOO_LONG"
    })
  }
  if (creating) {
    const named = [input.firstName, input.lastName].some((s) => typeof s === "string" && s.trim() !== "")
    if (!named && (email === undefined || email === null) && (phone === undefined || phone === null)) {
      problems.push({
        field: null,
        message: "Customer must have a name, phone number or email address",
        code: "BLANK"
      })
    }
  }
  return { email, phone, problems }
}

const changed = (a: CustomerRow, b: CustomerRow): boolean => {
  const { updated: _a, ...x } = a
  const { updated: _b, ...y } = b
  return JSON.stringify(x) !== JSON.stringify(y)
}

/** The row with the input's fields applied (fields it leaves out are kept). */
const apply = (store: Store, base: CustomerRow, input: Input, checked: Checked): CustomerRow => {
  const now = store.now()
  const next: CustomerRow = {
    ...base,
    firstName: text(input.firstName) === undefined ? base.firstName : (text(input.firstName) ?? null),
    lastName: text(input.lastName) === undefined ? base.lastName : (text(input.lastName) ?? null),
    email: checked.email === undefined ? base.email : checked.email,
    phone: checked.phone === undefined ? base.phone : checked.phone,
    note: text(input.note) === undefined ? base.note : (text(input.note) ?? null),
    locale: typeof input.locale === "string" ? input.locale : base.locale,
    taxExempt: typeof input.taxExempt === "boolean" ? input.taxExempt : base.taxExempt,
    tags: Array.isArray(input.tags)
      ? normaliseTags(input.tags.filter((t) => typeof t === "string"))
      : base.tags,
    addresses: addressRows(store, input.addresses, base.addresses)
  }
  return changed(base, next) ? { ...next, updated: now } : next
}

const blank = (store: Store): CustomerRow => {
  const now = store.now()
  return {
    firstName: null,
    lastName: null,
    email: null,
    emailState: "NOT_SUBSCRIBED",
    emailConsentAt: null,
    phone: null,
    smsState: "NOT_SUBSCRIBED",
    smsConsentAt: null,
    state: "DISABLED",
    verifiedEmail: false,
    taxExempt: false,
    tags: [],
    note: null,
    locale: "en",
    created: now,
    updated: now,
    addresses: []
  }
}

const consentState = (u: unknown): string | undefined =>
  isObject(u) && typeof u.marketingState === "string" ? u.marketingState : undefined

const plain = (problems: ReadonlyArray<Problem>) =>
  problems.map((p) => ({ field: p.field, message: p.message }))

const coded = (problems: ReadonlyArray<Problem>) =>
  problems.map((p) => ({ field: p.field, message: p.message, code: p.code }))

const render = (store: Store, row: Stored | undefined) =>
  row === undefined ? null : renderCustomer(store, row)

const createOne = (store: Store, input: Input, checked: Checked, consents: boolean): Stored => {
  const row = apply(store, blank(store), input, checked)
  const now = store.now()
  const email = consents ? consentState(input.emailMarketingConsent) : undefined
  const sms = consents ? consentState(input.smsMarketingConsent) : undefined
  return store.customers.insert({
    ...row,
    updated: row.created,
    verifiedEmail: row.email !== null,
    ...(email === undefined ? {} : { emailState: email, emailConsentAt: now }),
    ...(sms === undefined ? {} : { smsState: sms, smsConsentAt: now })
  })
}

const consentProblems = (input: Input, checked: Checked, path: Path): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const settable = ["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"]
  const email = consentState(input.emailMarketingConsent)
  if (email !== undefined && (checked.email === undefined || checked.email === null)) {
    problems.push({
      field: path("emailMarketingConsent"),
      message: "An email address is required to set the email marketing consent state.",
      code: "INVALID"
    })
  } else if (email !== undefined && !settable.includes(email)) {
    problems.push({
      field: path("emailMarketingConsent", "marketingState"),
      message: "Marketing state is invalid",
      code: "INVALID"
    })
  }
  const sms = consentState(input.smsMarketingConsent)
  if (sms !== undefined && (checked.phone === undefined || checked.phone === null)) {
    problems.push({
      field: path("smsMarketingConsent"),
      message: "A phone number is required to set the SMS consent state.",
      code: "INVALID"
    })
  } else if (sms !== undefined && !settable.includes(sms)) {
    problems.push({
      field: path("smsMarketingConsent", "marketingState"),
      message: "Marketing state is invalid",
      code: "INVALID"
    })
  }
  return problems
}

const bare: Path = (field, ...rest) => [field, ...rest]
const inInput: Path = (field, ...rest) => ["input", field, ...rest]

const consentUpdate =
  (store: Store, channel: "email" | "sms") =>
  (args: { readonly input: Input }): Json => {
    const input = args.input
    const id = idOf("Customer", input.customerId)
    const row = id === undefined ? undefined : store.customers.get(id)
    const key = channel === "email" ? "emailMarketingConsent" : "smsMarketingConsent"
    const state = consentState(input[key])
    const fail = (field: ReadonlyArray<string>, message: string, code: string): Json => ({
      customer: null,
      userErrors: [{ field, message, code }]
    })
    if (row === undefined) return fail(["input", "customerId"], "Customer not found", "INVALID")
    if (channel === "email" && row.email === null) {
      return fail(
        ["input", "customerId"],
        "Customer must have an email address to set email marketing consent",
        "MISSING_ARGUMENT"
      )
    }
    if (channel === "sms" && row.phone === null) {
      return fail(
        ["input", "customerId"],
        "Customer must have a phone number to set SMS marketing consent",
        "MISSING_ARGUMENT"
      )
    }
    if (state === undefined || !["SUBSCRIBED", "UNSUBSCRIBED", "PENDING"].includes(state)) {
      return fail(
        ["input", key, "marketingState"],
        "Marketing state is not included in the list",
        "INCLUSION"
      )
    }
    const current = channel === "email" ? row.emailState : row.smsState
    if (current === state) return { customer: renderCustomer(store, row), userErrors: [] }
    const now = store.now()
    const patch: Partial<CustomerRow> =
      channel === "email"
        ? { emailState: state, emailConsentAt: now, updated: now }
        : { smsState: state, smsConsentAt: now, updated: now }
    return { customer: render(store, store.customers.update(row.id, patch)), userErrors: [] }
  }

export const resolvers = (store: Store): Json => ({
  customerCreate: (args: { readonly input: Input }): Json => {
    const input = args.input
    const checked = check(store, input, undefined, bare, true)
    const problems = [
      ...(input.id === undefined || input.id === null
        ? []
        : [{ field: ["id"], message: "Cannot specify ID on creation", code: "INVALID" }]),
      ...checked.problems,
      ...consentProblems(input, checked, bare)
    ]
    if (problems.length > 0) return { customer: null, userErrors: plain(problems) }
    return { customer: renderCustomer(store, createOne(store, input, checked, true)), userErrors: [] }
  },
  customerUpdate: (args: { readonly input: Input }): Json => {
    const input = args.input
    const id = idOf("Customer", input.id)
    const row = id === undefined ? undefined : store.customers.get(id)
    if (row === undefined)
      return { customer: null, userErrors: [{ field: ["id"], message: "Customer does not exist" }] }
    const checked = check(store, input, row.id, bare, false)
    const problems: Array<Problem> = [...checked.problems]
    for (const key of ["emailMarketingConsent", "smsMarketingConsent"]) {
      if (input[key] !== undefined && input[key] !== null) {
        const mutation =
          key === "emailMarketingConsent"
            ? "customerEmailMarketingConsentUpdate"
            : "customerSmsMarketingConsentUpdate"
        problems.push({
          field: [key],
          message: `To update ${key}, please use the ${mutation} Mutation instead`,
          code: "INVALID"
        })
      }
    }
    if (problems.length > 0) return { customer: null, userErrors: plain(problems) }
    const next = apply(store, row, input, checked)
    return { customer: render(store, store.customers.replace(row.id, next)), userErrors: [] }
  },
  customerSet: (args: { readonly identifier?: Input | null; readonly input: Input }): Json => {
    const identifier = isObject(args.identifier) ? args.identifier : undefined
    let input = args.input
    let row: Stored | undefined
    if (identifier?.id !== undefined && identifier.id !== null) {
      const id = idOf("Customer", identifier.id)
      row = id === undefined ? undefined : store.customers.get(id)
      if (row === undefined) {
        return {
          customer: null,
          userErrors: [{ field: ["identifier", "id"], message: "Customer does not exist", code: "NOT_FOUND" }]
        }
      }
    } else if (typeof identifier?.email === "string" || typeof identifier?.phone === "string") {
      const by = typeof identifier.email === "string" ? "email" : "phone"
      const value = String(identifier[by]).trim()
      if (
        input[by] !== undefined &&
        input[by] !== null &&
        String(input[by]).trim().toLowerCase() !== value.toLowerCase()
      ) {
        return {
          customer: null,
          userErrors: [
            {
              field: ["input", by],
              message: `The ${by} in the input must match the identifier`,
              code: "INVALID"
            }
          ]
        }
      }
      const normal = by === "phone" ? (normalisePhone(value) ?? value) : value.toLowerCase()
      row = store.customers.find((r) =>
        by === "email" ? r.email?.toLowerCase() === normal : r.phone === normal
      )[0]
      input = { ...input, [by]: value }
    }
    const checked = check(store, input, row?.id, inInput, row === undefined)
    if (checked.problems.length > 0) return { customer: null, userErrors: coded(checked.problems) }
    if (row === undefined)
      return { customer: renderCustomer(store, createOne(store, input, checked, false)), userErrors: [] }
    const next = apply(store, row, input, checked)
    return { customer: render(store, store.customers.replace(row.id, next)), userErrors: [] }
  },
  customerEmailMarketingConsentUpdate: consentUpdate(store, "email"),
  customerSmsMarketingConsentUpdate: consentUpdate(store, "sms"),
  customerDelete: (args: { readonly input: Input }): Json => {
    const id = idOf("Customer", args.input.id)
    const row = id === undefined ? undefined : store.customers.get(id)
    if (row === undefined)
      return { deletedCustomerId: null, userErrors: [{ field: ["id"], message: "Customer can't be found" }] }
    if (store.orders.find((o) => o.customerId === row.id).length > 0) {
      return {
        deletedCustomerId: null,
        userErrors: [
          { field: ["id"], message: "Customer can’t be deleted because they have associated orders" }
        ]
      }
    }
    store.customers.delete(row.id)
    return { deletedCustomerId: customerGid(row.id), userErrors: [] }
  }
})
