/**
 * The emulator's `/V1/customerGroups` routes: search, get and create (`POST
 * /V1/customerGroups` with `{group: {code, tax_class_id}}`).
 */
import type { Collection, Emulator } from "@mapwright/testkit"
import { Respond } from "@mapwright/testkit"
import { snakeKeys } from "../json.ts"
import * as Criteria from "./criteria.ts"
import * as Errors from "./errors.ts"
import { type GroupRow, groupSearch, type Json, renderGroup } from "./model.ts"

export interface Store {
  readonly groups: Collection.Collection<GroupRow, "id">
  readonly maxPageSize: number
}

/** The customer tax classes of a standard install. */
const customerTaxClasses = new Set([3])

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

export const search = (store: Store) => (request: Emulator.Request) => {
  if (!Criteria.present(request)) return Errors.respond(Errors.required("searchCriteria"))
  const criteria = Criteria.parse(request, store.maxPageSize)
  const result = Criteria.apply(store.groups.list(), criteria, groupSearch)
  return Respond.json({
    items: result.items.map(renderGroup),
    search_criteria: result.echo,
    total_count: result.totalCount
  })
}

export const get = (store: Store) => (request: Emulator.Request) => {
  const id = request.params.id
  const row = id !== undefined && /^\d+$/.test(id) ? store.groups.get(id) : undefined
  return row === undefined ? Errors.respond(Errors.noSuchEntity("id", id)) : Respond.json(renderGroup(row))
}

export const create = (store: Store) => (request: Emulator.Request) => {
  const body = request.json()
  if (!isObject(body) || !isObject(body.group)) return Errors.respond(Errors.required("group"))
  const group = snakeKeys(body.group) as Json
  for (const key of Object.keys(group)) {
    if (!["id", "code", "tax_class_id", "tax_class_name", "extension_attributes"].includes(key)) {
      return Errors.respond(Errors.noAccessor(key, "Magento\\Customer\\Api\\Data\\GroupInterface"))
    }
  }
  const code = typeof group.code === "string" ? group.code.trim() : ""
  const missing = [
    ...(code === "" ? ["code"] : []),
    ...(group.tax_class_id === undefined ? ["taxClassId"] : [])
  ]
  if (missing.length > 0) return Errors.respond(Errors.requiredAll(missing))
  if (code.length > 32) return Errors.respond(Errors.tooLong("code", 32))
  if (typeof group.tax_class_id !== "number" || !customerTaxClasses.has(group.tax_class_id)) {
    return Errors.respond(Errors.invalidValue("taxClassId", group.tax_class_id))
  }
  if (store.groups.find((g) => g.code.toLowerCase() === code.toLowerCase()).length > 0) {
    return Errors.respond(Errors.groupExists)
  }
  const row = store.groups.insert({ code, tax_class_id: group.tax_class_id })
  return Respond.json(renderGroup(row))
}
