"""QR codes of page addresses, drawn offline: inline SVG by segno (booklet) or a small PNG
data URI by ZXing's C++ encoder (a page's print corner: ~0.6 KB instead of ~2.5 KB of SVG in
every page). segno, in Python, took 7 ms a code (choosing the mask: 6 ms), more than half of
a cold build's template time; zxing-cpp encodes to the same standard (best mask, smallest version
for error correction M) in 0.25 ms, and Pillow writes the PNG.

segno's choice of the mask is slow, and the code of an address never changes: each code is
kept in the build cache (`cache`, one small sealed file per address; for the SVG its path,
from which the SVG is written again). The cache is not trusted: what is read back must be a
size and path data made of the SVG path commands segno writes, or a PNG's base64, nothing
else, so no markup can reach a page through it.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import re
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from PIL import Image, ImageOps

from cercle.core.cachefile import read_regular, real_folder, seal, unseal, write_atomic

CACHED = re.compile(r"^(\d{1,4}) ([0-9Mmhv .-]+)$")
CACHED_PNG = re.compile(r"^[A-Za-z0-9+/]{8,8000}={0,2}$")  # base64 only: no markup can get through
PNG_URI = "data:image/png;base64,"


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


def _file(cache: Path, key: str) -> Path:
    return cache / f"{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}.qr"


def _kept(cache: Path, key: str) -> str:
    """The text kept for `key` ("" when missing, altered or truncated); its caller matches it."""
    kept = unseal(read_regular(_file(cache, key)))
    return bytes(kept).decode("ascii", "replace") if kept is not None else ""


def _keep(cache: Path, key: str, text: str) -> None:
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
        write_atomic(_file(cache, key), seal(text.encode("ascii")))


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str, scale: int = 3, cache: Path | None = None) -> str:
    """An <svg> (no XML declaration) of `url`'s QR code, titled for assistive technology.

    Error correction M survives a creased or slightly smudged print; the 2-module border is
    the quiet zone scanners need at print sizes.
    """
    if cache is None or not _usable(cache):
        return _draw(url, title, scale)
    key = f"{segno.__version__}\0{scale}\0{url}"
    found = CACHED.match(_kept(cache, key))
    if found:
        return _svg(int(found[1]), found[2], title, scale)
    svg = _draw(url, title, scale)
    drawn = re.search(r'viewBox="0 0 (\d+) \d+".* d="([^"]*)"', svg)
    kept_text = f"{drawn[1]} {drawn[2]}" if drawn else ""
    if drawn and CACHED.match(kept_text) and _svg(int(drawn[1]), drawn[2], title, scale) == svg:
        _keep(cache, key, kept_text)
    return svg


@lru_cache(maxsize=4096)
def qr_png_uri(url: str, scale: int = 4, cache: Path | None = None) -> str:
    """A `data:` URI of `url`'s QR code as a black and white PNG, `scale` pixels a module.

    Inline, print never waits for a file (a lazy image may not be there when the page is
    printed), and the screen loads nothing. A few pixels a module keep the edges sharp when a
    viewer smooths the image it enlarges. Same error correction and quiet zone as `qr_svg`."""
    usable = cache is not None and _usable(cache)
    key = f"zxing-cpp {_zxing_version()}\0png\0{scale}\0{url}"
    text = _kept(cache, key) if cache is not None and usable else ""
    if CACHED_PNG.match(text):
        return PNG_URI + text
    payload = base64.b64encode(_png(url, scale)).decode("ascii")
    if cache is not None and usable and CACHED_PNG.match(payload):
        _keep(cache, key, payload)
    return PNG_URI + payload


@cache
def _zxing_version() -> str:
    return metadata.version("zxing-cpp")


def _png(url: str, scale: int) -> bytes:
    """`url`'s QR code as a 1-bit PNG: `scale` pixels a module and a 2-module quiet zone."""
    import zxingcpp  # 12 ms to import: only when a code is drawn, not when all are in the cache

    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = Image.fromarray(code.to_image(scale=1, add_quiet_zones=False))  # black on white
    framed = ImageOps.expand(modules, border=2, fill=255)
    side = framed.width * scale
    out = io.BytesIO()
    framed.resize((side, side), Image.Resampling.NEAREST).convert("1").save(out, "PNG", optimize=True)
    return out.getvalue()


def png_uri_side(uri: str) -> int:
    """The width in pixels of a PNG `data:` URI's image (its IHDR chunk); 0 for anything else.
    The print QR code's <img> says its size (a QR code is square) without decoding the image."""
    if not uri.startswith(PNG_URI):
        return 0
    head = base64.b64decode(uri[len(PNG_URI) : len(PNG_URI) + 32], validate=False)
    return int.from_bytes(head[16:20], "big") if head[12:16] == b"IHDR" else 0
