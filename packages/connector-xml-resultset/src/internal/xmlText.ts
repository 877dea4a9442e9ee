/**
 * Character-level rules of XML 1.0 that fast-xml-parser leaves to its caller: which characters
 * a document may carry, which entities exist without a DTD, and which names are element names.
 *
 * @internal
 */

const isForbiddenUnit = (c: number): boolean =>
  (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff

/**
 * The first character of `text` that XML 1.0 cannot carry, escaped or not (C0 controls but
 * tab, LF and CR; U+FFFE and U+FFFF; lone surrogates), as `U+0001`, or `undefined`.
 */
export const forbiddenChar = (text: string): string | undefined => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let bad = isForbiddenUnit(c)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else bad = true
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true
    if (bad) return `U+${c.toString(16).toUpperCase().padStart(4, "0")}`
  }
  return undefined
}

const allowedCodePoint = (cp: number): boolean =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff)

const predefined: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

/** Thrown by {@link decodeEntities}; the parser turns it into a message. */
export class EntityError extends Error {}

const reference = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][A-Za-z0-9_.-]*);/g

/**
 * Decodes the five predefined entities and numeric character references. Any other entity is
 * undefined in a document without a DTD (and DTDs are refused), so it is an error rather than
 * text left as is.
 */
export const decodeEntities = (text: string): string => {
  if (!text.includes("&")) return text
  return text.replace(reference, (whole, body: string) => {
    if (body.startsWith("#")) {
      const cp = body.startsWith("#x")
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10)
      if (!allowedCodePoint(cp))
        throw new EntityError(`the character reference ${whole} is not a character XML allows`)
      return String.fromCodePoint(cp)
    }
    const value = predefined[body]
    if (value === undefined) {
      throw new EntityError(
        `the entity ${whole} is not defined (only &amp; &lt; &gt; &quot; &apos; and &#...; are)`
      )
    }
    return value
  })
}

/** The entity decoder fast-xml-parser calls for every text and attribute value. */
export const entityDecoder = {
  setExternalEntities: (_entities: Record<string, string>): void => {},
  addInputEntities: (_entities: Record<string, string>): void => {},
  reset: (): void => {},
  setXmlVersion: (_version: number): void => {},
  decode: decodeEntities
}

/** Element and attribute names this codec reads and writes (ASCII XML names, no namespaces). */
export const isName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)

/**
 * Whether the document has a DOCTYPE or ENTITY declaration (outside CDATA sections). DTDs are
 * how entity-expansion attacks ("billion laughs") and external entities get in; this API never
 * sends one, so a body with one is refused before it is parsed.
 */
export const hasDoctype = (text: string): boolean =>
  /<!\s*(DOCTYPE|ENTITY)/i.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""))
