#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ for FUZZ_SECONDS each (see docs/reliability.md).
# Usage: scripts/run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]
#   BUILD_DIR  the -DPOTLINE_FUZZ=ON build folder (build-fuzz); targets are in BUILD_DIR/fuzz/
#   SECONDS    time per target (default 60)
#   TARGET     run only these (default: every fuzz_* executable)
# FUZZ_JOBS (environment): targets run at once (default 2).
# Seed corpus: every examples/*.toml and tests/fixtures/**/*.toml for the TOML readers, data/*.csv and
# fuzz/seeds/*.csv for the schedule and smelter CSV readers, data/prices/*.csv for the price reader,
# plus each target's regression inputs in fuzz/corpus/TARGET/ (inputs that once failed). The growing
# corpus is kept in BUILD_DIR/corpus/TARGET, crashes in BUILD_DIR/findings/TARGET/, logs in BUILD_DIR/logs/.
# Exit status 1 if any target found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in "$build"/fuzz/fuzz_*; do [ -x "$t" ] && targets+=("$(basename "$t")"); done
fi
mkdir -p "$build/logs"
# Targets run FUZZ_JOBS at a time (default 2, the machine's cores): each libFuzzer process is single
# threaded, so two at once take half the wall time with the same fuzzing time per target.
jobs=${FUZZ_JOBS:-2}

# Runs one target; its exit status says whether it found a failure.
run_target() {
  local target=$1 corpus="$build/corpus/$1" findings="$build/findings/$1" seeds
  mkdir -p "$corpus" "$findings"
  case "$target" in
    fuzz_schedule_csv|fuzz_smelter_dataset) seeds=(fuzz/seeds/*.csv data/*.csv) ;;
    fuzz_price_csv) seeds=(data/prices/*.csv) ;;
    *) seeds=(examples/*.toml $(find tests/fixtures -name '*.toml')) ;;
  esac
  cp -n "${seeds[@]}" "$corpus"/ 2>/dev/null || true
  local regression="fuzz/corpus/$target"
  [ -d "$regression" ] && cp -n "$regression"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $target for ${seconds} s (corpus $corpus)"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$findings/" >"$build/logs/$target.log" 2>&1
}

status=0
pids=()
names=()
# Waits for the oldest running target and reports it.
finish_oldest() {
  local target=${names[0]}
  if wait "${pids[0]}"; then
    grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" "$build/logs/$target.log" | sed "s/^/fuzz: $target: /" || true
  else
    echo "fuzz: $target FAILED: see $build/logs/$target.log and $build/findings/$target/" >&2
    tail -40 "$build/logs/$target.log" >&2
    status=1
  fi
  pids=("${pids[@]:1}")
  names=("${names[@]:1}")
}
for target in "${targets[@]}"; do
  [ ${#pids[@]} -ge "$jobs" ] && finish_oldest
  run_target "$target" &
  pids+=($!)
  names+=("$target")
done
while [ ${#pids[@]} -gt 0 ]; do finish_oldest; done
exit $status
