"""The server behind `cercle serve`: MkDocs' live-reload server, which shows a failed rebuild.

MkDocs' own `serve` leaves the browser on the old page when a rebuild fails, and refuses to
start when the first build fails. Here a failed build is a state of the server: every page
request gets the error page (with MkDocs' reload script), and the next good build reloads the
browser onto the site. Imported only by `cercle serve` (it loads MkDocs).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from os.path import isfile, join
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _Handler, _serve_url
from mkdocs.plugins import BasePlugin, event_priority

from cercle.commands.incremental import (
    IncrementalHooks,
    LastGood,
    NeedsFullBuild,
    publish,
    staging_folder,
    watched,
)
from cercle.core.errors import Problem
from cercle.core.i18n import message
from cercle.mkdocs.hub.plugin import ContentProblems
from cercle.preview import error_page, reader_language
from cercle.preview.changes import Snapshot, changes, content_edits, snapshot

log = logging.getLogger("mkdocs.commands.serve")


class _RequestLog(_Handler):
    # MkDocs logs a request that is not a 200 as a warning, and a strict build counts the
    # warnings logged while it runs, whichever thread logs them: a browser asking for a
    # missing page (or showing the error page) during a rebuild would fail that rebuild.
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        level = logging.INFO if str(code) == "404" else logging.DEBUG
        logging.getLogger("mkdocs.livereload").log(level, '"%s" code %s', self.requestline, code)


class _NoOpenEndedWait(threading.Condition):
    """MkDocs holds every page request, with no deadline, until a rebuild ends: it builds in
    place. Here each rebuild writes a new folder and the last good one is served until the new
    one is whole, so a page is answered at once (the reload script then fetches the new one).
    Waits with a deadline (the reload script's long poll) are kept.
    """

    def wait_for(self, predicate: Callable[[], Any], timeout: float | None = None) -> Any:
        return predicate() if timeout is None else super().wait_for(predicate, timeout)


class PreviewServer(LiveReloadServer):
    """Serves the site, or the last failure's error page in place of every page while it lasts."""

    def __init__(self, *args: Any, fallback_lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.RequestHandlerClass = _RequestLog
        self._epoch_cond = _NoOpenEndedWait()
        self.fallback_lang = fallback_lang
        # (problems, detail) of the last build when it failed; None when the site is current.
        self.failure: tuple[list[Problem], str] | None = None

    def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        failure = self.failure
        path = environ.get("PATH_INFO", "")
        if failure is None or not _is_page(path):
            return super().serve_request(environ, start_response)
        relative = path[len(self.mount_path) - 1 :] if path.startswith(self.mount_path) else path
        lang = reader_language(relative, environ.get("HTTP_ACCEPT_LANGUAGE", ""), self.fallback_lang)
        body = error_page(lang, *failure).encode("utf-8")
        if self._watched_paths:  # MkDocs' poller: the next good build reloads this page
            body = self._inject_js_into_html(body, self._visible_epoch)  # type: ignore[no-untyped-call]  # unannotated in mkdocs
        start_response(
            "500 Internal Server Error",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept between rebuilds (each build makes a new Jinja environment).

    Jinja checks each entry against its template's source, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _PreviewHooks(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    """Added to each rebuild's plugins by `cercle serve` only (not an entry point)."""

    def __init__(self, templates: _CompiledTemplates, files: Snapshot | None = None) -> None:
        self.templates = templates
        self.files = files or {}
        self.roots: list[str] = []
        self._taken = files is not None

    @event_priority(100)  # before cercle/hub reads content/: an edit saved later is seen next time
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.roots = watched(config)
        if not self._taken:
            self.files = snapshot(self.roots)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        env.bytecode_cache = self.templates
        return env


def _is_page(path: str) -> bool:
    """A request for an HTML page (not the reload poll, a stylesheet or an image)."""
    if path.startswith("/livereload/"):
        return False
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith((".html", ".htm")) or "." not in last


def failure_of(error: BaseException) -> tuple[list[Problem], str]:
    """Content problems carried by the error (MkDocs wraps them in an Abort), else its text."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in chain:
        if isinstance(item, ContentProblems):
            return item.problems, ""
    meaningful = [item for item in chain if not isinstance(item, Abort)] or chain
    return [], str(meaningful[0]).strip() or type(meaningful[0]).__name__


class _Warnings(logging.Handler):
    """The warnings and errors MkDocs and the plugins log during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _remove_later(folder: str) -> None:
    # Removing a built site takes a noticeable part of a rebuild: not while the reader waits.
    threading.Thread(target=shutil.rmtree, args=(folder, True), daemon=True).start()


def run_preview(config_file: str, dev_addr: str, lang: str, livereload: bool = True) -> None:
    """Build into a temporary folder, serve it on dev_addr, rebuild on change; until Ctrl+C."""
    templates = _CompiledTemplates()
    last_good = LastGood()

    def get_config(site_dir: str | None = None, files: Snapshot | None = None) -> MkDocsConfig:
        # A full build writes a new folder, served once the build succeeded (see builder).
        site_dir = site_dir or tempfile.mkdtemp(prefix="cercle_preview_")
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)
        config.plugins["cercle/preview"] = _PreviewHooks(templates, files)
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(current: MkDocsConfig | None = None) -> None:
        # Never raises: a failure becomes the error page, and MkDocs' loop then moves the
        # browsers on (a raising builder would leave every request waiting for a good build).
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            if current is None and _incremental():
                return
            if current is None:
                current = get_config()
                current.site_url = serve_url
            build(current, serve_url=serve_url)
        except (Exception, SystemExit) as exc:
            _failed(exc, warnings, current)
        else:
            server.failure = None
            _keep(current)
            last_good.listing.clear()  # a full rebuild: the theme may have changed
            if current.site_dir != server.root:
                _remove_later(server.root)
                server.root = current.site_dir
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)

    def _incremental() -> bool:
        """Render only the pages the edits change; False when a full rebuild is needed."""
        if last_good.hub is None:
            return False
        files = snapshot(last_good.roots)  # before reading: an edit saved meanwhile is seen next time
        found = changes(last_good.files, files)
        edited = content_edits(found, Path(config.docs_dir), last_good.registries, last_good.strings)
        if edited is None:
            log.info(message(lang, "preview.full_files"))
            return False
        if not edited and server.failure is None:
            return True  # an editor's swap file: nothing the site is made of
        started = time.monotonic()
        current = get_config(staging_folder(server.root), files)
        current.site_url = serve_url
        hooks = IncrementalHooks(last_good.hub, edited, last_good.cards, last_good.listing, server.root)
        current.plugins["cercle/preview/incremental"] = hooks
        try:
            build(current, serve_url=serve_url)
        except NeedsFullBuild:
            shutil.rmtree(current.site_dir, ignore_errors=True)
            log.info(message(lang, "preview.full_structure"))
            return False
        except BaseException:
            shutil.rmtree(current.site_dir, ignore_errors=True)
            raise
        publish(current.site_dir, server.root)
        server.failure = None
        _keep(current)
        seconds = f"{time.monotonic() - started:.2f}"
        log.info(message(lang, "preview.incremental", pages=len(hooks.rendered), seconds=seconds))
        return True

    def _keep(current: MkDocsConfig) -> None:
        hooks = current.plugins["cercle/preview"]
        assert isinstance(hooks, _PreviewHooks)
        last_good.keep(current, hooks.files, hooks.roots)

    def _failed(exc: BaseException, warnings: _Warnings, current: MkDocsConfig | None) -> None:
        problems, detail = failure_of(exc)
        # "Aborted with 2 warnings in strict mode!" alone would not say which: list them.
        listed = "\n".join(dict.fromkeys([*warnings.lines, detail]))  # MkDocs logs some errors too
        server.failure = (problems, detail if problems else listed)
        log.error(message(lang, "preview.rebuild_failed"))
        if current is not None and current.site_dir != server.root:
            _remove_later(current.site_dir)  # the previous site stays, for its assets

    server = PreviewServer(
        builder=builder,
        host=host,
        port=port,
        root=config.site_dir,
        mount_path=mount_path,
        polling_interval=0.2,  # MkDocs: 0.5 s, most of the wait before a rebuild starts
        fallback_lang=lang,
    )

    def not_found(code: int) -> bytes | None:
        page = join(server.root, f"{code}.html")
        if code in (404, 500) and isfile(page):
            with open(page, "rb") as handle:
                return handle.read()
        return None

    server.error_handler = not_found
    try:
        builder(config)
        if livereload:
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            # MkDocs' plugins return the server they are given (Cercle's have no on_serve).
            server = cast(PreviewServer, config.plugins.on_serve(server, config=config, builder=builder))
            for item in config.watch:
                server.watch(item)
        try:
            server.serve()  # type: ignore[no-untyped-call]  # unannotated in mkdocs
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(server.root, ignore_errors=True)
