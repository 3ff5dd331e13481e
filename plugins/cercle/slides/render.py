"""A slides PDF → page images, thumbnails and the text of each page (pypdfium2 + Pillow).

The PDF is checked before any page is drawn (page count, size of every page: limits
from the configuration), and no image exceeds what its format can hold. The cache of
rendered decks is cercle.slides.cache.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from cercle.core.cachefile import digest
from cercle.slides.language import pdf_language

RENDER_VERSION = 4  # bump when the output of a render changes (4: slide text without nav dots, page counters)
# Default limits (cercle/slides options max_pages, max_page_size). 5,000 pt is 1.76 m:
# more than A0 (3,370 pt); PDF allows 14,400 pt, a page that would render to gigabytes.
MAX_PAGES = 300
MAX_PAGE_SIZE = 5000
MAX_SIDE = 16383  # pixels per side: WebP's limit, kept for PNG too (bounded memory)


class SlidesError(ValueError):
    """The PDF cannot be used; `code` is a message code (`unreadable_pdf`, `empty_pdf`, …),
    `params` what its message shows (a page number, a size, a limit)."""

    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.params = params

    def __reduce__(self) -> tuple[object, ...]:  # raised in a worker process (slides.pool)
        return _slides_error, (self.code, self.detail, self.params)


def _slides_error(code: str, detail: str, params: dict[str, object]) -> SlidesError:
    return SlidesError(code, detail, **params)


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = MAX_PAGES
    max_page_size: float = MAX_PAGE_SIZE  # points (1/72 in), longest side of any page


@dataclass(frozen=True)
class RenderOptions:
    # The gallery shows a slide at most ~830 CSS px wide (Material's content column) and a
    # thumbnail ~190: 1024 and 320 stay sharp at 1.25x and 1.7x zoom, for 64 % of the pixels
    # (and encoding time) of 1280.
    width: int = 1024
    thumb_width: int = 320
    format: str = "webp"
    quality: int = 82


@dataclass(frozen=True)
class Slide:
    number: int  # 1-based
    image: str  # file name inside the deck's folder
    thumb: str
    width: int
    height: int
    thumb_width: int
    thumb_height: int
    title: str  # the biggest text at the top of the page, when there is one
    text: str  # the whole text of the page, lines joined


@dataclass(frozen=True)
class Deck:
    key: str  # hash of the PDF and the options: the deck's folder name
    directory: Path
    slides: tuple[Slide, ...]
    pdf_bytes: int
    # BCP 47 tag of the language the deck is written in; "" when unsure, None when its text
    # was not read yet (cercle.slides.pool reads it once the deck is rendered).
    lang: str | None = None

    def files(self) -> list[Path]:
        return [self.directory / name for s in self.slides for name in (s.image, s.thumb)]


def pdf_key(data: bytes, options: RenderOptions) -> str:
    digest = hashlib.sha256(data)
    digest.update(json.dumps([RENDER_VERSION, asdict(options)], sort_keys=True).encode())
    return digest.hexdigest()[:24]


def open_pdf(data: bytes, limits: PdfLimits | None = None) -> pdfium.PdfDocument:
    """The document, or SlidesError when it is not a readable PDF with pages within `limits`.

    Every page's size is read here, before anything is drawn: a damaged or oversized page
    fails with its number rather than mid-build."""
    limits = limits or PdfLimits()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SlidesError("unreadable_pdf", "no %PDF header")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SlidesError("unreadable_pdf", str(exc)) from None
    try:
        count = len(pdf)
        if count == 0:
            raise SlidesError("empty_pdf")
        if count > limits.max_pages:
            raise SlidesError("pdf_too_many_pages", str(count), pages=count, max=limits.max_pages)
        for index in range(count):
            _check_size(pdf[index], index + 1, limits)
    except pdfium.PdfiumError as exc:
        pdf.close()
        raise SlidesError("unreadable_pdf", str(exc)) from None
    except BaseException:
        pdf.close()
        raise
    return pdf


def _check_size(page: pdfium.PdfPage, number: int, limits: PdfLimits) -> None:
    try:
        width, height = page.get_size()
    finally:
        page.close()
    size = {"page": number, "width": round(width), "height": round(height)}
    if not (width >= 1 and height >= 1):  # also NaN
        raise SlidesError("pdf_page_too_small", f"page {number}", **size)
    if max(width, height) > limits.max_page_size:
        raise SlidesError("pdf_page_too_large", f"page {number}", **size, max=round(limits.max_page_size))


def check_pdf(path: Path, limits: PdfLimits | None = None) -> int:
    """Number of pages; SlidesError when the file is missing, unreadable, empty or over `limits`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SlidesError("pdf_file_unreadable", exc.strerror or str(exc)) from None
    pdf = open_pdf(data, limits)
    try:
        return len(pdf)
    finally:
        pdf.close()


