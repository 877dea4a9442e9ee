/**
 * @since 0.1.0
 */
export * as Auth from "./Auth.ts"
export * as Collection from "./Collection.ts"
export * as ContractSuite from "./ContractSuite.ts"
export * as Emulator from "./Emulator.ts"
export * as Faults from "./Faults.ts"
export * as Page from "./Page.ts"
export * as Respond from "./Respond.ts"
export * as Seeded from "./Seeded.ts"
