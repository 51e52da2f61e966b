#!/usr/bin/env bash
# Gathers what a bare CUDA machine lacks to build and run gpu_check (installer/gpu-check.sh) into one
# folder (default gpu-bundle/, ignored by git; under 64 MiB, the most the device tool carries):
#   include/Random123, include/nlohmann   the header-only libraries the kernel and the reader use
#   inputs/*.json                          compiled inputs the app writes (bench --write-inputs):
#                                          the bundled example (with its demand), the benchmark
#                                          portfolio (120 months), tests/data/portfolios/every-feature.json
#                                          demand-uncertain.json (a demand with its uncertainty) and
#                                          provider-default.json (a provider's default on a chosen day)
#                                          delivery-delay.json (a fleet's uncertain capex and delivery)
#                                          options.json with its options' two ways (docs/model.md 17.2)
# Needs build/bin/computeledger (installer/build.sh). Usage: installer/gpu-bundle.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-gpu-bundle}
app=${COMPUTELEDGER:-build/bin/computeledger}
[[ -x $app ]] || { echo "gpu-bundle: $app is missing; run installer/build.sh first" >&2; exit 1; }
for h in /usr/include/Random123/philox.h /usr/include/nlohmann/json.hpp; do
  [[ -f $h ]] || { echo "gpu-bundle: $h is missing; run installer/install-deps.sh" >&2; exit 1; }
done
rm -rf "$dir/include" "$dir/inputs"
mkdir -p "$dir/include" "$dir/inputs"
cp -r /usr/include/Random123 /usr/include/nlohmann "$dir/include/"
write() { # name, then bench arguments
  local name=$1
  shift
  "$app" bench --paths 32 --device cpu --write-inputs "$dir/inputs/$name.json" "$@" >/dev/null
}
write example --portfolio resources/examples/meta-coreweave.json
write benchmark --months 120
write every-feature --portfolio tests/data/portfolios/every-feature.json
write demand-uncertain --portfolio tests/data/portfolios/demand-uncertain.json
write provider-default --portfolio tests/data/portfolios/provider-default.json
write delivery-delay --portfolio tests/data/portfolios/delivery-delay.json
write options --portfolio tests/data/portfolios/options.json --option-variants
bytes=$(du -sb "$dir" | cut -f1)
if ((bytes > 64 * 1024 * 1024)); then
  echo "gpu-bundle: $dir holds $bytes bytes, more than the 64 MiB the device tool carries" >&2
  exit 1
fi
echo "gpu-bundle: $dir ($((bytes / 1024)) KiB): $(ls "$dir/inputs" | tr '\n' ' ')"
