/**
 * Numeric transforms: `int`, `decimal` (exact decimal text, for money) and `number`.
 */
import { Invalid, make } from "../../Transform.ts"
import { kindOf, preview } from "./common.ts"
import * as T from "./types.ts"

const MAX_INPUT = 1000
const INT = /^[+-]?\d+(?:\.0*)?$/
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const LEADING_ZEROS = /^0+(?=\d)/
const ZEROS = /^0*$/

const wrongKind = (code: string, what: string, value: unknown): Invalid =>
  new Invalid(code, `expected ${what} as a number or a string, got ${kindOf(value)} ${preview(value)}`)

export const int = make<undefined>({
  name: "int",
  description:
    'A whole number from a number or a string (`" 20 "` → `20`; `"20.00"` → `20`, a zero ' +
    "fraction is allowed). A fraction, an exponent, thousands separators or a value beyond " +
    "±2^53 are invalid. An empty string gives `null`.",
  input: ["string", "number", "integer"],
  output: (input) => T.orNullIfString(input, T.integer),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value === "number") {
      return Number.isSafeInteger(value)
        ? value + 0
        : new Invalid("InvalidInt", `${preview(value)} is not an integer`)
    }
    if (typeof value !== "string") return wrongKind("InvalidInt", "an integer", value)
    if (value.length <= MAX_INPUT) {
      const t = value.trim()
      if (INT.test(t)) {
        const n = Number(t)
        if (Number.isSafeInteger(n)) return n + 0
      } else if (t.length === 0) return null
    }
    return new Invalid("InvalidInt", `${preview(value)} is not an integer`)
  },
  examples: [
    { input: "20", output: 20 },
    { input: " 20 ", output: 20 },
    { input: "", output: null },
    { input: "20.5", output: { invalid: "InvalidInt" } },
    { input: "twenty", output: { invalid: "InvalidInt" } }
  ]
})

/** A finite number as plain decimal text (no exponent): 1e21 → "1000000000000000000000". */
export const numberText = (n: number): string => {
  const s = String(n)
  const e = s.indexOf("e")
  if (e < 0) return s
  const negative = s.startsWith("-")
  const mantissa = s.slice(negative ? 1 : 0, e)
  const exponent = Number(s.slice(e + 1))
  const point = mantissa.indexOf(".")
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1)
  const at = (point < 0 ? mantissa.length : point) + exponent
  const text =
    at <= 0
      ? `0.${"0".repeat(-at)}${digits}`
      : at >= digits.length
        ? digits + "0".repeat(at - digits.length)
        : `${digits.slice(0, at)}.${digits.slice(at)}`
  return negative ? `-${text}` : text
}

/** Normalised decimal text, or `undefined`: no `+`, no leading zeros, `.5` → `0.5`, no `-0`. */
const decimalText = (t: string): string | undefined => {
  const m = DECIMAL.exec(t)
  if (m === null) return undefined
  const whole = m[2] ?? ""
  const fraction = m[3]
  if (whole.length === 0 && (fraction === undefined || fraction.length === 0)) return undefined
  const w = whole.length === 0 ? "0" : whole.replace(LEADING_ZEROS, "")
  const body = fraction === undefined || fraction.length === 0 ? w : `${w}.${fraction}`
  const zero = ZEROS.test(w) && (fraction === undefined || ZEROS.test(fraction))
  return m[1] === "-" && !zero ? `-${body}` : body
}

export const decimal = make<undefined>({
  name: "decimal",
  description:
    "An exact decimal as text, for money: the digits are kept as the source writes them " +
    '(`"39.00"` stays `"39.00"`), only normalised (no `+`, no leading zeros, `.5` → `0.5`, ' +
    '`-0` → `0`). A number becomes its shortest exact text (`39` → `"39"`). Exponents, ' +
    "thousands separators and decimal commas are invalid. An empty string gives `null`.",
  input: ["string", "number", "integer"],
  output: (input) => T.orNullIfString(input, T.string("decimal")),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? numberText(value + 0)
        : new Invalid("InvalidDecimal", `${preview(value)} is not a finite decimal`)
    }
    if (typeof value !== "string") return wrongKind("InvalidDecimal", "a decimal", value)
    const t = value.trim()
    if (t.length === 0) return null
    return decimalText(t) ?? new Invalid("InvalidDecimal", `${preview(value)} is not a decimal number`)
  },
  examples: [
    { input: "39.00", output: "39.00" },
    { input: 39, output: "39" },
    { input: " +007.50 ", output: "7.50" },
    { input: "1e3", output: { invalid: "InvalidDecimal" } },
    { input: "39,00", output: { invalid: "InvalidDecimal" } }
  ]
})

export const number = make<undefined>({
  name: "number",
  description:
    "A finite number from a number or a string (decimal notation, optionally with an exponent: " +
    '`"1e3"` → `1000`). Hexadecimal, `Infinity`, `NaN` and thousands separators are invalid. ' +
    "Use `decimal` for money. An empty string gives `null`.",
  input: ["string", "number", "integer"],
  output: (input) => T.orNullIfString(input, T.number),
  nulls: "pass",
  onInvalid: "reject",
  compile: () => (value) => {
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? value
        : new Invalid("InvalidNumber", `${preview(value)} is not a finite number`)
    }
    if (typeof value !== "string") return wrongKind("InvalidNumber", "a number", value)
    if (value.length <= MAX_INPUT) {
      const t = value.trim()
      if (NUMBER.test(t)) {
        const n = Number(t)
        if (Number.isFinite(n)) return n
      } else if (t.length === 0) return null
    }
    return new Invalid("InvalidNumber", `${preview(value)} is not a finite number`)
  },
  examples: [
    { input: "4.5", output: 4.5 },
    { input: " -12 ", output: -12 },
    { input: "1e3", output: 1000 },
    { input: "0x10", output: { invalid: "InvalidNumber" } },
    { input: "1e999", output: { invalid: "InvalidNumber" } }
  ]
})
