/**
 * An RFC 8288 `Link` header parser: a small scanner, never a `split(",")`, because commas are
 * legal inside a URL's query string and inside quoted parameter values.
 */

interface Cursor {
  readonly text: string
  i: number
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\r" || c === "\n"

const skipSpace = (cur: Cursor): void => {
  while (cur.i < cur.text.length && isSpace(cur.text[cur.i])) cur.i++
}

/** Skips to just after the next `,` that is outside angle brackets and quotes. */
const skipToNextLink = (cur: Cursor): void => {
  let inQuote = false
  let inUrl = false
  while (cur.i < cur.text.length) {
    const c = cur.text[cur.i]
    if (inQuote) {
      if (c === "\\") cur.i++
      else if (c === '"') inQuote = false
    } else if (inUrl) {
      if (c === ">") inUrl = false
    } else if (c === '"') inQuote = true
    else if (c === "<") inUrl = true
    else if (c === ",") {
      cur.i++
      return
    }
    cur.i++
  }
}

const readQuoted = (cur: Cursor): string => {
  // at the opening quote
  cur.i++
  let out = ""
  while (cur.i < cur.text.length) {
    const c = cur.text[cur.i]!
    if (c === "\\" && cur.i + 1 < cur.text.length) {
      out += cur.text[cur.i + 1]
      cur.i += 2
      continue
    }
    if (c === '"') {
      cur.i++
      return out
    }
    out += c
    cur.i++
  }
  return out
}

const readToken = (cur: Cursor, stops: string): string => {
  const start = cur.i
  while (cur.i < cur.text.length) {
    const c = cur.text[cur.i]!
    if (stops.includes(c) || isSpace(c)) break
    cur.i++
  }
  return cur.text.slice(start, cur.i)
}

interface Link {
  readonly target: string
  readonly params: ReadonlyMap<string, string>
}

/** Reads the parameters after a link's `<target>`, up to and including the `,` ending it. */
const readParams = (cur: Cursor): ReadonlyMap<string, string> => {
  const params = new Map<string, string>()
  for (;;) {
    skipSpace(cur)
    const c = cur.text[cur.i]
    if (c === undefined) return params
    if (c === ",") {
      cur.i++
      return params
    }
    if (c !== ";") {
      // garbage after a parameter: drop the rest of this link
      skipToNextLink(cur)
      return params
    }
    cur.i++
    skipSpace(cur)
    const name = readToken(cur, "=;,").toLowerCase()
    skipSpace(cur)
    let value = ""
    if (cur.text[cur.i] === "=") {
      cur.i++
      skipSpace(cur)
      value = cur.text[cur.i] === '"' ? readQuoted(cur) : readToken(cur, ";,")
    }
    // RFC 8288 3.3: occurrences of a parameter after the first are ignored
    if (name !== "" && !params.has(name)) params.set(name, value)
  }
}

const readLinks = (text: string): ReadonlyArray<Link> => {
  const cur: Cursor = { text, i: 0 }
  const links: Array<Link> = []
  while (cur.i < text.length) {
    skipSpace(cur)
    if (cur.i >= text.length) break
    if (text[cur.i] === ",") {
      cur.i++
      continue
    }
    if (text[cur.i] !== "<") {
      skipToNextLink(cur)
      continue
    }
    const end = text.indexOf(">", cur.i + 1)
    if (end === -1) break
    const target = text.slice(cur.i + 1, end).trim()
    cur.i = end + 1
    links.push({ target, params: readParams(cur) })
  }
  return links
}

const resolve = (target: string, base: string | undefined): string => {
  if (base === undefined) return target
  try {
    return new URL(target, base).href
  } catch {
    return target
  }
}

/**
 * The links of a `Link` header by relation type (lower-cased); a link with `rel="next last"`
 * is found under both. The first link of a relation wins.
 */
export const parse = (value: string | undefined, base?: string): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  if (value === undefined) return out
  for (const link of readLinks(value)) {
    const rel = link.params.get("rel")
    if (rel === undefined) continue
    const url = resolve(link.target, base)
    for (const r of rel.split(/\s+/)) {
      const key = r.toLowerCase()
      if (key !== "" && !out.has(key)) out.set(key, url)
    }
  }
  return out
}
