"""Pictures of entries and speakers in listings: small responsive copies, drawn like cards.

An entry's picture is its own `image` (a file in content/, cropped to the card's shape), else
its card; a speaker's is their `photo`, else an avatar with their initials in the brand's
colours. Each picture is written at a few widths in WebP, which every browser the hub
supports reads, for `srcset`; an entry's own image also as a 1200 px JPEG, its og:image
(social networks do not all read WebP). PNG and JPEG copies of every width were a third of
the pictures' files and bytes, fetched by no current browser.

Cached like cards (cercle.core.cachefile: sealed, verified, atomic) under a digest of what
the picture is made of, and copied into the site; nothing is fetched: a remote image is never
used (the card stands in, and the planner warns).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from cercle.cards.draw import palette, render
from cercle.cards.fonts import drawable, font, fonts_version
from cercle.cards.placing import Placer
from cercle.cards.png import cached_png, card_palette
from cercle.cards.spec import CardSpec, parse_color
from cercle.core.cachefile import read_regular, seal, unseal, write_atomic
from cercle.core.filememo import remembered
from cercle.core.soundfiles import SoundFiles, State, state_of
from cercle.core.urls import url_of_path

VERSION = 5  # bump when the resizing, the avatars or the formats change: every picture is made again
# In each picture's digest, like VERSION: a change of encoder or resizing makes them again.
FORMATS = "jpg:82-social webp:80m2 webp:lossless-palette-q25m2 resize:cascade-hamming-bicubic draft"
# Resizing was half of a picture's time with Lanczos. Flat cards and avatars: Hamming (2.2×
# faster, edges of text a shade softer at 4× zoom, the same at 1×); photos: bicubic (1.4×).
FILTERS = {"card": Image.Resampling.HAMMING, "initials": Image.Resampling.HAMMING}
ROOT = "assets/pictures"
ENTRY_WIDTHS = (360, 720)  # listings show cards 16-24rem wide: 1x and 2x
SOCIAL_WIDTH = 1200  # an entry's own image also becomes its 1200×630 og:image
AVATAR_WIDTHS = (96, 192)
MAX_PIXELS = 40_000_000  # an image larger than this is refused (decompression bombs)


@dataclass(frozen=True)
class Variant:
    dest: str  # path inside the site
    width: int
    height: int
    mime: str

    @property
    def url(self) -> str:
        """What pages link to (percent-encoded: an entry may be named `100%.md`)."""
        return url_of_path(self.dest)


@dataclass(frozen=True)
class Picture:
    """One picture and its copies. `source` is "card", "image" or "initials"."""

    stem: str  # site path without width and extension, e.g. assets/pictures/fr/webinaires/x
    source: str
    ratio: tuple[int, int]  # width, height
    widths: tuple[int, ...]
    card: CardSpec | None = None
    path: str | None = None  # absolute path of the image or photo
    initials: str = ""
    colors: tuple[str, str] = ("#283593", "#ffca28")
    social: bool = False  # an entry's own image: its largest copy is also its og:image, in JPEG

    @property
    def ext(self) -> str:
        return "jpg" if self.source == "image" else "png"

    @property
    def mime(self) -> str:
        return "image/jpeg" if self.ext == "jpg" else "image/png"

    def height_of(self, width: int) -> int:
        return round(width * self.ratio[1] / self.ratio[0])

    def variants(self) -> list[Variant]:
        out = []
        for width in self.widths:
            height = self.height_of(width)
            if self.social and width == max(self.widths):
                out.append(Variant(f"{self.stem}-{width}.{self.ext}", width, height, self.mime))
            out.append(Variant(f"{self.stem}-{width}.webp", width, height, "image/webp"))
        return out

    def responsive(self) -> list[Variant]:
        """The copies pages offer in `srcset`: every width, in WebP."""
        return [v for v in self.variants() if v.mime == "image/webp"]

    def srcset(self) -> str:
        return ", ".join(f"{v.url} {v.width}w" for v in self.responsive())

    @property
    def src(self) -> Variant:
        """`<img src>`: the smallest copy."""
        return self.responsive()[0]

    @property
    def largest(self) -> Variant:
        """The og:image of an entry's own image (JPEG); else the largest copy."""
        if self.social:
            return next(v for v in self.variants() if v.mime == self.mime)
        return self.responsive()[-1]

    def digest(self) -> str:
        data = {"v": VERSION, "formats": FORMATS, "source": self.source, "ratio": self.ratio}
        data["widths"] = self.widths
        data["social"] = self.social
        if self.card is not None:
            data["card"] = self.card.digest()
        if self.path is not None:  # read again only when the file changed (`cercle serve`)
            data["file"] = remembered(Path(self.path), "picture_digest", partial(_file_digest, self.path))
        if self.source == "initials":
            data.update(initials=self.initials, colors=self.colors, fonts=fonts_version())
        text = json.dumps(data, sort_keys=True, default=list)
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _file_digest(path: str) -> str:
    return hashlib.blake2b(read_regular(Path(path)) or b"", digest_size=16).hexdigest()


