"""`cercle serve`'s incremental rebuild: MkDocs' own build, rendering only the edited pages.

After an edit of entries in content/, the rebuild runs every plugin as a full build does
(the Catalog and every cross-file check, the card plan, feeds, calendars), but MkDocs reads
and renders only the pages the edit changes (cercle.preview.affected), the way a process of
a parallel build renders its share (cercle.mkdocs.parallel): the other pages are marked
excluded after every plugin's `on_nav`, and their titles come from the Catalog. The theme's
files, content/'s images and the site-wide templates (404, sitemap.xml) are not copied
again, and the search index is not rebuilt: it stays as it was until the next full rebuild.

The build writes into an empty staging folder; `publish` then moves each of its files over
the served site's with `os.replace`. A reader therefore gets a page whole, old or new, never
half-written (the server reads an HTML page in one go and streams other files from the file
it opened, which a replacement does not change), and a failed rebuild changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import jinja2
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from cercle.hub.view import Hub
from cercle.mkdocs.cards.plugin import CardsPlugin
from cercle.mkdocs.hub.plugin import HubPlugin, hub_of
from cercle.mkdocs.parallel.render import PAGES_LOG, _ElsewhereFilter
from cercle.preview.affected import affected_pages
from cercle.preview.changes import Snapshot


class NeedsFullBuild(Exception):
    """The edit changes the site's structure: only a full rebuild is right."""


class IncrementalHooks(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    """Added by `cercle serve` to an incremental rebuild's plugins (not an entry point)."""

    def __init__(
        self, before: Hub, edited: set[str], cards: CardsPlugin | None, listing: list[str], served: str
    ) -> None:
        self.before = before
        self.edited = edited
        self.cards = cards  # the last good build's: what the served site holds
        self.listing = listing  # the theme's templates, listed by the first incremental rebuild
        self.served = served  # the served site's folder, which `publish` updates
        self.rendered: list[str] = []
        self.quiet: _ElsewhereFilter | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # 404.html and sitemap.xml list no entry's title: they stay as the last full build wrote them.
        config.theme.static_templates.clear()
        config.extra_templates.clear()
        # MkDocs lists the theme's folders at each build (a third of a small rebuild): a change
        # there takes a full rebuild (when watched), so the list is kept until then.
        theme, listing = config.theme, self.listing
        get_env = theme.get_env

        def env_listing_once() -> jinja2.Environment:
            env = get_env()
            assert env.loader is not None
            list_templates = env.loader.list_templates
            if not listing:
                listing.extend(list_templates())
            setattr(env.loader, "list_templates", lambda: list(listing))  # noqa: B010  # an instance's method
            return env

        setattr(theme, "get_env", env_listing_once)  # noqa: B010
        return config

    @event_priority(-105)  # after cercle/hub's on_nav (-100), before cercle/cards draws (-110)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        hub = config.plugins.get("cercle/hub")
        assert isinstance(hub, HubPlugin)
        pages = affected_pages(self.before, hub_of(config), self.edited)
        if pages is None:
            raise NeedsFullBuild()
        documents = files.documentation_pages()
        for file in documents:
            hub._titled(file, config=config)  # every page's title, as a parallel build does
            if file.src_uri not in pages:
                file.inclusion = InclusionLevel.EXCLUDED  # MkDocs' loops skip it
        self.rendered = sorted(f.src_uri for f in documents if f.src_uri in pages)
        cards = config.plugins.get("cercle/cards")
        if isinstance(cards, CardsPlugin) and self.cards is not None:
            cards.redraw_only(pages, self.cards)  # only changed cards are drawn and moved in
        # "a link to … which is excluded from the built site": not here, only not rendered again.
        self.quiet = _ElsewhereFilter({f.src_uri for f in documents} - pages)
        PAGES_LOG.addFilter(self.quiet)
        return nav

    @event_priority(-200)  # last: every plugin added its files
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.quiet is not None:
            PAGES_LOG.removeFilter(self.quiet)
        # Files copied as they are (theme, images) are in the site already; files the plugins
        # generate (calendars, bundled stylesheets) are cheap and may follow the Catalog.
        # A plugin's copy of a file of its own (a slide's image: ~900 of them at 500 entries
        # per language) is copied again only when the served site's is not up to date.
        for file in [f for f in files if not f.is_documentation_page() and not self._needed(f)]:
            files.remove(file)
        return env

    def _needed(self, file: File) -> bool:
        """A file the rebuild must write: generated in memory, or a copy the site lacks."""
        if file.generated_by is None:
            return False
        if file.abs_src_path is None:
            return True
        try:
            source = os.stat(file.abs_src_path)
            served = os.stat(os.path.join(self.served, file.dest_uri))
        except OSError:
            return True
        # MkDocs' own test (File.is_modified), plus the size: the copy is never older.
        return served.st_size != source.st_size or served.st_mtime < source.st_mtime

    @event_priority(0)  # after cercle/hub's (100), before cercle/search indexes the site (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get("cercle/search")
        if search is not None:  # it would index the staging folder's few pages only
            search.config.enabled = False

    def on_build_error(self, *, error: Exception) -> None:
        if self.quiet is not None:
            PAGES_LOG.removeFilter(self.quiet)


def staging_folder(served: str) -> str:
    """An empty folder beside the served one (same file system: moves are atomic)."""
    return tempfile.mkdtemp(prefix="cercle_preview_next_", dir=str(Path(served).parent))


def publish(staging: str, served: str) -> int:
    """Move every file of `staging` over the served site's; returns how many. Removes `staging`."""
    moved = 0
    for folder, _, names in os.walk(staging):
        target = Path(served) / Path(folder).relative_to(staging)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(os.path.join(folder, name), target / name)
            moved += 1
    # The emptied folders: not while the reader waits.
    threading.Thread(target=shutil.rmtree, args=(staging, True), daemon=True).start()
    return moved


class LastGood:
    """The last good build: its Hub (the Catalog and the pages) and the files it was built from."""

    def __init__(self) -> None:
        self.hub: Hub | None = None
        self.cards: CardsPlugin | None = None
        self.listing: list[str] = []  # the theme's templates, kept between incremental rebuilds
        self.files: Snapshot = {}
        self.roots: list[str] = []
        self.registries: set[str] = set()
        self.strings: Path | None = None  # the hub's locales_dir

    def keep(self, config: MkDocsConfig, files: Snapshot, roots: list[str]) -> None:
        """`config`'s build succeeded; `files` is what it read, under the watched `roots`."""
        plugin = config.plugins.get("cercle/hub")
        self.hub = plugin.hub if isinstance(plugin, HubPlugin) else None
        cards = config.plugins.get("cercle/cards")
        self.cards = cards if isinstance(cards, CardsPlugin) else None
        self.files, self.roots = files, roots
        if self.hub is not None:
            self.registries = {self.hub.settings.speakers_file, self.hub.settings.topics_file}
            self.strings = self.hub.settings.locales_dir


def watched(config: MkDocsConfig) -> list[str]:
    """What the server watches: content/, mkdocs.yml, `watch:` (templates) and the hub's strings."""
    roots = [config.docs_dir, *config.watch]
    if config.config_file_path:
        roots.append(config.config_file_path)
    hub = config.plugins.get("cercle/hub")
    if isinstance(hub, HubPlugin) and hub.settings.locales_dir is not None:
        roots.append(str(hub.settings.locales_dir))
    return roots
