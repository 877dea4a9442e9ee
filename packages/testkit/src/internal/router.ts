/** Method + path pattern routing (`/customers/:id`, `/files/*`), most specific match first. */

export interface Compiled<H> {
  readonly key: string
  readonly method: string
  readonly segments: ReadonlyArray<{ readonly kind: "literal" | "param" | "rest"; readonly value: string }>
  readonly handler: H
  readonly order: number
}

export interface Match<H> {
  readonly route: Compiled<H>
  readonly params: Readonly<Record<string, string>>
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

const split = (path: string): ReadonlyArray<string> => path.split("/").filter((s) => s !== "")

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Compiles `"METHOD /path"` keys; throws with a clear message on a bad key. */
export const compile = <H>(routes: Readonly<Record<string, H>>): ReadonlyArray<Compiled<H>> =>
  Object.entries(routes).map(([key, handler], order) => {
    const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(key.trim())
    if (match === null)
      throw new Error(`route "${key}": write it as "METHOD /path", e.g. "GET /customers/:id"`)
    const method = (match[1] ?? "").toUpperCase()
    if (!METHODS.has(method)) throw new Error(`route "${key}": unknown method ${method}`)
    const parts = split(match[2] ?? "/")
    const segments = parts.map((part, i) => {
      if (part === "*") {
        if (i !== parts.length - 1) throw new Error(`route "${key}": "*" must be the last segment`)
        return { kind: "rest" as const, value: "*" }
      }
      if (part.startsWith(":")) {
        if (part.length === 1) throw new Error(`route "${key}": a parameter needs a name (":id")`)
        return { kind: "param" as const, value: part.slice(1) }
      }
      return { kind: "literal" as const, value: part }
    })
    return { key, method, segments, handler, order }
  })

const score = <H>(route: Compiled<H>): number =>
  route.segments.reduce((n, s) => n * 3 + (s.kind === "literal" ? 2 : s.kind === "param" ? 1 : 0), 1)

const matchPath = <H>(
  route: Compiled<H>,
  parts: ReadonlyArray<string>
): Record<string, string> | undefined => {
  const params: Record<string, string> = {}
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!
    if (seg.kind === "rest") {
      params["*"] = parts.slice(i).map(decode).join("/")
      return params
    }
    const part = parts[i]
    if (part === undefined) return undefined
    if (seg.kind === "literal" && seg.value !== decode(part)) return undefined
    if (seg.kind === "param") params[seg.value] = decode(part)
  }
  return parts.length === route.segments.length ? params : undefined
}

/** The best route for a method and raw path; HEAD falls back to GET. */
export const find = <H>(
  routes: ReadonlyArray<Compiled<H>>,
  method: string,
  path: string
): Match<H> | undefined => {
  const parts = split(path)
  const attempt = (m: string): Match<H> | undefined => {
    let best: Match<H> | undefined
    let bestScore = -1
    for (const route of routes) {
      if (route.method !== m) continue
      const params = matchPath(route, parts)
      if (params === undefined) continue
      const s = score(route)
      if (s > bestScore || (s === bestScore && best !== undefined && route.order < best.route.order)) {
        best = { route, params }
        bestScore = s
      }
    }
    return best
  }
  return attempt(method) ?? (method === "HEAD" ? attempt("GET") : undefined)
}
