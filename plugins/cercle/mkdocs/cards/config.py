"""Options of the `cercle/cards` plugin, each explained above its line."""

from __future__ import annotations

from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, Optional, Type


class Variants(Choice):  # type: ignore[type-arg]  # mkdocs' Choice is generic over its values
    """`shared`, `all` or `none`; the former boolean still reads: true → all, false → none."""

    def run_validation(self, value: Any) -> Any:
        if isinstance(value, bool):
            value = "all" if value else "none"
        return super().run_validation(value)


class CardsConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    # Draw the cards (meta tags are written either way; og:image only with cards).
    enabled = Type(bool, default=True)
    # Background and accent colors of every card (#rrggbb or a CSS color name).
    brand_color = Type(str, default="#283593")
    accent_color = Type(str, default="#ffca28")
    # A PNG, JPEG or WebP logo, relative to mkdocs.yml; without it, a ring is drawn.
    logo = Optional(Type(str))
    # Name on the cards and in og:site_name; default: site_name of mkdocs.yml.
    site_name = Optional(Type(str))
    # One square card per quote of webinars and events.
    quotes = Type(bool, default=True)
    # Each entry's card and quotes also in the other network shapes (1:1, 4:5, 9:16; 1.91:1 for
    # quotes), for the share block's downloads: ~4 images per card, the bulk of a cold build.
    # shared: only entries meant to be shared (pinned, or a share window not ended at build
    # time); all: every entry; none: the cards alone.
    variants = Variants(("shared", "all", "none"), default="shared")
    # Where drawn cards are kept between builds, relative to mkdocs.yml.
    cache_dir = Type(str, default=".cache/cercle/cards")
    # Processes (spawned) draw without sharing the interpreter lock with the page rendering;
    # threads start faster. auto: processes from 200 cards to draw, threads below.
    concurrency = Choice(("auto", "process", "thread"), default="auto")
    # Parallel workers; 0: one per CPU (at most 8).
    workers = Type(int, default=0)
