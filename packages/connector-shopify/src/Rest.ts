/**
 * The REST shapes of Shopify's customers and orders (the legacy Admin REST API, and the
 * webhooks `customers/create`, `customers/update`, `orders/create`, which still deliver them),
 * normalised into the connector's records (the GraphQL shape of `Customer` and `Order`), so
 * `mapwright decode` and the default mappings read them like any other:
 *
 * | REST | record |
 * |---|---|
 * | `id` (number), `admin_graphql_api_id` | `id` (the GID; made from `id` when absent), `legacyResourceId` |
 * | `first_name`, `last_name`, `note`, `tax_exempt`, `verified_email` | `firstName`, `lastName`, `note`, `taxExempt`, `verifiedEmail` |
 * | `email`, `email_marketing_consent.state` | `defaultEmailAddress { emailAddress, marketingState }` (state upper-cased) |
 * | `phone`, `sms_marketing_consent.state` | `defaultPhoneNumber { phoneNumber, marketingState }` |
 * | `state` (`disabled`) | `state` (`DISABLED`) |
 * | `tags` (`"Léon, Noël"`) | `tags` (`["Léon", "Noël"]`) |
 * | `orders_count`, `total_spent` + `currency` | `numberOfOrders` (as a string), `amountSpent { amount, currencyCode }` |
 * | `last_order_id`, `last_order_name` | `lastOrder { id, name }` |
 * | `created_at`, `updated_at` (`2024-04-02T09:17:48-05:00`) | `createdAt`, `updatedAt` in UTC (`2024-04-02T14:17:48Z`) |
 * | `addresses[]`, `default_address` | `addresses`, `defaultAddress` (below) |
 * | address `id`, `address1`, `province`, `province_code`, `country_name` (else `country`), `country_code`, `zip`, ... | `id` (`gid://shopify/MailingAddress/<id>?model_name=CustomerAddress`), `address1`, `province`, `provinceCode`, `country`, `countryCodeV2`, `zip`, ... |
 *
 * A create body's address gives `country` as a code (`"CA"`): it becomes `countryCodeV2`. The
 * fields GraphQL has no place for (`password`, `password_confirmation`, `send_email_welcome`,
 * `multipass_identifier`, `accepts_marketing`, `marketing_opt_in_level`, `tax_exemptions`,
 * `last_order_id` beyond the GID) are left out.
 *
 * Orders: `name`, `email` (`""` is `null`), `phone`, the times, `cancelled_at`,
 * `financial_status` (`paid` → `PAID`), `fulfillment_status` (`null` → `UNFULFILLED`,
 * `fulfilled` → `FULFILLED`, `partial` → `PARTIALLY_FULFILLED`), `currency`, `total_price`
 * (`totalPriceSet.shopMoney`), `buyer_accepts_marketing`, `customer` (or `null`),
 * `billing_address`, `shipping_address`.
 *
 * @since 0.1.0
 */

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown): string | null => (typeof u === "string" ? u : null)

const idText = (u: unknown): string | undefined =>
  typeof u === "number" && Number.isSafeInteger(u) && u >= 0
    ? String(u)
    : typeof u === "string" && /^\d{1,20}$/.test(u)
      ? u
      : undefined

/**
 * A REST time (ISO 8601 with an offset) in UTC, as GraphQL writes it (`2024-04-02T14:17:48Z`);
 * a text that is not a time is kept as it is, for the record schema to report.
 *
 * @since 0.1.0
 * @category formatting
 */
export const utc = (value: unknown): unknown => {
  if (typeof value !== "string") return value
  const at = Date.parse(value)
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return value
  return new Date(at).toISOString().replace(/\.000Z$/, "Z")
}

const upper = (u: unknown): string | undefined =>
  typeof u === "string" && u !== "" ? u.toUpperCase() : undefined

