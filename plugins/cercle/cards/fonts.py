"""Card fonts: Source Sans Pro, installed by pip (font-source-sans-pro), never the network.

Characters the font has no glyph for (emoji, rare scripts) are dropped before drawing,
so a card never shows empty boxes and never fails on them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from importlib.metadata import version
from pathlib import Path

import font_source_sans_pro
from fontTools.ttLib import TTFont
from PIL import ImageFont

WEIGHTS = {
    "regular": "SourceSansPro",
    "semibold": "SourceSansProSemibold",
    "bold": "SourceSansProBold",
    "italic": "SourceSansProIt",
}


def font_path(weight: str) -> Path:
    return Path(font_source_sans_pro.font_files_ttf[WEIGHTS[weight]])


@cache
def fonts_version() -> str:
    """Identifies the fonts for the card cache: package version and file digests."""
    digest = hashlib.sha256()
    for weight in sorted(WEIGHTS):
        digest.update(font_path(weight).read_bytes())
    return f"font-source-sans-pro {version('font-source-sans-pro')} {digest.hexdigest()[:16]}"


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout engine: no dependency on system FriBiDi, same pixels everywhere.
    return ImageFont.truetype(str(font_path(weight)), size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _coverage(weight: str) -> frozenset[int]:
    with TTFont(str(font_path(weight)), lazy=True) as ttf:
        return frozenset(ttf.getBestCmap())


def drawable(text: str, weight: str = "regular") -> str:
    """`text` without the characters the font cannot draw (composed first: é, not e + ´)."""
    covered = _coverage(weight)
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        if ord(char) in covered:
            kept.append(char)
        elif char.isspace():
            kept.append(" ")
    # Collapse ordinary spaces only: the no-break spaces of French typography keep "?" and
    # "»" on the line of their word when the card wraps.
    return re.sub(r"[ \t\r\n\f\v]+", " ", "".join(kept)).strip(" ")
