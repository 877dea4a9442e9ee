#!/usr/bin/env bash
# Check, test and run the example mapping (seed 001's XML ResultSet
# customers to the canonical model).
set -euo pipefail
cd "$(dirname "$0")/.."
mapping=packages/connector-xml-resultset/mappings/customer.to-canonical.yaml
example=examples/xml-resultset-to-canonical
mw() { node packages/cli/src/bin.ts "$@"; }
say() { printf '\n\033[1m▸ %s\033[0m\n$ mapwright %s\n' "$1" "$2"; }

say "type-check the mapping against its source and target schemas" "check $mapping"
mw check "$mapping"

say "run the mapping's tests" "test packages/connector-xml-resultset"
mw test packages/connector-xml-resultset

mkdir -p out
say "map the example customers (NDJSON in, NDJSON out, rejects beside)" \
  "map --mapping $mapping --in $example/customers.ndjson --out out/customers.canonical.ndjson --rejects out/rejects.ndjson"
mw map --mapping "$mapping" --in "$example/customers.ndjson" \
  --out out/customers.canonical.ndjson --rejects out/rejects.ndjson

printf '\nThe first canonical customer (out/customers.canonical.ndjson):\n'
head -n 1 out/customers.canonical.ndjson | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s),null,2)))'
printf '\nWhy records were rejected or kept with warnings (out/rejects.ndjson):\n'
node -e '
const lines = require("fs").readFileSync("out/rejects.ndjson", "utf8").trim().split("\n")
for (const l of lines) {
  const r = JSON.parse(l)
  for (const i of r.issues) console.log(`  line ${r.line} ${r.outcome.padEnd(8)} ${i.severity.padEnd(7)} ${(i.path || "(record)").padEnd(16)} ${i.code}: ${i.message}`)
}'
