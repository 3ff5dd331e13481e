"""Put cards and pictures into the site being built: a new file each, or a link to the same
file of the published version.

Most cards of a rebuild are the ones the published site already holds. When the site is a
version of `cercle.build.atomic` and the published version has the file at the same path
with exactly the bytes to place (read from the verified cache or just drawn), the file is
hard-linked from there instead of written: `share_unchanged` would link it after the build
anyway, once the new copy was written and read back. The cache is never linked (its files
carry their seal, and a hard link would let a cache file change the site): only the two
site versions share the inode, as they do today after publication. Nothing writes in place
into a site file afterwards: cards and pictures are only ever placed (`write_copy` unlinks
first), and paths MkDocs itself writes (a content file at the same path: shutil copies in
place) are written as copies, never linked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cercle.build.atomic import link_same, previous_version
from cercle.build.placed import Placements
from cercle.core.cachefile import copy_into, write_copy


@dataclass
class Placer:
    site: Path | None  # None: place nothing (the cache alone is filled)
    previous: Path | None = None  # the published version, whose equal files are linked
    own: frozenset[str] = field(default_factory=frozenset)  # site paths MkDocs writes: copies
    linked: int = 0
    placements: Placements | None = None  # what the last build placed, by key

    @classmethod
    def into(cls, site: Path | None, own: Iterable[str] = (), placements: Placements | None = None) -> Placer:
        """A placer for `site`, linking from the version published beside it, if any."""
        previous = previous_version(site) if site is not None else None
        return cls(site, previous, frozenset(own), placements=placements)

    def link_known(self, dest: str, key: str) -> bool:
        """Link `dest` unread when the last build placed it from `key` (cercle.build.placed)."""
        if self.site is None or self.placements is None or dest in self.own:
            return False
        if self.placements.link(dest, key):
            self.linked += 1
            return True
        return False

    def put(self, dest: str, data: bytes | memoryview, key: str = "") -> None:
        if self.site is None:
            return
        path = self.site / dest
        if self.previous is not None and dest not in self.own and link_same(path, self.previous / dest, data):
            self.linked += 1
        else:
            write_copy(path, data)
        self._placed(dest, key)

    def copy_in(self, dest: str, source: int, length: int, key: str = "") -> None:
        """`put` the first `length` bytes of the open file `source` (a cache file known sound:
        cercle.core.soundfiles), copied by the kernel unless the published version may hold
        them already (then read, to be compared)."""
        if self.site is None:
            return
        if self.previous is not None and dest not in self.own:
            self.put(dest, os.pread(source, length, 0), key)
            return
        copy_into(self.site / dest, source, length)
        self._placed(dest, key)

    def _placed(self, dest: str, key: str) -> None:
        if key and self.placements is not None and dest not in self.own:
            self.placements.placed(dest, key)
