#!/usr/bin/env bash
# Times `corscope run` of a generated collection of N preflighted PUTs (distinct URLs, so every one
# needs its own preflight: 2N HTTP requests) against curl sending the same 2N requests (OPTIONS then
# PUT for each URL, same headers and body) with the same parallelism, on build/bench/bench_server.
# Figures only, never pass/fail (it stops only when the runs do not do what they should).
#
# corscope is timed with --format text (the grid) and with --format json (the default).
#   curl, one process:  one curl with a config file of all 2N requests (connection reuse, like
#                       corscope); sequential for concurrency 1, else --parallel --parallel-max N.
#   curl, per request:  xargs -P N, one curl process per item (its OPTIONS and its PUT); only with
#                       CURL_EACH=1 (process start-up dominates it: ~90 s for 1,000 on a loaded 2-core box).
#
# Usage: bench/collection-vs-curl.sh [BUILD_DIR] [REQUESTS] [CONCURRENCY] [RUNS]
#        (defaults: build, 1000, 1, 3)
set -euo pipefail

build=${1:-build}
count=${2:-1000}
concurrency=${3:-1}
runs=${4:-3}
name=collection-vs-curl
source "$(dirname "$0")/bench-server.sh"
origin=http://app.test:3000
base="http://127.0.0.1:$port/items"

# The collection, the curl config (all requests, one process) and the per-item curl arguments.
python3 - "$tmp" "$base" "$origin" "$count" <<'EOF'
import json, sys
tmp, base, origin, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
items = [{"id": f"r{i}", "name": f"PUT item {i}", "method": "PUT", "url": f"{base}/{i}",
          "headers": [["Content-Type", "application/json"]], "body": "{}", "expect": "allowed"}
         for i in range(count)]
with open(f"{tmp}/collection.json", "w") as f:
    json.dump({"format": "corscope-collection", "version": 2, "name": "bench", "origins": [origin],
               "items": items}, f)
with open(f"{tmp}/curl.config", "w") as f:
    blocks = []
    for i in range(count):
        url = f"{base}/{i}"
        blocks.append(f'url = "{url}"\nrequest = "OPTIONS"\nheader = "Origin: {origin}"\n'
                      f'header = "Access-Control-Request-Method: PUT"\n'
                      f'header = "Access-Control-Request-Headers: content-type"\n'
                      f'output = "/dev/null"\nsilent\nwrite-out = "%{{http_code}}\\n"\n')
        blocks.append(f'url = "{url}"\nrequest = "PUT"\nheader = "Origin: {origin}"\n'
                      f'header = "Content-Type: application/json"\ndata = "{{}}"\n'
                      f'output = "/dev/null"\nsilent\nwrite-out = "%{{http_code}}\\n"\n')
    f.write("next\n".join(blocks))
with open(f"{tmp}/urls", "w") as f:
    f.write("".join(f"{base}/{i}\n" for i in range(count)))
EOF

# Two ways to run the collection: --format text (the results grid) and --format json, the default
# (every exchange in full, ~12 KB each: work curl has no part of).
run_corscope() {
    "$corscope" run "$tmp/collection.json" --concurrency-per-host "$concurrency" --format text >"$tmp/run.txt" 2>"$tmp/run.err"
}
run_corscope_json() {
    "$corscope" run "$tmp/collection.json" --concurrency-per-host "$concurrency" --format json >"$tmp/run.json" 2>"$tmp/run.err"
}
run_curl_one() {
    if [ "$concurrency" -gt 1 ]; then
        # (its transfer meter goes to stderr even with "silent" in the config)
        curl --parallel --parallel-max "$concurrency" -K "$tmp/curl.config" >"$tmp/codes" 2>"$tmp/curl.err"
    else
        curl -K "$tmp/curl.config" >"$tmp/codes" 2>"$tmp/curl.err"
    fi
}
run_curl_each() {
    xargs -P "$concurrency" -I{} sh -c "curl -s -o /dev/null -w '%{http_code}\n' -X OPTIONS -H 'Origin: $origin' \
        -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type' '{}' \
        && curl -s -o /dev/null -w '%{http_code}\n' -X PUT -H 'Origin: $origin' -H 'Content-Type: application/json' \
        --data '{}' '{}'" <"$tmp/urls" >"$tmp/codes"
}
check_codes() {
    local got
    got=$(sort "$tmp/codes" | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')
    [ "$got" = "200:$count 204:$count " ] || { echo "collection-vs-curl: $1 got '$got', expected '200:$count 204:$count '" >&2; exit 2; }
}

# Warm-up, and make sure every run does what we claim.
rc=0; run_corscope_json || rc=$?
[ "$rc" -eq 0 ] || { echo "collection-vs-curl: corscope run did not report all allowed (exit $rc)" >&2; exit 2; }
actual=$(grep -o '"kind": *"actual"' "$tmp/run.json" | wc -l)
[ "$actual" -eq "$count" ] || { echo "collection-vs-curl: corscope sent $actual actual requests, expected $count" >&2; exit 2; }
run_curl_one; check_codes "curl (one process)"
rc=0; run_corscope || rc=$?
[ "$rc" -eq 0 ] || { echo "collection-vs-curl: corscope run (text) did not report all allowed (exit $rc)" >&2; exit 2; }
names="corscope corscope_json curl_one"
if [ "${CURL_EACH:-0}" = 1 ]; then
    run_curl_each; check_codes "curl (per request)"
    names+=" curl_each"
fi

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
declare -A best
for name in $names; do best[$name]=999999999; done
for ((i = 0; i < runs; i++)); do
    for name in $names; do
        t0=$(now_ms)
        case $name in
            corscope) run_corscope ;;
            corscope_json) run_corscope_json ;;
            curl_one) run_curl_one; check_codes "curl (one process)" ;;
            curl_each) run_curl_each; check_codes "curl (per request)" ;;
        esac
        t1=$(now_ms)
        ms=$((t1 - t0))
        [ "$ms" -lt "${best[$name]}" ] && best[$name]=$ms
    done
done

echo "collection-vs-curl: $count preflighted PUTs (2x$count HTTP requests), concurrency $concurrency, best of $runs," \
     "127.0.0.1:$port ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-46s %8s ms\n' "corscope run --concurrency-per-host $concurrency --format text" "${best[corscope]}" \
    "corscope run ... --format json (the default)" "${best[corscope_json]}" \
    "curl -K (one process, all requests)" "${best[curl_one]}"
awk -v c="${best[corscope]}" -v j="${best[corscope_json]}" -v o="${best[curl_one]}" -v n="$concurrency" 'BEGIN {
    printf "  ratio (concurrency %d): corscope %d ms / curl %d ms = %.2fx (target <= 1.00x: %s)\n",
        n, c, o, c / o, c <= o ? "met" : "not met"
    printf "  ratio with --format json (concurrency %d): %d ms / %d ms = %.2fx\n", n, j, o, j / o }'
if [ -n "${best[curl_each]:-}" ]; then
    printf '  %-46s %8s ms\n' "curl per item (xargs -P $concurrency)" "${best[curl_each]}"
    awk -v c="${best[corscope]}" -v e="${best[curl_each]}" 'BEGIN { printf "  ratio corscope / curl (per item): %.2fx\n", c / e }'
fi
