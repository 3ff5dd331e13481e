"""A slides PDF → page images, thumbnails and the text of each page (pypdfium2 + Pillow).

Rendering is cached by the PDF's hash (and the rendering options) under a cache folder:
a deck renders once, then every build reuses the images.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

RENDER_VERSION = 2  # bump when the output of a render changes
MAX_PAGES = 300


class SlidesError(ValueError):
    """The PDF cannot be used; `code` is a message code (`unreadable_pdf`, `empty_pdf`, …)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class RenderOptions:
    width: int = 1280
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

    def files(self) -> list[Path]:
        return [self.directory / name for s in self.slides for name in (s.image, s.thumb)]


def pdf_key(data: bytes, options: RenderOptions) -> str:
    digest = hashlib.sha256(data)
    digest.update(json.dumps([RENDER_VERSION, asdict(options)], sort_keys=True).encode())
    return digest.hexdigest()[:24]


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document, or SlidesError when it is not a readable PDF with pages."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SlidesError("unreadable_pdf", "no %PDF header")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SlidesError("unreadable_pdf", str(exc)) from None
    if len(pdf) == 0:
        raise SlidesError("empty_pdf")
    if len(pdf) > MAX_PAGES:
        raise SlidesError("too_many_pages", str(len(pdf)))
    return pdf


def check_pdf(path: Path) -> int:
    """Number of pages; SlidesError when the file is missing, unreadable or empty."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SlidesError("unreadable_pdf", exc.strerror or str(exc)) from None
    pdf = open_pdf(data)
    try:
        count = len(pdf)
        for page in pdf:  # a damaged page fails here rather than mid-build
            page.get_size()
        return count
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage) -> tuple[str, str]:
    """(title, text): title is the leading run of lines set in the page's largest font size."""
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in range(len(raw))]
    finally:
        textpage.close()
    lines: list[tuple[str, float]] = []
    current, biggest = [], 0.0
    for char, size in zip(raw + "\n", [*sizes, 0.0], strict=True):
        if char in "\r\n":
            line = " ".join("".join(current).split())
            if line:
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
    return title, " ".join(line for line, _ in lines)


def _save(image: object, path: Path, options: RenderOptions) -> None:
    fmt = options.format.upper()
    kwargs = {"quality": options.quality, "method": 4} if fmt == "WEBP" else {"optimize": True}
    image.save(path, fmt, **kwargs)  # type: ignore[attr-defined]


def _render(data: bytes, directory: Path, options: RenderOptions) -> list[Slide]:
    pdf = open_pdf(data)
    slides = []
    try:
        for index, page in enumerate(pdf):
            number = index + 1
            page_width, _ = page.get_size()
            image = page.render(scale=options.width / page_width).to_pil().convert("RGB")
            thumb = image.copy()
            thumb.thumbnail((options.thumb_width, options.thumb_width * 4))
            name, thumb_name = f"slide-{number:03d}.{options.format}", f"thumb-{number:03d}.{options.format}"
            _save(image, directory / name, options)
            _save(thumb, directory / thumb_name, options)
            title, text = _page_text(page)
            slides.append(Slide(number, name, thumb_name, *image.size, *thumb.size, title, text))
            page.close()
    finally:
        pdf.close()
    return slides


def render_deck(pdf_path: Path, cache_dir: Path, options: RenderOptions | None = None) -> Deck:
    """The deck of `pdf_path`, rendered into `cache_dir/<key>/` unless it already is."""
    options = options or RenderOptions()
    data = pdf_path.read_bytes()
    key = pdf_key(data, options)
    directory = cache_dir / key
    manifest = directory / "deck.json"
    if manifest.is_file():
        try:
            slides = tuple(Slide(**row) for row in json.loads(manifest.read_text("utf-8")))
            deck = Deck(key, directory, slides, len(data))
            if all(path.is_file() for path in deck.files()):
                return deck
        except (ValueError, TypeError):
            pass  # a damaged cache entry is rendered again
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Render into a private folder, then move it in place: parallel builds never see half a deck.
    work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache_dir))
    try:
        slides = _render(data, work, options)
        (work / "deck.json").write_text(json.dumps([asdict(s) for s in slides], ensure_ascii=False), "utf-8")
        if directory.exists():
            shutil.rmtree(directory, ignore_errors=True)
        try:
            os.replace(work, directory)
        except OSError:
            if not manifest.is_file():  # another build won the race: use theirs, else fail loudly
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Deck(key, directory, tuple(slides), len(data))
