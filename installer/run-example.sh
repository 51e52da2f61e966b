#!/usr/bin/env bash
# Runs the main job on the bundled example portfolio: the window when a display is there,
# otherwise the evaluation table on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${BUILD_DIR:-build}/bin/computeledger
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "$app"
fi
exec "$app" evaluate --example
