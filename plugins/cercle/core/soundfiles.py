"""Cache files this machine found sound, used unread while they stay unchanged.

A build places every card and picture from its cache: each file read, its seal checked
(cercle.core.cachefile), a card's PNG chunks checked, then written into the site. At 10,000
entries per language that is 60,000 files and most of a warm build's cards thread (42 CPU
seconds). A file found sound, or written by this machine's build, is recorded here with its
state (device, inode, size, modification time in ns), signed with the machine's key as the
slides' record (cercle.slides.cache) and the placed files' (cercle.build.placed) are. The
next build copies a file still in that state into the site by the kernel
(`cachefile.copy_into`), without reading it into Python nor checking it again.

Nothing Cercle does writes into a cache file (`write_atomic` replaces it: a new inode), so a
changed state means another hand, and the file is read and checked again. A cache that came
with a pull request holds other inodes and cannot sign a record: every file is read and
checked, as before. Without a key (no machine id, no CERCLE_CACHE_KEY), nothing is recorded.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from cercle.core.cachefile import (
    TRAILER,
    read_regular,
    read_with_state,
    sign,
    signed,
    signing_key,
    unseal,
    write_atomic,
)

FILE_NAME = "sound.json"
FORMAT = 1
State = list[int]  # device, inode, size, modification time (ns)


def state_of(found: os.stat_result) -> State:
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns]


class SoundFiles:
    """The record of one cache folder, for one build (used from one thread)."""

    def __init__(self, folder: Path, key: bytes | None) -> None:
        self.folder = folder
        self.key = key
        self.before: dict[str, State] = self._load()
        self.now: dict[str, State] = {}

    @classmethod
    def of(cls, folder: Path) -> SoundFiles:
        """The record of `folder`, signed with this machine's key."""
        return cls(folder, signing_key())

    def _load(self) -> dict[str, State]:
        if self.key is None:
            return {}
        payload = signed(read_regular(self.folder / FILE_NAME), self.key)
        try:
            stored = json.loads(payload) if payload is not None else None
        except ValueError:
            return {}
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return {}
        files = stored.get("files")
        return files if isinstance(files, dict) else {}

    def open_known(self, name: str) -> tuple[int, int] | None:
        """An open descriptor of cache file `name` and its payload's length, when it is the very
        file recorded sound; None otherwise. The caller closes the descriptor."""
        recorded = self.before.get(name)
        if recorded is None or self.key is None:
            return None
        try:
            fd = os.open(self.folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            found = os.fstat(fd)
        except OSError:
            found = None
        if found is None or not stat.S_ISREG(found.st_mode) or state_of(found) != recorded:
            os.close(fd)
            return None
        self.now[name] = recorded
        return fd, found.st_size - TRAILER

    def read(self, name: str, check: Callable[[memoryview], bool] = lambda _: True) -> memoryview | None:
        """The payload of cache file `name` when its seal and `check` hold (then recorded as
        sound); None otherwise."""
        found = read_with_state(self.folder / name)
        payload = unseal(found[0]) if found is not None else None
        if found is None or payload is None or not check(payload):
            return None
        self.now[name] = state_of(found[1])
        return payload

    def written(self, name: str, state: State | None) -> None:
        """This build wrote `name` (sealed), whose state was then `state`."""
        if state is not None:
            self.now[name] = state

    def save(self) -> None:
        """Keep the record for the next build, when this one found or wrote anything new. Files
        this build did not use are kept too (`cercle serve` places a few files at a time)."""
        if self.key is None or all(self.before.get(name) == state for name, state in self.now.items()):
            return
        files = {**self.before, **self.now}
        payload = json.dumps({"format": FORMAT, "files": files}, separators=(",", ":")).encode()
        with contextlib.suppress(OSError):  # a read-only or full disk only costs the next build time
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / FILE_NAME, sign(payload, self.key))
