"""What a build put into its site version, so that the next one links unchanged files unread.

A warm `cercle build` places thousands of files that the published version already holds:
every card, picture and reused page. `link_same` (cercle.build.atomic) links one only after
reading the cached bytes and the published copy and comparing them: at 2,000 entries per
language that was most of a warm build. A feature now names what it places by a key that
fixes its bytes (a card's cache name is the digest of all it is drawn from; a page's object
name is the digest of its HTML), and `Placements` keeps, per site path, that key and the
published file's inode, size and modification time. The next build links the published file
without reading anything when the key is the same and the file's state is what was recorded
(nothing Cercle does writes into a published file: a changed state is someone else's hand,
and the file is then read and compared as before).

The record lives in the feature's cache folder, signed like the pages' (cercle.core.cachefile
`signing_key`): a `.cache/` that came with a pull request cannot make a build link a file it
would not have placed. It names the version it describes; any other version ignores it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cercle.build.atomic import link_same, previous_version
from cercle.core.cachefile import read_regular, sign, signed, write_atomic, write_copy

FILE_NAME = "placed.json"
FORMAT = 1
State = tuple[str, int, int, int]  # key, inode, size, modification time (ns)


def _state(path: Path, key: str) -> State | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return key, found.st_ino, found.st_size, found.st_mtime_ns


class Placements:
    def __init__(self, site: Path | None, folder: Path, signing: bytes | None) -> None:
        self.root = site  # where files are placed
        versions = site.absolute().parent.name if site is not None else ""
        # Only a version of cercle.build.atomic is published whole and never written again.
        self.site = site if versions.startswith(".") and versions.endswith(".versions") else None
        self.folder = folder  # the feature's cache folder
        self.signing = signing
        self.previous = previous_version(self.site) if self.site is not None and signing is not None else None
        self.before: dict[str, list[object]] = self._load() if self.previous is not None else {}
        self.now: dict[str, State] = {}
        self.linked = 0
        self._folders: dict[str, bool] = {}  # published folder → no link on the way
        self._made: set[str] = set()  # folders of the new version known to exist
        if self.previous is not None:
            base = os.path.normpath(self.previous.absolute())
            self._folders[base] = os.path.realpath(base) == base

    def _load(self) -> dict[str, list[object]]:
        assert self.previous is not None
        assert self.signing is not None
        payload = signed(read_regular(self.folder / FILE_NAME), self.signing)
        if payload is None:
            return {}
        try:
            stored = json.loads(payload)
        except ValueError:
            return {}
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return {}
        if stored.get("version") != str(self.previous.resolve()):
            return {}
        files = stored.get("files")
        return files if isinstance(files, dict) else {}

    def _real(self, folder: str) -> bool:
        """No link on the way from the published version down to `folder` (one lstat a folder)."""
        known = self._folders.get(folder)
        if known is None:
            parent = os.path.dirname(folder)
            known = parent != folder and self._real(parent) and not os.path.islink(folder)
            self._folders[folder] = known
        return known

    def linkable(self, dest: str, key: str) -> bool:
        """The published version's `dest` was placed from `key` and is untouched since."""
        if self.site is None or self.previous is None or self.before.get(dest, [None])[0] != key:
            return False
        old = os.path.normpath(os.path.join(self.previous.absolute(), dest))
        # Never through a link on the way (never leave the version), never a changed file.
        return self._real(os.path.dirname(old)) and list(_state(Path(old), key) or ()) == self.before[dest]

    def link(self, dest: str, key: str) -> bool:
        """Link `dest` to the published version's file when it is `linkable`; False (nothing
        done) otherwise."""
        if not self.linkable(dest, key):
            return False
        assert self.site is not None and self.previous is not None
        old, new = os.path.join(self.previous, dest), os.path.join(self.site, dest)
        try:
            folder = os.path.dirname(new)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            try:
                os.link(old, new, follow_symlinks=False)
            except FileExistsError:  # never written through: replaced
                os.unlink(new)
                os.link(old, new, follow_symlinks=False)
        except OSError:
            return False
        self.linked += 1
        self.placed(dest, key)
        return True

    def put(self, dest: str, data: bytes | memoryview, key: str) -> None:
        """Place `data` (which `key` names) at `dest`: a link to the published version's file
        when it holds the same bytes, else a new file; recorded either way."""
        assert self.root is not None
        target = self.root / dest
        if self.previous is None or not link_same(target, self.previous / dest, data):
            write_copy(target, data)
        self.placed(dest, key)  # recorded only in a version (self.site)

    def placed(self, dest: str, key: str) -> None:
        """`dest` now holds the bytes `key` names (written or linked)."""
        if self.site is not None and self.signing is not None:
            state = _state(self.site / dest, key)
            if state is not None:
                self.now[dest] = state

    def save(self, more: dict[str, State] | None = None) -> None:
        """Keep what this build placed (and `more`, from the processes that rendered pages)."""
        if self.site is None or self.signing is None:
            return
        files = {**self.now, **(more or {})}
        payload = json.dumps({"format": FORMAT, "version": str(self.site.resolve()), "files": files}).encode()
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / FILE_NAME, sign(payload, self.signing))
