#!/usr/bin/env bash
# Configures (once) and builds ComputeLedger in build/ with Ninja and ccache. The CUDA backend is
# compiled whenever nvcc is found at /usr/local/cuda/bin or on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@"
fi
cmake --build "$build_dir" --parallel "$(nproc)"
