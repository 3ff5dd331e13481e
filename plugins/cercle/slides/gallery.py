"""What a page shows of a rendered deck: images, thumbnails, alt text, the download link."""

from __future__ import annotations

from dataclasses import dataclass

from cercle.core.i18n import ui
from cercle.core.langtags import primary_language
from cercle.slides.render import Deck, Slide


@dataclass(frozen=True)
class GalleryItem:
    slide: Slide
    image_url: str  # site-relative
    thumb_url: str
    alt: str
    lang: str = ""  # the alt text's language when it is not the page's

    @property
    def number(self) -> int:
        return self.slide.number


@dataclass(frozen=True)
class Gallery:
    pdf_url: str  # site-relative
    pdf_bytes: int
    items: tuple[GalleryItem, ...]
    # The deck's language when the page is in another one: the slides' alt texts and text
    # carry it as their `lang` (WCAG 3.1.2); "" when they are in the page's language.
    lang: str = ""

    @property
    def has_text(self) -> bool:
        """Whether any slide has text (a scanned deck has none: no empty list of texts)."""
        return any(item.slide.text for item in self.items)

    @property
    def first(self) -> GalleryItem:
        return self.items[0]

    @property
    def thumb_size(self) -> tuple[int, int]:
        """The thumbnails' usual size (a slide of another shape says its own)."""
        return self.first.slide.thumb_width, self.first.slide.thumb_height

    def size_label(self, lang: str) -> str:
        kib = max(1, round(self.pdf_bytes / 1024))
        return ui(lang, "size_kb", size=kib) if kib < 1024 else ui(lang, "size_mb", size=f"{kib / 1024:.1f}")


def slide_alt(slide: Slide, total: int, lang: str, foreign: bool = False) -> str:
    """Alt text: which slide, and its title (or the start of its text); the full text follows in the page.

    `foreign`: the deck is in another language than the page: the alt text is the title alone,
    marked with the deck's language (one attribute cannot hold two languages); the list's
    order and the stage's caption say which slide it is."""
    label = slide.title or slide.text
    if len(label) > 120:
        label = label[:117].rsplit(" ", 1)[0] + "…"
    if not label:
        return ui(lang, "slide_n_of", n=slide.number, total=total)
    return label if foreign else ui(lang, "slide_alt", n=slide.number, total=total, title=label)


def thumb_of(image_url: str) -> str:
    """A slide image's thumbnail address, as cercle-slides.js derives it."""
    folder, _, name = image_url.rpartition("/")
    return f"{folder}/{name.replace('slide-', 'thumb-', 1)}"


def gallery(deck: Deck, pdf_url: str, images_url: str, lang: str) -> Gallery:
    """`images_url`: the site-relative folder where the deck's images are published."""
    base = images_url.rstrip("/")
    total = len(deck.slides)
    foreign = deck.lang if deck.lang and primary_language(deck.lang) != primary_language(lang) else ""
    foreign = foreign if any(s.title or s.text for s in deck.slides) else ""  # image-only: nothing to mark
    items = tuple(
        GalleryItem(s, f"{base}/{s.image}", f"{base}/{s.thumb}", *_alt(s, total, lang, foreign))
        for s in deck.slides
    )
    for item in items:  # the page gives each image's address; cercle-slides.js its thumbnail's
        if item.thumb_url != thumb_of(item.image_url):
            raise ValueError(f"{item.thumb_url}: not the thumbnail address cercle-slides.js derives")
    return Gallery(pdf_url, deck.pdf_bytes, items, foreign)


def _alt(slide: Slide, total: int, lang: str, foreign: str) -> tuple[str, str]:
    """(alt text, its language when not the page's): a slide without text says its number."""
    foreign = foreign if slide.title or slide.text else ""
    return slide_alt(slide, total, lang, foreign=bool(foreign)), foreign
