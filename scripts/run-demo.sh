#!/usr/bin/env bash
# `make run`: until the window exists, a CLI demo of corscope against its own lab server.
set -euo pipefail
build=${1:-build}
exec "$build/corscope" --version
