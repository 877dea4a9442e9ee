/**
 * Crypted passwords as the emulator writes and checks them. Open2b's own format is not
 * documented beyond `encryptedPassword - string(45)`: the emulator uses 45 characters of
 * base64, a salt character and the SHA-256 of salt and password. osCommerce, ZenCart and
 * CRELoaded store `md5(salt + password):salt`, 32 hex digits, a colon and a 2-character salt.
 */
import { createHash } from "node:crypto"
import type { Application, StoredPassword } from "./model.ts"

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64")

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex")

/** Open2b's crypted form of a password in clear, with a salt chosen by `n`. */
export const open2b = (password: string, n: number): string => {
  const salt = alphabet[Math.abs(n) % alphabet.length] ?? "A"
  return `${salt}${sha256(`${salt}${password}`)}`
}

/** The osCommerce (and ZenCart, CRELoaded) crypted form of a password, with a 2-character salt. */
export const legacy = (password: string, salt: string): string => `${md5(`${salt}${password}`)}:${salt}`

const formats: Readonly<Record<Application, RegExp>> = {
  Open2b: /^[A-Za-z0-9+/]{44}=$/,
  osCommerce: /^[0-9a-f]{32}:[0-9A-Za-z]{2}$/,
  ZenCart: /^[0-9a-f]{32}:[0-9A-Za-z]{2}$/,
  CRELoaded: /^[0-9a-f]{32}:[0-9A-Za-z]{2}$/
}

/** Whether `value` has the form of a password crypted by `by`. */
export const isCrypted = (value: string, by: Application): boolean => formats[by].test(value)

/** Whether `password` (in clear) is the stored one. */
export const verify = (password: string, stored: StoredPassword): boolean => {
  if (stored.by === "Open2b") {
    const salt = stored.hash.slice(0, 1)
    return stored.hash === `${salt}${sha256(`${salt}${password}`)}`
  }
  const salt = stored.hash.slice(33)
  return stored.hash === legacy(password, salt)
}
