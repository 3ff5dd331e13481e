"""Publication by one symbolic-link switch: a process killed at every step leaves the old or the new
site whole, a reader never misses a file, and the next build removes what killed builds left."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cercle.build.atomic import KILL_AT_ENV, TRASH, versions_dir

PAD = "x" * 50_000  # big enough that a half-written page would show

# Publishes a small site whose pages say which version they are; `building` stops mid-build.
PUBLISH = """
import os, sys
from pathlib import Path
from cercle.build import atomic
if os.environ.get("NO_EXCHANGE"):
    atomic._exchange = lambda a, b: False
dest, number = Path(sys.argv[1]), sys.argv[2]
def build(folder):
    page = f"<html>version {number} {PAD}</html>"
    for lang in ("fr", "en"):
        (folder / lang).mkdir()
        (folder / lang / "index.html").write_text(page)
        atomic._step("building")
atomic.build_atomically(dest, build)
""".replace("{PAD}", PAD)


def publish(dest: Path, number: int, kill_at: str = "", exchange: bool = True) -> int:
    env = {**os.environ, KILL_AT_ENV: kill_at}
    if not exchange:
        env["NO_EXCHANGE"] = "1"
    return subprocess.run([sys.executable, "-c", PUBLISH, str(dest), str(number)], env=env).returncode


def version_of(dest: Path) -> int:
    text = (dest / "fr" / "index.html").read_text()
    assert text.startswith("<html>version ") and text.endswith(f"{PAD}</html>"), "a half-written page"
    return int(text.split()[1])


class Reader(threading.Thread):
    """Reads site/fr/index.html without pause; records every failure (missing, half written)."""

    def __init__(self, dest: Path) -> None:
        super().__init__(daemon=True)
        self.dest, self.reads, self.failures = dest, 0, []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                version_of(self.dest)
                self.reads += 1
            except (OSError, AssertionError, ValueError) as exc:
                self.failures.append(repr(exc))


def legacy_site(dest: Path) -> None:
    """A real folder `site/` as the two-rename publication left it, with its leftovers."""
    (dest / "fr").mkdir(parents=True)
    (dest / "fr" / "index.html").write_text(f"<html>version 0 {PAD}</html>")
    for leftover in (".site.new-abc123", ".site.old-def456"):
        (dest.parent / leftover / "fr").mkdir(parents=True)


# Before the switch the old site stays; from the switch on, the new one is there.
OLD_SITE_STEPS = ["building", "built", "shared", "linked"]


def test_kill_at_every_step_leaves_a_whole_site_and_the_next_build_cleans(tmp_path: Path):
    dest = tmp_path / "site"
    legacy_site(dest)
    reader = Reader(dest)
    reader.start()
    published, number = 0, 0
    try:
        # First run into the real folder (migration), then runs over the link.
        plan = [(step, True) for step in [*OLD_SITE_STEPS, "exchanged"]]
        plan += [(step, False) for step in ["cleaned", *OLD_SITE_STEPS, "switched"]]
        for step, migrating in plan:
            assert dest.is_symlink() is not migrating
            number += 1
            assert publish(dest, number, kill_at=step) == -9, step  # it was killed
            if step not in OLD_SITE_STEPS:
                published = number
            assert version_of(dest) == published, step
        assert reader.reads > 0
        # Killed builds left unfinished versions and temporary links behind.
        assert len(list(versions_dir(dest).iterdir())) > 2
        assert list(tmp_path.glob(".site.link-*"))
        number += 1
        assert publish(dest, number) == 0
        assert version_of(dest) == number
    finally:
        reader.stop.set()
        reader.join()
    assert reader.failures == []
    current = (tmp_path / os.readlink(dest)).resolve()
    kept = sorted(p.resolve() for p in versions_dir(dest).iterdir() if not p.name.startswith(TRASH))
    assert current in kept and len(kept) == 2  # the current version and the previous one
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.versions", "site"]
    # What this build put aside, the next one removes (while it builds).
    assert list(versions_dir(dest).glob(f"{TRASH}*"))
    assert publish(dest, number + 1) == 0
    left = {p.name for p in versions_dir(dest).iterdir()}
    assert len(left) == 3 and len({name for name in left if name.startswith(TRASH)}) == 1


def test_the_sweep_unlinks_a_planted_link_and_never_follows_it(tmp_path: Path):
    dest, outside = tmp_path / "site", tmp_path / "outside"
    (outside / "keep").mkdir(parents=True)
    (outside / "keep" / "file.txt").write_text("keep")
    assert publish(dest, 1) == 0
    (versions_dir(dest) / f"{TRASH}planted").symlink_to(outside)
    (versions_dir(dest) / f"{TRASH}in").mkdir()
    (versions_dir(dest) / f"{TRASH}in" / "link").symlink_to(outside / "keep")
    assert publish(dest, 2) == 0
    assert (outside / "keep" / "file.txt").read_text() == "keep"
    assert not list(versions_dir(dest).glob(f"{TRASH}*"))


def test_migration_without_rename_exchange(tmp_path: Path):
    dest = tmp_path / "site"
    legacy_site(dest)
    assert publish(dest, 1, exchange=False) == 0
    assert dest.is_symlink() and version_of(dest) == 1
    previous = [p for p in versions_dir(dest).iterdir() if p.resolve() != dest.resolve()]
    assert len(previous) == 1 and version_of(previous[0]) == 0  # kept for a rollback
    assert publish(dest, 2, exchange=False) == 0
    kept = [p for p in versions_dir(dest).iterdir() if not p.name.startswith(TRASH)]
    assert version_of(dest) == 2 and len(kept) == 2


@pytest.mark.parametrize("planted", ["file", "link"])
def test_versions_folder_must_be_a_real_folder(tmp_path: Path, planted: str):
    dest, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    if planted == "file":
        versions_dir(dest).write_text("a file")
    else:
        versions_dir(dest).symlink_to(outside)
    assert publish(dest, 1) != 0
    assert (outside / "keep.txt").read_text() == "keep" and not dest.exists()


def test_unchanged_files_are_shared_with_the_previous_version(tmp_path: Path):
    from cercle.build.atomic import build_atomically, current_version, sweep

    dest, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    (outside / "same.css").write_text("body{}")

    def build(changed: str, mode: int = 0o644):
        def write(folder: Path) -> None:
            (folder / "img").mkdir()
            (folder / "img" / "card.png").write_bytes(b"png" * 1000)
            (folder / "index.html").write_text(changed)
            (folder / "a.js").write_text("js")
            (folder / "a.js").chmod(mode)
            (folder / "assets").mkdir()
            (folder / "assets" / "same.css").write_text("body{}")

        build_atomically(dest, write)
        return current_version(dest)

    first = build("one")
    # A planted link in the previous version is never followed to share a file from elsewhere.
    (first / "assets" / "same.css").unlink()
    (first / "assets").rmdir()
    (first / "assets").symlink_to(outside, target_is_directory=True)
    second = build("two", mode=0o600)
    assert (second / "img" / "card.png").stat().st_ino == (first / "img" / "card.png").stat().st_ino
    assert (second / "index.html").read_text() == "two"  # changed: its own file
    assert (second / "index.html").stat().st_ino != (first / "index.html").stat().st_ino
    assert (second / "a.js").stat().st_ino != (first / "a.js").stat().st_ino  # another mode
    assert (second / "assets" / "same.css").stat().st_ino != (outside / "same.css").stat().st_ino
    # The version before the previous one goes; the files it shared stay whole in the others.
    third = build("three")
    assert not first.exists() and (third / "img" / "card.png").read_bytes() == b"png" * 1000
    sweeper = sweep(versions_dir(dest))  # as the next build does first
    assert sweeper is not None and sweeper.wait() == 0
    assert (third / "img" / "card.png").stat().st_nlink == 2
