#!/usr/bin/env bash
# `make run`: the corscope window when there is a display to show it on ($DISPLAY or
# $WAYLAND_DISPLAY): it starts its own lab server, lists the demo requests and sends the first
# failing one, explained within seconds. Without a display (ssh, CI, a container) this prints a note
# and runs the CLI demo instead (an xvfb-run window could not be seen either):
# starts `corscope lab` on a free port, checks four instructive endpoints, then runs
# resources/demo-collection.json (its URLs name the lab's default port 4807, replaced here by the
# port the lab got) and prints one line per request. Takes about 5 s.
set -euo pipefail

build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
corscope="$build/corscope"
origin=http://localhost:3000
if [ ! -x "$corscope" ]; then
    echo "run-demo: $corscope not found; build first (make build)" >&2
    exit 1
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "run-demo: opening the corscope window (it starts its lab and sends the first failing demo request)"
    exec "$corscope" --demo
fi
echo "run-demo: no display (\$DISPLAY and \$WAYLAND_DISPLAY are unset), so no window; the command-line demo follows."
echo "          On a desktop, 'make run' opens the window; 'QT_QPA_PLATFORM=offscreen $corscope --screenshot shot.png' renders it here."

work=$(mktemp -d)
lab_pid=
cleanup() {
    if [ -n "$lab_pid" ]; then
        kill "$lab_pid" 2>/dev/null || true
        for _ in $(seq 20); do
            kill -0 "$lab_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$lab_pid" 2>/dev/null || true
        wait "$lab_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bold=; dim=; reset=
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
    bold=$'\e[1m'; dim=$'\e[2m'; reset=$'\e[0m'
fi
section() { printf '\n%s== %s ==%s\n' "$bold" "$1" "$reset"; }

# --port 0 lets the system pick a free port (no race with other programs); the lab prints its URL.
: >"$work/lab.log"
"$corscope" lab --port 0 >"$work/lab.log" 2>&1 &
lab_pid=$!
port=
for _ in $(seq 50); do
    port=$(sed -n 's|^corscope lab listening on http://localhost:\([0-9]*\)/.*|\1|p' "$work/lab.log")
    [ -n "$port" ] && break
    if ! kill -0 "$lab_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$port" ] || ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run-demo: the lab did not start:" >&2
    cat "$work/lab.log" >&2
    exit 1
fi
lab=http://localhost:$port

section "corscope lab on $lab (the page making the requests is $origin)"
sed -n '/^  \//p' "$work/lab.log" | grep -v '^      ' | sed 's/^/ /'

# Quotes an argument for display when it needs it (the demo's arguments hold no single quote).
quoted() {
    if [[ $1 =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "$1"; fi
}
check() {
    local shown=corscope\ check arg
    for arg in "$@"; do shown+=" $(quoted "$arg")"; done
    printf '\n%s$ %s%s\n' "$dim" "$shown" "$reset"
    "$corscope" check "$@" || true # exit status 1 means blocked: expected here
}

section "1. Allowed: a credentialed JSON PUT with a token to /ok"
check "$lab/ok" --origin "$origin" -X PUT -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer demo-token' --credentials include -d '{"name":"demo"}'

section "2. Preflight failure: X-Trace is not in Access-Control-Allow-Headers"
check "$lab/header-not-allowed" --origin "$origin" -X PUT -H 'Content-Type: application/json' \
    -H 'X-Trace: 1' -d '{"name":"demo"}'

section "3. Credentials failure: cookies and Access-Control-Allow-Origin: *"
check "$lab/wildcard-credentials" --origin "$origin" --credentials include

section "4. A 500 hidden behind a CORS error (the POST did run)"
check "$lab/error-500" --origin "$origin" -X POST -H 'Content-Type: application/json' -d '{"name":"demo"}'

section "5. corscope run resources/demo-collection.json (one request per lab endpoint)"
sed "s|localhost:4807|localhost:$port|g" "$root/resources/demo-collection.json" >"$work/demo.json"
run_status=0
"$corscope" run "$work/demo.json" >"$work/results.json" 2>"$work/run.log" || run_status=$?
if [ "$run_status" -gt 1 ]; then
    echo "corscope run failed (exit $run_status):"
    cat "$work/run.log"
    exit 0
fi

# One tab-separated line per result: as expected?, verdict, failing check, total ms, name.
summarize() {
    if command -v jq >/dev/null 2>&1; then
        jq -r '.[] | [
            (if .asExpected == false then "UNEXPECTED" else "ok" end),
            .verdict,
            (if .failure then "\(.failure.stage)/\(.failure.check)"
             elif .preflightFromCache then "(preflight from cache)" else "-" end),
            ([.hops[].timings.totalMs // 0] | add * 10 | round / 10 | tostring),
            .name] | @tsv' "$1"
    elif command -v node >/dev/null 2>&1; then
        node -e '
            for (const r of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) {
                const check = r.failure ? `${r.failure.stage}/${r.failure.check}`
                    : r.preflightFromCache ? "(preflight from cache)" : "-";
                const ms = Math.round(10 * r.hops.reduce((sum, h) => sum + (h.timings.totalMs || 0), 0)) / 10;
                console.log([r.asExpected === false ? "UNEXPECTED" : "ok", r.verdict, check, ms, r.name].join("\t"));
            }' "$1"
    else
        echo "(install jq or node for a summary; the full results follow)" >&2
        cat "$1" >&2
    fi
}

total=0
unexpected=0
printf '%-9s %-44s %7s  %s\n' verdict check ms request
while IFS=$'\t' read -r expected verdict failed ms name; do
    total=$((total + 1))
    mark=
    if [ "$expected" != ok ]; then
        unexpected=$((unexpected + 1))
        mark="  <-- not the expected verdict"
    fi
    printf '%-9s %-44s %7s  %s%s\n' "$verdict" "$failed" "$ms" "$name" "$mark"
done < <(summarize "$work/results.json")
printf '\n%d requests, %d with the expected verdict.\n' "$total" "$((total - unexpected))"
printf 'Try it yourself: %s lab (port %s), then the corscope check lines it prints,\n' "$corscope" 4807
printf 'or %s run resources/demo-collection.json for the full JSON of each exchange.\n' "$corscope"
exit 0
