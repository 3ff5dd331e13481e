"""Drawing cards with Pillow: same spec → same pixels → same PNG bytes (no metadata)."""

from __future__ import annotations

import math
from functools import cache, lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from cercle.cards.fonts import drawable, font
from cercle.cards.png import card_palette, encode_png, encode_rows, with_rows, without_rows
from cercle.cards.sheet import Box, Sheet
from cercle.cards.spec import Brand, CardSpec, parse_color

ELLIPSIS = "…"
RGB = tuple[int, int, int]


CACHED_SIZES = 40  # lines at most this size are kept: ~15 KB each, 512 of them at most


def _render(
    face: ImageFont.FreeTypeFont, line: str, anchor: str, start: tuple[float, float]
) -> tuple[Any, Any]:
    """A line of text as FreeType renders it (mask, offset), as ImageDraw.text asks for it."""
    return face.getmask2(line, "L", None, None, None, 0, anchor, 0, start, stroke_filled=True)


# The site's name, the host, an entry's date and place, a quote's author recur on most cards
# and every shape: rendered once a process. Titles (larger, rarely the same) are not kept.
_small = lru_cache(maxsize=512)(_render)


def put(
    draw: ImageDraw.ImageDraw | Sheet,
    xy: tuple[float, float],
    line: str,
    font: ImageFont.FreeTypeFont,
    fill: RGB,
    anchor: str | None = None,
) -> None:
    """`draw.text` for one line, with its rendering cached: the same pixels as Pillow's
    (ImageDraw.text renders with `getmask2` and blends with `draw_bitmap` just so)."""
    x, y = xy
    render = _small if font.size <= CACHED_SIZES else _render
    mask, offset = render(font, line, anchor or "la", (math.modf(x)[0], math.modf(y)[0]))
    left, top = int(x) + offset[0], int(y) + offset[1]
    target, dx, dy = _target(draw, (left, top, left + mask.size[0], top + mask.size[1]))
    if target is not None:
        target.draw.draw_bitmap((left - dx, top - dy), mask, target._getink(fill)[0])


def _target(draw: ImageDraw.ImageDraw | Sheet, box: Box) -> tuple[ImageDraw.ImageDraw | None, int, int]:
    """Where to draw what covers `box`, and that place's origin on the card."""
    return draw.patch(box) if isinstance(draw, Sheet) else (draw, 0, 0)


