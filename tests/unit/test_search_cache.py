"""The kept search index: reused only for the same pages, never trusted when altered."""

from __future__ import annotations

import json
from pathlib import Path

from cercle.core.cachefile import seal
from cercle.search.cache import inputs_digest, load, store


def index_folder(root: Path) -> Path:
    out = root / "out"
    (out / "index").mkdir(parents=True)
    (out / "pagefind-entry.json").write_text('{"languages": {}}', encoding="utf-8")
    (out / "index" / "fr_abc.pf_index").write_bytes(b"\x1f\x8b binary")
    (out / "pagefind.js").write_text("/* Pagefind's code */", encoding="utf-8")
    return out


def site(root: Path, text: str) -> Path:
    (root / "site" / "fr").mkdir(parents=True, exist_ok=True)
    (root / "site" / "fr" / "index.html").write_text(text, encoding="utf-8")
    (root / "site" / "pagefind").mkdir(exist_ok=True)
    return root / "site"


def test_digest_follows_the_pages_and_options_not_the_index_folder(tmp_path: Path):
    pages = site(tmp_path, "<p>a</p>")
    first = inputs_digest(pages, {"x": 1}, skip=("pagefind",))
    (pages / "pagefind" / "fr.html").write_text("ignored", encoding="utf-8")
    assert inputs_digest(pages, {"x": 1}, skip=("pagefind",)) == first
    assert inputs_digest(pages, {"x": 2}, skip=("pagefind",)) != first
    (pages / "fr" / "index.html").write_text("<p>b</p>", encoding="utf-8")
    assert inputs_digest(pages, {"x": 1}, skip=("pagefind",)) != first


def test_a_stored_index_comes_back_byte_for_byte_and_replaces_older_ones(tmp_path: Path):
    out, cache = index_folder(tmp_path), tmp_path / "cache"
    store(cache, "old", out, tmp_path)
    store(cache, "k1", out, tmp_path)
    assert [p.name for p in cache.iterdir()] == ["k1.bundle"]
    back = tmp_path / "back"
    back.mkdir()
    assert load(cache, "k1", back)
    files = sorted(p.relative_to(back).as_posix() for p in back.rglob("*") if p.is_file())
    assert files == ["index/fr_abc.pf_index", "pagefind-entry.json"]  # data only, never code
    assert (back / "index/fr_abc.pf_index").read_bytes() == b"\x1f\x8b binary"
    assert not load(cache, "other", back)


def test_an_altered_or_escaping_bundle_is_a_miss(tmp_path: Path):
    out, cache = index_folder(tmp_path), tmp_path / "cache"
    store(cache, "k", out, tmp_path)
    bundle = cache / "k.bundle"
    bundle.write_bytes(bundle.read_bytes()[:-3])  # truncated
    assert not load(cache, "k", tmp_path / "x")
    target = tmp_path / "y"
    target.mkdir()
    for name in ("../../evil.html", "pagefind.js"):  # outside the folder; code, not data
        header = json.dumps([[name, 2], ["pagefind-entry.json", 2]]).encode()
        bundle.write_bytes(seal(b"%d\n" % len(header) + header + b"hi{}"))
        assert not load(cache, "k", target)
    assert not (tmp_path / "evil.html").exists() and list(target.iterdir()) == []


def test_languages_are_indexed_apart_only_when_each_has_its_own_folder():
    from types import SimpleNamespace as E

    from cercle.search.indexer import language_folders

    own = [E(lang="fr", url="fr/guides/a/"), E(lang="en", url="en/guides/b/"), E(lang="fr", url="fr/x/")]
    assert language_folders(own) == ["en", "fr"]
    assert language_folders([*own, E(lang="en", url="fr/y/")]) == []  # shared: one run
    assert language_folders([E(lang="fr", url="a/"), E(lang="fr", url="b/")]) == []
    assert language_folders([]) == []
