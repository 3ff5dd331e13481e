"""`cercle build` publishes atomically (a failed build leaves the previous site untouched); `cercle serve`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.conftest import DEMO_EPOCH, bin_path, cercle, write


def snapshot(site: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def leftovers(project: Path) -> list[str]:
    """Temporary links, and versions beyond the current one and the previous one."""
    links = [p.name for p in project.iterdir() if p.name.startswith((".out.link-", ".out.new-", ".out.old-"))]
    versions = sorted(p.name for p in (project / ".out.versions").iterdir())
    return links + (versions if len(versions) > 2 else [])


def test_failed_build_leaves_the_previous_site_untouched(demo_project: Path):
    out = demo_project / "out"
    first = cercle(demo_project, "build", "-d", "out")
    assert first.returncode == 0, first.output
    assert "Site built in out/" in first.stdout
    assert out.is_symlink() and out.resolve().parent == demo_project / ".out.versions"
    assert (out / "fr" / "index.html").is_file() and (out / "en" / "index.html").is_file()
    before = snapshot(out)

    # 1. A content mistake: stopped by the check, before MkDocs even starts.
    page = demo_project / "content/fr/guides/lexique-ambassadeur.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("title:", "titre:", 1), encoding="utf-8")
    broken = cercle(demo_project, "build", "-d", "out")
    assert broken.returncode == 1
    assert "fr/guides/lexique-ambassadeur.md:2: error: titre: unknown field 'titre'" in broken.stderr
    assert "The site was not built" in broken.stderr and "Traceback" not in broken.output
    assert snapshot(out) == before

    # A broken link in the text is a content mistake too: the check stops it (it used to reach MkDocs).
    page.write_text(original + "\n[Lien](nulle-part.md)\n", encoding="utf-8")
    broken = cercle(demo_project, "build", "-d", "out")
    link_line = len(original.splitlines()) + 2  # after a blank line; 57 since the share kit's fields
    assert broken.returncode == 1 and f"fr/guides/lexique-ambassadeur.md:{link_line}: error:" in broken.stderr
    assert "nulle-part.md" in broken.stderr and "Doc file" not in broken.stderr
    assert snapshot(out) == before

    # 2. A failure inside the MkDocs build itself (a strict-mode warning), after pages were written.
    page.write_text(original, encoding="utf-8")
    config = demo_project / "mkdocs.yml"
    config_text = config.read_text(encoding="utf-8")
    write(demo_project / "late.py", "import logging\n\n\ndef on_post_build(config):\n"
          "    logging.getLogger('mkdocs.hooks.late').warning('late warning')\n")  # fmt: skip
    config.write_text(config_text + "hooks:\n  - late.py\n", encoding="utf-8")
    failed = cercle(demo_project, "build", "-d", "out", "--strict")
    config.write_text(config_text, encoding="utf-8")
    assert failed.returncode == 1
    assert "late warning" in failed.stderr
    assert failed.stderr.strip().splitlines()[-1].endswith("The previous site in out/ is unchanged.")
    assert snapshot(out) == before
    assert leftovers(demo_project) == []

    # 3. Fixed: the new site replaces the old one in one move.
    page.write_text(original + "\nUne phrase ajoutée.\n", encoding="utf-8")
    mask = os.umask(0o022)  # the usual umask: the modes checked below follow it
    try:
        again = cercle(demo_project, "build", "-d", "out")
    finally:
        os.umask(mask)
    assert again.returncode == 0, again.output
    html = (out / "fr" / "guides" / "lexique-ambassadeur" / "index.html").read_text(encoding="utf-8")
    assert "Une phrase ajoutée." in html
    assert leftovers(demo_project) == []
    assert len(list((demo_project / ".out.versions").iterdir())) == 2  # this one and the previous one
    assert oct(out.stat().st_mode & 0o777) != "0o700"  # not the private mode of a temporary folder
    # A web server running as another user reads every file and folder (the search index's
    # folder and the digest were once private: made by mkdtemp and mkstemp).
    assert (out / "pagefind" / "pagefind-entry.json").is_file()
    assert (out / "fr" / "a-partager" / "digest-fr-2026-11.html").is_file()
    private = [
        p.relative_to(out.resolve()).as_posix()
        for p in out.resolve().rglob("*")
        if not p.stat().st_mode & 0o004 or (p.is_dir() and not p.stat().st_mode & 0o001)
    ]
    assert private == []


def test_destination_that_is_a_file(demo_project: Path):
    write(demo_project / "out", "not a folder")
    result = cercle(demo_project, "build", "-d", "out")
    assert result.returncode == 1
    assert result.stderr.strip() == "out exists and is not a folder: choose another destination with -d."
    assert (demo_project / "out").read_text() == "not a folder"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_previews_and_rebuilds(demo_project: Path):
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DEMO_EPOCH, "CERCLE_LANG": "en"}
    proc = subprocess.Popen(
        [bin_path("cercle"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=demo_project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/fr/guides/lexique-ambassadeur/"
    page = demo_project / "content/fr/guides/lexique-ambassadeur.md"

    def fetch() -> str | None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return None

    try:
        deadline = time.monotonic() + 120
        while (html := fetch()) is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        assert html is not None, proc.stdout.read() if proc.poll() is not None else "no answer"
        assert '<html lang="fr"' in html
        page.write_text(page.read_text(encoding="utf-8") + "\nModifié pendant l’aperçu.\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while "Modifié pendant l’aperçu." not in (fetch() or "") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Modifié pendant l’aperçu." in (fetch() or "")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    assert f"Live preview on http://127.0.0.1:{port}/" in output


def test_serve_refuses_a_bad_address(demo_project: Path):
    result = cercle(demo_project, "serve", "-a", "localhost")
    assert result.returncode == 1
    assert "'localhost' is not an address" in result.stderr


def test_the_build_runs_in_a_process_that_ends_before_pagefind(demo_project: Path):
    """Pagefind runs in the command's process once the build's process ended (its memory given
    back): the command times the build as `build_process` and gets the build's own phases home."""
    import json

    phases = demo_project / "phases.json"
    result = cercle(demo_project, "build", "-d", "out", env={"CERCLE_PHASES": str(phases)})
    assert result.returncode == 0, result.output
    main = json.loads(phases.read_text(encoding="utf-8"))["main"]
    assert {"build_process", "check", "mkdocs", "page_keys", "search", "publish"} <= set(main)
    assert main["search"]["calls"] == 1  # indexed once, here, not in the build's process
    assert (demo_project / "out" / "pagefind" / "pagefind-entry.json").is_file()
