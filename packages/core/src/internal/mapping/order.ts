/**
 * The order the top-level target fields are computed in, for `same`.
 *
 * @internal
 */
import type * as Ast from "./ast.ts"
import type * as P from "./plan.ts"

/**
 * The order to compute top-level fields in: the schema's order, except that a `same` target
 * comes before the fields that use it. Cycles are reported (once each) and broken.
 */
export const orderFields = (
  fields: ReadonlyArray<P.FieldPlan>,
  edges: ReadonlyArray<{ readonly from: string; readonly to: string; readonly loc: Ast.Loc }>,
  onCycle: (edge: { readonly loc: Ast.Loc }, cycle: ReadonlyArray<string>) => void
): ReadonlyArray<number> => {
  const index = new Map(fields.map((f, i) => [f.key, i]))
  const order: Array<number> = []
  const done = new Set<string>()
  const active: Array<string> = []
  const reported = new Set<string>()
  const visit = (key: string): void => {
    if (done.has(key)) return
    const at = active.indexOf(key)
    if (at >= 0) {
      const cycle = [...active.slice(at), key]
      const id = [...cycle].sort().join(",")
      if (!reported.has(id)) {
        reported.add(id)
        const edge = edges.find((e) => e.from === active[active.length - 1] && e.to === key)
        if (edge !== undefined) onCycle(edge, cycle)
      }
      return
    }
    active.push(key)
    for (const e of edges) if (e.from === key) visit(e.to)
    active.pop()
    done.add(key)
    const i = index.get(key)
    if (i !== undefined) order.push(i)
  }
  for (const f of fields) visit(f.key)
  return order
}
