#!/usr/bin/env bash
# The main job: the XML ResultSet and WooCommerce emulators on loopback, the example pipeline
# between them run twice (the second run creates nothing), then the example mapping checked,
# tested and run over NDJSON.
set -euo pipefail
cd "$(dirname "$0")/.."
node examples/demo.ts
bash examples/map-demo.sh
