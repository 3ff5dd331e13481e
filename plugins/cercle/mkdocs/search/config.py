"""Options of the `cercle/search` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import ListOfItems, Type

# Inside the indexed article, what is not the page's own text: permalinks, notices, the facts
# list (date, place: filters cover them), the share block, the video and slide viewers' controls
# (the slides' text stays), related entries (indexed on their own pages), screen-reader-only words.
DEFAULT_EXCLUDE = (
    ".headerlink",
    ".cercle-notice",
    ".cercle-facts",
    ".cercle-share",
    ".cercle-video",
    ".cercle-related",
    ".cercle-slides__stage",
    ".cercle-slides__controls",
    ".cercle-slides__thumbs",
    ".cercle-slides__download",
    ".cercle-visually-hidden",
    ".md-source-file",
    ".md-content__button",
)


PART_PAGES = 1000


class SearchConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    enabled = Type(bool, default=True)
    # More CSS selectors Pagefind skips inside the indexed article.
    exclude_selectors = ListOfItems(Type(str), default=[])
    # Seconds Pagefind may take before the build stops.
    timeout = Type((int, float), default=300)
    # Most pages of one language in one Pagefind run: Pagefind holds every page it reads in
    # memory (~0.5 MB each with transcripts), so a language with more is indexed in parts,
    # one after the other, that the search dialog searches together (cercle/search/parts.py).
    # 0: never split.
    part_pages = Type(int, default=PART_PAGES)
