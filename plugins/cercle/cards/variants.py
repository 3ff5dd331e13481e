"""Images for every network: each entry's card and each quote in four shapes.

1.91:1 (1200×630: LinkedIn, X, Facebook links), 1:1 (1080×1080: feeds), 4:5 (1080×1350:
Instagram and LinkedIn portrait posts) and 9:16 (1080×1920: stories). The page card is
already 1.91:1 and a quote card 1:1: those are reused, the other shapes are drawn here
with one layout that stacks header, text and footer for any size. They are CardSpecs like
the others (digest → sealed cache, drawn in parallel by cards.batch), with the text
alternative of the card they restate.

At ~4 images per card they were most of a cold build's drawing and bytes, so by default only
entries meant to be shared get them (`shared`); the others keep their page and quote cards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from cercle.cards.batch import CardJob
from cercle.cards.draw import ELLIPSIS, _canvas, _pill, put, text_color, wrap
from cercle.cards.fonts import drawable, font
from cercle.cards.plan import Card, PageCards
from cercle.cards.sheet import Sheet
from cercle.cards.spec import OG_SIZE, QUOTE_SIZE, CardSpec
from cercle.core.catalog import Entry

# Shape → (size, file suffix), in the order the share block lists them.
SHAPES: dict[str, tuple[tuple[int, int], str]] = {
    "1.91:1": (OG_SIZE, "wide"),  # a quote's (the page's card is this shape already)
    "1:1": (QUOTE_SIZE, "square"),
    "4:5": ((1080, 1350), "portrait"),
    "9:16": ((1080, 1920), "story"),
}
PREFIX = "variant-"


@dataclass(frozen=True)
class VariantSpec(CardSpec):
    """A card or quote drawn at another shape: `kind` is variant-og or variant-quote."""

    shape: str = "1:1"

    @property
    def size(self) -> tuple[int, int]:
        return SHAPES[self.shape][0]


@dataclass(frozen=True)
class Variant:
    """One image of an entry at one shape: `number` 0 for the page's card, n for quote n."""

    card: Card
    ratio: str
    number: int = 0

    @property
    def path(self) -> str:
        return self.card.path

    @property
    def alt(self) -> str:
        return self.card.alt

    @property
    def alt_lang(self) -> str:
        return self.card.alt_lang

    @property
    def width(self) -> int:
        return self.card.width

    @property
    def height(self) -> int:
        return self.card.height


def _reshaped(card: Card, shape: str) -> Card:
    spec = card.job.spec
    values = {f.name: getattr(spec, f.name) for f in fields(CardSpec)}
    values["kind"] = PREFIX + spec.kind
    stem = card.path.removesuffix(".png")
    dest = f"{stem}-{SHAPES[shape][1]}.png"
    return Card(CardJob(VariantSpec(**values, shape=shape), dest), card.alt, card.alt_lang)


def _shapes(card: Card, own: str, number: int) -> list[Variant]:
    return [Variant(card if shape == own else _reshaped(card, shape), shape, number) for shape in SHAPES]


def meant_to_share(entry: Entry, today: dt.date) -> bool:
    """Pinned, or a share window open or still to come on `today` (not ended)."""
    share = entry.meta.share
    if share is None or not share.windowed:
        return False
    return share.pinned or share.until is None or share.until >= today


def to_vary(entries: Mapping[str, Entry], mode: str, today: dt.date) -> list[str]:
    """Source paths of the entries whose cards get every shape: `all`, `none` or `shared`."""
    if mode == "all":
        return list(entries)
    if mode == "shared":
        return [src for src, entry in entries.items() if meant_to_share(entry, today)]
    return []


def plan_variants(cards: dict[str, PageCards], entries: Iterable[str]) -> dict[str, list[Variant]]:
    """Every shape of each entry's card and quote cards, by the entry's source path."""
    planned = {}
    for src in entries:
        page = cards.get(src)
        if page is None:
            continue
        found = _shapes(page.og, "1.91:1", 0)
        for number, quote in enumerate(page.quotes, start=1):
            found += _shapes(quote, "1:1", number)
        planned[src] = found
    return planned


def variant_jobs(variants: dict[str, list[Variant]]) -> list[CardJob]:
    """The jobs to draw: only the reshaped ones (the page and quote cards are drawn already)."""
    return [
        v.card.job for found in variants.values() for v in found if isinstance(v.card.job.spec, VariantSpec)
    ]


