/**
 * The mapping of `customer.to-canonical.yaml` as one JSONata (2.2.2) expression. The library
 * calls (E.164, country, email, boolean spellings, whole numbers) are registered functions
 * over the same helpers the hand-written mapper uses; they collect the record's issues in a
 * list the engine reads after each evaluation. JSONata evaluates asynchronously, one record
 * per `evaluate`, which is how it is used.
 *
 * @since 0.1.0
 */
import jsonata from "jsonata"
import { type Issue, type Mapper, mappingName, type Result } from "./Engine.ts"
import * as L from "./lib.ts"

/**
 * The expression. `$p`: a present (non-blank) value; `$t`: nullIfEmpty; `$phone`, `$country`,
 * `$email`, `$active` (bool with empty false, then not), `$bool`, `$int`, `$required` record
 * their issues.
 *
 * @since 0.1.0
 * @category constants
 */
export const expression = `(
  $hasDay := $p(phone_day);
  $billing := $any([b_fname, b_lname, b_company, b_address1, b_address2, b_address3, b_city, b_state, b_zip, b_country]) ? {
    "id": null,
    "kind": "billing",
    "isDefault": true,
    "firstName": $t(b_fname),
    "lastName": $t(b_lname),
    "company": $t(b_company),
    "line1": $t(b_address1),
    "line2": $t(b_address2),
    "line3": $t(b_address3),
    "city": $t(b_city),
    "region": $t(b_state),
    "postalCode": $t(b_zip),
    "country": $country($t(b_country), "billing.country", "b_country"),
    "phone": $phone($t(phone_day), b_country, "billing.phone", "phone_day"),
    "email": $email($t(email), "billing.email", "email")
  } : null;
  $groups := UserCustomerGroup;
  {
    "id": $required(username, "id", "username"),
    "email": $email($t(email), "email", "email"),
    "firstName": $t(b_fname),
    "lastName": $t(b_lname),
    "company": $t(b_company),
    "phone": $phone($t(phone_day), b_country, "phone", "phone_day"),
    "phones": [
      $hasDay ? { "kind": "day", "number": $phone(phone_day, b_country, "phones.0.number", "phone_day") },
      $p(phone_night) ? {
        "kind": "night",
        "number": $phone(phone_night, b_country, $hasDay ? "phones.1.number" : "phones.0.number", "phone_night")
      }
    ],
    "gender": null,
    "birthDate": null,
    "isGuest": false,
    "active": $active(inactive, "active", "inactive"),
    "blocked": null,
    "canLogin": null,
    "groups": [$groups.{ "id": $t(group_code), "code": $t(group_code), "name": null }],
    "tags": [],
    "billing": $billing,
    "shipping": $any([fname, lname, company, address1, address2, address3, city, state, zip, country]) ? {
      "id": null,
      "kind": "shipping",
      "isDefault": true,
      "firstName": $t(fname),
      "lastName": $t(lname),
      "company": $t(company),
      "line1": $t(address1),
      "line2": $t(address2),
      "line3": $t(address3),
      "city": $t(city),
      "region": $t(state),
      "postalCode": $t(zip),
      "country": $country($t(country), "shipping.country", "country"),
      "phone": null,
      "email": null
    } : $billing ? $merge([$billing, { "kind": "shipping" }]) : null,
    "addresses": [],
    "marketing": { "emailOptIn": $active(no_email, "marketing.emailOptIn", "no_email"), "smsOptIn": null },
    "discountPercent": $int($t(discount), "discountPercent", "discount"),
    "orderCount": null,
    "lastOrderAt": null,
    "createdAt": null,
    "updatedAt": null,
    "lastLoginAt": null,
    "deletedAt": null,
    "extra": {
      "xmlResultset": {
        "shipMode": $t(mv_shipmode),
        "customData1": $t(custom_data1),
        "customData2": $t(custom_data2),
        "customData3": $t(custom_data3),
        "customData4": $t(custom_data4),
        "groupMemberships": [$groups#$i.{
          "code": $t(code),
          "groupCode": $t(group_code),
          "subscribed": $bool(subscribed, "extra.xmlResultset.groupMemberships." & $i & ".subscribed", "UserCustomerGroup." & $i & ".subscribed"),
          "customData1": $t(custom_data1),
          "customData2": $t(custom_data2),
          "customData3": $t(custom_data3),
          "customData4": $t(custom_data4)
        }]
      }
    },
    "source": { "system": "xml-resultset", "id": $required(username, "source.id", "username") }
  }
)`

const issue = (severity: Issue["severity"], path: string, sourcePath: string, invalid: L.Invalid): Issue => ({
  severity,
  stage: "map",
  path,
  sourcePath,
  code: invalid.invalid,
  message: invalid.message
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const engine = (): Mapper => {
  const expr = jsonata(expression)
  // The issues of the record being evaluated; the harness evaluates one record at a time.
  let issues: Array<Issue> = []
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)

  expr.registerFunction("p", (v: unknown) => !L.blank(v))
  expr.registerFunction("any", (vs: unknown) => Array.isArray(vs) && vs.some((v) => !L.blank(v)))
  expr.registerFunction("t", (v: unknown) => L.text(v) ?? null)
  expr.registerFunction("required", (v: unknown, path: string, sourcePath: string) => {
    if (!L.blank(v)) return v
    issues.push(issue("error", path, sourcePath, { invalid: "Required", message: "a value is required" }))
    return null
  })
  expr.registerFunction("email", (v: unknown, path: string, sourcePath: string) => {
    const s = str(v)
    if (s === undefined) return null
    const e = L.email(s)
    if (!L.isInvalid(e)) return e
    issues.push(issue("warning", path, sourcePath, e))
    return null
  })
  expr.registerFunction("phone", (v: unknown, country: unknown, path: string, sourcePath: string) => {
    const s = str(v)
    if (s === undefined) return null
    const n = L.e164(s, L.phoneCountry(country))
    if (!L.isInvalid(n)) return n
    issues.push(issue("warning", path, sourcePath, n))
    return null
  })
  expr.registerFunction("country", (v: unknown, path: string, sourcePath: string) => {
    const s = str(v)
    if (s === undefined) return null
    const c = L.country(s)
    if (!L.isInvalid(c)) return c
    issues.push(issue("error", path, sourcePath, c))
    return null
  })
  const boolean = (v: unknown, empty: boolean | null, path: string, sourcePath: string): boolean | null => {
    const s = str(v)
    if (s === undefined) return null
    const b = L.bool(s, empty)
    if (!L.isInvalid(b)) return b
    issues.push(issue("error", path, sourcePath, b))
    return null
  }
  expr.registerFunction("active", (v: unknown, path: string, sourcePath: string) => {
    const b = boolean(v, false, path, sourcePath)
    return b === null ? null : !b
  })
  expr.registerFunction("bool", (v: unknown, path: string, sourcePath: string) =>
    boolean(v, null, path, sourcePath)
  )
  expr.registerFunction("int", (v: unknown, path: string, sourcePath: string) => {
    const s = str(v)
    if (s === undefined) return null
    const n = L.int(s)
    if (!L.isInvalid(n)) return n
    issues.push(issue("error", path, sourcePath, n))
    return null
  })

  return {
    _tag: "Mapper",
    name: "jsonata",
    mapping: mappingName,
    map: async (record): Promise<Result> => {
      issues = []
      const value: unknown = await expr.evaluate(record)
      const found = issues
      for (const i of found) if (i.severity === "error") return { issues: found }
      return { value, issues: found }
    }
  }
}
