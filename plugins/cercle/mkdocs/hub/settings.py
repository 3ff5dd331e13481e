"""Turn MkDocs configuration into the engine-agnostic HubSettings (shared by plugin and CLI)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cercle.core.i18n import message, messages_language
from cercle.core.models import EntryType
from cercle.core.settings import DEFAULT_SECTIONS, HubSettings, resolve_today
from cercle.mkdocs.hub.config import HubConfig
from cercle.rawhtml.scan import origin_of


def options_language(options: HubConfig) -> str:
    """The language of build messages (before anything is read): `--lang`, then the
    `messages_language` option, then the locale (cercle.core.i18n.messages_language)."""
    return messages_language(options.messages_language)


def hub_settings(options: HubConfig, config: MkDocsConfig) -> HubSettings:
    lang = options_language(options)
    sections = dict(DEFAULT_SECTIONS)
    for folder, type_name in options.sections.items():
        try:
            sections[folder] = EntryType(type_name)
        except ValueError:
            allowed = ", ".join(t.value for t in EntryType)
            raise PluginError(
                message(lang, "config.bad_section", folder=folder, value=type_name, allowed=allowed)
            ) from None
    today = options.today
    if isinstance(today, str):
        try:
            today = dt.date.fromisoformat(today)
        except ValueError:
            raise PluginError(message(lang, "config.bad_today", value=today)) from None
    slides = config.plugins.get("cercle/slides")  # its limits, for the content checks
    limits = {}
    if slides is not None:
        limits = {"pdf_max_pages": slides.config.max_pages, "pdf_max_page_size": slides.config.max_page_size}
    share = config.plugins.get("cercle/share")  # the disclosure line checks and the footer need
    if share is not None:
        limits["share_disclosure"] = dict(share.config.disclosure)
        limits["suggest_url"] = share.config.suggest_url
        limits["share_utm"] = dict(share.config.utm)
    languages = tuple(options.languages)
    if not languages:
        raise PluginError(message(lang, "config.no_languages"))
    origins = []
    for value in options.allowed_origins:
        origin = origin_of(value)
        if origin is None or origin.rstrip("/") != value.strip().rstrip("/").lower():
            raise PluginError(message(lang, "config.bad_origin", value=value))
        origins.append(origin)
    project = Path(config.config_file_path or ".").resolve().parent
    locales = (project / options.locales_dir).resolve() if options.locales_dir else None
    if locales is not None and not locales.is_relative_to(project):
        raise PluginError(message(lang, "config.locales_outside", value=options.locales_dir))
    return HubSettings(
        content_dir=Path(config.docs_dir),
        languages=languages,
        sections=sections,
        today=resolve_today(cast("dt.date | None", today)),  # a str was parsed above
        site_url=config.site_url or None,
        directory_urls=config.use_directory_urls,
        drafts=options.drafts,
        speakers_file=options.speakers_file,
        topics_file=options.topics_file,
        accessibility=options.accessibility,
        site_map_page_size=max(1, options.site_map_page_size),
        listing_page_size=max(1, options.listing_page_size),
        tagline=cast("str | Mapping[str, str]", options.tagline),  # Type((str, dict)) checked it
        call_to_action=options.call_to_action,
        attribution=cast("str | bool | Mapping[str, str]", options.attribution),
        brand=options.brand,
        # Beside the cards' cache: parsed front matter, reused while a file is unchanged.
        allowed_origins=tuple(origins),
        cache_dir=project / ".cache" / "cercle" / "catalog",
        locales_dir=locales,
        project_dir=project,
        **limits,
    )
