"""Reuse a page's HTML from the last build whose inputs were the same (issue #18: warm builds).

MkDocs reads every page (Markdown → HTML, its anchors and links), then renders each through
the theme: the template, the typed page parts, French typography. That is a warm build's
work. `PageCache` takes both steps of one page (`mkdocs.commands.build._populate_page` and
`_build_page`, named in tests/integration/test_mkdocs_contract.py). When the page's key
(keys.py) has a record, reading gives the page its title from the Catalog and the anchors and
links the record kept (MkDocs still checks every link to an anchor, against every page's
current anchors), and rendering writes the recorded HTML and the files written beside it,
lets each plugin redo its own bookkeeping, and logs again the warnings of both steps (so
`--strict` fails the same way). Otherwise MkDocs does both and the result is recorded. A
plugin from elsewhere that acts while pages are read (Material's meta plugin…) keeps the
reading step: only the render is then reused.

A plugin that does something for a page beyond its HTML implements
`rendered_page_state(page)` (a JSON-able value, or None; `{"files": [paths in the site]}`
names the files it wrote beside the page, kept with the record) and
`reuse_page_state(page, value)` (called when the page is reused).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from cercle.build.placed import Placements
from cercle.core import phases
from cercle.mkdocs.pagecache.keys import page_key
from cercle.mkdocs.pagecache.store import PageStore, Record

_READ = mkdocs_build._populate_page
_RENDER = mkdocs_build._build_page
READING_EVENTS = ("on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content")
_ACTIVE: PageCache | None = None
MKDOCS_LOG = logging.getLogger("mkdocs")


class _Kept(logging.Handler):
    """The warnings logged while one page renders, to log again when it is reused."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def _kept_warnings() -> Iterator[_Kept]:
    handler = _Kept()
    MKDOCS_LOG.addHandler(handler)
    try:
        yield handler
    finally:
        MKDOCS_LOG.removeHandler(handler)


