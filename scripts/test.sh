#!/usr/bin/env bash
# The whole test suite: type-check, lint, generated files, unit and integration tests
# (vitest), and the mapping tests (*.test.yaml) of the connectors, recipes and examples (the
# testkit's example connector runs its own through vitest). Ends with one count line.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
step() { printf '\n── %s\n' "$1" >&2; }

step "type-check (tsc -b)"
pnpm exec tsc -b tsconfig.json || status=1

step "lint and format (biome)"
pnpm exec biome check . || status=1

step "unit and integration tests (vitest)"
report="$(mktemp)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=1
vitest_counts="$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(r.numPassedTests+" "+(r.numFailedTests+(r.numTotalTestSuites>0&&r.success===false&&r.numFailedTests===0?1:0)))' "$report" 2>/dev/null || echo "0 1")"
rm -f "$report"

step "mapping tests (mapwright test)"
mt_out="$(mktemp)"
node packages/cli/src/bin.ts test packages/connector-* mappings examples | tee "$mt_out" || status=1
mt_counts="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$mt_out" | tail -n 1 | awk '{print $1" "$3}')"
rm -f "$mt_out"

read -r vp vf <<<"$vitest_counts"
read -r mp mf <<<"${mt_counts:-0 1}"
printf '\n%s passed, %s failed\n' "$((vp + mp))" "$((vf + mf))"
[ "$((vf + mf))" -eq 0 ] || status=1
exit "$status"
