/**
 * What the benchmark runs: an engine maps one parsed source record to `{ value?, issues }`
 * (the shape of Mapwright's `CompiledMapping`), or, for the end-to-end CLI path, runs a whole
 * file itself.
 *
 * @since 0.1.0
 */

/**
 * An issue, in the shape of core's `RecordIssue`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Issue {
  readonly severity: "error" | "warning"
  readonly stage: string
  readonly path: string
  readonly sourcePath?: string
  readonly code: string
  readonly message: string
}

/**
 * `value` is absent exactly when an issue is an error (the record is rejected).
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  readonly value?: unknown
  readonly issues: ReadonlyArray<Issue>
}

/**
 * An engine the shared harness drives record by record.
 *
 * @since 0.1.0
 * @category models
 */
export interface Mapper {
  readonly _tag: "Mapper"
  readonly name: string
  /** The mapping's name, written in reject lines. */
  readonly mapping: string
  readonly map: (record: unknown) => Result | Promise<Result>
}

/**
 * What a file run counted.
 *
 * @since 0.1.0
 * @category models
 */
export interface Counts {
  readonly records: number
  readonly written: number
  readonly rejected: number
  readonly warnings: number
}

/**
 * An engine that runs a whole file with its own I/O (the `mapwright map` command path).
 *
 * @since 0.1.0
 * @category models
 */
export interface Runner {
  readonly _tag: "Runner"
  readonly name: string
  readonly run: (input: string, output: string, rejects: string) => Promise<Counts>
}

/**
 * @since 0.1.0
 * @category models
 */
export type Engine = Mapper | Runner

/**
 * The name of the mapping under test, as reject lines carry it.
 *
 * @since 0.1.0
 * @category constants
 */
export const mappingName = "xml-resultset.customer.to-canonical"

/**
 * Every engine's name, in the order tables list them.
 *
 * @since 0.1.0
 * @category constants
 */
export const names = ["identity", "handwritten", "mapwright", "mapwright-cli", "jsonata"] as const

/**
 * @since 0.1.0
 * @category models
 */
export type Name = (typeof names)[number]

/**
 * @since 0.1.0
 * @category predicates
 */
export const isName = (s: string): s is Name => (names as ReadonlyArray<string>).includes(s)

/**
 * Loads one engine. Each lives in its own module, imported only when asked for, so a worker
 * process holds nothing but the engine it measures.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = async (name: Name): Promise<Engine> => {
  switch (name) {
    case "identity":
      return (await import("./identity.ts")).engine()
    case "handwritten":
      return (await import("./handwritten.ts")).engine()
    case "mapwright":
      return (await import("./mapwright.ts")).engine()
    case "mapwright-cli":
      return (await import("./mapwrightCli.ts")).engine()
    case "jsonata":
      return (await import("./jsonata.ts")).engine()
  }
}
