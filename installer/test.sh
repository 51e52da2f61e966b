#!/usr/bin/env bash
# Builds and runs the whole test suite (CTest, Qt Test executables, offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)"
