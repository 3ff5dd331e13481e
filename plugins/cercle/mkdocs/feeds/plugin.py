"""`cercle/feeds`: Atom feeds per language (all entries, and one per type) and their <head> links."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cercle.core.catalog import Entry
from cercle.core.urls import path_of_url
from cercle.feeds.atom import render
from cercle.feeds.build import FeedSpec, atom_feed, feed_specs
from cercle.hub.alternates import absolute
from cercle.hub.pages import Kind
from cercle.hub.view import Hub, PageView
from cercle.mkdocs.feeds.config import FeedsConfig
from cercle.mkdocs.hub.plugin import hub_of, page_view

log = logging.getLogger("mkdocs.plugins.cercle.feeds")
OG_IMAGE = re.compile(r"""<meta\s+property=["']og:image["']\s+content=["']([^"']+)["']""")


class FeedsPlugin(BasePlugin[FeedsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.specs: list[FeedSpec] = []
        self.images: dict[str, str] = {}

    def _active(self, config: MkDocsConfig) -> bool:
        # Without site_url there are no absolute links: cercle/hub already warns about it.
        return bool(self.config.enabled and config.site_url)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.specs, self.images = [], {}

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        view = page_view(context)
        if not self._active(config) or view is None or view.is_root:
            return context
        if not self.specs:
            self.specs = feed_specs(hub_of(config))
        view.extra["feeds"] = [
            {"href": spec.path, "title": spec.title(config.site_name)}
            for spec in self.specs
            if spec.lang == view.lang and _relevant(spec, view)
        ]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # The card (og:image) another plugin may have put in <head>: the feed links the same image.
        if self._active(config) and self.config.images:
            match = OG_IMAGE.search(output)
            if match:
                self.images[page.file.src_uri] = match.group(1).replace("&amp;", "&")
        return output

    # Pages rendered by other processes (cercle/hub `processes`) were read there.
    def worker_state(self) -> dict[str, str]:
        return self.images

    def merge_worker_state(self, state: dict[str, str]) -> None:
        self.images.update(state)

    @event_priority(-50)  # after the plugins that write pages and cards
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self._active(config):
            return
        hub = hub_of(config)
        site_dir = Path(config.site_dir)
        specs = self.specs or feed_specs(hub)
        for spec in specs:
            feed = atom_feed(hub, spec, config.site_name, lambda e: self._image(hub, e))
            target = site_dir / path_of_url(spec.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(feed))
        log.debug("cercle/feeds: wrote %d feeds", len(specs))

    def _image(self, hub: Hub, entry: Entry) -> str | None:
        if not self.config.images:
            return None
        found = self.images.get(entry.rel_path)
        if found:
            return urljoin(absolute(hub.settings.site_url, entry.url), found)
        image = entry.meta.image
        if image:
            return image if "://" in image else absolute(hub.settings.site_url, image.lstrip("/"))
        return None


def _relevant(spec: FeedSpec, view: PageView) -> bool:
    """Every page links its language's main feed; a listing and its entries link their type's feed too."""
    if spec.entry_type is None:
        return True
    if view.entry is not None:
        return view.entry.type == spec.entry_type
    generated = view.generated
    return bool(generated and generated.kind is Kind.LISTING and generated.entry_type == spec.entry_type)
