"""The parts of cercle.mkdocs.pagecache that need no site: configuration keys, records, paths."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from cercle.build.fingerprint import tree_digest
from cercle.core.cachefile import MAC_SIZE
from cercle.mkdocs.pagecache.keys import Unstable, canonical
from cercle.mkdocs.pagecache.reuse import _site_path
from cercle.mkdocs.pagecache.store import PageStore, Record


def slugify(text: str, sep: str = "-") -> str:
    return text


class Opaque:
    pass


def test_configuration_values_have_a_form_equal_between_runs():
    value = {"b": [1, 2.5, True, None], "a": dt.date(2026, 12, 2), "p": Path("/x"), "s": {"y", "x"}}
    assert canonical(value) == [
        ["a", "2026-12-02"],
        ["b", [1, 2.5, True, None]],
        ["p", "/x"],
        ["s", ['"x"', '"y"']],
    ]
    assert canonical(slugify) == f"{__name__}.slugify"
    assert canonical(functools.partial(slugify, sep="_")) == [
        "partial",
        f"{__name__}.slugify",
        [],
        [["sep", "_"]],
    ]


class Module:
    def __repr__(self) -> str:
        return "<module 'hook' from '/home/ci/run-41/hub/hook.py'>"


def test_paths_inside_the_project_are_written_from_it_and_others_kept():
    value = {
        "docs_dir": "/home/ci/run-41/hub/content",
        "config_file_path": Path("/home/ci/run-41/hub/mkdocs.yml"),
        "project": "/home/ci/run-41/hub",
        "sibling": "/home/ci/run-41/hub-other/content",  # only the folder itself is the project
        "theme": "/usr/lib/theme",
        "hook": Module(),
    }
    moved = canonical(value, "/home/ci/run-41/hub")
    assert moved == canonical({**value, "hook": Module()}, "/home/ci/run-41/hub")
    assert dict(moved) == {
        "config_file_path": "<project>/mkdocs.yml",
        "docs_dir": "<project>/content",
        "hook": "<module 'hook' from '<project>/hook.py'>",
        "project": "<project>",
        "sibling": "/home/ci/run-41/hub-other/content",
        "theme": "/usr/lib/theme",
    }
    assert dict(canonical(value))["docs_dir"] == "/home/ci/run-41/hub/content"  # no project: as is


def test_an_object_known_by_its_address_only_is_refused():
    with pytest.raises(Unstable):
        canonical({"toc": {"slugify": Opaque()}})


def test_a_folder_digest_follows_bytes_names_and_links_but_not_skipped_paths(tmp_path: Path):
    (tmp_path / "a.md").write_text("one", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x").write_text("ignored", encoding="utf-8")
    first = tree_digest(tmp_path)
    (tmp_path / ".git" / "x").write_text("still ignored", encoding="utf-8")
    assert tree_digest(tmp_path) == first
    (tmp_path / "a.md").write_text("two", encoding="utf-8")
    assert tree_digest(tmp_path) != first
    assert tree_digest(tmp_path, [tmp_path / "a.md"]) == tree_digest(tmp_path, [tmp_path / "a.md"])
    (tmp_path / "b.md").symlink_to("/etc/hostname")
    linked = tree_digest(tmp_path)
    (tmp_path / "b.md").unlink()
    (tmp_path / "b.md").symlink_to("/etc/hosts")
    assert tree_digest(tmp_path) != linked  # the link's target name, never the file it names


def test_a_record_reads_back_only_with_its_key(tmp_path: Path):
    store = PageStore(tmp_path, b"k" * 32)
    (tmp_path / "records").mkdir()
    html = store.write_object(b"<p>page</p>")
    store.put("abc", Record(html, plugins={"cercle/search": True}, logs=[("mkdocs", 30, "careful")]))
    record = store.get("abc")
    assert record is not None and record.html == html and record.logs == [("mkdocs", 30, "careful")]
    assert PageStore(tmp_path, b"x" * 32).get("abc") is None
    data = (tmp_path / "records" / "abc").read_bytes()
    (tmp_path / "records" / "abc").write_bytes(
        data[:-MAC_SIZE].replace(b"careful", b"carefree") + data[-MAC_SIZE:]
    )
    assert store.get("abc") is None
    (tmp_path / "objects" / html).write_bytes(b"<script>")
    assert store.read_object(html) is None


def test_files_a_record_names_stay_inside_the_site(tmp_path: Path):
    assert _site_path(tmp_path, "fr/x/transcript/index.html") == tmp_path / "fr/x/transcript/index.html"
    for name in ("../outside.html", "/etc/passwd", "fr/../../x", ""):
        assert _site_path(tmp_path, name) is None
