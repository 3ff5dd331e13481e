#!/usr/bin/env bash
# What `make bench` needs beyond `make venv` (bench-only, never installed by `make test`):
# the reference stack's i18n plugin, psutil (peak memory of a process tree), and Material's
# imaging extra for its social plugin (cairosvg + libcairo2, via benchmarks/cards/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash benchmarks/cards/setup.sh
.venv/bin/python -m pip install --quiet -c constraints.txt mkdocs-static-i18n==1.3.1 psutil==7.2.2 2>&1 \
  | { grep -v "is ignored: it is neither a file nor a directory" || true; }
