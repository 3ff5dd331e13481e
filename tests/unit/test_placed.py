"""cercle.build.placed: a file is linked unread only from the version its signed record names."""

from __future__ import annotations

import os
from pathlib import Path

from cercle.build.placed import FILE_NAME, Placements
from cercle.core.cachefile import MAC_SIZE

KEY = b"k" * 32


def versions(tmp_path: Path) -> tuple[Path, Path]:
    """A published version (the `site` link points at it) and a new one being built."""
    old, new = tmp_path / ".site.versions" / "1", tmp_path / ".site.versions" / "2"
    (old / "img").mkdir(parents=True)
    new.mkdir()
    (tmp_path / "site").symlink_to(old.relative_to(tmp_path))
    return old, new


def record(old: Path, cache: Path, key: bytes = KEY) -> None:
    placements = Placements(old, cache, key)
    (old / "img").mkdir(parents=True, exist_ok=True)
    (old / "img" / "a.png").write_bytes(b"card a")
    placements.placed("img/a.png", "digest-a")
    placements.save()


def test_a_file_placed_from_the_same_key_is_linked_unread(tmp_path: Path):
    old, new = versions(tmp_path)
    record(old, tmp_path / "cache")
    placements = Placements(new, tmp_path / "cache", KEY)
    assert not placements.link("img/a.png", "digest-b")  # another key: other bytes
    assert placements.link("img/a.png", "digest-a")
    assert (new / "img" / "a.png").stat().st_ino == (old / "img" / "a.png").stat().st_ino


def test_a_changed_file_a_forged_record_or_another_version_links_nothing(tmp_path: Path):
    old, new = versions(tmp_path)
    cache = tmp_path / "cache"
    record(old, cache)
    assert not Placements(new, cache, b"x" * 32).link("img/a.png", "digest-a")  # not our key
    data = (cache / FILE_NAME).read_bytes()
    (cache / FILE_NAME).write_bytes(data[:-MAC_SIZE].replace(b"digest-a", b"digest-z") + data[-MAC_SIZE:])
    assert not Placements(new, cache, KEY).link("img/a.png", "digest-z")
    record(old, cache)
    (old / "img" / "a.png").write_bytes(b"card A")  # same size, edited in place
    os.utime(old / "img" / "a.png", ns=(1, 1))
    assert not Placements(new, cache, KEY).link("img/a.png", "digest-a")
    record(new, cache)  # a record of another version than the published one
    assert not Placements(tmp_path / ".site.versions" / "3", cache, KEY).link("img/a.png", "digest-a")
    assert not (tmp_path / ".site.versions" / "3" / "img" / "a.png").exists()


def test_a_site_that_is_not_a_version_is_never_recorded(tmp_path: Path):
    site = tmp_path / "site"
    placements = Placements(site, tmp_path / "cache", KEY)
    placements.put("index.html", b"<p>", "digest")
    placements.save()
    assert (site / "index.html").read_bytes() == b"<p>"
    assert not (tmp_path / "cache" / FILE_NAME).exists()
