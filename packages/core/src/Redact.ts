/**
 * Secrets never leave in the clear: the fields a record schema marks `writeOnly` (passwords
 * and their hashes) are replaced by `"<redacted>"` wherever a record is written for people to
 * read, the reject file first of all.
 *
 * @since 0.1.0
 */
import type * as RecordSchema from "./RecordSchema.ts"
import * as ValueType from "./ValueType.ts"

/**
 * What a secret value is replaced with.
 *
 * @since 0.1.0
 * @category constants
 */
export const placeholder = "<redacted>"

/**
 * The dotted paths of the secret fields of a type, list items without an index
 * (`password`, `logins.password`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const secretPaths = (type: ValueType.ValueType): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (t: ValueType.ValueType, prefix: string, depth: number): void => {
    if (depth > 32) return
    switch (t._tag) {
      case "Union":
        for (const m of t.members) walk(m, prefix, depth + 1)
        return
      case "Array":
        walk(t.items, prefix, depth + 1)
        return
      case "Object":
        for (const [k, f] of Object.entries(t.fields)) {
          const path = prefix === "" ? k : `${prefix}.${k}`
          if (f.secret === true) out.push(path)
          else walk(f.type, path, depth + 1)
        }
        return
      default:
        return
    }
  }
  walk(type, "", 0)
  return [...new Set(out)]
}

interface Node {
  readonly secret: boolean
  readonly children: Map<string, Node>
}

const tree = (paths: ReadonlyArray<string>): Node => {
  const root: Node = { secret: false, children: new Map() }
  for (const p of paths) {
    let node = root
    const segments = p.split(".")
    segments.forEach((seg, i) => {
      let next = node.children.get(seg)
      if (next === undefined || (i === segments.length - 1 && !next.secret)) {
        next = { secret: i === segments.length - 1, children: next?.children ?? new Map() }
        node.children.set(seg, next)
      }
      node = next
    })
  }
  return root
}

const apply = (value: unknown, node: Node): unknown => {
  if (Array.isArray(value)) return value.map((item) => apply(item, node))
  if (value === null || typeof value !== "object") return value
  let copy: Record<string, unknown> | undefined
  for (const [key, child] of node.children) {
    if (!Object.hasOwn(value, key)) continue
    const current = (value as Record<string, unknown>)[key]
    const next = child.secret ? (current === undefined ? undefined : placeholder) : apply(current, child)
    if (next !== current) {
      copy ??= { ...(value as Record<string, unknown>) }
      copy[key] = next
    }
  }
  return copy ?? value
}

/**
 * A function that returns a copy of a record with the given secret paths replaced by
 * {@link placeholder} (the input is never mutated; a record without secrets is returned as
 * it is). With no paths it is the identity.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (paths: ReadonlyArray<string>): ((record: unknown) => unknown) => {
  if (paths.length === 0) return (record) => record
  const root = tree(paths)
  return (record) => apply(record, root)
}

/**
 * The redaction for records of a record schema, from its `writeOnly` fields.
 *
 * @since 0.1.0
 * @category constructors
 */
export const forSchema = (schema: RecordSchema.RecordSchema): ((record: unknown) => unknown) =>
  make(secretPaths(ValueType.fromSchema(schema.schema)))
