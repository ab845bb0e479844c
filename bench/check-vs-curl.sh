#!/usr/bin/env bash
# Times `corscope check` for a preflighted PUT against the two equivalent curl calls (the OPTIONS
# preflight, then the PUT) on a loopback server, and prints the mean wall time per run and the ratio.
# Figures only, never pass/fail (it stops only when the runs do not do what they should).
#
# Usage: bench/check-vs-curl.sh [BUILD_DIR] [RUNS]     (defaults: build, 200; RUNS also from BENCH_RUNS)
set -euo pipefail

build=${1:-build}
runs=${2:-${BENCH_RUNS:-200}}
name=check-vs-curl
source "$(dirname "$0")/bench-server.sh"
origin=http://app.test:3000
url="http://api.test:$port/x"
resolve="api.test:$port:127.0.0.1"

run_corscope() {
    "$corscope" check "$url" --origin "$origin" -X PUT -H 'Content-Type: application/json' \
        --resolve "$resolve" --format json >/dev/null
}
run_curls() {
    curl -s -o /dev/null --resolve "$resolve" -X OPTIONS -H "Origin: $origin" \
        -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type' "$url"
    curl -s -o /dev/null --resolve "$resolve" -X PUT -H "Origin: $origin" \
        -H 'Content-Type: application/json' "$url"
}
run_startup() {
    "$corscope" --version >/dev/null
}

# Warm-up, and make sure we time what we claim: corscope says "allowed" (exit 0) and the server
# answers curl's two requests with 204 and 200.
rc=0; run_corscope || rc=$?
if [ "$rc" -ne 0 ]; then
    echo "check-vs-curl: corscope check did not report 'allowed' (exit $rc); not timing a failing run" >&2
    exit 2
fi
codes=$(curl -s -o /dev/null -w '%{http_code}' --resolve "$resolve" -X OPTIONS -H "Origin: $origin" \
            -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type' "$url")
codes+=" $(curl -s -o /dev/null -w '%{http_code}' --resolve "$resolve" -X PUT -H "Origin: $origin" \
            -H 'Content-Type: application/json' "$url")"
[ "$codes" = "204 200" ] || { echo "check-vs-curl: curl got '$codes', expected '204 200'" >&2; exit 2; }
run_startup

# Interleaved so that load from elsewhere on the machine hits all three alike. EPOCHREALTIME costs
# no fork; the loop's own overhead (one fork+exec per command) is part of every figure alike.
# CPU time (user + sys of the child processes, from the `times` builtin, 1 ms resolution) is
# summed too: on a loaded machine it is steadier than wall time.
# No forks here (a command substitution or an awk would count as a child): the builtin writes to a
# file, bash arithmetic parses "1m2.345s".
children_cpu_us() { # sets cpu_now
    local user sys
    times >"$tmp/times"
    { read -r _ _; read -r user sys; } <"$tmp/times"
    to_us "$user"; cpu_now=$us
    to_us "$sys"; cpu_now=$((cpu_now + us))
}
to_us() { # "1m2.345s" -> us
    local v=${1%s} m=${1%%m*}
    v=${v#*m}
    us=$(( (m * 60 + 10#${v%.*}) * 1000000 + 10#${v#*.} * 1000 ))
}
: >"$tmp/corscope.txt"; : >"$tmp/curl.txt"; : >"$tmp/startup.txt"
cpu_corscope=0; cpu_curl=0; cpu_startup=0
for ((i = 0; i < runs; i++)); do
    children_cpu_us; c0=$cpu_now
    t0=${EPOCHREALTIME/[.,]/}; run_corscope || { echo "check-vs-curl: run $i failed" >&2; exit 2; }; t1=${EPOCHREALTIME/[.,]/}
    echo $((t1 - t0)) >>"$tmp/corscope.txt"
    children_cpu_us; c1=$cpu_now
    t0=${EPOCHREALTIME/[.,]/}; run_curls || { echo "check-vs-curl: curl run $i failed" >&2; exit 2; }; t1=${EPOCHREALTIME/[.,]/}
    echo $((t1 - t0)) >>"$tmp/curl.txt"
    children_cpu_us; c2=$cpu_now
    t0=${EPOCHREALTIME/[.,]/}; run_startup;  t1=${EPOCHREALTIME/[.,]/}
    echo $((t1 - t0)) >>"$tmp/startup.txt"
    children_cpu_us; c3=$cpu_now
    cpu_corscope=$((cpu_corscope + c1 - c0)); cpu_curl=$((cpu_curl + c2 - c1)); cpu_startup=$((cpu_startup + c3 - c2))
done

# mean and median in milliseconds
stats() { sort -n "$1" | awk '{ v[NR] = $1; s += $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", s / NR / 1000, m / 1000 }'; }
read -r c_mean c_median < <(stats "$tmp/corscope.txt")
read -r k_mean k_median < <(stats "$tmp/curl.txt")
read -r s_mean s_median < <(stats "$tmp/startup.txt")

echo "check-vs-curl: $runs interleaved runs against 127.0.0.1:$port ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
cpu_ms() { awk -v t="$1" -v n="$runs" 'BEGIN { printf "%.2f", t / n / 1000 }'; }
echo "  wall time per run (CPU = user + sys of the processes, mean):"
printf '  %-44s mean %7s ms   median %7s ms   CPU %7s ms\n' \
    "corscope check (preflight + PUT, json)" "$c_mean" "$c_median" "$(cpu_ms $cpu_corscope)" \
    "curl OPTIONS + curl PUT (two processes)" "$k_mean" "$k_median" "$(cpu_ms $cpu_curl)" \
    "corscope --version (process start-up only)" "$s_mean" "$s_median" "$(cpu_ms $cpu_startup)"
awk -v c="$c_mean" -v k="$k_mean" -v cm="$c_median" -v km="$k_median" -v cc="$cpu_corscope" -v kc="$cpu_curl" 'BEGIN {
    printf "  ratio corscope / two curls: %.2fx (mean wall), %.2fx (median wall), %.2fx (CPU); target <= 1.5x\n",
           c / k, cm / km, (kc > 0 ? cc / kc : 0) }'
awk -v c="$c_mean" -v s="$s_mean" 'BEGIN {
    printf "  start-up share of a check: %.0f%% (corscope --version / corscope check, means)\n", 100 * s / c }'
