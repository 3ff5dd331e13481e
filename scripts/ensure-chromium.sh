#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Playwright drives it via executable_path; never run `playwright install`
# (its browser download cannot work on this network).
#
# Exit status: 0 when Chromium is present (or was installed). When it is
# missing and cannot be installed, prints why and still exits 0: the browser
# tests then fail under CI=true and skip otherwise (tests/browser/fixtures.py).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

echo "ensure-chromium: $CHROMIUM not found; trying to install Debian's chromium" >&2

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: cannot install (need root and apt-get)." >&2
    echo "ensure-chromium: install it by hand: apt-get install -y chromium fonts-dejavu-core" >&2
    echo "ensure-chromium: browser tests will skip (or FAIL when CI=true)." >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if apt-get update -q \
    && apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; then
    :
else
    echo "ensure-chromium: apt-get install chromium failed." >&2
fi

if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
else
    echo "ensure-chromium: $CHROMIUM still missing; browser tests will skip (or FAIL when CI=true)." >&2
fi
exit 0
