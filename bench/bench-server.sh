# Sourced by the bench scripts that time corscope against curl: checks the executables they need,
# starts build/bench/bench_server on a free loopback port and stops it on exit.
#
# Needs: $name (the script's name, for messages), $build. Sets: $corscope, $tmp (a scratch folder,
# removed on exit), $port.

corscope="$build/corscope"
server="$build/bench/bench_server"
for exe in "$corscope" "$server"; do
    [ -x "$exe" ] || { echo "$name: $exe is missing; build first (cmake --build $build)" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "$name: curl is not installed (scripts/install-deps.sh)" >&2; exit 2; }

tmp=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

"$server" >"$tmp/port" 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 100); do
    [ -s "$tmp/port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "$name: bench_server failed: $(cat "$tmp/server.err")" >&2; exit 2; }
    sleep 0.05
done
port=$(head -n1 "$tmp/port")
[ -n "$port" ] || { echo "$name: bench_server printed no port" >&2; exit 2; }
