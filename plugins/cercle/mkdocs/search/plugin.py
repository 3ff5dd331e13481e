"""`cercle/search`: marks each entry's article for Pagefind, then indexes the built site per language."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from cercle.core.i18n import message
from cercle.core.phases import timed
from cercle.hub.view import PageView
from cercle.mkdocs.hub.plugin import add_assets, finished_page, hub_of, messages_language
from cercle.mkdocs.search.config import DEFAULT_EXCLUDE, SearchConfig
from cercle.search.fields import mark_for_index, search_fields
from cercle.search.indexer import SearchIndexError, index_site, language_folders

log = logging.getLogger("mkdocs.plugins.cercle.search")


def extra_pages(config: MkDocsConfig) -> int:
    """Indexed pages other plugins write beside the entries (cercle/webinar's transcript pages)."""
    return int(getattr(config.plugins.get("cercle/webinar"), "transcript_pages", 0))


STYLESHEET = "assets/stylesheets/cercle-search.css"
SCRIPT = "assets/javascripts/cercle-search.js"
CACHE = ".cache/cercle/search"  # the last index, reused while the pages are the same
DIALOG = "assets/javascripts/cercle-search.{lang}.js"  # the dialog's inside, per language


def write_dialogs(env: Environment, config: MkDocsConfig) -> None:
    """The search dialog's inside, once per language (partials/search.html loads it): the
    same 2.6 KB on every page otherwise (issue #18). A script, so it has run, without a
    request to wait for, when cercle-search.js fills the dialog."""
    hub = hub_of(config)
    template = env.get_template("cercle/search-dialog.html")
    for lang in hub.settings.languages:
        html = finished_page(template.render(cercle=PageView(hub, lang, {}), config=config), lang)
        target = Path(config.site_dir) / DIALOG.format(lang=lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"window.cercleSearchDialog = {json.dumps(html.strip())};\n", encoding="utf-8")


@dataclass
class SearchJob:
    """What Pagefind indexes once the pages are written (`index_site`'s arguments)."""

    site: Path
    lang: str  # of the messages
    options: dict[str, Any] = field(default_factory=dict)


# `cercle build` builds in a forked process and indexes the site itself once that process
# ended and gave its memory back (cercle.build.child): the plugin then leaves the job here.
_DEFERRED: dict[str, Any] = {"on": False, "job": None}


def defer_indexing(on: bool) -> None:
    """From now on, leave the indexing to `take_deferred` + `run_search` (False: index in place)."""
    _DEFERRED.update(on=on, job=None)


def take_deferred() -> SearchJob | None:
    job: SearchJob | None = _DEFERRED["job"]
    _DEFERRED["job"] = None
    return job


@timed("search")
def run_search(job: SearchJob) -> None:
    """Index the site with Pagefind; PluginError with the message when it cannot."""
    try:
        result = index_site(job.site, **job.options)
    except SearchIndexError as exc:
        raise PluginError(exc.render(job.lang)) from exc
    counts = ", ".join(f"{lang}: {n}" for lang, n in sorted(result.languages.items()))
    log.info(message(job.lang, "search.indexed", pages=result.pages, counts=counts))


class SearchPlugin(BasePlugin[SearchConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.marked, self.marked_page = 0, ""  # pages marked for the index; the last one
        self.env: Environment | None = None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: object) -> Environment:
        self.env = env
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            add_assets(config, STYLESHEET, SCRIPT)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.marked, self.marked_page = 0, ""

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        hub = hub_of(config)
        entry = hub.entry_by_src.get(page.file.src_uri)
        if entry is None:
            return output  # generated listings only repeat entries: not indexed
        marked = mark_for_index(output, search_fields(entry, hub.catalog))
        if marked is None:
            path = hub.settings.from_root(entry.rel_path)
            log.warning(message(messages_language(config), "search.no_article", path=path))
            return output
        self.marked += 1
        self.marked_page = page.file.src_uri
        return marked

    # A page reused from the last build (cercle.mkdocs.pagecache) was marked for the index then.
    def rendered_page_state(self, page: Page) -> bool | None:
        return True if self.marked_page == page.file.src_uri else None

    def reuse_page_state(self, page: Page, state: bool) -> None:
        self.marked += 1

    # Pages rendered by other processes (cercle/hub `processes`) were marked there.
    def worker_state(self) -> int:
        return self.marked

    def merge_worker_state(self, state: int) -> None:
        self.marked += state

    @event_priority(-100)  # last: every page and file is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        write_dialogs(self.env or config.theme.get_env(), config)
        selectors = [*DEFAULT_EXCLUDE, *self.config.exclude_selectors]
        project = Path(config.config_file_path or ".").parent
        options = {
            "exclude_selectors": selectors,
            "timeout": float(self.config.timeout),
            "expected": self.marked + extra_pages(config),
            "cache": (project / CACHE, project),
            "folders": language_folders(hub_of(config).catalog.entries),
            "part_size": max(int(self.config.part_pages), 0),
        }
        job = SearchJob(Path(config.site_dir), messages_language(config), options)
        if _DEFERRED["on"]:
            _DEFERRED["job"] = job
            return
        run_search(job)
