"""`cercle/calendar`: writes the .ics files and tells pages where they are."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.calendar.ics import CalendarLinks, entry_ics, entry_ics_url, language_ics, language_ics_url
from cercle.core.phases import timed
from cercle.core.urls import path_of_url
from cercle.hub.alternates import absolute
from cercle.mkdocs.calendar.config import CalendarConfig
from cercle.mkdocs.hub.plugin import hub_of, page_view


class CalendarPlugin(BasePlugin[CalendarConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.per_entry: dict[str, str] = {}  # entry source → its .ics in the site

    @timed("feeds_calendars")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.per_entry = {}
        if not self.config.enabled:
            return files
        hub = hub_of(config)
        if self.config.per_entry:
            # Written with each entry's page (on_post_page): in parallel when pages are.
            for entry in hub.catalog.entries:
                if entry.type.is_event_like and entry.date is not None:
                    self.per_entry[entry.rel_path] = entry_ics_url(entry)
        generated: dict[str, bytes] = {}
        if self.config.per_language:
            for lang in hub.catalog.languages:
                calendar = language_ics(hub.catalog, lang, config.site_name, self.config.past_events)
                generated[language_ics_url(lang)] = calendar
        for uri in [*generated, *self.per_entry.values()]:
            existing = files.get_file_from_path(path_of_url(uri))
            if existing is not None:
                files.remove(existing)  # a generated calendar replaces a stale copy in content/
        for uri, content in generated.items():
            files.append(File.generated(config, path_of_url(uri), content=content))
        return files

    @timed("feeds_calendars")
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        uri = self.per_entry.get(page.file.src_uri)
        if uri is not None:
            hub = hub_of(config)
            target = Path(config.site_dir) / path_of_url(uri)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(entry_ics(hub.entry_by_src[page.file.src_uri], hub.catalog))
        return output

    # A page reused from the last build (cercle.mkdocs.pagecache): its calendar is kept with it.
    def rendered_page_state(self, page: Page) -> dict[str, list[str]] | None:
        uri = self.per_entry.get(page.file.src_uri)
        return {"files": [path_of_url(uri)]} if uri is not None else None

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        if not self.config.enabled or view is None:
            return context
        entry = view.entry
        own = None
        if self.config.per_entry and entry is not None and entry.type.is_event_like and entry.date:
            own = entry_ics_url(entry)
        language = language_ics_url(view.lang) if self.config.per_language else None
        if own or language:
            subscribe = absolute(view.hub.settings.site_url, language) if language else ""
            view.parts.calendar = CalendarLinks(own, language or "", subscribe)
        return context
