/**
 * Checks that connector configs share: whether a string names an IANA time zone, and whether
 * it is an http(s) URL a connector can put an API path behind (no query, fragment or
 * credentials, which would otherwise end up in logs). Use them in config schemas with
 * `Schema.makeFilter`.
 *
 * @since 0.1.0
 */

/**
 * Whether `zone` is an IANA time zone this runtime knows (`Pacific/Auckland`, `UTC`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * Whether `url` is an http(s) URL without query, fragment or credentials.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBaseUrl = (url: string): boolean => {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  return (
    (parsed.protocol === "http:" || parsed.protocol === "https:") &&
    parsed.search === "" &&
    parsed.hash === "" &&
    parsed.username === "" &&
    parsed.password === ""
  )
}
