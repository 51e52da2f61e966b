#!/usr/bin/env bash
# libFuzzer over the five input parsers (docs/reliability.md, "Fuzzing"): a clang build with ASan and
# UBSan in build-fuzz/, then each target from its committed seed corpus (tests/fuzz/corpus/<target>)
# plus the inputs it failed on before (tests/fuzz/regressions/<target>).
#
# Each target runs a fixed number of inputs with a fixed seed (FUZZ_SEED, default 1), so a CI run
# explores what the same run explored here with the same clang, whatever the machine's speed;
# FUZZ_SECONDS (default 300) caps each target's time (a run cut short says so), and FUZZ_SCALE
# (default 1) multiplies the input counts for longer hunts.
# A failing input is copied to tests/fuzz/regressions/<target>/ and the run fails: fix the code,
# rename the file for what it found and commit both; the regular suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-300}
seed=${FUZZ_SEED:-1}
scale=${FUZZ_SCALE:-1}
targets=(portfolio_json portfolio_csv cledger fields shard_file)
# About a minute each on the 2-core development machine.
declare -A runs=([portfolio_json]=300000 [portfolio_csv]=20000 [cledger]=30000 [fields]=4000000 [shard_file]=150000)
# SQLite pages are 4 KiB: a document needs room for a few dozen of them.
declare -A max_len=([portfolio_json]=65536 [portfolio_csv]=16384 [cledger]=131072 [fields]=256 [shard_file]=65536)

if [[ -f "$build_dir/CMakeCache.txt" ]] && ! grep -q '^LEDGER_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  echo "fuzz: $build_dir is not a fuzzing build (LEDGER_FUZZ=ON); choose another FUZZ_BUILD_DIR" >&2
  exit 2
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLEDGER_FUZZ=ON -DLEDGER_ENABLE_CUDA=OFF
fi
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
for target in "${targets[@]}"; do
  work="$build_dir/corpus/$target" findings="$build_dir/findings/$target"
  # What an earlier run learned or failed on is not this run's: start both afresh.
  rm -rf "$work" "$findings"
  mkdir -p "$work" "$findings"
  seeds=(tests/fuzz/corpus/"$target")
  if [[ -d tests/fuzz/regressions/$target ]]; then
    seeds+=(tests/fuzz/regressions/"$target")
  fi
  count=$((runs[$target] * scale))
  echo "== fuzz_$target: $count inputs, seed $seed, at most ${seconds}s"
  start=$SECONDS
  # The first directory collects what the run learns; the seed directories are only read.
  if ! "$build_dir/tests/fuzz/fuzz_$target" "$work" "${seeds[@]}" -runs="$count" -seed="$seed" \
      -max_total_time="$seconds" -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$findings/" 2> "$findings/log.txt"; then
    failed=1
    tail -n 40 "$findings/log.txt"
    mkdir -p tests/fuzz/regressions/"$target"
    for artifact in "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-* "$findings"/leak-*; do
      if [[ -f $artifact ]]; then
        cp "$artifact" tests/fuzz/regressions/"$target"/
        echo "saved $artifact as a regression input: fix, rename it for what it found, commit"
      fi
    done
  else
    grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$findings/log.txt" || true
    echo "   $((SECONDS - start))s"
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$findings/log.txt")
    if [[ -n $executed ]] && ((executed < count)); then
      echo "   note: the ${seconds}s cap stopped fuzz_$target after $executed of $count inputs (a slower machine)"
    fi
  fi
done
exit "$failed"
