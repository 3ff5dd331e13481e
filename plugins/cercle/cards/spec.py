"""What a card shows, as plain data: its digest keys the cache (same data → same PNG)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

import PIL
from PIL import ImageColor

from cercle.cards.fonts import fonts_version
from cercle.cards.png import ENCODER

# Bump when the drawing code changes what a card looks like: every cached card is redrawn.
# 2: PNG rows unfiltered; 3: deflated by zlib-ng; 4: palette PNG (cards.png, ENCODER);
# 5: 16 shades a ramp, deflate level 4.
LAYOUT_VERSION = 5
OG_SIZE = (1200, 630)
QUOTE_SIZE = (1080, 1080)


class BrandError(ValueError):
    """A brand option (color, logo) that cannot be used: `code` names its message (cards.*)."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def parse_color(value: str, option: str) -> tuple[int, int, int]:
    try:
        rgb = ImageColor.getrgb(value)
    except ValueError:
        raise BrandError("bad_color", option=option, value=value) from None
    return rgb[:3]


@dataclass(frozen=True)
class Brand:
    """Colors, logo and name drawn on every card (from the plugin's configuration)."""

    brand_color: str = "#283593"
    accent_color: str = "#ffca28"
    site_name: str = "Cercle"
    logo: str | None = None  # path of a PNG/JPEG/WebP file

    def __post_init__(self) -> None:
        parse_color(self.brand_color, "brand_color")
        parse_color(self.accent_color, "accent_color")
        if self.logo and not Path(self.logo).is_file():
            raise BrandError("missing_logo", value=self.logo)

    @cached_property
    def logo_digest(self) -> str:
        return hashlib.sha256(Path(self.logo).read_bytes()).hexdigest() if self.logo else ""


_DIGESTS: dict[tuple[CardSpec, str], str] = {}
_DIGESTS_LIMIT = 200_000  # specs are small; forget them all past this


@dataclass(frozen=True)
class CardSpec:
    """One card: a 1200×630 page card (`og`) or a 1080×1080 quote card (`quote`)."""

    kind: str  # "og" or "quote"
    layout: str  # webinar, event, guide, page, home, listing, topic, speaker, …, quote
    lang: str
    title: str
    brand: Brand
    eyebrow: str = ""  # the type label ("Webinaire"), the quote's author for quotes
    subtitle: str = ""
    facts: tuple[str, ...] = ()  # short lines: date, speakers, place, topics
    footer: str = ""  # the site's host name

    @property
    def size(self) -> tuple[int, int]:
        return QUOTE_SIZE if self.kind == "quote" else OG_SIZE

    def digest(self) -> str:
        # Planned for every page at each build (`cercle serve` rebuilds after each save): the
        # same spec, drawn with the same logo, has the same digest.
        key = (self, self.brand.logo_digest)
        found = _DIGESTS.get(key)
        if found is None:
            if len(_DIGESTS) >= _DIGESTS_LIMIT:
                _DIGESTS.clear()
            found = _DIGESTS[key] = self._digest()
        return found

    def _digest(self) -> str:
        data = asdict(self)
        data["brand"]["logo"] = self.brand.logo_digest
        data["versions"] = [LAYOUT_VERSION, fonts_version(), PIL.__version__, ENCODER]
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:32]
