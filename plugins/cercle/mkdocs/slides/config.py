"""Options of the `cercle/slides` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, Type

from cercle.slides.render import MAX_PAGE_SIZE, MAX_PAGES


class SlidesConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    enabled = Type(bool, default=True)
    # Rendered decks are kept here (relative to mkdocs.yml), by hash of the PDF.
    cache_dir = Type(str, default=".cache/cercle/slides")
    # Site folder where the images of each deck are published (one subfolder per deck).
    output = Type(str, default="assets/slides")
    # Pixel widths of a slide and of its thumbnail (see RenderOptions: what the gallery shows).
    width = Type(int, default=1024)
    thumb_width = Type(int, default=320)
    format = Choice(("webp", "png"), default="webp")
    # A PDF with more pages, or a page whose longest side is larger (in points, 1/72 inch),
    # is refused by `cercle check` and the build, before anything is drawn.
    max_pages = Type(int, default=MAX_PAGES)
    max_page_size = Type((int, float), default=MAX_PAGE_SIZE)