def wrap(text: str, weight: str, size: int, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; the last allowed line ends with an ellipsis when text is left over."""
    if max_lines < 1:  # no room (a variant's subtitle under a title that fills the card)
        return []
    face = font(weight, size)
    words = drawable(text, weight).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        while face.getlength(word) > width:  # a word longer than a line: cut it
            head = _fit(word, face, width, "")
            if current:
                lines.append(current)
                current = ""
            lines.append(head)
            word = word[len(head) :]
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1] + " " + ELLIPSIS, face, width, ELLIPSIS, force=True)
    return lines


def _fit(text: str, face: object, width: int, suffix: str, force: bool = False) -> str:
    """The longest start of `text` that fits with `suffix` (at least one character)."""
    text = text.removesuffix(" " + ELLIPSIS) if force else text
    for end in range(len(text), 0, -1):
        candidate = text[:end].rstrip(" ,;:.-–—") + suffix if suffix else text[:end]
        if face.getlength(candidate) <= width:  # type: ignore[attr-defined]
            return candidate
    return text[:1] + suffix


def fit_title(text: str, width: int, sizes: tuple[int, ...], max_lines: int) -> tuple[int, list[str]]:
    """The largest size at which the title fits in `max_lines`; else the smallest, ellipsized."""
    for size in sizes:
        lines = wrap(text, "bold", size, width, max_lines + 1)
        if len(lines) <= max_lines:
            return size, lines
    return sizes[-1], wrap(text, "bold", sizes[-1], width, max_lines)


def text_color(background: RGB) -> RGB:
    """Near-white on dark brand colors, near-black on light ones (contrast above 4.5:1)."""

    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in background)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (255, 255, 255) if luminance < 0.18 else (17, 17, 17)


@cache
def _ring(diameter: int, thickness: int) -> Image.Image:
    """An anti-aliased ring mask (drawn at 4× and reduced): the circle of Cercle."""
    big = Image.new("L", (diameter * 4, diameter * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, diameter * 4 - 1, diameter * 4 - 1), outline=255, width=thickness * 4)
    return big.resize((diameter, diameter), Image.Resampling.LANCZOS)


@cache
def _logo(path: str, height: int) -> Image.Image:
    with Image.open(path) as source:
        logo = source.convert("RGBA")
    ratio = height / logo.height
    return logo.resize((max(1, round(logo.width * ratio)), height), Image.Resampling.LANCZOS)


def _header(image: Image.Image, brand: Brand, x: int, y: int, ink: RGB) -> None:
    draw = ImageDraw.Draw(image)
    if brand.logo:
        logo = _logo(brand.logo, 64)
        image.paste(logo, (x, y), logo)
        x += logo.width + 20
    else:
        image.paste(ink, (x, y + 4, x + 56, y + 60), _ring(56, 9))
        x += 76
    put(
        draw,
        (x, y + 32),
        drawable(brand.site_name, "semibold"),
        font=font("semibold", 36),
        fill=ink,
        anchor="lm",
    )


def _pill(draw: Sheet, text: str, right: int, y: int, fill: RGB, ink: RGB) -> None:
    label = drawable(text.upper(), "bold")
    if not label:
        return
    face = font("bold", 26)
    width = int(face.getlength(label))
    left = right - width - 40
    target, dx, dy = _target(draw, (left, y, right + 1, y + 49))
    if target is not None:
        target.rounded_rectangle((left - dx, y - dy, right - dx, y + 48 - dy), radius=24, fill=fill)
    put(draw, (left + 20, y + 24), label, font=face, fill=ink, anchor="lm")


def _colors(brand: Brand) -> tuple[RGB, RGB, RGB]:
    """The background, accent and text colours of a brand's cards."""
    background = parse_color(brand.brand_color, "brand_color")
    return background, parse_color(brand.accent_color, "accent_color"), text_color(background)


def _canvas(
    spec: CardSpec, ring: tuple[int, int, int, int], stripe: bool, header: tuple[int, int]
) -> tuple[Sheet, RGB, RGB]:
    """A card to draw on over its background (its ring at x, y, diameter, thickness, the left
    stripe, the header), with its accent and text colours."""
    _, accent, ink = _colors(spec.brand)
    return Sheet(*_layers(spec.brand, spec.size, ring, stripe, header)), accent, ink


@lru_cache(maxsize=2)  # whole canvases (up to 8 MB): cercle.cards.batch draws one shape at a time
def _layers(
    brand: Brand,
    size: tuple[int, int],
    ring: tuple[int, int, int, int],
    stripe: bool,
    header: tuple[int, int],
) -> tuple[Image.Image, Image.Image]:
    """What every card of a layout shares, drawn once a process (never changed: see Sheet),
    in the order the layouts drew it: the same pixels; and on the palette."""
    background, accent, ink = _colors(brand)
    image = Image.new("RGB", size, background)
    x, y, diameter, thickness = ring
    image.paste(accent, (x, y, x + diameter, y + diameter), _ring(diameter, thickness))
    if stripe:
        ImageDraw.Draw(image).rectangle((0, 0, 16, size[1]), fill=accent)
    _header(image, brand, *header, ink)
    return image, with_rows(image.quantize(palette=palette(brand), dither=Image.Dither.NONE))


@cache
def palette(brand: Brand) -> Image.Image:
    """Every colour a card of `brand` can hold: the ramps of text, accent and pill over their
    backgrounds, and a logo's own colours (over the background, at most 64 of them)."""
    background, accent, _ = _colors(brand)
    pairs = [(background, text_color(background)), (background, accent), (accent, text_color(accent))]
    extra: list[RGB] = []
    if brand.logo:
        logo = _logo(brand.logo, 64)
        flat = Image.new("RGB", logo.size, background)
        flat.paste(logo, (0, 0), logo)
        colors = flat.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).getpalette() or []
        extra = [(colors[i], colors[i + 1], colors[i + 2]) for i in range(0, len(colors), 3)]
    return card_palette(pairs, extra)


