#!/usr/bin/env bash
# Make sure Pango is installed for WeasyPrint (`cercle booklet` and its tests), like
# scripts/ensure-chromium.sh does for Chromium: Debian's libpango-1.0-0 and libpangoft2-1.0-0.
#
# Exit status: 0 when Pango is present (or was installed). When it is missing and cannot be
# installed, prints why; under CI=true that is a failure (exit 1), otherwise the booklet
# tests skip.
set -euo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0)

# dlopen by soname is what WeasyPrint itself does. No `ldconfig -p | grep -q`: under
# pipefail, grep leaving early makes ldconfig die of SIGPIPE and the check fail at random.
have_pango() {
    local lib
    for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0; do
        python3 -c "import ctypes, sys; ctypes.CDLL(sys.argv[1])" "$lib" 2>/dev/null || return 1
    done
}

if have_pango; then
    exit 0
fi

echo "ensure-pango: Pango not found; trying to install ${PACKAGES[*]}" >&2
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" \
        || echo "ensure-pango: apt-get install failed." >&2
else
    echo "ensure-pango: cannot install (need root and apt-get): apt-get install -y ${PACKAGES[*]}" >&2
fi

if have_pango; then
    exit 0
fi
echo "ensure-pango: Pango still missing; cercle booklet cannot run." >&2
if [ "${CI:-}" = "true" ]; then
    exit 1
fi
exit 0
