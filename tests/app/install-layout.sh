#!/usr/bin/env bash
# `cmake --install` gives a working tree: both binaries in bin/ (corscope execs corscope-window from
# its own directory), the .desktop entry and the icon it names. Usage: install-layout.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for file in bin/corscope bin/corscope-window share/applications/corscope.desktop; do
    [ -s "$prefix/$file" ] || fail "$file is not installed"
done
desktop="$prefix/share/applications/corscope.desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop")
exec=$(sed -n 's/^Exec=//p' "$desktop" | cut -d' ' -f1)
[ -x "$prefix/bin/$exec" ] || fail "the .desktop entry runs '$exec', which is not in bin/"
for size in 16 32 48 128 256; do
    [ -s "$prefix/share/icons/hicolor/${size}x${size}/apps/$icon.png" ] || fail "no ${size}px icon named '$icon'"
done

version=$("$prefix/bin/corscope" --version)
[[ "$version" == corscope* ]] || fail "corscope --version printed '$version'"
# The installed command line hands the window over to the installed corscope-window.
HOME="$prefix" QT_QPA_PLATFORM=offscreen "$prefix/bin/corscope" --screenshot "$prefix/window.png" >/dev/null 2>&1 \
    || fail "the installed corscope could not start its window"
[ -s "$prefix/window.png" ] || fail "the installed window wrote no screenshot"
echo "installed layout OK ($version)"
