"""`cercle serve` shows content problems in the browser and comes back by itself once they are fixed.

Real `cercle serve` processes on a free loopback port, read over HTTP; every request has a timeout
(a request that hangs fails the test) and every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import DEMO_EPOCH, bin_path

EVENT = "content/fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md"
EVENT_SHOWN = EVENT.removeprefix("content/")
GUIDE_FR = "/fr/guides/lexique-ambassadeur/"
GUIDE_EN = "/en/guides/why-ambassadors-are-volunteers/"
REQUEST_TIMEOUT = 10  # seconds: the longest a page may take, even during a rebuild


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    def __init__(self, base: str, proc: subprocess.Popen) -> None:
        self.base = base
        self.proc = proc
        self.lines: list[str] = []  # the server's log, read as it comes (a full pipe would block it)
        threading.Thread(target=lambda: self.lines.extend(proc.stdout), daemon=True).start()  # type: ignore[arg-type]

    def get(self, path: str, accept_language: str = "") -> tuple[int, str]:
        """Status and body; a timeout raises (no request may hang)."""
        request = urllib.request.Request(self.base + path, headers={"Accept-Language": accept_language})
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")

    def poll(self, path: str, ready: Callable[[int, str], bool], seconds: float = 120) -> tuple[int, str]:
        deadline = time.monotonic() + seconds
        while True:
            assert self.proc.poll() is None, "cercle serve stopped"
            try:
                status, html = self.get(path)
            except urllib.error.URLError as exc:  # not listening yet
                assert "timed out" not in str(exc), f"{path}: the request hung"
                status, html = 0, ""
            if ready(status, html) or time.monotonic() > deadline:
                return status, html
            time.sleep(0.3)


@contextmanager
def preview(project: Path, kind: type[Preview] = Preview) -> Iterator[Preview]:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DEMO_EPOCH, "CERCLE_LANG": "en"}
    proc = subprocess.Popen(
        [bin_path("cercle"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield kind(f"http://127.0.0.1:{port}", proc)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def is_site(status: int, html: str) -> bool:
    return status == 200 and "data-pagefind-body" in html


def is_error_page(status: int, html: str) -> bool:
    return status == 500 and f"{EVENT_SHOWN}:10" in html


def break_speaker(project: Path) -> str:
    path = project / EVENT
    original = path.read_text(encoding="utf-8")
    assert "speakers: [joselito-tirados," in original
    path.write_text(original.replace("speakers: [", "speakers: [inconnu-x, ", 1), encoding="utf-8")
    return original


def test_a_content_error_shows_in_the_browser_until_it_is_fixed(demo_project: Path):
    with preview(demo_project) as server:
        status, html = server.poll(GUIDE_FR, is_site)
        assert is_site(status, html), html[-2000:]
        assert "/livereload/" in html  # MkDocs' reload script is in the site's pages

        original = break_speaker(demo_project)
        status, html = server.poll(GUIDE_FR, is_error_page)
        assert is_error_page(status, html), html[-2000:]
        # French for a French page: file:line, field and what to do, with the reload script.
        assert '<html lang="fr"' in html and "L’aperçu est en pause" in html
        assert "<code>speakers</code>" in html
        assert "intervenant inconnu «\u00a0inconnu-x\u00a0»" in html  # French typography
        assert "/livereload/" in html
        # English for an English page; the reader's language for a page of neither.
        status, html = server.get(GUIDE_EN)
        assert status == 500 and "The preview is paused" in html
        assert "unknown speaker &#39;inconnu-x&#39;" in html  # quotes escaped too
        assert "The preview is paused" in server.get("/", accept_language="en-GB,en;q=0.9")[1]
        assert "L’aperçu est en pause" in server.get("/", accept_language="fr-CA,fr;q=0.8,en;q=0.5")[1]
        # Stylesheets and other files are still served (from the last good build).
        status, _ = server.get("/sitemap.xml")
        assert status == 200

        (demo_project / EVENT).write_text(original, encoding="utf-8")
        status, html = server.poll(GUIDE_FR, is_site)
        assert is_site(status, html), html[-2000:]
        assert "L’aperçu est en pause" not in html

        # A link to nowhere is a content problem too now (cercle/bodylinks checks body links
        # before MkDocs' strict mode would): the page names the file, the line and what to do.
        guide = demo_project / "content/fr/guides/lexique-ambassadeur.md"
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text + "\n[Lien](nulle-part.md)\n", encoding="utf-8")
        status, html = server.poll(GUIDE_EN, lambda status, html: status == 500)
        assert status == 500 and "The preview is paused" in html, html[-2000:]
        assert "content/fr/guides/lexique-ambassadeur.md:" in html  # from the repository's root
        assert "no file at &#39;nulle-part.md&#39;" in html
        guide.write_text(text, encoding="utf-8")
        status, html = server.poll(GUIDE_EN, is_site)
        assert is_site(status, html), html[-2000:]


def test_serve_starts_with_content_errors_and_recovers(demo_project: Path):
    original = break_speaker(demo_project)
    with preview(demo_project) as server:
        status, html = server.poll(GUIDE_EN, is_error_page)
        assert is_error_page(status, html), html[-2000:]
        assert "unknown speaker &#39;inconnu-x&#39;" in html
        (demo_project / EVENT).write_text(original, encoding="utf-8")
        status, html = server.poll(GUIDE_EN, is_site)
        assert is_site(status, html), html[-2000:]


# The rebuild holds until the test removes `slow` (at most 60 s): longer than REQUEST_TIMEOUT,
# so a page request that waited for the rebuild would time out, and no fixed sleep to wait out.
SLOW_HOOK = """
import time
from pathlib import Path


def on_pre_build(config):
    here = Path(config.config_file_path).parent
    if (here / "slow").exists():
        (here / "building").touch()
        deadline = time.monotonic() + 60
        while (here / "slow").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
"""


def test_pages_are_answered_at_once_during_a_rebuild(demo_project: Path):
    # MkDocs holds page requests until a rebuild ends; the preview serves the last good site.
    (demo_project / "slow.py").write_text(SLOW_HOOK, encoding="utf-8")
    config = demo_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - slow.py\n", encoding="utf-8")
    guide = demo_project / "content/fr/guides/lexique-ambassadeur.md"
    with preview(demo_project) as server:
        assert is_site(*server.poll(GUIDE_FR, is_site))
        (demo_project / "slow").touch()
        guide.write_text(guide.read_text(encoding="utf-8") + "\nPhrase ajoutée.\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while not (demo_project / "building").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (demo_project / "building").exists(), "the rebuild did not start"
        status, html = server.get(GUIDE_FR)  # raises if it takes REQUEST_TIMEOUT (the hook waits longer)
        assert is_site(status, html) and "Phrase ajoutée." not in html
        assert (demo_project / "slow").exists()  # so the rebuild was still running during the request
        (demo_project / "slow").unlink()
        status, html = server.poll(GUIDE_FR, lambda status, html: "Phrase ajoutée." in html)
        assert is_site(status, html) and "Phrase ajoutée." in html
