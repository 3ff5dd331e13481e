"""`cercle/webinar`: gives webinar and event pages their view (video, chapters, quotes,
transcript, related entries, JSON-LD) as `cercle.parts.webinar` for cercle/event.html."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.hub.view import PageView
from cercle.mkdocs.hub.plugin import add_assets, finished_page, hub_of, page_view
from cercle.mkdocs.webinar.config import WebinarConfig
from cercle.mkdocs.webinar.theme import page_context, page_templates, theme_blocks
from cercle.search.fields import fields_html, search_fields
from cercle.webinar.transcript_page import transcript_fields, typeset
from cercle.webinar.view import EventView

STYLESHEET = "assets/stylesheets/cercle-webinar.css"


class WebinarPlugin(BasePlugin[WebinarConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.transcripts: dict[str, PageView] = {}  # src_uri -> view, from page context to post page
        self.env: Environment | None = None
        self.nav: Navigation | None = None
        self.page_templates: tuple[Template, ...] = ()  # main.html and what it extends
        self.transcript_pages = 0  # indexed pages written in this build (cercle/search counts them)
        self.written: dict[str, tuple[str, bool]] = {}  # page source → its transcript page, counted

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.transcripts, self.transcript_pages, self.written = {}, 0, {}

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env  # the site's, where cercle/hub makes cercle/ templates escape
        self.page_templates = page_templates(env) if self.config.enabled else ()
        return env

    # Pages rendered by other processes (cercle/hub `processes`) wrote theirs there.
    def worker_state(self) -> int:
        return self.transcript_pages

    def merge_worker_state(self, state: int) -> None:
        self.transcript_pages += state

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            add_assets(config, STYLESHEET)  # joined into cercle.css, with the other features' CSS
        return config

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        self.nav = nav
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
            if view.parts.webinar.transcript or view.parts.webinar.other_transcripts:
                self.transcripts[page.file.src_uri] = view
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The entry's transcript page, <entry>/transcript/, next to the page (its lines are
        not in the page: cercle/parts/transcript.html)."""
        view = self.transcripts.pop(page.file.src_uri, None)
        if view is None or view.entry is None or view.parts.webinar is None:
            return output
        fields = transcript_fields(search_fields(view.entry, hub_of(config).catalog), view.t)
        env = self.env or config.theme.get_env()
        assert self.nav is not None  # set with the page's own context
        # What MkDocs gives a page at the transcript's address: its `url` filter makes links
        # relative to it. The theme's head is rendered from it, never read from `output`.
        context = page_context(self.nav, config, page.url + "transcript/")
        templates = self.page_templates or page_templates(env)
        w = view.parts.webinar
        values = {**context, "cercle": view, "w": w, "fields": fields_html(fields)}
        # Each language's cues typeset in that language (French lines on an English page too).
        values["transcript"] = typeset(w.transcript) if w.transcript else None
        values["others"] = [typeset(other) for other in w.other_transcripts]
        values["theme_styles"] = theme_blocks(templates, values)
        html = env.get_template("cercle/transcript-page.html").render(values)
        target = Path(config.site_dir) / Path(page.file.dest_path).parent / "transcript" / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        html = finished_page(html, view.lang)  # written here, not by MkDocs
        target.write_text(html, encoding="utf-8")
        counted = bool(view.parts.webinar.transcript)
        if counted:
            self.transcript_pages += 1  # indexed (other languages' lines only are not)
        self.written[page.file.src_uri] = (target.relative_to(config.site_dir).as_posix(), counted)
        return output

    # A page reused from the last build (cercle.mkdocs.pagecache): its transcript page is kept with it.
    def rendered_page_state(self, page: Page) -> dict[str, Any] | None:
        written = self.written.pop(page.file.src_uri, None)
        return {"files": [written[0]], "counted": written[1]} if written else None

    def reuse_page_state(self, page: Page, state: dict[str, Any]) -> None:
        if state.get("counted"):
            self.transcript_pages += 1