/**
 * Whether an object looks like a REST customer or order (snake_case fields such as
 * `first_name`, `admin_graphql_api_id`, `created_at`, a numeric `id`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRest = (value: Json): boolean =>
  "admin_graphql_api_id" in value ||
  "first_name" in value ||
  "last_name" in value ||
  "created_at" in value ||
  "orders_count" in value ||
  "financial_status" in value ||
  typeof value.id === "number"

/**
 * A REST address (of a customer or an order) as a `MailingAddress`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const address = (rest: Json, kind: "customer" | "order" = "customer"): Json => {
  const id = idText(rest.id)
  const country = str(rest.country)
  const code =
    str(rest.country_code) ??
    (country !== null && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null)
  return {
    ...(kind === "customer" && id !== undefined
      ? { id: `gid://shopify/MailingAddress/${id}?model_name=CustomerAddress` }
      : {}),
    firstName: str(rest.first_name),
    lastName: str(rest.last_name),
    ...(typeof rest.name === "string" ? { name: rest.name } : {}),
    company: str(rest.company),
    address1: str(rest.address1),
    address2: str(rest.address2),
    city: str(rest.city),
    province: str(rest.province),
    provinceCode: str(rest.province_code) ?? null,
    country: str(rest.country_name) ?? (country !== null && country !== code ? country : null),
    countryCodeV2: code,
    zip: str(rest.zip),
    phone: str(rest.phone)
  }
}

const consentState = (u: unknown): string | undefined => (isObject(u) ? upper(u.state) : undefined)

/**
 * A REST customer as a customer record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const customer = (rest: Json): Json => {
  const id = idText(rest.id)
  const gid = typeof rest.admin_graphql_api_id === "string" ? rest.admin_graphql_api_id : undefined
  const out: Record<string, unknown> = {}
  if (gid !== undefined || id !== undefined) out.id = gid ?? `gid://shopify/Customer/${id}`
  if (id !== undefined) out.legacyResourceId = id
  if ("first_name" in rest) out.firstName = str(rest.first_name)
  if ("last_name" in rest) out.lastName = str(rest.last_name)
  if ("email" in rest) {
    const email = str(rest.email)
    const state = consentState(rest.email_marketing_consent)
    out.defaultEmailAddress =
      email === null || email === ""
        ? null
        : { emailAddress: email, ...(state === undefined ? {} : { marketingState: state }) }
  }
  if ("phone" in rest) {
    const phone = str(rest.phone)
    const state = consentState(rest.sms_marketing_consent)
    out.defaultPhoneNumber =
      phone === null || phone === ""
        ? null
        : { phoneNumber: phone, ...(state === undefined ? {} : { marketingState: state }) }
  }
  const state = upper(rest.state)
  if (state !== undefined) out.state = state
  if (typeof rest.verified_email === "boolean") out.verifiedEmail = rest.verified_email
  if (typeof rest.tax_exempt === "boolean") out.taxExempt = rest.tax_exempt
  if (typeof rest.tags === "string") {
    out.tags = rest.tags
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "")
  } else if (Array.isArray(rest.tags)) out.tags = rest.tags
  if ("note" in rest) out.note = str(rest.note)
  if (typeof rest.locale === "string") out.locale = rest.locale
  const orders = idText(rest.orders_count)
  if (orders !== undefined) out.numberOfOrders = orders
  if (typeof rest.total_spent === "string" && typeof rest.currency === "string") {
    out.amountSpent = { amount: rest.total_spent, currencyCode: rest.currency }
  }
  if ("last_order_id" in rest) {
    const last = idText(rest.last_order_id)
    out.lastOrder =
      last === undefined ? null : { id: `gid://shopify/Order/${last}`, name: str(rest.last_order_name) }
  }
  if (rest.created_at !== undefined) out.createdAt = utc(rest.created_at)
  if (rest.updated_at !== undefined) out.updatedAt = utc(rest.updated_at)
  const addresses = Array.isArray(rest.addresses)
    ? rest.addresses.filter(isObject).map((a) => address(a))
    : undefined
  if ("default_address" in rest) {
    out.defaultAddress = isObject(rest.default_address) ? address(rest.default_address) : null
  } else if (addresses !== undefined) {
    const flagged = Array.isArray(rest.addresses)
      ? rest.addresses.findIndex((a) => isObject(a) && a.default === true)
      : -1
    out.defaultAddress = addresses[Math.max(flagged, 0)] ?? null
  }
  if (addresses !== undefined) out.addresses = addresses
  return out
}

const fulfillment: Readonly<Record<string, string>> = {
  fulfilled: "FULFILLED",
  partial: "PARTIALLY_FULFILLED",
  restocked: "RESTOCKED",
  unfulfilled: "UNFULFILLED"
}

/**
 * A REST order as an order record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const order = (rest: Json): Json => {
  const id = idText(rest.id)
  const gid = typeof rest.admin_graphql_api_id === "string" ? rest.admin_graphql_api_id : undefined
  const email = str(rest.email) ?? str(rest.contact_email)
  const shopMoney =
    isObject(rest.total_price_set) && isObject(rest.total_price_set.shop_money)
      ? rest.total_price_set.shop_money
      : undefined
  const amount = str(shopMoney?.amount) ?? str(rest.total_price)
  const currency = str(shopMoney?.currency_code) ?? str(rest.currency)
  const c = isObject(rest.customer) ? rest.customer : undefined
  const cEmail = c === undefined ? null : str(c.email)
  const cPhone = c === undefined ? null : str(c.phone)
  const cid = c === undefined ? undefined : idText(c.id)
  return {
    id: gid ?? (id === undefined ? "" : `gid://shopify/Order/${id}`),
    ...(id === undefined ? {} : { legacyResourceId: id }),
    name: str(rest.name),
    email: email === "" ? null : email,
    phone: str(rest.phone) === "" ? null : str(rest.phone),
    ...(rest.created_at === undefined ? {} : { createdAt: utc(rest.created_at) }),
    ...(rest.updated_at === undefined ? {} : { updatedAt: utc(rest.updated_at) }),
    ...(rest.processed_at === undefined || rest.processed_at === null
      ? {}
      : { processedAt: utc(rest.processed_at) }),
    cancelledAt:
      rest.cancelled_at === undefined || rest.cancelled_at === null ? null : utc(rest.cancelled_at),
    displayFinancialStatus: upper(rest.financial_status) ?? null,
    displayFulfillmentStatus:
      rest.fulfillment_status === null || rest.fulfillment_status === undefined
        ? "UNFULFILLED"
        : (fulfillment[String(rest.fulfillment_status)] ?? upper(rest.fulfillment_status)),
    ...(currency === null ? {} : { currencyCode: currency }),
    ...(amount === null || currency === null
      ? {}
      : { totalPriceSet: { shopMoney: { amount, currencyCode: currency } } }),
    ...(typeof rest.buyer_accepts_marketing === "boolean"
      ? { customerAcceptsMarketing: rest.buyer_accepts_marketing }
      : {}),
    customer:
      c === undefined
        ? null
        : {
            id:
              typeof c.admin_graphql_api_id === "string"
                ? c.admin_graphql_api_id
                : `gid://shopify/Customer/${cid ?? ""}`,
            firstName: str(c.first_name),
            lastName: str(c.last_name),
            defaultEmailAddress: cEmail === null || cEmail === "" ? null : { emailAddress: cEmail },
            defaultPhoneNumber: cPhone === null || cPhone === "" ? null : { phoneNumber: cPhone }
          },
    billingAddress: isObject(rest.billing_address) ? address(rest.billing_address, "order") : null,
    shippingAddress: isObject(rest.shipping_address) ? address(rest.shipping_address, "order") : null
  }
}