_BULLETS = frozenset("•●○◦▪■□‣►▸➢➤✔✓–—-*")


def _page_text(page: pdfium.PdfPage, number: int) -> tuple[str, str]:
    """(title, text): title is the leading run of lines set in the page's largest font size."""
    counter = re.compile(rf"{number}\s*/\s*\d+")  # "2 / 21": the page counter, often first
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in range(len(raw))]
    finally:
        textpage.close()
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    biggest = 0.0
    for char, size in zip(raw + "\n", [*sizes, 0.0], strict=True):
        if char in "\r\n":
            line = " ".join("".join(current).split())
            # Beamer's navigation dots (one "." a line), a lone bullet or the page counter
            # say nothing to a reader and would open every alt text; a code sample's "}" stays.
            if line and line != "." and not set(line) <= _BULLETS and not counter.fullmatch(line):
                lines.append((line, biggest))
            current, biggest = [], 0.0
        else:
            current.append(char)
            biggest = max(biggest, size)
    if not lines:
        return "", ""
    top = max(size for _, size in lines)
    title_lines = []
    for line, size in lines:
        if abs(size - top) > 0.5:
            break
        title_lines.append(line)
    title = " ".join(title_lines) if len(title_lines) < len(lines) else ""
    if title[:1] in _BULLETS:  # a list item set bigger than the others (an outline) is no title
        title = ""
    return title, " ".join(line for line, _ in lines)


def _encode(image: Image.Image, options: RenderOptions) -> bytes:
    fmt = options.format.upper()
    # WebP method 2: half the encoding time of method 4 (the default) for ~4 % more bytes.
    kwargs = {"quality": options.quality, "method": 2} if fmt == "WEBP" else {"optimize": True}
    out = io.BytesIO()
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def _scale(width: float, height: float, options: RenderOptions, thumb: bool = False) -> float:
    """`options.width` pixels wide, unless a side would exceed MAX_SIDE: then scaled down.
    A thumbnail: `options.thumb_width` wide, at most 4 times as tall."""
    if thumb:
        return min(options.thumb_width / width, options.thumb_width * 4 / height)
    scale = options.width / width
    longest = max(width, height)
    if longest * scale > MAX_SIDE - 1:  # pdfium rounds sizes up
        scale = (MAX_SIDE - 1) / longest
    return scale


def render_pages(
    data: bytes, directory: Path, options: RenderOptions, limits: PdfLimits | None = None
) -> tuple[list[Slide], dict[str, str], str | None]:
    """Draw every page into `directory`: the slides, the BLAKE2b digest of each file written
    and the language the PDF declares (None if none: cercle.slides.pool reads it from the text)."""
    pdf = open_pdf(data, limits)
    slides, digests = [], {}
    try:
        declared = pdf_language(pdf)
        for index, page in enumerate(pdf):
            number = index + 1
            size = cast("tuple[float, float]", page.get_size())  # pypdfium2 leaves it unannotated
            image: Image.Image = page.render(scale=_scale(*size, options)).to_pil().convert("RGB")
            if max(image.size) > MAX_SIDE:  # never expected: _scale leaves a pixel of margin
                image.thumbnail((MAX_SIDE, MAX_SIDE))
            # Drawn again at its size: a third of the time of shrinking the image, as sharp.
            thumb: Image.Image = page.render(scale=_scale(*size, options, thumb=True)).to_pil().convert("RGB")
            name, thumb_name = slide_names(number, options)
            for file_name, picture in ((name, image), (thumb_name, thumb)):
                encoded = _encode(picture, options)
                (directory / file_name).write_bytes(encoded)
                digests[file_name] = digest(encoded).hex()
            title, text = _page_text(page, number)
            slides.append(Slide(number, name, thumb_name, *image.size, *thumb.size, title, text))
            page.close()
    finally:
        pdf.close()
    return slides, digests, declared or None


def slide_names(number: int, options: RenderOptions) -> tuple[str, str]:
    """File names of a slide's image and thumbnail: derived, never read from a cache file.
    cercle-slides.js finds a thumbnail from its image's address: "slide-" becomes "thumb-"."""
    return f"slide-{number:03d}.{options.format}", f"thumb-{number:03d}.{options.format}"
