#!/usr/bin/env bash
# Builds (if needed) and runs one libFuzzer target for a set time, with the seed corpus.
#
#   fuzz/run.sh TARGET SECONDS [RUNS]   one target: FuzzJSONReader, FuzzJSONSchema, FuzzXML, FuzzChecker
#   fuzz/run.sh all SECONDS [RUNS]      each of the four in turn, SECONDS (and RUNS) each
#   fuzz/run.sh build [TARGET]          only build (all four when no target is named)
#   fuzz/run.sh replay TARGET FILE...   run saved inputs once through the fuzz build (a crash shows its trace)
#
# The run stops at SECONDS or, when given, after RUNS executions, whichever comes first, or at the
# first crash. One process, one core. It prints libFuzzer's own "Done N runs in S second(s)" line,
# and any crash with its stack trace; a crashing input is kept in fuzz/crashes/TARGET/.
# New inputs libFuzzer finds go to fuzz/corpus/TARGET/ and its whole log to fuzz/logs/ (neither
# committed; the seeds come from fuzz/seeds.sh). Extra libFuzzer flags can be given in FUZZ_FLAGS, for example
# FUZZ_FLAGS="-only_ascii=1"; FUZZ_NO_BUILD=1 uses the binary already built. While the file FUZZ_PAUSE_FILE names exists (someone is measuring performance; default /tmp/qualify-bench.lock)
# the script waits before building or running. benchmarks/run.sh creates that file when its
# BENCH_LOCK names the same path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
targets=(FuzzJSONReader FuzzJSONSchema FuzzXML FuzzChecker)
scratch="$root/.build-fuzz"
lock="${FUZZ_PAUSE_FILE:-/tmp/qualify-bench.lock}"
flags=(-c release --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
       -Xswiftc -enable-experimental-feature -Xswiftc Extern)

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

wait_for_bench() {
  while [ -e "$lock" ]; do echo "waiting: $lock exists (performance being measured)" >&2; sleep 30; done
}

known() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

build() {
  [ -n "${FUZZ_NO_BUILD:-}" ] && return 0
  wait_for_bench
  swift build "${flags[@]}" --product "$1" 2>&1 | grep -v -E "unhandled|explicitly declare|\.(html|json|sarif|xml|csv|txt|md)$|CMakeLists" >&2
}

binary() { echo "$scratch/release/$1"; }

run() {
  local target="$1" seconds="$2" runs="${3:-}"
  known "$target" || usage
  [ -d fuzz/seeds/"$target" ] || fuzz/seeds.sh >/dev/null
  build "$target"
  wait_for_bench
  mkdir -p fuzz/corpus/"$target" fuzz/crashes/"$target"
  # The JSON targets are fast, so they get short inputs and many runs (seeds are cut to the
  # length); the XML and whole-checker targets keep the examples whole, so that a document can
  # be well-formed and reach the schema check and the rules.
  local dict=fuzz/dicts/json.dict length=1024
  case "$target" in
    FuzzXML|FuzzChecker) dict=fuzz/seeds/$target.dict; length=16384 ;;
  esac
  local args=(-timeout="${FUZZ_TIMEOUT:-10}" -max_len="${FUZZ_MAX_LEN:-$length}"
              -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -dict="$dict" -print_final_stats=1
              -artifact_prefix=fuzz/crashes/"$target"/)
  mkdir -p fuzz/logs
  local log="fuzz/logs/$target-$(date +%Y%m%d-%H%M%S).log"
  echo "== $target: up to ${seconds}s${runs:+, $runs runs}" >&2
  # The run is made of segments: when the bench lock appears, libFuzzer is interrupted (it prints
  # its figures), the script waits, then carries on with the time and runs that are left; the
  # corpus folder keeps what was found. Executions and seconds are summed over the segments.
  local executed=0 spent=0 status=0 segment=0
  while :; do
    segment=$((segment + 1))
    local left=$((seconds - spent)) started=$SECONDS interrupted=0 part="$log.$segment"
    local more=()
    [ -n "$runs" ] && more+=(-runs=$((runs - executed)))
    # Recording a deep stack for every allocation was a fifth of each run; a crash still shows
    # its own whole stack, and `replay` runs a saved input with the full allocation stacks.
    # FuzzJSONSchema needs the deep stacks: its suppressions (fuzz/lsan.supp) name ECMARegex,
    # which sits deeper than four frames below the allocations of a cached pattern.
    local context=4
    [ "$target" = FuzzJSONSchema ] && context=30
    QUALIFY_HOME="$root" ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=$context}" LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp}" \
      "$(binary "$target")" "${args[@]}" -max_total_time="$left" "${more[@]}" ${FUZZ_FLAGS:-} \
      fuzz/corpus/"$target" fuzz/seeds/"$target" >"$part" 2>&1 &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      if [ -e "$lock" ] && [ "$interrupted" -eq 0 ]; then
        echo "bench lock seen: interrupting $target (segment $segment)" >&2
        kill -INT "$pid" 2>/dev/null || true
        interrupted=1
      fi
      sleep 2
    done
    status=0; wait "$pid" || status=$?
    spent=$((spent + SECONDS - started))
    cat "$part" >> "$log"; rm -f "$part"
    local units
    units="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)"
    executed=$((executed + units))
    # 72 is libFuzzer's exit status when it is interrupted.
    if [ "$interrupted" -eq 1 ] && [ "$status" -eq 72 ]; then
      wait_for_bench
      [ "$spent" -lt "$seconds" ] && { [ -z "$runs" ] || [ "$executed" -lt "$runs" ]; } && continue
      status=0
    fi
    break
  done
  grep -E "^(INFO: Seed|INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE))|^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|run interrupted" "$log" || true
  echo "$target: $executed executions in ${spent}s over $segment segment(s)" >&2
  if [ "$status" -ne 0 ]; then
    echo "!! $target stopped with status $status; the crash, from libFuzzer's log:" >&2
    sed -n '/==ERROR\|Fatal error\|SUMMARY\|deadly signal\|ALARM\|out-of-memory/,$p' "$log" | head -150 >&2
    echo "(full log: $log)" >&2
    return "$status"
  fi
  echo "(full log: $log)" >&2
}

case "${1:-}" in
  build)
    if [ -n "${2:-}" ]; then known "$2" || usage; build "$2"; else for t in "${targets[@]}"; do build "$t"; done; fi ;;
  replay)
    [ $# -ge 3 ] || usage
    known "$2" || usage
    build "$2"
    target="$2"; shift 2
    QUALIFY_HOME="$root" ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp}" \
      "$(binary "$target")" -runs=1 "$@" ;;
  all)
    [ $# -ge 2 ] || usage
    failed=0
    for t in "${targets[@]}"; do run "$t" "$2" "${3:-}" || failed=1; done
    exit "$failed" ;;
  *)
    [ $# -ge 2 ] || usage
    run "$1" "$2" "${3:-}" ;;
esac
