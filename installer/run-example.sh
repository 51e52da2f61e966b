#!/usr/bin/env bash
# Runs the main job on the bundled example portfolio: the window when a display is there, otherwise
# the evaluation table on the terminal and the executive report (PDF, CSV, XLSX) in example-report/.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${BUILD_DIR:-build}/bin/computeledger
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "$app"
fi
"$app" evaluate --example
echo
example=resources/examples/meta-coreweave.json
out=example-report
# The report says what it wrote, where.
"$app" report "$example" --pdf "$out/meta-coreweave.pdf" --csv "$out/csv" --xlsx "$out/meta-coreweave.xlsx" \
  --simulate --paths 100000
