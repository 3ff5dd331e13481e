#!/usr/bin/env bash
# What the cards benchmark needs beyond `make venv`: Material's `imaging` extra (Pillow is
# already there; CairoSVG draws the logo icon) and the cairo C library CairoSVG loads.
# Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! ldconfig -p | grep -q 'libcairo\.so\.2'; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libcairo2
  else
    echo "setup: libcairo2 is missing; run as root or: sudo apt-get install libcairo2" >&2
    exit 1
  fi
fi
.venv/bin/python -m pip install --quiet -c constraints.txt cairosvg==2.9.1 2>&1 \
  | { grep -v "is ignored: it is neither a file nor a directory" || true; }
