/**
 * The integration suite's shared parts: the shared set of canonical customers, the test-only
 * `canonical-ndjson` source connector, the round trip's comparison, the emulator set-ups of
 * the seven connectors, and the pipeline and read-back helpers.
 *
 * @since 0.1.0
 */
export * as CanonicalSource from "./CanonicalSource.ts"
export * as Compare from "./compare.ts"
export * as Customers from "./customers.ts"
export * as Harness from "./harness.ts"
export * as Targets from "./targets.ts"
