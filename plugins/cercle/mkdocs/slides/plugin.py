"""`cercle/slides`: renders each slides PDF once (cached) and gives its page a gallery."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cercle.core.urls import url_of_path
from cercle.mkdocs.hub.plugin import hub_of, page_view
from cercle.mkdocs.slides.config import SlidesConfig
from cercle.slides.gallery import gallery
from cercle.slides.render import Deck, RenderOptions, SlidesError, render_deck


class SlidesPlugin(BasePlugin[SlidesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.decks: dict[str, Deck] = {}  # PDF path in content/ → its rendered deck

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.decks = {}
        if not self.config.enabled:
            return files
        hub = hub_of(config)
        cache = Path(config.config_file_path or ".").parent / self.config.cache_dir
        options = RenderOptions(self.config.width, self.config.thumb_width, self.config.format)
        for entry in hub.catalog.entries:
            value = entry.event.slides if entry.event else None
            if not value or "://" in value or value.lstrip("/") in self.decks:
                continue
            pdf = value.lstrip("/")
            try:
                deck = render_deck(hub.settings.content_dir / pdf, cache, options)
            except (OSError, SlidesError) as exc:  # `cercle check` normally stops this earlier
                raise PluginError(f"{entry.rel_path}: slides: {pdf}: {exc}") from None
            self.decks[pdf] = deck
            for path in deck.files():
                uri = f"{self._folder(deck)}/{path.name}"
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    def _folder(self, deck: Deck) -> str:
        return f"{self.config.output.strip('/')}/{deck.key}"

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        view = page_view(context)
        if view is None or view.entry is None or view.entry.event is None:
            return context
        value = view.entry.event.slides
        deck = self.decks.get(value.lstrip("/")) if value else None
        if deck is not None and value:
            pdf_url = url_of_path(value.lstrip("/"))
            view.extra["slides"] = gallery(deck, pdf_url, self._folder(deck), view.lang)
        return context
