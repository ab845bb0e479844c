#!/usr/bin/env bash
# Installs the system packages corscope needs to build and test, and nothing that is already there.
# On Debian/Ubuntu it uses apt-get (through sudo when not root); elsewhere it prints what to install.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev libxkbcommon-dev          # Qt 6 Core/Gui/Widgets/Network/Test
    libbenchmark-dev                       # bench/
    chromium                               # the reference browser for tests/browser
    curl                                   # bench/check-vs-curl.sh
    xvfb xauth                             # optional: run the GUI in a virtual display
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
else
    echo "corscope: not a Debian system; please install the equivalents of: ${packages[*]}" >&2
    exit 0
fi

# node and npm drive Chromium (playwright-core) in tests/browser. Any install that provides the
# commands will do (e.g. NodeSource's nodejs, which bundles npm and conflicts with Debian's npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "corscope: installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "corscope: not root and no sudo; please install: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
