"""`cercle/share`: the share block of every entry (links, suggested texts, downloads)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from cercle.core.i18n import message
from cercle.hub.alternates import absolute
from cercle.hub.parts import SharePart
from cercle.mkdocs.hub.plugin import add_assets, messages_language, page_view
from cercle.mkdocs.share.config import ShareConfig
from cercle.share.kit import Download, share_kit
from cercle.share.links import UTM_KEYS

CSS = "assets/stylesheets/cercle-share.css"
JS = "assets/javascripts/cercle-share.js"


class SharePlugin(BasePlugin[ShareConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        unknown = sorted(set(self.config.utm) - set(UTM_KEYS))
        if unknown:
            allowed = ", ".join(UTM_KEYS)
            names = ", ".join(unknown)
            raise PluginError(
                message(messages_language(config), "share.unknown_utm", names=names, allowed=allowed)
            )
        if self.config.enabled:
            add_assets(config, CSS, JS)
        return config

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        view = page_view(context)
        if not self.config.enabled or view is None or view.entry is None:
            return context
        entry = view.entry
        downloads = []
        cards = view.hub.state.cards_for(entry.rel_path)  # the card plan, when cards are drawn
        if cards:
            downloads = [
                Download(card.path, card.alt, card.width, card.height, quote=index > 0)
                for index, card in enumerate([cards.og, *cards.quotes])
            ]
        kit = share_kit(
            entry,
            absolute(view.hub.settings.site_url, entry.url),
            utm=dict(self.config.utm),
            networks=tuple(self.config.networks),
            downloads=downloads,
        )
        view.parts.share = SharePart(kit, self.config.new_window)
        return context
