/**
 * Writes every generated JSON Schema file (see `schemas.ts`).
 *
 *   node packages/core/scripts/generate-schemas.ts           write the files
 *   node packages/core/scripts/generate-schemas.ts --check   exit 1 when a committed file is stale
 *
 * @since 0.1.0
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { generatedSchemas, render } from "./schemas.ts"

const packageRoot = join(import.meta.dirname, "..")
const check = process.argv.includes("--check")

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return ""
  }
}

let stale = 0
for (const entry of generatedSchemas) {
  const path = join(packageRoot, entry.file)
  const text = render(entry.generate())
  const same = readOrEmpty(path) === text
  if (check) {
    if (!same) {
      stale++
      process.stderr.write(`stale generated file: packages/core/${entry.file}: run pnpm generate\n`)
    }
  } else if (!same) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    process.stdout.write(`wrote packages/core/${entry.file}\n`)
  } else {
    process.stdout.write(`unchanged packages/core/${entry.file}\n`)
  }
}
if (stale > 0) process.exitCode = 1
