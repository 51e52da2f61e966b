#!/usr/bin/env bash
# libFuzzer over the four input parsers (docs/reliability.md, "Fuzzing"): a clang build with ASan and
# UBSan in build-fuzz/, then each target for FUZZ_SECONDS (default 60) from its committed seed corpus
# (tests/fuzz/corpus/<target>) plus the inputs it failed on before (tests/fuzz/regressions/<target>).
# A failing input is saved as tests/fuzz/regressions/<target>/crash-<sha1> beside the artifacts in
# build-fuzz/findings/; commit it with the fix and the regular suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
# A fixed seed makes a CI run repeatable here: the same seed, corpus and time explore alike.
seed=${FUZZ_SEED:-1}
targets=(portfolio_json portfolio_csv cledger fields)
if [[ ! -f "$build_dir/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLEDGER_FUZZ=ON -DLEDGER_ENABLE_CUDA=OFF
fi
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# SQLite pages are 4 KiB: a document needs room for a few dozen of them.
declare -A max_len=([portfolio_json]=65536 [portfolio_csv]=16384 [cledger]=131072 [fields]=256)
failed=0
for target in "${targets[@]}"; do
  work="$build_dir/corpus/$target" findings="$build_dir/findings/$target"
  mkdir -p "$work" "$findings"
  seeds=(tests/fuzz/corpus/"$target")
  [[ -d tests/fuzz/regressions/$target ]] && seeds+=(tests/fuzz/regressions/"$target")
  echo "== fuzz_$target: ${seconds}s"
  # The first directory collects what the run learns; the seed directories are only read.
  if ! "$build_dir/tests/fuzz/fuzz_$target" "$work" "${seeds[@]}" -max_total_time="$seconds" -seed="$seed" \
      -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$findings/" 2> "$findings/log.txt"; then
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
    grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' "$findings/log.txt" || true
  fi
done
exit "$failed"
