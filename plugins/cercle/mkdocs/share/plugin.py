"""`cercle/share`: the share block of every entry (links, suggested texts, downloads) and
the "to share" page's kits."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.core.catalog import Entry
from cercle.core.i18n import message
from cercle.core.phases import timed
from cercle.hub.alternates import absolute
from cercle.hub.pages import Kind
from cercle.hub.parts import SharePart
from cercle.hub.view import Hub
from cercle.mkdocs.hub.plugin import add_assets, hub_of, messages_language, page_view
from cercle.mkdocs.share.config import ShareConfig
from cercle.share.digest import DigestError, card_image, make_digest, save_digest, valid_length
from cercle.share.kit import Download, ShareKit, disclosure_for, share_kit
from cercle.share.links import UTM_KEYS
from cercle.share.now import to_share

log = logging.getLogger("mkdocs.plugins.cercle.share")

CSS = "assets/stylesheets/cercle-share.css"
JS = "assets/javascripts/cercle-share.js"


def downloads(hub: Hub, entry: Entry) -> list[Download]:
    """The entry's images: every network shape of its card and quotes, else the cards alone."""
    variants = hub.state.variants.get(entry.rel_path)
    if variants:
        return [
            Download(
                v.path,
                v.alt,
                v.width,
                v.height,
                quote=v.number > 0,
                ratio=v.ratio,
                number=v.number,
                lang=v.alt_lang,
            )
            for v in variants
        ]
    cards = hub.state.cards_for(entry.rel_path)  # the card plan, when cards are drawn
    if not cards:
        return []
    return [
        Download(
            card.path, card.alt, card.width, card.height, quote=index > 0, number=index, lang=card.alt_lang
        )
        for index, card in enumerate([cards.og, *cards.quotes])
    ]


class SharePlugin(BasePlugin[ShareConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        unknown = sorted(set(self.config.utm) - set(UTM_KEYS))
        if unknown:
            allowed = ", ".join(UTM_KEYS)
            names = ", ".join(unknown)
            raise PluginError(
                message(messages_language(config), "share.unknown_utm", names=names, allowed=allowed)
            )
        length = self.config.digest_length
        if not valid_length(length):
            raise PluginError(message(messages_language(config), "share.bad_digest_length", value=length))
        suggest = self.config.suggest_url
        if suggest and not suggest.startswith(("https://", "mailto:")):
            raise PluginError(message(messages_language(config), "share.bad_suggest_url", value=suggest))
        if self.config.enabled:
            add_assets(config, CSS, JS)
        return config

    def kit(self, hub: Hub, entry: Entry) -> ShareKit:
        return share_kit(
            entry,
            absolute(hub.settings.site_url, entry.url),
            utm=dict(self.config.utm),
            networks=tuple(self.config.networks),
            downloads=downloads(hub, entry),
            disclosure=disclosure_for(entry, self.config.disclosure),
        )

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        view = page_view(context)
        if not self.config.enabled or view is None:
            return context
        hub = view.hub
        if view.entry is not None:
            view.parts.share = SharePart(self.kit(hub, view.entry), self.config.new_window)
        elif view.generated and view.generated.kind is Kind.TO_SHARE:
            entries = view.on_this_page(to_share(hub.catalog.in_language(view.lang), hub.today))
            view.parts.to_share = [SharePart(self.kit(hub, e), self.config.new_window, e) for e in entries]
        return context

    @event_priority(-50)  # after the pages and the card plan: the digest links the cards
    @timed("share_digest")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """This month's digest per language, beside its "to share" page (when there is one)."""
        if not (self.config.enabled and self.config.digest and config.site_url):
            return
        hub = hub_of(config)
        cards = config.plugins.get("cercle/cards")
        colors = (cards.config.brand_color, cards.config.accent_color) if cards else ("#283593", "#ffca28")
        month = hub.today.replace(day=1)
        image, length = partial(card_image, hub), self.config.digest_length
        for lang in hub.catalog.languages:
            try:
                made = make_digest(hub, lang, month, config.site_name, image, colors, length)
                folder = Path(config.site_dir) / hub.url("to_share", lang)
                folder.mkdir(parents=True, exist_ok=True)
                save_digest(made, folder)
            except DigestError as exc:  # empty, failing its lint or too long: said, never fatal
                # A digest too long for Gmail is the hub's to fix (digest_length). The lint wants
                # https addresses: a site served over http (`cercle serve`'s preview) always
                # fails it, and saying so at each rebuild filled the log with kilobytes of links.
                level = logging.WARNING if exc.code == "share_digest_clipped" else logging.INFO
                if exc.code == "share_digest_lint" and not config.site_url.startswith("https://"):
                    level = logging.DEBUG
                log.log(level, message(messages_language(config), exc.code, **exc.params))
