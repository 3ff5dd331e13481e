"""QR codes kept in the build cache: the same SVG as drawn, and nothing else ever read back."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import zxingcpp
from PIL import Image

from cercle.compliance.qr import _draw, png_uri_side, qr_png_uri, qr_svg
from cercle.core.cachefile import seal

URL = "https://cercle.example.org/fr/guides/été/"
TITLE = "Code QR de « l’adresse » <a&b>"


def test_a_kept_code_gives_the_same_svg_as_drawing_it(tmp_path: Path):
    cache = tmp_path / "qr"
    first = qr_svg(URL, TITLE, 3, cache)
    [kept] = list(cache.iterdir())
    qr_svg.cache_clear()
    assert qr_svg(URL, TITLE, 3, cache) == first == _draw(URL, TITLE, 3)
    assert qr_svg(URL, "Other title", 3, cache) == _draw(URL, "Other title", 3)  # title not cached
    assert kept.stat().st_size < len(first)


def test_markup_put_in_the_cache_never_reaches_the_page(tmp_path: Path):
    cache = tmp_path / "qr"
    qr_svg(URL, TITLE, 3, cache)
    [kept] = list(cache.iterdir())
    kept.write_bytes(seal(b'29 M0 0"/><script>alert(1)</script><path d="'))
    qr_svg.cache_clear()
    svg = qr_svg(URL, TITLE, 3, cache)
    assert "<script" not in svg and svg == _draw(URL, TITLE, 3)


def test_a_kept_png_is_the_same_code_and_markup_in_the_cache_never_reaches_the_page(tmp_path: Path):
    cache = tmp_path / "qr"
    first = qr_png_uri(URL, 4, cache)
    assert first.startswith("data:image/png;base64,")
    image = Image.open(io.BytesIO(base64.b64decode(first.split(",", 1)[1])))
    assert [c.text for c in zxingcpp.read_barcodes(image.convert("L"))] == [URL]
    [kept] = list(cache.iterdir())
    qr_png_uri.cache_clear()
    assert qr_png_uri(URL, 4, cache) == first  # read back from the cache
    kept.write_bytes(seal(b'"><script>alert(1)</script>'))
    qr_png_uri.cache_clear()
    assert qr_png_uri(URL, 4, cache) == first  # not base64: drawn again


def test_the_png_side_is_read_from_the_uri():
    # The print QR code's <img> says its size (tests/quality/test_speed.py: every image does).
    uri = qr_png_uri(URL, 4, None)
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert image.size[0] == image.size[1] == png_uri_side(uri) > 0
    assert png_uri_side("") == png_uri_side("data:image/svg+xml;base64,PHN2Zz4=") == 0
