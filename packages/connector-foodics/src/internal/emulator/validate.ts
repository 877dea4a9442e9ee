/**
 * The emulator's validation of a create or update body, with Laravel's messages: on create
 * `name`, `dial_code` and `phone` are required (what third-party clients always send); every
 * field the seed marks updatable is checked by type; the fields Foodics sets itself
 * (`house_account_balance`, ...) and unknown ones are ignored, as Laravel ignores them. Tag ids
 * are not checked against existing tags (the seed documents no tags endpoint).
 */
import type { Json } from "./model.ts"

export interface Patch {
  name?: string
  dial_code?: number
  phone?: string
  email?: string | null
  gender?: number | null
  birth_date?: string | null
  house_account_limit?: number | null
  is_loyalty_enabled?: boolean
  is_blacklisted?: boolean
  is_house_account_enabled?: boolean
  tags?: ReadonlyArray<string>
}

export type Outcome =
  | { readonly _tag: "Valid"; readonly patch: Patch }
  | { readonly _tag: "Invalid"; readonly errors: Readonly<Record<string, ReadonlyArray<string>>> }

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const label = (field: string) => field.replace(/_/g, " ")

const isEmail = (s: string): boolean => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s)

const isDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m === null) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  )
}

const flag = (v: unknown): boolean | undefined =>
  v === true || v === 1 || v === "1" || v === "true"
    ? true
    : v === false || v === 0 || v === "0" || v === "false"
      ? false
      : undefined

const order = [
  "body",
  "name",
  "dial_code",
  "phone",
  "email",
  "gender",
  "birth_date",
  "house_account_limit",
  "is_loyalty_enabled",
  "is_blacklisted",
  "is_house_account_enabled",
  "tags"
]

export const validate = (body: unknown, creating: boolean): Outcome => {
  const errors: Record<string, Array<string>> = {}
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message]
  }
  if (!isObject(body)) return { _tag: "Invalid", errors: { body: ["The body must be a JSON object."] } }
  const patch: Patch = {}
  const has = (field: string) => body[field] !== undefined
  const absent = (field: string) => body[field] === undefined || body[field] === null || body[field] === ""

  for (const field of ["name", "dial_code", "phone"]) {
    if (absent(field) && (creating || has(field))) add(field, `The ${label(field)} field is required.`)
  }
  if (typeof body.name === "string" && body.name.trim() !== "") {
    if (body.name.length > 255) add("name", "The name may not be greater than 255 characters.")
    else patch.name = body.name.trim()
  } else if (has("name") && body.name !== null && body.name !== "") add("name", "The name must be a string.")
  if (!absent("dial_code")) {
    const dial = body.dial_code
    if (typeof dial === "number" && Number.isInteger(dial) && dial >= 1 && dial <= 9999)
      patch.dial_code = dial
    else add("dial_code", "The dial code must be an integer between 1 and 9999.")
  }
  if (!absent("phone")) {
    if (typeof body.phone === "string" && /^\d{4,15}$/.test(body.phone)) patch.phone = body.phone
    else add("phone", "The phone format is invalid.")
  }
  if (has("email")) {
    if (body.email === null || body.email === "") patch.email = null
    else if (typeof body.email === "string" && isEmail(body.email.trim())) patch.email = body.email.trim()
    else add("email", "The email must be a valid email address.")
  }
  if (has("gender")) {
    if (body.gender === null || body.gender === 0 || body.gender === 1 || body.gender === 2)
      patch.gender = body.gender
    else add("gender", "The selected gender is invalid.")
  }
  if (has("birth_date")) {
    if (body.birth_date === null) patch.birth_date = null
    else if (typeof body.birth_date === "string" && isDate(body.birth_date))
      patch.birth_date = body.birth_date
    else add("birth_date", "The birth date does not match the format Y-m-d.")
  }
  if (has("house_account_limit")) {
    const limit = body.house_account_limit
    if (limit === null) patch.house_account_limit = null
    else if (typeof limit === "number" && Number.isInteger(limit) && limit >= 0)
      patch.house_account_limit = limit
    else add("house_account_limit", "The house account limit must be an integer of at least 0.")
  }
  for (const field of ["is_loyalty_enabled", "is_blacklisted", "is_house_account_enabled"] as const) {
    if (!has(field)) continue
    const value = flag(body[field])
    if (value === undefined) add(field, `The ${label(field)} field must be true or false.`)
    else patch[field] = value
  }
  if (has("tags")) {
    if (!Array.isArray(body.tags)) add("tags", "The tags must be an array.")
    else {
      const ids: Array<string> = []
      body.tags.forEach((tag: unknown, i) => {
        const id = isObject(tag) ? tag.id : undefined
        if (typeof id === "string" && id.trim() !== "") {
          if (!ids.includes(id.trim())) ids.push(id.trim())
        } else add(`tags.${i}.id`, `The tags.${i}.id field is required.`)
      })
      patch.tags = ids
    }
  }
  if (Object.keys(errors).length === 0) return { _tag: "Valid", patch }
  // Laravel lists the errors in the order of its rules
  const rank = (field: string) => {
    const at = order.indexOf(field.split(".")[0] ?? field)
    return at < 0 ? order.length : at
  }
  const sorted = Object.keys(errors).sort((a, b) => rank(a) - rank(b))
  return { _tag: "Invalid", errors: Object.fromEntries(sorted.map((k) => [k, errors[k] ?? []])) }
}
