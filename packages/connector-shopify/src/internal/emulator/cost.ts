/**
 * The emulator's calculated query cost and its leaky bucket, after Shopify's rules:
 *
 * - a scalar or enum field costs 0; an object field 1 plus its selection; a list of objects
 *   without `first` likewise (one object); a list with `first: n`, n times one object;
 * - a connection (a type named `...Connection`) costs 2 plus `first` (or `last`) times one node
 *   with its selection; its actual cost counts the nodes it returned instead;
 * - each field of a mutation costs 10.
 *
 * The bucket holds `maximumAvailable` points and refills at `restoreRate` points a second. A
 * query is charged its requested cost first and refunded the difference to its actual cost. A
 * query that costs more than the bucket holds is refused with `THROTTLED` (and not charged);
 * one that costs more than `singleQueryMax` with `MAX_COST_EXCEEDED`.
 */
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode
} from "graphql"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const literalValue = (node: ValueNode | undefined, variables: Json): unknown => {
  if (node === undefined) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  return undefined
}

const argument = (field: FieldNode, name: string, variables: Json): number | undefined => {
  const arg = field.arguments?.find((a) => a.name.value === name)
  const v = literalValue(arg?.value, variables)
  return typeof v === "number" && Number.isInteger(v) ? v : undefined
}

/** The fields of a selection set, fragments spread. */
const fieldsOf = (
  selection: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, SelectionSetNode>,
  depth = 0
): ReadonlyArray<FieldNode> => {
  if (selection === undefined || depth > 20) return []
  return selection.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s]
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, fragments, depth + 1)
    const fragment = fragments.get(s.name.value)
    return fragment === undefined ? [] : fieldsOf(fragment, fragments, depth + 1)
  })
}

interface Walk {
  readonly schema: GraphQLSchema
  readonly fragments: ReadonlyMap<string, SelectionSetNode>
  readonly variables: Json
}

const selectionCost = (
  walk: Walk,
  type: GraphQLObjectType,
  selection: SelectionSetNode | undefined,
  data: unknown
): number =>
  fieldsOf(selection, walk.fragments).reduce((sum, field) => {
    const name = field.name.value
    if (name.startsWith("__")) return sum
    const def = type.getFields()[name]
    if (def === undefined) return sum
    const named = getNamedType(def.type)
    if (isLeafType(named) || !isObjectType(named)) return sum
    const value = isObject(data) ? data[field.alias?.value ?? name] : undefined
    if (named.name.endsWith("Connection")) {
      const requested =
        argument(field, "first", walk.variables) ?? argument(field, "last", walk.variables) ?? 0
      const nodes = isObject(value)
        ? Array.isArray(value.nodes)
          ? value.nodes.length
          : Array.isArray(value.edges)
            ? value.edges.length
            : undefined
        : undefined
      const count = data === undefined ? requested : (nodes ?? 0)
      const nodeField = named.getFields().nodes
      const nodeType = nodeField === undefined ? undefined : getNamedType(nodeField.type)
      const inner = fieldsOf(field.selectionSet, walk.fragments)
      const nodesSelection = inner.find((f) => f.name.value === "nodes")?.selectionSet
      const edgeSelection = fieldsOf(
        inner.find((f) => f.name.value === "edges")?.selectionSet,
        walk.fragments
      ).find((f) => f.name.value === "node")?.selectionSet
      const one =
        nodeType !== undefined && isObjectType(nodeType)
          ? 1 +
            Math.max(
              selectionCost(walk, nodeType, nodesSelection, undefined),
              selectionCost(walk, nodeType, edgeSelection, undefined)
            )
          : 1
      return sum + 2 + count * one
    }
    const list = isListType(isNonNullType(def.type) ? def.type.ofType : def.type)
    const first = list ? argument(field, "first", walk.variables) : undefined
    const one = 1 + selectionCost(walk, named, field.selectionSet, Array.isArray(value) ? value[0] : value)
    return sum + (first === undefined ? one : first * one)
  }, 0)

/**
 * The cost of the operation of a document: requested (without `data`), or actual (with the
 * answer's `data`).
 */
export const costOf = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Json,
  data?: unknown
): number => {
  const fragments = new Map<string, SelectionSetNode>()
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet)
  }
  if (operation.operation === "mutation") {
    return (
      fieldsOf(operation.selectionSet, fragments).filter((f) => !f.name.value.startsWith("__")).length * 10
    )
  }
  const root = schema.getQueryType()
  if (root === null || root === undefined) return 0
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, data)
}

export interface Bucket {
  readonly maximumAvailable: number
  readonly restoreRate: number
  readonly singleQueryMax: number
  /** Refills by the time elapsed and returns the points available now. */
  readonly available: () => number
  /** Takes points (may go below zero only by a refund's rounding; never in practice). */
  readonly take: (points: number) => void
  readonly give: (points: number) => void
}

export const bucket = (options: {
  readonly maximumAvailable: number
  readonly restoreRate: number
  readonly singleQueryMax: number
  readonly now: () => number
}): Bucket => {
  let points = options.maximumAvailable
  let at = options.now()
  const refill = () => {
    const now = options.now()
    points = Math.min(options.maximumAvailable, points + ((now - at) / 1000) * options.restoreRate)
    at = now
    return points
  }
  return {
    maximumAvailable: options.maximumAvailable,
    restoreRate: options.restoreRate,
    singleQueryMax: options.singleQueryMax,
    available: refill,
    take: (n) => {
      refill()
      points -= n
    },
    give: (n) => {
      refill()
      points = Math.min(options.maximumAvailable, points + n)
    }
  }
}