def encode(image: Image.Image, brand: Brand) -> bytes:
    """The drawn card as a palette PNG of its brand's colours (cards/png.py)."""
    return encode_png(image, palette(brand))


def render_og(spec: CardSpec) -> Sheet:
    width, height = spec.size
    margin = 80
    draw, accent, ink = _canvas(spec, (width - 250, height - 250, 480, 36), True, (margin, 56))
    if spec.eyebrow:
        _pill(draw, spec.eyebrow, width - margin, 64, accent, text_color(accent))
    text_width = width - 2 * margin - 60
    facts = [line for fact in spec.facts for line in wrap(fact, "regular", 32, text_width, 1)][:2]
    room = 3 if len(facts) < 2 else 2
    size, lines = fit_title(spec.title, text_width, (72, 64, 56, 50), room)
    y = 168
    for line in lines:
        put(draw, (margin, y), line, font=font("bold", size), fill=ink)
        y += int(size * 1.18)
    if spec.subtitle and len(lines) + len(facts) <= 3:
        y += 8
        for line in wrap(spec.subtitle, "regular", 34, text_width, 4 - len(lines) - len(facts)):
            y += 4
            put(draw, (margin, y), line, font=font("regular", 34), fill=ink)
            y += 42
    y = height - 64 - 44 * len(facts) - (44 if spec.footer else 0)
    for line in facts:
        put(draw, (margin, y), line, font=font("regular", 32), fill=ink)
        y += 44
    if spec.footer:
        put(draw, (margin, y + 4), drawable(spec.footer), font=font("semibold", 28), fill=accent)
    return draw


def render_quote(spec: CardSpec) -> Sheet:
    width, height = spec.size
    margin = 96
    draw, accent, ink = _canvas(spec, (width - 340, -260, 560, 40), False, (margin, 80))
    put(draw, (margin - 8, 170), "“", font=font("bold", 220), fill=accent)
    text_width = width - 2 * margin
    size, lines = 60, []
    for size in (60, 54, 48, 42, 38):
        lines = wrap(spec.title, "semibold", size, text_width, 9)
        if not lines or (len(lines) * size * 1.25 <= 450 and not lines[-1].endswith(ELLIPSIS)):
            break
    lines = lines[: max(1, int(450 // (size * 1.25)))]
    y = 360
    for line in lines:
        put(draw, (margin, y), line, font=font("semibold", size), fill=ink)
        y += int(size * 1.25)
    bottom = height - 96
    if spec.footer:
        put(
            draw, (margin, bottom), drawable(spec.footer), font=font("semibold", 28), fill=accent, anchor="ls"
        )
        bottom -= 56
    if spec.subtitle:
        line = wrap(spec.subtitle, "italic", 30, text_width, 1)[0] if drawable(spec.subtitle) else ""
        put(draw, (margin, bottom), line, font=font("italic", 30), fill=ink, anchor="ls")
        bottom -= 52
    if spec.eyebrow:
        author = wrap("— " + spec.eyebrow, "bold", 38, text_width, 1)[0]
        put(draw, (margin, bottom), author, font=font("bold", 38), fill=accent, anchor="ls")
    return draw


def drawing(spec: CardSpec) -> Sheet:
    """The card drawn in RGB (`.image`), before it is mapped onto its brand's palette."""
    if spec.kind.startswith("variant-"):  # another shape for another network: cards/variants.py
        from cercle.cards.variants import render_variant

        return render_variant(spec)
    return render_quote(spec) if spec.kind == "quote" else render_og(spec)


def rows(spec: CardSpec) -> Image.Image:
    """The card on its brand's palette as its PNG's rows (cards.png.with_rows)."""
    return drawing(spec).rows(palette(spec.brand))


def indexed(spec: CardSpec) -> Image.Image:
    """The card on its brand's palette: exactly the pixels its PNG holds (pictures are made
    from this one, as they would be from the PNG read back)."""
    return without_rows(rows(spec))


def render(spec: CardSpec) -> bytes:
    """The card as PNG bytes, deterministic: no timestamp, no text chunk, fixed palette and
    compression."""
    return encode_rows(rows(spec))
