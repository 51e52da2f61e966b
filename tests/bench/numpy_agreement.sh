#!/bin/sh
# The engine against tests/bench/numpy_model.py, an independent numpy implementation of MODEL.md 6,
# run on the same compiled inputs with MODEL.md 6.1's pinned random numbers: every statistic of the
# run (NPV and LCOC moments and percentiles, the yearly cumulative fan, default shares, pairwise
# probabilities) must agree to 1e-9 relative. Usage: numpy_agreement.sh COMPUTELEDGER SCRIPT WORKDIR
set -eu
app=$1
script=$2
work=$3
shift 3
python=""
for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import numpy" 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "SKIP: no python3 with numpy here (installer/install-deps.sh installs python3-numpy)"
    exit 77
fi
mkdir -p "$work"
# 120 months: ten whole years, a fleet resold at the end; 37: the last year a single month. 4,099
# paths: not a multiple of the lanes, so the padded last group is checked too.
for months in 120 37; do
    # The CPU backend (the GPU has its own comparison with the CPU, path by path).
    "$app" bench --paths 4099 --months "$months" --seed 11 --device cpu --json \
        --write-inputs "$work/inputs-$months.json" \
        >"$work/engine-$months.json"
    "$python" "$script" --inputs "$work/inputs-$months.json" --paths 4099 --seed 11 --rng philox \
        --compare "$work/engine-$months.json"
done
# Portfolio files too (a demand's rules, MODEL.md 8, with its uncertainty on Z2).
n=0
for portfolio in "$@"; do
    n=$((n + 1))
    "$app" bench --portfolio "$portfolio" --paths 4099 --seed 11 --device cpu --json \
        --write-inputs "$work/inputs-file-$n.json" >"$work/engine-file-$n.json"
    "$python" "$script" --inputs "$work/inputs-file-$n.json" --paths 4099 --seed 11 --rng philox \
        --compare "$work/engine-file-$n.json"
done
