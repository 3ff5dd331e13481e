"""The parallel rendering of one build, seen from the plugin that drives it (cercle/hub).

The hub calls `start` at the very end of `on_nav` (after every plugin's), `pages_read` in
`on_env`, `finish` first in `on_post_build` and `fail` in `on_build_error`; everything
else (forking, dealing the pages, joining, cross-share anchor checks) is in render.py.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from cercle.mkdocs.parallel.render import ParallelRender, process_count


class ParallelPages:
    def __init__(self) -> None:
        self.render: ParallelRender | None = None

    def start(
        self,
        option: int,
        command: str | None,
        config: MkDocsConfig,
        files: Files,
        lang: str,
        prepare: Callable[[File], None],
    ) -> None:
        """Fork when it pays (`option`: the `processes` setting); `prepare` each page first,
        so every process knows every page's title without reading it."""
        self.render = None
        pages = files.documentation_pages()
        count = process_count(option, command, len(pages), config, lang)
        if count < 2:
            return
        for file in pages:
            prepare(file)
        self.render = ParallelRender.start(count, config, files, lang)

    @property
    def in_worker(self) -> bool:
        """True in a forked process that renders a share of the pages."""
        return self.render is not None and self.render.in_worker

    @property
    def all_pages(self) -> list[File] | None:
        """Every page of the site, whoever renders it (None: one process renders them all)."""
        return self.render.all_pages if self.render is not None else None

    def pages_read(self, files: Files) -> None:
        if self.render is not None:
            self.render.pages_read(files)

    def finish(self) -> None:
        """A worker sends its state home and exits here; the parent joins the workers."""
        render = self.render
        if render is None:
            return
        if render.in_worker:
            render.finish_worker(ok=True)  # never returns
        self.render = None
        render.join()

    def fail(self, error: Exception) -> None:
        render = self.render
        if render is None:
            return
        if render.in_worker:
            render.finish_worker(ok=False, error=f"{type(error).__name__}: {error}")  # never returns
        self.render = None
        render.stop()
