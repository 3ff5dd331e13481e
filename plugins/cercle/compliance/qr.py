"""QR codes of page addresses, drawn offline by segno as inline SVG (print corner, booklet).

Choosing a QR code's mask is most of a page's template time, and the code of an address
never changes: each code's path is kept in the build cache (`cache`, one small sealed
file per address) and the SVG is written from it. The cache is not trusted: what is read
back must be a size and path data made of the SVG path commands segno writes, nothing
else, so no markup can reach a page through it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import segno

from cercle.core.cachefile import read_regular, real_folder, seal, unseal, write_atomic

CACHED = re.compile(r"^(\d{1,4}) ([0-9Mmhv .-]+)$")


def _svg(size: int, path: str, title: str, scale: int) -> str:
    # segno's svg_inline with the options below, byte for byte (checked before caching).
    return (
        f'<svg viewBox="0 0 {size} {size}" class="cercle-qr__code"><title>{escape(title)}</title>'
        f'<path transform="scale({scale})" stroke="#000" d="{path}"/></svg>'
    )


def _draw(url: str, title: str, scale: int) -> str:
    code = segno.make(url, error="m", micro=False)
    # omitsize: a viewBox instead of a fixed size, so the stylesheet sets the printed size.
    return code.svg_inline(
        scale=scale, border=2, svgclass="cercle-qr__code", lineclass=None, title=title, omitsize=True
    )


@lru_cache(maxsize=8)
def _usable(cache: Path) -> bool:
    cache.mkdir(parents=True, exist_ok=True)
    return real_folder(cache, cache.parent)


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str, scale: int = 3, cache: Path | None = None) -> str:
    """An <svg> (no XML declaration) of `url`'s QR code, titled for assistive technology.

    Error correction M survives a creased or slightly smudged print; the 2-module border is
    the quiet zone scanners need at print sizes.
    """
    if cache is None or not _usable(cache):
        return _draw(url, title, scale)
    key = hashlib.blake2b(f"{segno.__version__}\0{scale}\0{url}".encode(), digest_size=16).hexdigest()
    kept = unseal(read_regular(cache / f"{key}.qr"))
    found = CACHED.match(bytes(kept).decode("ascii", "replace")) if kept is not None else None
    if found:
        return _svg(int(found[1]), found[2], title, scale)
    svg = _draw(url, title, scale)
    drawn = re.search(r'viewBox="0 0 (\d+) \d+".* d="([^"]*)"', svg)
    kept_text = f"{drawn[1]} {drawn[2]}" if drawn else ""
    if drawn and CACHED.match(kept_text) and _svg(int(drawn[1]), drawn[2], title, scale) == svg:
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            write_atomic(cache / f"{key}.qr", seal(kept_text.encode("ascii")))
    return svg
