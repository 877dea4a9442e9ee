/**
 * The floor: no mapping at all. The harness still parses every line and stringifies the
 * record back, so this engine measures JSON.parse + JSON.stringify + I/O alone.
 *
 * @since 0.1.0
 */
import { type Mapper, mappingName, type Result } from "./Engine.ts"

const none: ReadonlyArray<never> = Object.freeze([])

/**
 * @since 0.1.0
 * @category constructors
 */
export const engine = (): Mapper => ({
  _tag: "Mapper",
  name: "identity",
  mapping: mappingName,
  map: (record): Result => ({ value: record, issues: none })
})
