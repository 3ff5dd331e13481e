"""`cercle/feeds`: Atom feeds per language (all entries, and one per type) and their <head> links."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.core.catalog import Entry
from cercle.core.i18n import message
from cercle.core.phases import timed
from cercle.core.refs import ContentRef
from cercle.core.urls import path_of_url
from cercle.feeds.atom import render
from cercle.feeds.build import FeedSpec, atom_feed, feed_specs
from cercle.hub.alternates import absolute
from cercle.hub.pages import Kind
from cercle.hub.parts import FeedLink
from cercle.hub.view import Hub, PageView
from cercle.mkdocs.feeds.config import FeedsConfig
from cercle.mkdocs.hub.plugin import hub_of, messages_language, page_view

log = logging.getLogger("mkdocs.plugins.cercle.feeds")


class FeedsPlugin(BasePlugin[FeedsConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def _active(self, config: MkDocsConfig) -> bool:
        # Without site_url there are no absolute links: cercle/hub already warns about it.
        return bool(self.config.enabled and config.site_url)

    # Planned before pages are read, so every page (in every process) links the same feeds.
    @timed("feeds_calendars")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self._active(config):
            hub = hub_of(config)
            hub.state.feeds = feed_specs(hub)
        return files

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        view = page_view(context)
        if not self._active(config) or view is None or view.is_root:
            return context
        view.parts.feeds = [
            FeedLink(spec.path, spec.title(config.site_name))
            for spec in view.hub.state.feeds
            if spec.lang == view.lang and _relevant(spec, view)
        ]
        return context

    @event_priority(-50)  # after the plugins that write pages and cards
    @timed("feeds_calendars")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self._active(config):
            return
        hub = hub_of(config)
        site_dir = Path(config.site_dir)
        specs = hub.state.feeds
        for spec in specs:
            feed = atom_feed(hub, spec, config.site_name, lambda e: self._image(hub, e), self.config.length)
            target = site_dir / path_of_url(spec.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(feed))
        log.debug(message(messages_language(config), "feeds.wrote", count=len(specs)))

    def _image(self, hub: Hub, entry: Entry) -> str | None:
        if not self.config.images:
            return None
        social = hub.state.social_image(entry.rel_path)  # the page's og:image: image or card
        if social:
            return absolute(hub.settings.site_url, social[0])
        image = ContentRef.of(entry.meta.image)
        if image is None or image.is_remote:  # never hotlinked: readers' apps would fetch it
            return None
        return absolute(hub.settings.site_url, image.url)


def _relevant(spec: FeedSpec, view: PageView) -> bool:
    """Every page links its language's main feed; a listing and its entries link their type's feed too."""
    if spec.to_share:  # linked from the "to share" page only
        return bool(view.generated and view.generated.kind is Kind.TO_SHARE)
    if spec.entry_type is None:
        return True
    if view.entry is not None:
        return view.entry.type == spec.entry_type
    generated = view.generated
    return bool(generated and generated.kind is Kind.LISTING and generated.entry_type == spec.entry_type)
