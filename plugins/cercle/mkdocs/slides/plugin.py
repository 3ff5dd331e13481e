"""`cercle/slides`: renders each slides PDF once (cached) and gives its page a gallery."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.core.catalog import Entry
from cercle.core.errors import from_root, problem
from cercle.core.phases import timed
from cercle.core.refs import ContentRef
from cercle.mkdocs.hub.plugin import hub_of, messages_language, page_view
from cercle.mkdocs.slides.config import SlidesConfig
from cercle.slides.gallery import gallery
from cercle.slides.pool import render_decks
from cercle.slides.render import Deck, PdfLimits, RenderOptions, SlidesError
from cercle.webinar.checks import slides_problem


class SlidesPlugin(BasePlugin[SlidesConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.decks: dict[str, Deck] = {}  # PDF path in content/ → its rendered deck

    @timed("slides")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.decks = {}
        if not self.config.enabled:
            return files
        hub = hub_of(config)
        cache = Path(config.config_file_path or ".").parent / self.config.cache_dir
        options = RenderOptions(self.config.width, self.config.thumb_width, self.config.format)
        limits = PdfLimits(self.config.max_pages, self.config.max_page_size)
        todo: dict[str, tuple[Entry, Path]] = {}  # PDF path in content/ → first entry, file
        for entry in hub.catalog.entries:
            ref = ContentRef.of(entry.event.slides if entry.event else None)
            pdf = ref.content_path if ref else None
            path = ref.resolve(hub.settings.content_dir) if ref else None
            if pdf is not None and path is not None and pdf not in todo:  # else the Catalog reports it
                todo[pdf] = (entry, path)
        decks = render_decks([path for _, path in todo.values()], cache, options, limits)
        for (pdf, (entry, _)), future in zip(todo.items(), decks, strict=True):
            try:
                deck = future.result()
            except SlidesError as exc:  # `cercle check` normally stops these earlier
                [found] = from_root([slides_problem(entry, pdf, exc)], hub.settings)
                raise PluginError(found.render(messages_language(config))) from None
            except OSError as exc:  # the cache folder cannot be written (full disk, permissions)
                shown = hub.settings.from_root(entry.rel_path)
                found = problem(
                    shown,
                    entry.line_of("slides"),
                    "slides",
                    "slides_cache_unwritable",
                    value=pdf,
                    cache=hub.settings.from_root(str(cache)),
                    detail=exc.strerror or str(exc),
                )
                raise PluginError(found.render(messages_language(config))) from None
            self.decks[pdf] = deck
            for file in deck.files():
                uri = f"{self._folder(deck)}/{file.name}"
                files.append(File.generated(config, uri, abs_src_path=str(file)))
        return files

    def _folder(self, deck: Deck) -> str:
        return f"{self.config.output.strip('/')}/{deck.key}"

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        if view is None or view.entry is None or view.entry.event is None:
            return context
        ref = ContentRef.of(view.entry.event.slides)
        pdf = ref.content_path if ref else None
        deck = self.decks.get(pdf) if pdf is not None else None
        if deck is not None and ref is not None:
            view.parts.slides = gallery(deck, ref.url, self._folder(deck), view.lang)
        return context
