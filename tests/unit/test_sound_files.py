"""Cache files found sound are placed unread while unchanged (cercle.core.soundfiles)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.unit.test_cards import QUOTE, WEBINAR

from cercle.cards.batch import CardJob, render_all
from cercle.cards.draw import render
from cercle.cards.pictures import Picture
from cercle.core import soundfiles
from cercle.core.cachefile import read_regular, seal, sign, signed, signing_key, write_atomic
from cercle.core.soundfiles import FILE_NAME

pytestmark = pytest.mark.skipif(signing_key() is None, reason="no machine id nor CERCLE_CACHE_KEY")


def jobs(count: int) -> list[CardJob]:
    return [CardJob(replace(WEBINAR, title=f"Carte {n}"), f"assets/cards/fr/{n}.png") for n in range(count)]


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the cache files the build read (and checked)."""
    seen: list[str] = []
    read = soundfiles.read_with_state

    def spy(path: Path):
        seen.append(path.name)
        return read(path)

    monkeypatch.setattr(soundfiles, "read_with_state", spy)
    return seen


def build(work: list[CardJob], cache: Path, site: Path, **options):
    return render_all(work, cache, workers=1, progress=False, site_dir=site, **options)


def test_cards_drawn_or_found_sound_are_copied_unread_next_time(tmp_path, reads):
    work, cache = jobs(4), tmp_path / "cache"
    build(work, cache, tmp_path / "site1")  # drawn: the states of the files written are recorded
    reads.clear()
    result = build(work, cache, tmp_path / "site2")
    assert (result.rendered, reads) == (0, [])
    cached = {path.stat().st_ino for path in cache.iterdir()}
    for job in work:
        placed = tmp_path / "site2" / job.dest
        assert placed.read_bytes() == render(job.spec)  # the payload, without the cache's seal
        assert placed.stat().st_nlink == 1 and placed.stat().st_ino not in cached  # a copy


def test_a_cache_file_changed_or_replaced_is_read_checked_and_drawn_again(tmp_path, reads):
    work, cache = jobs(3), tmp_path / "cache"
    build(work, cache, tmp_path / "site1")
    reads.clear()
    targets = [cache / f"{job.spec.digest()}.png" for job in work]
    targets[0].write_bytes(targets[0].read_bytes()[:2000])  # truncated in place
    write_atomic(targets[1], seal(render(QUOTE)))  # replaced: sealed, whole, another card's size
    result = build(work, cache, tmp_path / "site2")
    assert result.rendered == 2
    assert sorted(reads) == sorted(target.name for target in targets[:2])  # the third: unread
    for job in work:
        assert (tmp_path / "site2" / job.dest).read_bytes() == render(job.spec)
    reads.clear()
    assert (build(work, cache, tmp_path / "site3").rendered, reads) == (0, [])  # drawn again: recorded


@pytest.mark.parametrize("forgery", ["another key", "altered"])
def test_a_record_this_machine_did_not_sign_is_ignored(tmp_path, reads, forgery):
    work, cache = jobs(3), tmp_path / "cache"
    build(work, cache, tmp_path / "site1")
    reads.clear()
    record = cache / FILE_NAME
    payload = signed(read_regular(record), signing_key())
    assert payload is not None and len(json.loads(payload)["files"]) == 3
    if forgery == "another key":
        record.write_bytes(sign(payload, b"k" * 32))
    else:
        record.write_bytes(payload.replace(b'"format":1', b'"format":1 ') + read_regular(record)[-32:])
    targets = [cache / f"{job.spec.digest()}.png" for job in work]
    targets[2].write_bytes(b"\x89PNG damaged" + targets[2].read_bytes()[12:])  # same size: checked
    result = build(work, cache, tmp_path / "site2")
    assert sorted(reads) == sorted(target.name for target in targets)  # every file read again
    assert result.rendered == 1
    assert (tmp_path / "site2" / work[2].dest).read_bytes() == render(work[2].spec)


def test_pictures_found_sound_are_copied_unread(tmp_path, reads):
    spec = replace(WEBINAR, title="Lexique")
    picture = Picture("assets/pictures/fr/lexique", "card", (1200, 630), (360, 720), card=spec)
    cards, pictures = tmp_path / "cards", tmp_path / "pictures"
    options = {"pictures": [picture], "pictures_cache": pictures}
    build([CardJob(spec, "assets/cards/x.png")], cards, tmp_path / "site1", **options)
    reads.clear()
    build([CardJob(spec, "assets/cards/x.png")], cards, tmp_path / "site2", **options)
    assert reads == []
    copies = sorted(p.relative_to(tmp_path / "site1") for p in (tmp_path / "site1").rglob("*.webp"))
    assert len(copies) == 2
    for copy in copies:
        assert (tmp_path / "site2" / copy).read_bytes() == (tmp_path / "site1" / copy).read_bytes()
    damaged = next(path for path in pictures.iterdir() if path.name.endswith("-360.webp"))
    damaged.write_bytes(damaged.read_bytes()[:-3])  # truncated: read, refused, made again
    build([CardJob(spec, "assets/cards/x.png")], cards, tmp_path / "site3", **options)
    assert damaged.name in reads
    for copy in copies:
        assert (tmp_path / "site3" / copy).read_bytes() == (tmp_path / "site1" / copy).read_bytes()


@pytest.mark.parametrize("kernel_copy", [True, False])
def test_copy_into_writes_the_first_bytes_as_a_new_file(tmp_path, monkeypatch, kernel_copy):
    import errno
    import os

    from cercle.core.cachefile import copy_into

    if not kernel_copy:  # an old kernel or a file system without copy_file_range

        def unsupported(*args, **kwargs):
            raise OSError(errno.ENOSYS, "no copy_file_range")

        monkeypatch.setattr(os, "copy_file_range", unsupported)
    source = tmp_path / "cache.png"
    source.write_bytes(b"payload" * 10_000 + b"SEAL")
    other = tmp_path / "other"
    other.write_bytes(b"elsewhere")
    target = tmp_path / "site" / "deep" / "card.png"
    target.parent.mkdir(parents=True)
    target.symlink_to(other)  # replaced, never written through
    fd = os.open(source, os.O_RDONLY)
    try:
        copy_into(target, fd, 70_000)
        assert target.read_bytes() == b"payload" * 10_000 and not target.is_symlink()
        assert other.read_bytes() == b"elsewhere"
        with pytest.raises(OSError):
            copy_into(tmp_path / "site" / "short.png", fd, 80_000)  # the file is shorter
    finally:
        os.close(fd)
