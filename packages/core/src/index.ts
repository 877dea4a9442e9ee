/**
 * @since 0.1.0
 */
export * as Canonical from "./Canonical.ts"
export * as Mapping from "./Mapping.ts"
export * as MappingSpec from "./MappingSpec.ts"
export * as MappingTest from "./MappingTest.ts"
export * as NdjsonMap from "./NdjsonMap.ts"
export * as RecordIssue from "./RecordIssue.ts"
export * as RecordSchema from "./RecordSchema.ts"
export * as Redact from "./Redact.ts"
export * as SpecError from "./SpecError.ts"
export * as Transform from "./Transform.ts"
export * as Transforms from "./Transforms.ts"
export * as Validator from "./Validator.ts"
export * as ValueType from "./ValueType.ts"
