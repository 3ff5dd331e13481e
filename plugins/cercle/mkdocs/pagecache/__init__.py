"""Pages rendered by the last build, reused when nothing they are made of changed.

`PageReuse` is what cercle/hub calls: `start` at the end of `on_nav` (before the render
processes fork: they inherit it), `worker_state`/`merge` to bring home what each process
used, `finish` in `on_post_build` (unused records removed) and `stop` on an error. Only
one-shot builds (`build`, `gh-deploy`) reuse pages; `serve` has its own incremental rebuild.
`keep_templates` (cercle/hub's `on_env`, first) keeps the templates' compiled code as well.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from cercle.build.fingerprint import content_digest
from cercle.core import phases
from cercle.core.cachefile import real_folder, signing_key
from cercle.core.catalog import Catalog
from cercle.core.i18n import message
from cercle.mkdocs.pagecache.keys import Unstable, Untracked, site_digest
from cercle.mkdocs.pagecache.reuse import PageCache, activate
from cercle.mkdocs.pagecache.store import PageStore
from cercle.mkdocs.pagecache.templates import keep_compiled

log = logging.getLogger("mkdocs.plugins.cercle.hub")
FOLDERS = ("records", "objects", "templates")


def _ready(folder: Path, project: Path) -> bool:
    """The cache folders exist as real folders inside the project (never through a link)."""
    for path in [folder, *(folder / name for name in FOLDERS)]:
        path.mkdir(parents=True, exist_ok=True)
        if not real_folder(path, project):
            return False
    return True


class PageReuse:
    def __init__(self) -> None:
        self.cache: PageCache | None = None
        self.used: dict[str, list[str]] = {}
        self.placed: dict[str, Any] = {}  # what the render processes placed (cercle.build.placed)
        self.counts = [0, 0]  # pages reused, rendered (by every process)
        self.lang = "en"
        self.static: dict[str, str] = {}  # file of content/ → digest of its bytes

    def start(
        self,
        config: MkDocsConfig,
        catalog: Catalog,
        lang: str,
        prepare: Callable[[File], None],
        release: Callable[[Page], None],
    ) -> None:
        """Reuse pages from `.cache/cercle/pages/` (beside the Catalog's cache), if it can be
        trusted; `prepare` gives a page MkDocs does not read its title (cercle/hub's)."""
        self.stop()
        self.lang = lang
        key = signing_key()
        if key is None:
            log.info(message(lang, "build.pages_no_key"))
            return
        try:
            with phases.phase("page_keys"):
                site = site_digest(config, catalog, catalog.settings.today, self.static)
        except Unstable as exc:
            log.info(message(lang, "build.pages_unstable", value=str(exc)[:80]))
            return
        except Untracked as exc:
            log.info(message(lang, "build.pages_untracked", extension=str(exc)))
            return
        project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if catalog.settings.cache_dir is None:
            return
        folder = catalog.settings.cache_dir.parent / "pages"
        if not _ready(folder, project):
            return
        self.cache = PageCache(config, PageStore(folder, key), site, prepare, release)
        activate(self.cache)

    def keep_templates(self, env: Environment) -> None:
        """Where pages are reused, their templates' compiled code is too (templates.py)."""
        if self.cache is not None:
            keep_compiled(env, self.cache.store.folder / "templates", self.cache.store.key)

    def link_static(self, files: Files) -> None:
        """In the process that copies the static files (`on_env`) of a site version
        (cercle.build.atomic): place each file of content/ here, linked unread when the
        last build placed the same bytes and the published copy is untouched, else linked
        after comparing or copied (`Placements.put`), and recorded for the next build. MkDocs
        then leaves them. A file MkDocs copied could be swapped for a link at publication,
        which the next build would take for a changed file."""
        cache = self.cache
        if cache is None or cache.placements.site is None:
            return
        for file in list(files):
            key = self._static_key(file)
            if key is None or not file.abs_src_path:
                continue
            if not cache.placements.link(file.dest_uri, key):
                try:
                    data = Path(file.abs_src_path).read_bytes()
                except OSError:
                    continue  # MkDocs copies it, and says what is wrong
                if key.startswith("static:") and content_digest(data) != key[7:]:
                    continue  # changed since the build began: MkDocs copies what is there now
                cache.placements.put(file.dest_uri, data, key)
            files.remove(file)

    def _static_key(self, file: File) -> str | None:
        """What fixes a static file's bytes: a file of content/, its digest (read for the
        pages' keys); a slide image, its address (named by the deck's digest)."""
        if file.is_documentation_page():
            return None
        if file.generated_by == "cercle/slides":
            return f"slides:{file.dest_uri}"
        digest = self.static.get(file.src_uri) if not file.generated_by else None
        return f"static:{digest}" if digest else None

    def worker_state(self) -> dict[str, Any]:
        cache = self.cache
        if cache is None:
            return {}
        return {
            "used": cache.store.used,
            "counts": [cache.reused, cache.rendered],
            "placed": cache.placements.now,
        }

    def merge(self, state: dict[str, Any]) -> None:
        self.used.update(state.get("used", {}))
        self.placed.update(state.get("placed", {}))
        for i, count in enumerate(state.get("counts", [])[:2]):
            self.counts[i] += count

    def finish(self) -> None:
        """In the parent, every page written: keep only what this build used."""
        cache, self.cache = self.cache, None
        activate(None)
        if cache is not None:
            cache.store.sweep({**self.used, **cache.store.used})
            cache.placements.save(self.placed)
            reused, rendered = self.counts[0] + cache.reused, self.counts[1] + cache.rendered
            log.info(message(self.lang, "build.pages_reused", reused=reused, pages=reused + rendered))
        self.stop()

    def stop(self) -> None:
        self.cache, self.used, self.placed, self.counts = None, {}, {}, [0, 0]
        self.static = {}
        activate(None)