def _fit(
    text: str, weight: str, sizes: Iterable[int], width: int, room: int, lead: float
) -> tuple[int, list[str]]:
    """The largest size whose lines fit in `room` pixels of height; else the smallest, ellipsized."""
    size, lines = 0, []
    for size in sizes:
        most = max(1, int(room // (size * lead)))
        lines = wrap(text, weight, size, width, most + 1)
        if len(lines) <= most:
            return size, lines
    most = max(1, int(room // (size * lead)))
    return size, wrap(text, weight, size, width, most)


def render_variant(spec: CardSpec) -> Sheet:
    """Header at the top, the text in the middle, who and where at the bottom, at any size."""
    width, height = spec.size
    quote = spec.kind == PREFIX + "quote"
    ring = min(width, height) * 4 // 9
    x, y = (width - ring * 2 // 3, -ring // 2) if quote else (width - ring // 2, height - ring // 2)
    landscape = width > height
    margin = 80 if landscape else 96
    top_y = 48 if landscape else 80
    draw, accent, ink = _canvas(spec, (x, y, ring, ring // 14), not quote, (margin, top_y))
    if spec.eyebrow and not quote:
        _pill(draw, spec.eyebrow, width - margin, top_y + 8, accent, text_color(accent))
    text_width = width - 2 * margin
    # The bottom block, from the bottom up: the site's host, then facts or author and source.
    bottom = height - (48 if landscape else 96)
    lines_below: list[tuple[str, str, int, tuple[int, int, int]]] = []
    if spec.footer:
        lines_below.append((drawable(spec.footer), "semibold", 28, accent))
    if quote:
        if spec.subtitle and drawable(spec.subtitle):
            lines_below.append((wrap(spec.subtitle, "italic", 30, text_width, 1)[0], "italic", 30, ink))
        if spec.eyebrow:
            lines_below.append((wrap("— " + spec.eyebrow, "bold", 38, text_width, 1)[0], "bold", 38, accent))
    else:
        facts = [line for fact in spec.facts for line in wrap(fact, "regular", 32, text_width, 1)][:2]
        lines_below.extend((line, "regular", 32, ink) for line in reversed(facts))
    y = bottom
    for text, weight, size, fill in lines_below:
        put(draw, (margin, y), text, font=font(weight, size), fill=fill, anchor="ls")
        y -= int(size * 1.5)
    # The text, in the room left between the header and the bottom block.
    top = top_y + (100 if landscape else 140)
    room = y - top - (20 if landscape else 60)
    if quote:
        mark = 120 if landscape else 200
        top += mark // 2
        room -= mark // 2
        sizes: tuple[int, ...] = (52, 46, 40, 36, 32) if landscape else (72, 64, 56, 50, 44, 38)
        size, lines = _fit(spec.title, "semibold", sizes, text_width, room, 1.25)
        lead, weight = 1.25, "semibold"
    else:
        sizes = (64, 56, 50, 44) if landscape else (88, 78, 68, 60, 52)
        size, lines = _fit(spec.title, "bold", sizes, text_width, min(room, int(sizes[0] * 1.18 * 5)), 1.18)
        lead, weight = 1.18, "bold"
    used = int(len(lines) * size * lead)
    subtitle: list[str] = []
    if not quote and spec.subtitle and not lines[-1].endswith(ELLIPSIS):
        spare = room - used - 24
        subtitle = wrap(spec.subtitle, "regular", 36, text_width, min(4, max(0, spare // 48)))
        subtitle = subtitle if spare >= 48 else []
    block = used + (24 + 48 * len(subtitle) if subtitle else 0)
    y = top if landscape else top + max(0, (room - block) // 2)  # portrait: centred
    if quote:  # the opening quote mark sits above the text, wherever the text is
        put(draw, (margin - 8, y - mark * 7 // 10), "“", font=font("bold", mark), fill=accent)
    for line in lines:
        put(draw, (margin, y), line, font=font(weight, size), fill=ink)
        y += int(size * lead)
    y += 24
    for line in subtitle:
        put(draw, (margin, y), line, font=font("regular", 36), fill=ink)
        y += 48
    return draw
