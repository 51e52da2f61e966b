#!/usr/bin/env bash
# The GPU bundle cannot rot: installer/gpu-bundle.sh gathers it, installer/gpu-check/ builds
# gpu_check from it in a clean folder with no Qt anywhere (ldd shows none), and its CPU half runs:
# its mean NPV costs are the app's own for the same paths and seed (so the inputs were read right),
# and without a GPU the report says why the GPU half did not run. With nvcc the CUDA engine is
# compiled for sm_90, as on the GPU machine. Usage: gpu_bundle_test.sh COMPUTELEDGER_BIN
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
COMPUTELEDGER=$app installer/gpu-bundle.sh "$work/bundle"
# No Qt on any path: a clean environment, no prefix path.
env -i PATH=/usr/local/cuda/bin:/usr/bin:/bin HOME="$work" \
  cmake -S installer/gpu-check -B "$work/build" -DGPU_BUNDLE="$work/bundle" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
env -i PATH=/usr/local/cuda/bin:/usr/bin:/bin HOME="$work" cmake --build "$work/build" --parallel "$(nproc)" \
  >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log"; exit 1; }
if ldd "$work/build/gpu_check" | grep -i qt; then
  echo "gpu_check links Qt" >&2
  exit 1
fi
"$work/build/gpu_check" --paths 2000 --seed 7 \
  --inputs example="$work/bundle/inputs/example.json" \
  --inputs benchmark="$work/bundle/inputs/benchmark.json" \
  --inputs every-feature="$work/bundle/inputs/every-feature.json" \
  --inputs demand-uncertain="$work/bundle/inputs/demand-uncertain.json" \
  --inputs provider-default="$work/bundle/inputs/provider-default.json" \
  --inputs options="$work/bundle/inputs/options.json" \
  --out "$work/report.json" 2>"$work/run.log" || { cat "$work/run.log"; exit 1; }
for name in example every-feature demand-uncertain provider-default; do
  file=resources/examples/meta-coreweave.json
  [[ $name == every-feature || $name == demand-uncertain || $name == provider-default ]] &&
    file=tests/data/portfolios/$name.json
  "$app" bench --portfolio "$file" --paths 2000 --seed 7 --device cpu --json >"$work/$name-app.json"
done
# The options' two ways (docs/model.md 17.2): the hours bought at market read as the app runs them.
"$app" bench --portfolio tests/data/portfolios/options.json --option-variants --paths 2000 --seed 7 \
  --device cpu --json >"$work/options-app.json"
"$app" bench --months 120 --paths 2000 --seed 7 --device cpu --json >"$work/benchmark-app.json"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
report = json.load(open(f"{work}/report.json"))
assert report["agreed"] is True, report
if report["gpu"] is None:
    assert report["gpu_reason"], "no GPU and no reason given"
    print("gpu_check: GPU half not run:", report["gpu_reason"])
for c in report["comparisons"]:
    app = json.load(open(f"{work}/{c['inputs']}-app.json"))["simulation"]["alternatives"]
    assert len(app) == len(c["cpu_mean_npv"]), (c["inputs"], len(app))
    for a, mine in zip(app, c["cpu_mean_npv"]):
        theirs = a["npv_cost"]["mean"]
        assert abs(mine - theirs) <= 1e-12 * abs(theirs), (c["inputs"], a["id"], mine, theirs)
    if report["gpu"] is None:
        assert c["gpu"].startswith("not run: "), c
    print(f"gpu_check: {c['inputs']}: CPU means equal the app's for {len(app)} alternatives")
PY
