"""Options of the `cercle/hub` plugin (documented in docs/maintainer-guide.md)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config.base import Config
from mkdocs.config.config_options import DictOfItems, ListOfItems, Optional, Type

from cercle.build.lock import DEFAULT_TIMEOUT


class HubConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
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
    # `mkdocs build` reuses a page's HTML from the last build when nothing it is made of
    # changed (.cache/cercle/pages/); false: every page is rendered each time.
    reuse_pages = Type(bool, default=True)
    # Origins raw HTML in a body may load from (e.g. https://www.youtube-nocookie.com);
    # empty: nothing from another site. Script is refused whatever this says.
    allowed_origins = ListOfItems(Type(str), default=[])
    # Folder (from mkdocs.yml's) of fr.yml, en.yml… that override any shipped UI string or
    # message, with the same structure; empty: the shipped strings only.
    locales_dir = Type(str, default="")
    # Seconds a build waits for another build of the same project to end before giving up.
    lock_timeout = Type((int, float), default=DEFAULT_TIMEOUT)
    # The accessibility statement's facts (RGAA): status, audit, contact… (maintainer's guide).
    accessibility = Type(dict, default={})
    # Entries per site map page: past it, the site map lists entries on one page per year.
    site_map_page_size = Type(int, default=400)
    # Entries per page of a listing, a topic or a speaker (the speakers index: four times as
    # many; "to share": a quarter as many): past it, numbered pages.
    listing_page_size = Type(int, default=24)
    # The home page's hero: a line under the hub's name, per language ({fr: …, en: …}).
    tagline = Type((str, dict), default={})
    # The hero's button: {label: {fr: …, en: …}, url: a page of the site (fr/guides/) or https://…}.
    call_to_action = Type(dict, default={})
    # The footer's credit line, per language ({fr: …, en: …}); empty: Cercle's own, translated
    # ("Made with Cercle and Material for MkDocs"); false: no credit line.
    attribution = Type((str, dict, bool), default="")
    # The hub's identity: {primary: "#283593", accent: "#ffca28", logo: path in content/,
    # font: a family installed on readers' systems or shipped in content/}. Colors apply to the
    # header, links, buttons and cards; cercle/cards draws with them too.
    brand = Type(dict, default={})