def initials(name: str) -> str:
    """Up to two capital initials: "Stéphanie Ledoux" → "SL"."""
    words = [w for w in drawable(name, "bold").replace("-", " ").split() if w[:1].isalpha()]
    letters = [w[0] for w in words[:1] + words[1:][-1:]]
    return "".join(letters).upper() or "?"


def _avatar(picture: Picture, size: int = 384) -> Image.Image:
    background, ink = (parse_color(c, "brand") for c in picture.colors)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    face = font("bold", size * 2 // 5)
    draw.text((size / 2, size / 2), picture.initials, font=face, fill=ink, anchor="mm")
    return image


def _source_image(picture: Picture, cards_cache: Path) -> Image.Image:
    if picture.source == "initials":
        return _avatar(picture)
    if picture.source == "card" and picture.card is not None:
        data = cached_png(cards_cache / f"{picture.card.digest()}.png", picture.card.size)
        raw = bytes(data) if data is not None else render(picture.card)
        return Image.open(io.BytesIO(raw)).convert("RGB")
    raw = read_regular(Path(picture.path or "")) or b""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # larger: DecompressionBombError, reported by the caller
    image: Image.Image = Image.open(io.BytesIO(raw))
    _draft(image, picture)
    ImageOps.exif_transpose(image, in_place=True)  # our own image: no copy of a whole photo
    return image if image.mode == "RGB" else image.convert("RGB")


def _draft(image: Image.Image, picture: Picture) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 of its size when the largest copy still fits in
    that (libjpeg scales while decoding: a 4000 px photo for 192 px avatars costs a tenth)."""
    if image.format != "JPEG":
        return
    width, height = image.size
    ratio = picture.ratio[0] / picture.ratio[1]
    # The crop keeps the picture's ratio; EXIF may turn the photo a quarter: fit both ways.
    scale = max(picture.widths) / min(min(width, height * ratio), min(height, width * ratio))
    if scale <= 0.5:
        image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))


def _palette(picture: Picture) -> Image.Image | None:
    """The colours a card or an avatar can hold (a photo has no such list)."""
    if picture.source == "card" and picture.card is not None:
        return palette(picture.card.brand)
    if picture.source == "initials":
        background, ink = (parse_color(c, "brand") for c in picture.colors)
        return card_palette([(background, ink)])
    return None


def _encode(image: Image.Image, exts: set[str], colors: Image.Image | None) -> dict[str, bytes]:
    """`image` in WebP and, when `exts` asks for it, in JPEG, by extension.

    With `colors` (a card or an avatar) it is mapped onto them first (nearest colour, no
    dithering: resizing blends along the same ramps) and stored losslessly (method 2 at
    effort 25: half the time of method 4, and smaller on these flat images). A photo is a
    lossy WebP (method 2: 40 % faster than 4, the same PSNR, 5 % larger), and its og:image
    copy a progressive JPEG."""
    webp = io.BytesIO()
    if colors is not None:
        indexed = image.quantize(palette=colors, dither=Image.Dither.NONE)
        indexed.convert("RGB").save(webp, "WEBP", lossless=True, quality=25, method=2)
        return {"webp": webp.getvalue()}
    image.save(webp, "WEBP", quality=80, method=2)
    found = {"webp": webp.getvalue()}
    if "jpg" in exts:
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        found["jpg"] = out.getvalue()
    return found


def make(picture: Picture, cards_cache: Path, source: Image.Image | None = None) -> dict[str, bytes]:
    """Every copy of a picture (site path → bytes), cropped to its ratio and resized.

    Each width is resized once for both its formats, from the next larger copy already made
    (from 1200 to 720 costs a third of from a 1600 px photo; the result differs from a direct
    resize by ~52 dB of PSNR, nothing an eye can see), with the filter of its kind (FILTERS).
    `source` is the card or image when the caller holds it already (a card just drawn: not
    decoded back from its PNG)."""
    source = source if source is not None else _source_image(picture, cards_cache)
    colors = _palette(picture)
    encoded: dict[str, bytes] = {}
    wanted = picture.variants()
    for width in sorted(picture.widths, reverse=True):
        size = (width, picture.height_of(width))
        source = ImageOps.fit(source, size, FILTERS.get(picture.source, Image.Resampling.BICUBIC))
        exts = {v.dest.rsplit(".", 1)[1] for v in wanted if v.width == width}
        for ext, data in _encode(source, exts, colors).items():
            encoded[f"{picture.stem}-{width}.{ext}"] = data
    return {variant.dest: encoded[variant.dest] for variant in picture.variants()}


def cached_copies(
    picture: Picture, cache_dir: Path, sound: SoundFiles | None = None
) -> dict[str, memoryview] | None:
    """Every copy of `picture` from the cache (site path → bytes), or None if one is missing
    or damaged (then all are made again). Given `sound`, those found sound are recorded."""
    targets = _targets(picture, cache_dir)
    if sound is not None:
        copies = {dest: sound.read(target.name) for dest, target in targets.items()}
    else:
        copies = {dest: unseal(read_regular(target)) for dest, target in targets.items()}
    found = {dest: data for dest, data in copies.items() if data is not None}
    return found if len(found) == len(copies) else None


Made = tuple[dict[str, bytes], str, dict[str, State]]  # copies, why not, cache name → state


def make_cached(
    picture: Picture, cache_dir: Path, cards_cache: Path, source: Image.Image | None = None
) -> Made:
    """Make every copy of `picture` and cache it: (copies, "", the cache files' states) or
    ({}, why it could not be, {})."""
    try:
        fresh = make(picture, cards_cache, source)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        return {}, str(exc), {}
    targets = _targets(picture, cache_dir)
    states = {}
    for dest, data in fresh.items():
        states[targets[dest].name] = state_of(write_atomic(targets[dest], seal(data)))
    return fresh, "", states


def _targets(picture: Picture, cache_dir: Path) -> dict[str, Path]:
    key = picture.digest()
    return {v.dest: cache_dir / f"{key}-{v.width}.{v.dest.rsplit('.', 1)[1]}" for v in picture.variants()}


def render_pictures(
    pictures: list[Picture],
    cache_dir: Path,
    cards_cache: Path,
    site_dir: Path | None,
    stop: threading.Event | None = None,
) -> tuple[int, list[tuple[Picture, str]]]:
    """Make the pictures missing from the cache and copy every one into the site, one after
    the other (a build makes them in the cards' pool: cards.batch.render_all).

    Returns how many were made and the pictures that could not be (with the reason)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    made, failed = 0, []
    placer = Placer.into(site_dir)
    for picture in pictures:
        if stop is not None and stop.is_set():
            break
        copies: dict[str, bytes] | dict[str, memoryview] | None = cached_copies(picture, cache_dir)
        if copies is None:
            copies, reason, _ = make_cached(picture, cache_dir, cards_cache)
            if reason:
                failed.append((picture, reason))
                continue
            made += 1
        place(copies, placer)
    return made, failed


def place(
    copies: dict[str, bytes] | dict[str, memoryview], placer: Placer, keys: dict[str, str] | None = None
) -> None:
    """Put a picture's files into the site (new files or links to the published version's);
    `keys`: each file's cache name, recorded for the next build (cercle.build.placed)."""
    for dest, payload in copies.items():
        placer.put(dest, payload, (keys or {}).get(dest, ""))


def copy_keys(picture: Picture, cache_dir: Path) -> dict[str, str]:
    """Each copy's site path → its cache file's name, which fixes its bytes."""
    return {dest: target.name for dest, target in _targets(picture, cache_dir).items()}
