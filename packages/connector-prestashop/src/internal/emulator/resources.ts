/**
 * The emulator's routes for one resource: list (with `display`, filters, sort, limit, the
 * schemas), get, and, for writable resources, POST, PUT and DELETE.
 */
import type * as Collection from "@mapwright/testkit/Collection"
import type * as Emulator from "@mapwright/testkit/Emulator"
import * as Respond from "@mapwright/testkit/Respond"
import type { ResourceDef } from "./model.ts"
import * as Query from "./query.ts"
import * as Render from "./render.ts"
import * as Write from "./write.ts"

export interface Store {
  readonly tables: Readonly<Record<string, Collection.Collection<Record<string, unknown>>>>
  readonly languages: ReadonlyArray<string>
  readonly validationStatus: number
  readonly now: () => string
  readonly nextKey: () => string
  /** Per resource, the synopsis fields served so that they break the record schema. */
  readonly malformedSynopsis: Readonly<Record<string, ReadonlyArray<number>>>
}

/** The output format a request asks for: headers first, then the query, XML by default. */
export const formatOf = (request: Emulator.Request): Render.Format => {
  const asked =
    request.headers["io-format"] ??
    request.headers["output-format"] ??
    request.query.output_format ??
    request.query.io_format ??
    "XML"
  return asked.toUpperCase() === "JSON" ? "json" : "xml"
}

const contextOf = (request: Emulator.Request): Render.Context => ({
  api: `${request.url.origin}/api`,
  format: formatOf(request)
})

const writeContext = (store: Store, request: Emulator.Request): Write.WriteContext => ({
  format: formatOf(request),
  validationStatus: store.validationStatus,
  languages: store.languages,
  now: store.now
})

const table = (store: Store, def: ResourceDef) => store.tables[def.name]!

const notAllowed = (request: Emulator.Request, def: ResourceDef) =>
  Render.errors(formatOf(request), 405, [
    {
      code: 25,
      message: `Method ${request.method} is not allowed for the resource ${def.name} with this authentication key`
    }
  ])

export const list = (store: Store, def: ResourceDef) => (request: Emulator.Request) => {
  const ctx = contextOf(request)
  const schema = request.query.schema
  if (schema !== undefined) {
    if (schema !== "blank" && schema !== "synopsis") {
      return Render.errors(ctx.format, 400, [
        {
          code: 28,
          message:
            "Please select a schema of type 'synopsis' to get the whole schema informations (which fields are required, which kind of content...) or 'blank' to get an empty schema to fill before using POST request"
        }
      ])
    }
    return Render.schema(ctx, def, schema, store.languages, store.malformedSynopsis[def.name] ?? [])
  }
  const query = Query.apply(request, def, table(store, def).list(), ctx.format, store.languages[0] ?? "1")
  return Render.list(ctx, def, query.rows, query.display)
}

export const get = (store: Store, def: ResourceDef) => (request: Emulator.Request) => {
  const ctx = contextOf(request)
  const id = request.params.id ?? ""
  const row = /^\d+$/.test(id) ? table(store, def).get(id) : undefined
  // PrestaShop answers an unknown id with 404 and no body
  if (row === undefined) return Respond.status(404)
  return Render.one(ctx, def, row)
}

const customerEmailUsed = (store: Store, email: string, except: number | undefined): boolean =>
  table(store, { name: "customers" } as ResourceDef).find(
    (r) =>
      r.id !== except && r.is_guest !== "1" && String(r.email).toLowerCase() === email.trim().toLowerCase()
  ).length > 0

export const create = (store: Store, def: ResourceDef) => (request: Emulator.Request) => {
  if (!def.writable) return notAllowed(request, def)
  const ctx = writeContext(store, request)
  const body = Write.bodyRecord(ctx, def, request.text)
  if (typeof body.id === "string" && body.id !== "") {
    return Render.errors(ctx.format, 400, [
      { code: 91, message: "id is forbidden when adding a new resource" }
    ])
  }
  const row = Write.rowOf(ctx, def, body, undefined)
  if (def.name === "customers" && customerEmailUsed(store, String(row.email), undefined)) {
    return Render.errors(ctx.format, 500, [
      { code: 140, message: "The email is already used, please choose another one" },
      { code: 46, message: "Unable to save resource" }
    ])
  }
  const stored = table(store, def).insert(Write.saved(ctx, def, row, undefined, store.nextKey()))
  return Render.one(contextOf(request), def, stored, 201)
}

export const update = (store: Store, def: ResourceDef) => (request: Emulator.Request) => {
  if (!def.writable) return notAllowed(request, def)
  const ctx = writeContext(store, request)
  const body = Write.bodyRecord(ctx, def, request.text)
  const id = typeof body.id === "string" ? body.id : ""
  if (id === "")
    return Render.errors(ctx.format, 400, [{ code: 90, message: "id is required when modifying a resource" }])
  const current = /^\d+$/.test(id) ? table(store, def).get(id) : undefined
  if (current === undefined) return Render.errors(ctx.format, 404, [{ code: 92, message: "Invalid ID" }])
  const row = Write.rowOf(ctx, def, body, current)
  if (
    def.name === "customers" &&
    customerEmailUsed(store, String(row.email), current.id) &&
    row.is_guest !== "1"
  ) {
    return Render.errors(ctx.format, 500, [
      { code: 141, message: "The email is already used, please choose another one" },
      { code: 46, message: "Unable to save resource" }
    ])
  }
  const stored = table(store, def).replace(current.id, Write.saved(ctx, def, row, current, store.nextKey()))
  return Render.one(contextOf(request), def, stored ?? current)
}

export const remove = (store: Store, def: ResourceDef) => (request: Emulator.Request) => {
  if (!def.writable) return notAllowed(request, def)
  const id = request.params.id ?? ""
  const removed = /^\d+$/.test(id) ? table(store, def).delete(id) : undefined
  if (removed === undefined) {
    return Render.errors(formatOf(request), 404, [{ code: 87, message: `Id(s) not exists: ${id}` }])
  }
  return Respond.status(200)
}

export const routes = (store: Store, def: ResourceDef): Emulator.Routes => ({
  [`GET /api/${def.name}`]: list(store, def),
  [`GET /api/${def.name}/:id`]: get(store, def),
  [`HEAD /api/${def.name}`]: list(store, def),
  [`POST /api/${def.name}`]: create(store, def),
  [`PUT /api/${def.name}`]: update(store, def),
  [`PUT /api/${def.name}/:id`]: update(store, def),
  [`DELETE /api/${def.name}/:id`]: remove(store, def)
})
