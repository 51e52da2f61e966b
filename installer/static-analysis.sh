#!/usr/bin/env bash
# Static analysis with zero findings allowed: cppcheck on all of the project's C++ (warning,
# performance and portability checks) and clang-tidy on core/ (the checks in .clang-tidy: bugprone,
# clang-analyzer, performance; the SIMD kernels excepted). Needs build/compile_commands.json (installer/build.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
[[ -f $build_dir/compile_commands.json ]] || { echo "static-analysis: run installer/build.sh first" >&2; exit 1; }

echo "static-analysis: cppcheck"
cppcheck --enable=warning,performance,portability --std=c++20 --language=c++ --library=qt --inline-suppr \
  --suppress=missingIncludeSystem --error-exitcode=1 -q -j "$(nproc)" \
  -I core -I . core data models ui app resources/tools

echo "static-analysis: clang-tidy on core/"
findings=$(mktemp)
trap 'rm -f "$findings"' EXIT
# The SIMD instantiations (core/montecarlo/simd/) are left out: the analyzer cannot follow the
# intrinsics and reports null dereferences inside the compiler's own headers.
find core -name '*.cpp' -not -path 'core/montecarlo/simd/*' | sort | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build_dir" --quiet 2>/dev/null \
  | grep -E "(warning|error):" >"$findings" || true
if [[ -s $findings ]]; then
  cat "$findings" >&2
  echo "static-analysis: $(wc -l <"$findings") clang-tidy findings" >&2
  exit 1
fi
echo "static-analysis: no findings"
