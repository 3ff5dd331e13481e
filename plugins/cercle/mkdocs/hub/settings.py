"""Turn MkDocs configuration into the engine-agnostic HubSettings (shared by plugin and CLI)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cercle.core.models import EntryType
from cercle.core.settings import DEFAULT_SECTIONS, HubSettings, resolve_today
from cercle.mkdocs.hub.config import HubConfig


def hub_settings(options: HubConfig, config: MkDocsConfig) -> HubSettings:
    sections = dict(DEFAULT_SECTIONS)
    for folder, type_name in options.sections.items():
        try:
            sections[folder] = EntryType(type_name)
        except ValueError:
            allowed = ", ".join(t.value for t in EntryType)
            raise PluginError(
                f"cercle/hub: sections.{folder}: '{type_name}' is not one of {allowed}"
            ) from None
    today = options.today
    if isinstance(today, str):
        try:
            today = dt.date.fromisoformat(today)
        except ValueError:
            raise PluginError(f"cercle/hub: today: '{today}' is not a date (YYYY-MM-DD)") from None
    languages = tuple(options.languages)
    if not languages:
        raise PluginError("cercle/hub: languages: list at least one language, e.g. [fr, en]")
    return HubSettings(
        content_dir=Path(config.docs_dir),
        languages=languages,
        sections=sections,
        today=resolve_today(today),
        site_url=config.site_url or None,
        directory_urls=config.use_directory_urls,
        drafts=options.drafts,
        speakers_file=options.speakers_file,
        topics_file=options.topics_file,
        accessibility=options.accessibility,
        site_map_page_size=max(1, options.site_map_page_size),
        # Beside the cards' cache: parsed front matter, reused while a file is unchanged.
        cache_dir=Path(config.config_file_path or ".").resolve().parent / ".cache" / "cercle" / "catalog",
    )
