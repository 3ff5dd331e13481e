"""QR codes of page addresses, drawn offline by segno as inline SVG (print corner, booklet)."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str, scale: int = 3) -> str:
    """An <svg> (no XML declaration) of `url`'s QR code, titled for assistive technology.

    Error correction M survives a creased or slightly smudged print; the 2-module border is
    the quiet zone scanners need at print sizes.
    """
    code = segno.make(url, error="m", micro=False)
    # omitsize: a viewBox instead of a fixed size, so the stylesheet sets the printed size.
    return code.svg_inline(
        scale=scale, border=2, svgclass="cercle-qr__code", lineclass=None, title=title, omitsize=True
    )
