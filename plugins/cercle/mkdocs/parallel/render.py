"""Render a `mkdocs build`'s pages in several processes (see cercle/build/workers.py).

MkDocs reads every page (Markdown → HTML), then renders each through the theme, one by
one. Cercle forks at the end of `on_nav`, once the Catalog, the files and the navigation
exist, and gives each process a share of the pages by marking the others excluded:
MkDocs' own loops then read and render only that share. Titles come from the Catalog, so
the navigation and links are the same in every process. The parent also writes the static
files and theme templates and, after every worker joined, checks the links to anchors
between shares (each process knows only its own pages' anchors) and runs the
`on_post_build` of every plugin (cards, search, feeds) on the whole site.

A plugin that collects something per rendered page implements `worker_state()` (a
picklable value, sent home by each worker) and `merge_worker_state(state)` (in the
parent). Plugins from elsewhere may keep such state without saying so: in `auto` mode
Cercle renders in one process when one is configured.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Sequence
from typing import Any, NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from cercle.build.workers import (
    Worker,
    WorkerError,
    WorkerSide,
    fork_supported,
    fork_workers,
    other_threads,
    usable_cpus,
)
from cercle.core import phases
from cercle.core.i18n import message

log = logging.getLogger("mkdocs.plugins.cercle.hub")

# Below this many pages a fork costs more than it saves.
PAGES_PER_PROCESS = 100
MAX_PROCESSES = 4
PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
EXCLUDED_NOTICE = re.compile(r"contains a link to '([^']*)' which is excluded from the built site")
ANCHORS = "cercle/hub:anchors"  # a worker's state entry that no plugin can be named
PHASES = "cercle/hub:phases"  # its phase times (cercle.core.phases), when timed
# MkDocs commands whose process ends with its one build (not a server's): the only ones that fork.
ONE_SHOT_COMMANDS = ("build", "gh-deploy")
# Plugins known to keep no state from the page-rendering loop to `on_post_build`.
SAFE_PLUGIN_MODULES = ("cercle.", "material.plugins.meta.", "material.plugins.offline.")


def unknown_plugins(config: MkDocsConfig) -> list[str]:
    """Plugins (and hooks) from elsewhere: they may keep what pages hold to `on_post_build`."""
    return [
        name
        for name, plugin in config.plugins.items()
        if not type(plugin).__module__.startswith(SAFE_PLUGIN_MODULES)
    ]


def process_count(
    option: int, command: str | None, pages: int, config: MkDocsConfig, lang: str = "en"
) -> int:
    """How many processes render pages: `option` (0: automatic) within what is safe here."""
    if command not in ONE_SHOT_COMMANDS or not fork_supported() or option == 1:
        return 1
    if option > 1:
        return min(option, max(1, pages))
    unknown = unknown_plugins(config)
    if unknown:
        log.info(message(lang, "build.one_process", plugins=", ".join(unknown)))
        return 1
    return max(1, min(usable_cpus(), MAX_PROCESSES, pages // PAGES_PER_PROCESS))


class _ElsewhereFilter(logging.Filter):
    """Hides MkDocs' notice that a link targets an excluded page when the page is only
    excluded here because another process renders it."""

    def __init__(self, elsewhere: set[str]) -> None:
        super().__init__()
        self.elsewhere = elsewhere

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        found = EXCLUDED_NOTICE.search(record.getMessage())
        return not (found and found.group(1) in self.elsewhere)


def shares(pages: Sequence[File], count: int) -> list[list[File]]:
    """Deal the pages like cards, so each process gets as many of each section."""
    return [list(pages[i::count]) for i in range(count)]


class ParallelRender:
    """The processes of one build; forked at the end of `on_nav`, joined in `on_post_build`."""

    def __init__(
        self,
        config: MkDocsConfig,
        workers: list[Worker],
        side: WorkerSide | None,
        levels: dict[File, InclusionLevel],
        lang: str = "en",
    ) -> None:
        self.config = config
        self.lang = lang  # of the messages
        self.workers = workers
        self.side = side  # set inside a worker
        self.levels = levels  # every page's inclusion before the deal
        mine = {file.src_uri for file, level in levels.items() if file.inclusion is level}
        self.quiet = _ElsewhereFilter({file.src_uri for file in levels} - mine)

    @property
    def all_pages(self) -> list[File]:
        return list(self.levels)

    @classmethod
    def start(cls, count: int, config: MkDocsConfig, files: Files, lang: str = "en") -> ParallelRender | None:
        """Fork the workers; None (render here, alone) when forking is not safe or fails."""
        threads = other_threads()
        if threads:  # a fork copies their locks, not them: a copied held lock never opens
            log.info(message(lang, "build.threads_running", threads=", ".join(threads)))
            return None
        pages = list(files.documentation_pages())
        levels = {file: file.inclusion for file in pages}
        dealt = shares(pages, count)
        # Frozen objects are never scanned by the collector: the forked copies keep sharing
        # their memory pages instead of copying them on the first collection.
        gc.freeze()
        try:
            workers, side = fork_workers(count - 1)
        except WorkerError as exc:
            gc.unfreeze()
            log.info(message(lang, "build.fork_failed", detail=exc.how))
            return None
        index = side.index if side else 0
        if side is not None:
            phases.forked()
        mine = {f.src_uri for f in dealt[index]}
        for file in pages:
            if file.src_uri not in mine:
                file.inclusion = InclusionLevel.EXCLUDED  # MkDocs' loops skip it here
        if side is not None:  # theme templates (404, sitemap) are the parent's
            config.theme.static_templates.clear()
            config.extra_templates.clear()
        render = cls(config, workers, side, levels, lang)
        PAGES_LOG.addFilter(render.quiet)
        return render

    def pages_read(self, files: Files) -> None:
        """Every page of this share was read (`on_env`): links are resolved."""
        PAGES_LOG.removeFilter(self.quiet)
        if self.side is not None:  # the parent writes the static files
            for file in [f for f in files if not f.is_documentation_page()]:
                files.remove(file)

    @property
    def in_worker(self) -> bool:
        return self.side is not None

    def restore(self) -> None:
        for file, level in self.levels.items():
            file.inclusion = level
        PAGES_LOG.removeFilter(self.quiet)
        gc.unfreeze()

    def _anchors(self) -> dict[str, Any]:
        """This process's pages: the anchors each has and the links to anchors it makes."""
        found: dict[str, Any] = {}
        for file, level in self.levels.items():
            page = file.page
            if file.inclusion is not level or page is None or page.present_anchor_ids is None:
                continue  # another process's page
            links = {to.src_uri: dict(anchors) for to, anchors in (page.links_to_anchors or {}).items()}
            found[file.src_uri] = (sorted(page.present_anchor_ids), links)
        return found

    def _check_anchors_between_shares(self, homes: dict[str, int], anchors: dict[str, Any]) -> None:
        # Each process checked the links between its own pages; those crossing shares were
        # skipped there (MkDocs skips a target it did not read). Check them here, with
        # MkDocs' own check and message.
        by_src = {file.src_uri: file for file in self.levels}
        for src, (ids, _) in anchors.items():
            page = by_src[src].page
            if page is not None:
                page.present_anchor_ids = set(ids)
        level = self.config.validation.links.anchors
        files = Files(list(self.levels))
        for src, (_, links) in anchors.items():
            page = by_src[src].page
            crossing = {
                by_src[to]: found for to, found in links.items() if to in homes and homes[to] != homes[src]
            }
            if page is None or not crossing:
                continue
            saved, page.links_to_anchors = page.links_to_anchors, crossing
            page.validate_anchor_links(files=files, log_level=level)
            page.links_to_anchors = saved

    def finish_worker(self, ok: bool, error: str = "") -> NoReturn:
        """In a worker, at the end of its share: send the plugins' state home and exit.

        Whatever happens here, the worker ends here: it must never run the parent's
        remaining build steps or exit handlers."""
        assert self.side is not None
        state: dict[str, Any] = {}
        try:
            if ok:
                state[ANCHORS] = self._anchors()
                state[PHASES] = phases.snapshot()
                for name, plugin in self.config.plugins.items():
                    get = getattr(plugin, "worker_state", None)
                    if callable(get):
                        state[name] = get()
        except BaseException as exc:
            ok, state, error = False, {}, f"{type(exc).__name__}: {exc}"
        self.side.finish(ok, state, error)

    def join(self) -> None:
        """In the parent: wait for every worker, merge their plugins' state, restore the pages."""
        failures = []
        anchors = self._anchors()
        homes = dict.fromkeys(anchors, 0)
        for worker in self.workers:
            try:
                worker.join()
            except WorkerError as exc:
                failures.append(
                    exc.detail or message(self.lang, "build.worker_stopped", index=exc.index, how=exc.how)
                )
                continue
            state = dict(worker.state or {})
            theirs = state.pop(ANCHORS, {})
            phases.merge(state.pop(PHASES, {}))
            anchors.update(theirs)
            homes.update(dict.fromkeys(theirs, worker.index))
            for name, value in state.items():
                merge = getattr(self.config.plugins.get(name), "merge_worker_state", None)
                if callable(merge):
                    merge(value)
        self.restore()
        if failures:
            raise PluginError(message(self.lang, "build.parallel_failed", detail="; ".join(failures)))
        self._check_anchors_between_shares(homes, anchors)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.restore()
