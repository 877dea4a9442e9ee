/**
 * Resource specifications: the path segment after `/API/V3/` that names a resource and the
 * related resources joined into it with `+` (seed 001). `Customer+UserCustomerGroups` embeds a
 * `<UserCustomerGroup>` in each `<Customer>`; parentheses join to the resource before them
 * inside the group, so `Customer+(UserCustomerGroups+UserGroups)` embeds a `<UserGroup>` in
 * each `<UserCustomerGroup>`.
 *
 * Grammar: `spec := Name ("+" join)*`, `join := Name | "(" Name ("+" join)* ")"`. Names are
 * the resources of {@link resources}; each join must be one the parent allows, at most once.
 *
 * @since 0.1.0
 */
import { Result } from "effect"

/**
 * A parsed specification: a resource and the resources joined into it, in the order written.
 *
 * @since 0.1.0
 * @category models
 */
export interface Spec {
  readonly resource: string
  readonly joins: ReadonlyArray<Spec>
}

/**
 * What the connector knows of a resource: the element its records travel in, its key, and the
 * resources that can be joined into it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resource {
  readonly element: string
  readonly key: string
  readonly joins: ReadonlyArray<string>
}

/**
 * The resources of seed 001 and their relations (`Order` is named by the seed but not detailed;
 * it can be joined, and reads as whatever the API puts in its elements).
 *
 * @since 0.1.0
 * @category models
 */
export const resources: Readonly<Record<string, Resource>> = {
  Customer: { element: "Customer", key: "username", joins: ["UserCustomerGroups", "Order"] },
  UserCustomerGroups: { element: "UserCustomerGroup", key: "code", joins: ["UserGroups"] },
  UserGroups: { element: "UserGroup", key: "code", joins: [] },
  Order: { element: "Order", key: "id", joins: [] }
}

/**
 * The element names of every resource: the children that are always arrays in the JSON form.
 *
 * @since 0.1.0
 * @category models
 */
export const elements: ReadonlyArray<string> = Object.values(resources).map((r) => r.element)

/**
 * A specification from its parts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (resource: string, joins: ReadonlyArray<Spec> = []): Spec => ({ resource, joins })

type Token =
  | { readonly _tag: "Name"; readonly text: string; readonly column: number }
  | { readonly _tag: "Plus" | "Open" | "Close"; readonly column: number }

const tokenize = (text: string): Result.Result<ReadonlyArray<Token>, string> => {
  const tokens: Array<Token> = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    const column = i + 1
    if (c === "+") tokens.push({ _tag: "Plus", column })
    else if (c === "(") tokens.push({ _tag: "Open", column })
    else if (c === ")") tokens.push({ _tag: "Close", column })
    else if (/[A-Za-z]/.test(c)) {
      const name = /^[A-Za-z][A-Za-z0-9_]*/.exec(text.slice(i))![0]
      tokens.push({ _tag: "Name", text: name, column })
      i += name.length
      continue
    } else return Result.fail(`unexpected character ${JSON.stringify(c)} at column ${column}`)
    i++
  }
  return Result.succeed(tokens)
}

const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

const unknown = (name: string, column: number): string => {
  const best = Object.keys(resources)
    .map((r) => [r, distance(r.toLowerCase(), name.toLowerCase())] as const)
    .sort((x, y) => x[1] - y[1])[0]
  const hint = best !== undefined && best[1] <= 3 ? ` (did you mean ${best[0]}?)` : ""
  return `unknown resource ${JSON.stringify(name)} at column ${column}${hint}`
}

class Parser {
  readonly tokens: ReadonlyArray<Token>
  readonly end: number
  position = 0
  constructor(tokens: ReadonlyArray<Token>, end: number) {
    this.tokens = tokens
    this.end = end
  }
  peek(): Token | undefined {
    return this.tokens[this.position]
  }
  column(): number {
    return this.peek()?.column ?? this.end
  }
  /** `Name ("+" join)*`, stopping before `)` or the end. */
  chain(): Result.Result<Spec, string> {
    const head = this.peek()
    if (head?._tag !== "Name") {
      return Result.fail(
        head === undefined
          ? `expected a resource name at column ${this.end}, found the end`
          : `expected a resource name at column ${head.column}`
      )
    }
    this.position++
    const resource = resources[head.text]
    if (resource === undefined) return Result.fail(unknown(head.text, head.column))
    const joins: Array<Spec> = []
    while (this.peek()?._tag === "Plus") {
      this.position++
      const column = this.column()
      const join = this.join()
      if (Result.isFailure(join)) return join
      const spec = join.success
      if (!resource.joins.includes(spec.resource)) {
        const allowed = resource.joins.length === 0 ? "nothing" : resource.joins.join(", ")
        return Result.fail(
          `${spec.resource} cannot be joined to ${head.text} (at column ${column}; ${head.text} joins ${allowed})`
        )
      }
      if (joins.some((j) => j.resource === spec.resource)) {
        return Result.fail(`${spec.resource} is joined to ${head.text} twice (at column ${column})`)
      }
      joins.push(spec)
    }
    return Result.succeed({ resource: head.text, joins })
  }
  /** A bare name joins alone; a parenthesized chain joins with its own joins. */
  join(): Result.Result<Spec, string> {
    const token = this.peek()
    if (token?._tag === "Name") {
      this.position++
      return resources[token.text] === undefined
        ? Result.fail(unknown(token.text, token.column))
        : Result.succeed({ resource: token.text, joins: [] })
    }
    if (token?._tag !== "Open") return this.chain()
    this.position++
    const inner = this.chain()
    if (Result.isFailure(inner)) return inner
    const close = this.peek()
    if (close?._tag !== "Close") {
      return Result.fail(`expected ")" at column ${this.column()} to close "(" at column ${token.column}`)
    }
    this.position++
    return inner
  }
}

/**
 * Parses and validates a specification (`Customer+(UserCustomerGroups+UserGroups)`); the
 * failure is one sentence with the column it is about.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (text: string): Result.Result<Spec, string> => {
  if (text.length === 0) return Result.fail("the resource specification is empty")
  const tokens = tokenize(text)
  if (Result.isFailure(tokens)) return Result.fail(tokens.failure)
  const parser = new Parser(tokens.success, text.length + 1)
  if (parser.peek()?._tag === "Open")
    return Result.fail("a resource specification starts with a resource name, not (")
  const spec = parser.chain()
  if (Result.isFailure(spec)) return spec
  const rest = parser.peek()
  if (rest !== undefined) {
    return Result.fail(
      rest._tag === "Close"
        ? `unbalanced ")" at column ${rest.column}`
        : `expected "+" or the end at column ${rest.column}`
    )
  }
  return spec
}

/**
 * Prints a specification in its canonical form: a join that has joins of its own is
 * parenthesized, any other is not (`parse(format(s))` gives `s` back).
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (spec: Spec): string =>
  [spec.resource, ...spec.joins.map((j) => (j.joins.length === 0 ? j.resource : `(${format(j)})`))].join("+")

/**
 * Whether the specification joins `resource` directly into its root.
 *
 * @since 0.1.0
 * @category predicates
 */
export const joins = (spec: Spec, resource: string): boolean =>
  spec.joins.some((j) => j.resource === resource)

/**
 * The join of `resource` into the root, if there is one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const join = (spec: Spec, resource: string): Spec | undefined =>
  spec.joins.find((j) => j.resource === resource)
