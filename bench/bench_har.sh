#!/usr/bin/env bash
# Wall time, CPU time and peak memory (max RSS) of `corscope analyze` and `corscope import` on a
# generated Chrome-style HAR (issue 4: 100 MB / 20,000 entries in <= 2 s, peak memory <= 3x the
# file size). The HAR is generated once (bench/gen_har.py) and kept in the cache directory.
# Figures only, never pass/fail.
#
# Usage: bench/bench_har.sh [BUILD_DIR] [ENTRIES] [MB] [RUNS]    (defaults: build, 20000, 100, 3)
set -euo pipefail

build=${1:-build}
entries=${2:-20000}
mb=${3:-100}
runs=${4:-3}
corscope="$build/corscope"
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$corscope" ] || { echo "bench_har: $corscope is missing; build first (cmake --build $build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_har: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corscope-bench}
mkdir -p "$cache"
har="$cache/har-$entries-${mb}mb.har"
if [ ! -s "$har" ]; then
    echo "bench_har: generating $har ..." >&2
    python3 "$here/gen_har.py" "$har.tmp" "$entries" "$mb"
    mv "$har.tmp" "$har"
fi
size=$(stat -c %s "$har")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "bench_har: $har ($((size / 1024 / 1024)) MiB, $entries entries), best of $runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# %e wall s, %U user s, %S system s, %M max RSS KiB
measure() { # label, command...
    local label=$1; shift
    local best_wall=999999 line wall user sys rss best_line=
    for ((i = 0; i < runs; i++)); do
        rc=0
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
        if [ "$rc" -gt 1 ]; then
            echo "bench_har: $label failed (exit $rc): $(head -c 300 "$tmp/err")" >&2
            exit 2
        fi
        read -r wall user sys rss < <(tail -n1 "$tmp/time")
        if awk -v w="$wall" -v b="$best_wall" 'BEGIN { exit !(w < b) }'; then
            best_wall=$wall
            best_line="$wall $user $sys $rss"
        fi
    done
    read -r wall user sys rss <<<"$best_line"
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v f="$size" 'BEGIN {
        printf "  %-38s wall %6.2f s   CPU %6.2f s   peak RSS %7.1f MiB = %.2fx the file\n",
               l, w, u + s, r / 1024, r * 1024 / f }'
}
measure "corscope analyze (text)" "$corscope" analyze "$har"
measure "corscope analyze --format json" "$corscope" analyze --format json "$har"
measure "corscope import" "$corscope" import "$har"
echo "  target: wall <= 2 s, peak RSS <= 3x the file"