def _site_path(site: Path, name: str) -> Path | None:
    """`name` inside the site folder, or None (a record naming `../x` or `/x` is not used)."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or not rel.parts or ".." in rel.parts:
        return None
    return site.joinpath(*rel.parts)


def _reads_pages(plugin: object) -> bool:
    """A plugin from elsewhere that acts while pages are read."""
    theirs = not type(plugin).__module__.startswith("cercle.")
    return theirs and any(callable(getattr(plugin, event, None)) for event in READING_EVENTS)


class PageCache:
    def __init__(
        self,
        config: MkDocsConfig,
        store: PageStore,
        site: bytes,
        prepare: Callable[[File], None],
        release: Callable[[Page], None],
    ) -> None:
        self.config = config
        self.store = store
        self.site = site  # keys.site_digest of this build
        # What the last build wrote, linked unread from the published version (cercle.build.placed).
        self.placements = Placements(Path(config.site_dir), store.folder, store.key)
        self.prepare = prepare  # what the hub gives a page it does not read: its title
        self.release = release  # what the hub does with a written page's HTML (memory)
        self.skip_reading = not any(_reads_pages(p) for p in config.plugins.values())
        self.files: Files | None = None
        self.keys: dict[str, str] = {}  # page source → key, found while reading
        self.unread: dict[str, Record] = {}  # pages whose reading was skipped → their record
        self.read_logs: dict[str, list[tuple[str, int, str]]] = {}
        self.reused = self.rendered = 0

    def read_page(self, page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
        self.files = files
        src = page.file.src_uri
        key = self.keys[src] = page_key(self.site, page)
        record = self.store.get(key) if self.skip_reading else None
        if record is not None and record.read is not None and self._restore_reading(page, record.read, files):
            self.unread[src] = record
            return
        with _kept_warnings() as kept:
            _READ(page, config, files, dirty)
        self.read_logs[src] = kept.records

    def _restore_reading(self, page: Page, read: dict[str, Any], files: Files) -> bool:
        links: dict[File, dict[str, str]] = {}
        try:
            for src, anchors in read["links"].items():
                target = files.get_file_from_path(src)
                if target is None:
                    return False  # that page is gone: read this one again, MkDocs will say so
                links[target] = {str(k): str(v) for k, v in anchors.items()}
            present = {str(anchor) for anchor in read["anchors"]}
            logs = [(str(n), int(level), str(text)) for n, level, text in read["logs"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        self.prepare(page.file)
        page.content = ""  # never shown: the page's recorded HTML is written instead
        page.present_anchor_ids, page.links_to_anchors = present, links
        self.read_logs[page.file.src_uri] = logs  # logged again with the render's, if reused
        return True

    def build_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        src = page.file.src_uri
        key = self.keys.pop(src, None) or page_key(self.site, page)
        unread = self.unread.pop(src, None)
        record = unread or self.store.get(key)
        if record is not None:
            with phases.phase("pages_reused"):
                if self._reuse(page, record):
                    _log_again(self.read_logs.pop(src, []) if unread else [])
                    self.reused += 1
                    return
        if unread is not None:  # its files went missing since: read it after all
            assert self.files is not None
            with _kept_warnings() as kept_reading:
                _READ(page, self.config, self.files)
            self.read_logs[src] = kept_reading.records
        with _kept_warnings() as kept:
            _RENDER(page, *args, **kwargs)
        self.rendered += 1
        self._keep(key, page, kept.records, self.read_logs.pop(src, []))

    def _reuse(self, page: Page, record: Record) -> bool:
        site = Path(self.config.site_dir)
        wanted = {page.file.dest_uri: record.html, **record.files}
        # Everything is checked before anything is placed: a page rendered after all is
        # written by MkDocs in place, which must never be into a file linked from the
        # published version.
        files: dict[str, bytes | None] = {}
        for name, object_name in wanted.items():
            if _site_path(site, name) is None:
                return False
            if self.placements.linkable(name, object_name):
                files[name] = None
                continue
            files[name] = self.store.read_object(object_name)
            if files[name] is None:
                return False  # rendered again, which writes everything anew
        for name, data in files.items():
            if data is None and self.placements.link(name, wanted[name]):
                continue
            data = data if data is not None else self.store.read_object(wanted[name])
            if data is None:  # gone between the check and now: never half a page
                raise OSError(f"{self.store.folder}: {wanted[name]} vanished while the build used it")
            self.placements.put(name, data, wanted[name])  # a new file, or a link to the same bytes
        for name, value in record.plugins.items():
            reuse = getattr(self.config.plugins.get(name), "reuse_page_state", None)
            if callable(reuse):
                reuse(page, value)
        _log_again(record.logs)
        self.release(page)
        return True

    def _keep(self, key: str, page: Page, logs: list[tuple[str, int, str]], read_logs: list[Any]) -> None:
        plugins: dict[str, Any] = {}
        for name, plugin in self.config.plugins.items():
            state = getattr(plugin, "rendered_page_state", None)
            value = state(page) if callable(state) else None
            if value is not None:
                plugins[name] = value
        site = Path(self.config.site_dir)
        links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
        read = {"anchors": sorted(page.present_anchor_ids or ()), "links": links, "logs": read_logs}
        try:
            html = self.store.write_object(Path(page.file.abs_dest_path).read_bytes())
            files = {}
            for value in plugins.values():
                for name in value.get("files", []) if isinstance(value, dict) else []:
                    target = _site_path(site, name)
                    if target is None:
                        return
                    files[name] = self.store.write_object(target.read_bytes())
        except OSError:
            return  # nothing written (an empty page), or a full disk: rendered next time too
        self.store.put(key, Record(html, files, plugins, logs, read))
        for name, object_name in {page.file.dest_uri: html, **files}.items():
            self.placements.placed(name, object_name)


def _log_again(logs: list[tuple[str, int, str]]) -> None:
    for logger, level, text in logs:
        logging.getLogger(logger).log(level, "%s", text)


def _populate_page(page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
    """MkDocs' reading of a page, through the active cache (a one-shot build's) if any."""
    cache = _ACTIVE
    if cache is None or dirty or config is not cache.config:
        _READ(page, config, files, dirty)
    else:
        cache.read_page(page, config, files, dirty)


def _build_page(page: Page, *args: Any, **kwargs: Any) -> None:
    """MkDocs' page render, through the active cache (a one-shot build's) if any."""
    cache = _ACTIVE
    excluded = kwargs.get("excluded", args[5] if len(args) > 5 else False)
    dirty = kwargs.get("dirty", args[4] if len(args) > 4 else False)
    if cache is None or excluded or dirty or args[0] is not cache.config:
        _RENDER(page, *args, **kwargs)
    else:
        cache.build_page(page, *args, **kwargs)


def activate(cache: PageCache | None) -> None:
    """Render pages through `cache` from now on (None: as MkDocs does)."""
    global _ACTIVE
    _ACTIVE = cache
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page  # the same signature, any arguments passed through
