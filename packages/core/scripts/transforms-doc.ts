/**
 * Generates `docs/reference/transforms.md` from the built-in transforms:
 * `node packages/core/scripts/transforms-doc.ts`. The renderer lives in
 * `src/internal/transforms/doc.ts` so that the type-check and the staleness test cover it.
 */
import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { renderTransformsDoc } from "../src/internal/transforms/doc.ts"

export { renderTransformsDoc }

/** Where the generated reference lives, from the repository root. */
export const docPath = resolve(fileURLToPath(import.meta.url), "../../../../docs/reference/transforms.md")

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(docPath, renderTransformsDoc())
  process.stdout.write(`wrote ${docPath}\n`)
}
