"""A reused page keeps MkDocs' checks: its warnings come back, links to anchors are checked anew.

A small real MkDocs site (theme `mkdocs`, no Cercle plugin) built in this process through
`cercle.mkdocs.pagecache.reuse.PageCache`, with a fixed site digest: only the pages' own
sources change between builds.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from tests.conftest import write

from cercle.mkdocs.pagecache.reuse import PageCache, activate
from cercle.mkdocs.pagecache.store import PageStore

PAGES = {
    "index.md": "---\ntitle: Home\n---\n# Home\n\nSee [the steps](guide.md#steps) and [this](missing.md).\n",
    "guide.md": "---\ntitle: Guide\n---\n# Guide\n\n## Steps\n\nText.\n",
    "other.md": "---\ntitle: Other\n---\n# Other\n\nBack [home](index.md).\n",
}


def _titled(file: File) -> None:
    assert file.page is not None
    file.page.meta = {"title": PAGES[file.src_uri].split("title: ")[1].split("\n")[0]}
    file.page.markdown = ""


def _build(tmp_path: Path, site: str) -> PageCache:
    write(
        tmp_path / "mkdocs.yml",
        "site_name: Reuse\nsite_url: https://example.org/\ntheme:\n  name: mkdocs\n"
        "validation:\n  anchors: warn\n  not_found: warn\n",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / site))
    store = PageStore(tmp_path / ".cache" / "pages", b"k" * 32)
    cache = PageCache(config, store, b"the same site", _titled, lambda page: None)
    activate(cache)
    try:
        build(config)
    finally:
        activate(None)
    return cache


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the theme's build date, in every page
    for name, text in PAGES.items():
        write(tmp_path / "docs" / name, text)
    return tmp_path / "docs"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    caplog.clear()
    return found


def test_a_reused_page_logs_its_warnings_again(tmp_path: Path, docs: Path, caplog):
    first = _build(tmp_path, "site-1")
    assert (first.reused, first.rendered) == (0, 3)
    warned = _warnings(caplog)
    assert any("missing.md" in text for text in warned), warned
    second = _build(tmp_path, "site-2")
    assert (second.reused, second.rendered) == (3, 0)
    assert _warnings(caplog) == warned  # so `--strict` fails the same way
    for name in ("index.html", "guide/index.html", "other/index.html"):
        assert (tmp_path / "site-1" / name).read_bytes() == (tmp_path / "site-2" / name).read_bytes()


def test_links_of_a_reused_page_are_checked_against_the_current_anchors(tmp_path: Path, docs: Path, caplog):
    _build(tmp_path, "site-1")
    assert not [t for t in _warnings(caplog) if "#steps" in t]
    (docs / "guide.md").write_text(PAGES["guide.md"].replace("## Steps", "## Stages"), encoding="utf-8")
    again = _build(tmp_path, "site-2")
    assert (again.reused, again.rendered) == (2, 1)  # index.md and other.md reused
    assert [t for t in _warnings(caplog) if "'#steps'" in t]


def test_a_missing_object_renders_the_page_after_all(tmp_path: Path, docs: Path, caplog):
    _build(tmp_path, "site-1")
    warned = _warnings(caplog)
    for path in (tmp_path / ".cache" / "pages" / "objects").iterdir():
        path.write_bytes(b"truncated")  # no longer its digest: never used
    again = _build(tmp_path, "site-2")
    assert (again.reused, again.rendered) == (0, 3)
    assert _warnings(caplog) == warned  # read again, once
    site_1, site_2 = tmp_path / "site-1", tmp_path / "site-2"
    assert (site_1 / "index.html").read_bytes() == (site_2 / "index.html").read_bytes()
