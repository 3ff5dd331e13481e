"""`cercle/webinar`: gives webinar and event pages their view (video, chapters, quotes,
transcript, related entries, JSON-LD) as `cercle.parts.webinar` for cercle/event.html."""

from __future__ import annotations

from functools import partial

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.mkdocs.hub.plugin import add_assets, page_view
from cercle.mkdocs.webinar.config import WebinarConfig
from cercle.webinar.view import EventView

STYLESHEET = "assets/stylesheets/cercle-webinar.css"


class WebinarPlugin(BasePlugin[WebinarConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            add_assets(config, STYLESHEET)  # joined into cercle.css, with the other features' CSS
        return config

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        if not self.config.enabled or view is None:
            return context
        if view.entry is not None and view.entry.event is not None:
            render = partial(
                markdown.markdown,
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs,
            )
            view.parts.webinar = EventView(view, render_markdown=render)
            view.parts.takeaways = view.parts.webinar.takeaways
        return context
