#!/usr/bin/env bash
# Regenerate constraints.txt: exact pins of everything in a fresh venv built by
# the Makefile (`make venv`), less the editable `cercle` itself.
#
#   scripts/freeze-constraints.sh            # re-resolve with current pins
#   scripts/freeze-constraints.sh --loose    # re-resolve from pyproject ranges only
#
# With --loose the current constraints.txt is ignored and pip picks the newest
# releases the ranges in pyproject.toml allow; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
venv="$tmp/venv"

if [ "${1:-}" = "--loose" ]; then
    : > "$tmp/empty.txt"
    python="$(command -v python3.11 || command -v python3)"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -e '.[test]'
else
    make --no-print-directory venv VENV="$venv"
fi

{
    echo "# Exact, tested versions of every package in the environment (make venv)."
    echo "# Regenerate with scripts/freeze-constraints.sh; ranges live in pyproject.toml."
    "$venv/bin/python" -m pip freeze --exclude-editable 2>/dev/null \
        | grep -v -E '^(pip|setuptools|wheel)==' \
        | grep -v -i -E "^cercle[=@ ]"
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) pins"
