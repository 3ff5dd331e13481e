"""`cercle/booklet`: publishes `cercle booklet`'s PDF as a download on the guides listing."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.booklet.make import identity, make_booklet
from cercle.booklet.pdf import BookletUnavailable
from cercle.core.i18n import message
from cercle.core.models import EntryType
from cercle.hub.pages import Kind
from cercle.mkdocs.booklet.config import BookletConfig
from cercle.mkdocs.hub.plugin import hub_of, page_view

FILE_NAME = "booklet.pdf"


class BookletPlugin(BasePlugin[BookletConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def _languages(self, config: MkDocsConfig) -> list[str]:
        if not self.config.enabled:
            return []
        catalog = hub_of(config).catalog
        wanted = self.config.languages or list(catalog.languages)
        return [lang for lang in wanted if catalog.in_language(lang, EntryType.GUIDE)]

    def _url(self, config: MkDocsConfig, lang: str) -> str:
        return hub_of(config).listing_url(EntryType.GUIDE, lang) + FILE_NAME

    # The link is known before the PDF exists, so listings rendered in any process show it.
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        generated = view.generated if view else None
        if (
            view is not None
            and generated is not None
            and generated.kind is Kind.LISTING
            and generated.entry_type is EntryType.GUIDE
            and view.lang in self._languages(config)
        ):
            extra = cast("dict[str, Any]", context)  # a plain dict at runtime; Cercle adds its own keys
            extra["cercle_booklet"] = self._url(config, view.lang)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        hub = hub_of(config)
        cards = config.plugins.get("cercle/cards")
        who = identity(config.site_name, config.site_description, getattr(cards, "config", None))
        for lang in self._languages(config):
            target = Path(config.site_dir) / self._url(config, lang)
            try:
                make_booklet(hub.catalog, lang, who, config.markdown_extensions, config.mdx_configs, target)
            except BookletUnavailable as exc:
                lang_messages = hub.settings.default_language
                raise PluginError(message(lang_messages, "booklet.unavailable", detail=str(exc))) from None
