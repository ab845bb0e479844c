#!/usr/bin/env bash
# Cold start of the window, printed as figures (target: first painted window <= 300 ms).
#  - "first paint": from main() to the window's first paint event (CORSCOPE_PRINT_STARTUP=1).
#  - "screenshot": wall time of the whole `corscope --screenshot` (start, lab, one real exchange,
#    PNG written, exit).
# Usage: bench/bench_timeline_startup.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?usage: bench/bench_timeline_startup.sh BUILD_DIR [RUNS]}
runs=${2:-10}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

paints=()
walls=()
for i in $(seq "$runs"); do
    start=$(date +%s%N)
    line=$(CORSCOPE_PRINT_STARTUP=1 "$build/corscope" --screenshot "$out/shot.png" 2>&1 >/dev/null | grep 'first paint' || true)
    end=$(date +%s%N)
    paints+=("$(echo "$line" | sed -E 's/.*first paint ([0-9.]+) ms.*/\1/')")
    walls+=("$(( (end - start) / 1000000 ))")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "corscope cold start over $runs runs ($QT_QPA_PLATFORM):"
echo "  main() to first paint   median $(median "${paints[@]}") ms   (target <= 300 ms)"
echo "  --screenshot wall time  median $(median "${walls[@]}") ms   (start, lab, one exchange, PNG, exit)"
