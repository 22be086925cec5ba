#!/usr/bin/env bash
# Make sure Debian's headless browser for the explorer's end-to-end test is installed:
# chromium and chromium-driver (tests/test_explorer_e2e.py drives them with selenium).
# Called by `make test` before pytest. Installs with apt-get only when one is missing, and runs
# `apt-get update` only when the package lists do not know the packages yet. Without root or
# apt-get it says what is missing and leaves the decision to the test (which fails under CI=true
# and is skipped elsewhere).
set -euo pipefail

CHROMIUM=${GFD_CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${GFD_CHROMEDRIVER:-/usr/bin/chromedriver}

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: apt-get not found; install chromium and chromium-driver yourself" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "ensure-chromium: not root; install chromium and chromium-driver to run the browser test" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show chromium chromium-driver >/dev/null 2>&1; then
    echo "ensure-chromium: apt-get update" >&2
    $SUDO apt-get update -q >/dev/null
fi
echo "ensure-chromium: installing chromium chromium-driver" >&2
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
    echo "ensure-chromium: $CHROMIUM or $CHROMEDRIVER still missing after apt-get install" >&2
    exit 1
fi
"$CHROMIUM" --version >&2
