"""Options of the `cercle/hub` plugin (documented in docs/maintainer-guide.md)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config.base import Config
from mkdocs.config.config_options import DictOfItems, ListOfItems, Optional, Type


class HubConfig(Config):
    # Languages of the site, first one is the default (x-default, root fallback).
    languages = ListOfItems(Type(str), default=["fr", "en"])
    # Section folder → entry type (webinar, event, guide, page), merged over the defaults.
    sections = DictOfItems(Type(str), default={})
    # "Today" for upcoming/past; else SOURCE_DATE_EPOCH, else the clock.
    today = Optional(Type((dt.date, str)))
    # Publish pages marked `draft: true` (handy in `cercle serve`).
    drafts = Type(bool, default=False)
    speakers_file = Type(str, default="speakers.yml")
    topics_file = Type(str, default="topics.yml")
    # Language of command-line and build messages (after `--lang`); empty: from the locale.
    messages_language = Type(str, default="")
    # Processes that render pages in `mkdocs build` (Linux): 0 picks one per CPU (at most 4,
    # one per 100 pages) when every plugin is known to allow it; 1 renders in this process.
    processes = Type(int, default=0)
