/**
 * `${env:NAME}` and `${file:path}` references in a pipeline's connector configs, and the
 * scrubber that keeps the values they bring in out of every text that leaves the runtime.
 *
 * A string may hold several references and text around them (`"Bearer ${env:TOKEN}"`);
 * `$${` writes a literal `${`. A file's content loses one trailing newline. Every value a
 * reference brings in is a secret.
 *
 * @internal
 */
import { placeholder } from "../../Redact.ts"

/** One reference found in a config. */
export interface Reference {
  readonly kind: "env" | "file"
  readonly name: string
  /** The YAML path (relative to the config) of the string holding it. */
  readonly path: ReadonlyArray<string | number>
}

/** A problem with a reference, at the path of its string. */
export interface Problem {
  readonly path: ReadonlyArray<string | number>
  readonly code: "MissingEnv" | "UnreadableSecretFile" | "InvalidReference"
  readonly message: string
}

const pattern = /\$\$\{|\$\{([^}]*)\}/g
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/

const isRecord = (u: unknown): u is { readonly [k: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

type Parsed = { readonly kind: "env" | "file"; readonly name: string } | { readonly invalid: string }

const parseRef = (inner: string): Parsed => {
  const colon = inner.indexOf(":")
  const kind = colon === -1 ? "" : inner.slice(0, colon).trim()
  const name = colon === -1 ? "" : inner.slice(colon + 1).trim()
  if (kind === "env") {
    return envName.test(name)
      ? { kind, name }
      : { invalid: `${JSON.stringify(name)} is not an environment variable name` }
  }
  if (kind === "file") return name === "" ? { invalid: `\`\${file:…}\` needs a path` } : { kind, name }
  return {
    invalid: `a reference is \`\${env:NAME}\` or \`\${file:path}\` (write \`$\${\` for a literal \`\${\`)`
  }
}

const walk = (
  value: unknown,
  path: Array<string | number>,
  visit: (s: string, path: ReadonlyArray<string | number>) => unknown
): unknown => {
  if (typeof value === "string") return visit(value, path)
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      path.push(i)
      const out = walk(v, path, visit)
      path.pop()
      return out
    })
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      path.push(k)
      const next = walk(v, path, visit)
      path.pop()
      if (k === "__proto__")
        Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true })
      else out[k] = next
    }
    return out
  }
  return value
}

/** Every `${file:…}` path a config refers to (as written). */
export const fileReferences = (config: unknown): ReadonlyArray<string> => {
  const out = new Set<string>()
  walk(config, [], (s) => {
    for (const m of s.matchAll(pattern)) {
      if (m[1] === undefined) continue
      const p = parseRef(m[1])
      if ("kind" in p && p.kind === "file") out.add(p.name)
    }
    return s
  })
  return [...out]
}

/** What substituting a config gives. */
export interface Substituted {
  readonly value: unknown
  readonly secrets: ReadonlyArray<string>
  readonly problems: ReadonlyArray<Problem>
}

/**
 * Replaces the references of a config. `files` holds the content (or the read error) of each
 * path {@link fileReferences} returned.
 */
export const substitute = (
  config: unknown,
  env: { readonly [name: string]: string | undefined },
  files: ReadonlyMap<string, { readonly text: string } | { readonly error: string }>
): Substituted => {
  const secrets: Array<string> = []
  const problems: Array<Problem> = []
  const value = walk(config, [], (s, path) => {
    if (!s.includes("${")) return s
    return s.replace(pattern, (whole, inner: string | undefined) => {
      if (inner === undefined) return "${"
      const p = parseRef(inner)
      if ("invalid" in p) {
        problems.push({ path: [...path], code: "InvalidReference", message: p.invalid })
        return whole
      }
      if (p.kind === "env") {
        const v = env[p.name]
        if (v === undefined) {
          problems.push({
            path: [...path],
            code: "MissingEnv",
            message: `the environment variable ${p.name} is not set`
          })
          return ""
        }
        if (v !== "") secrets.push(v)
        return v
      }
      const f = files.get(p.name)
      if (f === undefined || "error" in f) {
        problems.push({
          path: [...path],
          code: "UnreadableSecretFile",
          message: `cannot read the secret file ${JSON.stringify(p.name)}: ${f === undefined ? "not read" : f.error}`
        })
        return ""
      }
      const text = f.text.endsWith("\r\n")
        ? f.text.slice(0, -2)
        : f.text.endsWith("\n")
          ? f.text.slice(0, -1)
          : f.text
      if (text !== "") secrets.push(text)
      return text
    })
  })
  return { value, secrets, problems }
}

/**
 * Replaces every occurrence of a secret (as is, and as it appears inside a JSON string) by
 * `<redacted>`. The one function every text leaving the runtime goes through.
 */
export type Scrub = (text: string) => string

/** A scrubber for the given secrets (the identity when there are none). */
export const scrubber = (secrets: Iterable<string>): Scrub => {
  const forms = new Set<string>()
  for (const s of secrets) {
    if (s === "") continue
    forms.add(s)
    const json = JSON.stringify(s).slice(1, -1)
    if (json !== s) forms.add(json)
  }
  if (forms.size === 0) return (text) => text
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(placeholder)
    return out
  }
}
