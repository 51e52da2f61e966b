#!/usr/bin/env bash
# Run on a GPU machine from the repository root, with gpu-bundle/ carried along
# (installer/gpu-bundle.sh makes it): builds gpu_check for sm_90 from core/ alone, then
#   1. compares GPU and CPU outcomes path by path (1e-12 relative), and the sums of the cost lines
#      over the paths, on the bundled example (with its demand), the benchmark portfolio,
#      every-feature.json, demand-uncertain.json, provider-default.json, delivery-delay.json and
#      options.json with its options' two ways (docs/model.md 17.2: hours bought at market);
#   2. times the kernel alone (CUDA events, after a warm-up) and the whole run for 1M, 10M and
#      100M paths x 120 months (in chunks of 25M paths), and the CPU on the same machine up to 10M;
#   3. writes gpu-check.json, the build log (with -Xptxas -v: registers, spills) and the run's log
#      to $OUT (or the folder given, default gpu-check-out/).
# Exit status: gpu_check's (0 agreed, 1 a disagreement, 2 a bad input), or the build's.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${GPU_BUNDLE:-gpu-bundle}
out=${OUT:-${1:-gpu-check-out}}
paths=${GPU_CHECK_PATHS:-100000}
timing_paths=${GPU_CHECK_TIMING_PATHS:-1000000,10000000,100000000}
mkdir -p "$out"
[[ -f $bundle/include/Random123/philox.h ]] || { echo "gpu-check: no bundle at $bundle (installer/gpu-bundle.sh)" >&2; exit 2; }
build=${GPU_CHECK_BUILD:-$bundle/build}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
start=$(date +%s)
{
  cmake -S installer/gpu-check -B "$build" "${generator[@]}" -DGPU_BUNDLE="$PWD/$bundle" \
    -DCMAKE_BUILD_TYPE=Release ${GPU_CHECK_CMAKE_ARGS:-}
  cmake --build "$build" --parallel "$(nproc)" --verbose
} >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log" >&2; exit 3; }
echo "gpu-check: built in $(($(date +%s) - start)) s; registers and spills:"
grep -E "registers|spill" "$out/build.log" | sed 's/^/  /' | head -20 || true
status=0
"$build/gpu_check" --paths "$paths" \
  --inputs example="$bundle/inputs/example.json" \
  --inputs benchmark="$bundle/inputs/benchmark.json" \
  --inputs every-feature="$bundle/inputs/every-feature.json" \
  --inputs demand-uncertain="$bundle/inputs/demand-uncertain.json" \
  --inputs provider-default="$bundle/inputs/provider-default.json" \
  --inputs delivery-delay="$bundle/inputs/delivery-delay.json" \
  --inputs options="$bundle/inputs/options.json" \
  --timing "$bundle/inputs/benchmark.json" --timing-paths "$timing_paths" \
  --out "$out/gpu-check.json" 2>"$out/run.log" || status=$?
cat "$out/run.log" >&2
echo "gpu-check: exit $status after $(($(date +%s) - start)) s; $out/gpu-check.json"
exit $status
