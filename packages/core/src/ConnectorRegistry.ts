/**
 * The connectors a program knows, registered explicitly, and how a pipeline's `connector:`
 * name becomes a connector: a registered connector by its `name`, else a package imported by
 * name (`woocommerce` → `@mapwright/connector-woocommerce`; a scoped or any other package name
 * as written) that exports `connector`.
 *
 * The import goes through an injectable {@link Importer}, so a CLI or an orchestrator decides
 * where packages are found; a package that is missing, or a module without a `connector`,
 * is an error value, never a crash.
 *
 * ```ts
 * const registry = ConnectorRegistry.make([XmlResultset.connector, WooCommerce.connector])
 * ```
 *
 * @since 0.1.0
 */
import { createRequire } from "node:module"
import { isAbsolute } from "node:path"
import { pathToFileURL } from "node:url"
import { Effect } from "effect"
import * as Canonical from "./Canonical.ts"
import type * as Connector from "./Connector.ts"
import * as RecordSchema from "./RecordSchema.ts"

/**
 * Imports a module by its specifier; `from` is the file asking (a pipeline), the base of a
 * resolution that should look in the user's project first.
 *
 * @since 0.1.0
 * @category models
 */
export type Importer = (specifier: string, from: string | undefined) => Promise<unknown>

/**
 * @since 0.1.0
 * @category models
 */
export interface ConnectorRegistry {
  /** The registered connectors, in registration order. */
  readonly connectors: ReadonlyArray<Connector.Connector>
  /** A registered connector by its name. */
  readonly get: (name: string) => Connector.Connector | undefined
  readonly importer: Importer
}

/**
 * Why a name did not resolve: `NotFound` (no registered connector and no package to import),
 * `Invalid` (the module does not export a `connector`), `ImportFailed` (the module threw).
 *
 * @since 0.1.0
 * @category errors
 */
export interface ResolveError {
  readonly _tag: "NotFound" | "Invalid" | "ImportFailed"
  /** The package the name led to. */
  readonly packageName: string
  /** One sentence for people: `cannot find connector package @mapwright/connector-x: install it`. */
  readonly message: string
}

const isModuleNotFound = (error: unknown, specifier: string): boolean => {
  if (typeof error !== "object" || error === null) return false
  const code = (error as { readonly code?: unknown }).code
  const message = (error as { readonly message?: unknown }).message
  if (
    code !== "ERR_MODULE_NOT_FOUND" &&
    code !== "MODULE_NOT_FOUND" &&
    code !== "ERR_PACKAGE_PATH_NOT_EXPORTED"
  )
    return false
  // A package that exists but fails to import one of its own dependencies is not "not found".
  return typeof message === "string" && message.includes(specifier)
}

/**
 * An importer that resolves a package from the directory of `from` (the user's project) when
 * it can, else hands the specifier to `fallback`, which should be a dynamic `import()` written
 * in the module whose dependencies are to be found (a CLI passes its own).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeImporter =
  (fallback: (specifier: string) => Promise<unknown>): Importer =>
  async (specifier, from) => {
    if (from !== undefined && isAbsolute(from)) {
      let resolved: string | undefined
      try {
        resolved = createRequire(from).resolve(specifier)
      } catch {
        resolved = undefined
      }
      if (resolved !== undefined) return import(pathToFileURL(resolved).href)
    }
    return fallback(specifier)
  }

/**
 * The default importer: {@link makeImporter} falling back to a dynamic `import()` from the
 * engine's own dependencies.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultImporter: Importer = makeImporter((specifier) => import(specifier))

/**
 * A registry of the given connectors. Two connectors with the same name are a programming
 * error and throw at start-up.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  connectors: ReadonlyArray<Connector.Connector>,
  options: { readonly importer?: Importer } = {}
): ConnectorRegistry => {
  const byName = new Map<string, Connector.Connector>()
  for (const c of connectors) {
    if (byName.has(c.name)) throw new Error(`connector "${c.name}" is registered twice`)
    byName.set(c.name, c)
  }
  return {
    connectors: [...connectors],
    get: (name) => byName.get(name),
    importer: options.importer ?? defaultImporter
  }
}

/**
 * The packages a pipeline's `connector:` name may be: a scoped name or a path-like name as
 * written; a plain name first as `@mapwright/connector-<name>`, then as written.
 *
 * @since 0.1.0
 * @category combinators
 */
