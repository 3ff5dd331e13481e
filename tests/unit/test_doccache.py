"""Parsed front matter kept on disk between builds (cercle.core.doccache)."""

import datetime as dt
import json
import os

from cercle.core import catalog as catalog_module
from cercle.core.cachefile import seal, unseal
from cercle.core.doccache import FILE_NAME, FORMAT, DocumentCache, KeptLines
from cercle.core.frontmatter import parse_document
from cercle.core.settings import HubSettings

ENTRY = """\
---
title: "Garder le cap"
date: 2024-03-05
event:
  start: 2024-03-05T18:30:00+01:00
  place: Lyon
topics: [volontariat]
questions:
  - Pourquoi ?
  - Comment ?
---

Le corps du texte.
"""


def _age(path, seconds=60):
    """Files the cache trusts were written more than a few seconds ago."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _fresh_process():
    # `cercle serve` keeps parsed files in memory too; a new build process starts without them.
    catalog_module._DOCUMENTS.clear()


def _kept(tmp_path, text=ENTRY, give_text=True):
    """A file aged past the racy window (`text` may start with a byte-order mark), its document
    put in a cache folder (with the text read, or without) and saved."""
    source = tmp_path / "a.md"
    source.write_bytes(text.encode("utf-8"))
    _age(source)
    read = text.removeprefix("\ufeff")
    doc = parse_document(read, "fr/a.md")
    cache = DocumentCache(tmp_path / "cache", "v1")
    cache.put("fr/a.md", source.stat(), doc, read if give_text else None)
    cache.save()
    return source, doc


def test_a_document_comes_back_equal_while_its_file_is_unchanged(tmp_path):
    source, doc = _kept(tmp_path, give_text=False)

    again = DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat())
    assert again is not None
    assert again.data == doc.data and again.lines == doc.lines and again.body == doc.body
    assert isinstance(again.data["date"], dt.date) and isinstance(again.data["event"]["start"], dt.datetime)
    assert again.data["event"]["start"].utcoffset() == dt.timedelta(hours=1)

    source.write_text(ENTRY.replace("Lyon", "Nantes"), encoding="utf-8")
    assert DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat()) is None
    assert DocumentCache(tmp_path / "cache", "v2").entries == {}  # another parser: start over


def _stored(folder):
    return json.loads(bytes(unseal((folder / FILE_NAME).read_bytes())))["documents"]


def test_a_body_is_read_back_from_its_file_not_kept_in_the_cache(tmp_path):
    # Decoding every body from the cache cost 2 s of a warm build at 10,000 entries a language.
    text = "\ufeff" + ENTRY.replace("Le corps du texte.", "Le corps — accentué, « cité ».")
    source, doc = _kept(tmp_path, text)
    kept = _stored(tmp_path / "cache")["fr/a.md"]
    assert "body" not in kept and kept["body_at"] == source.stat().st_size - len(doc.body.encode())
    again = DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat(), source)
    assert again is not None and again.body == doc.body == "\nLe corps — accentué, « cité ».\n"

    # Without the file's path, or when the file opened is no longer the one stat'ed: parsed again.
    assert DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat()) is None
    stat = source.stat()
    source.write_bytes(source.read_bytes() + b"!")
    assert DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", stat, source) is None
    source.unlink()
    assert DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", stat, source) is None


def test_a_body_with_windows_line_ends_comes_back_the_same(tmp_path):
    source, doc = _kept(tmp_path, "\ufeff" + ENTRY.replace("\n", "\r\n"))
    assert "body_at" in _stored(tmp_path / "cache")["fr/a.md"]
    again = DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat(), source)
    assert again is not None and again.body == doc.body and "\r\n" in again.body


def test_a_body_not_simply_the_end_of_its_text_is_kept_whole(tmp_path):
    source, doc = _kept(tmp_path, give_text=False)  # the text not given: nothing to find it in
    cache = DocumentCache(tmp_path / "cache", "v1")
    cache.put("fr/b.md", source.stat(), doc, ENTRY + "changed since")
    cache.save()
    stored = _stored(tmp_path / "cache")
    assert stored["fr/a.md"]["body"] == stored["fr/b.md"]["body"] == doc.body
    assert DocumentCache(tmp_path / "cache", "v1").get("fr/b.md", source.stat()).body == doc.body


def test_a_start_out_of_the_file_is_not_believed(tmp_path):
    source, _ = _kept(tmp_path)
    folder = tmp_path / "cache"
    stored = json.loads(bytes(unseal((folder / FILE_NAME).read_bytes())))
    for at in (-1, source.stat().st_size + 1, "12", True, None):
        stored["documents"]["fr/a.md"]["body_at"] = at
        (folder / FILE_NAME).write_bytes(seal(json.dumps(stored).encode()))
        assert DocumentCache(folder, "v1").get("fr/a.md", source.stat(), source) is None, at


def test_the_lines_of_a_kept_document_are_decoded_only_when_asked(tmp_path):
    source, doc = _kept(tmp_path)
    lines = DocumentCache(tmp_path / "cache", "v1").get("fr/a.md", source.stat(), source).lines
    assert isinstance(lines, KeptLines) and lines._lines is None
    assert lines[("event", "place")] == 6 and lines._lines is not None
    assert lines == doc.lines and dict(lines) == doc.lines and len(lines) == len(doc.lines)
    assert KeptLines("[[1, 2]") == {}  # a broken record (only a bug writes one): no line known


def test_a_file_written_a_moment_ago_is_not_trusted_yet(tmp_path):
    source = tmp_path / "a.md"
    source.write_text(ENTRY, encoding="utf-8")
    cache = DocumentCache(tmp_path / "cache", "v1")
    cache.put("fr/a.md", source.stat(), parse_document(ENTRY, "fr/a.md"))
    assert cache.entries == {}  # it may change again within the same timestamp tick


def test_documents_json_cannot_carry_back_exactly_are_not_kept(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("x", encoding="utf-8")
    _age(source)
    cache = DocumentCache(tmp_path / "cache", "v1")
    for rel, text in {
        "number-key.md": "---\n2024: an year as a key\n---\n",
        "binary.md": "---\nraw: !!binary aGVsbG8=\n---\n",
        "nul-key.md": '---\n"\\0date": 2024-01-01\n---\n',
        "broken.md": "---\ntitle: [unclosed\n---\n",
    }.items():
        cache.put(rel, source.stat(), parse_document(text, rel))
    assert cache.entries == {}


def test_a_cache_file_written_by_another_process_is_read_again(tmp_path):
    # A process keeps the cache it read or wrote while its file is unchanged (`cercle serve`).
    source = tmp_path / "a.md"
    source.write_text(ENTRY, encoding="utf-8")
    _age(source)
    folder = tmp_path / "cache"
    cache = DocumentCache(folder, "v1")
    cache.put("fr/a.md", source.stat(), parse_document(ENTRY, "fr/a.md"))
    cache.save()
    assert DocumentCache(folder, "v1").get("fr/a.md", source.stat()) is not None
    other = {"format": FORMAT, "version": "v1", "documents": {}}  # another build forgot the file
    (folder / FILE_NAME).write_bytes(seal(json.dumps(other).encode()))
    assert DocumentCache(folder, "v1").get("fr/a.md", source.stat()) is None


def test_an_unreadable_cache_is_ignored(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert DocumentCache(folder, "v1").entries == {}
    (folder / FILE_NAME).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")  # too deep
    assert DocumentCache(folder, "v1").entries == {}
    wrong = {"format": FORMAT, "version": "v1", "documents": []}
    (folder / FILE_NAME).write_bytes(seal(json.dumps(wrong).encode()))
    source = tmp_path / "a.md"
    source.write_text("x", encoding="utf-8")
    assert DocumentCache(folder, "v1").get("a.md", source.stat()) is None


def test_the_catalog_reads_the_same_entries_from_the_cache(tmp_path):
    root = tmp_path / "content"
    (root / "fr/evenements").mkdir(parents=True)
    (root / "topics.yml").write_text("volontariat:\n  label: {fr: Volontariat}\n", encoding="utf-8")
    (root / "speakers.yml").write_text("{}\n", encoding="utf-8")
    page = root / "fr/evenements/garder-le-cap.md"
    page.write_text(ENTRY, encoding="utf-8")
    _age(page)
    settings = HubSettings(
        content_dir=root, languages=("fr",), today=dt.date(2026, 11, 22), cache_dir=tmp_path / "cache"
    )
    _fresh_process()
    first = catalog_module.load_catalog(settings)
    assert (tmp_path / "cache" / FILE_NAME).is_file()
    _fresh_process()
    second = catalog_module.load_catalog(settings)
    assert [e.meta for e in first.entries] == [e.meta for e in second.entries]
    assert [e.body for e in first.entries] == [e.body for e in second.entries]

    # The second build really read the cache, not the file: a change sealed in the cache shows.
    cached = tmp_path / "cache" / FILE_NAME
    stored = json.loads(bytes(unseal(cached.read_bytes())))
    stored["documents"]["fr/evenements/garder-le-cap.md"]["data"]["title"] = "Vu dans le cache"
    cached.write_bytes(seal(json.dumps(stored).encode()))
    _fresh_process()
    assert catalog_module.load_catalog(settings).entries[0].title == "Vu dans le cache"
    # The same change without its digest (a corrupted or hand-edited cache) is not believed.
    cached.write_bytes(json.dumps(stored).encode())
    _fresh_process()
    assert catalog_module.load_catalog(settings).entries[0].title == "Garder le cap"
    cached.write_bytes(seal(json.dumps(stored).encode())[:-1] + b"!")
    _fresh_process()
    assert catalog_module.load_catalog(settings).entries[0].title == "Garder le cap"
    # Nor is a link in its place, to whatever file: it is removed.
    outside = tmp_path / "outside.json"
    outside.write_bytes(seal(json.dumps(stored).encode()))
    cached.unlink()
    cached.symlink_to(outside)
    _fresh_process()
    assert catalog_module.load_catalog(settings).entries[0].title == "Garder le cap"
    assert not cached.is_symlink()

    # An edit is seen even within the file system's timestamp resolution: the size changed.
    stat = page.stat()
    page.write_text(ENTRY.replace("Garder le cap", "Tenir le cap, toujours"), encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _fresh_process()
    assert catalog_module.load_catalog(settings).entries[0].title == "Tenir le cap, toujours"
