/**
 * Generates `docs/reference/connectors.md` from the installed connectors' declarations:
 * `node packages/cli/scripts/connectors-doc.ts` (part of `pnpm generate`). The renderer lives in
 * `src/internal/connectorsDoc.ts` so that the type-check and the staleness test cover it.
 */
import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import * as Installed from "../src/Installed.ts"
import { render } from "../src/internal/connectorsDoc.ts"

/** Where the generated reference lives, from the repository root. */
export const docPath = resolve(fileURLToPath(import.meta.url), "../../../../docs/reference/connectors.md")

/** The page for the installed connectors. */
export const renderConnectorsDoc = (): string => render(Installed.connectors.map((c) => c.connector))

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(docPath, renderConnectorsDoc())
  process.stdout.write(`wrote ${docPath}\n`)
}