export const packageNames = (name: string): ReadonlyArray<string> =>
  name.startsWith("@") || name.includes("/") ? [name] : [`@mapwright/connector-${name}`, name]

/**
 * Whether a value has the shape of a `Connector.Connector` (what `Connector.define` returns).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isConnector = (u: unknown): u is Connector.Connector => {
  if (typeof u !== "object" || u === null) return false
  const c = u as Record<string, unknown>
  return (
    typeof c.name === "string" &&
    typeof c.streams === "object" &&
    c.streams !== null &&
    typeof c.client === "function" &&
    typeof c.validateConfig === "function"
  )
}

const describe = (error: unknown): string => {
  const message =
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
      ? (error as { message: string }).message
      : String(error)
  const first = message.split("\n")[0] ?? message
  return first.length > 300 ? `${first.slice(0, 300)}…` : first
}

/**
 * The connector a pipeline names. Never fails with a defect: every problem is a
 * {@link ResolveError}.
 *
 * @since 0.1.0
 * @category combinators
 */
export const resolve = (
  registry: ConnectorRegistry,
  name: string,
  from?: string
): Effect.Effect<Connector.Connector, ResolveError> => {
  const registered = registry.get(name)
  if (registered !== undefined) return Effect.succeed(registered)
  const candidates = packageNames(name)
  const first = candidates[0]!
  const attempt = (i: number): Effect.Effect<Connector.Connector, ResolveError> => {
    const specifier = candidates[i]
    if (specifier === undefined) {
      return Effect.fail({
        _tag: "NotFound",
        packageName: first,
        message: `cannot find connector package ${first}: install it`
      })
    }
    return Effect.tryPromise({
      try: () => registry.importer(specifier, from),
      catch: (error) => error
    }).pipe(
      Effect.matchEffect({
        onFailure: (error): Effect.Effect<Connector.Connector, ResolveError> =>
          isModuleNotFound(error, specifier)
            ? attempt(i + 1)
            : Effect.fail({
                _tag: "ImportFailed",
                packageName: specifier,
                message: `cannot load connector package ${specifier}: ${describe(error)}`
              }),
        onSuccess: (module) => {
          const connector =
            typeof module === "object" && module !== null
              ? (module as { readonly connector?: unknown }).connector
              : undefined
          return isConnector(connector)
            ? Effect.succeed(connector)
            : Effect.fail<ResolveError>({
                _tag: "Invalid",
                packageName: specifier,
                message: `${specifier} is not a mapwright connector package: it does not export \`connector\` (made with Connector.define)`
              })
        }
      })
    )
  }
  return attempt(0)
}

/**
 * The schema registry mappings are checked against: the canonical schemas and the record
 * schemas of every registered connector, plus those of `extra` connectors (imported ones).
 *
 * @since 0.1.0
 * @category combinators
 */
export const schemas = (
  registry: ConnectorRegistry,
  extra: ReadonlyArray<Connector.Connector> = []
): RecordSchema.SchemaRegistry => {
  const seen = new Set<Connector.Connector>()
  const names = new Set<string>()
  const out: Array<RecordSchema.RecordSchema> = [...Canonical.schemas]
  for (const c of [...registry.connectors, ...extra]) {
    if (seen.has(c)) continue
    seen.add(c)
    for (const stream of Object.values(c.streams)) {
      if (names.has(stream.record.name)) continue
      names.add(stream.record.name)
      out.push(stream.record)
    }
  }
  return RecordSchema.registry(out)
}
