/**
 * Keeps credentials out of the URLs and texts that go into error messages: user info and the
 * query parameters whose names look like a secret (`consumer_secret`, `consumer_key`,
 * `api_key`, `access_token`, `password`, `signature`, ...).
 */
import { UrlParams } from "effect/http"

const secretNames: ReadonlyArray<RegExp> = [
  /secret/i,
  /key/i,
  /token/i,
  /passw/i,
  /^pwd$/i,
  /signature/i,
  /^sig$/i,
  /auth/i,
  /session/i,
  /credential/i,
  /^code$/i
]

const secretName = /(secret|key|token|passw|pwd|signature|sig|auth|session|credential)/i

/** The URL with its user info and secret-looking query values replaced. */
export const redactUrl = (url: string): string => UrlParams.redactUrl(url, secretNames)

/**
 * The text with every secret-looking `name=value` query pair and `user:password@` inside it
 * redacted, for messages that quote a platform's own words.
 */
export const redactText = (text: string): string =>
  text
    .replace(/([a-z][a-z\d+.-]*:\/\/)[^/\s@"'<>]*@/gi, "$1REDACTED@")
    .replace(/([?&;]|\b)([\w.[\]-]+)=([^&\s"'<>#]*)/g, (all, sep: string, name: string) =>
      secretName.test(name) ? `${sep}${name}=REDACTED` : all
    )
