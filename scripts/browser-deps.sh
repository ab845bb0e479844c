#!/usr/bin/env bash
# Installs the npm packages of tests/browser (playwright-core drives Debian's chromium) when missing.
set -euo pipefail
cd "$(dirname "$0")/../tests/browser"
if [ -f package.json ] && [ ! -d node_modules/playwright-core ]; then
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # playwright-core never downloads one; belt and braces
    npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
fi
