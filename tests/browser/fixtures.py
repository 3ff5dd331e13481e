"""Browser-test harness: Debian's Chromium driven by Playwright (from PyPI).

Playwright's own browser download does not work here, so we never run
``playwright install``; the browser is /usr/bin/chromium (``make test`` installs
it via scripts/ensure-chromium.sh) passed as ``executable_path``.

Fixtures:
    chromium_path  (session)  path to Chromium; FAILS under CI=true when missing, else skips
    browser        (session)  one headless Chromium per pytest(-xdist) worker
    page           (function) fresh context + page; viewport 1280x800, locale "fr-FR"
                              or the one given by ``@pytest.mark.locale("en-GB")``
    serve_dir      (function) ``serve_dir(path) -> "http://127.0.0.1:PORT"``; static HTTP
                              server in a background thread, stopped at teardown

Every test collected under tests/browser is marked ``browser`` automatically,
so ``pytest -m "not browser"`` runs everything else.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_PATH = "/usr/bin/chromium"
DEFAULT_LOCALE = "fr-FR"
VIEWPORT = {"width": 1280, "height": 800}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real Chromium through Playwright")
    config.addinivalue_line("markers", "locale(name): browser context locale for the `page` fixture")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- Chromium / Playwright -------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK):
        return CHROMIUM_PATH
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium not found at {CHROMIUM_PATH}; run: apt-get install -y chromium")
    pytest.skip(
        f"Chromium not found at {CHROMIUM_PATH}; run `make test` as root (installs it) "
        "or: apt-get install -y chromium"
    )


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    marker = request.node.get_closest_marker("locale")
    locale = marker.args[0] if marker and marker.args else DEFAULT_LOCALE
    context = browser.new_context(viewport=VIEWPORT, locale=locale)
    try:
        pg = context.new_page()
        yield pg
    finally:
        context.close()


# --- static HTTP server ----------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def start_static_server(directory: str | os.PathLike[str]) -> tuple[str, Callable[[], None]]:
    """Serve ``directory`` on 127.0.0.1 (free port) in a thread; return (base_url, stop)."""
    directory = os.fspath(directory)
    if not os.path.isdir(directory):
        raise NotADirectoryError(directory)
    handler = functools.partial(_QuietHandler, directory=directory)
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve:{directory}", daemon=True)
    thread.start()
    host, port = server.server_address[:2]

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://{host}:{port}", stop


@pytest.fixture
def serve_dir() -> Iterator[Callable[[str | os.PathLike[str]], str]]:
    stops: list[Callable[[], None]] = []

    def _serve(directory: str | os.PathLike[str]) -> str:
        url, stop = start_static_server(directory)
        stops.append(stop)
        return url

    yield _serve
    for stop in reversed(stops):
        stop()
