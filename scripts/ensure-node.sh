#!/usr/bin/env bash
# Make sure Node.js and npm exist and the project's pinned Lighthouse is in node_modules
# (package.json / package-lock.json; `npm ci`). Lighthouse measures the built site in
# tests/quality/test_lighthouse.py and `make lighthouse`.
#
# Exit status: 0 when everything is there (or was installed). When something is missing and
# cannot be installed, prints why; exits 1 under CI=true, else 0 (the Lighthouse test skips).
set -euo pipefail
cd "$(dirname "$0")/.."

give_up() {
    echo "ensure-node: $1" >&2
    if [ "${CI:-}" = "true" ]; then
        echo "ensure-node: CI=true: failing." >&2
        exit 1
    fi
    echo "ensure-node: the Lighthouse check will skip." >&2
    exit 0
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "ensure-node: node or npm not found; trying to install Debian's nodejs and npm" >&2
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        give_up "cannot install (need root and apt-get); install by hand: apt-get install -y nodejs npm"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm \
        || give_up "apt-get install nodejs npm failed"
fi

# Lighthouse 12 needs Node 18.16 or later.
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
    give_up "Node $(node --version) is too old for Lighthouse 12 (18 or later)"
fi

if [ ! -f node_modules/lighthouse/cli/index.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error || give_up "npm ci failed (see above)"
fi
