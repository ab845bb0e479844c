#!/usr/bin/env bash
# Runs the benchmarks of an existing build and prints their figures (`make bench`). Builds nothing.
# Figures only: nothing here passes or fails.
#
# Usage: scripts/bench.sh BUILD_DIR
#   BENCH_MIN_TIME  seconds per Google Benchmark case (default 1)
#   BENCH_RUNS      runs of each command in bench/check-vs-curl.sh (default 200)
#   BENCH_STARTUP_RUNS  cold starts of the window to take the median of (default 10)
set -euo pipefail

build=${1:?usage: scripts/bench.sh BUILD_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
min_time=${BENCH_MIN_TIME:-1}

if [ ! -x "$build/bench/bench_engine" ]; then
    echo "bench: $build/bench/bench_engine is missing (configure with -DCORSCOPE_BUILD_BENCH=ON and build)" >&2
    exit 2
fi

echo "== Engine: evaluations per second (bench_engine, one thread) =="
# Google Benchmark >= 1.8 wants a unit suffix ("2s"); older ones (Debian 12: 1.7.1) want a plain number.
if "$build/bench/bench_engine" --benchmark_list_tests=true --benchmark_min_time=0.01s >/dev/null 2>&1; then
    min_arg="--benchmark_min_time=${min_time}s"
else
    min_arg="--benchmark_min_time=${min_time}"
fi
# items_per_second is per CPU second of this one thread (Google Benchmark's default), so it stays
# meaningful when other processes share the cores; "Time" is wall time. Debian's libbenchmark prints
# "Library was built as DEBUG": that is about the benchmark library itself, not corscope's code.
"$build/bench/bench_engine" "$min_arg" --benchmark_counters_tabular=true
echo
echo "== Reports: redaction and rendering of long values (bench_redaction; MB/s flat = linear) =="
"$build/bench/bench_redaction"
echo
echo "== CLI: corscope check vs. two curl calls (loopback) =="
"$here/bench/check-vs-curl.sh" "$build" "${BENCH_RUNS:-200}"
echo
echo "== Window: timeline model and view with 100,000 exchanges (bench_timeline, offscreen) =="
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/bench_timeline"
echo
echo "== Window: cold start (bench/bench_timeline_startup.sh) =="
"$here/bench/bench_timeline_startup.sh" "$build" "${BENCH_STARTUP_RUNS:-10}"
echo
echo "== Collections: a 100 MB / 20,000-entry HAR, analyzed and imported (bench/bench_har.sh) =="
"$here/bench/bench_har.sh" "$build" 20000 100 3
echo
echo "== Window: the same HAR analyzed and imported in the window (bench_window_har, offscreen) =="
har=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corscope-bench}/har-20000-100mb.har
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/bench_window_har" "$har"
echo
echo "== Collections: corscope run vs. curl, 1,000 requests, 4 at a time (bench/collection-vs-curl.sh) =="
"$here/bench/collection-vs-curl.sh" "$build" 1000 4 5
